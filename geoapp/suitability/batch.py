"""Batch siting of a very large candidate file through the tiled executor.

:func:`evaluate_parquet` reads a GeoParquet file of candidate points (tens of
millions of rows) in chunks of ``chunk_rows`` with :mod:`pyarrow`, evaluates
each chunk with :func:`geoapp.siting.evaluate_sites` through
:func:`geoapp.executor.map_tiles` — in process, on a Dask ``LocalCluster`` or on a
remote scheduler, the layers sent to each worker once — and streams the
results, in the input's order, into a GeoParquet or CSV file. Memory is a few
chunks, whatever the file's size.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import shapely
from pyproj import CRS
from tqdm import tqdm

from geoapp.errors import InputFileError
from geoapp.executor import map_tiles
from geoapp.geo import convert_lonlat, metric_transformer
from geoapp.io import REASON_EMPTY_GEOMETRY, atomic_path, write_csv
from geoapp.settings import DEFAULT_SITING, SitingSettings
from geoapp.siting import evaluate_sites
from geoapp.suitability.inputs import siting_layers

logger = logging.getLogger(__name__)

#: The column of a chunk's result table holding the geometry as WKB.
WKB_COL = "__wkb"
#: Output formats of :func:`evaluate_parquet`, by file ending.
BATCH_FORMATS: Mapping[str, str] = {".parquet": "parquet", ".geoparquet": "parquet", ".csv": "csv"}
#: File endings read as GeoParquet candidates.
PARQUET_SUFFIXES: tuple[str, ...] = (".parquet", ".geoparquet")
#: The column of the input row number (1 = the file's first record) added to the results.
ROW_COL = "source_row"
#: Why a row outside the extent is not evaluated (as :func:`geoapp.io.read_user_layer` says).
REASON_OUTSIDE = "超出市域 / outside 濮阳市"
_SAMPLE_ROWS = 10_000


@dataclass(frozen=True, eq=False)
class BatchShared:
    """What every chunk needs; the siting engine is built once per process that holds it."""

    layers: Mapping[str, gpd.GeoDataFrame]
    settings: SitingSettings
    chain_col: str | None
    name_col: str | None
    crs: str
    source_name: str = ""
    geometry: str = "geometry"
    datum: str = "wgs84"
    extent_wkb: bytes | None = None

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the prepared engine and extent (rebuilt where unpickled).

        Dask may copy the shared data from one worker to another, after the
        first has built its engine (which holds locks and cannot be pickled).
        """
        return {k: v for k, v in self.__dict__.items() if k not in ("engine", "extent")}

    @cached_property
    def engine(self) -> Any:
        """The prepared :class:`geoapp.layers.LayerSet` (built on first use in each process)."""
        return siting_layers(self.layers)

    @cached_property
    def extent(self) -> Any:
        """The prepared metric extent, or None."""
        if self.extent_wkb is None:
            return None
        geom = shapely.from_wkb(self.extent_wkb)
        shapely.prepare(geom)
        return geom


@dataclass(frozen=True)
class BatchResult:
    """Outcome of :func:`evaluate_parquet`: rows written, output, verdict counts, seconds."""

    n_rows: int
    path: Path
    verdicts: dict[str, int]
    seconds: float
    n_rejected: int = 0


@dataclass(frozen=True)
class CandidateFile:
    """A checked GeoParquet file of candidate points (see :func:`open_candidates`).

    Attributes
    ----------
    path
        The file.
    geometry
        Its primary geometry column.
    crs
        The CRS its coordinates are read in (PROJJSON text): the file's, or
        the one the caller gave.
    columns
        Its attribute columns (without the geometry).
    n_rows
        Number of records.
    """

    path: Path
    geometry: str
    crs: str
    columns: tuple[str, ...]
    n_rows: int


@dataclass(frozen=True, eq=False)
class ChunkResult:
    """One evaluated chunk: the result rows (Arrow) and the rows that could not be evaluated."""

    table: pa.Table
    rejected: pd.DataFrame


