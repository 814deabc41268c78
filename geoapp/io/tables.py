"""CSV and XLSX tables: encoding, delimiter, coordinate columns and the checks of every row.

Every cell is read as text, so a rejected value is reported verbatim; the row
checks are vectorised over the whole table.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
import zipfile
from dataclasses import dataclass
from itertools import islice
from typing import NoReturn

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import shapely
from pyproj import CRS, Transformer

from geoapp import settings
from geoapp.errors import InputFileError
from geoapp.geo import convert_lonlat
from geoapp.io._crs import (
    _DATUM_LABELS,
    _check_datum,
    _crs_label,
    _epsg_codes,
    _looks_projected,
    _projected_hint,
    _to_wgs84,
)
from geoapp.io._sources import _check_archive, _Options, _Source
from geoapp.io._text import (
    _arrow,
    _codec,
    _coerce_numeric_columns,
    _column_key,
    _encoding_label,
    _normalise_text,
    _parse_numbers,
)
from geoapp.io.result import (
    COORD_FIXED,
    REASON_EMPTY_ROW,
    REASON_MISSING,
    REASON_NOT_NUMERIC,
    REASON_SWAPPED,
    REASON_TOO_LONG,
    REASON_TOTAL_ROW,
    ImportResult,
    _list_rows,
    _rejected_frame,
    _reserve_columns,
)
from geoapp.vocab import message

logger = logging.getLogger(__package__)  # "geoapp.io", as before the split

#: Column names recognised as longitude / latitude (compared case-insensitively,
#: after Unicode NFKC normalisation and removal of all whitespace).
LON_NAMES: tuple[str, ...] = (
    "经度", "东经", "lon", "lng", "long", "longitude", "x", "横坐标", "x坐标",
)  # fmt: skip
LAT_NAMES: tuple[str, ...] = ("纬度", "北纬", "lat", "latitude", "y", "纵坐标", "y坐标")
_DELIMITERS = (",", "\t", ";", "|", "\uff0c")  # the last: the full-width comma '，'
#: A first cell saying the row is a total, not a site (合计, 总计, 小计, total).
_TOTAL_RE = r"^(?:合计|总计|小计|累计|共计|total|sum)$"
#: Rows searched for the header of a spreadsheet (title rows and two-row headers above it).
_HEADER_SEARCH_ROWS = 12
# Degrees, minutes, seconds: 115°01'30", 115度01分30秒, E115°01.5', 35°42'N, 东经115度.
_DMS_RE = (
    r"^(?P<h0>[NSEWnsew]|东经|北纬|西经|南纬)?\s*(?P<d>\d+(?:\.\d+)?)\s*(?:°|º|度|d)\s*"
    r"(?:(?P<m>\d+(?:\.\d+)?)\s*(?:'|′|’|分|m)\s*)?"
    r"(?:(?P<s>\d+(?:\.\d+)?)\s*(?:\"|″|′′|''|’’|”|秒|s)?\s*)?"
    r"(?P<h>[NSEWnsew]|东|西|南|北)?$"
)
_DECIMAL_COMMA_RE = r"^[+-]?\d{1,3},\d+$"


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[str, str, list[str]]:
    if encoding is not None:
        codec = _codec(encoding)
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            msg = message(
                "{name} is not valid {encoding} (byte {byte}: {bad!r}). Leave `encoding` "
                "unset to detect it, or pass the right one, e.g. 'GBK'.",
                name=name,
                encoding=encoding,
                byte=exc.start,
                bad=data[exc.start : exc.start + 4],
            )
            raise InputFileError(msg) from exc
        return text.removeprefix("\ufeff"), _encoding_label(encoding), []
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "UTF-8-BOM", []
        except UnicodeDecodeError as exc:
            msg = message(
                "{name} starts with a UTF-8 BOM but is not valid UTF-8 (byte {byte}).",
                name=name,
                byte=exc.start,
            )
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
        msg = message(
            "{name} is neither UTF-8 nor GBK (byte {byte}). Save it in Excel as 'CSV UTF-8', "
            "or pass `encoding=`.",
            name=name,
            byte=exc.start,
        )
        raise InputFileError(msg) from exc
    warning = message(
        "{name} is not UTF-8; read as GBK (decoded as GB18030). If the text looks wrong, "
        "pass `encoding=` explicitly, or save the file as 'CSV UTF-8'",
        name=name,
    )
    return text, "GBK", [warning]


_UPLOAD_TABLE = message("Upload the table itself")
_UNPACK = message("Unpack it and upload the table, or a .zip")
_MAGIC = (
    (
        b"%PDF",
        message("a PDF document"),
        message("Export the table as CSV or XLSX from the program that made it"),
    ),
    (
        b"\xd0\xcf\x11\xe0",
        message("an old Excel .xls (or .doc / .et) file"),
        message("Open it in Excel or WPS and save it as .xlsx"),
    ),
    (
        b"SQLite format 3\x00",
        message("a GeoPackage / SQLite database"),
        message("Rename it to .gpkg"),
    ),
    (b"\x89PNG", message("a PNG image"), _UPLOAD_TABLE),
    (b"\xff\xd8\xff", message("a JPEG image"), _UPLOAD_TABLE),
    (b"Rar!", message("a RAR archive"), _UNPACK),
    (b"7z\xbc\xaf", message("a 7-Zip archive"), _UNPACK),
)


def _sniff(data: bytes, name: str, suffix: str) -> None:
    """Refuse a file whose bytes say it is not what its ending claims, naming what it is."""
    head = data[:16]
    for magic, what, fix in _MAGIC:
        if head.startswith(magic):
            msg = message(
                "{name} is really {what}, not a {suffix} table (its first bytes say so). {fix}.",
                name=name,
                what=what,
                suffix=suffix,
                fix=fix,
            )
            raise InputFileError(msg)
    is_zip = head.startswith(b"PK\x03\x04")
    if suffix == ".xlsx" and not is_zip:
        printable = sum(32 <= b < 127 or b in (9, 10, 13) or b >= 128 for b in data[:512])
        if data[:512] and printable / len(data[:512]) > 0.95:
            msg = message(
                "{name} is a text file (CSV?), not an Excel .xlsx workbook. Rename it to {csv}.",
                name=name,
                csv=f"{name.rsplit('.', 1)[0]}.csv",
            )
        else:
            msg = message(
                "{name} is not an Excel .xlsx workbook (not a zip package). Re-save it in Excel.",
                name=name,
            )
        raise InputFileError(msg)
    if suffix != ".xlsx" and is_zip:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = zf.namelist()
        except zipfile.BadZipFile:
            names = []
        stem = name.rsplit(".", 1)[0]
        if any(n.startswith("xl/") for n in names):
            what = message("an Excel .xlsx workbook")
            fix = message("Rename it to {stem}.xlsx", stem=stem)
        elif any(n.startswith("word/") for n in names):
            what = message("a Word .docx document")
            fix = message("Upload the table itself as CSV or XLSX")
        else:
            what = message("a .zip archive")
            fix = message("Rename it to {stem}.zip", stem=stem)
        msg = message(
            "{name} is really {what}, not a {suffix} table (its first bytes say so). {fix}.",
            name=name,
            what=what,
            suffix=suffix,
            fix=fix,
        )
        raise InputFileError(msg)


def _header_names(rows: list[tuple], r: int) -> list[str]:
    """Column names from header row ``r``, completed by the row above (merged two-row headers)."""
    top = rows[r - 1] if r > 0 else ()
    names = []
    width = max(len(rows[r]), len(top))
    for c in range(width):
        v = rows[r][c] if c < len(rows[r]) else None
        if v is None or str(v).strip() == "":
            v = top[c] if c < len(top) else None
        names.append(str(v).strip() if v is not None and str(v).strip() else f"列{c + 1}")
    return names


def _find_header(rows: list[tuple], opts: _Options) -> tuple[int, list[str]] | None:
    """The header row (0-based) and the column names, or None when no row names lon and lat."""
    for r in range(min(len(rows), _HEADER_SEARCH_ROWS)):
        if not any(v is not None and str(v).strip() for v in rows[r]):
            continue
        names = _header_names(rows, r)
        try:
            _find_coord_columns(names, opts.lon_col, opts.lat_col, "")
        except InputFileError:
            continue
        return r, names
    return None


def _check_xlsx_size(data: bytes, name: str, opts: _Options) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            _check_archive(zf, name, opts, kind="workbook")
    except zipfile.BadZipFile as exc:
        msg = message(
            "{name} is not a valid Excel .xlsx workbook ({detail}). Re-save it in Excel.",
            name=name,
            detail=str(exc),
        )
        raise InputFileError(msg) from exc


def _load_xlsx(data: bytes, src: _Source, opts: _Options):
    """Read the data sheet of a workbook: (frame, first data row number, warnings)."""
    _check_xlsx_size(data, src.name, opts)
    try:
        sheets, found = _find_data_sheet(data, src.name, opts)
        if found is None:
            _raise_no_coord_sheet(data, src.name, opts, sheets)
        sheet, header_row, names = found
        frame = pd.read_excel(io.BytesIO(data), sheet_name=sheet, header=None,
                              skiprows=header_row + 1, dtype=str, na_filter=False,
                              engine="openpyxl")  # fmt: skip
    except InputFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        msg = message(
            "{name} cannot be read as an Excel .xlsx workbook ({detail}). Re-save it in Excel.",
            name=src.name,
            detail=f"{type(exc).__name__}: {exc}",
        )
        raise InputFileError(msg) from exc
    names = names + [f"列{c + 1}" for c in range(len(names), frame.shape[1])]
    frame.columns = _unique(names[: frame.shape[1]])
    return frame, header_row + 2, _sheet_notes(src.name, opts, sheets, sheet, header_row)


def _find_data_sheet(
    data: bytes, name: str, opts: _Options
) -> tuple[list[str], tuple[str, int, list[str]] | None]:
    """The workbook's sheets and the first (or the chosen) one with a lon/lat header.

    Returns
    -------
    tuple
        (sheet names; (sheet, header row 0-based, column names), or None when no
        sheet searched has longitude/latitude columns).
    """
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheets = list(wb.sheetnames)
        if opts.layer is not None and opts.layer not in sheets:
            msg = message(
                "{name}: `layer` was {layer!r} but the sheets are {sheets}. "
                "Pass one of these sheet names (--layer on the command line).",
                name=name,
                layer=opts.layer,
                sheets=sheets,
            )
            raise InputFileError(msg)
        for sheet in [opts.layer] if opts.layer is not None else sheets:
            ws = wb[sheet]
            top = [tuple(r) for r in islice(ws.iter_rows(values_only=True), _HEADER_SEARCH_ROWS)]
            hit = _find_header(top, opts)
            if hit is not None:
                return sheets, (sheet, *hit)
        return sheets, None
    finally:
        wb.close()


def _raise_no_coord_sheet(data: bytes, name: str, opts: _Options, sheets: list[str]) -> NoReturn:
    """Raise the error of a workbook without lon/lat columns, naming the columns it has."""
    sheet = opts.layer if opts.layer is not None else sheets[0]
    frame = pd.read_excel(io.BytesIO(data), sheet_name=sheet, dtype=str, na_filter=False,
                          engine="openpyxl", nrows=5)  # fmt: skip
    frame.columns = [str(c) for c in frame.columns]
    _find_coord_columns(list(frame.columns), opts.lon_col, opts.lat_col, name)
    msg = message(
        "{name}: no sheet has longitude/latitude columns (sheets: {sheets}).",
        name=name,
        sheets=sheets,
    )
    raise InputFileError(msg)


def _sheet_notes(
    name: str, opts: _Options, sheets: list[str], sheet: str, header_row: int
) -> list[str]:
    """Notes on the sheet read (others skipped or left) and on rows skipped above its header."""
    warnings: list[str] = []
    if opts.layer is None and sheet != sheets[0]:
        skipped = sheets[: sheets.index(sheet)]
        warnings.append(
            message(
                "{name}: read sheet {sheet!r}; {skipped} hold no longitude/latitude columns "
                "(e.g. 填表说明). Pass `layer=` (--layer) to choose another sheet",
                name=name,
                sheet=sheet,
                skipped=skipped,
            )
        )
    elif opts.layer is None and len(sheets) > 1:
        warnings.append(
            message(
                "{name} has {n} sheets; read the first, {sheet!r}. "
                "Pass `layer=` (--layer) to read another of {sheets}",
                name=name,
                n=len(sheets),
                sheet=sheet,
                sheets=sheets,
            )
        )
    if header_row > 0:
        warnings.append(
            message(
                "{name}: the header is on row {row} of sheet {sheet!r} "
                "(title or merged header rows above it were skipped)",
                name=name,
                row=header_row + 1,
                sheet=sheet,
            )
        )
    return warnings


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for n in names:
        k = seen.get(n, 0)
        seen[n] = k + 1
        out.append(n if k == 0 else f"{n}.{k}")
    return out


def _pick_delimiter(header: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _quote_problem(frame: pd.DataFrame, sep: str, name: str) -> None:
    """Refuse a CSV where a stray quote swallowed following lines into one cell."""
    if frame.empty:
        return
    embedded = np.zeros(len(frame), dtype=np.int64)
    culprit: dict[int, str] = {}
    for col in frame.columns:  # per column, vectorised over rows
        arr = _arrow(frame[col])
        n_lines = pc.count_substring(arr, "\n").to_numpy(zero_copy_only=False)
        if not n_lines.any():
            continue
        embedded += n_lines
        maybe = (n_lines > 0) & pc.match_substring(arr, sep).to_numpy(zero_copy_only=False)
        # a swallowed record: some line inside the cell holds a whole row's separators
        # (a quoted multi-line note or address does not); only these few cells are split
        need = max(1, frame.shape[1] - 1)
        for i in np.flatnonzero(maybe):
            if any(ln.count(sep) >= need for ln in str(arr[int(i)]).split("\n")):
                culprit.setdefault(int(i), str(col))
                break
    if not culprit:
        return
    row = min(culprit)
    line = 2 + int(embedded[:row].sum()) + row  # the physical line the record starts on
    msg: str = message(
        '{name} line {line}: a quote (") in column {col!r} is not closed at the end of the '
        "line, so lines {line}–{last} were read as one cell and {n} row(s) would be lost. "
        'Remove the stray quote or close it ("…"), then load the file again.',
        name=name,
        line=line,
        col=culprit[row],
        last=line + int(embedded[row]),
        n=int(embedded[row]),
    )
    raise InputFileError(msg)


def _load_table(data: bytes, src: _Source, suffix: str, opts: _Options):
    """Read a CSV/XLSX with every cell as text; return (frame, encoding, first row, warnings)."""
    _sniff(data, src.name, suffix)
    if suffix == ".xlsx":
        if opts.encoding is not None:
            logger.debug("`encoding` ignored for XLSX %s", src.name)
        frame, first, warnings = _load_xlsx(data, src, opts)
        _check_rows(len(frame), src.name, opts)
        return frame, None, first, warnings, ","
    text, label, warnings = _decode(data, src.name, opts.encoding)
    header = text.split("\n", 1)[0]
    sep = _pick_delimiter(header, suffix)
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    if lines - 1 > opts.max_rows:
        _check_rows(lines - 1, src.name, opts, about=True)
    engine = "python" if len(sep.encode("utf-8")) > 1 else "c"
    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=sep, dtype=str, na_filter=False, skip_blank_lines=False,
            engine=engine,
        )  # fmt: skip
    except pd.errors.EmptyDataError as exc:
        msg = message("{name} is empty; it needs a header row and data rows.", name=src.name)
        raise InputFileError(msg) from exc
    except pd.errors.ParserError as exc:
        detail = str(exc).strip()
        m = re.search(r"EOF inside string starting at row (\d+)", detail)
        if m:
            msg = message(
                '{name} line {line}: a quote (") opened there is never closed, so the rest of '
                "the file would be one cell. Remove the stray quote or close it, then load the "
                "file again.",
                name=src.name,
                line=int(m.group(1)) + 1,
            )
        else:
            msg = message(
                "{name} cannot be parsed as CSV (separator {sep!r}): {detail}. Quote values "
                "that contain the separator, or fix the row with too many fields.",
                name=src.name,
                sep=sep,
                detail=detail,
            )
        raise InputFileError(msg) from exc
    _quote_problem(frame, sep, src.name)
    if sep == "\uff0c":
        warnings.append(
            message("{name}: fields are separated by the full-width comma '，'", name=src.name)
        )
    return frame, label, 2, warnings, sep


def _check_rows(n: int, name: str, opts: _Options, *, about: bool = False) -> None:
    if n > opts.max_rows:
        msg = message(
            "{name} has {about}{n:,} data rows, more than the limit of {limit:,}. Split the "
            "file, or raise the limit (--max-rows, or `limits=Limits(max_rows=…)`).",
            name=name,
            about="about " if about else "",
            n=n,
            limit=opts.max_rows,
        )
        raise InputFileError(msg)


def _bare_key(name: object) -> str:
    """A header without units or notes in brackets, degree signs or 'WGS84' words."""
    text = re.sub(r"[（(\[【].*?[）)\]】]", "", str(name))
    text = re.sub(r"[°º]|[_\s-]*(?:wgs-?84|cgcs2000|deg(?:rees)?|/°?[EN])$", "", text, flags=re.I)
    return _column_key(text)


def _find_coord_columns(
    columns: list[str], lon_col: str | None, lat_col: str | None, name: str
) -> tuple[str, str, list[str]]:
    keys = {c: _column_key(c) for c in columns}
    bare = {c: _bare_key(c) for c in columns}

    def find(wanted: str | None, candidates: tuple[str, ...], what: str, arg: str):
        if wanted is not None:
            if wanted in columns:
                return wanted, []
            hits = [c for c in columns if keys[c] == _column_key(wanted)]
            if not hits:
                msg = message(
                    "{name}: `{arg}` was {wanted!r} but there is no such column. "
                    "Columns present: {columns}.",
                    name=name,
                    arg=arg,
                    wanted=wanted,
                    what=what,
                    columns=columns,
                )
                raise InputFileError(msg)
            return hits[0], []
        order = {_column_key(c): i for i, c in enumerate(candidates)}
        hits = sorted((c for c in columns if keys[c] in order), key=lambda c: order[keys[c]])
        if not hits:  # units in the header: 经度(°E), Longitude (WGS84), 纬度（度）
            hits = sorted((c for c in columns if bare[c] in order), key=lambda c: order[bare[c]])
        notes = []
        if len(hits) > 1:
            notes.append(
                message(
                    "several {what} columns {hits}; used {used!r}. Pass `{arg}=` to choose",
                    what=what,
                    hits=hits,
                    used=hits[0],
                    arg=arg,
                )
            )
        return (hits[0] if hits else None), notes

    lon, lon_notes = find(lon_col, LON_NAMES, "longitude", "lon_col")
    lat, lat_notes = find(lat_col, LAT_NAMES, "latitude", "lat_col")
    if lon is None or lat is None:
        missing = [w for w, c in (("longitude", lon), ("latitude", lat)) if c is None]
        msg: str = message(
            "{name}: no {missing} column found. Columns present: {columns}. Name them e.g. "
            "经度/纬度 or lon/lat (recognised: {lon_names} and {lat_names}), or pass `lon_col=` "
            "and `lat_col=`.",
            name=name,
            missing=" or ".join(missing),
            columns=columns,
            lon_names=list(LON_NAMES),
            lat_names=list(LAT_NAMES),
        )
        raise InputFileError(msg)
    if lon == lat:
        msg = message(
            "{name}: `lon_col` and `lat_col` both name the column {col!r}.", name=name, col=lon
        )
        raise InputFileError(msg)
    return lon, lat, lon_notes + lat_notes


def _parse_coordinates(
    raw: pd.Series, *, decimal_comma: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Parse a coordinate column: numbers, then DMS / 度分秒 and decimal commas (vectorised).

    Returns
    -------
    tuple of numpy.ndarray
        Values (NaN where not a number), the missing mask, and the mask of
        cells read as degrees-minutes-seconds or with a decimal comma.
    """
    text = _normalise_text(raw)
    values, missing = _parse_numbers(text, normalised=True)
    other = np.flatnonzero(~missing & np.isnan(values))
    special = np.zeros(len(values), dtype=bool)
    if other.size:
        sub = text.take(pa.array(other))
        parts = pc.extract_regex(sub, _DMS_RE)
        d, m, sec = (
            pc.cast(
                pc.if_else(pc.equal(parts.field(k), ""), None, parts.field(k)), pa.float64()
            ).to_numpy(zero_copy_only=False)
            for k in ("d", "m", "s")
        )
        ok = np.isfinite(d) & ~(np.nan_to_num(m) >= 60) & ~(np.nan_to_num(sec) >= 60)
        # a bare number followed by ' or " is not DMS: require a degree mark (°, 度, d)
        dms = d + np.nan_to_num(m) / 60.0 + np.nan_to_num(sec) / 3600.0
        hemi = pc.binary_join_element_wise(parts.field("h0"), parts.field("h"), "")
        south_west = pc.match_substring_regex(hemi, "[SWsw西南]").to_numpy(zero_copy_only=False)
        dms = np.where(south_west, -dms, dms)
        good = np.asarray(ok, dtype=bool) & ~np.asarray(
            pc.is_null(parts).to_numpy(zero_copy_only=False), dtype=bool
        )
        values[other[good]] = dms[good]
        special[other[good]] = True
        if decimal_comma:
            rest = other[~good]
            sub = text.take(pa.array(rest))
            comma = pc.match_substring_regex(sub, _DECIMAL_COMMA_RE).to_numpy(zero_copy_only=False)
            fixed = pc.cast(
                pc.if_else(comma, pc.replace_substring(sub, ",", "."), None), pa.float64()
            ).to_numpy(zero_copy_only=False)
            values[rest[comma]] = fixed[comma]
            special[rest[comma]] = True
    return values, missing, special


