"""Benchmark: nearest facility and coverage against a plain cKDTree baseline, same run.

Run::

    .venv/bin/python benchmarks/bench_coverage.py [--n 100000 1000000] [--repeat 3]

For each size N (seeded random sites inside 濮阳市, EPSG:4326, with a random
investment and a chain) and each step, geoapp and the baseline run in their own
fresh **spawned** process (so peak memory is clean); the sites and the layer
bundle are made before the timing, one warm-up call on 1 000 sites builds the
cached transformer, then ``--repeat`` timed calls on all N sites; the medians of
wall time and of CPU time (``time.process_time``: every thread of the process;
on a shared machine wall time mostly measures waiting for a core) are printed,
with the peak RSS over the process's RSS at the start.

Steps and baselines:

``nearest``
    geoapp: ``geoapp.coverage.nearest_facility(sites, hubs)``.
    Baseline: the coordinates reprojected with one pyproj transformer
    (``geoapp.geo.coords.metric_transformer``) on coordinate arrays, then
    ``cKDTree(hubs).query(xy, workers=-1)``: distances and names.
``coverage 20 km``
    geoapp: ``geoapp.coverage.coverage(sites, hubs, radius_m=20_000, layers=...)``.
    Baseline: the nearest baseline, ``covered = distance <= r``, county and zone
    by one ``geoapp.layers.places.place(sites, layers)`` call (the one county rule;
    the look-up of 1,000,000 points is part of both sides) turned into labels
    as ``geoapp.layers.places`` does, the chain by ``geoapp.projects.filters.labels``, then one
    pandas group-by per key for the counts and the investment sums.

The outputs are compared: facility index and distance must be equal, and the
baseline's group sums must equal geoapp's tables. Nothing is written.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import pickle
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

STEPS = ("nearest", "coverage 20 km")
RADIUS_M = 20_000.0


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def random_sites(city, n: int, seed: int = 0):
    """``n`` seeded points inside the city outline, with a random investment and chain."""
    import geopandas as gpd

    from geoapp.geo import random_points

    rng = np.random.default_rng(seed)
    x, y = random_points(city, n, rng=rng)
    chains = np.array(["氢能", "聚碳新材料", "绿色涂料", None], dtype=object)
    return gpd.GeoDataFrame(
        {"investment_yi": rng.gamma(2.0, 3.0, n), "chain": chains[rng.integers(0, 4, n)]},
        geometry=gpd.points_from_xy(x, y),
        crs=4326,
    )


def baseline_nearest(sites, hubs):
    """One transformer on coordinate arrays and a cKDTree: distances and names."""
    import shapely
    from scipy.spatial import cKDTree

    from geoapp.geo import metric_transformer

    g = np.asarray(sites.geometry.array)
    x, y = metric_transformer(sites.crs).transform(shapely.get_x(g), shapely.get_y(g))
    h = np.asarray(hubs.geometry.array)
    hx, hy = metric_transformer(hubs.crs).transform(shapely.get_x(h), shapely.get_y(h))
    d, j = cKDTree(np.column_stack([hx, hy])).query(np.column_stack([x, y]), workers=-1)
    return j, hubs["name"].to_numpy(dtype=object)[j], d


def _rule_labels(values, by, outside: str):
    """The labels of ``geoapp.layers.places`` (a name, 未注明 or the outside label)."""
    from geoapp.vocab import UNSTATED

    text = values.astype(object).where(values.notna(), outside)
    blank = values.notna() & (values.astype(str).str.strip() == "")
    return text.where(~blank, UNSTATED).where(by.ne("unstated"), UNSTATED)


def baseline_coverage(sites, hubs, layers):
    """The nearest baseline, the covered flag, the one county rule and three group-bys."""
    import pandas as pd

    from geoapp.layers import OUTSIDE_COUNTIES, OUTSIDE_ZONES, place
    from geoapp.projects import labels

    j, names, d = baseline_nearest(sites, hubs)
    covered = d <= RADIUS_M
    inv = sites["investment_yi"].to_numpy(dtype=float)
    known = ~np.isnan(inv)
    inv0 = np.where(known, inv, 0.0)
    where = place(sites, layers)
    keys = {
        "county": _rule_labels(where["county"], where["county_by"], OUTSIDE_COUNTIES),
        "zone": _rule_labels(where["zone"], where["zone_by"], OUTSIDE_ZONES),
        "chain": labels(sites["chain"], sites.index),
    }
    frame = pd.DataFrame(
        {
            "n_sites": 1,
            "n_covered": covered,
            "investment_yi": inv0,
            "investment_covered_yi": np.where(covered, inv0, 0.0),
            "n_with_investment": known,
        },
        index=sites.index,
    )
    tables = {k: frame.groupby(v.to_numpy(dtype=object)).sum() for k, v in keys.items()}
    return {"j": j, "names": names, "d": d, "covered": covered, "tables": tables}


def _child(step: str, variant: str, n: int, seed: int, repeat: int, out: str, q) -> None:
    from geoapp.coverage import coverage, nearest_facility
    from geoapp.layers import LayerSet

    layers = LayerSet.shipped()
    hubs = layers["logistics_hubs"]
    sites = random_sites(layers["city"].geometry.iloc[0], n, seed)

    def geoapp_call(s):
        if step == "nearest":
            return nearest_facility(s, hubs)
        return coverage(s, hubs, radius_m=RADIUS_M, layers=layers)

    def baseline_call(s):
        if step == "nearest":
            return baseline_nearest(s, hubs)
        return baseline_coverage(s, hubs, layers)

    fn = geoapp_call if variant == "geoapp" else baseline_call
    fn(sites.iloc[:1000])  # warm-up: transformer, GEOS and Arrow set-up
    rss_start = _rss_mb()
    times, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        res = fn(sites)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)  # every thread of this process
    peak = _maxrss_mb()
    with open(out, "wb") as f:
        pickle.dump(_comparable(step, variant, res), f)
    q.put({"times": times, "cpu": cpu, "rss_start": rss_start, "peak": peak})


def _comparable(step: str, variant: str, res) -> dict:
    """The parts of a result both sides produce, as plain arrays and tables."""
    import pandas as pd

    cols = ["n_sites", "n_covered", "investment_yi", "investment_covered_yi", "n_with_investment"]
    if variant == "baseline":
        out = {"j": res[0], "d": res[2]} if step == "nearest" else dict(res)
        if step != "nearest":
            out["tables"] = {k: t[cols].sort_index() for k, t in res["tables"].items()}
            del out["names"]
        return out
    if step == "nearest":
        return {"j": res["facility_index"].to_numpy(), "d": res["distance_m"].to_numpy()}
    tables = {
        k: getattr(res, f"by_{k}").set_index("group")[cols].sort_index()
        for k in ("county", "zone", "chain")
    }
    for t in tables.values():
        t.index = pd.Index(t.index.to_numpy(dtype=object))
    return {
        "j": res.sites["facility_index"].to_numpy(),
        "d": res.sites["distance_m"].to_numpy(),
        "covered": res.sites["covered"].to_numpy(),
        "tables": tables,
    }


def _run(step: str, variant: str, n: int, seed: int, repeat: int, out: str) -> dict:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(step, variant, n, seed, repeat, out, q))
    p.start()
    res = q.get()
    p.join()
    return res


def _agree(a: dict, b: dict) -> str:
    same = np.array_equal(a["j"], b["j"]) and np.array_equal(a["d"], b["d"])
    text = f"index and distance {'equal' if same else 'DIFFER'}"
    if "tables" in a:
        ok = np.array_equal(a["covered"], b["covered"])
        for k in a["tables"]:
            ta, tb = a["tables"][k], b["tables"][k]
            ok &= list(ta.index) == list(tb.index)
            ok &= bool(np.allclose(ta.to_numpy(float), tb.to_numpy(float), rtol=1e-12, atol=0))
        text += f"; covered and group tables {'equal' if ok else 'DIFFER'}"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="timed calls (median printed)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.2f} (a shared machine: ratios, not seconds)")
    worst = worst_cpu = 0.0
    with tempfile.TemporaryDirectory(prefix="bench_coverage_") as folder:
        for n in args.n:
            for step in STEPS:
                res, outs = {}, {}
                for variant in ("geoapp", "baseline"):
                    outs[variant] = os.path.join(folder, f"{variant}.pkl")
                    res[variant] = _run(step, variant, n, args.seed, args.repeat, outs[variant])
                with open(outs["geoapp"], "rb") as f, open(outs["baseline"], "rb") as g:
                    agree = _agree(pickle.load(f), pickle.load(g))
                a, b = res["geoapp"], res["baseline"]
                ta, tb = float(np.median(a["times"])), float(np.median(b["times"]))
                ca, cb = float(np.median(a["cpu"])), float(np.median(b["cpu"]))
                ma, mb = a["peak"] - a["rss_start"], b["peak"] - b["rss_start"]
                worst, worst_cpu = max(worst, ta / tb), max(worst_cpu, ca / cb)
                print(
                    f"{step:<15} N={n:>9,}  wall: geoapp {ta:7.3f} s  baseline {tb:7.3f} s  "
                    f"ratio {ta / tb:5.2f}x   CPU: geoapp {ca:7.3f} s  baseline {cb:7.3f} s  "
                    f"ratio {ca / cb:5.2f}x   peak memory +{ma:.0f} MB vs +{mb:.0f} MB"
                )
                print(f"{'':<15} {agree}; medians of {args.repeat}")
    print(f"largest ratio geoapp / baseline: wall {worst:.2f}x, CPU {worst_cpu:.2f}x")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    raise SystemExit(main())
