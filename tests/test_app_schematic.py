"""选址评估 counts and can exclude schematic positions, like the other position-dependent pages.

The counts are checked against the shipped layers' own ``location_quality``
column; the downloads (the stored results the CSV is written from) carry them.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from geoapp.app.presentation import planner_csv
from geoapp.layers import LayerSet
from geoapp.siting import POSITION_LAYERS
from geoapp.vocab import chains_table
from tests.apptest import metrics, run_page

pytestmark = pytest.mark.app

SHIPPED = LayerSet.shipped()
N_USED = sum(len(SHIPPED[n]) for n in POSITION_LAYERS)
N_SCHEMATIC = sum(
    int((SHIPPED[n]["location_quality"] == "schematic").sum()) for n in POSITION_LAYERS
)
N_KEPT = N_USED - N_SCHEMATIC
CHAIN = chains_table()["chain"].iloc[0]
SITE = {"kind": "point", "lon": 115.03, "lat": 35.62}


def test_the_sample_has_schematic_and_surveyed_features_among_those_used():
    assert 0 < N_SCHEMATIC < N_USED  # the monitoring stations are partly approximate


def test_siting_says_how_many_features_used_are_schematic():
    at = run_page("siting", state={"site_chain:zh": CHAIN, "site": SITE})
    assert not at.exception, at.exception
    assert at.checkbox(key="excl_schematic:zh").label == "排除示意位置"
    note = f"所用 {N_USED} 个要素中，{N_SCHEMATIC} 个为示意位置"
    assert any(note in c.value for c in at.caption), [c.value for c in at.caption]
    stored = at.session_state["results"]["siting_site"]["gdf"]
    assert stored["schematic_used"].iloc[0] == f"{N_SCHEMATIC}/{N_USED}"
    csv = pd.read_csv(io.BytesIO(planner_csv(stored, lang="zh")), encoding="utf-8-sig")
    assert csv["所用要素中示意位置数"].iloc[0] == f"{N_SCHEMATIC}/{N_USED}"


def test_siting_without_schematic_positions_uses_only_the_others():
    at = run_page("siting", state={"site_chain:zh": CHAIN, "site": SITE})
    before = metrics(at)
    at.checkbox(key="excl_schematic:zh").check().run()
    assert not at.exception, at.exception
    after = metrics(at)
    # every hub and zone of the sample is schematic: none is left to be near or inside
    assert before["最近物流枢纽"] != "—" and after["最近物流枢纽"] == "—"
    assert after["园区"] == "—"
    stations = SHIPPED["monitoring_stations"]
    kept = stations[stations["location_quality"] != "schematic"]
    caption = next(c for c in at.caption if "个要素中" in c.value).value
    assert caption.startswith(f"所用 {N_KEPT} 个要素中，0 个为示意位置")
    assert f"环境监测站点 0/{len(kept)}" in caption
    stored = at.session_state["results"]["siting_site"]["gdf"]
    assert stored["schematic_used"].iloc[0] == f"0/{N_KEPT}"
    # the nearest station is one of the approximate ones
    assert stored["station_name"].iloc[0] in set(kept["name"])


def test_siting_batch_download_states_the_schematic_count():
    csv = "名称,产业链,经度,纬度\n甲地块,氢能,115.03,35.62\n乙地块,绿色涂料,115.10,35.70\n"
    at = run_page("siting")
    at.file_uploader(key="site_upload").upload("候选点.csv", csv.encode("utf-8"), "text/csv")
    at.run()
    assert not at.exception, at.exception
    batch = at.session_state["results"]["siting_batch"]["gdf"]
    assert set(batch["schematic_used"]) == {f"{N_SCHEMATIC}/{N_USED}"}
    at.checkbox(key="excl_schematic:zh").check().run()
    batch = at.session_state["results"]["siting_batch"]["gdf"]
    assert set(batch["schematic_used"]) == {f"0/{N_KEPT}"}
    assert batch["hub_name"].isna().all()


def test_suitability_counts_and_can_exclude_schematic_positions():
    import pytest

    from geoapp.suitability import SurfaceSpec, compute_surface

    at = run_page("suitability")
    assert not at.exception, at.exception
    note = f"所用 {N_USED} 个要素中，{N_SCHEMATIC} 个为示意位置"
    assert any(note in c.value for c in at.caption), [c.value for c in at.caption]
    # the regions (and so their GeoJSON / GeoPackage downloads) carry the count too
    assert set(at.session_state["_suit_regions"]["regions"]["schematic_used"]) <= {
        f"{N_SCHEMATIC}/{N_USED}"
    }
    at.checkbox(key="excl_schematic:zh").check().run()
    assert not at.exception, at.exception
    assert any(c.value.startswith(f"所用 {N_KEPT} 个要素中，0 个") for c in at.caption)
    chain = at.selectbox(key="suit_chain").value
    kept = SHIPPED.without_schematic(POSITION_LAYERS)
    expected = compute_surface(kept, SurfaceSpec(chain, resolution_m=100))
    inside = expected.score >= 0
    assert float(metrics(at)["平均得分"]) == pytest.approx(expected.score[inside].mean(), abs=0.051)


def test_coverage_counts_the_facilities_used_too():
    at = run_page("coverage")
    assert not at.exception, at.exception
    hubs = SHIPPED["logistics_hubs"]
    n = len(SHIPPED["projects"]) + len(hubs)
    k = int((SHIPPED["projects"]["location_quality"] == "schematic").sum()) + int(
        (hubs["location_quality"] == "schematic").sum()
    )
    assert any(f"所用 {n} 个要素中，{k} 个为示意位置" in c.value for c in at.caption)
    sites = at.session_state["results"]["coverage_sites"]["gdf"]
    assert set(sites["schematic_used"]) == {f"{k}/{n}"}
    # monitoring stations: excluding schematic positions keeps the approximate ones
    at.radio(key="cov_type").set_value("monitoring_stations").run()
    at.checkbox(key="excl_schematic:zh").check().run()
    assert not at.exception, at.exception
    assert any("没有可分析的项目" in w.value for w in at.warning)  # every project is schematic


def test_go_to_on_the_chain_map_the_pipeline_map_and_the_suitability_map():
    import pytest

    from tests.apptest import map_args

    for page in ("chainmap", "pipeline", "suitability"):
        at = run_page(page)
        box = next(i for i in at.text_input if i.label == "定位到 经度, 纬度")
        box.input("115°01′48″E 35°45′36″N")
        next(b for b in at.button if b.label == "定位").click().run()
        assert not at.exception, at.exception
        args = map_args(at)
        assert args["center"] == pytest.approx([35.76, 115.03]), page
        assert args["zoom"] >= 13


def test_siting_report_with_pdfs_from_the_uploaded_candidates():
    import zipfile

    csv = "名称,产业链,经度,纬度\n甲地块,氢能,115.03,35.62\n乙地块,不存在的链,115.10,35.70\n"
    at = run_page("siting")
    at.file_uploader(key="site_upload").upload("候选点.csv", csv.encode("utf-8"), "text/csv")
    at.run()
    at.checkbox(key="site_report_pdf").check()
    next(b for b in at.button if b.label == "生成评估报告").click().run()
    assert not at.exception, at.exception
    _, data, n_pages, n_pdfs = at.session_state["site_report"]
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    pdfs = [n for n in names if n.startswith("siting_report/sites/") and n.endswith(".pdf")]
    assert n_pages == 2 and n_pdfs == len(pdfs) >= 2
    assert "siting_report/report.pdf" in names  # every site page in one document
    for name in [*pdfs, "siting_report/report.pdf"]:
        assert zipfile.ZipFile(io.BytesIO(data)).read(name).startswith(b"%PDF")
    note = zipfile.ZipFile(io.BytesIO(data)).read("siting_report/schematic_positions.txt")
    assert f"所用 {N_USED} 个要素中，{N_SCHEMATIC} 个为示意位置" in note.decode("utf-8")


def test_chain_map_ranking_says_how_many_features_used_are_schematic():
    at = run_page("chainmap")
    assert not at.exception, at.exception
    note = f"所用 {N_USED} 个要素中，{N_SCHEMATIC} 个为示意位置"
    assert any(note in c.value for c in at.caption), [c.value for c in at.caption]
