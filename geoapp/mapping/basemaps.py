"""Basemap tiles and the GCJ-02 display shift.

:data:`BASEMAPS` lists the tile choices; :func:`_basemap_tiles` builds their
``folium.TileLayer`` objects. On a Gaode basemap (GCJ-02) overlays are shifted
from WGS-84 for display only (:func:`_display`), and positions clicked or drawn
on the map are converted back with :func:`to_wgs84` /
:func:`geometry_to_wgs84`; :func:`basemap_datum` says which datum a basemap
needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import folium
import geopandas as gpd
import shapely

from geoapp.geo import convert_geometry, convert_lonlat
from geoapp.settings import STORAGE_CRS
from geoapp.vocab import translate as _t

Datum = Literal["wgs84", "gcj02"]

#: Basemaps offered, with their Chinese titles.
BASEMAPS: Mapping[str, str] = {
    "none": "无底图（离线）",
    "osm": "OpenStreetMap",
    "tianditu_vec": "天地图·矢量",
    "tianditu_img": "天地图·影像",
    "gaode": "高德地图（GCJ-02）",
}

_TIANDITU = (
    "https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
    "&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles"
    "&TILEMATRIX={{z}}&TILEROW={{y}}&TILECOL={{x}}&tk={key}"
)
_GAODE = (
    "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8"
    "&x={x}&y={y}&z={z}"
)
_OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


def basemap_datum(basemap: str) -> Datum:
    """The datum overlays must be drawn in for a basemap (``"gcj02"`` for Gaode)."""
    _check_basemap(basemap)
    return "gcj02" if basemap == "gaode" else "wgs84"


def _check_basemap(basemap: str) -> None:
    if basemap not in BASEMAPS:
        msg = f"`basemap` was {basemap!r} but must be one of {tuple(BASEMAPS)}."
        raise ValueError(msg)


def _display(gdf: gpd.GeoDataFrame, datum: Datum) -> gpd.GeoDataFrame:
    """The layer in EPSG:4326, shifted to GCJ-02 for a Gaode basemap (a copy)."""
    if gdf.crs is None:
        msg = "A map layer has no CRS; set one with `.set_crs(4326)` before drawing it."
        raise ValueError(msg)
    out = gdf if gdf.crs.to_epsg() == 4326 else gdf.to_crs(STORAGE_CRS)
    if datum == "gcj02":
        out = convert_geometry(out, source="wgs84", target="gcj02")
    return out


def to_wgs84(lon: float, lat: float, *, basemap: str) -> tuple[float, float]:
    """Convert a position clicked on the map back to WGS-84.

    On a Gaode basemap the map shows GCJ-02, so a click is GCJ-02 and is
    converted with the exact inverse; on the other basemaps it is returned
    unchanged.

    Parameters
    ----------
    lon, lat
        The clicked position in degrees.
    basemap
        The basemap the map was drawn with.

    Returns
    -------
    tuple of float
        WGS-84 longitude and latitude.
    """
    if basemap_datum(basemap) == "wgs84":
        return float(lon), float(lat)
    x, y = convert_lonlat(lon, lat, source="gcj02", target="wgs84")
    return float(x), float(y)


def geometry_to_wgs84(geom: shapely.Geometry, *, basemap: str) -> shapely.Geometry:
    """Convert a geometry drawn on the map back to WGS-84 (see :func:`to_wgs84`)."""
    if basemap_datum(basemap) == "wgs84":
        return geom
    return convert_geometry(geom, source="gcj02", target="wgs84")


def _basemap_tiles(basemap: str, tianditu_key: str | None, lang: str) -> list[folium.TileLayer]:
    if basemap == "none":
        return []
    if basemap == "osm":
        return [
            folium.TileLayer(
                _OSM,
                attr="© OpenStreetMap contributors",
                name="OpenStreetMap",
                max_zoom=19,
                control=False,
            )
        ]
    if basemap in ("tianditu_vec", "tianditu_img"):
        if not tianditu_key or not str(tianditu_key).strip():
            msg = (
                f"`basemap`={basemap!r} needs the user's Tianditu key: pass `tianditu_key` "
                "(apply for one at the 天地图 developer site), or choose another basemap."
            )
            raise ValueError(msg)
        key = "".join(ch for ch in str(tianditu_key).strip() if ch.isalnum())
        base, note = ("vec", "cva") if basemap == "tianditu_vec" else ("img", "cia")
        sub: Any = list("01234567")  # folium types one string; Leaflet takes a list
        return [
            folium.TileLayer(
                _TIANDITU.format(s="{s}", layer=base, key=key),
                attr="© 天地图",
                name=_t(BASEMAPS[basemap], lang),
                subdomains=sub,
                max_zoom=18,
                control=False,
            ),
            folium.TileLayer(
                _TIANDITU.format(s="{s}", layer=note, key=key),
                attr="© 天地图",
                name="天地图注记",
                subdomains=sub,
                max_zoom=18,
                overlay=True,
                control=False,
            ),
        ]
    return [
        folium.TileLayer(
            _GAODE,
            attr="© 高德地图 (GCJ-02)",
            name=_t(BASEMAPS["gaode"], lang),
            subdomains="1234",
            max_zoom=18,
            control=False,
        )
    ]


def to_display(lon: float, lat: float, *, basemap: str) -> tuple[float, float]:
    """A WGS-84 position where the map shows it (GCJ-02 on a Gaode basemap).

    The inverse of :func:`to_wgs84`; used to centre the map on a typed
    coordinate.
    """
    if basemap_datum(basemap) == "gcj02":
        x, y = convert_lonlat(lon, lat, source="wgs84", target="gcj02")
        return float(x), float(y)
    return float(lon), float(lat)
