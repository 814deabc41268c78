"""Write layers and results for GIS teams: GeoJSON, GeoPackage, Shapefile, CSV.

Every writer goes through :func:`geoapp._atomic.atomic_path`, so an interrupted
export never leaves a broken file and never destroys the previous one.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pyogrio

from geoapp._atomic import atomic_path
from geoapp._errors import CRSError

#: Decimal places of GeoJSON coordinates (RFC 7946 advises no more than needed; 1e-7° ≈ 1 cm).
GEOJSON_PRECISION = 7


def write_geojson(gdf: gpd.GeoDataFrame, path: str | Path) -> Path:
    """Write an RFC 7946 GeoJSON file (WGS-84, right-hand winding, 7 decimals, UTF-8).

    Parameters
    ----------
    gdf
        Layer with a CRS; it is reprojected to EPSG:4326.
    path
        Output file.

    Returns
    -------
    pathlib.Path
        The written path.
    """
    if gdf.crs is None:
        msg = "Cannot export a layer without a CRS; set one with `.set_crs(4326)`."
        raise CRSError(msg)
    out = gdf.to_crs(4326)
    with atomic_path(path) as tmp:
        pyogrio.write_dataframe(
            out,
            tmp,
            driver="GeoJSON",
            layer_options={
                "RFC7946": "YES",
                "COORDINATE_PRECISION": str(GEOJSON_PRECISION),
                "WRITE_NAME": "NO",
            },
        )
    return Path(path)
