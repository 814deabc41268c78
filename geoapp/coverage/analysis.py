"""Facility coverage: nearest facility, covered shares and candidate locations.

Every distance is a straight-line distance in metres in
:data:`geoapp.settings.METRIC_CRS` (EPSG:4547, via :func:`geoapp.geo.coords.to_metric`).
Sites given as polygons are represented by a point inside them; facilities may
be points or polygons (distance to the polygon's edge, 0 inside it).

The functions are vectorised: nearest facilities come from one KD-tree
(:class:`scipy.spatial.cKDTree`) or spatial-index query, shares from one
``groupby``.

Placement of new facilities (MCLP / LSCP, HiGHS on a sparse model) lives in
:mod:`geoapp.coverage.placement`; :func:`place_facilities`, :func:`check_feasibility`,
:class:`Feasibility`, :class:`PlacementResult` and
:class:`~geoapp.errors.InfeasibleError` are re-exported here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geoapp.coverage.facilities import (
    check_layer,
    check_radius,
    covered_shares,
    display_names,
    has_geometry,
    metric_geoms,
    metric_xy,
    nearest_xy,
    numbered,
    require_geometry,
    site_investment,
)
from geoapp.coverage.placement import Feasibility as Feasibility
from geoapp.coverage.placement import PlacementResult as PlacementResult
from geoapp.coverage.placement import check_feasibility as check_feasibility
from geoapp.coverage.placement import place_facilities as place_facilities
from geoapp.errors import InfeasibleError as InfeasibleError
from geoapp.geo import points_of, to_metric
from geoapp.layers import OUTSIDE_COUNTIES, OUTSIDE_ZONES, LayerSet, place, place_labels
from geoapp.projects import UNSTATED, labels
from geoapp.settings import COUNTY_ADCODES, DEFAULT_PLACEMENT, METRIC_CRS, STORAGE_CRS

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


# --------------------------------------------------------------------------- shares
def _group_table(
    codes: np.ndarray,
    names: np.ndarray,
    covered: np.ndarray,
    inv: np.ndarray,
    order: list[str],
) -> pd.DataFrame:
    """The shares by group; the group of row i is ``names[codes[i]]``.

    Grouped on the integer codes (no hashing of a million strings); the sums run
    over each group's rows in row order, as a group-by on the labels would.
    """
    known = ~np.isnan(inv)
    inv0 = np.where(known, inv, 0.0)
    frame = pd.DataFrame(
        {
            "code": codes,
            "cov": covered,
            "inv": inv0,
            "inv_cov": np.where(covered, inv0, 0.0),
            "known": known,
        },
        copy=False,
    )
    g = frame.groupby("code", sort=False)
    table = pd.DataFrame(
        {
            "n_sites": g.size(),
            "n_covered": g["cov"].sum().astype("int64"),
            "investment_yi": g["inv"].sum(),
            "investment_covered_yi": g["inv_cov"].sum(),
            "n_with_investment": g["known"].sum().astype("int64"),
        }
    )
    table.index = pd.Index(np.asarray(names, dtype=object)[table.index.to_numpy()], dtype="str")
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
def _check_facilities(facilities: gpd.GeoDataFrame, name_col: str | None) -> np.ndarray:
    """Check the facility layer and its name column; the mask of features with a geometry."""
    check_layer("facilities", facilities)
    if name_col is not None and name_col not in facilities.columns:
        cols = [c for c in facilities.columns if c != facilities.geometry.name]
        msg = (
            f"`name_col` {name_col!r} is not a column of `facilities` (columns: {cols}); "
            "pass one of them, or None to number the facilities."
        )
        raise ValueError(msg)
    valid = has_geometry(facilities)
    if not valid.any():
        msg = "`facilities` has no feature with a geometry; pass at least one facility."
        raise ValueError(msg)
    return valid


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
    check_layer("sites", sites)
    valid = _check_facilities(facilities, name_col)
    if len(sites) == 0:
        return pd.DataFrame(
            {
                "facility_index": pd.Series(-1, index=sites.index, dtype="int64"),
                "facility_name": pd.Series(None, index=sites.index, dtype=object),
                "distance_m": pd.Series(np.nan, index=sites.index, dtype="float64"),
            }
        )
    x, y = metric_xy(sites)
    idx, names, dist = _nearest_of(x, y, facilities, valid, name_col)
    return pd.DataFrame(
        {"facility_index": idx, "facility_name": names, "distance_m": dist},
        index=sites.index,
        copy=False,  # the arrays are this call's own
    )


def _nearest_of(
    x: np.ndarray,
    y: np.ndarray,
    facilities: gpd.GeoDataFrame,
    valid: np.ndarray,
    name_col: str | None,
) -> tuple[np.ndarray, pd.Categorical, np.ndarray]:
    """Nearest facility (position in ``facilities``, name, distance) of metric points."""
    fac_pos = np.flatnonzero(valid)
    fac_types = shapely.get_type_id(np.asarray(facilities.geometry.array)[fac_pos])
    if (fac_types == shapely.GeometryType.POINT).all():  # reprojected as coordinates
        fx, fy = metric_xy(facilities)
        fac_geoms = shapely.points(fx[fac_pos], fy[fac_pos])
    else:
        fac_geoms = metric_geoms(facilities)[fac_pos]
    j, dist = nearest_xy(x, y, fac_geoms)
    idx = j if len(fac_pos) == len(facilities) else np.where(j >= 0, fac_pos[np.maximum(j, 0)], -1)
    fac_names = display_names(facilities, name_col, "设施")
    codes, uniques = pd.factorize(np.asarray(fac_names, dtype=object))
    site_codes = np.where(idx >= 0, codes[np.maximum(idx, 0)], -1) if len(codes) else idx
    names = pd.Categorical.from_codes(site_codes, categories=pd.Index(uniques))
    return idx, names, dist  # categorical: integer codes into the few facility names


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


def _with_columns(sites: gpd.GeoDataFrame, columns: dict[str, Any]) -> gpd.GeoDataFrame:
    """``sites`` plus ``columns`` (replacing any of the same name), without copying the data."""
    if any(c in sites.columns for c in columns):
        out = sites.copy(deep=False)
        for name, values in columns.items():
            out[name] = values
        return out
    added = pd.DataFrame(columns, index=sites.index, copy=False)
    return pd.concat([sites, added], axis=1)  # a GeoDataFrame: geometry and CRS kept


def _county_zone(
    sites: gpd.GeoDataFrame, x: np.ndarray, y: np.ndarray, layers: LayerSet
) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """County and zone of each site by the one rule of :mod:`geoapp.layers.places`, located once.

    The rule sees the sites' own ``county``, ``zone`` and ``location_quality``
    and their metric points (already computed for the distances), so nothing
    is reprojected again. Returns ``(codes, names)`` per key: the label of row
    i is ``names[codes[i]]``.
    """
    stated = [c for c in ("county", "zone", "location_quality") if c in sites.columns]
    points = gpd.GeoDataFrame(
        sites[stated], geometry=shapely.points(x, y), crs=METRIC_CRS
    )  # NaN coordinates (no geometry) fall in no polygon, as empty points do
    where = place(points, layers)
    return (
        _rule_codes(where["county"], where["county_by"], OUTSIDE_COUNTIES),
        _rule_codes(where["zone"], where["zone_by"], OUTSIDE_ZONES),
    )


def _rule_codes(values: pd.Series, by: pd.Series, outside: str) -> tuple[np.ndarray, np.ndarray]:
    """The labels of :mod:`geoapp.layers.places` as codes: the rule applied once per distinct case.

    A row's label depends only on its value and on whether its place is
    unstated, so the rule (:func:`geoapp.layers.places` labels) runs on the few
    distinct (value, unstated) pairs and the rows take their pair's label.
    """
    value_code, uniques = pd.factorize(values, use_na_sentinel=True)  # NA: -1
    unstated = by.eq("unstated").to_numpy(dtype=bool)
    key = (value_code.astype(np.int64) + 1) * 2 + unstated
    present = np.zeros(2 * (len(uniques) + 1), dtype=bool)
    present[key] = True
    keys = np.flatnonzero(present)  # the distinct cases
    case = (np.cumsum(present) - 1)[key]
    pos = keys // 2 - 1
    # the last slot stands for a missing value (also when every value is missing)
    padded = np.asarray([*uniques, None], dtype=object)
    case_values = pd.Series(padded[np.where(pos < 0, len(uniques), pos)], dtype=object)
    case_by = pd.Series(np.where(keys % 2 == 1, "unstated", "location"), dtype=object)
    case_labels = place_labels(case_values, case_by, outside).to_numpy(dtype=object)
    label_code, names = pd.factorize(case_labels)
    return label_code[case], np.asarray(names, dtype=object)


def _chain_codes(sites: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The chain label of each site (:func:`geoapp.projects.labels`) as codes per value."""
    if "chain" not in sites.columns:
        return np.zeros(len(sites), dtype=np.intp), np.array([UNSTATED], dtype=object)
    value_code, uniques = pd.factorize(sites["chain"], use_na_sentinel=True)
    values = pd.Series([*np.asarray(uniques, dtype=object), None], dtype=object)
    label_code, names = pd.factorize(labels(values, values.index).to_numpy(dtype=object))
    return label_code[value_code], np.asarray(names, dtype=object)  # NA: the last value


