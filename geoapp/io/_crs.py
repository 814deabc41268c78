"""CRS and extent: parsing ``crs``, spotting projected metres, datum conversion, the extent test."""

from __future__ import annotations

import re
from functools import cache
from typing import cast

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError as PyprojCRSError
from shapely.geometry.base import BaseGeometry

from geoapp import settings
from geoapp.errors import CRSError, InputFileError
from geoapp.geo import Datum, convert_geometry, to_metric
from geoapp.layers import LayerSet
from geoapp.settings import METRIC_CRS
from geoapp.vocab import message

#: The default extent is the city outline buffered by this many metres.
EXTENT_BUFFER_M = 1_000.0
#: How ``ImportResult.crs_in`` names a declared web-map datum (WGS-84: the CRS itself).
_DATUM_LABELS = {"wgs84": None, "gcj02": "GCJ-02", "bd09": "BD-09"}


def _parse_crs(crs: str | int | None) -> CRS | None:
    if crs is None:
        return None
    value = int(crs) if isinstance(crs, str) and crs.strip().isdigit() else crs
    try:
        parsed = CRS.from_user_input(value)
    except (PyprojCRSError, TypeError, ValueError) as exc:
        msg = message(
            "`crs` was {crs!r}, which pyproj does not recognise. Pass an EPSG code such as "
            "4326 (WGS-84), 4490 (CGCS2000) or 4547 (CGCS2000 / 3-degree Gauss-Krüger CM 114E).",
            crs=crs,
        )
        raise InputFileError(msg) from exc
    if not (parsed.is_geographic or parsed.is_projected):
        msg = message(
            "`crs` was {crs!r} ({crs_name}), which is not a horizontal 2-D CRS.",
            crs=crs,
            crs_name=parsed.name,
        )
        raise InputFileError(msg)
    return parsed


def _crs_label(crs: CRS) -> str:
    epsg = crs.to_epsg()
    return f"EPSG:{epsg}" if epsg else crs.name


def _check_datum(datum: str, crs: CRS, name: str) -> None:
    if datum != "wgs84" and crs.to_epsg() not in (4326, 4490):
        msg = message(
            "{name}: `datum`={datum!r} declares longitude/latitude on a Chinese web map, "
            "but the coordinates are in {crs} ({crs_name}). GCJ-02/BD-09 apply "
            "to longitude/latitude only: drop `datum` or `crs`.",
            name=name,
            datum=datum,
            datum_label=_DATUM_LABELS.get(datum) or datum,
            crs=_crs_label(crs),
            crs_name=crs.name,
        )
        raise InputFileError(msg)


def _projected_hint(x: np.ndarray, y: np.ndarray) -> str:
    """Suggest a CGCS2000 Gauss-Krüger EPSG code from the magnitude of the values."""
    mags = [np.nanmedian(np.abs(v)) for v in (x, y) if np.isfinite(v).any()]
    for mag in mags:
        if 1e7 <= mag < 1e8 and 25 <= int(mag // 1e6) <= 45:
            zone = int(mag // 1e6)
            code = 4513 + zone - 25  # EPSG:4513–4533 = zones 25–45, with the zone prefix
            return (
                f'crs="EPSG:{code}" ({CRS.from_epsg(code).name}): the easting has 8 digits '
                f"starting with {zone}, the 3-degree zone prefix"
            )
    metric = CRS.from_user_input(METRIC_CRS)
    return (
        f'crs="{METRIC_CRS}" ({metric.name}, the zone of 濮阳市, easting without '
        "zone prefix, about 400 000–600 000 m); if the easting has 8 digits starting with 38 "
        f'(the zone prefix), use crs="EPSG:4526" ({CRS.from_epsg(4526).name}) instead'
    )


def _epsg_codes(hint: str) -> str:
    """The EPSG codes a :func:`_projected_hint` names, as ``"EPSG:4547 / EPSG:4526"``."""
    return " / ".join(dict.fromkeys(re.findall(r"EPSG:\d+", hint)))


def _looks_projected(x: np.ndarray, y: np.ndarray) -> bool:
    both = np.maximum(np.abs(x), np.abs(y))
    both = both[np.isfinite(both)]
    return bool(len(both)) and float(np.median(both)) > 180.0


@cache
def _default_extent_wkb() -> bytes:
    geom = to_metric(LayerSet.shipped()["city"].geometry).union_all().buffer(EXTENT_BUFFER_M)
    return shapely.to_wkb(geom)


def _extent_metric(extent) -> shapely.Geometry:
    if extent is None:
        # A fresh object per call: prepared geometries are not shared between sessions.
        geom = shapely.from_wkb(_default_extent_wkb())
        shapely.prepare(geom)
        return geom
    if isinstance(extent, (gpd.GeoDataFrame, gpd.GeoSeries)):
        if extent.crs is None:
            msg = "`extent` has no CRS; set one with `.set_crs(4326)` first."
            raise CRSError(msg)
        geom = to_metric(extent.geometry).union_all()
    elif isinstance(extent, BaseGeometry):
        minx, miny, maxx, maxy = extent.bounds
        if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
            msg = (
                f"`extent` as a shapely geometry must be EPSG:4326 lon/lat, but its bounds are "
                f"{extent.bounds}. Pass a GeoDataFrame with its CRS instead."
            )
            raise ValueError(msg)
        geom = to_metric(gpd.GeoSeries([extent], crs=settings.STORAGE_CRS)).union_all()
    else:
        msg = (
            "`extent` must be a shapely geometry (EPSG:4326), a GeoDataFrame/GeoSeries or "
            f"None, got {type(extent).__name__}."
        )
        raise TypeError(msg)
    if geom.is_empty:
        msg = "`extent` is empty; pass a polygon or leave it unset for 濮阳市."
        raise ValueError(msg)
    shapely.prepare(geom)
    return geom


def _inside(geoms: gpd.GeoSeries, extent_m: shapely.Geometry) -> np.ndarray:
    """Whether each EPSG:4326 geometry touches the metric extent (infinite → False)."""
    if len(geoms) == 0:
        return np.zeros(0, dtype=bool)
    return shapely.intersects(extent_m, np.asarray(to_metric(geoms).values))


def _to_wgs84(geoms: gpd.GeoSeries, datum: str) -> gpd.GeoSeries:
    if len(geoms) == 0:
        return geoms.set_crs(settings.STORAGE_CRS, allow_override=True)
    if CRS.from_user_input(geoms.crs).to_epsg() != 4326:
        geoms = geoms.to_crs(settings.STORAGE_CRS)
    if datum != "wgs84":
        geoms = convert_geometry(geoms, source=cast(Datum, datum), target="wgs84")
    return geoms
