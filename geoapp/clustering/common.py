"""Argument checks and metric coordinates shared by :mod:`.clusters` and :mod:`.hotspots`."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import shapely

from geoapp.geo import points_of

__all__ = ["check_int", "check_positive", "metric_xy"]


def check_positive(name: str, value: float, *, allow_zero: bool = False) -> float:
    """Check a distance in metres and return it as a float.

    Parameters
    ----------
    name
        The argument's name, for the error message.
    value
        The value passed.
    allow_zero
        Whether 0 is accepted.

    Returns
    -------
    float
        ``value``.

    Raises
    ------
    TypeError
        If it is not a number.
    ValueError
        If it is not finite, or not > 0 (>= 0 with ``allow_zero``).
    """
    try:
        v = float(value)
    except (TypeError, ValueError):
        msg = f"`{name}` must be a number, got {value!r}."
        raise TypeError(msg) from None
    ok = v >= 0 if allow_zero else v > 0
    if not (math.isfinite(v) and ok):
        bound = ">= 0" if allow_zero else "> 0"
        msg = f"`{name}` must be a finite number {bound} (metres), got {value!r}."
        raise ValueError(msg)
    return v


def check_int(name: str, value: int, minimum: int) -> int:
    """Check an integer argument of at least ``minimum`` and return it as an int.

    Raises
    ------
    ValueError
        If it is not an integer (a bool is not) or is below ``minimum``.
    """
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        msg = f"`{name}` must be an integer >= {minimum}, got {value!r}."
        raise ValueError(msg)
    return int(value)


def metric_xy(sites: gpd.GeoDataFrame, name: str = "sites") -> np.ndarray:
    """Metric x/y of each site (a point inside polygons), as an (n, 2) array.

    Raises
    ------
    ValueError
        If a site has no geometry (``name``: the argument, for the message).
    """
    geom = sites.geometry
    bad = geom.isna() | geom.is_empty
    if bad.any():
        rows = list(sites.index[bad.to_numpy()][:10])
        msg = (
            f"`{name}` has {int(bad.sum())} row(s) without geometry (index {rows}); "
            "drop them (e.g. `gdf[~gdf.geometry.is_empty & gdf.geometry.notna()]`) first."
        )
        raise ValueError(msg)
    pts = points_of(sites)
    return shapely.get_coordinates(pts.values)
