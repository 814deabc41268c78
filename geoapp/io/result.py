"""What :func:`geoapp.io.read_user_layer` returns: the usable rows, the rejected rows, notes.

Both readers (:mod:`geoapp.io.tables`, :mod:`geoapp.io.vector`) report a
rejected row the same way: its row number as the user sees it, one of the
bilingual ``REASON_*`` texts, the offending column and value, and the whole
raw row as JSON (:func:`_rejected_frame`).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from geoapp.vocab import message

#: At most this many rows are named one by one in a warning.
_MAX_LISTED = 20

REASON_EMPTY_ROW = "空行 / empty row"
REASON_MISSING = "坐标缺失 / missing coordinate"
REASON_NOT_NUMERIC = "坐标非数字 / non-numeric coordinate"
REASON_SWAPPED = (
    "经纬度颠倒 / longitude and latitude swapped (to fix them: --fix-swapped, or fix_swapped=True)"
)
REASON_TOO_LONG = (
    "文本过长 / a cell longer than {n:,} characters (raise the limit with --max-cell-chars)"
)
REASON_TOTAL_ROW = "合计行 / a total row (合计, 总计), not a site"
REASON_EMPTY_GEOMETRY = "几何为空 / empty geometry"
REASON_INVALID_GEOMETRY = "几何无效 / invalid geometry that cannot be repaired"
#: The ``coord_fixed`` value of a row whose longitude and latitude were swapped back.
COORD_FIXED = "经纬度已交换 / lon-lat swapped"


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
    return shown + (f", … (+{more})" if more > 0 else "")


def _reserve_columns(
    frame: pd.DataFrame, names: tuple[str, ...], source: str
) -> tuple[pd.DataFrame, list[str]]:
    """Rename file columns that clash with the ones geoapp adds."""
    renames = {c: f"{c}_file" for c in names if c in frame.columns}
    warnings: list[str] = [
        message(
            "column {old!r} of {source} renamed to {new!r}: geoapp adds its own {old!r}",
            old=old,
            source=source,
            new=new,
        )
        for old, new in renames.items()
    ]
    return frame.rename(columns=renames), warnings
