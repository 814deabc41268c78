"""Chinese web-map coordinate systems (GCJ-02, BD-09) and the metric CRS.

GCJ-02 (AMap/Gaode, Tencent) is a non-linear obfuscation of WGS-84 and BD-09
(Baidu) a further offset of GCJ-02. PROJ does not support either, so they are
implemented here with NumPy, vectorised over whole arrays. The forward
transforms are the published closed forms; the inverses are solved exactly by
fixed-point iteration (round trip below 1 mm, far under the 0.5 m required).
In 濮阳 the WGS-84 → GCJ-02 shift is about 530 m and WGS-84 → BD-09 about 1.3 km.

All functions take longitude first. Geometry functions accept shapely
geometries, GeoSeries or GeoDataFrames, which must be in EPSG:4326 / 4490.

Examples
--------
>>> lon, lat = wgs84_to_gcj02(116.404, 39.915)
>>> round(float(lon), 6), round(float(lat), 6)
(116.410244, 39.916404)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Literal, TypeVar

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Transformer

from geoapp.errors import CRSError
from geoapp.settings import METRIC_CRS

Datum = Literal["wgs84", "gcj02", "bd09"]
DATUMS: tuple[str, ...] = ("wgs84", "gcj02", "bd09")

_A = 6378245.0  # Krasovsky 1940 semi-major axis used by GCJ-02
_EE = 0.00669342162296594323  # its first eccentricity squared
_X_PI = np.pi * 3000.0 / 180.0
_METRIC = CRS.from_user_input(METRIC_CRS)
_MAX_ITER = 30
_TOL_DEG = 1e-10  # ~0.01 mm

G = TypeVar("G", shapely.Geometry, gpd.GeoSeries, gpd.GeoDataFrame)


def _in_china(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Rough mainland-China box in which GCJ-02 applies (the published rule)."""
    return (lon >= 72.004) & (lon <= 137.8347) & (lat >= 0.8293) & (lat <= 55.8271)


def _delta_lat(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    ret += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    ret += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    ret += (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    return ret


def _delta_lon(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    ret += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    ret += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    ret += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    return ret


def _as_arrays(lon, lat) -> tuple[np.ndarray, np.ndarray]:
    lon = np.asarray(lon, dtype="float64")
    lat = np.asarray(lat, dtype="float64")
    if lon.shape != lat.shape:
        msg = f"`lon` and `lat` must have the same shape, got {lon.shape} and {lat.shape}."
        raise ValueError(msg)
    return lon, lat


def wgs84_to_gcj02(lon, lat) -> tuple[np.ndarray, np.ndarray]:
    """Convert WGS-84 longitude/latitude to GCJ-02.

    This function is vectorised: pass NumPy arrays rather than looping.

    Parameters
    ----------
    lon, lat
        WGS-84 coordinates in degrees (scalars or arrays of one shape).

    Returns
    -------
    tuple of numpy.ndarray
        GCJ-02 longitude and latitude. Points outside mainland China are
        returned unchanged, as GCJ-02 defines.
    """
    lon, lat = _as_arrays(lon, lat)
    dlat = _delta_lat(lon - 105.0, lat - 35.0)
    dlon = _delta_lon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * np.pi
    magic = 1.0 - _EE * np.sin(radlat) ** 2
    sqrtmagic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1.0 - _EE)) / (magic * sqrtmagic) * np.pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * np.cos(radlat) * np.pi)
    inside = _in_china(lon, lat)
    return np.where(inside, lon + dlon, lon), np.where(inside, lat + dlat, lat)


def _invert(forward, lon, lat) -> tuple[np.ndarray, np.ndarray]:
    """Solve ``forward(x) == (lon, lat)`` for x by fixed-point iteration."""
    lon, lat = _as_arrays(lon, lat)
    x, y = lon.copy(), lat.copy()
    for _ in range(_MAX_ITER):
        fx, fy = forward(x, y)
        dx, dy = fx - lon, fy - lat
        x, y = x - dx, y - dy
        if np.nanmax(np.abs(np.concatenate([np.ravel(dx), np.ravel(dy)])), initial=0.0) < _TOL_DEG:
            break
    return x, y


def gcj02_to_wgs84(lon, lat) -> tuple[np.ndarray, np.ndarray]:
    """Convert GCJ-02 longitude/latitude to WGS-84, exactly (iterative inverse).

    Parameters
    ----------
    lon, lat
        GCJ-02 coordinates in degrees.

    Returns
    -------
    tuple of numpy.ndarray
        WGS-84 longitude and latitude; ``wgs84_to_gcj02`` of the result
        reproduces the input to better than 1e-9 degrees.
    """
    return _invert(wgs84_to_gcj02, lon, lat)


