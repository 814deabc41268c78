"""County / innermost-zone look-ups against geopandas.sjoin, and the attribute-first rule."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest

from geoapp.geo import locate, polygon_lookup, to_metric
from geoapp.layers import load_layer


@pytest.fixture(scope="module")
def zones():
    return load_layer("zones")


def test_polygon_lookup_equals_sjoin(city_points, counties, zones):
    x, y = city_points
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(x, y), crs=4326)
    got = polygon_lookup(to_metric(pts.geometry), to_metric(counties))
    joined = gpd.sjoin(pts, counties[["geometry"]].reset_index(), predicate="within")
    expected = joined["index"].reindex(pts.index).fillna(-1).astype(int).to_numpy()
    assert np.array_equal(got, expected)
    # innermost zone: the smallest containing one; check on points inside the parks
    parks = zones[zones["parent"].notna()]
    inner = gpd.GeoDataFrame(geometry=to_metric(parks).representative_point().to_crs(4326))
    idx = polygon_lookup(to_metric(inner.geometry), to_metric(zones), smallest=True)
    assert list(zones["name"].iloc[idx]) == list(parks["name"])


def test_locate_prefers_stated_values_and_blanks_schematic_guesses(counties, zones):
    projects = load_layer("projects")
    where = locate(projects, counties, zones, prefer_attributes=True)
    stated = projects["county"].notna()
    assert (where.loc[stated, "county"] == projects.loc[stated, "county"]).all()
    assert (where.loc[stated, "county_by"] == "attribute").all()
    # schematic positions with no stated county say nothing about it
    assert where.loc[~stated, "county"].isna().all()
    assert (where.loc[~stated, "county_by"] == "unstated").all()
    # the same rows treated as surveyed are located by position
    surveyed = locate(projects.assign(location_quality="surveyed"), counties, zones,
                      prefer_attributes=True)  # fmt: skip
    plain = locate(projects, counties, zones)
    assert (surveyed.loc[~stated, "county"] == plain.loc[~stated, "county"]).all()
    assert (surveyed.loc[~stated, "county_by"] == "location").all()


def test_county_of_a_stated_zone_comes_from_the_zone(counties, zones):
    zone = zones[zones["county"].notna() & zones["parent"].isna()].iloc[0]
    site = gpd.GeoDataFrame(
        {"zone": [zone["name"]], "county": [None], "location_quality": ["schematic"]},
        geometry=[zones.geometry.iloc[0].representative_point()],  # deliberately elsewhere
        crs=4326,
    )
    where = locate(site, counties, zones, prefer_attributes=True)
    assert where["county"].iloc[0] == zone["county"]
    assert where["county_by"].iloc[0] == "zone"
    assert where["zone"].iloc[0] == zone["name"] and where["zone_kind"].iloc[0] == zone["kind"]
