"""Benchmark: batch siting of 20 million GeoParquet points through `geoapp report`.

Writes N seeded random candidate points inside 濮阳市 (a chain each, names
``c<i>``) to a GeoParquet file in row groups of 1,000,000, then runs the CLI
path ``geoapp report FILE -o DIR --max-pages 100`` as a subprocess

- in process (the default), and
- with ``--workers 2`` (a Dask LocalCluster of 2 worker processes; cluster
  start-up included),

each timed from start to exit: wall seconds, CPU seconds of the CLI and all
its children (``RUSAGE_CHILDREN``: load-independent), rows per second, and
the peak memory — the largest sum of the resident set sizes of the CLI
process and all its descendants (the Dask nanny and worker processes),
sampled every 0.1 s, plus the largest single process. The two
``results.parquet`` files are compared byte for byte.

Baseline: :func:`geoapp.siting.evaluate_sites` on an in-memory GeoDataFrame of
the first ``--baseline-n`` points (default 2,000,000) in a spawned process
(the file read before the clock starts); the script prints rows/s of each
variant against it (time per row, geoapp CLI / baseline).

Usage::

    .venv/bin/python benchmarks/bench_batch.py                 # 20,000,000 points
    .venv/bin/python benchmarks/bench_batch.py --n 2000000 --baseline-n 500000
"""

from __future__ import annotations

import argparse
import filecmp
import json
import multiprocessing as mp
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

GROUP = 1_000_000
CHAINS = ("聚碳新材料", "氢能", "绿色涂料", "生物降解材料", None)