def evaluate_frame(shared: BatchShared, cand: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """:func:`geoapp.siting.evaluate_sites` of candidates with the shared settings."""
    return evaluate_sites(
        cand,
        layers=shared.engine,
        settings=shared.settings,
        chain_col=shared.chain_col,
        name_col=shared.name_col,
    )


def _rejected(
    rows: np.ndarray, reason: str, attrs: pd.DataFrame, wkb: np.ndarray, column: str
) -> pd.DataFrame:
    """Rejected rows as ``errors.csv``: row, reason, column, value (WKT) and the row as JSON."""
    wkt = pd.Series(shapely.to_wkt(shapely.from_wkb(wkb), trim=True), dtype=object).fillna("None")
    raw = attrs.assign(**{column: wkt.str.slice(0, 1000).to_numpy(dtype=object)})
    values = raw.to_json(orient="records", lines=True, force_ascii=False, default_handler=str)
    return pd.DataFrame(
        {
            "row": rows.astype("int64"),
            "reason": reason,
            "column": column,
            "value": wkt.str.slice(0, 200).to_numpy(dtype=object),
            "values": values.rstrip("\n").split("\n") if len(raw) else [],
        }
    )


def evaluate_chunk(shared: BatchShared, chunk: tuple[int, pd.DataFrame, np.ndarray]) -> ChunkResult:
    """Evaluate one chunk (first row number, attributes, WKB): the tile function of batch siting.

    Rows without a geometry, or (when the extent is set) outside it, are not
    evaluated but returned in :attr:`ChunkResult.rejected`; a geometry that is
    not a point stops the run (:class:`geoapp.errors.InputFileError` naming the
    row and the value). The result table (compact to send back from a worker)
    holds ``source_row``, the input attributes, the result columns
    (``violations`` joined by ``;``) and the geometry as WKB in ``__wkb``.
    """
    first, attrs, wkb = chunk
    rows = np.arange(first, first + len(attrs), dtype="int64")
    geoms = shapely.from_wkb(wkb)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    types = shapely.get_type_id(geoms)
    not_point = ~missing & (types != 0)
    if not_point.any():
        i = int(np.flatnonzero(not_point)[0])
        msg = (
            f"{shared.source_name}: row {rows[i]}, column {shared.geometry!r}, is a "
            f"{geoms[i].geom_type}, not a point ({shapely.to_wkt(geoms[i], trim=True)[:80]}). "
            "Batch siting takes points: "
            "write the parcels' representative points (GeoSeries.representative_point()) "
            "or evaluate parcels with `geoapp report` on a GeoPackage."
        )
        raise InputFileError(msg)
    x = shapely.get_x(geoms)
    y = shapely.get_y(geoms)
    if shared.datum != "wgs84":
        x, y = convert_lonlat(x, y, source=shared.datum, target="wgs84")  # type: ignore[arg-type]
        geoms = shapely.points(x, y)
        wkb = shapely.to_wkb(geoms)
    bad = missing | ~(np.isfinite(x) & np.isfinite(y))
    outside = np.zeros(len(rows), dtype=bool)
    if shared.extent is not None and (~bad).any():
        mx, my = metric_transformer(shared.crs).transform(x, y)
        outside = ~bad & ~shapely.intersects_xy(shared.extent, mx, my)
    rejected = [
        _rejected(rows[m], reason, attrs[m], wkb[m], shared.geometry)
        for m, reason in ((bad, REASON_EMPTY_GEOMETRY), (outside, REASON_OUTSIDE))
        if m.any()
    ]
    keep = ~(bad | outside)
    if not keep.all():
        attrs, wkb, geoms, rows = attrs[keep], wkb[keep], geoms[keep], rows[keep]
    cand = gpd.GeoDataFrame(
        attrs.assign(**{ROW_COL: rows}).reset_index(drop=True),
        geometry=gpd.GeoSeries(geoms, crs=shared.crs),
    )
    return evaluated_chunk(shared, cand, wkb, rejected)


def evaluated_chunk(
    shared: BatchShared, cand: gpd.GeoDataFrame, wkb: np.ndarray, rejected: list[pd.DataFrame]
) -> ChunkResult:
    """Evaluate checked candidates (with ``source_row``) into a :class:`ChunkResult`.

    ``wkb`` is their geometry as written to the results; ``rejected`` the
    ``errors.csv`` rows of the chunk.
    """
    res = evaluate_frame(shared, cand)
    codes, combos = pd.factorize(res["violations"])  # joined once per distinct combination
    joined = np.array([";".join(c) for c in combos] + [""], dtype=object)
    res["violations"] = joined[codes]
    frame = pd.DataFrame(res.drop(columns=res.geometry.name))
    frame = frame[[ROW_COL, *[c for c in frame.columns if c != ROW_COL]]]
    frame[WKB_COL] = wkb
    schema = pa.schema(
        [pa.field(c, _arrow_type(frame[c])) for c in frame.columns if c != WKB_COL]
        + [pa.field(WKB_COL, pa.binary())]
    )
    if rejected:
        errors = pd.concat(rejected, ignore_index=True).sort_values("row", kind="stable")
    else:
        errors = pd.DataFrame(columns=["row", "reason", "column", "value", "values"])
    return ChunkResult(_to_table(frame, schema), errors.reset_index(drop=True))


def _geo_meta(path: Path) -> tuple[str, str, list[str]]:
    """Primary geometry column, CRS (PROJJSON text) and declared geometry types of a GeoParquet."""
    try:
        meta = pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowInvalid) as exc:
        msg = (
            f"{path} cannot be read as Parquet ({exc}). Check that the file is complete; "
            "write candidates with GeoDataFrame.to_parquet()."
        )
        raise InputFileError(msg) from exc
    if b"geo" not in meta:
        msg = (
            f"{path} has no GeoParquet 'geo' metadata; write it with "
            "GeoDataFrame.to_parquet() (GeoParquet 1.0) first."
        )
        raise InputFileError(msg)
    geo = json.loads(meta[b"geo"])
    col = geo.get("primary_column", "geometry")
    info = geo.get("columns", {}).get(col, {})
    if info.get("encoding", "WKB").upper() != "WKB":
        msg = f"{path}: geometry encoding {info.get('encoding')!r} is not supported; use WKB."
        raise InputFileError(msg)
    crs = info.get("crs", "OGC:CRS84")
    if crs is None:
        msg = (
            f'{path}: the geometry column {col!r} has an undefined CRS ("crs": null). '
            "Set it with GeoDataFrame.set_crs(...) before writing, or pass --crs."
        )
        raise InputFileError(msg)
    crs_text = CRS.from_user_input(crs if isinstance(crs, str) else json.dumps(crs)).to_json()
    return col, crs_text, list(info.get("geometry_types") or [])


