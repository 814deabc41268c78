"""Import of user layers: GeoJSON, GeoPackage, Shapefile, CSV and XLSX, with row reports.

:func:`read_user_layer` reads a file a planner uploads (a path, raw bytes or a
file object such as Streamlit's ``UploadedFile``), brings it to EPSG:4326 and
checks every row. Rows that cannot be used are never dropped silently: each one
is listed in :attr:`ImportResult.rejected` with its row number as the user sees
it, a bilingual reason, the offending column and value and the whole raw row,
so ``len(result.gdf) + len(result.rejected)`` always equals the number of input
rows.

Uploaded files are treated as data, never as code: nothing is unpickled or
evaluated; archives are extracted only inside a temporary folder.

Examples
--------
>>> from geoapp.io import read_user_layer
>>> result = read_user_layer("projects.csv", fix_swapped=True)  # doctest: +SKIP
>>> result.summary()  # doctest: +SKIP
'loaded 37 rows, rejected 3 (2 坐标缺失, 1 超出市域) from projects.csv (GBK)'
"""

from __future__ import annotations

import codecs
import io
import logging
import os
import re
import tempfile
import unicodedata
import zipfile
from contextlib import ExitStack
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pyogrio.errors
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError as PyprojCRSError
from shapely.geometry.base import BaseGeometry

from geoapp import settings
from geoapp._errors import CRSError, InputFileError
from geoapp.coords import DATUMS, convert_geometry, to_metric

__all__ = [
    "LAT_NAMES",
    "LON_NAMES",
    "SUPPORTED_SUFFIXES",
    "ImportResult",
    "read_user_layer",
]

logger = logging.getLogger(__name__)

#: Column names recognised as longitude / latitude (compared case-insensitively,
#: after Unicode NFKC normalisation and removal of all whitespace).
LON_NAMES: tuple[str, ...] = (
    "经度", "东经", "lon", "lng", "long", "longitude", "x", "横坐标", "x坐标",
)  # fmt: skip
LAT_NAMES: tuple[str, ...] = ("纬度", "北纬", "lat", "latitude", "y", "纵坐标", "y坐标")

_VECTOR_SUFFIXES = (".geojson", ".json", ".gpkg", ".shp")
_TABLE_SUFFIXES = (".csv", ".txt", ".xlsx")
#: File name endings :func:`read_user_layer` accepts (plus a folder holding one Shapefile).
SUPPORTED_SUFFIXES: tuple[str, ...] = (*_VECTOR_SUFFIXES, ".zip", *_TABLE_SUFFIXES)

#: The default extent is the city outline buffered by this many metres.
EXTENT_BUFFER_M = 1_000.0
#: A .zip may expand to at most this multiple of ``max_bytes``.
_ZIP_MAX_EXPANSION = 10
#: At most this many rows are named one by one in a warning.
_MAX_LISTED = 20

REASON_EMPTY_ROW = "空行 / empty row"
REASON_MISSING = "坐标缺失 / missing coordinate"
REASON_NOT_NUMERIC = "坐标非数字 / non-numeric coordinate"
REASON_SWAPPED = (
    "经纬度颠倒 / longitude and latitude swapped (to fix them: --fix-swapped, or fix_swapped=True)"
)
REASON_EMPTY_GEOMETRY = "几何为空 / empty geometry"
REASON_INVALID_GEOMETRY = "几何无效 / invalid geometry that cannot be repaired"
COORD_FIXED = "经纬度已交换 / lon-lat swapped"

_DATUM_LABELS = {"wgs84": None, "gcj02": "GCJ-02", "bd09": "BD-09"}
_GBK_NAMES = {"gbk", "gb2312", "gb18030", "cp936", "936", "ansi936", "euc-cn", "euccn"}
_UTF8_NAMES = {"utf-8", "utf8", "65001", "cp65001"}
_UTF8_BOM_NAMES = {"utf-8-bom", "utf-8-sig", "utf8-bom", "utf8-sig"}
_DELIMITERS = (",", "\t", ";", "|")
_POLYGONAL = (3, 6)  # shapely type ids of Polygon, MultiPolygon


@dataclass(frozen=True, eq=False)
class ImportResult:
    """What :func:`read_user_layer` read, and what it had to reject.

    Attributes
    ----------
    gdf
        The usable rows in EPSG:4326, with the file's attribute columns, a
        column ``source_row`` (the row number the user sees: for CSV/XLSX the
        spreadsheet row, header = 1, first data row = 2; for vector files the
        1-based feature number) and, when ``fix_swapped=True`` was passed, a
        column ``coord_fixed``.
    rejected
        One row per rejected input row, columns ``row`` (int), ``reason``
        (Chinese / English), ``column``, ``value`` (the offending raw value)
        and ``values`` (the whole raw row as JSON, non-ASCII kept).
    warnings
        Everything that was assumed or repaired, one message each.
    source_name
        The file name shown to the user.
    encoding
        The text encoding the attributes were read in (``"UTF-8"``,
        ``"UTF-8-BOM"``, ``"GBK"``, …), or ``None`` for XLSX.
    crs_in
        The CRS or datum the coordinates were read as, e.g. ``"EPSG:4547"``
        or ``"GCJ-02"``.
    """

    gdf: gpd.GeoDataFrame
    rejected: pd.DataFrame
    warnings: tuple[str, ...]
    source_name: str
    encoding: str | None
    crs_in: str

    def summary(self) -> str:
        """Return a one-line report.

        Returns
        -------
        str
            For example ``"loaded 37 rows, rejected 3 (2 坐标缺失, 1 超出市域)
            from foo.csv (GBK)"``.
        """
        text = f"loaded {len(self.gdf)} rows, rejected {len(self.rejected)}"
        if len(self.rejected):
            short = self.rejected["reason"].str.split(" / ").str[0]
            counts = short.value_counts(sort=False).sort_values(ascending=False, kind="stable")
            text += " (" + ", ".join(f"{n} {reason}" for reason, n in counts.items()) + ")"
        text += f" from {self.source_name}"
        if self.encoding:
            text += f" ({self.encoding})"
        return text


