"""geoapp.app.presentation: the planner's tables and CSV (titles, WGS-84 lon/lat, metres, blanks)."""

from __future__ import annotations

import io

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geoapp.app.presentation import display_frame, planner_csv


@pytest.fixture
def sites() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "name": ["甲地块", None],
            "verdict": ["not_advised", "needs_review"],
            "stage": ["投产", None],
            "hub_distance_m": [1234.567, 88.4],
            "经度": ["115°01'30\"E", "115.1"],  # a raw input column, kept as typed
        },
        geometry=[shapely.Point(115.025, 35.76), shapely.box(115.0, 35.0, 115.2, 35.2)],
        crs=4326,
    )


def test_display_frame_translates_codes_and_blanks_empty_cells(sites):
    zh = display_frame(sites, "zh")
    assert "geometry" not in zh.columns
    assert list(zh["verdict"]) == ["不建议", "待核实"]
    assert list(zh["name"]) == ["甲地块", ""]
    en = display_frame(sites, "en")
    assert list(en["verdict"]) == ["Not advised", "Needs review"]
    assert list(en["stage"]) == ["In production", ""]


def test_planner_csv_in_chinese(sites):
    data = planner_csv(sites, lang="zh")
    assert data.startswith("\ufeff".encode())
    df = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(df.columns) == [
        "名称",
        "结论",
        "阶段",
        "最近物流枢纽距离(米)",
        "经度",
        "经度(WGS-84)",
        "纬度(WGS-84)",
    ]
    assert list(df["最近物流枢纽距离(米)"]) == ["1235", "88"]
    assert list(df["经度"]) == ["115°01'30\"E", "115.1"]
    assert float(df["经度(WGS-84)"][0]) == 115.025 and float(df["纬度(WGS-84)"][0]) == 35.76
    inside = shapely.Point(float(df["经度(WGS-84)"][1]), float(df["纬度(WGS-84)"][1]))
    assert sites.geometry.iloc[1].contains(inside)
    assert df["名称"][1] == "" and "None" not in data.decode("utf-8-sig")


def test_planner_csv_in_english_from_a_metric_layer(sites):
    metric = sites.to_crs(4547)
    df = pd.read_csv(io.BytesIO(planner_csv(metric, lang="en")), encoding="utf-8-sig")
    assert {"Name", "lon (WGS-84)", "lat (WGS-84)"} <= set(df.columns)
    assert df["lon (WGS-84)"][0] == pytest.approx(115.025, abs=1e-6)
