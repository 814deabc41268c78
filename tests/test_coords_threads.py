"""The cached metric transformers: the same coordinates as pyproj's own, in any thread."""

from __future__ import annotations

import threading

import geopandas as gpd
import numpy as np
from pyproj import Transformer

from geoapp.geo import from_metric, metric_transformer, to_metric
from geoapp.layers import load_layer


def _in_a_new_thread(func):
    out = {}
    th = threading.Thread(target=lambda: out.setdefault("v", func()))
    th.start()
    th.join()
    return out["v"]


def test_metric_transformer_matches_pyproj_in_a_new_thread():
    rng = np.random.default_rng(7)
    lon, lat = rng.uniform(114.5, 116.0, 5000), rng.uniform(35.0, 36.5, 5000)
    expected = Transformer.from_crs(4326, 4547, always_xy=True).transform(lon, lat)
    got = _in_a_new_thread(lambda: metric_transformer("EPSG:4326").transform(lon, lat))
    np.testing.assert_array_equal(np.array(got), np.array(expected))
    # CGCS2000 lon/lat (EPSG:4490) too
    expected = Transformer.from_crs(4490, 4547, always_xy=True).transform(lon, lat)
    got = _in_a_new_thread(lambda: metric_transformer(4490).transform(lon, lat))
    np.testing.assert_array_equal(np.array(got), np.array(expected))


def test_from_metric_is_geopandas_to_crs():
    counties = load_layer("counties")
    metric = to_metric(counties)
    back = _in_a_new_thread(lambda: from_metric(metric))
    expected = metric.to_crs(4326)
    assert back.crs == expected.crs and list(back.columns) == list(expected.columns)
    a = np.concatenate([np.asarray(g.exterior.coords) for g in back.geometry.explode().values])
    b = np.concatenate([np.asarray(g.exterior.coords) for g in expected.geometry.explode().values])
    np.testing.assert_allclose(a, b, rtol=0, atol=1e-9)
    series = from_metric(gpd.GeoSeries(metric.geometry.values, crs=metric.crs), "EPSG:4490")
    assert series.crs.to_epsg() == 4490
