"""Facility coverage and placement: nearest facility, covered shares, MCLP / LSCP.

Every distance is a straight-line distance in metres in
:data:`geoapp.settings.METRIC_CRS` (EPSG:4547, via :func:`geoapp.coords.to_metric`).
Sites given as polygons are represented by a point inside them; facilities may
be points or polygons (distance to the polygon's edge, 0 inside it).

The functions are vectorised: nearest facilities come from one KD-tree
(:class:`scipy.spatial.cKDTree`) or spatial-index query, shares from one
``groupby``, and the cost matrix of the placement models from one ``cdist`` or
broadcast :func:`shapely.distance` call.

Placement uses PySAL ``spopt``'s :class:`~spopt.locate.MCLP` (maximal covering:
the ``k`` new facilities that cover the most demand) and
:class:`~spopt.locate.LSCP` (set covering: the fewest facilities that cover
every site), solved with CBC through ``pulp``; existing facilities are kept open
as predefined facilities.
"""

from __future__ import annotations

import logging
import math
import warnings
from dataclasses import dataclass, field
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geoapp._errors import InfeasibleError
from geoapp.coords import to_metric
from geoapp.filters import UNSTATED, labels
from geoapp.settings import COUNTY_ADCODES, METRIC_CRS, STORAGE_CRS
from geoapp.spatial import points_of, require_crs

logger = logging.getLogger(__name__)

__all__ = [
    "CoverageResult",
    "Feasibility",
    "PlacementResult",
    "candidate_sites",
    "check_feasibility",
    "coverage",
    "nearest_facility",
    "place_facilities",
]

#: Zone of a site located by position that lies in no zone.
OUTSIDE_ZONES = "园区外"
#: County of a site located by position that lies outside every county.
OUTSIDE_COUNTIES = "市域外"
_MAX_GRID_POINTS = 200_000
_GROUP_COLUMNS = [
    "group",
    "n_sites",
    "n_covered",
    "share_count",
    "investment_yi",
    "investment_covered_yi",
    "n_with_investment",
    "share_investment",
]


# --------------------------------------------------------------------------- helpers
def _check_radius(radius_m: float, name: str = "radius_m") -> float:
    try:
        r = float(radius_m)
    except (TypeError, ValueError):
        msg = f"`{name}` must be a number of metres, got {radius_m!r}."
        raise TypeError(msg) from None
    if not (math.isfinite(r) and r > 0):
        msg = f"`{name}` must be a finite distance > 0 in metres (e.g. 20000), got {radius_m!r}."
        raise ValueError(msg)
    return r


def _check_layer(name: str, gdf: object, *, allow_empty: bool = True) -> None:
    if not isinstance(gdf, gpd.GeoDataFrame):
        msg = f"`{name}` must be a GeoDataFrame, got {type(gdf).__name__}."
        raise TypeError(msg)
    require_crs(**{name: gdf})
    if not allow_empty and len(gdf) == 0:
        msg = f"`{name}` is empty; pass at least one feature."
        raise ValueError(msg)


def _valid(gdf: gpd.GeoDataFrame) -> np.ndarray:
    geom = gdf.geometry
    return (geom.notna() & ~geom.is_empty).to_numpy()


def _require_geometry(name: str, gdf: gpd.GeoDataFrame) -> None:
    bad = ~_valid(gdf)
    if bad.any():
        rows = list(gdf.index[bad][:10])
        msg = (
            f"`{name}` has {int(bad.sum())} row(s) without geometry (index {rows}); "
            "drop them first (e.g. `gdf[~gdf.geometry.is_empty & gdf.geometry.notna()]`)."
        )
        raise ValueError(msg)


def _numbered(prefix: str, n: int, *, width: int = 0) -> np.ndarray:
    """``prefix1, prefix2, …`` (zero-padded to ``width`` digits), vectorised."""
    if n == 0:
        return np.array([], dtype=object)
    digits = np.char.zfill(np.arange(1, n + 1).astype(str), width)
    return np.char.add(prefix, digits).astype(object)


