"""Facility placement (location-allocation): feasibility, MCLP and LSCP.

Every distance is a straight-line distance in metres in
:data:`geoapp.settings.METRIC_CRS` (EPSG:4547, via :func:`geoapp.geo.coords.to_metric`).
Sites given as polygons are represented by a point inside them; facilities may
be points or polygons (distance to the polygon's edge, 0 inside it).

The models are built from the sparse site × facility coverage matrix (one
KD-tree radius query for point facilities, one ``STRtree`` ``dwithin`` query
otherwise; never a dense site × candidate matrix), reduced exactly
(:mod:`geoapp.coverage.presolve`) and solved by HiGHS through
:func:`scipy.optimize.milp` (see :mod:`geoapp.coverage.milp`): MCLP (maximal
covering: the ``k`` new facilities that cover the most demand) and LSCP (set
covering: the fewest facilities that cover every site), with existing
facilities kept open. They are PySAL spopt's ``MCLP`` / ``LSCP`` formulations,
and the tests check that both reach spopt's objective. Each solve has a time
limit and a relative optimality gap (:class:`geoapp.settings.PlacementSettings`);
when the limit is reached the best solution found is returned with its proven
gap (:meth:`PlacementResult.quality`). :func:`check_feasibility` tells
beforehand whether LSCP has a solution and the smallest radius that has one.

Candidate locations come from :func:`geoapp.coverage.candidate_sites`; the
names here are also importable from :mod:`geoapp.coverage`.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy import sparse

from geoapp.coverage.facilities import (
    check_layer,
    check_radius,
    coverage_matrix,
    covered_shares,
    display_names,
    metric_geoms,
    nearest_to_sites,
    require_geometry,
    site_investment,
)
from geoapp.coverage.milp import Solution, check_limits, solve_lscp, solve_mclp
from geoapp.errors import InfeasibleError
from geoapp.geo import points_of
from geoapp.projects import UNSTATED, labels
from geoapp.settings import DEFAULT_PLACEMENT

logger = logging.getLogger(__name__)

__all__ = [
    "Feasibility",
    "PlacementResult",
    "check_feasibility",
    "place_facilities",
]


def _site_names(sites: gpd.GeoDataFrame) -> np.ndarray:
    if "name" in sites.columns:
        given = labels(sites["name"], sites.index)
        return given.where(given != UNSTATED, sites.index.astype(str)).to_numpy(dtype=object)
    return sites.index.astype(str).to_numpy(dtype=object)


# --------------------------------------------------------------------------- feasibility
@dataclass(frozen=True)
class Feasibility:
    """Whether every site can be covered within a radius.

    Attributes
    ----------
    feasible
        True when every site lies within the radius of some candidate or
        existing facility.
    unreachable
        The sites beyond the radius of all of them, with ``nearest_distance_m``
        and ``nearest_facility``, farthest first.
    min_radius_m
        The smallest radius with which every site can be covered: the largest,
        over sites, of the distance to the nearest candidate or existing
        facility (metres; 0 when there are no sites).
    """

    feasible: bool
    unreachable: gpd.GeoDataFrame
    min_radius_m: float


def _feasibility(
    sites: gpd.GeoDataFrame, dist: np.ndarray, nearest_name: np.ndarray, radius_m: float
) -> Feasibility:
    far = dist > radius_m
    unreachable = sites.loc[far].copy()
    unreachable["nearest_distance_m"] = dist[far]
    unreachable["nearest_facility"] = nearest_name[far]
    unreachable = unreachable.sort_values("nearest_distance_m", ascending=False)
    min_radius = float(dist.max()) if len(dist) else 0.0
    return Feasibility(not far.any(), unreachable, min_radius)


def _facility_set(
    candidates: gpd.GeoDataFrame, existing: gpd.GeoDataFrame | None
) -> tuple[np.ndarray, np.ndarray, int]:
    """Metric geometries and names of existing + candidate facilities, and the existing count."""
    parts, names = [], []
    n_exist = 0
    if existing is not None:
        check_layer("existing", existing)
        require_geometry("existing", existing)
        parts.append(metric_geoms(existing))
        names.append(display_names(existing, "name", "现有设施"))
        n_exist = len(existing)
    require_geometry("candidates", candidates)
    parts.append(metric_geoms(candidates))
    names.append(display_names(candidates, "name", "候选点"))
    return np.concatenate(parts), np.concatenate(names), n_exist


def check_feasibility(
    sites: gpd.GeoDataFrame,
    candidates: gpd.GeoDataFrame,
    *,
    radius_m: float,
    existing: gpd.GeoDataFrame | None = None,
) -> Feasibility:
    """Check that every site is within ``radius_m`` of a candidate or existing facility.

    This is the condition for the set-covering model (LSCP) to have a
    solution. Vectorised with one nearest-neighbour query.

    Parameters
    ----------
    sites
        Demand points (or polygons) with a CRS.
    candidates
        Candidate facility locations with a CRS.
    radius_m
        Service radius in metres.
    existing
        Existing facilities, kept open (optional).

    Returns
    -------
    Feasibility

    Raises
    ------
    ValueError
        If ``radius_m`` is not positive, there is no candidate or existing
        facility, or a layer has rows without geometry.
    """
    radius_m = check_radius(radius_m)
    check_layer("sites", sites)
    check_layer("candidates", candidates)
    require_geometry("sites", sites)
    fac_geoms, fac_names, _ = _facility_set(candidates, existing)
    if len(fac_geoms) == 0:
        msg = "`candidates` and `existing` are both empty; pass at least one location."
        raise ValueError(msg)
    site_pts = np.asarray(points_of(sites).values) if len(sites) else np.array([], dtype=object)
    j, dist = nearest_to_sites(site_pts, fac_geoms)
    return _feasibility(sites, dist, fac_names[np.clip(j, 0, None)], radius_m)


# --------------------------------------------------------------------------- placement
@dataclass(frozen=True)
class PlacementResult:
    """The result of :func:`place_facilities`.

    Attributes
    ----------
    chosen
        The candidates chosen as new facilities (candidate rows, plus
        ``n_sites_within``: sites within the radius of each).
    model
        ``"mclp"`` or ``"lscp"``.
    k
        Number of new facilities (MCLP: as asked; LSCP: as found).
    radius_m
        Service radius in metres.
    covered_before, covered_after
        Shares with the existing facilities only, and with existing + chosen:
        ``n_sites``, ``n_covered``, ``share_count``, ``investment_yi``,
        ``investment_covered_yi``, ``n_with_investment``, ``share_investment``.
    sites
        The sites plus ``facility_name`` and ``facility_source``
        (``"existing"`` / ``"new"``) of the nearest open facility,
        ``distance_m``, ``covered`` and ``covered_before``.
    objective
        The model's objective value: MCLP the covered weight (the sum of
        weights of covered sites), LSCP the number of open facilities
        (existing included).
    params
        The inputs (``n_candidates``, ``n_existing``, ``weight_col``,
        ``fill_weight``, ``min_radius_m``, ``time_limit_s``, ``mip_gap``) and
        the solver's ``status``, ``solve_s`` (seconds of the whole solve:
        reduction, heuristics, LP and HiGHS), ``n_pairs`` (non-zeros of the
        sparse coverage matrix), ``greedy_fallback`` (the solution is the
        heuristic's), and ``model_size`` / ``reduced_size`` (sites,
        candidates, non-zeros of the model before / after its exact reduction,
        :mod:`geoapp.coverage.presolve`).
    optimal
        True when the solution is proven optimal (gap 0).
    gap
        The proven relative gap: MCLP ``(bound - objective) / bound`` (the
        solution covers at least ``1 - gap`` of the best possible weight);
        LSCP ``(objective - bound) / bound`` (at most ``gap`` more facilities
        than the fewest possible). 0 when optimal, NaN when the solver proved
        no bound before its time limit.
    bound
        The proven bound on the best possible objective (MCLP an upper bound
        on the covered weight, LSCP a lower bound on the number of
        facilities).
    time_limit_hit
        True when the solver stopped at ``time_limit_s`` and returned the best
        solution it had found.
    """

    chosen: gpd.GeoDataFrame
    model: str
    k: int
    radius_m: float
    covered_before: dict[str, Any]
    covered_after: dict[str, Any]
    sites: gpd.GeoDataFrame
    objective: float
    params: dict[str, Any] = field(default_factory=dict)
    optimal: bool = True
    gap: float = 0.0
    bound: float = math.nan
    time_limit_hit: bool = False

    def quality(self, lang: Literal["zh", "en"] = "zh") -> str:
        """Say plainly how good the solution is, e.g. "within 2.1 % of the best possible".

        The percentage is the proven gap rounded up to 0.1 %, so the sentence
        stays true.

        Parameters
        ----------
        lang
            ``{"zh", "en"}``.

        Returns
        -------
        str
        """
        limit = self.params.get("time_limit_s")
        if self.optimal:
            return "最优解（已证明）" if lang == "zh" else "optimal (proven)"
        if self.time_limit_hit:
            why_zh = f"求解在 {limit:g} 秒时间上限处停止"
            why_en = f"the solver stopped at its {limit:g} s time limit"
        else:
            why_zh, why_en = "已达到设定的最优性差距", "the solver stopped at the requested gap"
        if not math.isfinite(self.gap):
            if lang == "zh":
                return f"{why_zh}，返回已找到的最好方案，未能证明其与最优解的差距。"
            return (
                f"{why_en.capitalize()}; this is the best solution found, with no proven bound "
                "on its distance from the best possible."
            )
        pct = math.ceil(self.gap * 1000 - 1e-9) / 10
        if lang == "zh":
            extra = (
                f"（最多比最少所需设施数多 {int(self.objective - self.bound)} 个）"
                if self.model == "lscp"
                else ""
            )
            return f"{why_zh}：所得方案与最优解相差不超过 {pct:.1f}%{extra}。"
        extra = (
            f" (at most {int(self.objective - self.bound)} more facilities than the fewest "
            "possible)"
            if self.model == "lscp"
            else ""
        )
        return f"{why_en.capitalize()}: within {pct:.1f} % of the best possible{extra}."


def _mclp_weights(
    sites: gpd.GeoDataFrame, weight_col: str | None, fill_weight: float | None
) -> np.ndarray:
    if weight_col is None:
        return np.ones(len(sites))
    if weight_col not in sites.columns:
        cols = [c for c in sites.columns if c != sites.geometry.name]
        msg = (
            f"`weight_col` {weight_col!r} is not a column of `sites` (columns: {cols}); "
            "pass one of them, or `weight_col=None` to maximise the number of covered sites."
        )
        raise ValueError(msg)
    w = pd.to_numeric(sites[weight_col], errors="coerce").astype("float64")
    missing = w.isna().to_numpy()
    if missing.any():
        if fill_weight is None:
            names = list(_site_names(sites)[missing][:10])
            msg = (
                f"`weight_col` {weight_col!r} is empty for {int(missing.sum())} of {len(w)} "
                f"sites (e.g. {names}). Pass `fill_weight=` (the weight of those sites, e.g. "
                "the median amount or 1.0) or `weight_col=None` to weigh every site 1."
            )
            raise ValueError(msg)
        fill = float(fill_weight)
        if not (math.isfinite(fill) and fill >= 0):
            msg = f"`fill_weight` must be a finite number >= 0, got {fill_weight!r}."
            raise ValueError(msg)
        w = w.fillna(fill)
    if (w < 0).any():
        msg = f"`weight_col` {weight_col!r} has negative values; MCLP weights must be >= 0."
        raise ValueError(msg)
    return w.to_numpy()


def _infeasible_message(feas: Feasibility, radius_m: float) -> str:
    names = list(_site_names(feas.unreachable)[:10])
    more = len(feas.unreachable) - len(names)
    need = math.ceil(feas.min_radius_m / 100.0) * 100
    listed = "、".join(str(n) for n in names) + (f" … and {more} more" if more > 0 else "")
    zh = (
        f"全覆盖（LSCP）不可行：服务半径 {radius_m:g} 米时，有 {len(feas.unreachable)} 个项目"
        f"距所有候选点和现有设施都更远（{listed}）。覆盖全部项目所需的最小半径为 {need:.0f} 米；"
        "请增大服务半径、在这些项目附近增加候选点，或改用 MCLP（最大覆盖）。"
    )
    return (
        zh
        + "\n"
        + (
            f"LSCP is infeasible with `radius_m`={radius_m:g} m: "
            f"{len(feas.unreachable)} site(s) are "
            f"farther than that from every candidate and existing facility: {listed}. "
            f"The smallest radius that covers every site is {need:.0f} m; use "
            f"`radius_m` >= {need:.0f}, add candidates near those sites, or use model='mclp'."
        )
    )


def place_facilities(
    sites: gpd.GeoDataFrame,
    candidates: gpd.GeoDataFrame,
    *,
    radius_m: float,
    model: Literal["mclp", "lscp"],
    k: int | None = None,
    existing: gpd.GeoDataFrame | None = None,
    weight_col: str | None = "investment_yi",
    fill_weight: float | None = None,
    time_limit_s: float = DEFAULT_PLACEMENT.time_limit_s,
    mip_gap: float = DEFAULT_PLACEMENT.mip_gap,
) -> PlacementResult:
    """Choose new facility locations among candidates with MCLP or LSCP (HiGHS).

    The coverage matrix (site × facility, existing facilities first, sparse)
    holds the pairs within ``radius_m`` metres (EPSG:4547), from one KD-tree
    radius query; the model is built from it in vectorised form, reduced
    exactly and solved by HiGHS through :func:`scipy.optimize.milp` (MCLP
    after a greedy start and the LP relaxation's bound), within ``time_limit_s``
    and ``mip_gap``. Existing facilities are fixed open.

    Parameters
    ----------
    sites
        Demand points (or polygons) with a CRS.
    candidates
        Candidate locations with a CRS, e.g. from :func:`candidate_sites`.
    radius_m
        Service radius in metres.
    model
        ``{"mclp", "lscp"}``. ``"mclp"``: open exactly ``k`` new facilities
        that maximise the covered weight. ``"lscp"``: open the fewest new
        facilities that cover every site.
    k
        Number of new facilities (MCLP only; required, 1 <= k <= number of
        candidates). Ignored by LSCP.
    existing
        Existing facilities, kept open (optional).
    weight_col
        MCLP demand weight column (default ``"investment_yi"``), or None to
        weigh every site 1 (maximise the count). Also the amount behind the
        investment shares of ``covered_before`` / ``covered_after``
        (``investment_yi`` when None).
    fill_weight
        MCLP weight of sites whose ``weight_col`` is empty. Without it, empty
        weights are an error (the sample projects state few amounts).
    time_limit_s
        Solver time limit in seconds (default
        :attr:`geoapp.settings.PlacementSettings.time_limit_s`, 10 s). When it
        is reached, the best solution found is returned with its proven gap
        (``result.gap``, ``result.quality()``).
    mip_gap
        Relative optimality gap at which the solver may stop, as a fraction
        (default 0: prove optimality; 0.01 = within 1 %).

    Returns
    -------
    PlacementResult

    Raises
    ------
    InfeasibleError
        LSCP only, when some site is farther than ``radius_m`` from every
        candidate and existing facility. The message names up to 10 such sites
        and the smallest radius that works (rounded up to 100 m); the
        :class:`Feasibility` is attached as ``exc.feasibility``.
    ValueError
        On a bad ``model``, ``radius_m``, ``k``, ``weight_col``,
        ``fill_weight``, ``time_limit_s`` or ``mip_gap``, empty weights without
        ``fill_weight``, or empty layers.
    RuntimeError
        If the solver fails (neither a solution nor the time limit).

    Examples
    --------
    >>> cands = candidate_sites(kind="grid", spacing_m=5000)  # doctest: +SKIP
    >>> res = place_facilities(load_layer("projects"), cands, radius_m=10_000,
    ...                        model="mclp", k=3, existing=load_layer("logistics_hubs"),
    ...                        weight_col=None, time_limit_s=5)  # doctest: +SKIP
    >>> res.chosen[["name"]], res.covered_after["share_count"], res.quality("en")  # doctest: +SKIP
    """
    radius_m = _check_placement(sites, candidates, model, radius_m, k, time_limit_s, mip_gap)
    weights = _mclp_weights(sites, weight_col, fill_weight) if model == "mclp" else None
    # Investment shown in covered_before/after: the weight column, else investment_yi.
    inv_col = weight_col if weight_col is not None else "investment_yi"
    inv = site_investment(sites, inv_col, default="investment_yi").to_numpy()

    fac_geoms, fac_names, n_exist = _facility_set(candidates, existing)
    site_pts = np.asarray(points_of(sites).values)
    near_j, near_d = nearest_to_sites(site_pts, fac_geoms)
    feas = _feasibility(sites, near_d, fac_names[near_j], radius_m)
    if model == "lscp" and not feas.feasible:
        raise _infeasible(feas, radius_m)
    cover = coverage_matrix(site_pts, fac_geoms, radius_m)
    if model == "lscp":
        sol = solve_lscp(cover, n_exist=n_exist, time_limit_s=time_limit_s, mip_gap=mip_gap)
    else:
        assert k is not None and weights is not None  # checked above
        sol = solve_mclp(
            cover,
            weights,
            p=int(k) + n_exist,
            n_exist=n_exist,
            time_limit_s=time_limit_s,
            mip_gap=mip_gap,
        )
    chosen = _chosen(candidates, cover, sol.is_open, n_exist)
    out, covered_before, covered_after = _assigned_sites(
        sites, site_pts, cover, sol.is_open, (fac_geoms, fac_names, n_exist)
    )
    logger.info(
        "%s: %d new of %d candidates (+%d existing), covered %d -> %d of %d sites; "
        "solved in %.2f s, gap %.4g%s",
        model, len(chosen), len(candidates), n_exist, int(covered_before.sum()),
        int(covered_after.sum()), len(sites), sol.solve_s, sol.gap,
        " (time limit reached)" if sol.time_limit_hit else "",
    )  # fmt: skip
    return PlacementResult(
        chosen=chosen,
        model=model,
        k=len(chosen),
        radius_m=radius_m,
        covered_before=covered_shares(covered_before, inv),
        covered_after=covered_shares(covered_after, inv),
        sites=out,
        objective=sol.objective,
        params={
            "n_candidates": len(candidates),
            "n_existing": n_exist,
            "weight_col": weight_col,
            "fill_weight": fill_weight,
            "min_radius_m": feas.min_radius_m,
            "time_limit_s": float(time_limit_s),
            "mip_gap": float(mip_gap),
            **_solver_params(sol, cover),
        },
        optimal=sol.gap == 0.0,
        gap=sol.gap,
        bound=sol.bound,
        time_limit_hit=sol.time_limit_hit,
    )


def _check_placement(
    sites: gpd.GeoDataFrame,
    candidates: gpd.GeoDataFrame,
    model: str,
    radius_m: float,
    k: int | None,
    time_limit_s: float,
    mip_gap: float,
) -> float:
    """Check the arguments of :func:`place_facilities`; return the radius as a float.

    Raises
    ------
    ValueError
        On a bad ``model``, ``radius_m``, ``k`` (MCLP), ``time_limit_s`` or
        ``mip_gap``, or empty layers.
    """
    models = ("mclp", "lscp")
    if model not in models:
        msg = f"`model` was {model!r} but must be one of {models}."
        raise ValueError(msg)
    radius_m = check_radius(radius_m)
    check_limits(time_limit_s, mip_gap)
    check_layer("sites", sites, allow_empty=False)
    check_layer("candidates", candidates, allow_empty=False)
    require_geometry("sites", sites)
    n_cand = len(candidates)
    if model == "mclp":
        if k is None or isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
            msg = f"`k` must be an integer >= 1 (new facilities to open) for MCLP, got {k!r}."
            raise ValueError(msg)
        if k > n_cand:
            msg = (
                f"`k`={k} new facilities asked but `candidates` has only {n_cand} locations; "
                f"use k <= {n_cand} or add candidates (e.g. a finer grid)."
            )
            raise ValueError(msg)
    return radius_m


def _infeasible(feas: Feasibility, radius_m: float) -> InfeasibleError:
    """The error of an infeasible LSCP, with the :class:`Feasibility` as ``exc.feasibility``."""
    exc = InfeasibleError(_infeasible_message(feas, radius_m))
    exc.feasibility = feas
    return exc


def _chosen(
    candidates: gpd.GeoDataFrame, cover: sparse.csr_array, is_open: np.ndarray, n_exist: int
) -> gpd.GeoDataFrame:
    """The candidates opened, with ``n_sites_within`` (the sites within the radius of each)."""
    new_pos = np.flatnonzero(is_open[n_exist:])
    chosen = candidates.iloc[new_pos].copy()
    chosen["n_sites_within"] = np.asarray(cover[:, n_exist + new_pos].sum(axis=0)).astype(int)
    return chosen


def _assigned_sites(
    sites: gpd.GeoDataFrame,
    site_pts: np.ndarray,
    cover: sparse.csr_array,
    is_open: np.ndarray,
    facilities: tuple[np.ndarray, np.ndarray, int],
) -> tuple[gpd.GeoDataFrame, np.ndarray, np.ndarray]:
    """The sites plus their nearest open facility, its distance and coverage before / after.

    ``facilities`` is :func:`_facility_set`'s (geometries, names, existing count).

    Returns
    -------
    tuple
        (the sites with ``facility_name``, ``facility_source``, ``distance_m``,
        ``covered``, ``covered_before``; covered before; covered after).
    """
    fac_geoms, fac_names, n_exist = facilities
    if n_exist:
        covered_before = np.asarray(cover[:, :n_exist].sum(axis=1)) > 0
    else:
        covered_before = np.zeros(len(sites), bool)
    open_cols = np.flatnonzero(is_open)
    best, dist = nearest_to_sites(site_pts, fac_geoms[open_cols])
    best_col = open_cols[best]
    # the nearest open facility is within the radius exactly when a covering pair exists
    covered_after = (cover @ is_open.astype(np.int64)) > 0
    out = sites.copy()
    out["facility_name"] = fac_names[best_col]
    out["facility_source"] = np.where(best_col < n_exist, "existing", "new")
    out["distance_m"] = dist
    out["covered"] = covered_after
    out["covered_before"] = covered_before
    return out, covered_before, covered_after


def _solver_params(sol: Solution, cover: sparse.csr_array) -> dict[str, Any]:
    """What the solve reports in :attr:`PlacementResult.params`."""
    return {
        "status": sol.status,
        "solve_s": sol.solve_s,
        "n_pairs": int(cover.nnz),
        "greedy_fallback": sol.greedy,
        "model_size": sol.size_before,
        "reduced_size": sol.size_after,
    }
