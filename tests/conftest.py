"""Shared fixtures: the shipped layers, loaded once per test session."""

from __future__ import annotations

import os
import uuid

import numpy as np
import pytest

from geoapp.layers import LayerSet, load_layer


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
    from geoapp.geo import random_points

    return random_points(city.geometry.iloc[0], 400, rng=np.random.default_rng(20261121))


#: Fixtures that start a Dask cluster: a test using one is marked ``dask``.
DASK_FIXTURES = {"dask_client", "reports"}


def pytest_collection_modifyitems(config, items):
    """Mark the tests that use a Dask cluster fixture, or run with two Dask workers, ``dask``."""
    for item in items:
        params = getattr(getattr(item, "callspec", None), "id", "")
        if DASK_FIXTURES & set(getattr(item, "fixturenames", ())) or "two-workers" in params:
            item.add_marker(pytest.mark.dask)


def pytest_sessionfinish(session, exitstatus):
    """A skipped test is a failure here: every dependency is installed by `./dev test`."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and exitstatus == 0:
        reporter.write_line(f"{len(skipped)} test(s) skipped: skips count as failures", red=True)
        session.exitstatus = 1


@pytest.fixture(autouse=True)
def _own_workspace(tmp_path_factory, monkeypatch):
    """Every test gets its own default workspace (never the user's ~/.local/share one)."""
    folder = tmp_path_factory.mktemp("workspace")
    monkeypatch.setenv("GEOAPP_WORKSPACE", str(folder / "workspace.gpkg"))


# --------------------------------------------------------------------------- workspaces
PG_ENV = "GEOAPP_TEST_PG"


def pg_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.fail(
            f"{PG_ENV} is not set: the PostGIS tests need the throwaway database that "
            "`./dev test` starts (it installs postgresql + postgis and exports the URL). "
            "Run the tests through ./dev test."
        )
    return url


def with_schema(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}schema={schema}"


@pytest.fixture(params=["gpkg", pytest.param("postgis", marks=pytest.mark.postgis)])
def ws_target(request, tmp_path):
    """A fresh workspace target on each back end (a new file / a new schema)."""
    if request.param == "gpkg":
        yield str(tmp_path / "workspace.gpkg")
        return
    import psycopg

    from geoapp.workspace import split_url

    base = pg_url()
    schema = f"t_{uuid.uuid4().hex[:10]}"
    yield with_schema(base, schema)
    libpq, _, _ = split_url(base)
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}", "{schema}_history" CASCADE')
