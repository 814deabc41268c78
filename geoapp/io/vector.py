"""GeoJSON, GeoPackage and Shapefile: attribute encoding, layer choice, geometry repair, checks."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pyogrio.errors
import shapely
from pyproj import CRS

from geoapp import settings
from geoapp.errors import InputFileError
from geoapp.io._crs import (
    _DATUM_LABELS,
    _check_datum,
    _crs_label,
    _epsg_codes,
    _inside,
    _looks_projected,
    _projected_hint,
    _to_wgs84,
)
from geoapp.io._sources import _Options, _shapefile_parts, _Source
from geoapp.io._text import _codec, _encoding_label
from geoapp.io.result import (
    _MAX_LISTED,
    COORD_FIXED,
    REASON_EMPTY_GEOMETRY,
    REASON_INVALID_GEOMETRY,
    REASON_SWAPPED,
    ImportResult,
    _rejected_frame,
    _reserve_columns,
)
from geoapp.vocab import message

_POLYGONAL = (3, 6)  # shapely type ids of Polygon, MultiPolygon


def _find_sidecar(shp: Path, suffix: str) -> Path | None:
    return next((p for p in _shapefile_parts(shp) if p.suffix.lower() == suffix), None)


def _read_frame(path: Path, name: str, layer, encoding: str | None) -> gpd.GeoDataFrame:
    try:
        return gpd.read_file(path, engine="pyogrio", layer=layer, encoding=encoding)
    except UnicodeDecodeError as exc:
        msg = message(
            "{name}: attributes are not valid {encoding} ({why} at byte {byte}). Pass the right "
            "`encoding=`, e.g. 'GBK' or 'UTF-8' (a wrong .cpg file is the usual cause).",
            name=name,
            encoding=encoding or "in the declared encoding",
            why=exc.reason,
            byte=exc.start,
        )
        raise InputFileError(msg) from exc
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError,
            pyogrio.errors.FieldError, pyogrio.errors.GeometryError,
            pyogrio.errors.FeatureError) as exc:  # fmt: skip
        msg = message(
            "{name} cannot be read as a vector layer: {detail} Check that the file is complete.",
            name=name,
            detail=str(exc).replace(str(path), name),
        )
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
        note = message("{name}: no .cpg file; attributes read as UTF-8 ({how})", name=name, how=how)
        return "utf-8", "UTF-8", [note]
    try:
        pyogrio.read_dataframe(shp, encoding="gb18030", read_geometry=False)
    except UnicodeDecodeError as exc:
        msg = message(
            "{name}: no .cpg file and the attributes are neither UTF-8 nor GBK; pass `encoding=`.",
            name=name,
        )
        raise InputFileError(msg) from exc
    note = message(
        "{name}: no .cpg file and the attributes are not valid UTF-8; read as GBK "
        "(decoded as GB18030). If names look wrong, {how}",
        name=name,
        how=how,
    )
    return "gb18030", "GBK", [note]


def _choose_layer(path: Path, name: str, layer: str | None) -> str | None:
    try:
        listed = pyogrio.list_layers(path)
    except pyogrio.errors.DataSourceError as exc:
        msg = message(
            "{name} cannot be opened as a vector file: {detail} Check the format and ending.",
            name=name,
            detail=str(exc).replace(str(path), name),
        )
        raise InputFileError(msg) from exc
    names = [str(n) for n in listed[:, 0]]
    if layer is not None:
        if layer not in names:
            msg = message(
                "{name}: `layer` was {layer!r} but the layers are {layers}. Pass one of these.",
                name=name,
                layer=layer,
                layers=names,
            )
            raise InputFileError(msg)
        return layer
    spatial = [str(n) for n, g in listed if g is not None]
    candidates = spatial or names
    if len(candidates) > 1:
        msg = message(
            "{name} contains {n} layers: {layers}. Pass `layer=` (--layer on the command line) "
            "with one of them, e.g. layer={first!r}.",
            name=name,
            n=len(candidates),
            layers=candidates,
            first=candidates[0],
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
    listed = list(zip(rows[inv_idx], reasons, polygonal, failed[inv_idx], strict=True))
    warnings = [
        message(
            "row {row}: invalid polygon repaired ({why})"
            if is_poly
            else "row {row}: invalid geometry kept as it is ({why})",
            row=int(r),
            why=why,
        )
        for r, why, is_poly, lost in listed[:_MAX_LISTED]
        if not lost  # those are rejected, and reported there
    ]
    if len(listed) > _MAX_LISTED:
        warnings.append(message("… and {n} more invalid geometries", n=len(listed) - _MAX_LISTED))
    return geoms, failed, warnings


def _read_vector(path: Path, src: _Source, opts: _Options, *, layer_used: bool = False):
    """Read a vector file into an :class:`ImportResult`: read, check the CRS, repair, convert."""
    name = src.name
    enc_arg, label, layer, warnings = _vector_encoding(path, name, opts, layer_used=layer_used)
    _check_feature_count(path, name, layer, enc_arg, opts.max_rows)
    gdf = _read_frame(path, name, layer, enc_arg)
    gdf = gdf.reset_index(drop=True)
    n = len(gdf)
    rows = np.arange(1, n + 1, dtype="int64")
    raw_geoms = np.asarray(gdf.geometry.values, dtype=object)
    empty = shapely.is_missing(raw_geoms) | shapely.is_empty(raw_geoms)
    present = ~empty
    bounds = shapely.bounds(raw_geoms[present]) if present.any() else np.zeros((0, 4))
    in_crs, crs_notes = _input_crs(gdf.crs, bounds, opts, name)
    warnings += crs_notes
    geoms, failed, repair_notes = _repair(raw_geoms, rows, present)
    warnings += repair_notes
    idx = np.flatnonzero(present & ~failed)
    out_geoms, inside, swapped, swap_notes = _to_storage(geoms, idx, in_crs, opts, name)
    warnings += swap_notes

    reason = np.full(n, "", dtype=object)
    reason[empty] = REASON_EMPTY_GEOMETRY
    reason[failed] = REASON_INVALID_GEOMETRY
    outside = np.zeros(n, dtype=bool)
    outside[idx[~inside]] = True
    reason[outside] = f"超出市域 / outside {opts.extent_name}"
    if not opts.fix_swapped:
        reason[outside & swapped] = REASON_SWAPPED
    bad = reason != ""

    attrs = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    rejected = _rejected_features(attrs, raw_geoms, gdf.geometry.name, rows, reason, bad)
    good, clash = _reserve_columns(attrs[~bad], ("source_row",), name)
    warnings += clash
    good = good.assign(source_row=rows[~bad]).reset_index(drop=True)
    if opts.fix_swapped and swapped.any():
        flags = np.full(int((~bad).sum()), None, dtype=object)
        flags[swapped[~bad]] = COORD_FIXED
        good = good.assign(coord_fixed=flags)
    result = gpd.GeoDataFrame(
        good,
        geometry=gpd.GeoSeries(out_geoms[~bad], crs=settings.STORAGE_CRS),
        crs=settings.STORAGE_CRS,
    )
    if result.geometry.name != "geometry":
        result = result.rename_geometry("geometry")
    crs_in = _DATUM_LABELS[opts.datum] or _crs_label(in_crs)
    return ImportResult(result, rejected, tuple(warnings), name, label, crs_in)


def _vector_encoding(path: Path, name: str, opts: _Options, *, layer_used: bool):
    """The encoding to read with, its label, the layer to read and the notes on ignored options.

    Returns
    -------
    tuple
        (encoding for pyogrio or None, label, layer or None, warnings).
    """
    warnings: list[str] = []
    if path.suffix.lower() == ".shp":
        enc_arg, label, warnings_enc = _shapefile_encoding(path, name, opts.encoding)
        warnings += warnings_enc
        layer = None
    else:
        if opts.encoding is not None and _codec(opts.encoding) != "utf-8":
            warnings.append(
                message(
                    "{name}: `encoding` ignored, {suffix} files are always UTF-8",
                    name=name,
                    suffix=path.suffix,
                )
            )
        enc_arg, label = None, "UTF-8"
        layer = None if layer_used else _choose_layer(path, name, opts.layer)
    if opts.lon_col is not None or opts.lat_col is not None:
        warnings.append(
            message("{name}: `lon_col`/`lat_col` ignored, the file has its own geometry", name=name)
        )
    return enc_arg, label, layer, warnings


def _check_feature_count(
    path: Path, name: str, layer: str | None, enc_arg: str | None, max_rows: int
) -> None:
    """Refuse a file with more than ``max_rows`` features, before reading it."""
    try:
        count = pyogrio.read_info(path, layer=layer, encoding=enc_arg).get("features", -1)
    except Exception:  # noqa: BLE001  read_frame below reports an unreadable file clearly
        count = -1
    if count is not None and count > max_rows:
        msg = message(
            "{name} has {n:,} features, more than the limit of {limit:,}. "
            "Split the file, or raise the limit (--max-rows, `limits=Limits(max_rows=…)`).",
            name=name,
            n=count,
            limit=max_rows,
        )
        raise InputFileError(msg)


def _input_crs(declared, bounds: np.ndarray, opts: _Options, name: str) -> tuple[CRS, list[str]]:
    """The CRS the coordinates are in: the user's, else the file's, else EPSG:4326 for degrees.

    Raises
    ------
    InputFileError
        If the coordinates look like projected metres with no CRS or a geographic
        one, or the datum does not fit the CRS.
    """
    warnings: list[str] = []
    file_crs = CRS.from_user_input(declared) if declared is not None else None
    in_crs = opts.user_crs
    if in_crs is not None:
        if file_crs is not None and not file_crs.equals(in_crs):
            warnings.append(
                message(
                    "{name}: the file declares {declared}; read as {used} because `crs` was given",
                    name=name,
                    declared=_crs_label(file_crs),
                    used=_crs_label(in_crs),
                )
            )
    elif file_crs is not None:
        in_crs = file_crs
    elif _looks_projected(bounds[:, 0], bounds[:, 1]):
        hint = _projected_hint(bounds[:, 0], bounds[:, 1])
        msg = message(
            "{name} has no CRS (.prj missing) and its coordinates look like projected metres. "
            "Pass the CRS, e.g. {hint}.",
            name=name,
            hint=hint,
            codes=_epsg_codes(hint),
        )
        raise InputFileError(msg)
    else:
        in_crs = CRS.from_user_input(settings.STORAGE_CRS)
        warnings.append(
            message(
                "{name} has no CRS (.prj missing); coordinates look like degrees and were read "
                "as EPSG:4326. Pass `crs=` if that is wrong",
                name=name,
            )
        )
    if in_crs.is_geographic and _looks_projected(bounds[:, 0], bounds[:, 1]):
        hint = _projected_hint(bounds[:, 0], bounds[:, 1])
        msg = message(
            "{name}: the coordinates look like projected metres although the layer is in "
            "{crs} (degrees). Pass the CRS they are in, e.g. {hint}.",
            name=name,
            crs=_crs_label(in_crs),
            hint=hint,
            codes=_epsg_codes(hint),
        )
        raise InputFileError(msg)
    _check_datum(opts.datum, in_crs, name)
    return in_crs, warnings


def _to_storage(geoms: np.ndarray, idx: np.ndarray, in_crs: CRS, opts: _Options, name: str):
    """Convert the geometries at ``idx`` to EPSG:4326 and find [lat, lon] swaps.

    Returns
    -------
    tuple
        (geometries in EPSG:4326, None where not converted; inside the extent,
        per position of ``idx``; swapped, per row; warnings).
    """
    warnings: list[str] = []
    n = len(geoms)
    converted = _to_wgs84(gpd.GeoSeries(geoms[idx], crs=in_crs), opts.datum)
    inside = _inside(converted, opts.extent_m)
    out_geoms = np.full(n, None, dtype=object)
    out_geoms[idx] = np.asarray(converted.values)
    # [lat, lon] order (a common GeoJSON mistake): the swapped geometry is inside
    swapped = np.zeros(n, dtype=bool)
    if in_crs.is_geographic and (~inside).any():
        out_idx = idx[~inside]
        flipped = shapely.transform(geoms[out_idx], lambda c: c[:, ::-1])
        flipped_wgs = _to_wgs84(gpd.GeoSeries(flipped, crs=in_crs), opts.datum)
        ok = _inside(flipped_wgs, opts.extent_m)
        swapped[out_idx[ok]] = True
        if opts.fix_swapped and ok.any():
            out_geoms[out_idx[ok]] = np.asarray(flipped_wgs.values)[ok]
            inside[np.flatnonzero(~inside)[ok]] = True
            warnings.append(
                message(
                    "{name}: {n} feature(s) had latitude and longitude swapped ([lat, lon] "
                    "order); fixed (经纬度已交换) and flagged in column 'coord_fixed'",
                    name=name,
                    n=int(ok.sum()),
                )
            )
    return out_geoms, inside, swapped, warnings


def _rejected_features(
    attrs: pd.DataFrame,
    raw_geoms: np.ndarray,
    geom_name: str,
    rows: np.ndarray,
    reason: np.ndarray,
    bad: np.ndarray,
) -> pd.DataFrame:
    """The rejected rows, with the raw geometry in the file's CRS as WKT."""
    wkt = pd.Series(shapely.to_wkt(raw_geoms[bad], trim=True), dtype=object).fillna("None")
    raw = attrs[bad].assign(**{geom_name: wkt.str.slice(0, 1000).to_numpy(dtype=object)})
    column = np.full(int(bad.sum()), geom_name, dtype=object)
    short_wkt = wkt.str.slice(0, 200).to_numpy(dtype=object)
    return _rejected_frame(rows[bad], reason[bad], column, short_wkt, raw)
