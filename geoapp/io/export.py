"""Write layers and results for GIS teams: GeoJSON, GeoPackage, Shapefile, CSV.

The files are meant to be opened in ArcGIS, QGIS and Excel:

========  ==================================================================
format    what is written
========  ==================================================================
geojson   RFC 7946: WGS-84 lon/lat, right-hand (counter-clockwise) exterior
          rings, 7 decimals (≈ 1 cm), UTF-8 text (Chinese is not escaped).
gpkg      One GeoPackage; :func:`export_layers` puts several layers in one.
shp       A ``.zip`` holding ``.shp/.shx/.dbf/.prj/.cpg`` (UTF-8), field
          names cut to the 10-byte dBASE limit, and ``fields.csv`` mapping
          the original column names to the dBASE names.
csv       UTF-8 with BOM (Excel opens Chinese correctly); point layers get
          ``lon``/``lat`` columns (``x``/``y`` in metres for EPSG:4547), other
          layers a ``wkt`` column.
========  ==================================================================

Coordinate systems (:data:`EXPORT_CRS`): ``"EPSG:4326"`` (WGS-84),
``"EPSG:4490"`` (CGCS2000 lon/lat), ``"EPSG:4547"`` (CGCS2000 / 3-degree
Gauss-Krüger CM 114E, metres) and ``"gcj02"``. GCJ-02 (AMap/Gaode, Tencent) is
not a CRS that PROJ or any GIS knows: its vertices are shifted from WGS-84 by
:func:`geoapp.geo.coords.convert_geometry` (≈ 530 m in 濮阳) and the file still
*declares* EPSG:4326. The shift is recorded in :attr:`ExportResult.crs`
(``"gcj02"``), in the layer description of GeoJSON and GeoPackage files, and in
a ``README.txt`` inside a shapefile zip; a CSV gets no extra column. Never mix
a GCJ-02 export with true WGS-84 data.

Columns holding lists, tuples, sets or arrays are written as ``"; "``-joined
text and columns holding dicts as JSON, in every format.

Every writer goes through :func:`geoapp.io.atomic.atomic_path`: the file is
written under a temporary name beside the target and renamed when complete, so
an interrupted export never leaves a broken file and never destroys the
previous one.
"""

from __future__ import annotations

import json
import logging
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, cast

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

from geoapp.errors import CRSError
from geoapp.geo import convert_geometry
from geoapp.io.atomic import atomic_path, check_output_file
from geoapp.io.textsafe import csv_bytes, write_csv
from geoapp.settings import CGCS2000_CRS, METRIC_CRS, STORAGE_CRS

logger = logging.getLogger(__name__)

#: Export formats.
FORMATS: tuple[str, ...] = ("geojson", "gpkg", "shp", "csv")
#: Coordinate systems offered on export (``"gcj02"`` is stored as EPSG:4326 lon/lat).
EXPORT_CRS: tuple[str, ...] = (STORAGE_CRS, CGCS2000_CRS, METRIC_CRS, "gcj02")

Format = Literal["geojson", "gpkg", "shp", "csv"]
ExportCRS = Literal["EPSG:4326", "EPSG:4490", "EPSG:4547", "gcj02"]

#: Decimal places of GeoJSON coordinates (RFC 7946 advises no more than needed; 1e-7° ≈ 1 cm).
GEOJSON_PRECISION = 7
#: Longest dBASE (shapefile) field name, in bytes of its UTF-8 encoding.
DBF_NAME_BYTES = 10
#: Default GeoPackage layer name (and download file stem).
DEFAULT_LAYER = "layer"

#: File suffixes accepted per format; the first is appended when ``path`` has none of them.
SUFFIXES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"geojson": (".geojson", ".json"), "gpkg": (".gpkg",), "shp": (".zip",), "csv": (".csv",)}
)
#: MIME type per format, for download buttons.
MIME_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "geojson": "application/geo+json",
        "gpkg": "application/geopackage+sqlite3",
        "shp": "application/zip",
        "csv": "text/csv",
    }
)