def _first_cell_total(frame: pd.DataFrame) -> np.ndarray:
    """Rows whose first non-blank cell (of the first two columns) says 合计 / 总计 / total."""
    out = np.zeros(len(frame), dtype=bool)
    pattern = r"^[\s\x{3000}]*" + _TOTAL_RE[1:-1] + r"[\s\x{3000}]*$"
    for col in list(frame.columns)[:2]:
        hit = pc.match_substring_regex(_arrow(frame[col]), pattern, ignore_case=True)
        out |= hit.to_numpy(zero_copy_only=False)
    return out


def _metric_xy(x: np.ndarray, y: np.ndarray, crs: CRS, datum: str):
    """EPSG:4547 coordinates of lon/lat or projected x/y (datum converted first), vectorised."""
    if datum != "wgs84":
        x, y = convert_lonlat(x, y, source=datum, target="wgs84")  # type: ignore[arg-type]
        crs = CRS.from_user_input(settings.STORAGE_CRS)
    return _transformer(crs.to_wkt()).transform(x, y)


def _transformer(wkt: str) -> Transformer:
    return _TRANSFORMERS.get(wkt) or _TRANSFORMERS.setdefault(
        wkt, Transformer.from_crs(CRS.from_wkt(wkt), settings.METRIC_CRS, always_xy=True)
    )


