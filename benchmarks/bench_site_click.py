"""Benchmark: evaluating one clicked site with the layers already built.

The app evaluates the point a planner clicks with one ``evaluate_sites`` call
on a one-row GeoDataFrame (EPSG:4326). The layer bundle and its siting indexes
are built once beforehand (as the app keeps them for its sessions), so the time
measured is the per-call cost only. Prints the median wall time of 50 calls
(after 5 warm-up calls at other points) and its ratio to the 20 ms goal (issue
14 item 4; issue 8 item 9), the median CPU time of the process per call (on a
shared machine, wall time includes waiting for a core) and, for reference, the
same call for a drawn parcel (polygon).

Usage::

    .venv/bin/python benchmarks/bench_site_click.py [--calls 50]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

GOAL_MS = 20.0


def _median_ms(fn, calls: int) -> tuple[float, float, float, float]:
    """Median, min and max wall time and median CPU time of this process, in ms."""
    wall, cpu = [], []
    for _ in range(calls):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return float(np.median(wall)), float(np.min(wall)), float(np.max(wall)), float(np.median(cpu))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=50, help="timed calls (median printed)")
    args = parser.parse_args(argv)

    import geopandas as gpd
    import shapely

    from geoapp.layers import LayerSet
    from geoapp.siting import evaluate_sites

    layers = LayerSet.shipped()
    t0 = time.perf_counter()
    first = evaluate_sites(
        gpd.GeoDataFrame(
            {"name": ["warm"], "chain": [None]}, geometry=[shapely.Point(115.03, 35.76)], crs=4326
        ),
        layers=layers,
    )
    setup_ms = (time.perf_counter() - t0) * 1000
    assert len(first) == 1

    rng = np.random.default_rng(14)
    lon, lat = rng.uniform(114.9, 115.3, 5), rng.uniform(35.6, 35.9, 5)
    for x, y in zip(lon, lat, strict=True):  # warm-up clicks at other points
        evaluate_sites(
            gpd.GeoDataFrame({"chain": ["氢能"]}, geometry=[shapely.Point(x, y)], crs=4326),
            layers=layers,
        )

    click = gpd.GeoDataFrame(
        {"name": ["点选位置"], "chain": ["聚碳新材料"]},
        geometry=[shapely.Point(115.05, 35.74)],
        crs="EPSG:4326",
    )
    parcel = gpd.GeoDataFrame(
        {"name": ["地块"], "chain": ["聚碳新材料"]},
        geometry=[shapely.Point(115.05, 35.74).buffer(0.004)],
        crs="EPSG:4326",
    )
    med, lo, hi, cpu = _median_ms(lambda: evaluate_sites(click, layers=layers), args.calls)
    p_med, _, _, p_cpu = _median_ms(lambda: evaluate_sites(parcel, layers=layers), args.calls)
    print(f"load average {os.getloadavg()[0]:.2f} (shared machine)")
    print(f"first call (builds the siting indexes): {setup_ms:8.1f} ms")
    print(
        f"one clicked point, layers built:  median {med:6.2f} ms over {args.calls} calls "
        f"(min {lo:.2f}, max {hi:.2f})   ratio to the {GOAL_MS:g} ms goal {med / GOAL_MS:.2f}x"
    )
    print(
        f"  CPU time of the call (less sensitive to other jobs): median {cpu:6.2f} ms "
        f"  ratio to the goal {cpu / GOAL_MS:.2f}x"
    )
    print(
        f"one drawn parcel, layers built:   median {p_med:6.2f} ms, CPU {p_cpu:.2f} ms (reference)"
    )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    raise SystemExit(main())