_GCJ02_NOTE = (
    "坐标为 GCJ-02（高德/腾讯火星坐标），文件声明为 EPSG:4326，"
    "但与 WGS-84 相差约 500 米，请勿与真实 WGS-84 数据叠加。 "
    "Coordinates are GCJ-02 (AMap/Tencent), declared as EPSG:4326 lon/lat but shifted "
    "about 500 m from true WGS-84; do not overlay them on WGS-84 data."
)
_FAMILIES = {
    "Point": "point",
    "MultiPoint": "point",
    "LineString": "line",
    "LinearRing": "line",
    "MultiLineString": "line",
    "Polygon": "polygon",
    "MultiPolygon": "polygon",
}


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote.

    Attributes
    ----------
    path
        The file written (for ``"shp"``, the ``.zip``).
    fmt
        One of :data:`FORMATS`.
    crs
        One of :data:`EXPORT_CRS`. ``"gcj02"`` means the coordinates are GCJ-02
        although the file declares EPSG:4326.
    feature_count
        Features written (summed over the layers of :func:`export_layers`).
    layers
        Layer names in the file (one, except for :func:`export_layers`).
    field_map
        Shapefile only: every original column name -> its dBASE field name
        (unchanged names map to themselves). Empty for the other formats.
    """

    path: Path
    fmt: str
    crs: str
    feature_count: int
    layers: tuple[str, ...]
    field_map: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


# --------------------------------------------------------------------------- validation


def _check_fmt(fmt: str) -> Any:
    if fmt not in FORMATS:
        msg = f"`fmt` was {fmt!r} but must be one of {FORMATS}."
        raise ValueError(msg)
    return fmt


def _check_crs(crs: str) -> Any:
    """Return the canonical spelling of ``crs`` (case-insensitive, ``gcj-02`` allowed)."""
    canonical = {c.lower(): c for c in EXPORT_CRS} | {"gcj-02": "gcj02"}
    key = crs.strip().lower() if isinstance(crs, str) else None
    if key not in canonical:
        msg = (
            f"`crs` was {crs!r} but must be one of {EXPORT_CRS}: "
            "WGS-84, CGCS2000 lon/lat, CGCS2000 / 3-degree GK CM 114E (metres) or GCJ-02."
        )
        raise ValueError(msg)
    return canonical[key]


def _check_gdf(gdf: gpd.GeoDataFrame, name: str = "gdf") -> None:
    if not isinstance(gdf, gpd.GeoDataFrame):
        msg = f"`{name}` should be a GeoDataFrame, got {type(gdf)}."
        raise TypeError(msg)
    if gdf.crs is None:
        msg = (
            f"Cannot export `{name}`: it has no CRS, so its coordinates cannot be "
            "reprojected. Set one with `.set_crs(4326)` (or the CRS it is really in) first."
        )
        raise CRSError(msg)


def _check_layer_name(layer_name: str | None, what: str = "`layer_name`") -> str:
    if layer_name is None:
        return DEFAULT_LAYER
    if not isinstance(layer_name, str) or not layer_name.strip() or set("/\\") & set(layer_name):
        msg = f"{what} was {layer_name!r}; use a non-empty name without '/' or '\\'."
        raise ValueError(msg)
    return layer_name


def _with_suffix(path: str | Path, fmt: str) -> Path:
    """Append the format's suffix unless ``path`` has an accepted one.

    ``a.shp`` becomes ``a.shp.zip``.
    """
    path = Path(path)
    if path.suffix.lower() in SUFFIXES[fmt]:
        return path
    return path.with_name(path.name + SUFFIXES[fmt][0])


# --------------------------------------------------------------------------- preparation


def _is_nested(value: object) -> bool:
    return isinstance(value, (list, tuple, set, frozenset, dict, np.ndarray))


def _cell_text(value: object) -> object:
    """``"; "``-join a sequence, JSON-encode a dict (non-ASCII kept as text); else ``value``."""
    if not _is_nested(value):
        return value
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "; ".join(
        json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, dict) else str(v)
        for v in cast(Iterable[object], value)
    )


def _serialise_nested(df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` with list/dict cells turned into text; other cells untouched.

    Only object columns are inspected (strings, numbers and geometries are not),
    and a copy is made only when a nested cell is found.
    """
    out = df
    geom_name = df.geometry.name if isinstance(df, gpd.GeoDataFrame) else None
    for col in df.columns:
        series = df[col]
        if col == geom_name or series.dtype != object or not series.map(_is_nested).any():
            continue
        if out is df:
            out = df.copy()
        out[col] = series.map(_cell_text)
    return out