_TRANSFORMERS: dict[str, Transformer] = {}


def _read_table(data: bytes, src: _Source, opts: _Options, *, suffix: str | None = None):
    """Read a table of points (CSV, TSV, TXT, XLSX) into an :class:`ImportResult`.

    Steps: load the cells, find and parse the coordinate columns, reject the
    unreadable rows, check the CRS, reject (or fix) the rows outside the
    extent, then build the points of the rows kept.
    """
    frame, label, first_row, warnings, sep = _load_table(data, src, suffix or src.suffix, opts)
    name = src.name
    rows = np.arange(len(frame), dtype="int64") + first_row  # the row number the user sees
    lon, lat, notes = _find_coord_columns(list(frame.columns), opts.lon_col, opts.lat_col, name)
    warnings += notes
    xy, parse_notes = _parse_xy(frame, lon, lat, rows, name, decimal_comma=sep != ",")
    warnings += parse_notes
    rej = _Rejections(len(frame))
    _reject_unreadable(rej, frame, xy, opts.max_cell_chars)
    in_crs = _table_crs(xy, rej.reason == "", rows, opts, name)
    fixed, extent_notes = _check_extent(rej, xy, in_crs, rows, opts)
    warnings += extent_notes
    bad = rej.reason != ""
    rejected = _rejected_frame(
        rows[bad], rej.reason[bad], rej.column[bad], rej.value[bad], frame[bad]
    )
    gdf, kept_notes = _kept_points(frame, rows, ~bad, xy, fixed, in_crs, opts, name)
    warnings += kept_notes
    crs_in = _DATUM_LABELS[opts.datum] or _crs_label(in_crs)
    return ImportResult(gdf, rejected, tuple(warnings), name, label, crs_in)