def open_candidates(
    source: str | Path,
    *,
    crs: str | int | None = None,
    chain_col: str | None = None,
    extent: Any = None,
) -> CandidateFile:
    """Check a GeoParquet file of candidate points before any work.

    Parameters
    ----------
    source
        GeoParquet (1.0 / 1.1, WKB geometry).
    crs
        Read the coordinates in this CRS instead of the file's (for a file
        written with a wrong CRS).
    chain_col
        A column that must exist.
    extent
        A metric (EPSG:4547) polygon: at least one of the first records must
        lie in it, else the CRS is taken to be wrong.

    Returns
    -------
    CandidateFile

    Raises
    ------
    InputFileError
        Not GeoParquet, a geometry type other than points, a missing column,
        or coordinates that do not fall in the extent in the CRS read — each
        naming the file, the column or value, and the fix.
    """
    path = Path(source)
    geom_col, crs_text, types = _geo_meta(path)
    if crs is not None:
        crs_text = CRS.from_user_input(crs).to_json()
    others = [t for t in types if t.removesuffix(" Z") != "Point"]
    if others:
        msg = (
            f"{path}: its geometry column {geom_col!r} holds {', '.join(types)}, not points. "
            "Batch siting takes points: write the parcels' representative points "
            "(GeoSeries.representative_point()) to the file, or evaluate parcels with "
            "`geoapp report` on a GeoPackage."
        )
        raise InputFileError(msg)
    pf = pq.ParquetFile(path)
    pandas_meta = pf.schema_arrow.pandas_metadata or {}
    index_cols = {c for c in pandas_meta.get("index_columns", []) if isinstance(c, str)}
    names = [n for n in pf.schema_arrow.names if n != geom_col and n not in index_cols]
    if chain_col is not None and chain_col not in names:
        msg = (
            f"{path}: `chain_col` was {chain_col!r} but there is no such column. "
            f"Columns present: {names}. Name the chain column (--chain-col) or add one."
        )
        raise InputFileError(msg)
    if extent is not None and pf.metadata.num_rows:
        first = next(pf.iter_batches(batch_size=_SAMPLE_ROWS, columns=[geom_col]))
        geoms = shapely.from_wkb(first.column(0).to_numpy(zero_copy_only=False))
        geoms = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
        crs_obj = CRS.from_user_input(crs_text)
        x, y = shapely.get_x(geoms), shapely.get_y(geoms)
        if len(geoms) and not np.isnan(x).all():
            mx, my = metric_transformer(crs_text).transform(x, y)
            if not shapely.intersects_xy(extent, mx, my).any():
                msg = (
                    f"{path}: none of its first {len(geoms):,} points lies in 濮阳市 when read "
                    f"in {crs_obj.name} (EPSG:{crs_obj.to_epsg()}); the first is "
                    f"({x[0]:.6g}, {y[0]:.6g}). The file's CRS is probably wrong: pass the CRS "
                    "the coordinates are in (--crs EPSG:4547 for metres in CGCS2000 / 3-degree "
                    "Gauss-Kruger CM 114E, --crs EPSG:4326 for lon/lat) or rewrite the file "
                    "with the right CRS."
                )
                raise InputFileError(msg)
    return CandidateFile(
        path=path,
        geometry=geom_col,
        crs=crs_text,
        columns=tuple(names),
        n_rows=pf.metadata.num_rows,
    )