# --------------------------------------------------------------------------- entry point


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
    max_bytes: int = settings.MAX_UPLOAD_BYTES,
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
        ``.xlsx``.
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
        Largest accepted input in bytes (default
        :data:`geoapp.settings.MAX_UPLOAD_BYTES`, 50 MiB).

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
    geoapp.coords.convert_geometry : the GCJ-02 / BD-09 conversion used here.
    geoapp.catalog.validate_layer : checks a layer against its declaration.

    Notes
    -----
    CSV/XLSX cells are read as text, so rejected values are reported
    verbatim. In the returned ``gdf`` a column whose every value is a number
    (full-width digits and surrounding spaces allowed, no leading zeros such
    as codes ``"0101"``) becomes numeric; a column with a few non-numbers stays
    text and a warning names them. ``"115,03"`` is not a number.

    Examples
    --------
    >>> result = read_user_layer("sites.csv", datum="gcj02")  # doctest: +SKIP
    >>> with open("parks.zip", "rb") as f:  # doctest: +SKIP
    ...     result = read_user_layer(f.read(), filename="parks.zip")
    """
    if datum not in DATUMS:
        msg = f"`datum` was {datum!r} but must be one of {DATUMS}."
        raise ValueError(msg)
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
    )
    with ExitStack() as stack:
        src = _open_source(source, filename=filename, max_bytes=max_bytes)
        result = _dispatch(src, opts, stack)
    logger.info(result.summary())
    return result


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class _Options:
    layer: str | None
    user_crs: CRS | None
    datum: str
    lon_col: str | None
    lat_col: str | None
    encoding: str | None
    extent_m: shapely.Geometry
    extent_name: str
    fix_swapped: bool
    max_bytes: int


@dataclass(frozen=True)
class _Source:
    name: str  # shown to the user
    suffix: str  # lower-case ending, "" for a folder
    path: Path | None  # on disk, or None when only `data` is known
    data: bytes | None


def _format_size(n: int) -> str:
    return f"{n:,} bytes ({n / 1024 / 1024:.1f} MiB)"


def _check_size(size: int, max_bytes: int, name: str, *, at_least: bool = False) -> None:
    if size > max_bytes:
        msg = (
            f"{name} is {'more than ' if at_least else ''}{_format_size(size)}, larger than "
            f"the limit of {_format_size(max_bytes)}. Split the file, drop unneeded columns, "
            "or raise `max_bytes`."
        )
        raise InputFileError(msg)


def _suffix_of(name: str) -> str:
    return Path(name).suffix.lower()


def _shapefile_parts(shp: Path) -> list[Path]:
    """The .shp and its side-car files (same stem, any case)."""
    stem = shp.stem.lower()
    return [p for p in shp.parent.iterdir() if p.is_file() and p.stem.lower() == stem]


def _open_source(source, *, filename: str | None, max_bytes: int) -> _Source:
    if isinstance(source, (bytes, bytearray, memoryview)):
        if not filename:
            msg = (
                "`filename` is required when `source` is bytes: its ending (.csv, .xlsx, "
                f".geojson, .gpkg, .zip, …) selects the format. Supported: {SUPPORTED_SUFFIXES}."
            )
            raise InputFileError(msg)
        data = bytes(source)
        name = Path(filename).name
        _check_size(len(data), max_bytes, name)
        return _Source(name, _suffix_of(name), None, data)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists():
            msg = f"`source` {str(path)!r} does not exist. Check the path."
            raise InputFileError(msg)
        name = Path(filename).name if filename else path.name
        if path.is_dir():
            size = sum(p.stat().st_size for p in path.iterdir() if p.is_file())
            _check_size(size, max_bytes, name)
            return _Source(name, "", path, None)
        suffix = _suffix_of(filename or path.name)
        parts = _shapefile_parts(path) if suffix == ".shp" else [path]
        _check_size(sum(p.stat().st_size for p in parts), max_bytes, name)
        return _Source(name, suffix, path, None)
    if hasattr(source, "read"):
        raw_name = filename or getattr(source, "name", None)
        if not raw_name or not isinstance(raw_name, str):
            msg = (
                "`filename` is required for a file object without a name: its ending "
                f"selects the format. Supported: {SUPPORTED_SUFFIXES}."
            )
            raise InputFileError(msg)
        name = Path(raw_name).name
        size = getattr(source, "size", None)
        if isinstance(size, int):
            _check_size(size, max_bytes, name)
        # BytesIO (and Streamlit's UploadedFile) give the whole content whatever the position.
        data = source.getvalue() if hasattr(source, "getvalue") else source.read(max_bytes + 1)
        if isinstance(data, str):
            msg = f"{name}: `source` is a text stream; open the file in binary mode ('rb')."
            raise InputFileError(msg)
        data = bytes(data)
        _check_size(len(data), max_bytes, name, at_least=not hasattr(source, "getvalue"))
        return _Source(name, _suffix_of(name), None, data)
    msg = (
        "`source` must be a path, bytes or a binary file object, "
        f"got {type(source).__name__}."
    )
    raise TypeError(msg)


def _dispatch(src: _Source, opts: _Options, stack: ExitStack) -> ImportResult:
    if src.suffix in _TABLE_SUFFIXES:
        data = src.data if src.data is not None else src.path.read_bytes()
        return _read_table(data, src, opts)
    if src.suffix == "" and src.path is not None and src.path.is_dir():
        return _read_vector(_pick_shapefile(src.path, src.name, opts.layer), src, opts)
    if src.suffix == ".zip":
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="geoapp-")))
        inner = _extract_zip(src, tmp, opts.max_bytes, opts.layer)
        if inner.suffix.lower() in _TABLE_SUFFIXES:
            return _read_table(inner.read_bytes(), src, opts, suffix=inner.suffix.lower())
        return _read_vector(inner, src, opts, layer_used=inner.suffix.lower() == ".shp")
    if src.suffix in _VECTOR_SUFFIXES:
        if src.path is not None:
            return _read_vector(src.path, src, opts)
        if src.suffix == ".shp":
            msg = (
                f"{src.name}: a Shapefile is several files (.shp, .shx, .dbf, .prj, .cpg); "
                "upload them together as one .zip."
            )
            raise InputFileError(msg)
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="geoapp-")))
        path = tmp / f"upload{src.suffix}"  # never the user's name: it could hold "../"
        path.write_bytes(src.data)
        return _read_vector(path, src, opts)
    hint = " Save it as .xlsx in Excel." if src.suffix in (".xls", ".xlsm", ".et") else ""
    msg = (
        f"{src.name}: unsupported file type {src.suffix or '(no ending)'!r}.{hint} "
        f"Supported: {', '.join(SUPPORTED_SUFFIXES)}, or a folder with one Shapefile."
    )
    raise InputFileError(msg)


def _pick_shapefile(folder: Path, name: str, layer: str | None) -> Path:
    shps = sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() == ".shp" and not _is_junk(p.relative_to(folder))
    )  # fmt: skip
    if not shps:
        msg = f"{name}: no .shp file found. Put the Shapefile (.shp, .shx, .dbf, .prj) in it."
        raise InputFileError(msg)
    if layer is not None:
        chosen = [p for p in shps if p.stem == layer]
        if not chosen:
            msg = (
                f"{name}: `layer` was {layer!r} but the Shapefiles are "
                f"{[p.stem for p in shps]}. Pass one of these names."
            )
            raise InputFileError(msg)
        return chosen[0]
    if len(shps) > 1:
        msg = (
            f"{name} holds {len(shps)} Shapefiles: {[p.stem for p in shps]}. "
            f"Pass `layer=` with one of these names, e.g. layer={shps[0].stem!r}."
        )
        raise InputFileError(msg)
    return shps[0]


def _is_junk(rel: Path) -> bool:
    """Hidden files and macOS resource forks (``.DS_Store``, ``__MACOSX/._a.shp``)."""
    return any(
        part == "__MACOSX" or (part.startswith(".") and part not in (".", ".."))
        for part in rel.parts
    )


def _extract_zip(src: _Source, tmp: Path, max_bytes: int, layer: str | None) -> Path:
    """Extract a .zip safely and return the data file inside it."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(src.data) if src.data is not None else src.path)
    except zipfile.BadZipFile as exc:
        msg = f"{src.name} is not a valid .zip archive ({exc}). Re-create the archive."
        raise InputFileError(msg) from exc
    with zf:
        members = [m for m in zf.infolist() if not m.is_dir() and not _is_junk(Path(m.filename))]
        expanded = sum(m.file_size for m in members)
        limit = _ZIP_MAX_EXPANSION * max_bytes
        if expanded > limit:
            msg = (
                f"{src.name} expands to {_format_size(expanded)}, more than "
                f"{_ZIP_MAX_EXPANSION} × `max_bytes` ({_format_size(limit)}). "
                "Upload a smaller archive or raise `max_bytes`."
            )
            raise InputFileError(msg)
        root = tmp.resolve()
        for m in members:
            target = (root / m.filename).resolve()
            if not target.is_relative_to(root):
                msg = f"{src.name}: archive member {m.filename!r} points outside the archive."
                raise InputFileError(msg)
            zf.extract(m, root)
    if any(Path(m.filename).suffix.lower() == ".shp" for m in members):
        return _pick_shapefile(root, src.name, layer)
    others = [
        root / m.filename for m in members
        if Path(m.filename).suffix.lower() in (*_VECTOR_SUFFIXES, *_TABLE_SUFFIXES)
    ]  # fmt: skip
    if len(others) != 1:
        msg = (
            f"{src.name} must contain one Shapefile or one data file "
            f"({', '.join(SUPPORTED_SUFFIXES)}); it contains "
            f"{[m.filename for m in members] or 'nothing'}."
        )
        raise InputFileError(msg)
    return others[0]


