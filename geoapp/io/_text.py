"""Text helpers shared by the readers: encoding names, normalised text, numbers in text cells."""

from __future__ import annotations

import codecs
import re
import unicodedata

import numpy as np
import pandas as pd

from geoapp.errors import InputFileError

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
