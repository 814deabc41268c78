"""Helpers shared by :mod:`geoapp.coverage` and :mod:`geoapp.coverage.placement`.

Input checks (radius, layer, geometry), display names of features, metric
geometries, the vectorised nearest-facility query, the sparse site × facility
coverage matrix and the covered shares by count and by investment.
"""

from __future__ import annotations

import math
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy import sparse
from scipy.spatial import cKDTree

from geoapp.geo import metric_transformer, points_of, require_crs, to_metric
from geoapp.projects import UNSTATED
from geoapp.settings import METRIC_CRS

__all__ = [
    "check_layer",
    "check_radius",
    "covered_shares",
    "coverage_matrix",
    "display_names",
    "has_geometry",
    "metric_geoms",
    "metric_xy",
    "nearest_to_sites",
    "nearest_xy",
    "numbered",
    "require_geometry",
    "site_investment",
]

#: From this many points on, KD-tree queries use every core (``workers=-1``; the
#: result is the same); below, starting threads costs more than it saves.
_PARALLEL_MIN = 50_000


def check_radius(radius_m: float, name: str = "radius_m") -> float:
    """Check a service radius and return it as a float.

    Parameters
    ----------
    radius_m
        The radius in metres.
    name
        The argument's name, for the error message.

    Returns
    -------
    float
        ``radius_m``.

    Raises
    ------
    TypeError
        If it is not a number.
    ValueError
        If it is not a finite distance > 0.
    """
    try:
        r = float(radius_m)
    except (TypeError, ValueError):
        msg = f"`{name}` must be a number of metres, got {radius_m!r}."
        raise TypeError(msg) from None
    if not (math.isfinite(r) and r > 0):
        msg = f"`{name}` must be a finite distance > 0 in metres (e.g. 20000), got {radius_m!r}."
        raise ValueError(msg)
    return r


def check_layer(name: str, gdf: object, *, allow_empty: bool = True) -> None:
    """Check that ``gdf`` is a GeoDataFrame with a CRS (and, unless allowed, not empty).

    Parameters
    ----------
    name
        The argument's name, for the error message.
    gdf
        The layer passed.
    allow_empty
        Whether a layer without features is accepted.

    Raises
    ------
    TypeError
        If it is not a GeoDataFrame.
    CRSError
        If it has no CRS.
    ValueError
        If it is empty and ``allow_empty`` is false.
    """
    if not isinstance(gdf, gpd.GeoDataFrame):
        msg = f"`{name}` must be a GeoDataFrame, got {type(gdf).__name__}."
        raise TypeError(msg)
    require_crs(**{name: gdf})
    if not allow_empty and len(gdf) == 0:
        msg = f"`{name}` is empty; pass at least one feature."
        raise ValueError(msg)


def has_geometry(gdf: gpd.GeoDataFrame) -> np.ndarray:
    """Boolean per feature: its geometry is present and not empty."""
    geom = gdf.geometry
    return (geom.notna() & ~geom.is_empty).to_numpy()


def require_geometry(name: str, gdf: gpd.GeoDataFrame) -> None:
    """Raise ValueError naming the rows of ``gdf`` without geometry (``name``: the argument)."""
    bad = ~has_geometry(gdf)
    if bad.any():
        rows = list(gdf.index[bad][:10])
        msg = (
            f"`{name}` has {int(bad.sum())} row(s) without geometry (index {rows}); "
            "drop them first (e.g. `gdf[~gdf.geometry.is_empty & gdf.geometry.notna()]`)."
        )
        raise ValueError(msg)


def numbered(prefix: str, n: int, *, width: int = 0) -> np.ndarray:
    """``prefix1, prefix2, …`` (zero-padded to ``width`` digits), vectorised."""
    if n == 0:
        return np.array([], dtype=object)
    digits = np.char.zfill(np.arange(1, n + 1).astype(str), width)
    return np.char.add(prefix, digits).astype(object)