def _chunks(path: Path, geom_col: str, rows: int) -> Iterator[tuple[int, pd.DataFrame, np.ndarray]]:
    pf = pq.ParquetFile(path)
    first = 1
    for batch in pf.iter_batches(batch_size=rows):
        table = pa.Table.from_batches([batch])
        wkb = table.column(geom_col).to_numpy(zero_copy_only=False)
        yield first, table.drop([geom_col]).to_pandas().reset_index(drop=True), wkb
        first += batch.num_rows


def layer_frames(layers: Mapping[str, gpd.GeoDataFrame]) -> dict[str, gpd.GeoDataFrame]:
    """The layers as a plain dict (picklable, sent to workers once), constraints included."""
    frames = dict(layers)
    constraints = getattr(layers, "constraints", None)
    if constraints is not None and len(constraints):
        frames["constraints"] = constraints
    return frames


def iter_evaluated(
    cands: CandidateFile,
    *,
    layers: Mapping[str, gpd.GeoDataFrame],
    settings: SitingSettings = DEFAULT_SITING,
    chain_col: str | None = "chain",
    name_col: str | None = None,
    datum: str = "wgs84",
    extent: Any = None,
    chunk_rows: int = 500_000,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
) -> Iterator[ChunkResult]:
    """Evaluate a checked candidate file chunk by chunk through :func:`geoapp.executor.map_tiles`.

    Parameters
    ----------
    cands
        From :func:`open_candidates`.
    layers, settings, chain_col, name_col
        As in :func:`geoapp.siting.evaluate_sites`.
    datum
        {"wgs84", "gcj02", "bd09"}: the datum of lon/lat points (EPSG:4326 files only).
    extent
        A metric polygon (EPSG:4547): points outside it are rejected, not evaluated.
    chunk_rows
        Rows per chunk (memory is a few chunks).
    workers, scheduler, client
        See :func:`geoapp.executor.map_tiles`; default in process.

    Yields
    ------
    ChunkResult
        In the file's order.
    """
    if not (isinstance(chunk_rows, int) and chunk_rows >= 1):
        msg = f"`chunk_rows` must be an integer >= 1, got {chunk_rows!r}."
        raise ValueError(msg)
    if datum != "wgs84" and CRS.from_user_input(cands.crs).to_epsg() not in (4326, 4490):
        msg = (
            f"{cands.path}: `datum`={datum!r} declares lon/lat on a Chinese web map, but the "
            f"points are in {CRS.from_user_input(cands.crs).name}: drop --datum or --crs."
        )
        raise InputFileError(msg)
    shared = BatchShared(
        layers=layer_frames(layers),
        settings=settings,
        chain_col=chain_col,
        name_col=name_col,
        crs=cands.crs,
        source_name=cands.path.name,
        geometry=cands.geometry,
        datum=datum,
        extent_wkb=None if extent is None else shapely.to_wkb(extent),
    )
    yield from map_tiles(
        evaluate_chunk,
        _chunks(cands.path, cands.geometry, chunk_rows),
        shared=shared,
        workers=workers,
        scheduler=scheduler,
        client=client,
        scatter_items=True,
    )