def _prepare(gdf: gpd.GeoDataFrame, crs: str, *, name: str = "gdf") -> gpd.GeoDataFrame:
    """Validate, serialise nested cells, stringify column names and reproject.

    Returns a new GeoDataFrame; ``gdf`` is never modified.
    """
    _check_gdf(gdf, name)
    out = _serialise_nested(gdf)
    if crs == "gcj02":
        out = convert_geometry(out.to_crs(STORAGE_CRS), source="wgs84", target="gcj02")
    else:
        out = out.to_crs(crs)
    # Column names must be text for every driver (the geometry column keeps its name).
    if not all(isinstance(c, str) for c in out.columns):
        out = out.rename(columns=str)
    return out


def _geometry_families(gdf: gpd.GeoDataFrame) -> tuple[set[str], set[str]]:
    """Return the distinct geometry types (non-empty) and their families."""
    geoms = gdf.geometry
    types = set(geoms[geoms.notna() & ~geoms.is_empty].geom_type.unique())
    return types, {_FAMILIES.get(t, t) for t in types}


# --------------------------------------------------------------------------- writers


def _write_ogr(
    gdf: gpd.GeoDataFrame,
    path: Path,
    *,
    driver: str,
    layer: str | None = None,
    layer_options: Mapping[str, str] | None = None,
    append: bool = False,
    promote_to_multi: bool | None = None,
) -> None:
    pyogrio.write_dataframe(
        gdf,
        path,
        driver=driver,
        layer=layer,
        layer_options=dict(layer_options or {}),
        append=append,
        promote_to_multi=promote_to_multi,
    )


def _check_geojson_crs(crs: str) -> None:
    if crs not in (STORAGE_CRS, "gcj02"):
        msg = (
            f"`crs` was {crs!r}, but GeoJSON (RFC 7946) requires WGS-84 longitude/latitude: "
            "use crs='EPSG:4326' (or 'gcj02' for AMap/Tencent coordinates), or export "
            "fmt='gpkg' (or 'shp') to keep EPSG:4490 / EPSG:4547."
        )
        raise ValueError(msg)


def _write_geojson_file(gdf: gpd.GeoDataFrame, path: Path, *, crs: str) -> None:
    _check_geojson_crs(crs)
    options = {
        "RFC7946": "YES",
        "COORDINATE_PRECISION": str(GEOJSON_PRECISION),
        "WRITE_NAME": "NO",
    }
    if crs == "gcj02":
        options["DESCRIPTION"] = _GCJ02_NOTE
    with atomic_path(path) as tmp:
        _write_ogr(gdf, tmp, driver="GeoJSON", layer_options=options)


def _gpkg_options(crs: str) -> dict[str, str]:
    return {"DESCRIPTION": _GCJ02_NOTE} if crs == "gcj02" else {}


def _truncate_utf8(name: str, max_bytes: int) -> str:
    """Cut ``name`` to at most ``max_bytes`` UTF-8 bytes without splitting a character."""
    return name.encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore")


def dbf_field_names(columns: list[str] | tuple[str, ...] | pd.Index) -> dict[str, str]:
    """Map column names to unique dBASE field names of at most 10 UTF-8 bytes.

    Names that already fit are kept. Longer names are cut at a character
    boundary (a Chinese character takes 3 bytes, so at most 3 fit); a name that
    then clashes with another (dBASE compares names case-insensitively) gets a
    numeric suffix: ``investment_yi`` -> ``investment``, ``investment_total`` ->
    ``investmen1``; ``产业链环节`` -> ``产业链1`` beside ``产业链``.

    Parameters
    ----------
    columns
        Attribute column names, in order (not the geometry column).

    Returns
    -------
    dict
        Original name -> dBASE name, in the order of ``columns``.

    Examples
    --------
    >>> dbf_field_names(["name", "investment_yi", "investment_total"])
    {'name': 'name', 'investment_yi': 'investment', 'investment_total': 'investmen1'}
    """
    names = [str(c) for c in columns]
    mapping: dict[str, str] = {}
    used: set[str] = set()
    # Names that fit keep priority, so a short name never gets a suffix because of a long one.
    fitting = [n for n in names if len(n.encode("utf-8")) <= DBF_NAME_BYTES]
    long = [n for n in names if len(n.encode("utf-8")) > DBF_NAME_BYTES]
    for original in fitting + long:
        candidate = _truncate_utf8(original, DBF_NAME_BYTES)
        n = 0
        while candidate.lower() in used:
            n += 1
            suffix = str(n)
            candidate = _truncate_utf8(original, DBF_NAME_BYTES - len(suffix)) + suffix
        used.add(candidate.lower())
        mapping[original] = candidate
    return {n: mapping[n] for n in names}


