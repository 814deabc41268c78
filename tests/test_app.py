"""The Streamlit app, page by page, with streamlit.testing.v1.AppTest (no browser)."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
import shapely
from streamlit.testing.v1 import AppTest

from geoapp.catalog import load_layer
from geoapp.chains import chains_table
from geoapp.coords import to_metric
from geoapp.settings import APP_MAIN

APP = str(APP_MAIN)
N_PROJECTS = len(load_layer("projects"))
VERDICTS_ZH = {"推荐", "可行", "不建议", "禁止"}


def run_page(page: str | None = None, *, state: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    assert not at.exception, at.exception
    if page:
        at.switch_page(f"views/{page}.py")
    for key, value in (state or {}).items():
        at.session_state[key] = value
    if page or state:
        at.run()
        assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def map_args(at: AppTest) -> dict:
    comps = [
        c for c in at.get("component_instance") if c.proto.component_name.endswith("st_folium")
    ]
    assert len(comps) == 1
    return json.loads(comps[0].proto.json_args)


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
    assert {w.label for w in at.sidebar.multiselect} == {"县区", "产业集群", "产业链", "阶段"}
    assert at.sidebar.slider(key="f_investment:zh").value[0] == 0.0
    assert at.sidebar.selectbox(key="basemap:zh").value == "none"
    args = map_args(at)
    assert args["returned_objects"] == []  # panning never reruns the page
    assert "geoapp-county" in args["script"] and "geoapp-project" in args["script"]
    assert all(
        u.startswith("../../app/static/vendor/") for u in args["js_links"] + args["css_links"]
    )
    stage_table = dataframe_with(at, "阶段")
    assert stage_table["项目数"].sum() == N_PROJECTS
    assert len(at.get("download_button")) == 3


def test_filters_change_the_figures():
    at = run_page()
    at.sidebar.multiselect(key="f_stages:zh").set_value(["投产"]).run()
    assert metrics(at)["项目数"] == "26"
    at.sidebar.multiselect(key="f_counties:zh").set_value(["华龙区"]).run()
    assert int(metrics(at)["项目数"]) < 26
    at.sidebar.multiselect(key="f_counties:zh").set_value([]).run()
    at.sidebar.multiselect(key="f_stages:zh").set_value([]).run()
    at.sidebar.slider(key="f_investment:zh").set_value((1.0, 10.0)).run()
    assert int(metrics(at)["项目数"]) < 12  # only stated amounts within the range
    assert not at.exception


def test_english_switch_keeps_the_choices():
    at = run_page()
    at.sidebar.multiselect(key="f_stages:zh").set_value(["投产"]).run()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Overview map"
    assert metrics(at)["Projects"] == "26"
    assert at.sidebar.multiselect(key="f_stages:en").value == ["投产"]
    assert at.sidebar.multiselect(key="f_stages:en").options[-2] == "In production"
    assert "Legend" in map_args(at)["script"]
    assert at.query_params["lang"] in ("en", ["en"])


def test_filters_are_kept_across_pages():
    at = run_page()
    at.sidebar.multiselect(key="f_stages:zh").set_value(["投产"]).run()
    at.switch_page("views/clustering.py").run()
    assert metrics(at)["项目数"] == "26"
    at.switch_page("views/overview.py").run()
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
    assert "geoapp-hull" in map_args(at)["script"]
    at.sidebar.radio(key="cl_method").set_value("hdbscan").run()
    assert not at.exception and len(dataframe_with(at, "聚类")) == int(metrics(at)["聚类数"])
    at.sidebar.checkbox(key="cl_hot").check().run()
    assert not at.exception
    assert "geoapp-hotspot" in map_args(at)["script"]


def test_coverage_page_shows_the_share_table():
    at = run_page("coverage")
    assert at.title[0].value == "覆盖分析"
    m = metrics(at)
    assert m["覆盖率(按数量)"].endswith("%")
    table = dataframe_with(at, "覆盖率(按数量)")
    assert table["项目数"].sum() == N_PROJECTS
    assert "geoapp-service" in map_args(at)["script"]
    at.sidebar.radio(key="cov_type").set_value("monitoring_stations").run()
    assert not at.exception
    assert metrics(at)["覆盖率(按数量)"] != m["覆盖率(按数量)"]


def test_coverage_placement_mclp():
    at = run_page("coverage")
    at.radio(key="cov_model").set_value("mclp").run()
    assert not at.exception, at.exception
    m = metrics(at)
    before = float(m["优化前覆盖率"].rstrip("%"))
    after = float(m["优化后覆盖率"].rstrip("%"))
    assert after >= before
    assert "geoapp-new" in map_args(at)["script"]
    assert any("最优解" in c.value for c in at.caption)  # solved to proven optimality


def test_coverage_placement_stopped_by_its_time_limit_says_how_good_it_is():
    at = run_page("coverage")
    at.sidebar.radio(key="cov_type").set_value("monitoring_stations")
    at.radio(key="cov_model").set_value("lscp")
    at.radio(key="cov_cand").set_value("grid").run()  # enables the spacing and time limit
    at.slider(key="cov_spacing").set_value(2.0)
    at.slider(key="cov_radius_monitoring_stations").set_value(8.0)
    at.number_input(key="cov_time_limit").set_value(0.001).run()
    assert not at.exception, at.exception
    warned = " ".join(w.value for w in at.warning)
    assert "求解质量" in warned and "0.001 秒时间上限" in warned
    assert re.search(r"与最优解相差不超过 \d+\.\d%（最多比最少所需设施数多 \d+ 个）", warned), warned
    assert float(metrics(at)["优化后覆盖率"].rstrip("%")) == 100.0


# --------------------------------------------------------------------------- siting
def test_siting_evaluates_an_injected_click():
    at = run_page("siting", state={"site": {"kind": "point", "lon": 115.03, "lat": 35.62}})
    m = metrics(at)
    assert m["结论"] in VERDICTS_ZH and m["县区"] == "濮阳县"
    assert float(m["得分"]) >= 0
    assert "km" in m["最近物流枢纽"] and "km" in m["最近监测站"]
    args = map_args(at)
    assert args["returned_objects"] == ["last_clicked", "last_active_drawing"]
    assert "geoapp-site" in (args["feature_group"] or "")  # the marker does not re-render the map
    assert len(dataframe_with(at, "得分")) == 5  # score breakdown, one row per criterion


def test_siting_refuses_a_click_outside_the_city():
    at = run_page("siting", state={"site": {"kind": "point", "lon": 113.6, "lat": 34.7}})
    assert any("outside 濮阳市" in e.value for e in at.error)
    assert "结论" not in metrics(at)


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
    at = run_page("siting", state={"site": {"kind": "parcel", "wkt": parcel}})
    assert metrics(at)["结论"] in VERDICTS_ZH
    assert any("ha" in c.value for c in at.caption)


def test_siting_ranks_an_uploaded_candidate_file():
    csv = "名称,产业链,经度,纬度\n甲地块,氢能,115.03,35.62\n乙地块,绿色涂料,115.10,35.70\n丙地块,,114.95,35.80\n"
    at = run_page("siting")
    at.sidebar.file_uploader(key="site_upload").upload("候选点.csv", csv.encode("gbk"), "text/csv")
    at.run()
    assert not at.exception, at.exception
    ranked = dataframe_with(at, "rank")
    assert list(ranked["rank"]) == [1, 2, 3]
    assert set(ranked["verdict"]) <= VERDICTS_ZH
    assert ranked["score"].is_monotonic_decreasing or ranked["verdict"].nunique() > 1
    assert "geoapp-candidate" in (map_args(at)["feature_group"] or "")
    assert {b.label for b in at.get("download_button")} >= {"下载 CSV", "下载 GeoJSON"}


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
    assert list(rejected["row"]) == [4]
    # the chain "<script>…" is not in the taxonomy: the layer check fails, nothing is replaced
    assert any("does not match its declaration" in e.value for e in at.error)
    assert not [b for b in at.button if b.key == "data_apply"]
    assert at.session_state["ws_versions"]["projects"] == 0  # nothing written (issue 9)

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
    at.switch_page("views/overview.py").run()
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
    at.switch_page("views/siting.py")
    at.session_state["site"] = {"kind": "point", "lon": 115.03, "lat": 35.62}
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
