"""Text helpers shared by the readers: encoding names, normalised text, numbers in text cells."""

from __future__ import annotations

import codecs
import re
import unicodedata

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from geoapp.errors import InputFileError
from geoapp.vocab import message

_GBK_NAMES = {"gbk", "gb2312", "gb18030", "cp936", "936", "ansi936", "euc-cn", "euccn"}
_UTF8_NAMES = {"utf-8", "utf8", "65001", "cp65001"}
_UTF8_BOM_NAMES = {"utf-8-bom", "utf-8-sig", "utf8-bom", "utf8-sig"}


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
        msg = message(
            "`encoding` was {encoding!r}, which is not a known encoding; try 'UTF-8' or 'GBK'.",
            encoding=encoding,
        )
        raise InputFileError(msg) from exc


def _encoding_label(encoding: str) -> str:
    codec = _codec(encoding)
    return {"gb18030": "GBK", "utf-8": "UTF-8", "utf-8-sig": "UTF-8-BOM"}.get(
        codec, encoding.strip().upper()
    )


# Characters NFKC does not fold but that planners' numbers carry: the Unicode minus,
# zero-width spaces and the byte-order mark.
_EXTRA = str.maketrans({"\u2212": "-", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": ""})
#: A plain decimal number (no thousands separators, no infinity, no NaN).
NUMBER_RE = r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$"
# A cell that may be a number once full-width forms and blanks are folded (a cheap pre-test).
_NUMBERISH_RE = (
    r"^[\s\x{3000}\x{200b}\x{feff}]*[+\-\x{2212}\x{ff0b}\x{ff0d}]?"
    r"[0-9\x{ff10}-\x{ff19}.\x{ff0e}]+(?:[eE\x{ff45}\x{ff25}][+\-\x{ff0b}\x{ff0d}]?"
    r"[0-9\x{ff10}-\x{ff19}]+)?[\s\x{3000}]*$"
)


def _arrow(s: pd.Series) -> pa.Array:
    """The column as one pyarrow string array, missing cells as ``""`` (zero-copy when possible)."""
    arr = pa.array(s.astype("str") if s.dtype != "str" else s, from_pandas=True)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if arr.type != pa.string():
        arr = (
            arr.cast(pa.large_string()).cast(pa.string())
            if arr.type == pa.large_string()
            else arr.cast(pa.string())
        )
    return pc.fill_null(arr, "")


def _normalise_text(s: pd.Series | pa.Array) -> pa.Array:
    """NFKC (full-width → ASCII), Unicode minus → '-', zero-width removed, stripped.

    Vectorised: pyarrow finds the non-ASCII cells in C++; only those (usually
    few in a number column) go through :func:`unicodedata.normalize`. The
    result is a pyarrow string array with ``""`` for missing cells.
    """
    arr = s if isinstance(s, pa.Array) else _arrow(s)
    if len(arr) and not pc.all(pc.string_is_ascii(arr)).as_py():
        wide = np.flatnonzero(~pc.string_is_ascii(arr).to_numpy(zero_copy_only=False))
        fixed = [unicodedata.normalize("NFKC", v).translate(_EXTRA)
                 for v in arr.take(pa.array(wide)).to_pylist()]  # fmt: skip
        values = np.asarray(arr.to_numpy(zero_copy_only=False), dtype=object)
        values[wide] = fixed
        arr = pa.array(values, type=pa.string())
    return pc.utf8_trim_whitespace(arr)


def _parse_numbers(
    s: pd.Series | pa.Array, *, normalised: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Parse text to float, vectorised (pyarrow regex and cast).

    Returns
    -------
    tuple of numpy.ndarray
        The values (NaN where not a finite number) and a mask of missing cells.
    """
    text = s if normalised else _normalise_text(s)
    missing = pc.equal(text, "").to_numpy(zero_copy_only=False)
    valid = pc.match_substring_regex(text, NUMBER_RE)
    values = pc.cast(pc.if_else(valid, text, pa.scalar(None, pa.string())), pa.float64())
    out = values.to_numpy(zero_copy_only=False)
    return np.where(np.isfinite(out), out, np.nan), missing


def _column_key(name) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(name))).lower()


def _coerce_numeric_columns(
    frame: pd.DataFrame, rows: np.ndarray, *, skip: tuple[str, ...] = ()
) -> tuple[pd.DataFrame, list[str]]:
    """Turn all-number text columns into numbers; warn about a few non-numbers in a column.

    Each column is read once by a cheap pyarrow pre-test; only a column that is
    mostly number-like is normalised and parsed.
    """
    converted: dict[str, pd.Series] = {}
    warnings: list[str] = []
    for col in frame.columns:  # per column, never per row
        if col in skip:
            continue
        raw = _arrow(frame[col])
        blank = pc.equal(pc.utf8_trim_whitespace(raw), "")
        n_present = len(raw) - pc.sum(pc.cast(blank, pa.int64())).as_py() if len(raw) else 0
        if not n_present:
            continue
        numberish = pc.sum(pc.cast(pc.match_substring_regex(raw, _NUMBERISH_RE), pa.int64()))
        if (numberish.as_py() or 0) * 2 < n_present:
            continue  # mostly text: stays text, no warning
        text = _normalise_text(raw)
        values, missing = _parse_numbers(text, normalised=True)
        present = ~missing
        parsed = present & np.isfinite(values)
        bad = present & ~parsed
        if bad.any():
            if parsed.sum() >= bad.sum():
                raw_np = frame[col].to_numpy(dtype=object)
                shown = "; ".join(
                    f"row {r}: {v!r}" for r, v in zip(rows[bad][:5], raw_np[bad][:5], strict=True)
                )
                warnings.append(
                    message(
                        "column {col!r}: {n} value(s) are not numbers, so the column is kept "
                        "as text ({shown}); fix them to use it as numbers",
                        col=col,
                        n=int(bad.sum()),
                        shown=shown,
                        rows_values=[
                            (int(r), v) for r, v in zip(rows[bad][:5], raw_np[bad][:5], strict=True)
                        ],
                    )
                )
            continue
        kept = text.filter(pa.array(present))
        if pc.any(pc.match_substring_regex(kept, r"^[+-]?0\d")).as_py() or (
            pc.max(pc.utf8_length(pc.replace_substring_regex(kept, r"\D", ""))).as_py() > 15
        ):
            continue  # codes such as "0101" or ID numbers stay text
        integral = not pc.any(pc.match_substring_regex(kept, r"[.eE]")).as_py()
        if integral and present.all():
            converted[col] = pd.Series(values, index=frame.index).astype("int64")
        else:
            converted[col] = pd.Series(values, index=frame.index)
    return (frame.assign(**converted) if converted else frame), warnings