def _write_shapefile_zip(
    gdf: gpd.GeoDataFrame, path: Path, *, crs: str, layer: str
) -> dict[str, str]:
    types, families = _geometry_families(gdf)
    if len(families) > 1 or not families <= {"point", "line", "polygon"}:
        msg = (
            f"A shapefile holds one kind of geometry, but `gdf` has {sorted(types)}. "
            "Export fmt='gpkg' (GeoPackage) instead, or split the layer by geometry type."
        )
        raise ValueError(msg)
    # Polygon + MultiPolygon (etc.) in one layer: promote all to Multi* so the file is valid.
    promote = len(types) > 1
    attrs = [c for c in gdf.columns if c != gdf.geometry.name]
    field_map = dbf_field_names(attrs)
    out = gdf.rename(columns=field_map)
    with tempfile.TemporaryDirectory(prefix="geoapp-shp-") as folder:
        shp = Path(folder) / f"{layer}.shp"
        _write_ogr(
            out,
            shp,
            driver="ESRI Shapefile",
            layer_options={"ENCODING": "UTF-8"},
            promote_to_multi=promote or None,
        )
        fields_csv = csv_bytes(
            pd.DataFrame(
                {"original_name": list(field_map), "shapefile_name": list(field_map.values())}
            )
        )
        with (
            atomic_path(path) as tmp,
            zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf,
        ):
            for part in sorted(Path(folder).iterdir()):
                zf.write(part, arcname=part.name)
            zf.writestr("fields.csv", fields_csv)
            if crs == "gcj02":
                zf.writestr("README.txt", (_GCJ02_NOTE + "\r\n").encode("utf-8-sig"))
    return field_map


def _csv_frame(gdf: gpd.GeoDataFrame, *, crs: str) -> pd.DataFrame:
    geoms = gdf.geometry
    types, _ = _geometry_families(gdf)
    df = pd.DataFrame(gdf.drop(columns=geoms.name))
    metric = gdf.crs.is_projected
    if types and types == {"Point"}:
        names = ("x", "y") if metric else ("lon", "lat")
        # Existing lon/lat (x/y) columns are replaced by the exported geometry's coordinates.
        df = df.drop(columns=[n for n in names if n in df.columns])
        df[names[0]] = shapely.get_x(geoms.values)
        df[names[1]] = shapely.get_y(geoms.values)
    else:
        df = df.drop(columns=[c for c in ("wkt",) if c in df.columns])
        df["wkt"] = shapely.to_wkt(geoms.values, rounding_precision=3 if metric else 9)
    return df


def _write_csv(gdf: gpd.GeoDataFrame, path: Path, *, crs: str) -> None:
    df = _csv_frame(gdf, crs=crs)
    with atomic_path(path) as tmp:
        write_csv(df, tmp)


# --------------------------------------------------------------------------- public API


