"""The Streamlit app, page by page, with streamlit.testing.v1.AppTest (no browser)."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
import shapely
from apptest import map_args, metrics, run_page, switch_to
from streamlit.testing.v1 import AppTest

from geoapp.geo import to_metric
from geoapp.layers import load_layer
from geoapp.settings import APP_MAIN
from geoapp.vocab import chains_table

pytestmark = pytest.mark.app

APP = str(APP_MAIN)
N_PROJECTS = len(load_layer("projects"))
VERDICTS_ZH = {"推荐", "可行", "不建议", "禁止"}


def map_js(at: AppTest) -> str:
    """The map's base script and its dynamic layers (``feature_group``) together."""
    args = map_args(at)
    return args["script"] + (args["feature_group"] or "")


def button(at: AppTest, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, [b.label for b in at.button]
    return found[0]


def set_chain(state: dict | None = None) -> dict:
    """Session state choosing the siting chain (it must be chosen before a site is evaluated)."""
    return {"site_chain:zh": chains_table()["chain"].iloc[0], **(state or {})}


def dataframe_with(at: AppTest, column: str):
    frames = [d.value for d in at.dataframe if column in d.value.columns]
    assert frames, [list(d.value.columns) for d in at.dataframe]
    return frames[0]


@pytest.fixture(scope="module")
def near_river() -> tuple[float, float]:
    """A point inside the city about 500 m from the Yellow River (lon, lat)."""
    river = to_metric(load_layer("yellow_river").geometry).iloc[0]
    city = to_metric(load_layer("city").geometry).iloc[0]
    for frac in np.linspace(0.2, 0.8, 25):
        p = river.interpolate(frac, normalized=True)
        c = city.centroid
        v = np.array([c.x - p.x, c.y - p.y])
        q = shapely.Point(p.x + 500 * v[0] / np.hypot(*v), p.y + 500 * v[1] / np.hypot(*v))
        if city.contains(q) and 300 < river.distance(q) < 700:
            lon, lat = shapely.get_coordinates(
                __import__("geopandas").GeoSeries([q], crs=4547).to_crs(4326)
            )[0]
            return float(lon), float(lat)
    pytest.fail("no test point near the river")


# --------------------------------------------------------------------------- overview
def test_overview_renders_figures_map_and_filters():
    at = run_page()
    assert at.title[0].value == "地图总览"
    m = metrics(at)
    assert m["项目数"] == str(N_PROJECTS) and "总投资(亿元)" in m
    assert {w.label for w in at.multiselect} == {"县区", "产业集群", "产业链", "阶段"}
    assert at.slider(key="f_investment:zh").value[0] == 0.0
    assert at.sidebar.selectbox(key="basemap:zh").value == "none"
    args = map_args(at)
    # only the view comes back (kept across pages); panning reruns no more than the fragment
    assert args["returned_objects"] == ["center", "zoom"]
    # the base (counties, zones, …) is the stable script; the projects are a dynamic layer
    assert "geoapp-county" in args["script"] and "geoapp-project" not in args["script"]
    assert "geoapp-project" in args["feature_group"]
    assert all(
        u.startswith("../../app/static/vendor/") for u in args["js_links"] + args["css_links"]
    )
    # on a session's first run the charts and the list wait for the map (its first report
    # re-runs the page's fragment; a second run stands for it here)
    assert not at.dataframe and not at.get("download_button")
    at.run()
    stage_table = dataframe_with(at, "阶段")
    assert stage_table["项目数"].sum() == N_PROJECTS
    assert len(at.get("download_button")) == 3
    assert any(f"{N_PROJECTS} 个为示意位置" in c.value for c in at.caption)


def test_filters_change_the_figures():
    at = run_page()
    base = map_args(at)
    at.multiselect(key="f_stages:zh").set_value(["投产"]).run()
    assert metrics(at)["项目数"] == "26"
    after = map_args(at)
    # the filter changes only the dynamic layers: same base script, same component key
    assert after["script"] == base["script"] and after["key"] == base["key"]
    assert after["feature_group"] != base["feature_group"]
    at.multiselect(key="f_counties:zh").set_value(["华龙区"]).run()
    assert int(metrics(at)["项目数"]) < 26
    at.multiselect(key="f_counties:zh").set_value([]).run()
    at.multiselect(key="f_stages:zh").set_value([]).run()
    at.slider(key="f_investment:zh").set_value((1.0, 10.0)).run()
    assert int(metrics(at)["项目数"]) < 12  # only stated amounts within the range
    assert not at.exception


def test_english_switch_keeps_the_choices():
    at = run_page()
    at.multiselect(key="f_stages:zh").set_value(["投产"]).run()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Overview map"
    assert metrics(at)["Projects"] == "26"
    assert at.multiselect(key="f_stages:en").value == ["投产"]
    assert at.multiselect(key="f_stages:en").options[-2] == "In production"
    assert "Legend" in map_args(at)["feature_group"]
    assert at.query_params["lang"] in ("en", ["en"])


def test_filters_are_kept_across_pages():
    at = run_page()
    at.multiselect(key="f_stages:zh").set_value(["投产"]).run()
    switch_to(at, "clustering").run()
    assert metrics(at)["项目数"] == "26"
    switch_to(at, "overview").run()
    assert metrics(at)["项目数"] == "26"


def test_language_from_the_url():
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception and at.title[0].value == "Overview map"


def test_gaode_basemap_shifts_the_overlays():
    at = run_page()
    plain = map_args(at)["script"]
    at.sidebar.selectbox(key="basemap:zh").set_value("gaode").run()
    assert not at.exception
    script = map_args(at)["script"]
    assert "is.autonavi.com" in script and script != plain
    assert any("GCJ-02" in c.value for c in at.sidebar.caption)


def test_tianditu_is_offered_only_with_a_key():
    at = run_page()
    assert not any(o.startswith("tianditu") for o in at.sidebar.selectbox(key="basemap:zh").options)
    at.sidebar.text_input(key="tianditu_key").input("0123abcd").run()
    assert "天地图·矢量" in at.sidebar.selectbox(key="basemap:zh").options
    at.sidebar.selectbox(key="basemap:zh").set_value("tianditu_vec").run()
    assert not at.exception
    assert "tianditu.gov.cn" in map_args(at)["script"]


# --------------------------------------------------------------------------- analyses
def test_clustering_page_shows_the_cluster_table():
    at = run_page("clustering")
    assert at.title[0].value == "聚类分析"
    table = dataframe_with(at, "聚类")
    assert len(table) == int(metrics(at)["聚类数"]) > 0
    assert table["项目数"].sum() + int(metrics(at)["噪声点"]) == N_PROJECTS
    assert "geoapp-hull" in map_args(at)["feature_group"]
    at.radio(key="cl_method").set_value("hdbscan").run()
    # HDBSCAN runs on its button: until then the page says so
    assert not at.exception and metrics(at)["聚类数"] == "—"
    assert any("运行 HDBSCAN" in i.value for i in at.info)
    button(at, "运行 HDBSCAN").click().run()
    assert not at.exception and len(dataframe_with(at, "聚类")) == int(metrics(at)["聚类数"])
    at.checkbox(key="cl_hot").check().run()
    assert "geoapp-hotspot" not in map_args(at)["feature_group"]  # not before its button
    button(at, "运行热点分析").click().run()
    assert not at.exception
    assert "geoapp-hotspot" in map_args(at)["feature_group"]


def test_coverage_page_shows_the_share_table():
    at = run_page("coverage")
    assert at.title[0].value == "覆盖分析"
    m = metrics(at)
    assert m["覆盖率(按数量)"].endswith("%")
    table = dataframe_with(at, "覆盖率(按数量)")
    assert table["项目数"].sum() == N_PROJECTS
    assert "geoapp-service" in map_args(at)["feature_group"]
    at.radio(key="cov_type").set_value("monitoring_stations").run()
    assert not at.exception
    assert metrics(at)["覆盖率(按数量)"] != m["覆盖率(按数量)"]


def test_coverage_placement_mclp():
    at = run_page("coverage")
    at.radio(key="cov_model").set_value("mclp")
    at.number_input(key="cov_k").set_value(2)
    button(at, "运行选址").click().run()
    assert not at.exception, at.exception
    m = metrics(at)
    before = float(m["优化前覆盖率"].rstrip("%"))
    after = float(m["优化后覆盖率"].rstrip("%"))
    assert after >= before
    assert map_args(at)["feature_group"].count("geoapp-new") >= 1
    # the proposed sites can be downloaded, and the result follows its parameters
    assert {b.label for b in at.get("download_button")} >= {"下载 GeoJSON", "下载 GeoPackage"}
    proposed = at.session_state["results"]["proposed_sites"]["gdf"]
    assert len(proposed) == 2 and set(proposed["model"]) == {"MCLP"}
    at.slider(key="cov_radius_logistics_hubs").set_value(12.0).run()
    assert "优化后覆盖率" not in metrics(at)
    assert any("运行选址" in i.value for i in at.info)


def test_coverage_placement_stopped_by_its_time_limit_says_how_good_it_is():
    at = run_page("coverage")
    at.radio(key="cov_type").set_value("monitoring_stations").run()
    at.radio(key="cov_model").set_value("lscp")
    at.radio(key="cov_cand").set_value("grid")
    at.slider(key="cov_spacing").set_value(2.0)
    at.number_input(key="cov_time_limit").set_value(0.001)
    at.slider(key="cov_radius_monitoring_stations").set_value(8.0)
    button(at, "运行选址").click().run()
    assert not at.exception, at.exception
    warned = " ".join(w.value for w in at.warning)
    assert "求解质量" in warned and "0.001 秒时间上限" in warned
    assert re.search(r"与最优解相差不超过 \d+\.\d%（最多比最少所需设施数多 \d+ 个）", warned), (
        warned
    )
    assert float(metrics(at)["优化后覆盖率"].rstrip("%")) == 100.0


# --------------------------------------------------------------------------- siting
def test_siting_evaluates_an_injected_click():
    at = run_page(
        "siting", state=set_chain({"site": {"kind": "point", "lon": 115.03, "lat": 35.62}})
    )
    m = metrics(at)
    assert m["结论"] in VERDICTS_ZH and m["县区"] == "濮阳县"
    assert float(m["得分"]) >= 0
    assert "km" in m["最近物流枢纽"] and "km" in m["最近监测站"]
    args = map_args(at)
    assert args["returned_objects"] == ["last_clicked", "last_active_drawing", "center", "zoom"]
    assert "geoapp-site" in (args["feature_group"] or "")  # the marker does not re-render the map
    assert "geoapp-river-buffer" in args["feature_group"]  # the buffer of the current setting
    assert "geoapp-river-buffer" not in args["script"]
    assert len(dataframe_with(at, "得分")) == 5  # score breakdown, one row per criterion


def test_siting_refuses_a_click_outside_the_city():
    at = run_page("siting", state=set_chain({"site": {"kind": "point", "lon": 113.6, "lat": 34.7}}))
    assert any("濮阳市域外" in w.value for w in at.warning)  # in the UI language
    assert "结论" not in metrics(at)
    swapped = set_chain({"site": {"kind": "point", "lon": 35.62, "lat": 115.03}})
    at = run_page("siting", state=swapped)
    assert any("经纬度可能写反了" in w.value for w in at.warning), [w.value for w in at.warning]


def test_siting_chemical_project_near_the_river_is_prohibited_with_its_legal_basis(near_river):
    chem = (
        chains_table().loc[chains_table()["chemical"].fillna(False).astype(bool), "chain"].iloc[0]
    )
    lon, lat = near_river
    at = run_page(
        "siting", state={"site": {"kind": "point", "lon": lon, "lat": lat}, "site_chain:zh": chem}
    )
    assert metrics(at)["结论"] == "禁止"
    errors = " ".join(e.value for e in at.error)
    assert "黄河保护法" in errors and "法律依据" in errors


def test_siting_evaluates_a_drawn_parcel():
    parcel = shapely.box(115.02, 35.61, 115.04, 35.63).wkt
    at = run_page("siting", state=set_chain({"site": {"kind": "parcel", "wkt": parcel}}))
    assert metrics(at)["结论"] in VERDICTS_ZH
    assert any("ha" in c.value for c in at.caption)


def test_siting_ranks_an_uploaded_candidate_file(near_river):
    lon, lat = near_river
    csv = (
        "名称,产业链,经度,纬度\n甲地块,氢能,115.03,35.62\n乙地块,绿色涂料,115.10,35.70\n"
        f"丙地块,,{lon:.6f},{lat:.6f}\n"
    )
    at = run_page("siting")
    at.file_uploader(key="site_upload").upload("候选点.csv", csv.encode("gbk"), "text/csv")
    at.run()
    assert not at.exception, at.exception
    ranked = dataframe_with(at, "rank")
    assert list(ranked["rank"]) == [1, 2, 3]
    # 丙地块 states no chain and lies near the Yellow River, where the chemical rule may
    # apply: geoapp.siting flags it for review and ranks it last, never better
    assert list(ranked["verdict"])[-1] == "待核实" and list(ranked["name"])[-1] == "丙地块"
    assert set(ranked["verdict"][:2]) <= VERDICTS_ZH
    assert "geoapp-candidate" in (map_args(at)["feature_group"] or "")
    assert {b.label for b in at.get("download_button")} >= {"下载 CSV", "下载 GeoJSON"}


def test_siting_batch_table_is_the_librarys_and_the_reports(near_river):
    """The uploaded candidates' table shows evaluate_sites' verdicts, as the report does.

    One file with Chinese headers: known chains, an unknown chain and a missing
    chain far from the river (evaluated without a chain match, not flagged), a
    chemical chain near the Yellow River (prohibited) and an unknown chain near it
    (needs review). Row by row the page's table, evaluate_sites called directly on
    the same rows and the report's summary.csv agree.
    """
    import io
    import zipfile

    import geopandas as gpd
    import pandas as pd

    from geoapp.layers import LayerSet
    from geoapp.siting import evaluate_sites, rank_sites
    from geoapp.vocab import VERDICT, label

    lon, lat = near_river
    rows = [
        ("甲地块", "氢能", 115.03, 35.62),
        ("乙地块", "绿色涂料", 115.10, 35.70),
        ("丙地块", "量子芯片", 115.00, 35.75),
        ("丁地块", "", 114.95, 35.80),
        ("戊地块", "绿色涂料", lon, lat),
        ("己地块", "星际物流", lon, lat),
    ]
    csv = "名称,产业链,经度,纬度\n" + "".join(f"{n},{c},{x:.6f},{y:.6f}\n" for n, c, x, y in rows)
    at = run_page("siting")
    at.file_uploader(key="site_upload").upload("候选点.csv", csv.encode("utf-8"), "text/csv")
    at.run()
    assert not at.exception, at.exception
    page = dataframe_with(at, "rank").set_index("name")

    direct = evaluate_sites(
        gpd.GeoDataFrame(
            {"name": [r[0] for r in rows], "chain": [r[1] or None for r in rows]},
            geometry=gpd.points_from_xy([float(r[2]) for r in rows], [float(r[3]) for r in rows]),
            crs=4326,
        ),
        layers=LayerSet.shipped(),
    )
    direct = rank_sites(direct).set_index("name")
    # the file covers each case: unknown and missing chains far from the river are not
    # flagged, the chemical chain near it is prohibited, the unknown chain near it reviewed
    assert not direct.loc[["丙地块", "丁地块"], "chain_known"].any()
    assert "needs_review" not in set(direct.loc[["丙地块", "丁地块"], "verdict"])
    assert direct.loc["戊地块", "verdict"] == "prohibited"
    assert direct.loc["己地块", "verdict"] == "needs_review"

    assert list(page.index) == list(direct.index)
    for name, want in direct.iterrows():
        got = page.loc[name]
        assert got["verdict"] == label(VERDICT, want["verdict"], "zh"), name
        assert float(got["score"]) == pytest.approx(want["score"]), name
        assert got["violation_text"] == want["violation_text"], name
        assert got["review_text"] == want["review_text"], name

    button(at, "生成评估报告").click().run()
    assert not at.exception, at.exception
    _, data, _, _ = at.session_state["site_report"]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        summary = pd.read_csv(zf.open("siting_report/summary.csv"), encoding="utf-8-sig")
    summary = summary.set_index("name")
    assert list(summary.index) == list(page.index)
    for name, want in direct.iterrows():
        got = summary.loc[name]
        text = "" if pd.isna(got["violations"]) else got["violations"]
        assert got["verdict"] == want["verdict"], name
        assert got["score"] == pytest.approx(want["score"]), name
        assert bool(text) == bool(want["violations"] or want["review_text"]), name
        assert all(text.startswith(rule) or f"；{rule}：" in text for rule in want["violations"])
        if want["review_text"]:
            assert text == want["review_text"], name


# --------------------------------------------------------------------------- data
def test_data_upload_reports_rejected_rows_and_replaces_projects():
    csv = (
        "项目名称,产业链,阶段,投资额(亿元),经度,纬度\n"
        "新项目一,氢能,签约,3.5,115.03,35.62\n"
        "新项目二,绿色涂料,在建,,115.10,35.70\n"
        "坏行,氢能,签约,1,,35.70\n"
        "新项目三,<script>alert(1)</script>,谋划,2,114.95,35.80\n"
    )
    at = run_page("data")
    at.file_uploader(key="data_upload").upload("projects.csv", csv.encode("gbk"), "text/csv")
    at.run()
    assert not at.exception, at.exception
    rejected = dataframe_with(at, "reason")
    # the unknown chain "<script>…" costs its row only (line 5 of the file), listed as text
    assert list(rejected["row"]) == [4, 5]
    assert "产业链“<script>alert(1)</script>”不在目录中" in list(rejected["reason"])
    assert not at.error
    assert button(at, "替换 · 项目 (2)")
    assert at.session_state["ws_versions"]["projects"] == 0  # nothing written yet (issue 9)
    assert any("可用 2 行，被拒绝 2 行" in i.value for i in at.info)

    good = csv.replace("<script>alert(1)</script>", "氢能")
    at.file_uploader(key="data_upload").upload("projects.csv", good.encode("gbk"), "text/csv")
    at.run()
    at.button(key="data_apply").click().run()
    assert not at.exception, at.exception
    from geoapp.workspace import open_workspace  # uploads go into the workspace (issue 9)

    with open_workspace() as ws:
        user = ws.load_layer("projects")
        assert ws.versions("projects")["source"].tolist() == ["shipped", "projects.csv"]
    assert len(user) == 3
    assert set(user["location_quality"]) == {"surveyed"}
    switch_to(at, "overview").run()
    assert metrics(at)["项目数"] == "3"


def test_data_constraint_layer_is_used_by_siting():
    poly = shapely.box(115.02, 35.61, 115.04, 35.63)
    fc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "生态保护红线"},
                "geometry": shapely.geometry.mapping(poly),
            }
        ],
    }
    at = run_page("data")
    at.selectbox(key="data_target:zh").set_value("constraints").run()
    at.file_uploader(key="data_upload").upload(
        "redline.geojson", json.dumps(fc, ensure_ascii=False).encode(), "application/geo+json"
    )
    at.run()
    at.button(key="data_apply").click().run()
    assert not at.exception, at.exception
    switch_to(at, "siting")
    at.session_state["site"] = {"kind": "point", "lon": 115.03, "lat": 35.62}
    at.session_state["site_chain:zh"] = chains_table()["chain"].iloc[0]
    at.run()
    assert not at.exception, at.exception
    assert metrics(at)["结论"] == "禁止"
    assert any("生态保护红线" in e.value for e in at.error)
    assert "geoapp-constraint" in map_args(at)["script"]


