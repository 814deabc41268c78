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
The objective reported is recomputed from ``x`` (the weight of the sites
that ``x`` covers), so it never understates a solution.

LSCP (set covering)::

    min  sum_j x_j
    s.t. sum_j A_ij x_j >= 1        for every site i
         x_j = 1                    for existing j
         x_j in {0, 1}

These are the formulations of PySAL spopt's ``MCLP`` / ``LSCP`` (which the
tests use as the reference), with the same objective values.

MCLP first runs the greedy heuristic (vectorised sparse products): when it
already covers every site within reach of some facility it is optimal and the
solver is not called. When HiGHS stops at ``time_limit_s`` it returns the best
solution found and its dual bound; the proven gap is computed from them (with, when the solver
stopped before proving any bound, a simple valid one: the covered weight of the
``k`` best single candidates for MCLP, the uncovered sites over the most one
candidate covers for LSCP). If
the greedy solution is better than the solver's (or the solver has none), the
greedy one is returned with the solver's bound.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np

__all__ = ["Solution", "check_limits", "solve_lscp", "solve_mclp"]

#: Relative gaps below this are reported as 0 (solver tolerances).
_GAP_EPS = 1e-6


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
        ``scipy.optimize.milp``'s status and message.
    solve_s
        Wall-clock seconds in the solver.
    greedy
        True when the solver found no solution in time and the greedy one is returned.
    """

    is_open: np.ndarray
    objective: float
    bound: float
    gap: float
    time_limit_hit: bool
    status: str
    solve_s: float
    greedy: bool = False


def _milp(c, integrality, bounds, constraints, time_limit_s: float, mip_gap: float):
    from scipy.optimize import milp

    t0 = time.perf_counter()
    res = milp(
        c,
        integrality=integrality,
        bounds=bounds,
        constraints=constraints,
        options={"time_limit": float(time_limit_s), "mip_rel_gap": float(mip_gap)},
    )
    elapsed = time.perf_counter() - t0
    if res.status not in (0, 1):
        msg = f"HiGHS did not solve the placement model: status {res.status}, {res.message}"
        raise RuntimeError(msg)
    return res, elapsed


def _dual_bound(res) -> float:
    bound = getattr(res, "mip_dual_bound", None)
    if bound is None or not math.isfinite(float(bound)):
        return math.nan
    return float(bound)


def _greedy_mclp(A, w: np.ndarray, p: int, n_exist: int) -> np.ndarray:
    """Greedy maximal covering: add the facility covering the most uncovered weight, p times."""
    n_fac = A.shape[1]
    is_open = np.zeros(n_fac, dtype=bool)
    is_open[:n_exist] = True
    covered = (A[:, :n_exist].sum(axis=1) > 0) if n_exist else np.zeros(A.shape[0], bool)
    At = A.T.tocsr().astype(np.float64)
    for _ in range(max(p - n_exist, 0)):
        gain = At @ (w * ~covered)
        gain[is_open] = -1.0
        j = int(np.argmax(gain))
        is_open[j] = True
        covered[At.indices[At.indptr[j] : At.indptr[j + 1]]] = True
    return is_open


def _greedy_lscp(A, n_exist: int) -> np.ndarray:
    """Greedy set covering: add the facility covering the most uncovered sites until all are."""
    n_sites, n_fac = A.shape
    is_open = np.zeros(n_fac, dtype=bool)
    is_open[:n_exist] = True
    covered = (A[:, :n_exist].sum(axis=1) > 0) if n_exist else np.zeros(n_sites, bool)
    At = A.T.tocsr().astype(np.float64)
    while not covered.all():
        gain = At @ (~covered).astype(np.float64)
        gain[is_open] = -1.0
        j = int(np.argmax(gain))
        if gain[j] <= 0:  # the feasibility pre-check rules this out
            msg = "Some site is covered by no facility; LSCP has no solution."
            raise RuntimeError(msg)
        is_open[j] = True
        covered[At.indices[At.indptr[j] : At.indptr[j + 1]]] = True
    return is_open


def _uncovered_gains(A, n_exist: int, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows covered by the existing columns, and each candidate's weight of the other rows."""
    if n_exist:
        before = np.asarray(A[:, :n_exist].sum(axis=1)).ravel() > 0
    else:
        before = np.zeros(A.shape[0], dtype=bool)
    gains = A[:, n_exist:].T @ (w * ~before)
    return before, np.asarray(gains, dtype=np.float64)


def _simple_mclp_bound(A, w: np.ndarray, p: int, n_exist: int) -> float:
    """Upper bound: weight covered by the existing + the ``p - n_exist`` largest candidate gains."""
    before, gains = _uncovered_gains(A, n_exist, w)
    top = np.sort(gains)[::-1][: max(p - n_exist, 0)].sum()
    reachable = np.asarray(A.sum(axis=1)).ravel() > 0
    return float(min(w[before].sum() + top, w[reachable].sum()))


def _simple_lscp_bound(A, n_exist: int) -> float:
    """Lower bound: existing + uncovered sites / the most any one candidate covers, rounded up."""
    before, gains = _uncovered_gains(A, n_exist, np.ones(A.shape[0]))
    left = int((~before).sum())
    if left == 0:
        return float(n_exist)
    return float(n_exist + math.ceil(left / max(float(gains.max(initial=0.0)), 1.0)))


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