def gcj02_to_bd09(lon, lat) -> tuple[np.ndarray, np.ndarray]:
    """Convert GCJ-02 longitude/latitude to Baidu BD-09.

    Parameters
    ----------
    lon, lat
        GCJ-02 coordinates in degrees.

    Returns
    -------
    tuple of numpy.ndarray
        BD-09 longitude and latitude.
    """
    lon, lat = _as_arrays(lon, lat)
    z = np.sqrt(lon * lon + lat * lat) + 0.00002 * np.sin(lat * _X_PI)
    theta = np.arctan2(lat, lon) + 0.000003 * np.cos(lon * _X_PI)
    return z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006


def bd09_to_gcj02(lon, lat) -> tuple[np.ndarray, np.ndarray]:
    """Convert BD-09 longitude/latitude to GCJ-02, exactly (iterative inverse).

    Parameters
    ----------
    lon, lat
        BD-09 coordinates in degrees.

    Returns
    -------
    tuple of numpy.ndarray
        GCJ-02 longitude and latitude.
    """
    return _invert(gcj02_to_bd09, lon, lat)


def wgs84_to_bd09(lon, lat) -> tuple[np.ndarray, np.ndarray]:
    """Convert WGS-84 to BD-09 (via GCJ-02)."""
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def bd09_to_wgs84(lon, lat) -> tuple[np.ndarray, np.ndarray]:
    """Convert BD-09 to WGS-84 (via GCJ-02), exactly."""
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


_CONVERTERS = {
    ("wgs84", "gcj02"): wgs84_to_gcj02,
    ("gcj02", "wgs84"): gcj02_to_wgs84,
    ("gcj02", "bd09"): gcj02_to_bd09,
    ("bd09", "gcj02"): bd09_to_gcj02,
    ("wgs84", "bd09"): wgs84_to_bd09,
    ("bd09", "wgs84"): bd09_to_wgs84,
}


def convert_lonlat(lon, lat, *, source: Datum, target: Datum) -> tuple[np.ndarray, np.ndarray]:
    """Convert coordinates between ``"wgs84"``, ``"gcj02"`` and ``"bd09"``.

    Parameters
    ----------
    lon, lat
        Coordinates in degrees in the ``source`` datum.
    source, target
        One of ``{"wgs84", "gcj02", "bd09"}``.

    Returns
    -------
    tuple of numpy.ndarray
        Longitude and latitude in ``target``.
    """
    for name, value in (("source", source), ("target", target)):
        if value not in DATUMS:
            msg = f"`{name}` was {value!r} but must be one of {DATUMS}."
            raise ValueError(msg)
    if source == target:
        return _as_arrays(lon, lat)
    return _CONVERTERS[(source, target)](lon, lat)


def convert_geometry(data: G, *, source: Datum, target: Datum) -> G:
    """Convert every vertex of geometries between WGS-84, GCJ-02 and BD-09.

    Vectorised over all coordinates at once with :func:`shapely.transform`.

    Parameters
    ----------
    data
        A shapely geometry, a GeoSeries or a GeoDataFrame with lon/lat
        coordinates (a GeoSeries/GeoDataFrame must be in EPSG:4326 or 4490).
    source, target
        One of ``{"wgs84", "gcj02", "bd09"}``.

    Returns
    -------
    same type as ``data``
        A new object; the input is not modified.
    """

    def _func(xy: np.ndarray) -> np.ndarray:
        x, y = convert_lonlat(xy[:, 0], xy[:, 1], source=source, target=target)
        return np.column_stack([x, y])

    if isinstance(data, (gpd.GeoSeries, gpd.GeoDataFrame)):
        _require_geographic(data)
        out = data.copy()
        geoms = shapely.transform(np.asarray(data.geometry.values), _func)
        if isinstance(out, gpd.GeoDataFrame):
            out[out.geometry.name] = gpd.GeoSeries(geoms, index=out.index, crs=data.crs)
        else:
            out = gpd.GeoSeries(geoms, index=data.index, crs=data.crs, name=data.name)
        return out
    return shapely.transform(data, _func)


