"""Shared fixtures: the shipped layers, loaded once per test session."""

from __future__ import annotations

import numpy as np
import pytest

from geoapp.catalog import load_layer


@pytest.fixture(scope="session")
def counties():
    return load_layer("counties")


@pytest.fixture(scope="session")
def city():
    return load_layer("city")


@pytest.fixture(scope="session")
def city_points(city):
    """400 seeded random points inside 濮阳市 (lon, lat arrays)."""
    import shapely

    rng = np.random.default_rng(20261121)
    poly = city.geometry.iloc[0]
    minx, miny, maxx, maxy = poly.bounds
    x = rng.uniform(minx, maxx, 4000)
    y = rng.uniform(miny, maxy, 4000)
    inside = shapely.contains_xy(poly, x, y)
    return x[inside][:400], y[inside][:400]
