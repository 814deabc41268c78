"""Timing of the coverage analyses on synthetic sites inside 濮阳市.

Run: ``.venv/bin/python benchmarks/bench_coverage.py [n_sites]`` (default 100 000).
Prints one line per step; nothing is written.
"""

from __future__ import annotations

import sys
import time

import geopandas as gpd
import numpy as np
import shapely

from geoapp.catalog import load_layer
from geoapp.coverage import candidate_sites, coverage, nearest_facility, place_facilities


def random_sites(n: int, seed: int = 0) -> gpd.GeoDataFrame:
    """``n`` seeded points inside the city outline, with a random investment."""
    city = load_layer("city").geometry.iloc[0]
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = city.bounds
    x = rng.uniform(minx, maxx, 3 * n)
    y = rng.uniform(miny, maxy, 3 * n)
    inside = shapely.contains_xy(city, x, y)
    x, y = x[inside][:n], y[inside][:n]
    return gpd.GeoDataFrame(
        {"investment_yi": rng.gamma(2.0, 3.0, len(x)), "chain": "氢能"},
        geometry=gpd.points_from_xy(x, y),
        crs=4326,
    )


def main(n: int = 100_000) -> None:
    hubs, zones = load_layer("logistics_hubs"), load_layer("zones")
    sites = random_sites(n)
    steps = [
        ("nearest_facility (points, KD-tree)", lambda: nearest_facility(sites, hubs)),
        ("nearest_facility (33 zone polygons)", lambda: nearest_facility(sites, zones)),
        ("coverage 20 km", lambda: coverage(sites, hubs, radius_m=20_000)),
    ]
    small = sites.iloc[:500]
    grid = candidate_sites(kind="grid", spacing_m=5000)
    steps.append(
        (
            f"MCLP 500 sites x {len(grid)} candidates, k=5",
            lambda: place_facilities(
                small, grid, radius_m=8000, model="mclp", k=5, existing=hubs
            ),
        )
    )
    for label, fn in steps:
        t0 = time.perf_counter()
        fn()
        print(f"{label:45s} {time.perf_counter() - t0:8.3f} s  ({len(sites)} sites)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