def export_layer(
    gdf: gpd.GeoDataFrame,
    path: str | Path,
    *,
    fmt: Format,
    crs: ExportCRS = "EPSG:4326",
    layer_name: str | None = None,
) -> ExportResult:
    """Export one layer as GeoJSON, GeoPackage, zipped Shapefile or CSV.

    The file is written under a temporary name and renamed when complete: a
    failure leaves any previous file at ``path`` untouched.

    Parameters
    ----------
    gdf
        The layer; it must have a CRS. It is not modified.
    path
        Output file. The format's suffix is appended when missing
        (``.geojson``/``.json``, ``.gpkg``, ``.zip``, ``.csv``), so
        ``out.shp`` becomes ``out.shp.zip``.
    fmt
        {"geojson", "gpkg", "shp", "csv"}

        - ``"geojson"``: RFC 7946 (WGS-84, counter-clockwise exteriors,
          7 decimals, UTF-8). Only ``crs="EPSG:4326"`` or ``"gcj02"``.
        - ``"gpkg"``: one layer named ``layer_name``.
        - ``"shp"``: a zip of ``.shp/.shx/.dbf/.prj/.cpg`` (UTF-8) plus
          ``fields.csv`` (UTF-8 with BOM) mapping original to dBASE field
          names (at most 10 bytes, unique). Polygon + MultiPolygon (or
          point/line equivalents) are promoted to Multi*.
        - ``"csv"``: UTF-8 with BOM; point layers get ``lon``/``lat`` (``x``/``y``
          in metres for EPSG:4547) replacing any existing columns of those
          names, other layers a ``wkt`` column.
    crs
        {"EPSG:4326", "EPSG:4490", "EPSG:4547", "gcj02"}
        Output coordinates: WGS-84, CGCS2000 lon/lat, CGCS2000 / 3-degree GK
        CM 114E (metres), or GCJ-02 (AMap/Tencent) lon/lat. A GCJ-02 file
        declares EPSG:4326; GeoJSON/GeoPackage carry a layer description and
        a shapefile zip a ``README.txt`` saying the coordinates are GCJ-02.
    layer_name
        Layer name (GeoPackage) or base name of the files in the shapefile
        zip; default ``"layer"``.

    Returns
    -------
    ExportResult
        Path, format, CRS, feature count, layer names and (shapefile) the
        field-name map.

    Raises
    ------
    CRSError
        If ``gdf`` has no CRS.
    TypeError
        If ``gdf`` is not a GeoDataFrame.
    OutputPathError
        If ``path`` is a folder (``.`` included), the current folder, or its
        folder cannot be written (one line naming it and the fix).
    ValueError
        If ``fmt`` or ``crs`` is not one of the allowed values, if a GeoJSON
        is asked in a CRS other than WGS-84/GCJ-02, or if a shapefile is asked
        for a layer mixing points, lines and polygons.

    See Also
    --------
    export_layers : several layers in one GeoPackage.
    to_bytes : the same, as bytes for a download button.

    Notes
    -----
    Cells holding lists, tuples, sets or arrays are written as ``"; "``-joined
    text and dicts as JSON. dBASE text fields hold at most 254 bytes; GDAL
    truncates longer values in shapefiles, so prefer GeoPackage for long text.

    Examples
    --------
    >>> from geoapp.layers import load_layer
    >>> counties = load_layer("counties")  # doctest: +SKIP
    >>> res = export_layer(counties, "out/counties", fmt="shp", crs="EPSG:4547")  # doctest: +SKIP
    >>> res.path.name, res.field_map["location_quality"]  # doctest: +SKIP
    ('counties.zip', 'location_q')
    """
    fmt = _check_fmt(fmt)
    crs = _check_crs(crs)
    layer = _check_layer_name(layer_name)
    if fmt == "geojson":
        _check_geojson_crs(crs)
    check_output_file(path)
    path = check_output_file(_with_suffix(path, fmt))
    out = _prepare(gdf, crs)
    field_map: dict[str, str] = {}
    if fmt == "geojson":
        _write_geojson_file(out, path, crs=crs)
    elif fmt == "gpkg":
        with atomic_path(path) as tmp:
            _write_ogr(out, tmp, driver="GPKG", layer=layer, layer_options=_gpkg_options(crs))
    elif fmt == "shp":
        field_map = _write_shapefile_zip(out, path, crs=crs, layer=layer)
    else:
        _write_csv(out, path, crs=crs)
    logger.info("Exported %d features as %s in %s to %s", len(out), fmt, crs, path)
    return ExportResult(
        path=path,
        fmt=fmt,
        crs=crs,
        feature_count=len(out),
        layers=(layer,),
        field_map=MappingProxyType(field_map),
    )