def _names(gdf: gpd.GeoDataFrame, name_col: str | None, prefix: str) -> np.ndarray:
    """Display names of features: ``name_col`` where filled, else ``prefix`` + position."""
    fallback = pd.Series(_numbered(prefix, len(gdf)), index=gdf.index)
    if name_col is None or name_col not in gdf.columns:
        return fallback.to_numpy(dtype=object)
    given = labels(gdf[name_col], gdf.index)
    return given.where(given != UNSTATED, fallback).to_numpy(dtype=object)


def _site_names(sites: gpd.GeoDataFrame) -> np.ndarray:
    if "name" in sites.columns:
        given = labels(sites["name"], sites.index)
        return given.where(given != UNSTATED, sites.index.astype(str)).to_numpy(dtype=object)
    return sites.index.astype(str).to_numpy(dtype=object)


def _metric_geoms(gdf: gpd.GeoDataFrame) -> np.ndarray:
    return np.asarray(to_metric(gdf.geometry).values)


def _nearest(site_pts: np.ndarray, fac_geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positional nearest facility and distance (metres) for metric site points.

    ``site_pts`` may hold empty points (distance NaN, index -1); ``fac_geoms``
    must all be non-empty.
    """
    n = len(site_pts)
    idx = np.full(n, -1, dtype=np.int64)
    dist = np.full(n, np.nan)
    ok = ~shapely.is_empty(site_pts) & ~shapely.is_missing(site_pts)
    if not ok.any() or len(fac_geoms) == 0:
        return idx, dist
    if (shapely.get_type_id(fac_geoms) == shapely.GeometryType.POINT).all():
        from scipy.spatial import cKDTree

        tree = cKDTree(shapely.get_coordinates(fac_geoms))
        d, j = tree.query(shapely.get_coordinates(site_pts[ok]), k=1)
        idx[ok], dist[ok] = j, d
    else:
        tree = shapely.STRtree(fac_geoms)
        (inp, j), d = tree.query_nearest(site_pts[ok], return_distance=True, all_matches=False)
        pos = np.flatnonzero(ok)[inp]
        idx[pos], dist[pos] = j, d
    return idx, dist


def _cost_matrix(site_pts: np.ndarray, fac_geoms: np.ndarray) -> np.ndarray:
    """Distances in metres, shape (n_sites, n_facilities)."""
    if (shapely.get_type_id(fac_geoms) == shapely.GeometryType.POINT).all():
        from scipy.spatial.distance import cdist

        return cdist(shapely.get_coordinates(site_pts), shapely.get_coordinates(fac_geoms))
    return shapely.distance(site_pts[:, None], fac_geoms[None, :])


def _investment(sites: pd.DataFrame, weight_col: str | None, *, default: str) -> pd.Series:
    """Investment per site (NaN unknown); an absent default column means all unknown."""
    if weight_col is None:
        return pd.Series(np.nan, index=sites.index, dtype="float64")
    if weight_col not in sites.columns:
        if weight_col == default:
            return pd.Series(np.nan, index=sites.index, dtype="float64")
        cols = [c for c in sites.columns if c != sites.geometry.name]
        msg = (
            f"`weight_col` {weight_col!r} is not a column of `sites` (columns: {cols}); "
            "pass one of them, or None to count sites only."
        )
        raise ValueError(msg)
    return pd.to_numeric(sites[weight_col], errors="coerce").astype("float64")


def _shares(covered: np.ndarray, inv: np.ndarray) -> dict[str, Any]:
    known = ~np.isnan(inv)
    total = float(inv[known].sum())
    cov_total = float(inv[known & covered].sum())
    n = len(covered)
    return {
        "n_sites": n,
        "n_covered": int(covered.sum()),
        "share_count": float(covered.sum() / n) if n else float("nan"),
        "investment_yi": total,
        "investment_covered_yi": cov_total,
        "n_with_investment": int(known.sum()),
        "share_investment": cov_total / total if known.any() and total > 0 else float("nan"),
    }


def _group_table(group: np.ndarray, covered: np.ndarray, inv: np.ndarray, order: list[str]):
    known = ~np.isnan(inv)
    inv0 = np.where(known, inv, 0.0)
    frame = pd.DataFrame(
        {
            "group": group,
            "cov": covered,
            "inv": inv0,
            "inv_cov": np.where(covered, inv0, 0.0),
            "known": known,
        }
    )
    g = frame.groupby("group", sort=False)
    table = pd.DataFrame(
        {
            "n_sites": g.size(),
            "n_covered": g["cov"].sum().astype("int64"),
            "investment_yi": g["inv"].sum(),
            "investment_covered_yi": g["inv_cov"].sum(),
            "n_with_investment": g["known"].sum().astype("int64"),
        }
    )
    table["share_count"] = table["n_covered"] / table["n_sites"]
    ok = (table["n_with_investment"] > 0) & (table["investment_yi"] > 0)
    table["share_investment"] = (table["investment_covered_yi"] / table["investment_yi"]).where(ok)
    present = list(table.index)
    rank = {v: i for i, v in enumerate(order)}
    tail = {UNSTATED, OUTSIDE_ZONES, OUTSIDE_COUNTIES}
    ordered = sorted(
        present,
        key=lambda v: (
            v in tail,
            rank.get(v, len(rank)),
            -int(table.at[v, "n_sites"]),
            str(v),
        ),
    )
    return table.loc[ordered].rename_axis("group").reset_index()[_GROUP_COLUMNS]


# --------------------------------------------------------------------------- nearest
def nearest_facility(
    sites: gpd.GeoDataFrame,
    facilities: gpd.GeoDataFrame,
    *,
    name_col: str | None = "name",
) -> pd.DataFrame:
    """Nearest facility of each site and its distance in metres.

    This function is vectorised: point facilities go into one KD-tree
    (:class:`scipy.spatial.cKDTree`) on EPSG:4547 coordinates, other geometries
    into a spatial index queried with ``query_nearest(return_distance=True)``.

    Parameters
    ----------
    sites
        Points (or polygons, by a point inside them), with a CRS.
    facilities
        Points or polygons with a CRS (need not be the CRS of ``sites``).
    name_col
        Column of ``facilities`` holding the name; rows where it is empty, or
        every row when None, are named ``"设施1"``, ``"设施2"``, ….

    Returns
    -------
    pandas.DataFrame
        Aligned with ``sites`` (same index): ``facility_index`` (positional in
        ``facilities``; -1 for a site without geometry), ``facility_name`` and
        ``distance_m`` (NaN for a site without geometry).

    Raises
    ------
    ValueError
        If ``facilities`` has no feature with a geometry, or ``name_col`` is
        not one of its columns.
    CRSError
        If either layer has no CRS.

    Examples
    --------
    >>> projects, hubs = load_layer("projects"), load_layer("logistics_hubs")  # doctest: +SKIP
    >>> nf = nearest_facility(projects, hubs)  # doctest: +SKIP
    >>> nf["distance_m"].describe()  # doctest: +SKIP
    """
    _check_layer("sites", sites)
    _check_layer("facilities", facilities)
    if name_col is not None and name_col not in facilities.columns:
        cols = [c for c in facilities.columns if c != facilities.geometry.name]
        msg = (
            f"`name_col` {name_col!r} is not a column of `facilities` (columns: {cols}); "
            "pass one of them, or None to number the facilities."
        )
        raise ValueError(msg)
    valid = _valid(facilities)
    if not valid.any():
        msg = "`facilities` has no feature with a geometry; pass at least one facility."
        raise ValueError(msg)
    out = pd.DataFrame(
        {
            "facility_index": pd.Series(-1, index=sites.index, dtype="int64"),
            "facility_name": pd.Series(None, index=sites.index, dtype=object),
            "distance_m": pd.Series(np.nan, index=sites.index, dtype="float64"),
        }
    )
    if len(sites) == 0:
        return out
    fac_pos = np.flatnonzero(valid)
    fac_geoms = _metric_geoms(facilities)[fac_pos]
    site_pts = np.asarray(points_of(sites).values)
    j, dist = _nearest(site_pts, fac_geoms)
    found = j >= 0
    idx = np.where(found, fac_pos[np.clip(j, 0, None)], -1)
    names = _names(facilities, name_col, "设施")
    out["facility_index"] = idx
    out["facility_name"] = np.where(found, names[np.clip(idx, 0, None)], None)
    out["distance_m"] = dist
    return out


# --------------------------------------------------------------------------- coverage
@dataclass(frozen=True)
class CoverageResult:
    """The result of :func:`coverage`.

    Attributes
    ----------
    sites
        The input sites plus ``facility_index``, ``facility_name``,
        ``distance_m`` (metres) and ``covered`` (distance <= radius).
    by_county, by_zone, by_chain
        One row per group: ``group``, ``n_sites``, ``n_covered``,
        ``share_count``, ``investment_yi`` (亿元, sum of the known amounts),
        ``investment_covered_yi``, ``n_with_investment`` and
        ``share_investment`` (NaN when no site of the group states an amount).
    overall
        ``n_sites``, ``n_covered``, ``share_count``, ``share_investment`` (and
        ``investment_yi``, ``investment_covered_yi``, ``n_with_investment``).
    uncovered
        The sites farther than the radius from every facility, farthest first.
    radius_m
        The service radius, in metres.
    """

    sites: gpd.GeoDataFrame
    by_county: pd.DataFrame
    by_zone: pd.DataFrame
    by_chain: pd.DataFrame
    overall: dict[str, Any]
    uncovered: gpd.GeoDataFrame
    radius_m: float


def _group_labels(
    sites: gpd.GeoDataFrame,
    counties: gpd.GeoDataFrame | None,
    zones: gpd.GeoDataFrame | None,
) -> tuple[pd.Series, pd.Series]:
    """County and zone of each site: the attribute where the layer has the column, else located."""
    has_county, has_zone = "county" in sites.columns, "zone" in sites.columns
    county = labels(sites["county"], sites.index) if has_county else None
    zone = labels(sites["zone"], sites.index) if has_zone else None
    if county is None or zone is None:
        from geoapp.catalog import load_layer
        from geoapp.spatial import locate

        if counties is None:
            counties = load_layer("counties")
        if zone is None and zones is None:
            zones = load_layer("zones")
        where = locate(sites, counties, zones if zone is None else None)
        if county is None:
            county = where["county"].where(where["county"].notna(), OUTSIDE_COUNTIES)
        if zone is None:
            zone = where["zone"].where(where["zone"].notna(), OUTSIDE_ZONES)
    return county.astype(object), zone.astype(object)


def coverage(
    sites: gpd.GeoDataFrame,
    facilities: gpd.GeoDataFrame,
    *,
    radius_m: float,
    weight_col: str | None = "investment_yi",
    name_col: str | None = "name",
    counties: gpd.GeoDataFrame | None = None,
    zones: gpd.GeoDataFrame | None = None,
) -> CoverageResult:
    """Which sites lie within ``radius_m`` of a facility, and the covered shares.

    Shares are given by count and by investment, overall and by county, zone
    and chain. A site's county and zone are its ``county`` / ``zone``
    attributes when the layer has those columns (an empty value is
    ``"未注明"``; positions of the sample layers are schematic and are not used
    to fill it). For a layer without such a column the site is located by its
    position (:func:`geoapp.spatial.locate`; ``"市域外"`` / ``"园区外"`` when it
    falls in no county / zone). The chain is the ``chain`` attribute
    (``"未注明"`` when empty or absent).

    Parameters
    ----------
    sites
        Points (or polygons) with a CRS, e.g. the ``projects`` layer.
    facilities
        Points or polygons with a CRS, e.g. ``logistics_hubs``.
    radius_m
        Service radius in metres (e.g. 20 000 for hubs; see
        :class:`geoapp.settings.CoverageSettings`).
    weight_col
        Investment column (亿元) for the shares by investment, or None. If the
        default ``"investment_yi"`` is absent the investment shares are NaN.
    name_col
        Facility name column (see :func:`nearest_facility`).
    counties, zones
        Layers used to locate sites that have no ``county`` / ``zone`` column
        (default: the shipped layers, loaded only when needed).

    Returns
    -------
    CoverageResult

    Raises
    ------
    ValueError
        If ``radius_m`` is not a positive distance, ``facilities`` is empty or
        ``weight_col`` is not a column.
    CRSError
        If a layer has no CRS.

    See Also
    --------
    nearest_facility, place_facilities

    Examples
    --------
    >>> res = coverage(load_layer("projects"), load_layer("logistics_hubs"),
    ...                radius_m=20_000)  # doctest: +SKIP
    >>> res.overall["share_count"]  # doctest: +SKIP
    """
    radius_m = _check_radius(radius_m)
    _check_layer("sites", sites)
    _check_layer("facilities", facilities)
    inv = _investment(sites, weight_col, default="investment_yi").to_numpy()
    sites_m = to_metric(sites)  # once, for the distances and the look-ups
    nf = nearest_facility(sites_m, facilities, name_col=name_col)
    covered = (nf["distance_m"] <= radius_m).to_numpy()
    out = sites.copy()
    out["facility_index"] = nf["facility_index"].to_numpy()
    out["facility_name"] = nf["facility_name"].to_numpy()
    out["distance_m"] = nf["distance_m"].to_numpy()
    out["covered"] = covered

    if len(sites):
        county, zone = _group_labels(sites_m, counties, zones)
    else:
        county = zone = pd.Series([], dtype=object)
    chain = labels(sites["chain"] if "chain" in sites.columns else None, sites.index)
    by_county = _group_table(county.to_numpy(), covered, inv, list(COUNTY_ADCODES.values()))
    by_zone = _group_table(zone.to_numpy(), covered, inv, [])
    by_chain = _group_table(chain.to_numpy(), covered, inv, [])
    overall = _shares(covered, inv)
    uncovered = out.loc[~covered].sort_values("distance_m", ascending=False, na_position="first")
    logger.info(
        "coverage within %.0f m: %d of %d sites covered",
        radius_m,
        overall["n_covered"],
        overall["n_sites"],
    )
    return CoverageResult(out, by_county, by_zone, by_chain, overall, uncovered, radius_m)


# --------------------------------------------------------------------------- candidates
def _candidates_frame(ids, names, kind: str, geoms_m: np.ndarray) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "id": pd.Series(ids, dtype=object),
            "name": pd.Series(names, dtype=object),
            "kind": kind,
        },
        geometry=gpd.GeoSeries(geoms_m, crs=METRIC_CRS).to_crs(STORAGE_CRS).values,
        crs=STORAGE_CRS,
    )


def candidate_sites(
    *,
    kind: Literal["zone_centroids", "grid", "user"],
    zones: gpd.GeoDataFrame | None = None,
    city: gpd.GeoDataFrame | None = None,
    spacing_m: float = 5000.0,
    user: gpd.GeoDataFrame | None = None,
) -> gpd.GeoDataFrame:
    """Candidate locations for new facilities.

    Parameters
    ----------
    kind
        ``{"zone_centroids", "grid", "user"}``. ``"zone_centroids"``: one point
        inside each zone (its representative point, which always lies inside
        the polygon). ``"grid"``: a regular square grid of points
        ``spacing_m`` apart, in EPSG:4547, kept where inside the city outline.
        ``"user"``: the user's own layer (polygons by a point inside them).
    zones
        Zone polygons for ``"zone_centroids"`` (default: the shipped ``zones``).
    city
        Outline for ``"grid"`` (default: the shipped ``city`` layer).
    spacing_m
        Grid spacing in metres (default 5 000).
    user
        The user's layer for ``"user"``; ``id`` and ``name`` columns are used
        when present.

    Returns
    -------
    geopandas.GeoDataFrame
        Points in EPSG:4326 with columns ``id``, ``name``, ``kind``.

    Raises
    ------
    ValueError
        On an unknown ``kind``, a missing ``user`` layer, a non-positive
        ``spacing_m`` or a grid of more than 200 000 points.
    """
    kinds = ("zone_centroids", "grid", "user")
    if kind not in kinds:
        msg = f"`kind` was {kind!r} but must be one of {kinds}."
        raise ValueError(msg)
    if kind == "zone_centroids":
        if zones is None:
            from geoapp.catalog import load_layer

            zones = load_layer("zones")
        _check_layer("zones", zones)
        zones = zones.loc[_valid(zones)]
        pts = np.asarray(to_metric(zones.geometry).representative_point().values)
        ids = zones["id"] if "id" in zones.columns else _numbered("Z", len(zones))
        return _candidates_frame(list(ids), list(_names(zones, "name", "园区")), kind, pts)
    if kind == "grid":
        spacing_m = _check_radius(spacing_m, "spacing_m")
        if city is None:
            from geoapp.catalog import load_layer

            city = load_layer("city")
        _check_layer("city", city, allow_empty=False)
        area = shapely.union_all(_metric_geoms(city))
        minx, miny, maxx, maxy = area.bounds
        xs = np.arange(minx + spacing_m / 2, maxx, spacing_m)
        ys = np.arange(miny + spacing_m / 2, maxy, spacing_m)
        if len(xs) * len(ys) > _MAX_GRID_POINTS:
            msg = (
                f"`spacing_m`={spacing_m:g} m gives {len(xs) * len(ys)} grid points over the "
                f"city (limit {_MAX_GRID_POINTS}); use a larger spacing."
            )
            raise ValueError(msg)
        gx, gy = (a.ravel() for a in np.meshgrid(xs, ys))
        shapely.prepare(area)
        inside = shapely.contains_xy(area, gx, gy)
        pts = shapely.points(gx[inside], gy[inside])
        n = len(pts)
        width = max(4, len(str(n)))
        ids = _numbered("G", n, width=width)
        names = _numbered("网格点", n)
        return _candidates_frame(ids, names, kind, pts)
    if user is None:
        msg = "`user` is required when `kind` is 'user'; pass the uploaded candidate layer."
        raise ValueError(msg)
    _check_layer("user", user)
    _require_geometry("user", user)
    pts = np.asarray(points_of(user).values)
    ids = (
        labels(user["id"], user.index).to_numpy(dtype=object)
        if "id" in user.columns
        else _numbered("U", len(user))
    )
    return _candidates_frame(list(ids), list(_names(user, "name", "候选点")), kind, pts)


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
        _check_layer("existing", existing)
        _require_geometry("existing", existing)
        parts.append(_metric_geoms(existing))
        names.append(_names(existing, "name", "现有设施"))
        n_exist = len(existing)
    _require_geometry("candidates", candidates)
    parts.append(_metric_geoms(candidates))
    names.append(_names(candidates, "name", "候选点"))
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
    radius_m = _check_radius(radius_m)
    _check_layer("sites", sites)
    _check_layer("candidates", candidates)
    _require_geometry("sites", sites)
    fac_geoms, fac_names, _ = _facility_set(candidates, existing)
    if len(fac_geoms) == 0:
        msg = "`candidates` and `existing` are both empty; pass at least one location."
        raise ValueError(msg)
    site_pts = np.asarray(points_of(sites).values) if len(sites) else np.array([], dtype=object)
    j, dist = _nearest(site_pts, fac_geoms)
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
    return (
        f"LSCP is infeasible with `radius_m`={radius_m:g} m: {len(feas.unreachable)} site(s) are "
        f"farther than that from every candidate and existing facility: {listed}. "
        f"The smallest radius that covers every site is {need:.0f} m; use "
        f"`radius_m` >= {need:.0f}, add candidates near those sites, or use model='mclp'."
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
) -> PlacementResult:
    """Choose new facility locations among candidates with MCLP or LSCP (spopt).

    The cost matrix holds the distances in metres (EPSG:4547) from every site
    to every existing facility and candidate, existing ones first; existing
    facilities are passed as ``predefined_facilities_arr`` so they stay open.
    The model is built with ``spopt.locate.MCLP.from_cost_matrix`` or
    ``LSCP.from_cost_matrix`` and solved with CBC
    (``pulp.PULP_CBC_CMD(msg=False)``).

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
        On a bad ``model``, ``radius_m``, ``k``, ``weight_col`` or
        ``fill_weight``, empty weights without ``fill_weight``, or empty layers.
    RuntimeError
        If the solver does not reach an optimal solution.

    Examples
    --------
    >>> cands = candidate_sites(kind="grid", spacing_m=5000)  # doctest: +SKIP
    >>> res = place_facilities(load_layer("projects"), cands, radius_m=10_000,
    ...                        model="mclp", k=3, existing=load_layer("logistics_hubs"),
    ...                        weight_col=None)  # doctest: +SKIP
    >>> res.chosen[["name"]], res.covered_after["share_count"]  # doctest: +SKIP
    """
    models = ("mclp", "lscp")
    if model not in models:
        msg = f"`model` was {model!r} but must be one of {models}."
        raise ValueError(msg)
    radius_m = _check_radius(radius_m)
    _check_layer("sites", sites, allow_empty=False)
    _check_layer("candidates", candidates, allow_empty=False)
    _require_geometry("sites", sites)
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
        weights = _mclp_weights(sites, weight_col, fill_weight)
    # Investment shown in covered_before/after: the weight column, else investment_yi.
    inv_col = weight_col if weight_col is not None else "investment_yi"
    inv = _investment(sites, inv_col, default="investment_yi").to_numpy()

    import pulp
    from spopt.locate import LSCP, MCLP

    fac_geoms, fac_names, n_exist = _facility_set(candidates, existing)
    site_pts = np.asarray(points_of(sites).values)
    cost = _cost_matrix(site_pts, fac_geoms)
    predefined = None
    if n_exist:
        predefined = np.r_[np.ones(n_exist, dtype=int), np.zeros(n_cand, dtype=int)]

    nearest = cost.argmin(axis=1)
    feas = _feasibility(sites, cost[np.arange(len(sites)), nearest], fac_names[nearest], radius_m)
    if model == "lscp" and not feas.feasible:
        exc = InfeasibleError(_infeasible_message(feas, radius_m))
        exc.feasibility = feas
        raise exc
    with warnings.catch_warnings():
        # PuLP 3.x announces its 4.0 API on every variable spopt creates; not actionable here.
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"pulp(\.|$)")
        solver = pulp.PULP_CBC_CMD(msg=False)
        if model == "lscp":
            lp = LSCP.from_cost_matrix(cost, radius_m, predefined_facilities_arr=predefined)
        else:
            lp = MCLP.from_cost_matrix(
                cost,
                weights,
                radius_m,
                p_facilities=int(k) + n_exist,
                predefined_facilities_arr=predefined,
            )
        lp.solve(solver, results=False)
    is_open = np.array([v.value() for v in lp.fac_vars], dtype=float) > 0.5
    objective = float(pulp.value(lp.problem.objective))

    new_pos = np.flatnonzero(is_open[n_exist:])
    within = cost <= radius_m
    chosen = candidates.iloc[new_pos].copy()
    chosen["n_sites_within"] = within[:, n_exist + new_pos].sum(axis=0)

    covered_before = within[:, :n_exist].any(axis=1) if n_exist else np.zeros(len(sites), bool)
    open_cols = np.flatnonzero(is_open)
    sub = cost[:, open_cols]
    best = sub.argmin(axis=1)
    best_col = open_cols[best]
    dist = sub[np.arange(len(sites)), best]
    covered_after = dist <= radius_m
    out = sites.copy()
    out["facility_name"] = fac_names[best_col]
    out["facility_source"] = np.where(best_col < n_exist, "existing", "new")
    out["distance_m"] = dist
    out["covered"] = covered_after
    out["covered_before"] = covered_before
    n_new = int(len(new_pos))
    logger.info(
        "%s: %d new of %d candidates (+%d existing), covered %d -> %d of %d sites",
        model,
        n_new,
        n_cand,
        n_exist,
        int(covered_before.sum()),
        int(covered_after.sum()),
        len(sites),
    )
    return PlacementResult(
        chosen=chosen,
        model=model,
        k=n_new,
        radius_m=radius_m,
        covered_before=_shares(covered_before, inv),
        covered_after=_shares(covered_after, inv),
        sites=out,
        objective=objective,
        params={
            "n_candidates": n_cand,
            "n_existing": n_exist,
            "weight_col": weight_col,
            "fill_weight": fill_weight,
            "min_radius_m": feas.min_radius_m,
        },
    )