class ResultWriter:
    """Stream evaluated chunks into one GeoParquet or CSV file, in order.

    Parameters
    ----------
    path
        The file to write (already a temporary path: see :mod:`geoapp.io.atomic`).
    fmt
        {"parquet", "csv"}.
    geometry, crs
        The geometry column's name and CRS (PROJJSON text) of the output.
    """

    def __init__(self, path: Path, fmt: str, *, geometry: str, crs: str) -> None:
        self.path, self.fmt, self.geometry, self.crs = path, fmt, geometry, crs
        self.n = 0
        self._text = path.open("w", encoding="utf-8", newline="") if fmt == "csv" else None
        self._writer: pq.ParquetWriter | None = None
        self._schema: pa.Schema | None = None
        self._empty: pa.Table | None = None

    def write(self, table: pa.Table) -> None:
        """Append one chunk's result table (from :func:`evaluate_chunk`)."""
        table = table.rename_columns(
            [self.geometry if c == WKB_COL else c for c in table.column_names]
        )
        if table.num_rows == 0:  # a chunk of rejected rows only: its types may be vague
            self._empty = table if self._empty is None else self._empty
            return
        if self._text is not None:
            frame = table.to_pandas()
            frame[self.geometry] = gpd.GeoSeries.from_wkb(frame[self.geometry]).to_wkt()
            write_csv(frame, self._text, bom=self.n == 0, header=self.n == 0)  # the one writer
        else:
            if self._writer is None:
                self.write_schema(table.schema)
            assert self._writer is not None and self._schema is not None
            self._writer.write_table(table.cast(self._schema))
        self.n += table.num_rows

    def write_schema(self, schema: pa.Schema) -> None:
        """Open the GeoParquet writer: ``schema`` plus the 'geo' metadata (GeoParquet 1.0)."""
        geo = {
            "version": "1.0.0",
            "primary_column": self.geometry,
            "columns": {
                self.geometry: {
                    "encoding": "WKB",
                    "geometry_types": ["Point"],
                    "crs": json.loads(self.crs),
                }
            },
        }
        self._schema = schema.with_metadata({b"geo": json.dumps(geo).encode()})
        self._writer = pq.ParquetWriter(self.path, self._schema)

    def close(self) -> None:
        """Finish the file (an empty CSV still gets its BOM)."""
        if self._writer is None and self._text is None and self._empty is not None:
            self.write_schema(self._empty.schema)
        if self._writer is not None:
            self._writer.close()
        if self._text is not None:
            if self.n == 0:
                self._text.write("\ufeff")
            self._text.close()


def _arrow_type(series: pd.Series) -> pa.DataType:
    if pd.api.types.is_bool_dtype(series):
        return pa.bool_()
    if pd.api.types.is_integer_dtype(series):
        return pa.int64()
    if pd.api.types.is_float_dtype(series):
        return pa.float64()
    return pa.string()