def test_data_page_downloads_layers_and_results():
    at = run_page("data")
    pick = at.selectbox(key="data_dl_pick:zh")
    assert "县区" in pick.options  # shown by title
    pick.set_value("layer:counties").run()
    at.selectbox(key="data_dl_fmt").set_value("gpkg").run()
    assert not at.exception
    assert at.get("download_button")[0].label == "下载 counties.gpkg"


# --------------------------------------------------------------------------- issue 10
def test_go_to_box_moves_the_map_to_a_typed_dms_coordinate():
    at = run_page()
    at.text_input(key="overview_map_goto_text").input("115°01'30\"E 35°45'36\"N")
    button(at, "定位").click().run()
    assert not at.exception, at.exception
    args = map_args(at)
    lat, lon = args["center"]
    assert (
        abs(lon - (115 + 1 / 60 + 30 / 3600)) < 1e-9
        and abs(lat - (35 + 45 / 60 + 36 / 3600)) < 1e-9
    )
    assert args["zoom"] >= 13


def test_go_to_box_answers_an_unreadable_coordinate_in_the_ui_language():
    at = run_page()
    at.text_input(key="overview_map_goto_text").input("濮阳市政府")
    button(at, "定位").click().run()
    assert not at.exception
    assert any("无法识别的坐标" in e.value for e in at.error)
    assert map_args(at)["center"] is None


