"""Batch siting of a very large candidate file through the tiled executor.

:func:`evaluate_parquet` reads a GeoParquet file of candidate points (tens of
millions of rows) in chunks of ``chunk_rows`` with :mod:`pyarrow`, evaluates
each chunk with :func:`geoapp.siting.evaluate_sites` through
:func:`geoapp.tiles.map_tiles` — in process, on a Dask ``LocalCluster`` or on a
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
from contextlib import ExitStack
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from pyproj import CRS

from geoapp.atomic import atomic_path
from geoapp.settings import DEFAULT_SITING, SitingSettings
from geoapp.suitability.inputs import siting_layers
from geoapp.textsafe import write_csv
from geoapp.tiles import map_tiles

logger = logging.getLogger(__name__)

_WKB = "__wkb"
#: Output formats of :func:`evaluate_parquet`, by file ending.
BATCH_FORMATS: Mapping[str, str] = {".parquet": "parquet", ".geoparquet": "parquet", ".csv": "csv"}


@dataclass(frozen=True, eq=False)
class _Shared:
    """What every chunk needs; the siting engine is built once per process that holds it."""

    layers: Mapping[str, gpd.GeoDataFrame]
    settings: SitingSettings
    chain_col: str | None
    name_col: str | None
    crs: str

    @cached_property
    def engine(self) -> Any:
        return siting_layers(self.layers)


@dataclass(frozen=True)
class BatchResult:
    """Outcome of :func:`evaluate_parquet`: rows written, output, verdict counts, seconds."""

    n_rows: int
    path: Path
    verdicts: dict[str, int]
    seconds: float


def evaluate_chunk(shared: _Shared, chunk: tuple[pd.DataFrame, np.ndarray]) -> pa.Table:
    """Evaluate one chunk (attributes, WKB geometries): the tile function of batch siting.

    Returns an Arrow table (compact to send back from a worker): the input
    attributes, the result columns (``violations`` joined by ``;``) and the
    geometry as WKB in the column ``__wkb``.
    """
    from geoapp.siting import evaluate_sites

    attrs, wkb = chunk
    cand = gpd.GeoDataFrame(attrs, geometry=gpd.GeoSeries.from_wkb(wkb), crs=shared.crs)
    res = evaluate_sites(
        cand,
        layers=shared.engine,
        settings=shared.settings,
        chain_col=shared.chain_col,
        name_col=shared.name_col,
    )
    codes, combos = pd.factorize(res["violations"])  # joined once per distinct combination
    joined = np.array([";".join(c) for c in combos] + [""], dtype=object)
    res["violations"] = joined[codes]
    frame = pd.DataFrame(res.drop(columns=res.geometry.name))
    frame[_WKB] = wkb
    schema = pa.schema(
        [pa.field(c, _arrow_type(frame[c])) for c in frame.columns if c != _WKB]
        + [pa.field(_WKB, pa.binary())]
    )
    return _to_table(frame, schema)


def _geo_meta(path: Path) -> tuple[str, str]:
    """Primary geometry column and CRS (as PROJJSON text) of a GeoParquet file."""
    meta = pq.read_schema(path).metadata or {}
    if b"geo" not in meta:
        msg = (
            f"{path} has no GeoParquet 'geo' metadata; write it with "
            "GeoDataFrame.to_parquet() (GeoParquet 1.0) first."
        )
        raise ValueError(msg)
    geo = json.loads(meta[b"geo"])
    col = geo.get("primary_column", "geometry")
    info = geo.get("columns", {}).get(col, {})
    if info.get("encoding", "WKB").upper() != "WKB":
        msg = f"{path}: geometry encoding {info.get('encoding')!r} is not supported; use WKB."
        raise ValueError(msg)
    crs = info.get("crs", "OGC:CRS84")
    crs_text = CRS.from_user_input(crs if isinstance(crs, str) else json.dumps(crs)).to_json()
    return col, crs_text


def _chunks(path: Path, geom_col: str, rows: int) -> Iterator[tuple[pd.DataFrame, np.ndarray]]:
    pf = pq.ParquetFile(path)
    for batch in pf.iter_batches(batch_size=rows):
        table = pa.Table.from_batches([batch])
        wkb = table.column(geom_col).to_numpy(zero_copy_only=False)
        yield table.drop([geom_col]).to_pandas(), wkb


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
        GeoParquet (1.0, WKB geometry) of candidate points or parcels, any CRS.
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
        :func:`geoapp.tiles.map_tiles`); default in process.
    progress
        Show a progress bar on stderr.

    Returns
    -------
    BatchResult
    """
    from tqdm import tqdm

    t0 = time.perf_counter()
    source, output = Path(source), Path(output)
    fmt = BATCH_FORMATS.get(output.suffix.lower())
    if fmt is None:
        msg = f"`output` {str(output)!r} must end in one of {sorted(BATCH_FORMATS)}."
        raise ValueError(msg)
    if not (isinstance(chunk_rows, int) and chunk_rows >= 1):
        msg = f"`chunk_rows` must be an integer >= 1, got {chunk_rows!r}."
        raise ValueError(msg)
    geom_col, crs = _geo_meta(source)
    names = pq.read_schema(source).names
    if chain_col is not None and chain_col not in names:
        msg = f"`chain_col` {chain_col!r} is not a column of {source}; columns are {names}."
        raise ValueError(msg)
    n_total = pq.ParquetFile(source).metadata.num_rows
    shared = _Shared(
        layers=dict(layers), settings=settings, chain_col=chain_col, name_col=name_col, crs=crs
    )
    results = map_tiles(
        evaluate_chunk,
        _chunks(source, geom_col, chunk_rows),
        shared=shared,
        workers=workers,
        scheduler=scheduler,
        client=client,
        scatter_items=True,
    )
    verdicts: dict[str, int] = {}
    n = 0
    bar = tqdm(total=n_total, disable=not progress, file=sys.stderr, unit="site")
    try:
        with atomic_path(output) as tmp, ExitStack() as files:
            text = (
                files.enter_context(tmp.open("w", encoding="utf-8", newline=""))
                if fmt == "csv"
                else None
            )
            writer: pq.ParquetWriter | None = None
            schema: pa.Schema | None = None
            for table in results:
                counts = pc.value_counts(table.column("verdict")).to_pylist()
                for item in counts:
                    key = str(item["values"])
                    verdicts[key] = verdicts.get(key, 0) + int(item["counts"])
                table = table.rename_columns(
                    [geom_col if c == _WKB else c for c in table.column_names]
                )
                if fmt == "csv":
                    frame = table.to_pandas()
                    frame[geom_col] = gpd.GeoSeries.from_wkb(frame[geom_col]).to_wkt()
                    assert text is not None
                    write_csv(frame, text, bom=n == 0, header=n == 0)  # the one CSV writer
                else:
                    if schema is None:
                        geo = {
                            "version": "1.0.0",
                            "primary_column": geom_col,
                            "columns": {
                                geom_col: {
                                    "encoding": "WKB",
                                    "geometry_types": [],
                                    "crs": json.loads(crs),
                                }
                            },
                        }
                        schema = table.schema.with_metadata({b"geo": json.dumps(geo).encode()})
                        writer = pq.ParquetWriter(tmp, schema)
                    assert writer is not None
                    writer.write_table(table.cast(schema))
                n += table.num_rows
                bar.update(table.num_rows)
            if writer is not None:
                writer.close()
            if n == 0 and text is not None:
                text.write("\ufeff")
    finally:
        bar.close()
    seconds = time.perf_counter() - t0
    logger.info("batch siting: %d rows in %.1f s -> %s", n, seconds, output)
    return BatchResult(n_rows=n, path=output, verdicts=verdicts, seconds=seconds)
