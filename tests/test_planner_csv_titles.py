"""Every column of the app's CSV downloads is titled in the UI language (issue 10).

The tables are real results (siting of an uploaded file, coverage with MCLP,
DBSCAN clusters); the test reads the CSV back as a planner's spreadsheet would.
"""

from __future__ import annotations

import io
import re

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geoapp.app.presentation import planner_csv
from geoapp.clustering import cluster_sites
from geoapp.coverage import candidate_sites, coverage, place_facilities
from geoapp.layers import LayerSet
from geoapp.siting import evaluate_sites

CJK = re.compile(r"[\u4e00-\u9fff]")
LAYERS = LayerSet.shipped()


def _results() -> dict[str, gpd.GeoDataFrame]:
    cands = gpd.GeoDataFrame(
        {"名称": ["甲", "乙"], "chain": ["氢能", "不存在的链"], "source_row": [2, 3]},
        geometry=[shapely.Point(115.03, 35.62), shapely.Point(115.10, 35.70)],
        crs=4326,
    )
    projects, hubs = LAYERS["projects"], LAYERS["logistics_hubs"]
    cov = coverage(projects, hubs, radius_m=20_000, weight_col=None, layers=LAYERS)
    placed = place_facilities(
        projects,
        candidate_sites(kind="zone_centroids", layers=LAYERS),
        radius_m=20_000,
        model="mclp",
        k=2,
        existing=hubs,
        weight_col=None,
    )
    clusters = cluster_sites(projects, method="dbscan", eps_m=3000, min_samples=3, layers=LAYERS)
    return {
        "siting": evaluate_sites(cands, layers=LAYERS, chain_col="chain"),
        "coverage": cov.sites,
        "proposed": placed.chosen.assign(model="MCLP", radius_m=20_000.0),
        "cluster_sites": clusters.sites,
        "cluster_hulls": clusters.hulls,
    }


RESULTS = _results()


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_csv_titles_and_values_in_the_ui_language(name):
    gdf = RESULTS[name]
    zh = pd.read_csv(io.BytesIO(planner_csv(gdf, lang="zh")), encoding="utf-8-sig", dtype=str)
    en = pd.read_csv(io.BytesIO(planner_csv(gdf, lang="en")), encoding="utf-8-sig", dtype=str)
    assert all(CJK.search(c) for c in zh.columns), [c for c in zh.columns if not CJK.search(c)]
    assert not any(CJK.search(c) for c in en.columns), [c for c in en.columns if CJK.search(c)]
    assert not any("_" in c for c in en.columns), list(en.columns)  # no code names
    assert {"经度(WGS-84)", "纬度(WGS-84)"} <= set(zh.columns)
    # distances in whole metres; yes/no instead of True/False
    titles = dict(zip(planner_csv_columns(gdf), zh.drop(columns=WGS).columns, strict=True))
    for src, col in titles.items():
        if src.endswith("_m"):
            assert zh[col].dropna().str.fullmatch(r"-?\d+").all(), col
    assert not zh.isin(["True", "False"]).any().any()


WGS = ["经度(WGS-84)", "纬度(WGS-84)"]


def planner_csv_columns(gdf: gpd.GeoDataFrame) -> list[str]:
    return [c for c in gdf.columns if c != gdf.geometry.name]


def test_wgs84_next_to_the_files_own_coordinates():
    """An upload in GCJ-02: its typed 经度/纬度, then the corrected WGS-84 beside them."""
    from geoapp.io import read_user_layer

    text = "名称,经度,纬度,产业链\n甲,115.0362,35.6185,氢能\n"
    cands = read_user_layer(text.encode("utf-8"), filename="c.csv", datum="gcj02").gdf
    table = pd.read_csv(
        io.BytesIO(planner_csv(evaluate_sites(cands, layers=LAYERS, chain_col="产业链"))),
        encoding="utf-8-sig",
    )
    cols = list(table.columns)
    assert cols[cols.index("纬度") + 1 : cols.index("纬度") + 3] == WGS
    assert table["经度"].iloc[0] == 115.0362  # as typed (GCJ-02)
    # the WGS-84 position is the GCJ-02 one moved back by a few hundred metres
    assert 0.002 < abs(table["经度(WGS-84)"].iloc[0] - 115.0362) < 0.01


def test_siting_csv_keeps_the_input_columns_and_adds_wgs84():
    zh = pd.read_csv(io.BytesIO(planner_csv(RESULTS["siting"], lang="zh")), encoding="utf-8-sig")
    assert list(zh["名称"]) == ["甲", "乙"] and list(zh["行号"]) == [2, 3]
    assert list(zh["经度(WGS-84)"]) == [115.03, 115.10]
    assert set(zh["化工类项目"]) <= {"是", "否"}
    assert zh["最近物流枢纽距离(米)"].dtype.kind == "i"


def test_proposed_sites_csv_names_the_candidate_kind():
    zh = pd.read_csv(io.BytesIO(planner_csv(RESULTS["proposed"], lang="zh")), encoding="utf-8-sig")
    en = pd.read_csv(io.BytesIO(planner_csv(RESULTS["proposed"], lang="en")), encoding="utf-8-sig")
    assert set(zh["类型"]) == {"园区代表点"} and set(en["Kind"]) == {"Zone points"}
    assert set(zh["服务半径(米)"]) == {20000} and len(zh) == 2


def test_sources_are_cited_as_documents_not_seed_files():
    from geoapp.vocab import cite

    for lang in ("zh", "en"):
        table = pd.read_csv(
            io.BytesIO(planner_csv(RESULTS["coverage"], lang=lang)), encoding="utf-8-sig"
        )
        col = "来源" if lang == "zh" else "Source"
        assert not table[col].astype(str).str.contains("seeds/").any()
        raw = RESULTS["coverage"]["source"].iloc[0]
        assert table[col].iloc[0] == cite(raw, lang)


@pytest.mark.app
def test_the_overview_project_list_cites_documents():
    from tests.apptest import run_page

    at = run_page()
    at.run()  # the list follows the map's first report (common.map_first)
    listed = next(d.value for d in at.dataframe if "来源" in d.value.columns)
    assert listed["来源"].str.contains(r"第[\d–、]+行").all()
    assert not listed["来源"].str.contains("seeds/").any()
    assert not listed.isin(["None", "nan"]).any().any()
