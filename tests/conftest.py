"""Shared fixtures: the shipped layers, loaded once per test session."""

from __future__ import annotations

import numpy as np
import pytest

from geoapp.catalog import load_layer
from geoapp.layers import LayerSet


@pytest.fixture(scope="session")
def shipped():
    """The shipped layer bundle."""
    return LayerSet.shipped()


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


def pytest_sessionfinish(session, exitstatus):
    """A skipped test is a failure here: every dependency is installed by `./dev test`."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and exitstatus == 0:
        reporter.write_line(f"{len(skipped)} test(s) skipped: skips count as failures", red=True)
        session.exitstatus = 1
