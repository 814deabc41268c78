"""One safe text policy for everything geoapp writes: CSV, XLSX and the terminal.

Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return as a formula (CSV / formula injection, OWASP). Every
CSV and XLSX the project writes goes through :func:`write_csv`,
:func:`csv_bytes` or :func:`xlsx_bytes`, which prefix such text cells with a
single quote (``'=HYPERLINK(…)``) as OWASP recommends. Numbers stay numbers:
numeric columns are not touched, and a text cell that *is* a number (``"-3.5"``)
is not a formula.

A terminal runs escape sequences in text it prints: CSI (colours, cursor
moves), OSC (``ESC ] 0;title BEL`` sets the window title, ``ESC ] 52;c;… BEL``
writes the clipboard) and other C0/C1 controls. :func:`terminal_text` removes
them all; every CLI print of user text goes through it.

HTML output is escaped by the Jinja2 templates (autoescape), not here.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "FORMULA_START",
    "csv_bytes",
    "neutralise_frame",
    "neutralise_text",
    "shorten",
    "terminal_column",
    "terminal_text",
    "write_csv",
    "xlsx_bytes",
]

#: A text cell starting with one of these is run as a formula by Excel/WPS/LibreOffice.
FORMULA_START: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")

# A finite number as text ("-3.5", "+1e3", "-.5"): not a formula.
_NUMBER = r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$"

# Terminal control sequences: OSC (ESC ] … BEL or ESC \, also the 8-bit C1 OSC),
# DCS/SOS/PM/APC strings, CSI (ESC [ … final byte, or 8-bit CSI), two-byte ESC
# sequences, then any remaining C0 (except tab and newline), DEL and C1 control.
_TERMINAL_RE = re.compile(
    r"(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC … BEL / ST
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI
    r"|\x1b[ -/]*[0-~]?"  # other ESC sequences (and a lone ESC)
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # the rest of C0 (but \t \n), DEL, C1
)


def neutralise_text(values: pd.Series) -> pd.Series:
    """Prefix with ``'`` the text cells a spreadsheet would run as a formula (vectorised).

    Parameters
    ----------
    values
        A column; non-text cells (numbers, missing) are left as they are.

    Returns
    -------
    pandas.Series
        The same column, with ``"=SUM(A1)"`` → ``"'=SUM(A1)"``; ``"-3.5"`` and
        ``-3.5`` are unchanged.
    """
    if values.dtype != object and not pd.api.types.is_string_dtype(values):
        return values
    try:  # text columns: one pyarrow pass in C++
        arr = pa.array(values, type=pa.string(), from_pandas=True)
        is_str = ~np.asarray(arr.is_null().to_numpy(zero_copy_only=False), dtype=bool)
        arr = pc.fill_null(arr, "")
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed cells: only the text ones count
        is_str = np.asarray(values.map(lambda v: isinstance(v, str)).to_numpy(), dtype=bool)
        arr = pa.array(
            values.where(is_str, "").astype(str).to_numpy(dtype=object), type=pa.string()
        )
    starts = pc.match_substring_regex(arr, "^[=+\\-@\t\r]")
    number = pc.match_substring_regex(arr, _NUMBER)
    risky = np.asarray(
        pc.and_(starts, pc.invert(number)).to_numpy(zero_copy_only=False), dtype=bool
    )
    risky &= is_str
    if not risky.any():
        return values
    out = values.astype(object).copy()
    text = arr.to_numpy(zero_copy_only=False)[risky].astype(object)
    out[risky] = np.char.add("'", text.astype(str)).astype(object)  # by position, not label
    return out


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Apply :func:`neutralise_text` to every text column and to the column names.

    Parameters
    ----------
    frame
        The table to write; it is not modified.

    Returns
    -------
    pandas.DataFrame
        A copy whose text cells cannot run as formulas.
    """
    out = frame.copy()
    geometry = getattr(out, "_geometry_column_name", None)
    for i, col in enumerate(out.columns):  # by position: two columns may share a title
        if col != geometry:
            out.isetitem(i, neutralise_text(out.iloc[:, i]))
    names = neutralise_text(pd.Series([str(c) for c in out.columns], dtype=object))
    out.columns = list(names)
    return out