def solve_mclp(
    A, w: np.ndarray, *, p: int, n_exist: int, time_limit_s: float, mip_gap: float
) -> Solution:
    """Open exactly ``p`` facilities (the ``n_exist`` existing ones included) covering most weight.

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
        HiGHS ``time_limit`` (seconds) and ``mip_rel_gap``.

    Returns
    -------
    Solution
    """
    from scipy import sparse
    from scipy.optimize import Bounds, LinearConstraint

    check_limits(time_limit_s, mip_gap)
    n_sites, n_fac = A.shape
    A = sparse.csr_array(A, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    reachable = A.sum(axis=1) > 0
    t0 = time.perf_counter()
    greedy_open = _greedy_mclp(A, w, p, n_exist)
    greedy_value = float(w[(A @ greedy_open.astype(np.float64)) > 0].sum())
    most = float(w[reachable].sum())  # no choice covers more than every reachable site
    if greedy_value >= most * (1 - 1e-12):
        return Solution(
            is_open=greedy_open,
            objective=greedy_value,
            bound=most,
            gap=0.0,
            time_limit_hit=False,
            status="greedy: every site within reach of a facility is covered (optimal)",
            solve_s=time.perf_counter() - t0,
            greedy=True,
        )
    c = np.r_[np.zeros(n_fac), -w]
    integrality = np.r_[np.ones(n_fac), np.zeros(n_sites)]
    lb = np.r_[np.zeros(n_fac), np.zeros(n_sites)]
    lb[:n_exist] = 1.0
    ub = np.ones(n_fac + n_sites)
    ub[n_fac:][~reachable] = 0.0  # a site no facility reaches stays uncovered
    cover = sparse.hstack([-A, sparse.eye_array(n_sites)], format="csr")
    count = sparse.csr_array(np.r_[np.ones(n_fac), np.zeros(n_sites)][None, :])
    constraints = [
        LinearConstraint(cover, -np.inf, 0.0),
        LinearConstraint(count, float(p), float(p)),
    ]
    res, elapsed = _milp(c, integrality, Bounds(lb, ub), constraints, time_limit_s, mip_gap)
    is_open = greedy_open if res.x is None else res.x[:n_fac] > 0.5
    objective = float(w[(A @ is_open.astype(np.float64)) > 0].sum())
    greedy = res.x is None or greedy_value > objective  # stopped early with a worse solution
    if greedy:
        is_open, objective = greedy_open, greedy_value
    bound = -_dual_bound(res)  # HiGHS minimises -weight
    if res.status == 0 and not greedy and not math.isfinite(bound):
        bound = objective
    simple = _simple_mclp_bound(A, w, p, n_exist)  # valid whatever the solver reached
    bound = min(bound, simple) if math.isfinite(bound) else simple
    if math.isfinite(bound):
        bound = max(bound, objective)  # solver tolerances
        gap = (bound - objective) / bound if bound > 0 else 0.0
    else:
        gap = math.nan
    if gap < _GAP_EPS:
        gap = 0.0
    return Solution(
        is_open=is_open,
        objective=objective,
        bound=bound,
        gap=gap,
        time_limit_hit=res.status == 1,
        status=f"{res.status}: {res.message}",
        solve_s=elapsed,
        greedy=greedy,
    )


def solve_lscp(A, *, n_exist: int, time_limit_s: float, mip_gap: float) -> Solution:
    """Open the fewest facilities (the ``n_exist`` existing ones kept open) covering every site.

    Parameters
    ----------
    A
        Sparse boolean coverage matrix, sites × facilities (existing first);
        every row must have a true entry (check feasibility first).
    n_exist
        Number of existing facilities (the first columns), kept open.
    time_limit_s, mip_gap
        HiGHS ``time_limit`` (seconds) and ``mip_rel_gap``.

    Returns
    -------
    Solution
    """
    from scipy import sparse
    from scipy.optimize import Bounds, LinearConstraint

    check_limits(time_limit_s, mip_gap)
    n_sites, n_fac = A.shape
    A = sparse.csr_array(A, dtype=np.float64)
    lb = np.zeros(n_fac)
    lb[:n_exist] = 1.0
    res, elapsed = _milp(
        np.ones(n_fac),
        np.ones(n_fac),
        Bounds(lb, np.ones(n_fac)),
        [LinearConstraint(A, 1.0, np.inf)],
        time_limit_s,
        mip_gap,
    )
    solver_open: np.ndarray | None = None if res.x is None else res.x > 0.5
    greedy = solver_open is None
    if res.status == 1:  # stopped early: keep the greedy cover when it is smaller
        greedy_open = _greedy_lscp(A, n_exist)
        greedy = solver_open is None or greedy_open.sum() < solver_open.sum()
        if greedy:
            solver_open = greedy_open
    if solver_open is None:  # status 0 always has a solution
        msg = f"HiGHS returned no solution: {res.message}"
        raise RuntimeError(msg)
    is_open = solver_open
    objective = float(is_open.sum())
    raw = _dual_bound(res)
    # The number of facilities is an integer: a bound of 41.3 proves at least 42.
    bound = math.ceil(raw - 1e-6) if math.isfinite(raw) else math.nan
    if res.status == 0 and not greedy and not math.isfinite(bound):
        bound = objective
    simple = _simple_lscp_bound(A, n_exist)  # valid whatever the solver reached
    bound = max(bound, simple) if math.isfinite(bound) else simple
    if math.isfinite(bound):
        bound = float(min(max(bound, n_exist, 1 if n_sites else 0), objective))
        gap = (objective - bound) / bound if bound > 0 else 0.0
    else:
        gap = math.nan
    if gap < _GAP_EPS:
        gap = 0.0
    return Solution(
        is_open=is_open,
        objective=objective,
        bound=float(bound),
        gap=gap,
        time_limit_hit=res.status == 1,
        status=f"{res.status}: {res.message}",
        solve_s=elapsed,
        greedy=greedy,
    )