@dataclass
class _Coords:
    """The coordinate columns of a table and their parsed values.

    Attributes
    ----------
    lon, lat
        The column names.
    x, y
        The values as numbers (NaN where not a number).
    x_missing, y_missing
        The blank cells.
    raw_x, raw_y
        The cells as read.
    """

    lon: str
    lat: str
    x: np.ndarray
    y: np.ndarray
    x_missing: np.ndarray
    y_missing: np.ndarray
    raw_x: np.ndarray
    raw_y: np.ndarray


class _Rejections:
    """Why each row is rejected, with the column and value at fault (``""``: kept).

    A row keeps the first reason it is given.
    """

    def __init__(self, n: int) -> None:
        self.reason = np.full(n, "", dtype=object)
        self.column = np.full(n, "", dtype=object)
        self.value = np.full(n, "", dtype=object)

    def reject(self, mask: np.ndarray, why: str, col, val) -> None:
        """Reject the rows of ``mask`` not yet rejected (``col``/``val``: per row or one value)."""
        m = mask & (self.reason == "")
        self.reason[m] = why
        self.column[m] = col[m] if isinstance(col, np.ndarray) else col
        self.value[m] = val[m] if isinstance(val, np.ndarray) else val


def _parse_xy(
    frame: pd.DataFrame, lon: str, lat: str, rows: np.ndarray, name: str, *, decimal_comma: bool
) -> tuple[_Coords, list[str]]:
    """Parse the coordinate columns, with a note on the cells read as DMS or decimal commas."""
    x, x_missing, x_special = _parse_coordinates(frame[lon], decimal_comma=decimal_comma)
    y, y_missing, y_special = _parse_coordinates(frame[lat], decimal_comma=decimal_comma)
    warnings: list[str] = []
    if (x_special | y_special).any():
        warnings.append(
            message(
                "{name}: {n} coordinate(s) read as degrees-minutes-seconds (度分秒) or with a "
                "decimal comma, e.g. row {row}",
                name=name,
                n=int((x_special | y_special).sum()),
                row=int(rows[np.flatnonzero(x_special | y_special)[0]]),
            )
        )
    raw_x, raw_y = frame[lon].to_numpy(dtype=object), frame[lat].to_numpy(dtype=object)
    return _Coords(lon, lat, x, y, x_missing, y_missing, raw_x, raw_y), warnings


