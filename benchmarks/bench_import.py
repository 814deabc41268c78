"""Benchmark: ``geoapp.io.read_user_layer`` on a large candidate CSV against ``pandas.read_csv``.

Writes a seeded CSV of N candidate rows (name, chain, 经度, 纬度, investment;
about 1 % of rows with full-width digits or spaces, 0.1 % with a missing or
non-numeric coordinate, 0.1 % outside the city, 0.1 % swapped), then runs, each
in its own spawned process so that peak memory is clean:

(a) ``geoapp.io.read_user_layer(path)`` — decoding, delimiter, coordinate
    columns, text normalisation, every row check, the rejected-row table;
(b) the baseline: ``pandas.read_csv`` (all text) + the same checks written in
    pandas: NFKC and strip of the text columns, ``to_numeric`` of the
    coordinates, missing / non-numeric / outside-the-city / swapped masks
    (points projected to EPSG:4547 and tested against the buffered city
    outline), numeric columns converted, ``points_from_xy``;
(c) plain ``pandas.read_csv`` + ``points_from_xy`` (no checks), for scale.

Prints wall time (median of ``--repeat`` runs) and peak RSS increase of each,
and the ratios geoapp / baseline. Rows kept and rejected are compared between
(a) and (b).

Usage::

    .venv/bin/python benchmarks/bench_import.py --n 1000000
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_csv(path: Path, n: int, seed: int = 7) -> None:
    """A seeded candidate CSV of ``n`` rows with a realistic share of messy cells."""
    import pandas as pd

    from geoapp.geo import random_points
    from geoapp.layers import load_layer
    from geoapp.vocab import chain_names

    rng = np.random.default_rng(seed)
    x, y = random_points(load_layer("city").geometry.iloc[0], n, rng=rng)
    lon = np.char.mod("%.6f", x).astype(object)
    lat = np.char.mod("%.6f", y).astype(object)
    full = rng.random(n) < 0.01  # full-width digits and a trailing ideographic space
    table = str.maketrans("0123456789.", "０１２３４５６７８９．")
    lon[full] = [v.translate(table) + "\u3000" for v in lon[full]]
    bad = rng.random(n) < 0.001
    lon[bad] = ""
    lat[rng.random(n) < 0.0005] = "n/a"
    out = rng.random(n) < 0.001
    lon[out] = "2.3522"
    swap = rng.random(n) < 0.001
    lon[swap], lat[swap] = lat[swap], lon[swap]
    names = np.array(chain_names(), dtype=object)
    frame = pd.DataFrame(
        {
            "名称": np.char.add("候选项目", np.arange(n).astype(str)),
            "产业链": names[rng.integers(0, len(names), n)],
            "经度": lon,
            "纬度": lat,
            "投资额": np.round(rng.uniform(0.5, 50, n), 2),
        }
    )
    frame.to_csv(path, index=False, encoding="utf-8")


def run_geoapp(path: str) -> tuple[int, int]:
    from geoapp.io import read_user_layer

    res = read_user_layer(path)
    return len(res.gdf), len(res.rejected)


def run_baseline(path: str) -> tuple[int, int]:
    """read_csv + the same row checks, written directly in pandas / geopandas / shapely."""
    import geopandas as gpd
    import pandas as pd
    import shapely
    from pyproj import Transformer

    from geoapp.io._crs import _extent_metric  # the same buffered city outline

    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for col in frame.columns:  # normalise every text column (NFKC, strip)
        frame[col] = frame[col].str.normalize("NFKC").str.strip()
    x = pd.to_numeric(frame["经度"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    y = pd.to_numeric(frame["纬度"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    missing = (frame["经度"] == "").to_numpy() | (frame["纬度"] == "").to_numpy()
    numeric = np.isfinite(x) & np.isfinite(y)
    to_m = Transformer.from_crs(4326, 4547, always_xy=True)
    extent = _extent_metric(None)
    mx, my = to_m.transform(x, y)
    inside = numeric & shapely.contains_xy(extent, mx, my)
    sx, sy = to_m.transform(y, x)
    swapped = numeric & ~inside & shapely.contains_xy(extent, sx, sy)
    ok = inside & ~missing
    good = frame[ok].copy()
    good["投资额"] = pd.to_numeric(good["投资额"])
    gdf = gpd.GeoDataFrame(good, geometry=gpd.points_from_xy(x[ok], y[ok]), crs=4326)
    rejected = frame[~ok].assign(swapped=swapped[~ok])
    return len(gdf), len(rejected)


def run_plain(path: str) -> tuple[int, int]:
    import geopandas as gpd
    import pandas as pd

    frame = pd.read_csv(path, low_memory=False)
    x = pd.to_numeric(frame["经度"], errors="coerce")
    y = pd.to_numeric(frame["纬度"], errors="coerce")
    gdf = gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(x, y), crs=4326)
    return len(gdf), 0


_RUNNERS = {"geoapp": run_geoapp, "baseline": run_baseline, "read_csv": run_plain}


def _child(kind: str, path: str, out: mp.Queue) -> None:
    import geopandas  # noqa: F401  imports are not part of the measured time
    import pandas  # noqa: F401
    import pyproj  # noqa: F401

    import geoapp.io  # noqa: F401
    from geoapp.io._crs import _extent_metric

    _extent_metric(None)  # the shipped city outline, read once per process in both cases
    before = _rss_mb()
    t0 = time.perf_counter()
    counts = _RUNNERS[kind](path)
    seconds = time.perf_counter() - t0
    out.put((seconds, max(_maxrss_mb() - before, 0.0), counts))


def measure(kind: str, path: str) -> tuple[float, float, tuple[int, int]]:
    ctx = mp.get_context("spawn")
    q: mp.Queue = ctx.Queue()
    p = ctx.Process(target=_child, args=(kind, path, q))
    p.start()
    result = q.get()
    p.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="rows (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (median)")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs "
          "(shared machine: timings vary)")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "candidates.csv"
        make_csv(path, args.n)
        print(f"{args.n:,} rows, {path.stat().st_size / 2**20:.1f} MiB")
        results = {}
        for kind in ("read_csv", "baseline", "geoapp"):
            runs = [measure(kind, str(path)) for _ in range(args.repeat)]
            seconds = statistics.median(r[0] for r in runs)
            peak = statistics.median(r[1] for r in runs)
            results[kind] = (seconds, peak, runs[0][2])
            print(f"{kind:9s} {seconds:7.2f} s  peak +{peak:7.0f} MB  kept/rejected {runs[0][2]}")
    g, b, r = results["geoapp"], results["baseline"], results["read_csv"]
    print(f"geoapp / baseline (read_csv + same checks): time {g[0] / b[0]:.2f}x, "
          f"memory {g[1] / max(b[1], 1):.2f}x")  # fmt: skip
    print(f"geoapp / plain read_csv + points_from_xy: time {g[0] / r[0]:.2f}x")
    print(f"same rows kept/rejected as the baseline: {g[2] == b[2]}")


if __name__ == "__main__":
    main()
