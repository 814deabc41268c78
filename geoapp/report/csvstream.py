"""A very large candidate CSV read in chunks, each through :func:`geoapp.io.read_user_layer`.

The file is cut into blocks of whole lines (about ``block_bytes`` each); every
block gets the header line in front and is read by the one CSV reader
(:func:`geoapp.io.read_user_layer`: coordinate columns, degrees-minutes-seconds,
CRS and datum, swapped lon/lat, the extent) inside the tile function
:func:`evaluate_csv_block`, so the checks are the same as for a small file and
run on the Dask workers too. The row numbers are the file's (header = row 1).

Limits: the header must be the first line (no title rows above it), and a
quoted field must not hold a line break (a block is cut at line ends).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geoapp.errors import InputFileError
from geoapp.io import read_user_layer
from geoapp.settings import Limits
from geoapp.suitability import ROW_COL, BatchShared, ChunkResult, evaluated_chunk

#: Largest block of a streamed CSV, in bytes.
BLOCK_BYTES = 64 * 2**20
_PROBE_BYTES = 2**20


@dataclass(frozen=True, eq=False)
class CsvShared:
    """What every block needs: the evaluation's shared data and the reader's options."""

    batch: BatchShared
    encoding: str
    options: dict[str, Any]
    columns: tuple[str, ...]


def detect_encoding(path: Path) -> str:
    """UTF-8 when the first megabyte decodes as UTF-8 (BOM allowed), else GB18030 (GBK)."""
    with path.open("rb") as f:
        head = f.read(_PROBE_BYTES)
    cut = head.rfind(b"\n") + 1 if len(head) == _PROBE_BYTES else len(head)
    try:
        head[:cut].decode("utf-8")
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-8"


def csv_blocks(path: Path, block_bytes: int = BLOCK_BYTES) -> Iterator[tuple[int, bytes]]:
    """Yield (file row number of the block's first line, header + whole lines)."""
    with path.open("rb") as f:
        header = f.readline()
        first = 2
        carry = b""
        while True:
            data = f.read(block_bytes)
            if not data:
                if carry.strip():
                    yield first, header + carry + b"\n"
                return
            data = carry + data
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                carry = data
                continue
            body, carry = data[:cut], data[cut:]
            yield first, header + body
            first += body.count(b"\n")


def read_block(shared: CsvShared, data: bytes, first: int) -> Any:
    """:func:`geoapp.io.read_user_layer` on one block, its row numbers made the file's."""
    imported = read_user_layer(data, encoding=shared.encoding, **shared.options)
    offset = first - 2
    gdf = imported.gdf.assign(**{ROW_COL: imported.gdf[ROW_COL] + offset})
    rejected = imported.rejected.assign(row=imported.rejected["row"] + offset)
    return gdf, rejected, imported


def evaluate_csv_block(shared: CsvShared, block: tuple[int, bytes]) -> ChunkResult:
    """The tile function of a streamed CSV: read one block, evaluate its good rows.

    Attributes are kept as text (a column numeric in one block and not in
    another would otherwise change type between blocks).
    """
    first, data = block
    gdf, rejected, _ = read_block(shared, data, first)
    attrs = pd.DataFrame(
        {c: gdf[c].astype(object) if c in gdf.columns else None for c in shared.columns},
        index=gdf.index,
    )
    for col in attrs.columns:
        values = attrs[col]
        attrs[col] = values.astype(str).where(values.notna(), None).astype(object)
    geoms = np.asarray(gdf.geometry.array)
    cand = gpd.GeoDataFrame(
        attrs.assign(**{ROW_COL: gdf[ROW_COL].to_numpy()}).reset_index(drop=True),
        geometry=gpd.GeoSeries(geoms, crs=gdf.crs),
    )
    return evaluated_chunk(shared.batch, cand, shapely.to_wkb(geoms), [rejected])


def probe_csv(
    path: Path, *, encoding: str, options: dict[str, Any]
) -> tuple[tuple[str, ...], list[str], int]:
    """Read the first block in this process: the columns, and any error before the work starts.

    Returns
    -------
    tuple
        The attribute columns (without ``source_row``, ``coord_fixed`` and the
        geometry), the reader's notes on the first block, and the mean bytes
        of a line (to cut blocks of about a number of rows).
    """
    with path.open("rb") as f:
        head = f.read(_PROBE_BYTES)
    cut = head.rfind(b"\n") + 1 if len(head) == _PROBE_BYTES else len(head)
    imported = read_user_layer(head[:cut], encoding=encoding, **options)
    reserved = {imported.gdf.geometry.name, ROW_COL, "coord_fixed"}
    columns = tuple(c for c in imported.gdf.columns if c not in reserved)
    if options.get("fix_swapped"):
        columns = (*columns, "coord_fixed")
    lines = max(head[:cut].count(b"\n"), 1)
    return columns, list(imported.warnings), max(cut // lines, 1)


def csv_options(
    path: Path,
    *,
    lon_col: str | None,
    lat_col: str | None,
    crs: str | int | None,
    datum: str,
    fix_swapped: bool,
    limits: Limits,
    extent: gpd.GeoDataFrame | None,
) -> dict[str, Any]:
    """The options of :func:`geoapp.io.read_user_layer` for every block of ``path``."""
    if path.suffix.lower() not in (".csv", ".txt"):
        msg = f"{path}: only a CSV can be streamed in blocks, not {path.suffix!r}."
        raise InputFileError(msg)
    huge = 2**62  # the size limits are for a file read whole; a block is bounded by BLOCK_BYTES
    return {
        "filename": path.name,
        "lon_col": lon_col,
        "lat_col": lat_col,
        "crs": crs,
        "datum": datum,
        "fix_swapped": fix_swapped,
        "extent": extent,
        "max_bytes": huge,
        "limits": replace(limits, max_rows=huge, max_bytes=huge, max_expanded_bytes=huge),
    }