def _reject_unreadable(
    rej: _Rejections, frame: pd.DataFrame, xy: _Coords, max_cell_chars: int
) -> None:
    """Reject empty rows, over-long cells, total rows and missing or non-numeric coordinates."""
    n = len(frame)
    empty_row = np.ones(n, dtype=bool)
    too_long = np.zeros(n, dtype=bool)
    long_col = np.full(n, "", dtype=object)
    for col in frame.columns:  # per column, vectorised over rows
        arr = _arrow(frame[col])
        empty_row &= pc.equal(pc.utf8_trim_whitespace(arr), "").to_numpy(zero_copy_only=False)
        length = pc.utf8_length(arr).to_numpy(zero_copy_only=False)
        over = length > max_cell_chars
        if over.any():
            long_col[over & ~too_long] = col
            too_long |= over
    total = _first_cell_total(frame)
    first = frame.columns[0]
    rej.reject(empty_row, REASON_EMPTY_ROW, "", "")
    rej.reject(too_long, REASON_TOO_LONG.format(n=max_cell_chars), long_col, "")
    rej.reject(total, REASON_TOTAL_ROW, first, frame[first].to_numpy(dtype=object))
    rej.reject(xy.x_missing, REASON_MISSING, xy.lon, xy.raw_x)
    rej.reject(xy.y_missing, REASON_MISSING, xy.lat, xy.raw_y)
    rej.reject(~xy.x_missing & np.isnan(xy.x), REASON_NOT_NUMERIC, xy.lon, xy.raw_x)
    rej.reject(~xy.y_missing & np.isnan(xy.y), REASON_NOT_NUMERIC, xy.lat, xy.raw_y)


