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
    from geoapp.spatial import random_points

    return random_points(city.geometry.iloc[0], 400, rng=np.random.default_rng(20261121))