def write_points(path: Path, n: int, seed: int) -> None:
    """N random points inside the city outline as GeoParquet (WGS-84), in row groups of 1 M."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq
    import shapely
    from pyproj import CRS

    from geoapp.geo import random_points
    from geoapp.layers import LayerSet

    city = LayerSet.shipped()["city"].geometry.iloc[0]
    rng = np.random.default_rng(seed)
    geo = {
        "version": "1.0.0",
        "primary_column": "geometry",
        "columns": {
            "geometry": {
                "encoding": "WKB",
                "geometry_types": ["Point"],
                "crs": json.loads(CRS.from_epsg(4326).to_json()),
            }
        },
    }
    schema = pa.schema(
        [("name", pa.string()), ("chain", pa.string()), ("geometry", pa.binary())],
        metadata={b"geo": json.dumps(geo).encode()},
    )
    with pq.ParquetWriter(path, schema) as writer:
        for start in range(0, n, GROUP):
            m = min(GROUP, n - start)
            x, y = random_points(city, m, rng=rng)
            idx = np.arange(start, start + m)
            names = np.char.add("c", idx.astype(str)).astype(object)
            chains = np.array(CHAINS, dtype=object)[rng.integers(0, len(CHAINS), m)]
            wkb = shapely.to_wkb(shapely.points(x, y))
            writer.write_table(
                pa.table(
                    [pa.array(names), pa.array(chains, type=pa.string()), pa.array(wkb)],
                    schema=schema,
                )
            )


def _baseline(path: str, n: int, q: mp.Queue) -> None:
    import geopandas as gpd
    import pyarrow.parquet as pq

    from geoapp.layers import LayerSet
    from geoapp.siting import evaluate_sites

    layers = LayerSet.shipped()
    table = pq.ParquetFile(path).read_row_groups(list(range(-(-n // GROUP))))
    table = table.slice(0, n)
    wkb = table.column("geometry").to_numpy(zero_copy_only=False)
    gdf = gpd.GeoDataFrame(
        table.drop(["geometry"]).to_pandas(), geometry=gpd.GeoSeries.from_wkb(wkb, crs=4326)
    )
    del table, wkb
    evaluate_sites(gdf.head(10), layers=layers)  # indexes built before the clock
    cpu0, t0 = time.process_time(), time.perf_counter()
    out = evaluate_sites(gdf, layers=layers)
    dt, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    q.put(
        {
            "seconds": dt,
            "cpu": cpu,
            "rows": len(out),
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    )


def run_baseline(path: Path, n: int) -> dict:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_baseline, args=(str(path), n, q))
    p.start()
    while p.is_alive() and q.empty():
        time.sleep(0.2)
    if q.empty():
        raise RuntimeError(f"the baseline process failed (exit code {p.exitcode})")
    out = q.get()
    p.join()
    return out


def run_cli(path: Path, out: Path, workspace: Path, extra: list[str]) -> dict:
    """Run ``geoapp report`` in a subprocess; peak RSS of its process tree, CPU of all."""
    cmd = [sys.executable, "-m", "geoapp", "report", str(path), "-o", str(out),
           "--max-pages", "100", "--no-progress", "-w", str(workspace), *extra]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    # output to files, not pipes: a pipe nobody reads until the end would block the CLI
    with tempfile.TemporaryFile("w+") as log_out, tempfile.TemporaryFile("w+") as log_err:
        proc = subprocess.Popen(cmd, stdout=log_out, stderr=log_err, text=True)
        ps = psutil.Process(proc.pid)
        tree_peak = single_peak = 0.0
        while proc.poll() is None:
            try:
                rss = [c.memory_info().rss / 2**20 for c in [ps, *ps.children(recursive=True)]]
                tree_peak = max(tree_peak, sum(rss))
                single_peak = max(single_peak, max(rss))
            except psutil.Error:
                pass
            time.sleep(0.1)
        dt = time.perf_counter() - t0
        log_out.seek(0)
        log_err.seek(0)
        stdout, stderr = log_out.read(), log_err.read()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} failed ({proc.returncode}):\n{stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": dt, "cpu": cpu, "tree_peak_mb": tree_peak, "single_peak_mb": single_peak,
            "stdout": stdout}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000_000, help="points in the GeoParquet file")
    ap.add_argument("--baseline-n", type=int, default=2_000_000, help="points of the baseline")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    ap.add_argument("--seed", type=int, default=20261130)
    ap.add_argument("--keep", type=Path, default=None, help="keep the outputs in this folder")
    args = ap.parse_args()

    print(
        f"python {platform.python_version()}; {os.cpu_count()} CPUs, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GB; load average "
        + ", ".join(f"{v:.2f}" for v in os.getloadavg())
    )
    with tempfile.TemporaryDirectory(dir=args.keep) as tmp_s:
        tmp = Path(tmp_s)
        src = tmp / "cands.parquet"
        t0 = time.perf_counter()
        write_points(src, args.n, args.seed)
        print(
            f"wrote {args.n:,} points to GeoParquet in {time.perf_counter() - t0:.1f} s "
            f"({src.stat().st_size / 2**20:.0f} MB)"
        )
        base = run_baseline(src, min(args.baseline_n, args.n))
        base_rate = base["rows"] / base["seconds"]
        print(
            f"(b) evaluate_sites, in-memory GeoDataFrame of {base['rows']:,}: "
            f"{base['seconds']:.1f} s, CPU {base['cpu']:.1f} s, {base_rate:,.0f} rows/s, "
            f"peak RSS {base['maxrss_mb']:.0f} MB"
        )
        outs = {}
        for label, extra in (("in process", []), (f"--workers {args.workers}",
                                                   ["--workers", str(args.workers)])):  # fmt: skip
            out = tmp / f"report{len(outs)}"
            r = run_cli(src, out, tmp / "ws.gpkg", extra)
            outs[label] = out
            rate = args.n / r["seconds"]
            print(
                f"(a) geoapp report, {label}: {r['seconds']:.1f} s, CPU {r['cpu']:.1f} s "
                f"(all processes), {rate:,.0f} rows/s; peak RSS of the process tree "
                f"{r['tree_peak_mb']:.0f} MB, largest process {r['single_peak_mb']:.0f} MB; "
                f"time per row vs (b) {base_rate / rate:.2f}x, CPU per row vs (b) "
                f"{(r['cpu'] / args.n) / (base['cpu'] / base['rows']):.2f}x"
            )
            first = r["stdout"].splitlines()[0] if r["stdout"] else ""
            print(f"    {first}")
        a, b = (o / "results.parquet" for o in outs.values())
        print(
            f"results.parquet {a.stat().st_size / 2**20:.0f} MB; in process and "
            f"--workers {args.workers} byte-identical: {filecmp.cmp(a, b, shallow=False)}"
        )
        for o in outs.values():
            shutil.rmtree(o, ignore_errors=True)


if __name__ == "__main__":
    main()