def export_layers(
    layers: Mapping[str, gpd.GeoDataFrame],
    path: str | Path,
    *,
    crs: ExportCRS = "EPSG:4326",
) -> ExportResult:
    """Export several layers into one GeoPackage.

    All layers are written into one temporary file (the first creates it, the
    others are added) which is renamed to ``path`` only when every layer is
    written; a failure leaves any previous file untouched.

    Parameters
    ----------
    layers
        Layer name -> GeoDataFrame (each with a CRS), written in this order.
        Names must be unique ignoring case (GeoPackage tables are).
    path
        Output ``.gpkg`` file (the suffix is appended when missing).
    crs
        {"EPSG:4326", "EPSG:4490", "EPSG:4547", "gcj02"}
        Output coordinates of every layer; see :func:`export_layer`.

    Returns
    -------
    ExportResult
        ``fmt="gpkg"``, the total feature count and the layer names.

    Raises
    ------
    CRSError
        If a layer has no CRS.
    ValueError
        If ``layers`` is empty, names clash ignoring case, or ``crs`` is not
        allowed.

    See Also
    --------
    export_layer : one layer, any format.

    Examples
    --------
    >>> from geoapp.layers import load_layer
    >>> res = export_layers(  # doctest: +SKIP
    ...     {"counties": load_layer("counties"), "city": load_layer("city")},
    ...     "out/puyang.gpkg", crs="EPSG:4547",
    ... )
    """
    crs = _check_crs(crs)
    if not isinstance(layers, Mapping) or not layers:
        msg = f"`layers` must be a non-empty mapping of name -> GeoDataFrame, got {layers!r}."
        raise ValueError(msg)
    names = [_check_layer_name(n, what="A key of `layers`") for n in layers]
    counts = Counter(n.lower() for n in names)
    clash = [n for n in names if counts[n.lower()] > 1]
    if clash:
        msg = (
            f"`layers` names {clash} clash: GeoPackage layer names ignore case. "
            "Rename them so they differ by more than case."
        )
        raise ValueError(msg)
    check_output_file(path)
    prepared = {n: _prepare(g, crs, name=f"layers[{n!r}]") for n, g in layers.items()}
    path = check_output_file(_with_suffix(path, "gpkg"))
    with atomic_path(path) as tmp:
        for i, (name, gdf) in enumerate(prepared.items()):
            _write_ogr(
                gdf,
                tmp,
                driver="GPKG",
                layer=name,
                layer_options=_gpkg_options(crs),
                append=i > 0,
            )
    count = sum(len(g) for g in prepared.values())
    logger.info("Exported %d layers (%d features) in %s to %s", len(names), count, crs, path)
    return ExportResult(path=path, fmt="gpkg", crs=crs, feature_count=count, layers=tuple(names))


def to_bytes(
    gdf: gpd.GeoDataFrame,
    *,
    fmt: Format,
    crs: ExportCRS = "EPSG:4326",
    layer_name: str | None = None,
) -> tuple[bytes, str, str]:
    """Export one layer into memory, for a download button.

    The file is built by :func:`export_layer` in a temporary folder that is
    removed afterwards.

    Parameters
    ----------
    gdf
        The layer; it must have a CRS.
    fmt
        {"geojson", "gpkg", "shp", "csv"}; see :func:`export_layer`.
    crs
        {"EPSG:4326", "EPSG:4490", "EPSG:4547", "gcj02"}; see :func:`export_layer`.
    layer_name
        Layer name and file stem; default ``"layer"``.

    Returns
    -------
    tuple
        ``(data, file_name, mime)``: the file's bytes, a file name such as
        ``"layer.zip"`` and its MIME type.

    Raises
    ------
    CRSError, TypeError, ValueError
        As :func:`export_layer`.

    Examples
    --------
    >>> data, name, mime = to_bytes(counties, fmt="csv")  # doctest: +SKIP
    >>> st.download_button("CSV", data, file_name=name, mime=mime)  # doctest: +SKIP
    """
    fmt = _check_fmt(fmt)
    layer = _check_layer_name(layer_name)
    with tempfile.TemporaryDirectory(prefix="geoapp-export-") as folder:
        target = Path(folder) / f"{layer}{SUFFIXES[fmt][0]}"
        result = export_layer(gdf, target, fmt=fmt, crs=crs, layer_name=layer)
        data = result.path.read_bytes()
    return data, result.path.name, MIME_TYPES[fmt]


def write_geojson(gdf: gpd.GeoDataFrame, path: str | Path) -> Path:
    """Write an RFC 7946 GeoJSON file (WGS-84, right-hand winding, 7 decimals, UTF-8).

    Shorthand for ``export_layer(gdf, path, fmt="geojson").path``.

    Parameters
    ----------
    gdf
        Layer with a CRS; it is reprojected to EPSG:4326.
    path
        Output file (``.geojson`` is appended unless it ends in ``.geojson``
        or ``.json``).

    Returns
    -------
    pathlib.Path
        The written path.

    Raises
    ------
    CRSError
        If ``gdf`` has no CRS.
    """
    return export_layer(gdf, path, fmt="geojson").path
