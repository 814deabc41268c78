"""Timing of the coverage analyses on synthetic sites inside 濮阳市, against GeoPandas.

Run: ``.venv/bin/python benchmarks/bench_coverage.py [n_sites]`` (default 100 000).
Prints one line per step and, for the nearest-facility and coverage steps, the ratio
against a hand-written GeoPandas baseline run in the same process
(``gpd.sjoin_nearest`` in EPSG:4547, then a group-by for the shares). The MCLP step
has no baseline: its cost is the CBC solve. Nothing is written.
"""

from __future__ import annotations

import sys
import time

import geopandas as gpd
import numpy as np

from geoapp.catalog import load_layer
from geoapp.coverage import candidate_sites, coverage, nearest_facility, place_facilities
from geoapp.settings import METRIC_CRS
from geoapp.spatial import random_points


def baseline_nearest(sites: gpd.GeoDataFrame, facilities: gpd.GeoDataFrame):
    """Plain GeoPandas: nearest facility and its distance in metres."""
    joined = gpd.sjoin_nearest(
        sites.to_crs(METRIC_CRS)[["geometry"]],
        facilities.to_crs(METRIC_CRS)[["name", "geometry"]],
        distance_col="distance_m",
    )
    return joined[~joined.index.duplicated()]


def baseline_coverage(sites, facilities, radius_m, counties, zones):
    """Plain GeoPandas doing what :func:`coverage` does for a layer without county/zone
    columns: nearest distance, covered flag, county and innermost zone by ``sjoin``,
    shares by count and by investment per county, zone and chain."""
    near = baseline_nearest(sites, facilities)
    frame = sites.to_crs(METRIC_CRS)
    frame["covered"] = near["distance_m"] <= radius_m
    frame["inv_covered"] = frame["investment_yi"] * frame["covered"]
    c = gpd.sjoin(frame[["geometry"]], counties.to_crs(METRIC_CRS)[["name", "geometry"]],
                  predicate="within")
    frame["county"] = c[~c.index.duplicated()]["name"]
    zm = zones.to_crs(METRIC_CRS)[["name", "geometry"]]
    zm["area"] = zm.area
    z = gpd.sjoin(frame[["geometry"]], zm, predicate="within").sort_values("area")
    frame["zone"] = z[~z.index.duplicated()]["name"]
    return {
        key: frame.groupby(key, dropna=False)[["covered", "investment_yi", "inv_covered"]].sum()
        for key in ("county", "zone", "chain")
    }


def _time(fn, repeat: int = 3) -> float:
    """Best of ``repeat`` runs after one warm-up run (pyproj and GEOS set-up excluded)."""
    fn()
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def random_sites(n: int, seed: int = 0) -> gpd.GeoDataFrame:
    """``n`` seeded points inside the city outline, with a random investment."""
    city = load_layer("city").geometry.iloc[0]
    rng = np.random.default_rng(seed)
    x, y = random_points(city, n, rng=rng)
    return gpd.GeoDataFrame(
        {"investment_yi": rng.gamma(2.0, 3.0, len(x)), "chain": "氢能"},
        geometry=gpd.points_from_xy(x, y),
        crs=4326,
    )


def main(n: int = 100_000) -> None:
    hubs, zones = load_layer("logistics_hubs"), load_layer("zones")
    counties = load_layer("counties")
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
    baselines = {
        steps[0][0]: lambda: baseline_nearest(sites, hubs),
        steps[1][0]: lambda: baseline_nearest(sites, zones),
        steps[2][0]: lambda: baseline_coverage(sites, hubs, 20_000, counties, zones),
    }
    for label, fn in steps:
        elapsed = _time(fn)
        line = f"{label:40s} geoapp {elapsed:7.3f} s"
        if label in baselines:
            base = _time(baselines[label])
            line += f"  baseline {base:7.3f} s  ratio {elapsed / base:5.2f}x"
        print(f"{line}  ({len(sites)} sites)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