def test_the_view_is_handed_back_when_a_map_is_mounted_again():
    at = run_page()
    at.session_state["map_view"] = {"center": [35.7, 115.1], "zoom": 12.5, "sent": {}}
    switch_to(at, "coverage").run()
    args = map_args(at)
    assert args["center"] == [35.7, 115.1] and args["zoom"] == 12.5
    at.sidebar.radio(key="lang").set_value("en").run()  # a new base (English), same view
    assert map_args(at)["center"] == [35.7, 115.1]


def test_excluding_schematic_positions_is_said_and_leaves_no_sample_projects():
    at = run_page("clustering")
    assert any(
        f"所用 {N_PROJECTS} 个要素中，{N_PROJECTS} 个为示意位置（非实测坐标）：项目 "
        f"{N_PROJECTS}/{N_PROJECTS}" in c.value
        for c in at.caption
    )
    at.checkbox(key="excl_schematic:zh").check().run()
    assert not at.exception, at.exception
    assert metrics(at)["项目数"] == "0"
    assert any("没有可分析的项目" in w.value for w in at.warning)


def test_lscp_infeasible_is_explained_without_api_names():
    at = run_page("coverage")
    at.slider(key="cov_radius_logistics_hubs").set_value(2.0)
    at.radio(key="cov_model").set_value("lscp")
    button(at, "运行选址").click().run()
    assert not at.exception, at.exception
    text = " ".join(e.value for e in at.error)
    assert "全覆盖（LSCP）不可行" in text and "公里" in text
    assert "radius_m" not in text and "model=" not in text and "LSCP is infeasible" not in text


