"""MCLP and LSCP as sparse mixed-integer programs, solved by HiGHS (``scipy.optimize.milp``).

Both models are built in vectorised form from the sparse site × facility
coverage matrix ``A`` (CSR, ``A[i, j]`` true when facility ``j`` is within the
service radius of site ``i``; existing facilities are the first ``n_exist``
columns and are kept open). Nothing here is dense in sites × facilities.

MCLP (maximal covering)::

    max  sum_i w_i y_i
    s.t. y_i <= sum_j A_ij x_j      for every site i
         sum_j x_j = p              (existing + new)
         x_j = 1                    for existing j
         x_j in {0, 1},  0 <= y_i <= 1

``y`` may be continuous: for a 0/1 ``x`` the optimum has ``y_i = min(1, (A x)_i)``.
The objective reported is recomputed from ``x`` on the original ``A`` (the
weight of the sites that ``x`` covers).

LSCP (set covering)::

    min  sum_j x_j
    s.t. sum_j A_ij x_j >= 1        for every site i
         x_j = 1                    for existing j
         x_j in {0, 1}

These are the formulations of PySAL spopt's ``MCLP`` / ``LSCP`` (which the
tests use as the reference), with the same objective values.

Before solving, each model is reduced exactly (:mod:`geoapp.coverage.presolve`:
sites covered by existing facilities or by no candidate, identical sites
merged, dominated candidates dropped; for LSCP also dominating sites and
candidates that some site needs). MCLP is then solved in stages that stop as
soon as the solution in hand is proven within ``mip_gap``: greedy + 1-swap
local search, the LP relaxation's bound (rounded down for integer weights),
HiGHS on the LP's fractional columns, and HiGHS on the columns that LP reduced
costs leave open. ``time_limit_s`` bounds the whole solve; when it is reached
the best solution found is returned with its proven gap (the LP or HiGHS
bound, else the total reachable weight for MCLP; the HiGHS bound, else the
sites over the most that one candidate covers for LSCP).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from geoapp.coverage.presolve import reduce_lscp, reduce_mclp

__all__ = ["Solution", "check_limits", "solve_lscp", "solve_mclp"]

#: Relative gaps below this are reported as 0 (solver tolerances).
_GAP_EPS = 1e-6
#: Largest open × candidate swap table of the local search (8 bytes a cell).
_SWAP_MAX_CELLS = 5_000_000


@dataclass(frozen=True)
class Solution:
    """What the solver returned.

    Attributes
    ----------
    is_open
        Boolean per facility column (existing first).
    objective
        MCLP: covered weight; LSCP: number of open facilities (existing included).
    bound
        The proven bound on the best possible objective (MCLP: upper bound,
        LSCP: lower bound, rounded up to an integer); NaN when none was proven.
    gap
        Proven relative gap: MCLP ``(bound - objective) / bound`` (the solution
        covers at least ``1 - gap`` of the best possible); LSCP
        ``(objective - bound) / bound`` (it uses at most ``gap`` more
        facilities than the fewest possible). 0 when proven optimal, NaN when
        no bound is known.
    time_limit_hit
        True when the solver stopped at its time limit.
    status
        How the solve ended: the stage that found or proved the solution, HiGHS's status.
    solve_s
        Wall-clock seconds of the whole solve (reduction, heuristics, LP, HiGHS).
    greedy
        True when the solution returned is the heuristic's (greedy + local
        search), not one HiGHS found; it may still be proven optimal.
    size_before, size_after
        ``(sites, candidates, non-zeros)`` of the model before and after the
        exact reduction (existing facilities not counted).
    """

    is_open: np.ndarray
    objective: float
    bound: float
    gap: float
    time_limit_hit: bool
    status: str
    solve_s: float
    greedy: bool = False
    size_before: tuple[int, int, int] = (0, 0, 0)
    size_after: tuple[int, int, int] = (0, 0, 0)


def _milp(c, integrality, bounds, constraints, time_limit_s: float, mip_gap: float, *, fixed=False):
    """HiGHS through ``scipy.optimize.milp`` with a time limit and relative gap.

    ``fixed``: the model has fixings that may leave it infeasible (status 2, returned as is).
    """
    t0 = time.perf_counter()
    res = milp(
        c,
        integrality=integrality,
        bounds=bounds,
        constraints=constraints,
        options={"time_limit": float(time_limit_s), "mip_rel_gap": float(mip_gap)},
    )
    elapsed = time.perf_counter() - t0
    if res.status not in (0, 1) and not (fixed and res.status == 2):
        msg = f"HiGHS did not solve the placement model: status {res.status}, {res.message}"
        raise RuntimeError(msg)
    return res, elapsed


def _dual_bound(res) -> float:
    bound = getattr(res, "mip_dual_bound", None)
    if bound is None or not math.isfinite(float(bound)):
        return math.nan
    return float(bound)


def check_limits(time_limit_s: float, mip_gap: float) -> None:
    """Raise a ValueError naming a time limit or gap that is not a usable number."""
    if not (isinstance(time_limit_s, (int, float)) and math.isfinite(time_limit_s)) or (
        time_limit_s <= 0
    ):
        msg = f"`time_limit_s` must be a number of seconds > 0 (e.g. 10), got {time_limit_s!r}."
        raise ValueError(msg)
    if not (isinstance(mip_gap, (int, float)) and 0 <= mip_gap < 1):
        msg = (
            f"`mip_gap` must be a fraction in [0, 1) (e.g. 0.01 for 1 %; 0 proves optimality), "
            f"got {mip_gap!r}."
        )
        raise ValueError(msg)


def _cover_count(A: sparse.csr_array, is_open: np.ndarray) -> np.ndarray:
    return A @ is_open.astype(np.float64)


def _covered_weight(A: sparse.csr_array, w: np.ndarray, is_open: np.ndarray) -> float:
    return float(w[_cover_count(A, is_open) > 0].sum())


def _greedy_mclp(A: sparse.csr_array, w: np.ndarray, k: int) -> np.ndarray:
    """Greedy maximal covering: add the column covering the most uncovered weight, k times."""
    n_cols = A.shape[1]
    is_open = np.zeros(n_cols, dtype=bool)
    covered = np.zeros(A.shape[0], dtype=bool)
    At = sparse.csr_array(A.T)
    for _ in range(min(k, n_cols)):
        gain = At @ (w * ~covered)
        gain[is_open] = -1.0
        j = int(np.argmax(gain))
        is_open[j] = True
        covered[At.indices[At.indptr[j] : At.indptr[j + 1]]] = True
    return is_open


def _swap_search(
    A: sparse.csr_array, w: np.ndarray, is_open: np.ndarray, deadline: float
) -> np.ndarray:
    """Best-improvement 1-swap local search for MCLP (one open column for one closed).

    Each round evaluates every swap at once: closing ``j`` loses the weight of
    the rows only ``j`` covers, opening ``c`` gains the uncovered rows it
    covers, and the rows only ``j`` covers that ``c`` also covers are kept
    (``A[:, open].T @ diag(w only-j) @ A``). Skipped when that open × all
    table would exceed :data:`_SWAP_MAX_CELLS` cells.
    """
    is_open = is_open.copy()
    if int(is_open.sum()) * A.shape[1] > _SWAP_MAX_CELLS:
        return is_open
    Ac = sparse.csc_array(A)
    tol = 1e-9 * max(float(w.sum()), 1.0)
    while time.perf_counter() < deadline:
        count = _cover_count(A, is_open)
        gain = Ac.T @ (w * (count == 0))
        alone = w * (count == 1)
        idx = np.flatnonzero(is_open)
        if len(idx) == 0 or len(idx) == A.shape[1]:
            break
        loss = Ac[:, idx].T @ alone
        kept = (Ac[:, idx].T @ sparse.diags_array(alone) @ Ac).toarray()
        delta = gain[None, :] - loss[:, None] + kept
        delta[:, is_open] = -np.inf
        a, c = np.unravel_index(int(np.argmax(delta)), delta.shape)
        if delta[a, c] <= tol:
            break
        is_open[idx[a]] = False
        is_open[c] = True
    return is_open


def _mclp_model(A: sparse.csr_array, w: np.ndarray, k: int):
    """Objective, constraints of the MCLP on ``A`` (x then y), every row reachable."""
    n_rows, n_cols = A.shape
    c = np.r_[np.zeros(n_cols), -w]
    cover = sparse.hstack([-A, sparse.eye_array(n_rows)], format="csr")
    count = sparse.csr_array(np.r_[np.ones(n_cols), np.zeros(n_rows)][None, :])
    return c, [LinearConstraint(cover, -np.inf, 0.0), LinearConstraint(count, k, k)]


@dataclass(frozen=True)
class _Sub:
    """Solution of a reduced model (columns of the reduced matrix)."""

    is_open: np.ndarray
    value: float
    bound: float
    hit: bool
    status: str
    heuristic: bool


def _gap_max(value: float, bound: float) -> float:
    if not math.isfinite(bound):
        return math.nan
    return max(bound - value, 0.0) / bound if bound > 0 else 0.0


def _mclp_reduced(
    A: sparse.csr_array, w: np.ndarray, k: int, deadline: float, mip_gap: float
) -> _Sub:
    """Solve the reduced MCLP: heuristic, LP bound, then HiGHS on what the bound leaves open.

    1. Greedy + 1-swap local search give a first solution.
    2. The LP relaxation bounds the optimum (rounded down when every weight is
       an integer). An integral LP solution is optimal; otherwise its ``k``
       largest columns, improved by swaps, may beat the greedy solution.
    3. If the gap is still above ``mip_gap``: HiGHS on the columns the LP left
       fractional (the others fixed as in the LP) for a better solution, with
       half the time left.
    4. If still above: the columns whose LP reduced cost proves they cannot
       be in a better solution are fixed, and HiGHS solves the rest with the
       time left; its dual bound, or the solution found so far if higher,
       bounds the optimum.
    """
    n_rows, n_cols = A.shape
    if k >= n_cols or n_rows == 0:
        is_open = np.zeros(n_cols, dtype=bool)
        is_open[: min(k, n_cols)] = True
        if k >= n_cols:
            is_open[:] = True
        return _Sub(is_open, _covered_weight(A, w, is_open), float(w.sum()), False, "reduced", True)
    s = _MclpSearch.start(A, w, k, deadline, mip_gap)
    if s.done():
        return s.sub(hit=False)
    c, cons = _mclp_model(A, w, k)
    remaining = s.remaining()
    if remaining <= 0:
        return s.sub(hit=True)
    lp = linprog(
        c,
        A_ub=cons[0].A,
        b_ub=np.zeros(n_rows),
        A_eq=cons[1].A,
        b_eq=[k],
        bounds=(0, 1),
        method="highs",
        options={"time_limit": remaining},
    )
    if lp.status != 0:  # time limit (or numerical trouble): the heuristic and the simple bound
        return _Sub(s.best, s.value, s.bound, lp.status == 1, f"LP: {lp.message}", s.heuristic)
    s.use_lp(lp)
    if s.done():
        return s.sub(hit=False)
    # 3. the LP's fractional columns only (its 0 / 1 columns fixed)
    remaining = s.remaining()
    if remaining <= 0:
        return s.sub(hit=True)
    x = lp.x[:n_cols]
    res, _ = _mclp_fixed(c, cons, (x >= 1 - 1e-6), (x > 1e-6), remaining / 2, mip_gap)
    if res.x is not None:
        s.offer(res.x[:n_cols] > 0.5, "HiGHS on the LP's fractional columns")
    if s.done():
        return s.sub(hit=False)
    return _mclp_reduced_costs(s, c, cons, lp)


@dataclass
class _MclpSearch:
    """A reduced MCLP being solved: the model, the best solution in hand and the proven bound.

    Attributes
    ----------
    A, w, k
        The reduced model: coverage matrix, weights, columns to open.
    deadline, mip_gap
        When to stop (``time.perf_counter()``) and the gap at which one may.
    integral
        Every weight is an integer (so is every covered weight).
    best, value
        The best solution found and its covered weight.
    bound
        The proven upper bound on the covered weight.
    status, heuristic
        How the best solution was found; whether it is the heuristic's.
    """

    A: sparse.csr_array
    w: np.ndarray
    k: int
    deadline: float
    mip_gap: float
    integral: bool
    best: np.ndarray
    value: float
    bound: float
    status: str = "greedy + local search"
    heuristic: bool = True

    @classmethod
    def start(
        cls, A: sparse.csr_array, w: np.ndarray, k: int, deadline: float, mip_gap: float
    ) -> _MclpSearch:
        """Greedy + 1-swap local search, and the bound of the ``k`` largest column weights."""
        best = _swap_search(A, w, _greedy_mclp(A, w, k), deadline)
        # no k columns cover more than the k largest column weights together
        bound = min(float(w.sum()), float(np.sort(A.T @ w)[::-1][:k].sum()))
        integral = bool(np.all(w == np.round(w)))
        return cls(A, w, k, deadline, mip_gap, integral, best, _covered_weight(A, w, best), bound)

    def remaining(self) -> float:
        """Seconds left before the deadline."""
        return self.deadline - time.perf_counter()

    def done(self) -> bool:
        """The solution in hand is proven within ``mip_gap`` of the optimum."""
        return _gap_max(self.value, self.bound) <= max(self.mip_gap, _GAP_EPS)

    def floor(self, b: float) -> float:
        """A bound rounded down when the weights are integers (the slack absorbs LP tolerances)."""
        return float(math.floor(b + 1e-6 * max(abs(b), 1.0))) if self.integral else b

    def offer(self, is_open: np.ndarray, status: str | None = None) -> None:
        """Keep a solution HiGHS found if it covers more (``status``: how, None to keep it)."""
        got = _covered_weight(self.A, self.w, is_open)
        if got > self.value:
            self.best, self.value, self.heuristic = is_open, got, False
            if status is not None:
                self.status = status

    def use_lp(self, lp: Any) -> None:
        """Stage 2: tighten the bound by the LP optimum; try its solution or its rounding."""
        z_lp = -float(lp.fun)
        self.bound = min(self.bound, self.floor(z_lp + 1e-9 * max(abs(z_lp), 1.0)))
        x = lp.x[: self.A.shape[1]]
        if np.all(np.abs(x - np.round(x)) <= 1e-6):
            lp_open = x > 0.5
            lp_value = _covered_weight(self.A, self.w, lp_open)
            if lp_value >= self.value:
                self.best, self.value = lp_open, lp_value
                self.status, self.heuristic = "LP solution is integral", False
        else:  # the k largest LP values, improved by swaps: often better than the greedy start
            start = np.zeros(len(x), dtype=bool)
            start[np.argsort(-x, kind="stable")[: self.k]] = True
            rounded = _swap_search(self.A, self.w, start, self.deadline)
            got = _covered_weight(self.A, self.w, rounded)
            if got > self.value:
                self.best, self.value, self.status = rounded, got, "LP rounding + local search"

    def sub(self, *, hit: bool) -> _Sub:
        """The solution in hand as a :class:`_Sub` (``hit``: the time limit was reached)."""
        return _Sub(self.best, self.value, self.bound, hit, self.status, self.heuristic)


def _mclp_fixed(c, cons, lb: np.ndarray, ub: np.ndarray, limit: float, mip_gap: float):
    """HiGHS on the MCLP with the columns bounded to ``[lb, ub]`` (0/1 each)."""
    n_cols = len(lb)
    n_rows = len(c) - n_cols
    integrality = np.r_[np.ones(n_cols), np.zeros(n_rows)]
    bounds = Bounds(
        np.r_[np.asarray(lb, dtype=float), np.zeros(n_rows)],
        np.r_[np.asarray(ub, dtype=float), np.ones(n_rows)],
    )
    return _milp(c, integrality, bounds, cons, limit, mip_gap, fixed=True)


def _mclp_reduced_costs(s: _MclpSearch, c, cons, lp: Any) -> _Sub:
    """Stage 4: fix the columns the LP reduced costs decide, HiGHS on the rest, its bound."""
    n_cols = s.A.shape[1]
    z_lp = -float(lp.fun)
    # a column whose LP reduced cost d makes z_lp - d no better than the solution in hand
    # is closed (and opened if closing it costs that much).
    slack = 1e-6 * max(abs(z_lp), 1.0)
    d_low = np.asarray(lp.lower.marginals[:n_cols])
    d_up = np.asarray(lp.upper.marginals[:n_cols])
    close = _no_better(z_lp - d_low + slack, s.value, s.integral)
    open_fix = _no_better(z_lp + d_up + slack, s.value, s.integral)
    proven = "LP reduced costs prove it optimal"
    if (open_fix & close).any() or open_fix.sum() > s.k or (~close).sum() < s.k:
        # every solution better than `value` would need contradictory fixings: none exists
        return _Sub(s.best, s.value, s.value, False, proven, s.heuristic)
    remaining = s.remaining()
    if remaining <= 0:
        return s.sub(hit=True)
    res, _ = _mclp_fixed(c, cons, open_fix, ~close, remaining, s.mip_gap)
    if res.status == 2:  # infeasible: no solution better than `value` exists
        return _Sub(s.best, s.value, s.value, False, proven, s.heuristic)
    if res.x is not None:
        s.offer(res.x[:n_cols] > 0.5)
    s.status = f"HiGHS {res.status}: {res.message}"
    rest = -_dual_bound(res)  # the best any solution better than `value` can reach
    if res.status == 0 and not math.isfinite(rest):
        rest = s.value
    if math.isfinite(rest):
        s.bound = min(s.bound, max(s.value, s.floor(rest)))
    return s.sub(hit=res.status == 1)


def _no_better(limit: np.ndarray, value: float, integral: bool) -> np.ndarray:
    """True where a solution worth at most ``limit`` cannot beat ``value``."""
    if integral:
        limit = np.floor(limit)
    return limit <= value


def solve_mclp(
    A, w: np.ndarray, *, p: int, n_exist: int, time_limit_s: float, mip_gap: float
) -> Solution:
    """Open exactly ``p`` facilities (the ``n_exist`` existing ones included) covering most weight.

    The model is first reduced exactly (:func:`geoapp.coverage.presolve.reduce_mclp`),
    then solved as in :func:`_mclp_reduced`; the solution is mapped back to
    the columns of ``A`` (padded with candidates that cover most if the
    reduction left fewer than ``p - n_exist`` columns), and its objective is
    recomputed on ``A``.

    Parameters
    ----------
    A
        Sparse boolean coverage matrix, sites × facilities (existing first).
    w
        Weight of each site (>= 0).
    p
        Number of open facilities, existing included.
    n_exist
        Number of existing facilities (the first columns), kept open.
    time_limit_s, mip_gap
        Time limit of the whole solve (seconds) and the relative gap at which it may stop.

    Returns
    -------
    Solution
    """
    check_limits(time_limit_s, mip_gap)
    t0 = time.perf_counter()
    A = sparse.csr_array(A, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    red = reduce_mclp(A, w, n_exist)
    k = p - n_exist
    sub = _mclp_reduced(red.A, red.w, k, t0 + float(time_limit_s), mip_gap)
    is_open = np.zeros(A.shape[1], dtype=bool)
    is_open[red.forced] = True
    is_open[red.cols[sub.is_open]] = True
    missing = p - int(is_open.sum())
    if missing > 0:  # fewer columns than k were left: any others do (they add no weight)
        size = np.asarray(A.sum(axis=0)).ravel()
        size[is_open] = -1.0
        is_open[np.argsort(-size, kind="stable")[:missing]] = True
    objective = _covered_weight(A, w, is_open)
    if not math.isclose(objective, red.constant + sub.value, rel_tol=1e-9, abs_tol=1e-9):
        msg = (
            f"Internal error: the reduced MCLP covers {red.constant + sub.value} but its "
            f"solution covers {objective} of the original model; please report it."
        )
        raise RuntimeError(msg)
    bound = red.constant + sub.bound
    bound = max(bound, objective)  # tolerances
    gap = _gap_max(objective, bound)
    if gap < _GAP_EPS:
        gap = 0.0
    return Solution(
        is_open=is_open,
        objective=objective,
        bound=bound,
        gap=gap,
        time_limit_hit=sub.hit,
        status=sub.status,
        solve_s=time.perf_counter() - t0,
        greedy=sub.heuristic,
        size_before=red.size_before,
        size_after=red.size_after,
    )


def _greedy_lscp(A: sparse.csr_array) -> np.ndarray:
    """Greedy set covering: add the column covering the most uncovered rows until all are."""
    n_rows, n_cols = A.shape
    is_open = np.zeros(n_cols, dtype=bool)
    covered = np.zeros(n_rows, dtype=bool)
    At = sparse.csr_array(A.T)
    while not covered.all():
        gain = At @ (~covered).astype(np.float64)
        gain[is_open] = -1.0
        j = int(np.argmax(gain))
        is_open[j] = True
        covered[At.indices[At.indptr[j] : At.indptr[j + 1]]] = True
    return is_open


def _simple_lscp_bound(A: sparse.csr_array) -> float:
    """Lower bound: rows / the most rows any one column covers, rounded up."""
    if A.shape[0] == 0:
        return 0.0
    most = float(np.bincount(A.indices, minlength=A.shape[1]).max(initial=0))
    return float(math.ceil(A.shape[0] / max(most, 1.0)))


def solve_lscp(A, *, n_exist: int, time_limit_s: float, mip_gap: float) -> Solution:
    """Open the fewest facilities (the ``n_exist`` existing ones kept open) covering every site.

    The model is first reduced exactly (:func:`geoapp.coverage.presolve.reduce_lscp`),
    then HiGHS solves what is left within ``time_limit_s``; when it stops at
    the limit, the smaller of its cover and a greedy cover is returned with
    the proven gap.

    Parameters
    ----------
    A
        Sparse boolean coverage matrix, sites × facilities (existing first);
        every row must have a true entry (check feasibility first).
    n_exist
        Number of existing facilities (the first columns), kept open.
    time_limit_s, mip_gap
        Time limit of the whole solve (seconds) and the relative gap at which it may stop.

    Returns
    -------
    Solution
    """
    check_limits(time_limit_s, mip_gap)
    t0 = time.perf_counter()
    A = sparse.csr_array(A, dtype=np.float64)
    if (np.diff(A.indptr) == 0).any():
        msg = "Some site is covered by no facility; LSCP has no solution (check feasibility)."
        raise ValueError(msg)
    red = reduce_lscp(A, n_exist)
    R = red.A
    n_rows, n_cols = R.shape
    hit, heuristic, status = False, False, "reduced: every site covered by forced facilities"
    sub_open = np.zeros(n_cols, dtype=bool)
    sub_bound = 0.0
    if n_rows:
        remaining = max(t0 + float(time_limit_s) - time.perf_counter(), 1e-3)
        res, _ = _milp(
            np.ones(n_cols),
            np.ones(n_cols),
            Bounds(np.zeros(n_cols), np.ones(n_cols)),
            [LinearConstraint(R, 1.0, np.inf)],
            remaining,
            mip_gap,
        )
        hit, status = res.status == 1, f"{res.status}: {res.message}"
        solver_open = None if res.x is None else res.x > 0.5
        if solver_open is None or hit:  # stopped early: keep the greedy cover when smaller
            greedy_open = _greedy_lscp(R)
            if solver_open is None or greedy_open.sum() < solver_open.sum():
                solver_open, heuristic = greedy_open, True
        sub_open = solver_open
        raw = _dual_bound(res)
        # The number of facilities is an integer: a bound of 41.3 proves at least 42.
        sub_bound = math.ceil(raw - 1e-6) if math.isfinite(raw) else math.nan
        if res.status == 0 and not heuristic and not math.isfinite(sub_bound):
            sub_bound = float(sub_open.sum())
        simple = _simple_lscp_bound(R)  # valid whatever the solver reached
        sub_bound = max(sub_bound, simple) if math.isfinite(sub_bound) else simple
    is_open = np.zeros(A.shape[1], dtype=bool)
    is_open[red.forced] = True
    is_open[red.cols[sub_open]] = True
    if not (_cover_count(A, is_open) > 0).all():
        msg = "Internal error: the reduced LSCP's cover misses a site; please report it."
        raise RuntimeError(msg)
    objective = float(is_open.sum())
    n_forced = len(red.forced)
    bound = float(min(max(n_forced + sub_bound, 1 if A.shape[0] else 0), objective))
    gap = (objective - bound) / bound if bound > 0 else 0.0
    if gap < _GAP_EPS:
        gap = 0.0
    return Solution(
        is_open=is_open,
        objective=objective,
        bound=bound,
        gap=gap,
        time_limit_hit=hit,
        status=status,
        solve_s=time.perf_counter() - t0,
        greedy=heuristic,
        size_before=red.size_before,
        size_after=red.size_after,
    )
