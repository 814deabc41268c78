"""Tests of geoapp.coverage.milp and geoapp.coverage.presolve against plain HiGHS, spopt and brute force.

The instances are seeded points in a square: sites on a coarse lattice with
repeats (many sites with the same candidate set), candidates with repeated
positions (identical columns) and a few far out (dominated or empty columns),
existing facilities kept open.
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pulp
import pytest
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.spatial.distance import cdist

from geoapp.coverage import reduce_lscp, reduce_mclp, solve_lscp, solve_mclp


def instance(seed: int, n_sites: int, n_cands: int, n_exist: int, radius: float):
    """Cost matrix (sites × existing + candidates) and its coverage matrix at ``radius``."""
    rng = np.random.default_rng(seed)
    sites = rng.integers(0, 12, (n_sites, 2)) * 2_500.0  # lattice: repeated positions
    cands = rng.uniform(0, 30_000, (n_cands, 2))
    cands[: n_cands // 5] = cands[n_cands // 5 : 2 * (n_cands // 5)]  # identical columns
    cands[-3:] = rng.uniform(40_000, 50_000, (3, 2))  # far out: empty or tiny columns
    exist = rng.uniform(0, 30_000, (n_exist, 2))
    cost = cdist(sites, np.vstack([exist, cands]))
    return cost, sparse.csr_array(cost <= radius)


def plain_mclp(A, w, p: int, n_exist: int) -> float:
    """spopt's MCLP (binary x and y) on the unreduced matrix, straight to scipy.optimize.milp."""
    n, m = A.shape
    lb = np.r_[np.zeros(m), np.zeros(n)]
    lb[:n_exist] = 1
    cons = [
        LinearConstraint(
            sparse.hstack([-A.astype(float), sparse.eye_array(n)]).tocsr(), -np.inf, 0
        ),
        LinearConstraint(np.r_[np.ones(m), np.zeros(n)][None, :], p, p),
    ]
    res = milp(np.r_[np.zeros(m), -np.asarray(w, float)], integrality=np.ones(m + n),
               bounds=Bounds(lb, 1), constraints=cons, options={"mip_rel_gap": 0})  # fmt: skip
    assert res.status == 0
    return -float(res.fun)


def plain_lscp(A, n_exist: int) -> float:
    m = A.shape[1]
    lb = np.zeros(m)
    lb[:n_exist] = 1
    res = milp(np.ones(m), integrality=np.ones(m), bounds=Bounds(lb, 1),
               constraints=LinearConstraint(A.astype(float), 1, np.inf))  # fmt: skip
    assert res.status == 0
    return float(round(res.fun))


