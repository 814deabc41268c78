"""Benchmark of facility placement (MCLP / LSCP): geoapp vs plain HiGHS vs spopt, same instances.

What is measured
----------------
For each size (sites × grid candidates, plus the 12 shipped logistics hubs kept
open as existing facilities; service radius 10 km; MCLP opens k = 5 new ones,
weighted by count):

- ``geoapp``: :func:`geoapp.coverage.placement.place_facilities` end to end (checks,
  reprojection, feasibility, sparse coverage matrix, HiGHS with the default
  time limit, result tables).
- ``plain HiGHS``: written here, independently: the same sparse coverage matrix
  from ``cKDTree.sparse_distance_matrix`` on the EPSG:4547 coordinates, and
  spopt's formulation (binary x and y) handed to ``scipy.optimize.milp`` with
  no time limit. The baseline geoapp must stay close to.
- ``spopt``: ``spopt.locate.MCLP / LSCP.from_cost_matrix`` on the dense cost
  matrix, solved with CBC (``pulp.PULP_CBC_CMD``) — what geoapp did before.
  Skipped above ``--spopt-max`` sites (it takes minutes there; printed).

Each run is a fresh **spawned** process (clean peak RSS from
``getrusage().ru_maxrss``, reported as the increase over the process after its
imports and data set-up); times are medians of ``--repeat`` runs (spopt: one
run). The objectives of the three are compared (MCLP covered count, LSCP
number of facilities) and must be equal.

Finally a hard instance — LSCP of 5,000 sites × 1,006 candidates at 5 km,
which CBC did not finish in 19 minutes — is run by geoapp with its default
time limit, and the proven gap it reports is printed.

``--sweep`` (or ``--only-sweep``) then runs, at 2,000 × 712 with the hubs kept
open and count weights, MCLP with k in :data:`SWEEP_K` at every radius of
:data:`SWEEP_RADII` and LSCP at :data:`SWEEP_LSCP` (5 km is a hard LSCP), one
spawned process per radius: geoapp end to end with its default time limit
(median of ``--repeat``) against plain HiGHS on the unreduced matrix (once,
at most :data:`PLAIN_LIMIT_S`), with both objectives, the model size before and
after geoapp's exact reduction, and how geoapp's solve ended.

Run::

    .venv/bin/python benchmarks/bench_placement.py              # all sizes
    .venv/bin/python benchmarks/bench_placement.py --sizes 114 1000 --repeat 1   # quick
    .venv/bin/python benchmarks/bench_placement.py --only-sweep                  # the sweep

Timings depend on the machine and on its load; compare ratios, not seconds.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import time
import warnings

import numpy as np

#: sites -> grid spacing (m) giving the candidate counts of issue 14.
SPACING = {114: 3700.0, 1000: 2900.0, 2000: 2450.0, 5000: 2050.0}
RADIUS_M = 10_000.0
K_NEW = 5
SEED = 20261130


def instance(n_sites: int, spacing_m: float):
    """Sites (the shipped projects for 114 — 116 since the data corrections — else seeded
    random points in the city),
    grid candidates and the shipped hubs, as GeoDataFrames in EPSG:4326."""
    import geopandas as gpd

    from geoapp.coverage import candidate_sites
    from geoapp.geo import random_points
    from geoapp.layers import LayerSet

    layers = LayerSet.shipped()
    if n_sites == 114:
        sites = layers["projects"]
    else:
        city = layers["city"].geometry.iloc[0]
        x, y = random_points(city, n_sites, rng=np.random.default_rng(SEED))
        sites = gpd.GeoDataFrame(geometry=gpd.points_from_xy(x, y), crs=4326)
    cands = candidate_sites(kind="grid", layers=layers, spacing_m=spacing_m)
    return sites, cands, layers["logistics_hubs"]


def _xy(gdf) -> np.ndarray:
    pts = gdf.to_crs(4547).geometry
    return np.column_stack([pts.x.to_numpy(), pts.y.to_numpy()])


def plain_highs(
    model: str, sites, cands, existing, radius: float, k: int, time_limit: float | None = None
) -> float:
    """spopt's MCLP / LSCP, written directly for scipy.optimize.milp on a sparse matrix.

    With ``time_limit`` (seconds) HiGHS may stop early: the best objective found is returned.
    """
    from scipy import sparse
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.spatial import cKDTree

    s_xy = _xy(sites)
    f_xy = np.vstack([_xy(existing), _xy(cands)])
    n, m, e = len(s_xy), len(f_xy), len(existing)
    pairs = cKDTree(s_xy).sparse_distance_matrix(cKDTree(f_xy), radius, output_type="ndarray")
    a = sparse.csr_array((np.ones(len(pairs)), (pairs["i"], pairs["j"])), shape=(n, m))
    lb = np.zeros(m)
    lb[:e] = 1
    opts = {} if time_limit is None else {"time_limit": time_limit}
    if model == "lscp":
        res = milp(np.ones(m), integrality=np.ones(m), bounds=Bounds(lb, 1),
                   constraints=LinearConstraint(a, 1, np.inf), options=opts)  # fmt: skip
        return float(round(res.fun))
    c = np.r_[np.zeros(m), -np.ones(n)]
    cons = [
        LinearConstraint(sparse.hstack([-a, sparse.eye_array(n)], format="csr"), -np.inf, 0),
        LinearConstraint(np.r_[np.ones(m), np.zeros(n)][None, :], k + e, k + e),
    ]
    res = milp(c, integrality=np.ones(m + n), bounds=Bounds(np.r_[lb, np.zeros(n)], 1),
               constraints=cons, options=opts)  # fmt: skip
    return float(round(-res.fun))


def spopt_cbc(model: str, sites, cands, existing, radius: float, k: int) -> float:
    import pulp
    from scipy.spatial.distance import cdist
    from spopt.locate import LSCP, MCLP

    cost = cdist(_xy(sites), np.vstack([_xy(existing), _xy(cands)]))
    pre = np.r_[np.ones(len(existing), dtype=int), np.zeros(len(cands), dtype=int)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        if model == "lscp":
            lp = LSCP.from_cost_matrix(cost, radius, predefined_facilities_arr=pre)
        else:
            lp = MCLP.from_cost_matrix(cost, np.ones(len(cost)), radius,
                                       p_facilities=k + len(existing),
                                       predefined_facilities_arr=pre)  # fmt: skip
        lp.solve(pulp.PULP_CBC_CMD(msg=False), results=False)
    return float(round(pulp.value(lp.problem.objective)))


def geoapp_run(model: str, sites, cands, existing, radius: float, k: int, **kw) -> float:
    from geoapp.coverage import place_facilities

    res = place_facilities(sites, cands, radius_m=radius, model=model,
                           k=k if model == "mclp" else None, existing=existing,
                           weight_col=None, **kw)  # fmt: skip
    return res


def _child(variant: str, model: str, n_sites: int, radius: float, queue) -> None:
    sites, cands, existing = instance(n_sites, SPACING.get(n_sites, 2450.0))

    if variant == "spopt":
        import pulp  # noqa: F401
        import spopt.locate  # noqa: F401
    # Warm-up (not timed): scipy's optimize / sparse / spatial modules and HiGHS itself.
    from scipy import sparse
    from scipy.optimize import LinearConstraint, milp
    from scipy.spatial import cKDTree

    cKDTree(np.zeros((2, 2))).sparse_distance_matrix(cKDTree(np.ones((2, 2))), 1.0)
    milp(np.ones(2), integrality=np.ones(2),
         constraints=LinearConstraint(sparse.csr_array(np.ones((1, 2))), 1, np.inf))  # fmt: skip
    fn = {"geoapp": geoapp_run, "plain": plain_highs, "spopt": spopt_cbc}[variant]
    start_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    c0, t0 = _cpu(), time.perf_counter()
    out = fn(model, sites, cands, existing, radius, K_NEW)
    secs, cpu = time.perf_counter() - t0, _cpu() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    extra = ""
    if variant == "geoapp":
        extra = out.quality("en")
        out = out.objective
    queue.put((secs, float(out), (peak - start_rss) / 1024, extra, len(cands), cpu, len(sites)))


def _cpu() -> float:
    """CPU seconds of this process and its finished children (CBC runs as a subprocess)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run(variant: str, model: str, n_sites: int, radius: float = RADIUS_M):
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(variant, model, n_sites, radius, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


#: The sweep at 2,000 × 712: MCLP k × radius, LSCP radii (5 km: the hard case).
SWEEP_K = (2, 5, 10, 16, 20)  # 16: the hardest k seen at 10 km
SWEEP_RADII = (5_000.0, 10_000.0, 20_000.0)
SWEEP_LSCP = (10_000.0, 20_000.0, 5_000.0)
#: Plain HiGHS is given this long on the sweep's instances (the 5 km LSCP takes long).
PLAIN_LIMIT_S = 120.0


def _timed(fn, *args, **kw):
    c0, t0 = _cpu(), time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t0, _cpu() - c0


def _sweep_child(radius: float, repeat: int, queue) -> None:
    """Every sweep configuration at one radius, in this (spawned) process."""
    sites, cands, existing = instance(2000, SPACING[2000])
    from scipy import sparse
    from scipy.optimize import LinearConstraint, milp

    milp(np.ones(2), integrality=np.ones(2),
         constraints=LinearConstraint(sparse.csr_array(np.ones((1, 2))), 1, np.inf))  # fmt: skip
    geoapp_run("mclp", sites, cands, existing, radius, 1)  # warm-up (imports, transformers)
    configs = [("mclp", k) for k in SWEEP_K if radius in SWEEP_RADII]
    configs += [("lscp", 0)] if radius in SWEEP_LSCP else []
    rows = []
    for model, k in configs:
        geo = [_timed(geoapp_run, model, sites, cands, existing, radius, k) for _ in range(repeat)]
        res, wall, cpu = sorted(geo, key=lambda r: r[1])[len(geo) // 2]
        plain, p_wall, p_cpu = _timed(plain_highs, model, sites, cands, existing, radius, k,
                                      time_limit=PLAIN_LIMIT_S)  # fmt: skip
        rows.append((model, radius, k, wall, cpu, p_wall, p_cpu, res.objective, plain,
                     res.params["model_size"], res.params["reduced_size"], res.quality("en"),
                     res.params["status"]))  # fmt: skip
    queue.put(rows)


def sweep(repeat: int) -> None:
    """MCLP k x radius and LSCP at 2,000 x 712: geoapp vs plain HiGHS on the unreduced matrix."""
    import os

    print(f"\nsweep at 2,000 x 712 (12 hubs kept open, count weights), load average "
          f"{os.getloadavg()[0]:.2f}; geoapp median of {repeat} in one process (default time "
          f"limit), plain HiGHS once (limit {PLAIN_LIMIT_S:g} s); wall s (CPU s)")  # fmt: skip
    print(f"{'model':<5} {'radius':>6} {'k':>3} {'geoapp':>14} {'plain HiGHS':>14} "
          f"{'geo/HiGHS':>9} {'objective':>10}  {'model before -> after (sites, cands, nnz)':<42}"
          "  solution")  # fmt: skip
    ctx = multiprocessing.get_context("spawn")
    for radius in sorted(set(SWEEP_RADII) | set(SWEEP_LSCP)):
        queue = ctx.Queue()
        proc = ctx.Process(target=_sweep_child, args=(radius, repeat, queue))
        proc.start()
        rows = queue.get()
        proc.join()
        for model, r, k, wall, cpu, p_wall, p_cpu, obj, plain, before, after, quality, _ in rows:
            same = "equal" if obj == plain else f"DIFFER {obj:g} vs {plain:g}"
            size = (
                f"{before[0]}x{before[1]} ({before[2]:,}) -> {after[0]}x{after[1]} ({after[2]:,})"
            )
            print(f"{model:<5} {r / 1000:4.0f}km {k if k else '':>3} {wall:6.2f} ({cpu:5.2f}) "
                  f"{p_wall:6.2f} ({p_cpu:5.2f}) {cpu / p_cpu:8.2f}x {obj:>10g}  {size:<42}"
                  f"  {same}; {quality}", flush=True)  # fmt: skip
        print(f"      load average {os.getloadavg()[0]:.2f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[114, 1000, 2000, 5000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of geoapp and plain HiGHS")
    parser.add_argument("--spopt-max", type=int, default=2000,
                        help="largest number of sites spopt is run on")  # fmt: skip
    parser.add_argument("--no-hard", action="store_true", help="skip the hard instance")
    parser.add_argument("--sweep", action="store_true",
                        help="also run the k x radius sweep at 2,000 x 712")  # fmt: skip
    parser.add_argument("--only-sweep", action="store_true",
                        help="run only the sweep (no table, no hard instance)")  # fmt: skip
    args = parser.parse_args()
    if args.only_sweep:
        sweep(args.repeat)
        return

    import os

    import scipy

    print(f"python {sys.version.split()[0]}, scipy {scipy.__version__} (HiGHS), "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; "
          f"radius {RADIUS_M:g} m, 12 existing hubs kept open, MCLP k={K_NEW}, count weights; "
          f"each run in a fresh process")  # fmt: skip
    print("times: median wall seconds (CPU seconds in brackets: less sensitive to the load of a "
          "shared machine); ratios on CPU seconds")  # fmt: skip
    head = (f"{'model':<5} {'sites x cands':>14} {'geoapp':>13} {'plain HiGHS':>13} "
            f"{'spopt+CBC':>14} {'geo/HiGHS':>9} {'spopt/geo':>9} {'peak MB geo/HiGHS/spopt':>24}"
            "  objectives")  # fmt: skip
    print(head)

    def cell(r) -> str:
        return f"{r[0]:6.2f} ({r[5]:5.2f})"

    def median_run(runs):
        order = sorted(runs, key=lambda r: r[0])
        return order[len(order) // 2]

    for n in args.sizes:
        for model in ("mclp", "lscp"):
            geo = [run("geoapp", model, n) for _ in range(args.repeat)]
            plain = [run("plain", model, n) for _ in range(args.repeat)]
            g, h = median_run(geo), median_run(plain)
            objs = {g[1], h[1]}
            mem = f"{max(r[2] for r in geo):.0f}/{max(r[2] for r in plain):.0f}"
            if n <= args.spopt_max:
                sp = run("spopt", model, n)
                objs.add(sp[1])
                t_sp, ratio, mem = cell(sp), f"{sp[5] / g[5]:8.1f}x", mem + f"/{sp[2]:.0f}"
            else:
                t_sp, ratio, mem = "skipped", "—", mem + "/—"
            same = "equal" if len(objs) == 1 else f"DIFFER {sorted(objs)}"
            print(f"{model:<5} {f'{g[6]:,} x {g[4]:,}':>14} {cell(g):>13} {cell(h):>13} "
                  f"{t_sp:>14} {g[5] / h[5]:8.2f}x {ratio:>9} {mem:>24}  "
                  f"{same} ({g[1]:g}; {g[3]})", flush=True)  # fmt: skip
            if n > args.spopt_max:
                print(f"      spopt skipped at {n:,} sites (--spopt-max {args.spopt_max}): its "
                      "dense model takes minutes to build there (issue 14: 70 s for MCLP at "
                      "5,000 x 1,006, 10 km)", flush=True)  # fmt: skip
    if not args.no_hard:
        t, obj, mem, quality, n_c, cpu, _ = run("geoapp", "lscp", 5000, radius=5_000.0)
        print(f"hard: LSCP 5,000 x {n_c:,} at 5 km, geoapp default time limit: {t:.2f} s "
              f"({cpu:.2f} s CPU), "
              f"{obj:g} facilities, peak +{mem:.0f} MB — {quality}")  # fmt: skip
    if args.sweep:
        sweep(args.repeat)


if __name__ == "__main__":
    main()
