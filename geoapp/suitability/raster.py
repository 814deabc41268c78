"""Writing the surface as a Cloud-Optimized GeoTIFF (rasterio / GDAL).

Tiles are written, in order, into a tiled, compressed GeoTIFF beside the
output; GDAL's ``COG`` driver then copies it into the final file with
internal overviews (nearest neighbour, so the rule codes stay codes),
DEFLATE compression with the floating-point predictor, 512-pixel blocks, the
band descriptions and the metadata tags. The final file appears only when
complete (:func:`geoapp.io.atomic.atomic_path`). Nothing is held in memory but
the tile being written and GDAL's block cache (:data:`GDAL_CACHE_MB`).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import rasterio
import rasterio.shutil
from rasterio.windows import Window as RioWindow

from geoapp.io import atomic_path
from geoapp.suitability.grid import Grid, Window

#: No-data value of both bands (outside the city).
NODATA = -1.0
#: GDAL block cache while writing, in MB (bounds the writer's memory).
GDAL_CACHE_MB = 256
#: Band descriptions of the surface.
BAND_DESCRIPTIONS: tuple[str, str] = (
    "score: suitability 0-100, weighted sum of the transformed criteria, rounded to 0.1",
    "rule: code of the failed hard rule, 0 = none (table in metadata GEOAPP_RULE_CODES)",
)


def write_cog(
    path: str | Path,
    grid: Grid,
    tiles: Iterable[tuple[Window, np.ndarray, np.ndarray]],
    *,
    tags: Mapping[str, str],
    descriptions: tuple[str, str] = BAND_DESCRIPTIONS,
) -> Path:
    """Write ``(window, score, rule)`` tiles into a two-band COG at ``path``.

    Parameters
    ----------
    path
        The output ``.tif``; replaced only when the new file is complete.
    grid
        The surface's grid (EPSG:4547).
    tiles
        ``(window, score, rule)`` with float32 arrays of the window's shape,
        :data:`NODATA` outside the city. Cells of windows never given stay no data.
    tags
        Dataset metadata (``GEOAPP_PARAMETERS`` …).
    descriptions
        The two band descriptions.

    Returns
    -------
    pathlib.Path
    """
    path = Path(path)
    with atomic_path(path) as final_tmp:
        work = Path(tempfile.mkdtemp(prefix=".surface.", dir=final_tmp.parent))
        try:
            inter = work / "tiles.tif"
            with rasterio.Env(GDAL_CACHEMAX=GDAL_CACHE_MB, GDAL_NUM_THREADS="1"):
                with rasterio.open(
                    inter,
                    "w",
                    driver="GTiff",
                    width=grid.width,
                    height=grid.height,
                    count=2,
                    dtype="float32",
                    crs=grid.crs,
                    transform=grid.transform,
                    nodata=NODATA,
                    tiled=True,
                    blockxsize=512,
                    blockysize=512,
                    compress="deflate",
                    zlevel=1,
                    bigtiff="IF_SAFER",
                ) as dst:
                    for win, score, rule in tiles:
                        rw = RioWindow(win.col0, win.row0, win.width, win.height)
                        dst.write(np.asarray(score, dtype=np.float32), 1, window=rw)
                        dst.write(np.asarray(rule, dtype=np.float32), 2, window=rw)
                    for band, text in enumerate(descriptions, start=1):
                        dst.set_band_description(band, text)
                    dst.update_tags(**dict(tags))
                rasterio.shutil.copy(
                    inter,
                    final_tmp,
                    driver="COG",
                    COMPRESS="DEFLATE",
                    PREDICTOR="YES",
                    BLOCKSIZE=512,
                    OVERVIEW_RESAMPLING="NEAREST",
                    BIGTIFF="IF_SAFER",
                    NUM_THREADS="1",
                )
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return path
