"""CSV and XLSX tables: encoding, delimiter, coordinate columns and the checks of every row.

Every cell is read as text, so a rejected value is reported verbatim; the row
checks are vectorised over the whole table.
"""

from __future__ import annotations

import codecs
import io
import logging

import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import CRS

from geoapp import settings
from geoapp.errors import InputFileError
from geoapp.io._crs import (
    _DATUM_LABELS,
    _check_datum,
    _crs_label,
    _inside,
    _looks_projected,
    _projected_hint,
    _to_wgs84,
)
from geoapp.io._sources import _Options, _Source
from geoapp.io._text import (
    _codec,
    _coerce_numeric_columns,
    _column_key,
    _encoding_label,
    _parse_numbers,
)
from geoapp.io.result import (
    COORD_FIXED,
    REASON_EMPTY_ROW,
    REASON_MISSING,
    REASON_NOT_NUMERIC,
    REASON_SWAPPED,
    ImportResult,
    _list_rows,
    _rejected_frame,
    _reserve_columns,
)

logger = logging.getLogger(__package__)  # "geoapp.io", as before the split

#: Column names recognised as longitude / latitude (compared case-insensitively,
#: after Unicode NFKC normalisation and removal of all whitespace).
LON_NAMES: tuple[str, ...] = (
    "经度", "东经", "lon", "lng", "long", "longitude", "x", "横坐标", "x坐标",
)  # fmt: skip
LAT_NAMES: tuple[str, ...] = ("纬度", "北纬", "lat", "latitude", "y", "纵坐标", "y坐标")
_DELIMITERS = (",", "\t", ";", "|")


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
