"""Pipeline roll-ups at scale: geoapp.projects.rollup vs a per-row Python loop, same process.

    python benchmarks/bench_pipeline.py --n 200000

Draws N projects by resampling the shipped project rows (attributes kept, ids renewed,
positions random inside the city and marked ``approximate`` so the county/zone come from
the position where the row states none), then times ``rollup(layers, by)`` for every
grouping against a baseline that loops over the rows in Python with the same county/zone
rule (``geoapp.layers.places.place`` once, then dict accumulation), and checks they agree.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geoapp.geo import random_points, to_metric
from geoapp.layers import as_layerset, load_layer, place
from geoapp.projects import GROUPINGS, rollup


def synthetic(n: int, seed: int) -> dict[str, gpd.GeoDataFrame]:
    rng = np.random.default_rng(seed)
    base = load_layer("projects")
    rows = base.iloc[rng.integers(0, len(base), n)].reset_index(drop=True)
    city_m = to_metric(load_layer("city")).geometry.iloc[0]
    x, y = random_points(city_m, n, rng=rng)
    pts = gpd.GeoSeries(gpd.points_from_xy(x, y), crs=4547).to_crs(4326)
    gdf = gpd.GeoDataFrame(rows.drop(columns="geometry"), geometry=pts.values, crs=4326)
    gdf["id"] = [f"S{i:07d}" for i in range(n)]
    gdf["location_quality"] = "approximate"
    return {"projects": gdf, "counties": load_layer("counties"), "zones": load_layer("zones")}


def baseline(layers: dict[str, gpd.GeoDataFrame], by: str) -> pd.DataFrame:
    p = layers["projects"]
    where = place(p, as_layerset(layers))
    values = {
        "stage": p["stage"], "cluster": p["cluster"], "chain": p["chain"],
        "county": where["county"], "zone": where["zone"],
    }[by].tolist()  # fmt: skip
    inv = pd.to_numeric(p["investment_yi"], errors="coerce").tolist()
    acc: dict[str, list[float]] = {}
    for key, amount in zip(values, inv, strict=True):  # the per-row loop being measured
        k = key if isinstance(key, str) and key.strip() else "未注明"
        a = acc.setdefault(k, [0, 0.0, 0, 0])
        a[0] += 1
        if amount == amount:  # not NaN
            a[1] += amount
            a[2] += 1
            a[3] += amount >= 1
    return pd.DataFrame(acc, index=["count", "investment_yi", "n_with_investment", "n_ge_1yi"]).T


def timed(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=20261130)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    layers = synthetic(args.n, args.seed)
    print(f"N = {args.n:,} projects, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    for by in GROUPINGS:
        tg, got = timed(lambda by=by: rollup(layers, by), args.repeat)
        tb, ref = timed(lambda by=by: baseline(layers, by), args.repeat)
        g = got.set_index(by)
        g = g[g["count"] > 0]
        ok = (
            sorted(g.index) == sorted(ref.index)
            and np.array_equal(g["count"].to_numpy(), ref.loc[g.index, "count"].to_numpy())
            and np.allclose(g["investment_yi"], ref.loc[g.index, "investment_yi"].astype(float))
        )
        print(f"rollup by {by:8s} geoapp {tg:6.3f} s   loop baseline {tb:6.3f} s   "
              f"ratio {tg / tb:5.2f}x   agree {ok}")  # fmt: skip


if __name__ == "__main__":
    main()