def write_csv(
    frame: pd.DataFrame, target: str | Path | IO[str], *, bom: bool = True, **kwargs: Any
) -> None:
    """Write a CSV the way every geoapp CSV is written.

    UTF-8 with BOM (Excel opens Chinese text), CRLF line ends, no index, and
    formula-like text neutralised (:func:`neutralise_frame`).

    Parameters
    ----------
    frame
        The table.
    target
        A path, or an open text stream (then the BOM is written first).
    bom
        Write the BOM to a stream (pass False, with ``header=False``, for the
        following chunks of a CSV written in parts).
    **kwargs
        Passed to :meth:`pandas.DataFrame.to_csv` (e.g. ``float_format``).
    """
    safe = neutralise_frame(frame)
    options: dict = {"index": False, "lineterminator": "\r\n", **kwargs}
    if isinstance(target, (str, Path)):
        safe.to_csv(target, encoding="utf-8-sig", **options)
    else:
        if bom:
            target.write("\ufeff")
        safe.to_csv(target, **options)


def csv_bytes(frame: pd.DataFrame, **kwargs: Any) -> bytes:
    """The bytes of :func:`write_csv`, for a download button.

    Parameters
    ----------
    frame
        The table.
    **kwargs
        Passed to :meth:`pandas.DataFrame.to_csv`.

    Returns
    -------
    bytes
        UTF-8 with BOM.
    """
    buffer = io.StringIO()
    write_csv(frame, buffer, **kwargs)
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(frame: pd.DataFrame, *, sheet_name: str = "data") -> bytes:
    """An XLSX workbook of ``frame`` with formula-like text neutralised.

    openpyxl stores a string starting with ``=`` as a formula; the ``'``
    prefix keeps it text, as in :func:`write_csv`.

    Parameters
    ----------
    frame
        The table.
    sheet_name
        Name of the one sheet.

    Returns
    -------
    bytes
        The .xlsx file.
    """
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        neutralise_frame(frame).to_excel(writer, sheet_name=sheet_name, index=False)
    return buffer.getvalue()


def terminal_text(value: object) -> str:
    r"""User text made safe to print on a terminal: every control sequence removed.

    Removes CSI (``ESC [ 31m``), OSC (``ESC ] 0;title BEL``, ``ESC ] 52;c;… BEL``,
    also ended by ``ESC \\``), DCS/SOS/PM/APC strings, other ESC sequences,
    C0 controls other than tab and newline, DEL and C1 controls (U+0080–U+009F).
    A carriage return is removed too (it would let text overwrite a line).

    Parameters
    ----------
    value
        Anything; it is turned into text with ``str``.

    Returns
    -------
    str
        The printable text.

    Examples
    --------
    >>> terminal_text("a\\x1b]52;c;ZXZpbA==\\x07b\\x1b[31mc")
    'abc'
    """
    return _TERMINAL_RE.sub("", str(value))


def terminal_column(values: pd.Series) -> pd.Series:
    """:func:`terminal_text` over a text column (vectorised; non-text cells kept)."""
    if values.dtype != object and not pd.api.types.is_string_dtype(values):
        return values
    is_str = np.asarray(values.map(lambda v: isinstance(v, str)).to_numpy(), dtype=bool)
    if not is_str.any():
        return values
    out = values.astype(object).copy()
    out[is_str] = values[is_str].astype(str).str.replace(_TERMINAL_RE, "", regex=True)
    return out


def shorten(value: object, max_chars: int) -> str:
    """Text cut to ``max_chars`` characters with "…" (pages, maps and PDFs; CSVs keep it all).

    Parameters
    ----------
    value
        Anything; ``str`` of it is shortened.
    max_chars
        The longest result, "…" included.

    Returns
    -------
    str
    """
    text = str(value)
    return text if len(text) <= max_chars else text[: max(max_chars - 1, 0)] + "…"