def _table_crs(
    xy: _Coords, numeric: np.ndarray, rows: np.ndarray, opts: _Options, name: str
) -> CRS:
    """The CRS of the coordinates (the user's, else EPSG:4326), checked against the values.

    Raises
    ------
    InputFileError
        If degrees were given or assumed but the values look like projected
        metres, or the datum does not fit the CRS.
    """
    in_crs = opts.user_crs or CRS.from_user_input(settings.STORAGE_CRS)
    x, y = xy.x[numeric], xy.y[numeric]
    if in_crs.is_geographic and _looks_projected(x, y):
        first = int(np.flatnonzero(numeric)[0])
        hint = _projected_hint(x, y)
        msg = message(
            "{name}: the coordinates in columns {lon!r}/{lat!r} look like projected metres, "
            "not degrees (e.g. row {row}: {x}, {y}), but the CRS was {assumed} {crs}. Pass the "
            "CRS they are in, e.g. {hint}.",
            name=name,
            lon=xy.lon,
            lat=xy.lat,
            row=int(rows[first]),
            x=xy.raw_x[first],
            y=xy.raw_y[first],
            assumed="given as" if opts.user_crs else "assumed to be",
            crs=_crs_label(in_crs),
            hint=hint,
            codes=_epsg_codes(hint),
        )
        raise InputFileError(msg)
    _check_datum(opts.datum, in_crs, name)
    return in_crs