def _to_table(frame: pd.DataFrame, schema: pa.Schema) -> pa.Table:
    arrays = []
    for field in schema:
        col = frame[field.name]
        if pa.types.is_string(field.type):
            try:
                arrays.append(pa.array(col, type=pa.string(), from_pandas=True))
            except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):  # mixed types: cast in bulk
                text = col.astype("str").where(col.notna(), None)
                arrays.append(pa.array(text, type=pa.string(), from_pandas=True))
        else:
            arrays.append(pa.array(col, type=field.type, from_pandas=True))
    return pa.Table.from_arrays(arrays, schema=schema)


def evaluate_parquet(
    source: str | Path,
    output: str | Path,
    *,
    layers: Mapping[str, gpd.GeoDataFrame],
    settings: SitingSettings = DEFAULT_SITING,
    chain_col: str | None = "chain",
    name_col: str | None = None,
    chunk_rows: int = 500_000,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    progress: bool = False,
) -> BatchResult:
    """Evaluate every candidate of a GeoParquet file, chunk by chunk, into a results file.

    Parameters
    ----------
    source
        GeoParquet (1.0, WKB geometry) of candidate points, any CRS.
    output
        ``.parquet`` (GeoParquet, the input's geometry and CRS kept) or ``.csv``
        (UTF-8 with BOM, geometry as WKT). Written under a temporary name and
        renamed when complete.
    layers
        The layer bundle (see :mod:`geoapp.suitability`).
    settings
        Siting settings.
    chain_col, name_col
        As in :func:`geoapp.siting.evaluate_sites`.
    chunk_rows
        Rows per chunk (memory is a few chunks).
    workers, scheduler, client
        Run on a Dask LocalCluster / remote scheduler / client (see
        :func:`geoapp.executor.map_tiles`); default in process.
    progress
        Show a progress bar on stderr.

    Returns
    -------
    BatchResult
        ``n_rejected``: rows without a geometry (not written).

    See Also
    --------
    geoapp.report.build_report : the same evaluation as a report folder.
    """
    t0 = time.perf_counter()
    source, output = Path(source), Path(output)
    fmt = BATCH_FORMATS.get(output.suffix.lower())
    if fmt is None:
        msg = f"`output` {str(output)!r} must end in one of {sorted(BATCH_FORMATS)}."
        raise ValueError(msg)
    cands = open_candidates(source, chain_col=chain_col)
    results = iter_evaluated(
        cands, layers=layers, settings=settings, chain_col=chain_col, name_col=name_col,
        chunk_rows=chunk_rows, workers=workers, scheduler=scheduler, client=client,
    )  # fmt: skip
    verdicts: dict[str, int] = {}
    n_rejected = 0
    bar = tqdm(total=cands.n_rows, disable=not progress, file=sys.stderr, unit="site")
    try:
        with atomic_path(output) as tmp:
            writer = ResultWriter(tmp, fmt, geometry=cands.geometry, crs=cands.crs)
            try:
                for chunk in results:
                    add_counts(verdicts, chunk.table, "verdict")
                    writer.write(chunk.table)
                    n_rejected += len(chunk.rejected)
                    bar.update(chunk.table.num_rows + len(chunk.rejected))
            finally:
                writer.close()
    finally:
        bar.close()
    seconds = time.perf_counter() - t0
    logger.info("batch siting: %d rows in %.1f s -> %s", writer.n, seconds, output)
    return BatchResult(
        n_rows=writer.n, path=output, verdicts=verdicts, seconds=seconds, n_rejected=n_rejected
    )


def add_counts(counts: dict[Any, int], table: pa.Table, *columns: str) -> None:
    """Add the row counts of ``table`` by the values of ``columns`` into ``counts`` (in place).

    Keys are the value (one column) or the tuple of values (several).
    """
    if table.num_rows == 0:
        return
    grouped = table.group_by(list(columns)).aggregate([([], "count_all")]).to_pydict()
    keys = zip(*(grouped[c] for c in columns), strict=True)
    for key, n in zip(keys, grouped["count_all"], strict=True):
        k = key[0] if len(columns) == 1 else key
        counts[k] = counts.get(k, 0) + int(n)