def display_names(gdf: gpd.GeoDataFrame, name_col: str | None, prefix: str) -> np.ndarray:
    """Display names of features: ``name_col`` where filled, else ``prefix`` + position."""
    fallback = numbered(prefix, len(gdf))
    if name_col is None or name_col not in gdf.columns or len(gdf) == 0:
        return fallback
    # the text of :func:`geoapp.projects.filters.labels` (stripped; blank or missing: unnamed), in
    # NumPy string operations: no pandas string machinery for a dozen hubs
    raw = gdf[name_col].to_numpy(dtype=object)
    missing = pd.isna(raw)
    text = np.char.strip(np.where(missing, "", raw).astype(str))
    unnamed = missing | (text == "") | (text == UNSTATED)
    return np.where(unnamed, fallback, text.astype(object))


def metric_geoms(gdf: gpd.GeoDataFrame) -> np.ndarray:
    """The geometries of ``gdf`` in the metric CRS, as a NumPy array."""
    return np.asarray(to_metric(gdf.geometry).values)


_TO_METRIC: dict[str, Any] = {}  # CRS text -> its cached transformer, None when metric


def _to_metric_transformer(crs: Any) -> Any:
    """The cached transformer of ``crs`` to the metric CRS, None if it is the metric CRS."""
    key = str(getattr(crs, "srs", "") or crs)
    if key not in _TO_METRIC:
        _TO_METRIC[key] = None if crs == METRIC_CRS else metric_transformer(crs)
    return _TO_METRIC[key]