def test_siting_asks_for_the_chain_before_evaluating():
    at = run_page("siting", state={"site": {"kind": "point", "lon": 115.03, "lat": 35.62}})
    assert "结论" not in metrics(at)
    assert any("请先选择候选项目产业链" in i.value for i in at.info)
    assert at.selectbox(key="site_chain:zh").value is None


def test_siting_outside_the_city_is_not_evaluated():
    at = run_page("siting", state=set_chain({"site": {"kind": "point", "lon": 114.2, "lat": 35.0}}))
    assert "结论" not in metrics(at)
    assert any("濮阳市域外" in w.value for w in at.warning)


def test_siting_evaluates_a_typed_coordinate():
    at = run_page("siting", state=set_chain())
    at.text_input(key="site_coord_text").input("35°37'12\"N 115°01'48\"E")
    button(at, "评估此坐标").click().run()
    assert not at.exception, at.exception
    assert metrics(at)["结论"] in VERDICTS_ZH
    assert any("115.03000, 35.62000" in c.value for c in at.caption)
    assert map_args(at)["center"] == pytest.approx([35.62, 115.03])


def test_siting_batch_report_from_the_uploaded_candidates():
    import io
    import zipfile

    csv = "名称,产业链,经度,纬度\n甲地块,氢能,115.03,35.62\n乙地块,绿色涂料,115.10,35.70\n"
    at = run_page("siting")
    at.file_uploader(key="site_upload").upload("候选点.csv", csv.encode("utf-8"), "text/csv")
    at.run()
    button(at, "生成评估报告").click().run()
    assert not at.exception, at.exception
    assert "下载评估报告 (zip)" in {b.label for b in at.get("download_button")}
    _, data, n_pages, n_pdfs = at.session_state["site_report"]
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "siting_report/index.html" in names and n_pages == 2 and n_pdfs == 0
    assert sum(n.startswith("siting_report/sites/") and n.endswith(".html") for n in names) == 2


def test_coverage_follows_a_stage_filter_whose_projects_state_no_zone():
    at = run_page()
    at.multiselect(key="f_stages:zh").set_value(["投产"]).run()
    switch_to(at, "coverage").run()
    assert not at.exception, at.exception
    assert metrics(at)["已覆盖项目"].endswith("/ 26")
    assert dataframe_with(at, "覆盖率(按数量)")["项目数"].sum() == 26