def _farthest_first(dist: np.ndarray, covered: np.ndarray) -> np.ndarray:
    """Positions of the uncovered sites, farthest first, sites without geometry first."""
    pos = np.flatnonzero(~covered)
    d = dist[pos]
    # stable, like ``sort_values(ascending=False, na_position="first")``
    order = np.lexsort((-np.nan_to_num(d, nan=np.inf), ~np.isnan(d)))
    return pos[order]


def coverage(
    sites: gpd.GeoDataFrame,
    facilities: gpd.GeoDataFrame,
    *,
    radius_m: float,
    weight_col: str | None = "investment_yi",
    name_col: str | None = "name",
    layers: LayerSet,
) -> CoverageResult:
    """Which sites lie within ``radius_m`` of a facility, and the covered shares.

    Shares are given by count and by investment, overall and by county, zone
    and chain. A site's county and zone follow the one rule of
    :mod:`geoapp.layers.places` (stated value, else the stated zone's county, else a
    non-schematic position; ``"未注明"`` / ``"市域外"`` / ``"园区外"``). The chain
    is the ``chain`` attribute (``"未注明"`` when empty or absent).

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
    layers
        The bundle whose counties and zones place the sites, by the one rule
        of :mod:`geoapp.layers.places`.

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
    >>> layers = LayerSet.shipped()  # doctest: +SKIP
    >>> res = coverage(layers["projects"], layers["logistics_hubs"],
    ...                radius_m=20_000, layers=layers)  # doctest: +SKIP
    >>> res.overall["share_count"]  # doctest: +SKIP
    """
    radius_m = check_radius(radius_m)
    check_layer("sites", sites)
    valid = _check_facilities(facilities, name_col)
    inv = site_investment(sites, weight_col, default="investment_yi").to_numpy()
    x, y = metric_xy(sites)  # once, for the distances and the look-ups
    idx, names, dist = _nearest_of(x, y, facilities, valid, name_col)
    covered = dist <= radius_m  # NaN (no geometry): not covered
    out = _with_columns(
        sites,
        {"facility_index": idx, "facility_name": names, "distance_m": dist, "covered": covered},
    )
    if len(sites):
        county, zone = _county_zone(sites, x, y, layers)
    else:
        county = zone = (np.empty(0, dtype=np.intp), np.empty(0, dtype=object))
    by_county = _group_table(*county, covered, inv, list(COUNTY_ADCODES.values()))
    by_zone = _group_table(*zone, covered, inv, [])
    by_chain = _group_table(*_chain_codes(sites), covered, inv, [])
    overall = covered_shares(covered, inv)
    uncovered = out.iloc[_farthest_first(dist, covered)]
    logger.info(
        "coverage within %.0f m: %d of %d sites covered",
        radius_m,
        overall["n_covered"],
        overall["n_sites"],
    )
    return CoverageResult(out, by_county, by_zone, by_chain, overall, uncovered, radius_m)


