"""The entry point :func:`read_user_layer`: check the options, open the input, pick the reader."""

from __future__ import annotations

import logging
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO, Literal

import geopandas as gpd
from shapely.geometry.base import BaseGeometry

from geoapp.errors import CRSError, InputFileError
from geoapp.geo import DATUMS
from geoapp.io._crs import _extent_metric, _parse_crs
from geoapp.io._sources import (
    _TABLE_SUFFIXES,
    _VECTOR_SUFFIXES,
    SUPPORTED_SUFFIXES,
    _extract_zip,
    _open_source,
    _Options,
    _path,
    _pick_shapefile,
    _Source,
)
from geoapp.io.result import ImportResult
from geoapp.io.tables import _read_table
from geoapp.io.vector import _read_vector
from geoapp.settings import DEFAULT_LIMITS, Limits
from geoapp.vocab import message

logger = logging.getLogger(__package__)  # "geoapp.io", as before the split


def read_user_layer(
    source: str | Path | bytes | BinaryIO,
    *,
    filename: str | None = None,
    layer: str | None = None,
    crs: str | int | None = None,
    datum: Literal["wgs84", "gcj02", "bd09"] = "wgs84",
    lon_col: str | None = None,
    lat_col: str | None = None,
    encoding: str | None = None,
    extent: BaseGeometry | gpd.GeoDataFrame | gpd.GeoSeries | None = None,
    extent_name: str = "濮阳市",
    fix_swapped: bool = False,
    max_bytes: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportResult:
    """Read a user's layer, bring it to EPSG:4326 and report every unusable row.

    The row checks are vectorised over the whole table (pandas / NumPy /
    shapely); there is no per-row Python loop.

    Parameters
    ----------
    source
        A path (file, or a folder holding one Shapefile), raw bytes, or a
        binary file object such as Streamlit's ``UploadedFile``.
    filename
        The file name, whose ending selects the format; required for bytes and
        for file objects without a ``name``. Supported endings:
        ``.geojson``/``.json``, ``.gpkg``, ``.shp``, ``.zip`` (one Shapefile,
        or one file of another supported format), ``.csv``/``.txt`` and
        ``.tsv`` and ``.xlsx``.
    layer
        GeoPackage layer, Shapefile name (without ``.shp``) inside a folder or
        .zip that holds several, or XLSX sheet. Default: the only layer (an
        error lists them if there are several), or the first sheet.
    crs
        CRS of the coordinates, e.g. ``4547``, ``"EPSG:4526"``; anything
        :class:`pyproj.CRS` accepts. It wins over the file's own CRS (.prj,
        GeoPackage, GeoJSON). Default: the file's CRS; EPSG:4326 for CSV/XLSX.
    datum
        {"wgs84", "gcj02", "bd09"}
        Declares that longitude/latitude are in GCJ-02 (AMap, Tencent) or
        BD-09 (Baidu); they are converted to WGS-84. Only valid with
        EPSG:4326/4490 input.
    lon_col, lat_col
        Coordinate columns of a CSV/XLSX. Default: found by name, see
        :data:`LON_NAMES` and :data:`LAT_NAMES`.
    encoding
        Text encoding of a CSV or a Shapefile's DBF, e.g. ``"UTF-8"``,
        ``"GBK"``. Default: the Shapefile's .cpg, else detected (UTF-8 if the
        bytes are valid UTF-8, otherwise GBK, decoded as GB18030).
    extent
        Area the rows must fall in (touching counts): a GeoDataFrame/GeoSeries
        with a CRS, or a shapely geometry in EPSG:4326. Default: 濮阳市 (the
        ``city`` layer) buffered by 1 km, computed in metres in EPSG:4547.
    extent_name
        Name of the extent in the rejection reason.
    fix_swapped
        If True, a CSV/XLSX row whose longitude and latitude are swapped (the
        swapped point is inside ``extent``, the given one is not) is fixed and
        kept, flagged in a column ``coord_fixed``; if False it is rejected.
    max_bytes
        Largest accepted input in bytes; default ``limits.max_bytes``.
    limits
        Bounds on the work (:class:`geoapp.settings.Limits`): file size, rows,
        uncompressed size and compression ratio of a .zip / .xlsx, text per
        cell. Each refusal names the option that raises it.

    Returns
    -------
    ImportResult
        The usable rows in EPSG:4326, the rejected rows and the warnings.

    Raises
    ------
    InputFileError
        If the file cannot be read at all: too large, unknown format,
        undecodable text, no coordinate columns, projected coordinates without
        ``crs``, several layers without ``layer``. The message names the file,
        the column or value and what to do.
    ValueError
        If an option has an invalid value (``datum``, ``max_bytes``,
        ``extent``).

    See Also
    --------
    geoapp.geo.coords.convert_geometry : the GCJ-02 / BD-09 conversion used here.
    geoapp.layers.catalog.validate_layer : checks a layer against its declaration.

    Notes
    -----
    CSV/XLSX cells are read as text, so rejected values are reported
    verbatim. In the returned ``gdf`` a column whose every value is a number
    (full-width digits and surrounding spaces allowed, no leading zeros such
    as codes ``"0101"``) becomes numeric; a column with a few non-numbers stays
    text and a warning names them. ``"115,03"`` is not a number, except as a
    coordinate in a file separated by ``;`` (a decimal comma).

    Coordinates may also be degrees-minutes-seconds (``115°01'30"``,
    ``115度01分30秒``, ``E115°01.5'``). CSV separators ``,`` ``;`` tab ``|`` and
    the full-width ``，`` are detected; headers may carry units
    (``经度(°E)``). A workbook is read from the first sheet with longitude and
    latitude columns, whose header may sit under title rows or span two rows;
    a 合计 / 总计 row is rejected as a total row. A file whose bytes say it is
    something else (a PDF or a workbook renamed ``.csv``) is refused naming
    what it is; a stray quote that would swallow rows is refused by line.

    Examples
    --------
    >>> result = read_user_layer("sites.csv", datum="gcj02")  # doctest: +SKIP
    >>> with open("parks.zip", "rb") as f:  # doctest: +SKIP
    ...     result = read_user_layer(f.read(), filename="parks.zip")
    """
    if datum not in DATUMS:
        msg = f"`datum` was {datum!r} but must be one of {DATUMS}."
        raise ValueError(msg)
    if max_bytes is None:
        max_bytes = limits.max_bytes
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        msg = f"`max_bytes` must be a positive integer number of bytes, got {max_bytes!r}."
        raise ValueError(msg)
    user_crs = _parse_crs(crs)
    extent_m = _extent_metric(extent)

    opts = _Options(
        layer=layer,
        user_crs=user_crs,
        datum=datum,
        lon_col=lon_col,
        lat_col=lat_col,
        encoding=encoding,
        extent_m=extent_m,
        extent_name=extent_name,
        fix_swapped=fix_swapped,
        max_bytes=max_bytes,
        max_rows=limits.max_rows,
        max_expanded_bytes=max(limits.max_expanded_bytes, 0),
        max_ratio=limits.max_ratio,
        max_cell_chars=limits.max_cell_chars,
    )
    with ExitStack() as stack:
        src = _open_source(source, filename=filename, max_bytes=max_bytes)
        try:
            result = _dispatch(src, opts, stack)
        except (InputFileError, CRSError):
            raise
        except MemoryError as exc:
            msg = message(
                "{name} needs more memory than this computer has; split the file or lower "
                "the limits (--max-rows, --max-bytes).",
                name=src.name,
            )
            raise InputFileError(msg) from exc
        except Exception as exc:  # uploaded files are untrusted: no traceback reaches the user
            logger.debug("reading %s failed", src.name, exc_info=True)
            msg = message(
                "{name} cannot be read ({detail}). Check that the file is complete and of the "
                "kind its ending says; re-save it from its program.",
                name=src.name,
                detail=f"{type(exc).__name__}: {exc}",
            )
            raise InputFileError(msg) from exc
    logger.info(result.summary())
    return result


def _dispatch(src: _Source, opts: _Options, stack: ExitStack) -> ImportResult:
    if src.suffix in _TABLE_SUFFIXES:
        data = src.data if src.data is not None else _path(src).read_bytes()
        return _read_table(data, src, opts)
    if src.suffix == "" and src.path is not None and src.path.is_dir():
        return _read_vector(_pick_shapefile(src.path, src.name, opts.layer), src, opts)
    if src.suffix == ".zip":
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="geoapp-")))
        inner = _extract_zip(src, tmp, opts, opts.layer)
        if inner.suffix.lower() in _TABLE_SUFFIXES:
            return _read_table(inner.read_bytes(), src, opts, suffix=inner.suffix.lower())
        return _read_vector(inner, src, opts, layer_used=inner.suffix.lower() == ".shp")
    if src.suffix in _VECTOR_SUFFIXES:
        if src.path is not None:
            return _read_vector(src.path, src, opts)
        if src.suffix == ".shp":
            msg = message(
                "{name}: a Shapefile is several files (.shp, .shx, .dbf, .prj, .cpg); "
                "upload them together as one .zip.",
                name=src.name,
            )
            raise InputFileError(msg)
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="geoapp-")))
        path = tmp / f"upload{src.suffix}"  # never the user's name: it could hold "../"
        path.write_bytes(src.data or b"")
        return _read_vector(path, src, opts)
    old_excel = src.suffix in (".xls", ".xlsm", ".et")
    msg = message(
        "{name}: unsupported file type {suffix!r}.{hint} "
        "Supported: {supported}, or a folder with one Shapefile.",
        name=src.name,
        suffix=src.suffix or "(no ending)",
        hint=message(" Save it as .xlsx in Excel.") if old_excel else "",
        supported=", ".join(SUPPORTED_SUFFIXES),
    )
    raise InputFileError(msg)
