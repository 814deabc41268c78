"""GCJ-02 / BD-09 conversion and the metric CRS, against published pairs and pyproj.Geod."""

from __future__ import annotations

import eviltransform
import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import Geod

from geoapp.errors import CRSError
from geoapp.geo import coords
from geoapp.settings import METRIC_CRS

GEOD = Geod(ellps="WGS84")

# Published reference pairs (wandergis/coordtransform README, input 116.404, 39.915).
WGS_IN = (116.404, 39.915)
GCJ_OF_WGS = (116.41024449916938, 39.91640428150164)
BD_OF_GCJ = (116.41036949371029, 39.92133699351021)
GCJ_OF_BD = (116.39762729119315, 39.90865673957631)  # their one-step approximate inverse


def test_wgs84_to_gcj02_matches_published_pair():
    lon, lat = coords.wgs84_to_gcj02(*WGS_IN)
    assert lon == pytest.approx(GCJ_OF_WGS[0], abs=1e-9)
    assert lat == pytest.approx(GCJ_OF_WGS[1], abs=1e-9)


def test_gcj02_to_bd09_matches_published_pair():
    lon, lat = coords.gcj02_to_bd09(*WGS_IN)
    assert lon == pytest.approx(BD_OF_GCJ[0], abs=1e-9)
    assert lat == pytest.approx(BD_OF_GCJ[1], abs=1e-9)


def test_bd09_to_gcj02_exact_is_within_a_metre_of_published_approximation():
    lon, lat = coords.bd09_to_gcj02(*WGS_IN)
    _, _, d = GEOD.inv(lon, lat, *GCJ_OF_BD)
    assert d < 1.0
    # and it is the exact inverse, which the published closed form is not
    back = coords.gcj02_to_bd09(lon, lat)
    assert np.allclose(back, WGS_IN, atol=1e-9)


def test_gcj02_inverse_agrees_with_eviltransform_exact(city_points):
    x, y = city_points
    gx, gy = coords.wgs84_to_gcj02(x, y)
    wx, wy = coords.gcj02_to_wgs84(gx, gy)
    # ours recovers the true WGS-84 points to well under a millimetre …
    _, _, d_true = GEOD.inv(wx, wy, x, y)
    assert d_true.max() < 1e-3
    # … and agrees with the independent eviltransform.gcj2wgs_exact (it takes lat, lon) within
    # that library's own precision: its answers re-project up to ~0.7 m off the GCJ-02 input.
    ref = np.array([eviltransform.gcj2wgs_exact(b, a)[::-1] for a, b in zip(gx[:50], gy[:50])])
    _, _, d = GEOD.inv(wx[:50], wy[:50], ref[:, 0], ref[:, 1])
    assert d.max() < 1.0
    fx, fy = coords.wgs84_to_gcj02(ref[:, 0], ref[:, 1])
    _, _, own_error = GEOD.inv(fx, fy, gx[:50], gy[:50])
    assert np.allclose(d, own_error, atol=0.01)  # the whole difference is eviltransform's


@pytest.mark.parametrize(
    ("fwd", "inv"),
    [
        (coords.wgs84_to_gcj02, coords.gcj02_to_wgs84),
        (coords.wgs84_to_bd09, coords.bd09_to_wgs84),
        (coords.gcj02_to_bd09, coords.bd09_to_gcj02),
    ],
)
def test_round_trips_under_half_a_metre(city_points, fwd, inv):
    x, y = city_points
    bx, by = inv(*fwd(x, y))
    _, _, d = GEOD.inv(x, y, bx, by)
    assert d.max() < 0.5
    fx, fy = fwd(*inv(x, y))
    _, _, d2 = GEOD.inv(x, y, fx, fy)
    assert d2.max() < 0.5


def test_shift_at_puyang_is_about_530_m_and_bd09_about_1_3_km(city_points):
    x, y = city_points
    _, _, d_gcj = GEOD.inv(x, y, *coords.wgs84_to_gcj02(x, y))
    _, _, d_bd = GEOD.inv(x, y, *coords.wgs84_to_bd09(x, y))
    assert d_gcj.min() > 480 and d_gcj.max() < 560
    assert d_gcj.mean() == pytest.approx(525, abs=20)
    assert d_bd.min() > 1150 and d_bd.max() < 1400


def test_outside_china_is_unchanged():
    lon, lat = coords.wgs84_to_gcj02(2.35, 48.85)
    assert (float(lon), float(lat)) == (2.35, 48.85)


def test_geometry_conversion_equals_array_conversion(counties):
    out = coords.convert_geometry(counties, source="wgs84", target="gcj02")
    xy = shapely.get_coordinates(counties.geometry.values)
    expected = np.column_stack(coords.wgs84_to_gcj02(xy[:, 0], xy[:, 1]))
    assert np.allclose(shapely.get_coordinates(out.geometry.values), expected, atol=0, rtol=0)
    assert out.crs == counties.crs
    assert list(out["name"]) == list(counties["name"])
    # the input is not modified
    assert np.array_equal(shapely.get_coordinates(counties.geometry.values), xy)


def test_conversion_needs_lonlat(counties):
    with pytest.raises(CRSError, match="longitude/latitude only"):
        coords.convert_geometry(counties.to_crs(METRIC_CRS), source="wgs84", target="gcj02")
    with pytest.raises(ValueError, match="`source` was 'baidu'"):
        coords.convert_lonlat(1, 2, source="baidu", target="wgs84")


def test_metric_crs_distances_within_0_1_percent_of_geodesic(city_points):
    x, y = city_points
    a = gpd.GeoSeries(gpd.points_from_xy(x[:200], y[:200]), crs=4326)
    b = gpd.GeoSeries(gpd.points_from_xy(x[200:], y[200:]), crs=4326)
    planar = coords.to_metric(a).distance(coords.to_metric(b)).to_numpy()
    _, _, geodesic = GEOD.inv(x[:200], y[:200], x[200:], y[200:])
    keep = geodesic > 1000
    rel = np.abs(planar[keep] - geodesic[keep]) / geodesic[keep]
    assert rel.max() < 0.001


def test_metric_crs_areas_within_0_1_percent_of_geodesic(counties):
    planar = coords.to_metric(counties).area.to_numpy()
    geodesic = np.array([abs(GEOD.geometry_area_perimeter(g)[0]) for g in counties.geometry])
    assert np.all(np.abs(planar - geodesic) / geodesic < 0.001)


def test_to_metric_requires_crs():
    with pytest.raises(CRSError, match="without a CRS"):
        coords.to_metric(gpd.GeoSeries([shapely.Point(115, 35.7)]))