# --------------------------------------------------------------------------- candidates
def _need(layers: LayerSet | None, kind: str) -> LayerSet:
    if layers is None:
        msg = f"`layers` is required for kind={kind!r}: pass the LayerSet the candidates come from."
        raise ValueError(msg)
    return layers


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
    layers: LayerSet | None = None,
    spacing_m: float = DEFAULT_PLACEMENT.grid_spacing_m,
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
    layers
        The bundle whose ``zones`` (``"zone_centroids"``) or ``city`` outline
        (``"grid"``) make the candidates; not needed for ``"user"``.
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
        zones = _need(layers, kind)["zones"]
        check_layer("zones", zones)
        zones = zones.loc[has_geometry(zones)]
        pts = np.asarray(to_metric(zones.geometry).representative_point().values)
        ids = zones["id"] if "id" in zones.columns else numbered("Z", len(zones))
        return _candidates_frame(list(ids), list(display_names(zones, "name", "园区")), kind, pts)
    if kind == "grid":
        spacing_m = check_radius(spacing_m, "spacing_m")
        city = _need(layers, kind)["city"]
        check_layer("city", city, allow_empty=False)
        area = shapely.union_all(metric_geoms(city))
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
        ids = numbered("G", n, width=width)
        names = numbered("网格点", n)
        return _candidates_frame(ids, names, kind, pts)
    if user is None:
        msg = "`user` is required when `kind` is 'user'; pass the uploaded candidate layer."
        raise ValueError(msg)
    check_layer("user", user)
    require_geometry("user", user)
    pts = np.asarray(points_of(user).values)
    ids = (
        labels(user["id"], user.index).to_numpy(dtype=object)
        if "id" in user.columns
        else numbered("U", len(user))
    )
    return _candidates_frame(list(ids), list(display_names(user, "name", "候选点")), kind, pts)
