"""Benchmark: the suitability surface, in process and on a 2-worker Dask LocalCluster.

For each resolution (default 100 m, 30 m, 10 m) the whole city is scored for
one chain and written as a Cloud-Optimized GeoTIFF, once in process and once
on a ``LocalCluster`` of 2 worker processes (cluster start-up included). Each
variant runs in its own spawned process; its peak memory is the largest sum
of the resident set sizes of that process and all its children (the Dask
scheduler and workers), sampled every 0.1 s, and, for in-process runs, also
the kernel's ``ru_maxrss``.

Baseline at 100 m: :func:`geoapp.siting.evaluate_sites` on the centres of the
same cells as a GeoDataFrame of points (the way one would do it without the
grid engine); the script prints the ratio. With ``--batch-n`` it also runs
batch siting of that many random candidates from a GeoParquet file through
the same executor (in process and on 2 workers).

Usage::

    .venv/bin/python benchmarks/bench_suitability.py
    .venv/bin/python benchmarks/bench_suitability.py --resolutions 100 30 --batch-n 2000000
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

import psutil

from geoapp.suitability import REQUIRED_LAYERS

CHAIN = "聚碳新材料"
NAMES = REQUIRED_LAYERS  # the layers a surface reads


def _layers() -> dict:
    from geoapp.layers import load_layer

    return {n: load_layer(n) for n in NAMES}


def _surface(res: float, workers: int | None, out: str, q: mp.Queue) -> None:
    from geoapp.suitability import SurfaceSpec, compute_surface

    layers = _layers()
    t0 = time.perf_counter()
    r = compute_surface(layers, SurfaceSpec(CHAIN, resolution_m=res), output=out, workers=workers)
    dt = time.perf_counter() - t0
    cells = int(r.by_county["cells"].sum())
    q.put({"seconds": dt, "cells": cells, "maxrss_mb": _maxrss()})


def _points(res: float, q: mp.Queue) -> None:
    """Baseline: evaluate_sites on every inside cell centre as a point."""
    import geopandas as gpd
    import numpy as np

    from geoapp.layers import LayerSet
    from geoapp.siting import evaluate_sites
    from geoapp.suitability import SurfaceSpec, compute_surface

    layers = _layers()
    grid_res = compute_surface(layers, SurfaceSpec(CHAIN, resolution_m=res))
    rows, cols = np.nonzero(grid_res.score >= 0)
    g = grid_res.grid
    x = g.left + (cols + 0.5) * g.res
    y = g.top - (rows + 0.5) * g.res
    t0 = time.perf_counter()
    cand = gpd.GeoDataFrame(
        {"chain": [CHAIN] * len(x)}, geometry=gpd.points_from_xy(x, y), crs=4547
    )
    ev = evaluate_sites(cand, layers=LayerSet(layers), name_col=None)
    dt = time.perf_counter() - t0
    same = bool((ev["score"].to_numpy().astype("float32") == grid_res.score[rows, cols]).all())
    q.put({"seconds": dt, "cells": len(x), "maxrss_mb": _maxrss(), "same_scores": same})


def _batch(n: int, workers: int | None, q: mp.Queue) -> None:
    import geopandas as gpd
    import numpy as np

    from geoapp.geo import random_points
    from geoapp.suitability import evaluate_parquet

    layers = _layers()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "cands.parquet"
        x, y = random_points(layers["city"].geometry.iloc[0], n, rng=np.random.default_rng(1))
        gpd.GeoDataFrame(
            {"chain": np.full(n, CHAIN, dtype=object)}, geometry=gpd.points_from_xy(x, y), crs=4326
        ).to_parquet(src)
        del x, y
        t0 = time.perf_counter()
        evaluate_parquet(
            src, Path(tmp) / "out.parquet", layers=layers, chunk_rows=500_000, workers=workers
        )
        q.put({"seconds": time.perf_counter() - t0, "cells": n, "maxrss_mb": _maxrss()})


def _maxrss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(target, *args) -> dict:
    """Run ``target(*args, queue)`` in a spawned process; add the peak RSS of its process tree."""
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=target, args=(*args, q))
    p.start()
    proc = psutil.Process(p.pid)
    peak = 0.0
    while p.is_alive():
        try:
            tree = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(c.memory_info().rss for c in tree if c.is_running()) / 2**20)
        except psutil.Error:
            pass
        time.sleep(0.1)
        if not q.empty():
            break
    out = q.get()
    p.join()
    out["tree_peak_mb"] = peak
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--resolutions", type=float, nargs="*", default=[100, 30, 10])
    ap.add_argument("--batch-n", type=int, default=0, help="also batch-site N random points")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"chain {CHAIN}; peak = max summed RSS of the variant's process tree")
    print(f"{'variant':40s} {'cells':>12s} {'seconds':>9s} {'peak MB':>9s} {'maxrss MB':>10s}")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for res in args.resolutions:
            for workers in (None, 2):
                name = f"surface {res:g} m, " + ("in process" if workers is None else "2 workers")
                r = run(_surface, res, workers, str(Path(tmp) / f"s{res:g}_{workers}.tif"))
                results[(res, workers)] = r
                print(
                    f"{name:40s} {r['cells']:12,d} {r['seconds']:9.1f} {r['tree_peak_mb']:9.0f}"
                    f" {r['maxrss_mb']:10.0f}",
                    flush=True,
                )
            a = Path(tmp) / f"s{res:g}_None.tif"
            b = Path(tmp) / f"s{res:g}_2.tif"
            print(f"  byte-identical in process vs 2 workers: {a.read_bytes() == b.read_bytes()}")
        if 100 in args.resolutions:
            r = run(_points, 100.0)
            surf = results[(100, None)]
            print(
                f"{'baseline: evaluate_sites on 100 m centres':40s} {r['cells']:12,d} "
                f"{r['seconds']:9.1f} {r['tree_peak_mb']:9.0f} {r['maxrss_mb']:10.0f}"
            )
            print(f"  same scores as the surface: {r['same_scores']}")
            print(
                f"ratio surface (in process) / evaluate_sites at 100 m: time "
                f"{surf['seconds'] / r['seconds']:.2f}, peak memory "
                f"{surf['tree_peak_mb'] / r['tree_peak_mb']:.2f}"
            )
    if args.batch_n:
        for workers in (None, 2):
            r = run(_batch, args.batch_n, workers)
            name = f"batch siting {args.batch_n:,d} pts, " + (
                "in process" if workers is None else "2 workers"
            )
            print(
                f"{name:40s} {r['cells']:12,d} {r['seconds']:9.1f} {r['tree_peak_mb']:9.0f}"
                f" {r['maxrss_mb']:10.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
