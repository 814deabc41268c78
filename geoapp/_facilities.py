"""Helpers shared by :mod:`geoapp.coverage` and :mod:`geoapp.placement`.

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

from geoapp.coords import to_metric
from geoapp.filters import UNSTATED, labels
from geoapp.spatial import require_crs


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



def _coverage_matrix(site_pts: np.ndarray, fac_geoms: np.ndarray, radius_m: float):
    """Sparse boolean matrix (CSR, n_sites × n_facilities): facility within ``radius_m`` of site.

    Never builds the dense distance matrix: point facilities use one KD-tree
    radius query (``cKDTree.sparse_distance_matrix``), other geometries one
    ``STRtree.query(predicate="dwithin")``. Distances are those of ``cdist`` /
    :func:`shapely.distance` (metres), and a pair is covered when the distance
    is ``<= radius_m``, as in spopt's ``from_cost_matrix``. ``site_pts`` must
    all be non-empty points and ``fac_geoms`` non-empty.
    """
    from scipy import sparse

    n, m = len(site_pts), len(fac_geoms)
    if n == 0 or m == 0:
        return sparse.csr_array((n, m), dtype=bool)
    if (shapely.get_type_id(fac_geoms) == shapely.GeometryType.POINT).all():
        from scipy.spatial import cKDTree

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