# --------------------------------------------------------------------------- CRS, extent


def _parse_crs(crs: str | int | None) -> CRS | None:
    if crs is None:
        return None
    value = int(crs) if isinstance(crs, str) and crs.strip().isdigit() else crs
    try:
        parsed = CRS.from_user_input(value)
    except (PyprojCRSError, TypeError, ValueError) as exc:
        msg = (
            f"`crs` was {crs!r}, which pyproj does not recognise. Pass an EPSG code such as "
            "4326 (WGS-84), 4490 (CGCS2000) or 4547 (CGCS2000 / 3-degree Gauss-Krüger CM 114E)."
        )
        raise InputFileError(msg) from exc
    if not (parsed.is_geographic or parsed.is_projected):
        msg = f"`crs` was {crs!r} ({parsed.name}), which is not a horizontal 2-D CRS."
        raise InputFileError(msg)
    return parsed


def _crs_label(crs: CRS) -> str:
    epsg = crs.to_epsg()
    return f"EPSG:{epsg}" if epsg else crs.name


def _check_datum(datum: str, crs: CRS, name: str) -> None:
    if datum != "wgs84" and crs.to_epsg() not in (4326, 4490):
        msg = (
            f"{name}: `datum`={datum!r} declares longitude/latitude on a Chinese web map, "
            f"but the coordinates are in {_crs_label(crs)} ({crs.name}). GCJ-02/BD-09 apply "
            "to longitude/latitude only: drop `datum` or `crs`."
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
    return (
        f'crs="EPSG:4547" ({CRS.from_epsg(4547).name}, the zone of 濮阳市, easting without '
        "zone prefix, about 400 000–600 000 m); if the easting has 8 digits starting with 38 "
        f'(the zone prefix), use crs="EPSG:4526" ({CRS.from_epsg(4526).name}) instead'
    )


def _looks_projected(x: np.ndarray, y: np.ndarray) -> bool:
    both = np.maximum(np.abs(x), np.abs(y))
    both = both[np.isfinite(both)]
    return bool(len(both)) and float(np.median(both)) > 180.0


@cache
def _default_extent_wkb() -> bytes:
    from geoapp.catalog import load_layer  # the shipped city outline, read once per process

    geom = to_metric(load_layer("city").geometry).union_all().buffer(EXTENT_BUFFER_M)
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
        geoms = convert_geometry(geoms, source=datum, target="wgs84")
    return geoms


# --------------------------------------------------------------------------- text helpers


def _codec(encoding: str) -> str:
    key = encoding.strip().lower().replace("_", "-")
    if key in _GBK_NAMES:
        return "gb18030"
    if key in _UTF8_BOM_NAMES:
        return "utf-8-sig"
    if key in _UTF8_NAMES:
        return "utf-8"
    try:
        return codecs.lookup(key).name
    except LookupError as exc:
        msg = f"`encoding` was {encoding!r}, which is not a known encoding; try 'UTF-8' or 'GBK'."
        raise InputFileError(msg) from exc


def _encoding_label(encoding: str) -> str:
    codec = _codec(encoding)
    return {"gb18030": "GBK", "utf-8": "UTF-8", "utf-8-sig": "UTF-8-BOM"}.get(
        codec, encoding.strip().upper()
    )


def _normalise_text(s: pd.Series) -> pd.Series:
    """NFKC (full-width → ASCII), Unicode minus → '-', zero-width removed, stripped."""
    text = s.astype("string").str.normalize("NFKC")
    text = text.str.replace("\u2212", "-", regex=False).str.replace(
        "[\u200b\u200c\u200d\ufeff]", "", regex=True
    )
    return text.str.strip()


def _parse_numbers(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Parse text to float, vectorised.

    Returns
    -------
    tuple of numpy.ndarray
        The values (NaN where not a finite number) and a mask of missing cells.
    """
    text = _normalise_text(s)
    missing = (text.isna() | (text == "")).to_numpy(dtype=bool)
    values = pd.to_numeric(text.astype(object).where(~missing), errors="coerce")
    values = values.to_numpy(dtype="float64", na_value=np.nan)
    return np.where(np.isfinite(values), values, np.nan), missing


def _column_key(name) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(name))).lower()


def _json_rows(frame: pd.DataFrame) -> np.ndarray:
    """Each row as a JSON object (non-ASCII kept), vectorised by pandas."""
    if frame.empty:
        return np.array([], dtype=object)
    text = frame.to_json(
        orient="records",
        lines=True,
        force_ascii=False,
        double_precision=15,
        date_format="iso",
        default_handler=str,
    )
    lines = pd.Series(text.split("\n")[: len(frame)], dtype=object)
    # pandas escapes "/" as "\/"; both are valid JSON, json.dumps writes "/".
    return lines.str.replace("\\/", "/", regex=False).to_numpy(dtype=object)


def _rejected_frame(
    rows: np.ndarray,
    reasons: np.ndarray,
    columns: np.ndarray,
    values: np.ndarray,
    raw: pd.DataFrame,
) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            "row": np.asarray(rows, dtype="int64"),
            "reason": pd.array(reasons, dtype=object),
            "column": pd.array(columns, dtype=object),
            "value": pd.array(values, dtype=object),
            "values": _json_rows(raw) if len(raw) else np.array([], dtype=object),
        }
    )
    return out.sort_values("row", kind="stable").reset_index(drop=True)


def _list_rows(rows: np.ndarray) -> str:
    shown = ", ".join(str(r) for r in rows[:_MAX_LISTED])
    more = len(rows) - _MAX_LISTED
    return shown + (f" … and {more} more" if more > 0 else "")


def _reserve_columns(
    frame: pd.DataFrame, names: tuple[str, ...], source: str
) -> tuple[pd.DataFrame, list[str]]:
    """Rename file columns that clash with the ones geoapp adds."""
    renames = {c: f"{c}_file" for c in names if c in frame.columns}
    warnings = [
        f"column {old!r} of {source} renamed to {new!r}: geoapp adds its own {old!r}"
        for old, new in renames.items()
    ]
    return frame.rename(columns=renames), warnings


def _coerce_numeric_columns(
    frame: pd.DataFrame, rows: np.ndarray
) -> tuple[pd.DataFrame, list[str]]:
    """Turn all-number text columns into numbers; warn about a few non-numbers in a column."""
    converted: dict[str, pd.Series] = {}
    warnings: list[str] = []
    for col in frame.columns:  # per column, never per row
        text = _normalise_text(frame[col])
        present = (text.notna() & (text != "")).to_numpy(dtype=bool)
        if not present.any():
            continue
        values, _ = _parse_numbers(frame[col])
        parsed = present & np.isfinite(values)
        bad = present & ~parsed
        if bad.any():
            if parsed.sum() >= bad.sum():
                raw = frame[col].to_numpy(dtype=object)
                shown = "; ".join(
                    f"row {r}: {v!r}" for r, v in zip(rows[bad][:5], raw[bad][:5])
                )
                warnings.append(
                    f"column {col!r}: {int(bad.sum())} value(s) are not numbers, so the column "
                    f"is kept as text ({shown}); fix them to use it as numbers"
                )
            continue
        kept = text[present]
        if kept.str.match(r"^[+-]?0\d").any() or kept.str.count(r"\d").max() > 15:
            continue  # codes such as "0101" or ID numbers stay text
        integral = not kept.str.contains(r"[.eE]").any()
        if integral and present.all():
            converted[col] = pd.Series(values, index=frame.index).astype("int64")
        else:
            converted[col] = pd.Series(values, index=frame.index)
    return (frame.assign(**converted) if converted else frame), warnings


# --------------------------------------------------------------------------- tables


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[str, str, list[str]]:
    if encoding is not None:
        codec = _codec(encoding)
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            bad = data[exc.start : exc.start + 4]
            msg = (
                f"{name} is not valid {encoding} (byte {exc.start}: {bad!r}). Leave `encoding` "
                "unset to detect it, or pass the right one, e.g. 'GBK'."
            )
            raise InputFileError(msg) from exc
        return text.removeprefix("\ufeff"), _encoding_label(encoding), []
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "UTF-8-BOM", []
        except UnicodeDecodeError as exc:
            msg = f"{name} starts with a UTF-8 BOM but is not valid UTF-8 (byte {exc.start})."
            raise InputFileError(msg) from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "UTF-16", []
    try:
        return data.decode("utf-8"), "UTF-8", []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        msg = (
            f"{name} is neither UTF-8 nor GBK (byte {exc.start}). Save it in Excel as "
            "'CSV UTF-8', or pass `encoding=`."
        )
        raise InputFileError(msg) from exc
    warning = (
        f"{name} is not UTF-8; read as GBK (decoded as GB18030). If the text looks wrong, "
        "pass `encoding=` explicitly, or save the file as 'CSV UTF-8'"
    )
    return text, "GBK", [warning]


def _load_table(data: bytes, src: _Source, suffix: str, opts: _Options):
    """Read a CSV/XLSX with every cell as text; return (frame, encoding, warnings)."""
    if suffix == ".xlsx":
        if opts.encoding is not None:
            logger.debug("`encoding` ignored for XLSX %s", src.name)
        try:
            with pd.ExcelFile(io.BytesIO(data), engine="openpyxl") as xf:
                sheets = list(xf.sheet_names)
                sheet = sheets[0] if opts.layer is None else opts.layer
                if sheet not in sheets:
                    msg = (
                        f"{src.name}: `layer` was {opts.layer!r} but the sheets are {sheets}. "
                        "Pass one of these sheet names."
                    )
                    raise InputFileError(msg)
                frame = pd.read_excel(xf, sheet_name=sheet, dtype=str, na_filter=False)
        except InputFileError:
            raise
        except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
            msg = (
                f"{src.name} cannot be read as an Excel .xlsx workbook ({exc}). "
                "Re-save it in Excel."
            )
            raise InputFileError(msg) from exc
        warnings = []
        if opts.layer is None and len(sheets) > 1:
            warnings.append(
                f"{src.name} has {len(sheets)} sheets; read the first, {sheet!r}. "
                f"Pass `layer=` to read another of {sheets}"
            )
        frame.columns = [str(c) for c in frame.columns]
        return frame, None, warnings
    text, label, warnings = _decode(data, src.name, opts.encoding)
    header = text.split("\n", 1)[0]
    sep = max(_DELIMITERS, key=header.count) if any(d in header for d in _DELIMITERS) else ","
    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=sep, dtype=str, na_filter=False, skip_blank_lines=False
        )
    except pd.errors.EmptyDataError as exc:
        msg = f"{src.name} is empty; it needs a header row and data rows."
        raise InputFileError(msg) from exc
    except pd.errors.ParserError as exc:
        msg = (
            f"{src.name} cannot be parsed as CSV (separator {sep!r}): {exc}. Quote values that "
            "contain the separator, or fix the row with too many fields."
        )
        raise InputFileError(msg) from exc
    return frame, label, warnings


def _find_coord_columns(
    columns: list[str], lon_col: str | None, lat_col: str | None, name: str
) -> tuple[str, str, list[str]]:
    keys = {c: _column_key(c) for c in columns}

    def find(wanted: str | None, candidates: tuple[str, ...], what: str, arg: str):
        if wanted is not None:
            if wanted in columns:
                return wanted, []
            hits = [c for c in columns if keys[c] == _column_key(wanted)]
            if not hits:
                msg = (
                    f"{name}: `{arg}` was {wanted!r} but there is no such column. "
                    f"Columns present: {columns}."
                )
                raise InputFileError(msg)
            return hits[0], []
        order = {_column_key(c): i for i, c in enumerate(candidates)}
        hits = sorted((c for c in columns if keys[c] in order), key=lambda c: order[keys[c]])
        notes = []
        if len(hits) > 1:
            notes.append(
                f"several {what} columns {hits}; used {hits[0]!r}. Pass `{arg}=` to choose"
            )
        return (hits[0] if hits else None), notes

    lon, lon_notes = find(lon_col, LON_NAMES, "longitude", "lon_col")
    lat, lat_notes = find(lat_col, LAT_NAMES, "latitude", "lat_col")
    if lon is None or lat is None:
        missing = [w for w, c in (("longitude", lon), ("latitude", lat)) if c is None]
        msg = (
            f"{name}: no {' or '.join(missing)} column found. Columns present: {columns}. "
            f"Name them e.g. 经度/纬度 or lon/lat (recognised: {list(LON_NAMES)} and "
            f"{list(LAT_NAMES)}), or pass `lon_col=` and `lat_col=`."
        )
        raise InputFileError(msg)
    if lon == lat:
        msg = f"{name}: `lon_col` and `lat_col` both name the column {lon!r}."
        raise InputFileError(msg)
    return lon, lat, lon_notes + lat_notes


def _read_table(data: bytes, src: _Source, opts: _Options, *, suffix: str | None = None):
    frame, label, warnings = _load_table(data, src, suffix or src.suffix, opts)
    name = src.name
    n = len(frame)
    rows = np.arange(n, dtype="int64") + 2  # header is row 1
    lon, lat, notes = _find_coord_columns(list(frame.columns), opts.lon_col, opts.lat_col, name)
    warnings += notes

    raw_x = frame[lon].fillna("").astype(str).to_numpy(dtype=object)
    raw_y = frame[lat].fillna("").astype(str).to_numpy(dtype=object)
    x, x_missing = _parse_numbers(frame[lon])
    y, y_missing = _parse_numbers(frame[lat])
    empty_row = np.ones(n, dtype=bool)
    for col in frame.columns:  # per column, vectorised over rows
        empty_row &= (frame[col].astype("string").str.strip().fillna("") == "").to_numpy(bool)

    reason = np.full(n, "", dtype=object)
    column = np.full(n, "", dtype=object)
    value = np.full(n, "", dtype=object)

    def reject(mask: np.ndarray, why: str, col: str, val) -> None:
        m = mask & (reason == "")
        reason[m] = why
        column[m] = col
        value[m] = val[m] if isinstance(val, np.ndarray) else val

    reject(empty_row, REASON_EMPTY_ROW, "", "")
    reject(x_missing, REASON_MISSING, lon, raw_x)
    reject(y_missing, REASON_MISSING, lat, raw_y)
    reject(~x_missing & np.isnan(x), REASON_NOT_NUMERIC, lon, raw_x)
    reject(~y_missing & np.isnan(y), REASON_NOT_NUMERIC, lat, raw_y)

    numeric = reason == ""
    in_crs = opts.user_crs or CRS.from_user_input(settings.STORAGE_CRS)
    if in_crs.is_geographic and _looks_projected(x[numeric], y[numeric]):
        first = int(np.flatnonzero(numeric)[0])
        assumed = "given as" if opts.user_crs else "assumed to be"
        msg = (
            f"{name}: the coordinates in columns {lon!r}/{lat!r} look like projected metres, "
            f"not degrees (e.g. row {rows[first]}: {raw_x[first]}, {raw_y[first]}), but the "
            f"CRS was {assumed} {_crs_label(in_crs)}. Pass the CRS they are in, e.g. "
            f"{_projected_hint(x[numeric], y[numeric])}."
        )
        raise InputFileError(msg)
    _check_datum(opts.datum, in_crs, name)

    idx = np.flatnonzero(numeric)
    given = _to_wgs84(gpd.GeoSeries(gpd.points_from_xy(x[idx], y[idx]), crs=in_crs), opts.datum)
    inside = _inside(given, opts.extent_m)
    out_idx = idx[~inside]
    swapped = _to_wgs84(
        gpd.GeoSeries(gpd.points_from_xy(y[out_idx], x[out_idx]), crs=in_crs), opts.datum
    )
    swap_ok = _inside(swapped, opts.extent_m)
    geometry = np.full(n, None, dtype=object)
    geometry[idx] = np.asarray(given.values)
    fixed = np.zeros(n, dtype=bool)
    coords_label = np.asarray(
        pd.Series(raw_x).str.cat(pd.Series(raw_y), sep=", ").to_numpy(dtype=object)
    )
    if opts.fix_swapped:
        fixed[out_idx[swap_ok]] = True
        geometry[out_idx[swap_ok]] = np.asarray(swapped.values)[swap_ok]
        if fixed.any():
            plural = "s" if fixed.sum() > 1 else ""
            warnings.append(
                f"row{plural} {_list_rows(rows[fixed])}: longitude and latitude were swapped; "
                "fixed (经纬度已交换) and flagged in column 'coord_fixed'"
            )
    else:
        mask = np.zeros(n, dtype=bool)
        mask[out_idx[swap_ok]] = True
        reject(mask, REASON_SWAPPED, f"{lon}, {lat}", coords_label)
    outside = np.zeros(n, dtype=bool)
    outside[out_idx[~swap_ok]] = True
    reject(outside, f"超出市域 / outside {opts.extent_name}", f"{lon}, {lat}", coords_label)

    bad = reason != ""
    rejected = _rejected_frame(rows[bad], reason[bad], column[bad], value[bad], frame[bad])
    good = frame[~bad]
    good, clash = _reserve_columns(good, ("source_row", "coord_fixed", "geometry"), name)
    good, numeric_notes = _coerce_numeric_columns(good, rows[~bad])
    warnings += clash + numeric_notes
    good = good.assign(source_row=rows[~bad])
    if opts.fix_swapped:
        good = good.assign(coord_fixed=np.where(fixed[~bad], COORD_FIXED, None))
    gdf = gpd.GeoDataFrame(
        good.reset_index(drop=True),
        geometry=gpd.GeoSeries(geometry[~bad], crs=settings.STORAGE_CRS),
        crs=settings.STORAGE_CRS,
    )
    crs_in = _DATUM_LABELS[opts.datum] or _crs_label(in_crs)
    return ImportResult(gdf, rejected, tuple(warnings), name, label, crs_in)


# --------------------------------------------------------------------------- vector files


def _find_sidecar(shp: Path, suffix: str) -> Path | None:
    return next((p for p in _shapefile_parts(shp) if p.suffix.lower() == suffix), None)


def _read_frame(path: Path, name: str, layer, encoding: str | None) -> gpd.GeoDataFrame:
    try:
        return gpd.read_file(path, engine="pyogrio", layer=layer, encoding=encoding)
    except UnicodeDecodeError as exc:
        msg = (
            f"{name}: attributes are not valid {encoding or 'in the declared encoding'} "
            f"({exc.reason} at byte {exc.start}). Pass the right `encoding=`, e.g. 'GBK' or "
            "'UTF-8' (a wrong .cpg file is the usual cause)."
        )
        raise InputFileError(msg) from exc
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError,
            pyogrio.errors.FieldError, pyogrio.errors.GeometryError,
            pyogrio.errors.FeatureError) as exc:  # fmt: skip
        detail = str(exc).replace(str(path), name)
        msg = f"{name} cannot be read as a vector layer: {detail} Check that the file is complete."
        raise InputFileError(msg) from exc


def _shapefile_encoding(shp: Path, name: str, encoding: str | None):
    """Return (encoding for pyogrio, label, warnings) of a Shapefile's DBF."""
    if encoding is not None:
        return _codec(encoding), _encoding_label(encoding), []
    cpg = _find_sidecar(shp, ".cpg")
    if cpg is not None:
        declared = cpg.read_text("ascii", errors="replace").strip()
        try:
            label = _encoding_label(declared)
        except InputFileError:
            label = declared
        return None, label, []  # GDAL honours the .cpg
    how = "add a .cpg file containing the encoding name, or pass `encoding=`"
    try:
        pyogrio.read_dataframe(shp, encoding="utf-8", read_geometry=False)
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8", "UTF-8", [f"{name}: no .cpg file; attributes read as UTF-8 ({how})"]
    try:
        pyogrio.read_dataframe(shp, encoding="gb18030", read_geometry=False)
    except UnicodeDecodeError as exc:
        msg = (
            f"{name}: no .cpg file and the attributes are neither UTF-8 nor GBK; "
            "pass `encoding=`."
        )
        raise InputFileError(msg) from exc
    return "gb18030", "GBK", [
        f"{name}: no .cpg file and the attributes are not valid UTF-8; read as GBK "
        f"(decoded as GB18030). If names look wrong, {how}"
    ]


def _choose_layer(path: Path, name: str, layer: str | None) -> str | None:
    try:
        listed = pyogrio.list_layers(path)
    except pyogrio.errors.DataSourceError as exc:
        detail = str(exc).replace(str(path), name)
        msg = f"{name} cannot be opened as a vector file: {detail} Check the format and ending."
        raise InputFileError(msg) from exc
    names = [str(n) for n in listed[:, 0]]
    if layer is not None:
        if layer not in names:
            msg = f"{name}: `layer` was {layer!r} but the layers are {names}. Pass one of these."
            raise InputFileError(msg)
        return layer
    spatial = [str(n) for n, g in listed if g is not None]
    candidates = spatial or names
    if len(candidates) > 1:
        msg = (
            f"{name} contains {len(candidates)} layers: {candidates}. Pass `layer=` with one "
            f"of them, e.g. layer={candidates[0]!r}."
        )
        raise InputFileError(msg)
    return candidates[0] if candidates else None


def _repair(geoms: np.ndarray, rows: np.ndarray, candidates: np.ndarray):
    """Repair invalid polygons with make_valid, keeping polygonal parts.

    Returns
    -------
    tuple
        The repaired array, a mask of rows that could not be repaired, warnings.
    """
    geoms = geoms.copy()
    invalid = candidates & ~shapely.is_valid(geoms)
    if not invalid.any():
        return geoms, np.zeros(len(geoms), dtype=bool), []
    reasons = shapely.is_valid_reason(geoms[invalid])
    polygonal = np.isin(shapely.get_type_id(geoms[invalid]), _POLYGONAL)
    inv_idx = np.flatnonzero(invalid)
    poly_idx = inv_idx[polygonal]
    fixed = shapely.make_valid(geoms[poly_idx])
    parts, owner = shapely.get_parts(fixed, return_index=True)
    parts, sub = shapely.get_parts(parts, return_index=True)  # a collection may hold multipolygons
    owner = owner[sub]
    keep = np.isin(shapely.get_type_id(parts), _POLYGONAL) & ~shapely.is_empty(parts)
    parts, owner = parts[keep], owner[keep]
    has_parts = np.isin(np.arange(len(poly_idx)), owner)
    if len(parts):
        uniq, dense = np.unique(owner, return_inverse=True)
        multi = shapely.multipolygons(parts, indices=dense)
        single = shapely.get_num_geometries(multi) == 1
        multi[single] = shapely.get_geometry(multi[single], 0)
        geoms[poly_idx[uniq]] = multi
    failed = np.zeros(len(geoms), dtype=bool)
    failed[poly_idx[~has_parts]] = True
    listed = list(zip(rows[inv_idx], reasons, polygonal, failed[inv_idx]))
    warnings = [
        f"row {r}: invalid polygon repaired ({why})"
        if is_poly
        else f"row {r}: invalid geometry kept as it is ({why})"
        for r, why, is_poly, lost in listed[:_MAX_LISTED]
        if not lost  # those are rejected, and reported there
    ]
    if len(listed) > _MAX_LISTED:
        warnings.append(f"… and {len(listed) - _MAX_LISTED} more invalid geometries")
    return geoms, failed, warnings


def _read_vector(path: Path, src: _Source, opts: _Options, *, layer_used: bool = False):
    name = src.name
    warnings: list[str] = []
    is_shp = path.suffix.lower() == ".shp"
    if is_shp:
        enc_arg, label, warnings_enc = _shapefile_encoding(path, name, opts.encoding)
        warnings += warnings_enc
        layer = None
    else:
        if opts.encoding is not None and _codec(opts.encoding) != "utf-8":
            warnings.append(f"{name}: `encoding` ignored, {path.suffix} files are always UTF-8")
        enc_arg, label = None, "UTF-8"
        layer = None if layer_used else _choose_layer(path, name, opts.layer)
    if opts.lon_col is not None or opts.lat_col is not None:
        warnings.append(f"{name}: `lon_col`/`lat_col` ignored, the file has its own geometry")
    gdf = _read_frame(path, name, layer, enc_arg)
    gdf = gdf.reset_index(drop=True)
    geom_name = gdf.geometry.name
    n = len(gdf)
    rows = np.arange(1, n + 1, dtype="int64")
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    empty = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    present = ~empty

    file_crs = CRS.from_user_input(gdf.crs) if gdf.crs is not None else None
    bounds = shapely.bounds(geoms[present]) if present.any() else np.zeros((0, 4))
    in_crs = opts.user_crs
    if in_crs is not None:
        if file_crs is not None and not file_crs.equals(in_crs):
            warnings.append(
                f"{name}: the file declares {_crs_label(file_crs)}; read as "
                f"{_crs_label(in_crs)} because `crs` was given"
            )
    elif file_crs is not None:
        in_crs = file_crs
    elif _looks_projected(bounds[:, 0], bounds[:, 1]):
        msg = (
            f"{name} has no CRS (.prj missing) and its coordinates look like projected metres. "
            f"Pass the CRS, e.g. {_projected_hint(bounds[:, 0], bounds[:, 1])}."
        )
        raise InputFileError(msg)
    else:
        in_crs = CRS.from_user_input(settings.STORAGE_CRS)
        warnings.append(
            f"{name} has no CRS (.prj missing); coordinates look like degrees and were read as "
            "EPSG:4326. Pass `crs=` if that is wrong"
        )
    if in_crs.is_geographic and _looks_projected(bounds[:, 0], bounds[:, 1]):
        msg = (
            f"{name}: the coordinates look like projected metres although the layer is in "
            f"{_crs_label(in_crs)} (degrees). Pass the CRS they are in, e.g. "
            f"{_projected_hint(bounds[:, 0], bounds[:, 1])}."
        )
        raise InputFileError(msg)
    _check_datum(opts.datum, in_crs, name)

    raw_geoms = geoms
    geoms, failed, repair_notes = _repair(geoms, rows, present)
    warnings += repair_notes
    ok = present & ~failed
    idx = np.flatnonzero(ok)
    converted = _to_wgs84(gpd.GeoSeries(geoms[idx], crs=in_crs), opts.datum)
    inside = _inside(converted, opts.extent_m)
    out_geoms = np.full(n, None, dtype=object)
    out_geoms[idx] = np.asarray(converted.values)

    reason = np.full(n, "", dtype=object)
    reason[empty] = REASON_EMPTY_GEOMETRY
    reason[failed] = REASON_INVALID_GEOMETRY
    outside = np.zeros(n, dtype=bool)
    outside[idx[~inside]] = True
    reason[outside] = f"超出市域 / outside {opts.extent_name}"
    bad = reason != ""

    attrs = pd.DataFrame(gdf.drop(columns=geom_name))
    # the raw geometry, in the file's CRS, as WKT (only for the rejected rows)
    wkt = pd.Series(shapely.to_wkt(raw_geoms[bad], trim=True), dtype=object).fillna("None")
    raw = attrs[bad].assign(**{geom_name: wkt.str.slice(0, 1000).to_numpy(dtype=object)})
    column = np.full(int(bad.sum()), geom_name, dtype=object)
    short_wkt = wkt.str.slice(0, 200).to_numpy(dtype=object)
    rejected = _rejected_frame(rows[bad], reason[bad], column, short_wkt, raw)

    good, clash = _reserve_columns(attrs[~bad], ("source_row",), name)
    warnings += clash
    good = good.assign(source_row=rows[~bad]).reset_index(drop=True)
    result = gpd.GeoDataFrame(
        good,
        geometry=gpd.GeoSeries(out_geoms[~bad], crs=settings.STORAGE_CRS),
        crs=settings.STORAGE_CRS,
    )
    if result.geometry.name != "geometry":
        result = result.rename_geometry("geometry")
    crs_in = _DATUM_LABELS[opts.datum] or _crs_label(in_crs)
    return ImportResult(result, rejected, tuple(warnings), name, label, crs_in)
