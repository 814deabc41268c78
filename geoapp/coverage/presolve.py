"""Exact reductions of the MCLP / LSCP covering models before they are solved.

Every step keeps the optimum (the reduced model's optimum, mapped back, is an
optimum of the original) and is vectorised on the sparse site × facility matrix
``A`` (existing facilities are its first ``n_exist`` columns, kept open):

- sites covered by an existing facility are covered whatever is chosen: MCLP
  counts their weight as a constant, LSCP needs nothing more for them;
- MCLP: sites no candidate covers (and sites of weight 0) add nothing whatever
  is chosen and are dropped;
- sites with the same set of covering candidates become one row (MCLP: with
  the summed weight);
- a candidate whose covered sites (among the rows left) are a subset of
  another's is dropped (of identical candidates the first is kept): in MCLP
  with ``k`` facilities to open, swapping a dominated candidate for the one
  dominating it (or, if that one is open already, for any other) never lowers
  the covered weight; in LSCP every facility costs 1;
- LSCP only: a site whose candidates include all those of another site is
  covered whenever that site is, and is dropped; a site with a single
  candidate makes that candidate open, and the sites it covers are dropped.
  These steps are repeated until nothing changes.

The subset tests use the overlap counts ``A.T @ A`` (candidates) and ``A @ A.T``
(sites) of the rows left, and are skipped (the reduction stays exact, only
smaller) when those products would cost more than :data:`DOMINANCE_BUDGET`
multiply-adds or could hold more than :data:`DOMINANCE_MAX_PAIRS` pairs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

__all__ = ["DOMINANCE_BUDGET", "DOMINANCE_MAX_PAIRS", "Reduced", "reduce_lscp", "reduce_mclp"]

#: Largest number of multiply-adds spent on one overlap product (subset tests).
DOMINANCE_BUDGET = 60_000_000
#: Largest number of pairs one overlap product may hold (its memory: ~16 bytes a pair).
DOMINANCE_MAX_PAIRS = 10_000_000

#: LSCP rounds (row / column dominance, forced candidates) at most.
_MAX_ROUNDS = 20


@dataclass(frozen=True)
class Reduced:
    """A covering model after the exact reductions.

    Attributes
    ----------
    A
        Sparse CSR float matrix, reduced rows × kept candidate columns.
    w
        Weight of each reduced row (MCLP: the summed weight of the sites it
        stands for; LSCP: ones).
    cols
        Original column index of each kept column.
    forced
        Original column indices that are open in every solution (the existing
        facilities, and for LSCP the candidates some site can only be covered by).
    constant
        MCLP: the weight of the sites covered by the forced columns (counted
        as covered, not in the model). LSCP: 0.
    size_before, size_after
        ``(rows, columns, non-zeros)`` of the model before (candidate columns
        only, existing excluded) and after the reduction.
    """

    A: sparse.csr_array
    w: np.ndarray
    cols: np.ndarray
    forced: np.ndarray
    constant: float
    size_before: tuple[int, int, int]
    size_after: tuple[int, int, int]


def _csr(A) -> sparse.csr_array:
    out = sparse.csr_array(A, dtype=np.float64)
    out.sum_duplicates()
    out.eliminate_zeros()
    out.sort_indices()
    return out


def _row_ids(A: sparse.csr_array) -> np.ndarray:
    return np.repeat(np.arange(A.shape[0]), np.diff(A.indptr))


def _merge_rows(A: sparse.csr_array, w: np.ndarray) -> tuple[sparse.csr_array, np.ndarray]:
    """Rows with the same column set become one (the first), with the summed weight.

    Rows are grouped by two random 64-bit sums of their columns and their
    length, then every row is compared with its group's first row entry by
    entry; a row that differs (a hash collision) keeps a group of its own, so
    the merge is exact.
    """
    n, m = A.shape
    if n <= 1:
        return A, w
    lens = np.diff(A.indptr)
    rng = np.random.default_rng(0x5EED)
    rows = _row_ids(A)
    keys = np.zeros((n, 3), dtype=np.uint64)
    keys[:, 2] = lens
    for c in range(2):
        h = rng.integers(0, 2**63, m, dtype=np.uint64)
        np.add.at(keys[:, c], rows, h[A.indices])  # wraps around: a hash
    _, first, group = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    group = group.ravel()
    rep = first[group]  # each row's representative
    # exact check: same length (in the key) and same column at every position
    pos = np.arange(A.nnz) - A.indptr[rows]
    same = A.indices == A.indices[A.indptr[rep[rows]] + pos]
    bad = np.zeros(n, dtype=bool)
    bad[rows[~same]] = True
    if bad.any():  # a collision: those rows stay on their own
        rep = np.where(bad, np.arange(n), rep)
    keep = np.flatnonzero(rep == np.arange(n))
    index = np.full(n, -1)
    index[keep] = np.arange(len(keep))
    w_out = np.bincount(index[rep], weights=w, minlength=len(keep))
    return A[keep], w_out


def _overlap_affordable(A: sparse.csr_array) -> bool:
    """Whether ``A.T @ A`` is within the budgets.

    Multiply-adds: the sum over rows of the squared row length; pairs: at most
    that, and at most the number of columns squared.
    """
    lens = np.diff(A.indptr).astype(np.int64)
    flops = int((lens * lens).sum())
    pairs = min(flops, A.shape[1] ** 2)
    return flops <= DOMINANCE_BUDGET and pairs <= DOMINANCE_MAX_PAIRS


def _undominated_columns(A: sparse.csr_array) -> np.ndarray:
    """Columns whose row set is not inside another column's (ties: the first kept).

    Empty columns are dropped. When the overlap product is over budget only
    the empty columns are dropped.
    """
    size = np.bincount(A.indices, minlength=A.shape[1])
    keep = size > 0
    if not _overlap_affordable(A):
        return keep
    over = (A.T @ A).tocoo()
    j, k, ov = over.row, over.col, over.data
    dominated = (j != k) & (ov >= size[j]) & ((size[k] > size[j]) | (k < j))
    keep[j[dominated]] = False
    return keep


def _undominating_rows(A: sparse.csr_array) -> np.ndarray:
    """Rows that do not contain another row's column set (rows must be distinct)."""
    n = A.shape[0]
    keep = np.ones(n, dtype=bool)
    At = sparse.csr_array(A.T)
    if not _overlap_affordable(At):
        return keep
    size = np.diff(A.indptr)
    over = (A @ A.T).tocoo()
    r, s, ov = over.row, over.col, over.data
    # row s inside row r (s != r, distinct rows so strictly inside): r is implied by s
    keep[r[(r != s) & (ov >= size[s])]] = False
    return keep