def _check_extent(
    rej: _Rejections, xy: _Coords, in_crs: CRS, rows: np.ndarray, opts: _Options
) -> tuple[np.ndarray, list[str]]:
    """Reject the rows outside the extent; swapped lon/lat are fixed (in ``xy``) or rejected.

    Returns
    -------
    tuple
        (the rows whose swapped coordinates were fixed, warnings).
    """
    n = len(rows)
    idx = np.flatnonzero(rej.reason == "")
    mx, my = _metric_xy(xy.x[idx], xy.y[idx], in_crs, opts.datum)
    inside = shapely.intersects_xy(opts.extent_m, mx, my)
    out_idx = idx[~inside]
    sx, sy = _metric_xy(xy.y[out_idx], xy.x[out_idx], in_crs, opts.datum)
    swap_ok = shapely.intersects_xy(opts.extent_m, sx, sy)
    fixed = np.zeros(n, dtype=bool)
    warnings: list[str] = []
    if opts.fix_swapped:
        fixed[out_idx[swap_ok]] = True
        xy.x[fixed], xy.y[fixed] = xy.y[fixed].copy(), xy.x[fixed].copy()
        if fixed.any():
            warnings.append(
                message(
                    "row{plural} {rows}: longitude and latitude were swapped; fixed (经纬度已交换) "
                    "and flagged in column 'coord_fixed'",
                    plural="s" if fixed.sum() > 1 else "",
                    rows=_list_rows(rows[fixed]),
                )
            )
    coords_label = np.full(n, "", dtype=object)
    if out_idx.size:
        coords_label[out_idx] = (
            pd.Series(xy.raw_x[out_idx], dtype=object).astype(str)
            + ", " + pd.Series(xy.raw_y[out_idx], dtype=object).astype(str)
        ).to_numpy(dtype=object)  # fmt: skip
    where = f"{xy.lon}, {xy.lat}"
    if not opts.fix_swapped:
        mask = np.zeros(n, dtype=bool)
        mask[out_idx[swap_ok]] = True
        rej.reject(mask, REASON_SWAPPED, where, coords_label)
    outside = np.zeros(n, dtype=bool)
    outside[out_idx[~swap_ok]] = True
    rej.reject(outside, f"超出市域 / outside {opts.extent_name}", where, coords_label)
    return fixed, warnings