def _require_geographic(data: gpd.GeoSeries | gpd.GeoDataFrame) -> None:
    if data.crs is None:
        msg = "GCJ-02/BD-09 conversion needs a CRS; set EPSG:4326 with `.set_crs(4326)` first."
        raise CRSError(msg)
    if CRS.from_user_input(data.crs).to_epsg() not in (4326, 4490):
        msg = (
            "GCJ-02/BD-09 conversion works on longitude/latitude only.\n"
            f"Got CRS: {data.crs}\nUse `.to_crs(4326)` first."
        )
        raise CRSError(msg)


def to_metric(data: gpd.GeoSeries | gpd.GeoDataFrame):
    """Reproject to the metric CRS (:data:`geoapp.settings.METRIC_CRS`).

    Every distance, buffer and area in geoapp goes through this function.

    Parameters
    ----------
    data
        A GeoSeries or GeoDataFrame with a CRS.

    Returns
    -------
    GeoSeries or GeoDataFrame
        Reprojected copy in EPSG:4547 (CGCS2000 / 3-degree GK CM 114E), metres.

    Raises
    ------
    CRSError
        If ``data`` has no CRS.
    """
    if data.crs is None:
        msg = "Cannot measure geometries without a CRS. Set one with `.set_crs(4326)` first."
        raise CRSError(msg)
    if data.crs == _METRIC:
        return data.copy(deep=False)  # already metric: no identity transform of every vertex
    transformer = metric_transformer(data.crs)  # one per source CRS and process

    def _project(xy: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    geoms = shapely.transform(np.asarray(data.geometry.array), _project)
    projected = gpd.GeoSeries(geoms, index=data.index, crs=METRIC_CRS)
    if isinstance(data, gpd.GeoDataFrame):
        out = data.copy(deep=False)
        return out.set_geometry(projected.values, crs=METRIC_CRS)  # the same column name
    return projected.rename(data.name)


def _transformer(source: CRS) -> Transformer:
    return _between(source, _METRIC)


@lru_cache(maxsize=64)
def _between(source: CRS, target: CRS) -> Transformer:
    found = Transformer.from_crs(source, target, always_xy=True)
    # pyproj builds a transformer's PROJ object again in every thread that uses it, and
    # the app runs each rerun in a new thread: from the two CRSs that is a database search
    # (50–130 ms a rerun); from the operation found, written as a PROJ pipeline, it is not
    # (a few ms). The same operation, so the same coordinates.
    try:
        piped = Transformer.from_pipeline(found.definition)
    except Exception:  # noqa: BLE001 - an operation PROJ cannot write as a pipeline
        return found
    probe = ([115.0, 114.0], [35.7, 36.0])
    if not np.array_equal(np.array(piped.transform(*probe)), np.array(found.transform(*probe))):
        return found
    return piped


def metric_transformer(source: Any) -> Transformer:
    """The (cached) transformer from ``source`` to the metric CRS, lon/lat order.

    Building a :class:`pyproj.Transformer` costs tens of milliseconds; one per
    source CRS is kept for the process, so evaluating one clicked site is fast.

    Parameters
    ----------
    source
        Anything :meth:`pyproj.CRS.from_user_input` accepts.

    Returns
    -------
    pyproj.Transformer
    """
    return _transformer(CRS.from_user_input(source))


def from_metric(data: gpd.GeoSeries | gpd.GeoDataFrame, crs: Any = "EPSG:4326"):
    """Reproject metric geometries (:func:`to_metric`'s output) back to ``crs``.

    Through the same kind of cached transformer as :func:`to_metric` (cheap in
    a new thread, which is where the app runs each rerun).

    Parameters
    ----------
    data
        A GeoSeries or GeoDataFrame in :data:`geoapp.settings.METRIC_CRS`.
    crs
        The target CRS (default WGS-84 lon/lat).

    Returns
    -------
    GeoSeries or GeoDataFrame
    """
    if data.crs is None:
        msg = "Cannot reproject geometries without a CRS. Set one with `.set_crs(4547)` first."
        raise CRSError(msg)
    target = CRS.from_user_input(crs)
    if data.crs == target:
        return data.copy(deep=False)
    transformer = _between(CRS.from_user_input(data.crs), target)

    def _project(xy: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    geoms = shapely.transform(np.asarray(data.geometry.array), _project)
    projected = gpd.GeoSeries(geoms, index=data.index, crs=target)
    if isinstance(data, gpd.GeoDataFrame):
        return data.copy(deep=False).set_geometry(projected.values, crs=target)
    return projected.rename(data.name)


# --------------------------------------------------------------------------- typed coordinates
_HEMI = {
    "E": "E",
    "W": "W",
    "N": "N",
    "S": "S",
    "东经": "E",
    "西经": "W",
    "北纬": "N",
    "南纬": "S",
    "东": "E",
    "西": "W",
    "北": "N",
    "南": "S",
}
_NUM = r"\d+(?:\.\d+)?"
_COORD = re.compile(
    rf"(?P<pre>东经|西经|北纬|南纬|[NSEW东西南北])?\s*"
    rf"(?P<sign>[-+−])?(?P<deg>{_NUM})\s*"
    rf"(?:(?P<dmark>[°度])\s*"
    rf"(?:(?P<min>{_NUM})\s*['′’分]\s*)?"
    rf"(?:(?P<sec>{_NUM})\s*(?:\"|″|”|''|′′|秒)\s*)?)?"
    rf"(?P<post>[NSEW])?"
)


def parse_lonlat(text: str, *, datum: Datum = "wgs84") -> tuple[float, float]:
    r"""Read a typed or pasted coordinate pair and return WGS-84 longitude, latitude.

    Accepts decimal degrees (``"115.03, 35.76"``, ``"115.03 35.76"``,
    ``"115.03，35.76"``), degrees-minutes-seconds
    (``115°01'30"E 35°45'36"N``, ``东经115度01分30秒 北纬35度45分36秒``) and
    degrees with decimal minutes (``115°01.5'E``). With hemisphere letters the
    order does not matter; without them a pair whose first value cannot be a
    longitude in China but whose second can (``"35.76, 115.03"``) is read as
    latitude, longitude.

    Parameters
    ----------
    text
        The typed text.
    datum
        ``{"wgs84", "gcj02", "bd09"}``: the coordinate system the text is in
        (GCJ-02 from Gaode / Tencent, BD-09 from Baidu); converted to WGS-84.

    Returns
    -------
    (lon, lat) : tuple of float
        WGS-84 degrees.

    Raises
    ------
    ValueError
        When the text does not hold exactly two coordinates, a minute or
        second is 60 or more, or a value is out of range; the message says
        which.

    Examples
    --------
    >>> parse_lonlat("115.03, 35.76")
    (115.03, 35.76)
    >>> [round(v, 6) for v in parse_lonlat("115°01'30\"E 35°45'36\"N")]
    [115.025, 35.76]
    """
    if datum not in DATUMS:
        msg = f"`datum` was {datum!r} but must be one of {DATUMS}."
        raise ValueError(msg)
    src = (text or "").strip().upper().replace("，", ",").replace("；", ";")
    if not src:
        msg = "no coordinate was given; type longitude, latitude, e.g. 115.03, 35.76"
        raise ValueError(msg)
    values: list[tuple[float, str | None]] = []
    pos = 0
    for m in _COORD.finditer(src):
        gap = src[pos : m.start()].strip(" ,;/\t")
        if gap:
            msg = f"could not read {gap!r} in {text!r}; type e.g. 115.03, 35.76"
            raise ValueError(msg)
        pos = m.end()
        minutes = float(m["min"] or 0)
        seconds = float(m["sec"] or 0)
        if minutes >= 60 or seconds >= 60:
            msg = f"minutes and seconds must be below 60 in {m.group(0).strip()!r}"
            raise ValueError(msg)
        value = float(m["deg"]) + minutes / 60 + seconds / 3600
        hemi = _HEMI.get(m["pre"] or m["post"] or "")
        if m["sign"] in ("-", "−") or hemi in ("W", "S"):
            value = -value
        values.append((value, hemi))
    rest = src[pos:].strip(" ,;/\t")
    if rest:
        msg = f"could not read {rest!r} in {text!r}; type e.g. 115.03, 35.76"
        raise ValueError(msg)
    if len(values) != 2:
        msg = f"expected two coordinates (longitude, latitude) but found {len(values)} in {text!r}"
        raise ValueError(msg)
    (a, ha), (b, hb) = values
    if ha in ("N", "S") or hb in ("E", "W"):
        lon, lat = b, a
    elif ha in ("E", "W") or hb in ("N", "S"):
        lon, lat = a, b
    elif not (73 <= a <= 136) and 73 <= b <= 136 and 3 <= a <= 54:
        lon, lat = b, a  # "35.76, 115.03": latitude first
    else:
        lon, lat = a, b
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        msg = f"longitude {lon:g} / latitude {lat:g} out of range in {text!r}"
        raise ValueError(msg)
    if datum != "wgs84":
        x, y = convert_lonlat(lon, lat, source=datum, target="wgs84")
        return float(x), float(y)
    return float(lon), float(lat)