def _sizes(A) -> tuple[int, int, int]:
    return int(A.shape[0]), int(A.shape[1]), int(A.nnz)


def reduce_mclp(A, w: np.ndarray, n_exist: int) -> Reduced:
    """Reduce an MCLP exactly: see the module docstring.

    Parameters
    ----------
    A
        Sparse boolean coverage matrix, sites × facilities (existing first).
    w
        Weight of each site (>= 0).
    n_exist
        Number of existing facilities (the first columns), kept open.

    Returns
    -------
    Reduced
    """
    A = _csr(A)
    w = np.asarray(w, dtype=np.float64)
    n_fac = A.shape[1]
    before = np.zeros(A.shape[0], dtype=bool)
    if n_exist:
        before = np.asarray(A[:, :n_exist].sum(axis=1)).ravel() > 0
    constant = float(w[before].sum())
    C = A[:, n_exist:]
    size_before = _sizes(C)
    rows = ~before & (np.diff(C.indptr) > 0) & (w > 0)
    R, wr = _merge_rows(C[rows], w[rows])
    cols = np.arange(n_exist, n_fac)
    keep = _undominated_columns(R)
    R, cols = _csr(R[:, keep]), cols[keep]
    R, wr = _merge_rows(R, wr)
    return Reduced(
        A=R,
        w=wr,
        cols=cols,
        forced=np.arange(n_exist),
        constant=constant,
        size_before=size_before,
        size_after=_sizes(R),
    )


def reduce_lscp(A, n_exist: int) -> Reduced:
    """Reduce an LSCP exactly: see the module docstring.

    Parameters
    ----------
    A
        Sparse boolean coverage matrix, sites × facilities (existing first);
        every site must be covered by some column.
    n_exist
        Number of existing facilities (the first columns), kept open.

    Returns
    -------
    Reduced
    """
    A = _csr(A)
    n_fac = A.shape[1]
    before = np.zeros(A.shape[0], dtype=bool)
    if n_exist:
        before = np.asarray(A[:, :n_exist].sum(axis=1)).ravel() > 0
    C = A[:, n_exist:]
    size_before = _sizes(C)
    R = C[~before]
    cols = np.arange(n_exist, n_fac)
    forced = [np.arange(n_exist)]
    for _ in range(_MAX_ROUNDS):
        shape = R.shape
        R, _w = _merge_rows(R, np.ones(R.shape[0]))
        R = R[_undominating_rows(R)]
        keep = _undominated_columns(R)
        R, cols = _csr(R[:, keep]), cols[keep]
        single = np.diff(R.indptr) == 1
        if single.any():
            must = np.unique(R.indices[R.indptr[:-1][single]])
            forced.append(cols[must])
            hit = np.asarray(R[:, must].sum(axis=1)).ravel() > 0
            R = R[~hit]
            left = np.ones(R.shape[1], dtype=bool)
            left[must] = False
            R, cols = _csr(R[:, left]), cols[left]
        if R.shape == shape:
            break
    return Reduced(
        A=R,
        w=np.ones(R.shape[0]),
        cols=cols,
        forced=np.concatenate(forced),
        constant=0.0,
        size_before=size_before,
        size_after=_sizes(R),
    )
