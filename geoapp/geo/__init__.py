"""Coordinates and geometry shared by every analysis: datums, the metric CRS, spatial look-ups.

The package reads top to bottom as::

    coords     GCJ-02 / BD-09 / WGS-84 conversion (exact inverses), lon/lat parsing in every
               notation, and the one transformation to the metric CRS (EPSG:4547)
    spatial    vectorised county / innermost-zone look-ups (PolygonIndex), points of a frame,
               the "outside 濮阳市" test

Examples
--------
>>> from geoapp.geo import to_metric, wgs84_to_gcj02
>>> lon, lat = wgs84_to_gcj02(115.03, 35.76)  # doctest: +SKIP
"""

from geoapp.geo.coords import (
    DATUMS,
    Datum,
    convert_geometry,
    convert_lonlat,
    from_metric,
    gcj02_to_wgs84,
    metric_transformer,
    parse_lonlat,
    to_metric,
    wgs84_to_bd09,
    wgs84_to_gcj02,
)
from geoapp.geo.spatial import (
    PolygonIndex,
    locate,
    outside_city,
    points_of,
    polygon_lookup,
    random_points,
    require_crs,
)

__all__ = [
    "DATUMS",
    "Datum",
    "PolygonIndex",
    "convert_geometry",
    "convert_lonlat",
    "from_metric",
    "gcj02_to_wgs84",
    "locate",
    "metric_transformer",
    "outside_city",
    "parse_lonlat",
    "points_of",
    "polygon_lookup",
    "random_points",
    "require_crs",
    "to_metric",
    "wgs84_to_bd09",
    "wgs84_to_gcj02",
]