def _kept_points(
    frame: pd.DataFrame,
    rows: np.ndarray,
    keep: np.ndarray,
    xy: _Coords,
    fixed: np.ndarray,
    in_crs: CRS,
    opts: _Options,
    name: str,
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """The rows ``keep`` as points in EPSG:4326, with ``source_row`` (and ``coord_fixed``)."""
    good, clash = _reserve_columns(frame[keep], ("source_row", "coord_fixed", "geometry"), name)
    # the coordinate columns were parsed above (DMS, full-width digits): no "kept as text" note
    good, numeric_notes = _coerce_numeric_columns(good, rows[keep], skip=(xy.lon, xy.lat))
    good = good.assign(source_row=rows[keep])
    if opts.fix_swapped:
        fixed_text = pd.Series(None, index=good.index, dtype=object)
        fixed_text[np.asarray(fixed[keep], dtype=bool)] = COORD_FIXED
        good = good.assign(coord_fixed=fixed_text)
    points = gpd.points_from_xy(xy.x[keep], xy.y[keep], crs=in_crs)
    geometry = gpd.GeoSeries(points, crs=in_crs)
    if in_crs.to_epsg() != 4326 or opts.datum != "wgs84":
        geometry = _to_wgs84(geometry, opts.datum)
    gdf = gpd.GeoDataFrame(
        good.reset_index(drop=True),
        geometry=gpd.GeoSeries(np.asarray(geometry.values), crs=settings.STORAGE_CRS),
        crs=settings.STORAGE_CRS,
    )
    return gdf, clash + numeric_notes