def spopt_objective(model: str, cost, radius, n_exist, w=None, p=None) -> float:
    from spopt.locate import LSCP, MCLP

    pre = np.r_[np.ones(n_exist, dtype=int), np.zeros(cost.shape[1] - n_exist, dtype=int)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        if model == "lscp":
            lp = LSCP.from_cost_matrix(cost, radius, predefined_facilities_arr=pre)
        else:
            lp = MCLP.from_cost_matrix(cost, w, radius, p_facilities=p,
                                       predefined_facilities_arr=pre)  # fmt: skip
        lp.solve(pulp.PULP_CBC_CMD(msg=False), results=False)
    return float(pulp.value(lp.problem.objective))


def covered(A, is_open, w) -> float:
    """Independent objective: weight of the rows with an open column."""
    dense = A.toarray()
    return float(np.asarray(w)[dense[:, is_open].any(axis=1)].sum())


@pytest.mark.parametrize("k", [2, 5, 10, 20])
@pytest.mark.parametrize(
    ("seed", "n_exist", "radius", "weights"),
    [
        (1, 0, 4_000.0, "count"),
        (2, 3, 6_000.0, "investment"),
        (3, 2, 9_000.0, "count"),
        (4, 4, 5_000.0, "investment"),
    ],
)
def test_mclp_equals_plain_highs_on_the_unreduced_matrix(seed, n_exist, radius, weights, k):
    cost, A = instance(seed, 300, 60, n_exist, radius)
    rng = np.random.default_rng(seed + 100)
    w = np.ones(300) if weights == "count" else np.round(rng.gamma(2.0, 3.0, 300), 2)
    red = reduce_mclp(A, w, n_exist)
    assert red.size_after[0] < red.size_before[0] and red.size_after[1] < red.size_before[1]
    sol = solve_mclp(A, w, p=k + n_exist, n_exist=n_exist, time_limit_s=60, mip_gap=0)
    best = plain_mclp(A, w, k + n_exist, n_exist)
    assert sol.gap == 0 and not sol.time_limit_hit
    assert sol.objective == pytest.approx(best, rel=1e-9)
    # a valid choice: exactly k new, existing open, objective what it covers
    assert sol.is_open.shape == (A.shape[1],) and sol.is_open[:n_exist].all()
    assert sol.is_open.sum() == k + n_exist
    assert sol.objective == pytest.approx(covered(A, sol.is_open, w), rel=1e-12)
    assert sol.bound == pytest.approx(sol.objective, rel=1e-6)


@pytest.mark.parametrize(
    ("seed", "n_exist", "radius", "k"), [(5, 2, 5_000.0, 4), (6, 0, 7_000.0, 8)]
)
def test_mclp_and_lscp_equal_spopt(seed, n_exist, radius, k):
    cost, A = instance(seed, 150, 40, n_exist, radius)
    w = np.round(np.random.default_rng(seed).gamma(2.0, 3.0, 150), 2)
    sol = solve_mclp(A, w, p=k + n_exist, n_exist=n_exist, time_limit_s=60, mip_gap=0)
    ref = spopt_objective("mclp", cost, radius, n_exist, w=w, p=k + n_exist)
    assert sol.objective == pytest.approx(ref, rel=1e-9)

    # LSCP at a radius every site reaches
    r = float(cost.min(axis=1).max()) + 1.0
    A = sparse.csr_array(cost <= r)
    sol = solve_lscp(A, n_exist=n_exist, time_limit_s=60, mip_gap=0)
    assert sol.objective == spopt_objective("lscp", cost, r, n_exist) == plain_lscp(A, n_exist)
    assert (A.toarray()[:, sol.is_open].any(axis=1)).all()
    assert sol.is_open[:n_exist].all() and sol.gap == 0


def brute_force_mclp(A, w, k: int, n_exist: int) -> float:
    dense = A.toarray()
    before = dense[:, :n_exist].any(axis=1)
    combos = np.array(list(itertools.combinations(range(n_exist, A.shape[1]), k)))
    hit = dense[:, combos].any(axis=2) | before[:, None]  # sites × subsets
    return float((np.asarray(w)[:, None] * hit).sum(axis=0).max())


def brute_force_lscp(A, n_exist: int) -> int:
    dense = A.toarray()
    before = dense[:, :n_exist].any(axis=1)
    for k in range(A.shape[1] - n_exist + 1):
        combos = np.array(list(itertools.combinations(range(n_exist, A.shape[1]), k)))
        if k == 0:
            if before.all():
                return n_exist
            continue
        hit = dense[:, combos].any(axis=2) | before[:, None]
        if hit.all(axis=0).any():
            return n_exist + k
    raise AssertionError


@pytest.mark.parametrize("seed", range(8))
def test_tiny_instances_equal_brute_force(seed):
    rng = np.random.default_rng(seed)
    n_exist = int(rng.integers(0, 3))
    cost, A = instance(seed, 25, 12, n_exist, float(rng.uniform(4_000, 10_000)))
    w = np.round(rng.gamma(2.0, 3.0, 25), 2) if seed % 2 else np.ones(25)
    for k in (1, 2, 3, 4):
        sol = solve_mclp(A, w, p=k + n_exist, n_exist=n_exist, time_limit_s=60, mip_gap=0)
        assert sol.objective == pytest.approx(brute_force_mclp(A, w, k, n_exist), rel=1e-12)
        assert sol.is_open.sum() == k + n_exist
    r = float(cost.min(axis=1).max())
    A = sparse.csr_array(cost <= r)
    sol = solve_lscp(A, n_exist=n_exist, time_limit_s=60, mip_gap=0)
    assert sol.objective == brute_force_lscp(A, n_exist)
    assert (A.toarray()[:, sol.is_open].any(axis=1)).all()


@pytest.mark.parametrize("seed", [7, 8, 9])
def test_reduction_is_exact_and_maps_to_original_columns(seed):
    n_exist = 3
    cost, A = instance(seed, 400, 80, n_exist, 5_000.0)
    w = np.round(np.random.default_rng(seed).gamma(2.0, 3.0, 400), 2)
    dense = A.toarray()
    red = reduce_mclp(A, w, n_exist)
    # columns: distinct original candidate indices; existing are the forced ones
    assert red.cols.dtype.kind == "i" and len(np.unique(red.cols)) == len(red.cols)
    assert ((red.cols >= n_exist) & (red.cols < A.shape[1])).all()
    assert red.forced.tolist() == list(range(n_exist))
    before = dense[:, :n_exist].any(axis=1)
    assert red.constant == pytest.approx(w[before].sum(), rel=1e-12)
    # merged rows keep the weight of every site still in play
    in_play = ~before & dense[:, n_exist:].any(axis=1)
    assert red.w.sum() == pytest.approx(w[in_play].sum(), rel=1e-12)
    assert red.A.shape == (len(red.w), len(red.cols))
    # rows of the reduced matrix are distinct
    rows = {tuple(np.flatnonzero(r)) for r in red.A.toarray()}
    assert len(rows) == red.A.shape[0]
    for k in (2, 5, 10):
        # reduced optimum + constant = original optimum, both by plain HiGHS
        reduced = plain_mclp(red.A, red.w, k, 0) if k < len(red.cols) else red.w.sum()
        assert reduced + red.constant == pytest.approx(plain_mclp(A, w, k + n_exist, n_exist),
                                                       rel=1e-9)  # fmt: skip

    r = float(cost.min(axis=1).max())
    A = sparse.csr_array(cost <= r)
    red = reduce_lscp(A, n_exist)
    assert ((red.cols >= n_exist) & (red.cols < A.shape[1])).all()
    assert len(np.unique(np.r_[red.forced, red.cols])) == len(red.forced) + len(red.cols)
    assert set(range(n_exist)) <= set(red.forced.tolist())
    rest = plain_lscp(red.A, 0) if red.A.shape[0] else 0.0
    assert rest + len(red.forced) == plain_lscp(A, n_exist)


def test_mclp_with_fewer_useful_candidates_than_k_pads_to_k():
    cost, A = instance(10, 50, 30, 1, 20_000.0)
    w = np.ones(50)
    red = reduce_mclp(A, w, 1)
    k = len(red.cols) + 2
    sol = solve_mclp(A, w, p=k + 1, n_exist=1, time_limit_s=10, mip_gap=0)
    assert sol.is_open.sum() == k + 1 and sol.is_open[0] and sol.gap == 0
    assert sol.objective == covered(A, sol.is_open, w) == A.toarray().any(axis=1).sum()


def test_lscp_time_limit_returns_a_feasible_cover_with_its_gap():
    """A hard LSCP (5,000 random sites, 5 km) stopped after 0.5 s: feasible, gap proven."""
    rng = np.random.default_rng(3)
    sites = rng.uniform(0, 100_000, (5_000, 2))
    g = np.arange(1_000, 100_000, 3_000.0)
    cands = np.column_stack([np.repeat(g, len(g)), np.tile(g, len(g))])
    cost = cdist(sites, cands)
    A = sparse.csr_array(cost <= 5_000)
    assert A.toarray().any(axis=1).all()
    sol = solve_lscp(A, n_exist=0, time_limit_s=0.5, mip_gap=0)
    assert sol.time_limit_hit and sol.gap > 0 and 1 <= sol.bound < sol.objective
    assert (A.toarray()[:, sol.is_open].any(axis=1)).all()
    assert sol.objective == sol.is_open.sum()


@pytest.mark.parametrize(("seed", "k"), [(0, 12), (0, 16), (1, 16), (4, 12), (4, 16)])
@pytest.mark.slow
def test_mclp_with_a_fractional_lp_equals_plain_highs(seed, k):
    """Uniform sites where the LP relaxation is fractional: the HiGHS stages decide."""
    rng = np.random.default_rng(seed)
    cost = cdist(rng.uniform(0, 40_000, (500, 2)), rng.uniform(0, 40_000, (100, 2)))
    A = sparse.csr_array(cost <= 5_000)
    for w in (np.ones(500), np.round(rng.gamma(2.0, 3.0, 500), 2)):
        sol = solve_mclp(A, w, p=k, n_exist=0, time_limit_s=60, mip_gap=0)
        assert sol.gap == 0 and sol.is_open.sum() == k
        assert sol.objective == pytest.approx(plain_mclp(A, w, k, 0), rel=1e-9)
        assert sol.objective == pytest.approx(covered(A, sol.is_open, w), rel=1e-12)


def test_mclp_stops_at_the_requested_gap():
    rng = np.random.default_rng(11)
    cost = cdist(rng.uniform(0, 40_000, (500, 2)), rng.uniform(0, 40_000, (100, 2)))
    A = sparse.csr_array(cost <= 5_000)
    w = np.round(rng.gamma(2.0, 3.0, 500), 2)
    sol = solve_mclp(A, w, p=14, n_exist=0, time_limit_s=60, mip_gap=0.05)
    best = plain_mclp(A, w, 14, 0)
    assert sol.gap <= 0.05 and sol.bound >= best * (1 - 1e-9)
    assert best * (1 + 1e-9) >= sol.objective >= (1 - 0.05) * best * (1 - 1e-9)


def test_mclp_time_limit_returns_k_facilities_with_a_valid_bound():
    rng = np.random.default_rng(0)
    cost = cdist(rng.uniform(0, 40_000, (500, 2)), rng.uniform(0, 40_000, (100, 2)))
    A = sparse.csr_array(cost <= 5_000)
    w = np.ones(500)
    sol = solve_mclp(A, w, p=16, n_exist=0, time_limit_s=1e-6, mip_gap=0)
    best = plain_mclp(A, w, 16, 0)
    assert sol.is_open.sum() == 16 and sol.objective == covered(A, sol.is_open, w)
    assert sol.objective <= best <= sol.bound
    assert sol.time_limit_hit and sol.gap == pytest.approx((sol.bound - sol.objective) / sol.bound)


def test_placement_reports_the_model_size_before_and_after_reduction():
    import geopandas as gpd
    from pyproj import Transformer

    from geoapp.coverage import place_facilities

    rng = np.random.default_rng(4)
    to_ll = Transformer.from_crs(4547, 4326, always_xy=True)

    def layer(xy):
        lon, lat = to_ll.transform(xy[:, 0], xy[:, 1])
        return gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs=4326)

    origin = np.array([560_000.0, 3_930_000.0])
    s_xy = origin + rng.integers(0, 12, (200, 2)) * 2_500.0
    c_xy = origin + rng.uniform(0, 30_000, (40, 2))
    e_xy = origin + rng.uniform(0, 30_000, (2, 2))
    res = place_facilities(layer(s_xy), layer(c_xy), radius_m=6_000, model="mclp", k=3,
                           existing=layer(e_xy), weight_col=None)  # fmt: skip
    n_pairs = int((cdist(s_xy, c_xy) <= 6_000).sum())
    assert res.params["model_size"] == (200, 40, n_pairs)
    after = res.params["reduced_size"]
    assert after[0] < 200 and after[1] <= 40 and after[2] < n_pairs
    cost = cdist(s_xy, np.vstack([e_xy, c_xy]))
    assert res.objective == plain_mclp(sparse.csr_array(cost <= 6_000), np.ones(200), 5, 2)