def metric_xy(gdf: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Metric x, y of each feature's point (a point inside a polygon); NaN without geometry.

    Points are reprojected as coordinate arrays with the cached transformer
    (:func:`geoapp.geo.coords.metric_transformer`): no GeoSeries, no new shapely
    points. Other geometries go through :func:`geoapp.geo.spatial.points_of`.
    """
    geoms = np.asarray(gdf.geometry.array)
    transformer = _to_metric_transformer(gdf.crs)
    x, y = _point_xy(geoms)
    if transformer is not None and len(geoms):
        transformer.transform(x, y, inplace=True)  # our own fresh arrays: no copies
    unknown = np.flatnonzero(np.isnan(x))  # few: missing, empty, or not points
    if unknown.size:
        kind = shapely.get_type_id(geoms[unknown])
        other = unknown[(kind > 0) & ~shapely.is_empty(geoms[unknown])]
        if other.size:
            inner = np.asarray(points_of(gdf.geometry.iloc[other]).values)
            x[other], y[other] = shapely.get_x(inner), shapely.get_y(inner)
    return x, y


def _point_xy(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x, y of the points among ``geoms``; NaN for anything else (missing, empty, polygon)."""
    try:  # NaN for a missing geometry and for any geometry but a point
        x, y = shapely.get_x(geoms), shapely.get_y(geoms)
    except shapely.errors.GEOSException:  # an empty point: x, y of the other points only
        x, y = np.full(len(geoms), np.nan), np.full(len(geoms), np.nan)
        pts = np.flatnonzero(shapely.get_type_id(geoms) == shapely.GeometryType.POINT)
        pts = pts[~shapely.is_empty(geoms[pts])]
        x[pts], y[pts] = shapely.get_x(geoms[pts]), shapely.get_y(geoms[pts])
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


def nearest_xy(
    x: np.ndarray, y: np.ndarray, fac_geoms: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Positional nearest facility and distance (metres) for metric site coordinates.

    NaN coordinates (no geometry) get index -1 and distance NaN; ``fac_geoms``
    must all be non-empty.
    """
    n = len(x)
    ok = np.isfinite(x)
    ok &= np.isfinite(y)
    all_ok = bool(ok.all())
    if n == 0 or len(fac_geoms) == 0 or not (all_ok or ok.any()):
        return np.full(n, -1, dtype=np.int64), np.full(n, np.nan)
    xy = np.column_stack([x, y] if all_ok else [x[ok], y[ok]])
    idx = dist = np.empty(0)  # filled below unless every site has a position
    if not all_ok:
        idx, dist = np.full(n, -1, dtype=np.int64), np.full(n, np.nan)
    if (shapely.get_type_id(fac_geoms) == shapely.GeometryType.POINT).all():
        tree = cKDTree(shapely.get_coordinates(fac_geoms))
        d, j = tree.query(xy, k=1, workers=-1 if len(xy) >= _PARALLEL_MIN else 1)
        if all_ok:  # no masks, no copies
            return np.asarray(j, dtype=np.int64), d
        idx[ok], dist[ok] = j, d
        return idx, dist
    if all_ok:
        idx, dist = np.full(n, -1, dtype=np.int64), np.full(n, np.nan)
    tree = shapely.STRtree(fac_geoms)
    pts = shapely.points(xy)
    (inp, j), d = tree.query_nearest(pts, return_distance=True, all_matches=False)
    pos = np.flatnonzero(ok)[inp]
    idx[pos], dist[pos] = j, d
    return idx, dist


def nearest_to_sites(site_pts: np.ndarray, fac_geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positional nearest facility and distance (metres) for metric site points.

    ``site_pts`` may hold empty points (distance NaN, index -1); ``fac_geoms``
    must all be non-empty.
    """
    site_pts = np.asarray(site_pts)
    ok = ~shapely.is_empty(site_pts) & ~shapely.is_missing(site_pts)
    x, y = np.full(len(site_pts), np.nan), np.full(len(site_pts), np.nan)
    x[ok], y[ok] = shapely.get_x(site_pts[ok]), shapely.get_y(site_pts[ok])
    return nearest_xy(x, y, fac_geoms)


def coverage_matrix(site_pts: np.ndarray, fac_geoms: np.ndarray, radius_m: float):
    """Sparse boolean matrix (CSR, n_sites × n_facilities): facility within ``radius_m`` of site.

    Never builds the dense distance matrix: point facilities use one KD-tree
    radius query (``cKDTree.sparse_distance_matrix``), other geometries one
    ``STRtree.query(predicate="dwithin")``. Distances are those of ``cdist`` /
    :func:`shapely.distance` (metres), and a pair is covered when the distance
    is ``<= radius_m``, as in spopt's ``from_cost_matrix``. ``site_pts`` must
    all be non-empty points and ``fac_geoms`` non-empty.
    """
    n, m = len(site_pts), len(fac_geoms)
    if n == 0 or m == 0:
        return sparse.csr_array((n, m), dtype=bool)
    if (shapely.get_type_id(fac_geoms) == shapely.GeometryType.POINT).all():
        sxy, fxy = shapely.get_coordinates(site_pts), shapely.get_coordinates(fac_geoms)
        # A hair wider than the radius, then the exact test on the cdist formula, so that
        # a site at exactly radius_m is covered whatever the tree's rounding.
        pairs = cKDTree(sxy).sparse_distance_matrix(
            cKDTree(fxy), radius_m * (1 + 1e-9) + 1e-6, output_type="ndarray"
        )
        rows, cols = pairs["i"], pairs["j"]
        diff = sxy[rows] - fxy[cols]
        keep = np.sqrt((diff**2).sum(axis=1)) <= radius_m
        rows, cols = rows[keep], cols[keep]
    else:
        rows, cols = shapely.STRtree(fac_geoms).query(
            site_pts, predicate="dwithin", distance=radius_m
        )
    data = np.ones(len(rows), dtype=bool)
    return sparse.csr_array((data, (rows, cols)), shape=(n, m))


def site_investment(sites: pd.DataFrame, weight_col: str | None, *, default: str) -> pd.Series:
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


def covered_shares(covered: np.ndarray, inv: np.ndarray) -> dict[str, Any]:
    """Sites covered, by count and by investment.

    Parameters
    ----------
    covered
        Boolean per site.
    inv
        Investment per site (亿元; NaN unknown).

    Returns
    -------
    dict
        ``n_sites``, ``n_covered``, ``share_count``, ``investment_yi``,
        ``investment_covered_yi``, ``n_with_investment``, ``share_investment``
        (NaN when nothing is known).
    """
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
