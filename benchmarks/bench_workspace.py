"""Benchmark: workspaces — import, save and load a 1,000,000-point layer; first map.

For each back end (a GeoPackage file, and PostGIS at ``--pg URL`` or
``$GEOAPP_TEST_PG``) it times, with the process's peak RSS during the step
(``/proc/self/clear_refs`` resets the high-water mark before each step; the
PostgreSQL server's own memory is not counted):

1. import: ``Workspace.replace_layer("projects", N points)`` (validation, write,
   version row; one transaction);
2. save: ``Workspace.save_scenario`` with the N points as a result layer;
3. load: ``Workspace.load_layer("projects")``;
4. bundle: ``Workspace.layers(LayerSet.shipped())`` (what every command and
   the app do first: load + LayerSet validation).

Then, on PostGIS, the bulk load alone: ``geoapp.workspace.postgis.write_table``
(COPY + GIST index) against ``GeoDataFrame.to_postgis`` (SQLAlchemy +
GeoAlchemy2, which also builds a GIST index), same N, and prints the ratio.

Finally the app's first map from a workspace: open the workspace, build the
bundle and ``geoapp.mapping.build_map`` + render the HTML, with a 5,000-point
projects layer in the workspace, against the same map from the same layers
already in memory (no workspace).

The points are seeded random points inside 濮阳市 with attributes sampled from
the shipped projects (``source`` says they are synthetic). Usage::

    .venv/bin/python benchmarks/bench_workspace.py --n 1000000 --pg "postgresql:///db?host=/sock"
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np


def synthetic_projects(n: int, seed: int = 20261130):
    """``n`` seeded points inside the city, attributes sampled from the shipped projects."""
    import geopandas as gpd
    import pandas as pd

    from geoapp.geo import random_points
    from geoapp.layers import LayerSet

    shipped = LayerSet.shipped()
    projects, city = shipped["projects"], shipped["city"].geometry.iloc[0]
    rng = np.random.default_rng(seed)
    x, y = random_points(city, n, rng=rng)
    rows = (
        pd.DataFrame(projects.drop(columns="geometry"))
        .iloc[rng.integers(0, len(projects), n)]
        .reset_index(drop=True)
    )
    numbers = pd.Series(np.arange(1, n + 1)).astype(str)
    rows["id"] = "B" + numbers
    rows["name"] = "合成项目" + numbers
    rows["investment_yi"] = np.round(rng.gamma(2.0, 5.0, n), 1)
    rows["source"] = "benchmark: synthetic point (bench_workspace.py)"
    rows["location_quality"] = "schematic"
    return gpd.GeoDataFrame(rows, geometry=gpd.points_from_xy(x, y), crs=4326)


def _rss(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(label: str, fn: Callable[[], Any]) -> tuple[float, Any]:
    """Run ``fn`` once; print wall time and peak RSS during it. Returns (seconds, result)."""
    start = _rss("VmRSS")
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM
    t0 = time.perf_counter()
    out = fn()
    dt = time.perf_counter() - t0
    peak = _rss("VmHWM")
    print(
        f"  {label:<44} {dt:8.2f} s   peak RSS {peak:7.0f} MB (+{peak - start:5.0f} MB "
        f"over {start:5.0f} MB)",
        flush=True,
    )
    return dt, out


def bench_backend(target: str, gdf) -> None:
    from geoapp.layers import LayerSet
    from geoapp.workspace import open_workspace

    shipped = LayerSet.shipped()
    with open_workspace(target) as ws:
        print(f"{ws.kind}: {ws.target}")
        measure(
            f"import {len(gdf):,} points (replace_layer)",
            lambda: ws.replace_layer("projects", gdf, source="bench"),
        )
        measure(
            f"save scenario with {len(gdf):,} points",
            lambda: ws.save_scenario(
                "bench", analysis="bench", parameters={}, figures={}, results={"sites": gdf}
            ),
        )
        _, back = measure(
            f"load {len(gdf):,} points (load_layer)", lambda: ws.load_layer("projects")
        )
        assert len(back) == len(gdf)
        measure("bundle (layers(LayerSet.shipped()))", lambda: ws.layers(shipped))


def bench_copy_vs_to_postgis(url: str, gdf) -> None:
    import psycopg
    from sqlalchemy import create_engine

    from geoapp.workspace import split_url, write_table

    libpq, _, shown = split_url(url)
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    print(f"PostGIS bulk load of {len(gdf):,} points into {shown} (schema {schema}):")
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')

        def by_copy() -> None:
            with conn.transaction():
                write_table(conn, schema, "by_copy", gdf)

        t_copy, _ = measure("geoapp write_table (COPY + GIST index)", by_copy)
        engine = create_engine(libpq.replace("postgresql://", "postgresql+psycopg://", 1))
        t_orm, _ = measure(
            "GeoDataFrame.to_postgis (+ GIST index)",
            lambda: gdf.to_postgis("by_to_postgis", engine, schema=schema, index=False),
        )
        engine.dispose()
        n_copy = conn.execute(f'SELECT count(*) FROM "{schema}".by_copy').fetchone()[0]
        n_orm = conn.execute(f'SELECT count(*) FROM "{schema}".by_to_postgis').fetchone()[0]
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    assert n_copy == n_orm == len(gdf)
    print(f"  ratio to_postgis / COPY: {t_orm / t_copy:.1f}x (rows checked: {n_copy:,} each)")


def bench_first_map(target: str, n_map: int) -> None:
    from geoapp import mapping
    from geoapp.layers import LayerSet
    from geoapp.workspace import open_workspace

    small = synthetic_projects(n_map, seed=7)
    with open_workspace(target) as ws:
        ws.replace_layer("projects", small, source="bench map")
    in_memory = LayerSet.shipped().replace("projects", small, origin="bench")

    def from_workspace() -> str:
        with open_workspace(target) as ws:
            layers = ws.layers(LayerSet.shipped())
        return mapping.build_map(layers).get_root().render()

    def from_memory() -> str:
        return mapping.build_map(in_memory).get_root().render()

    t_ws, html = measure(f"first map from the workspace ({n_map:,} projects)", from_workspace)
    t_mem, _ = measure("same map from layers in memory", from_memory)
    print(f"  ratio workspace / in memory: {t_ws / t_mem:.2f}x; HTML {len(html) / 1e6:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="points in the big layer")
    parser.add_argument("--n-map", type=int, default=5_000, help="projects in the map test")
    parser.add_argument("--pg", default=os.environ.get("GEOAPP_TEST_PG"), help="PostGIS URL")
    args = parser.parse_args()
    if not args.pg:
        parser.error("give --pg URL (or set GEOAPP_TEST_PG) of a PostGIS database to use")

    import geopandas
    import psycopg
    import pyogrio

    print(
        f"python {platform.python_version()}, geopandas {geopandas.__version__}, pyogrio "
        f"{pyogrio.__version__} (GDAL {pyogrio.__gdal_version_string__}), psycopg "
        f"{psycopg.__version__}; {os.cpu_count()} CPUs; load average "
        f"{os.getloadavg()[0]:.2f}"
    )
    t0 = time.perf_counter()
    gdf = synthetic_projects(args.n)
    print(f"{args.n:,} synthetic points in {time.perf_counter() - t0:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        bench_backend(str(Path(tmp) / "bench.gpkg"), gdf)
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        sep = "&" if "?" in args.pg else "?"
        pg = f"{args.pg}{sep}schema={schema}"
        bench_backend(pg, gdf)
        bench_copy_vs_to_postgis(args.pg, gdf)
        print("first map:")
        bench_first_map(str(Path(tmp) / "map.gpkg"), args.n_map)
        bench_first_map(f"{args.pg}{sep}schema={schema}_map", args.n_map)
    import psycopg as pg_driver

    from geoapp.workspace import split_url

    with pg_driver.connect(split_url(args.pg)[0], autocommit=True) as conn:
        for name in (schema, f"{schema}_map"):
            conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


if __name__ == "__main__":
    main()
