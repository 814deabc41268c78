"""A report over a very large GeoParquet of candidates, streamed through the tiled executor.

:func:`build_streamed_report` is what :func:`geoapp.report.build_report` does
with a GeoParquet input (tens of millions of points). The file is read in
chunks (:func:`geoapp.suitability.batch.iter_evaluated`); each chunk is
evaluated by :func:`geoapp.siting.evaluate_sites` through
:func:`geoapp.executor.map_tiles` — in this process, on a Dask ``LocalCluster`` or
at a scheduler address — and the results come back in the file's order and go
straight to disk. Memory is a few chunks plus the ``max_pages`` best sites,
whatever the file's size. The folder::

    DIR/results.parquet   every evaluated row, in the input's order (GeoParquet, the input's CRS)
    DIR/results.csv       the same as CSV (UTF-8 with BOM, geometry as WKT), with ``results_csv``
    DIR/counts.csv        sites by county and verdict (and location_quality, if the input has it)
    DIR/summary.csv       the ``max_pages`` best sites of the ranking (a small report's columns)
    DIR/errors.csv        rows not evaluated: no geometry, or outside 濮阳市
    DIR/index.html        verdict totals, overview map and the ranking of those best sites
    DIR/sites/<id>.html   a page (and PDF) per best site

It is built under a temporary name and swapped in when complete, with the
same target rules as every report (:func:`geoapp.io.atomic.check_report_dir`).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

import geopandas as gpd
import pandas as pd
import pyarrow as pa
import shapely
from pyproj import CRS
from tqdm.auto import tqdm

from geoapp.errors import InputFileError
from geoapp.executor import map_tiles
from geoapp.io import REPORT_MARKER, atomic_dir, check_report_dir, write_csv
from geoapp.layers import LayerSet
from geoapp.report.candidates import column_notes, find_columns, site_ids, site_names_chains
from geoapp.report.csvstream import (
    BLOCK_BYTES,
    CsvShared,
    csv_blocks,
    csv_options,
    detect_encoding,
    evaluate_csv_block,
    probe_csv,
)
from geoapp.report.folder import ReportResult, city_extent, write_pages
from geoapp.report.tables import ERROR_COLUMNS, SUMMARY_COLUMNS, summary_table
from geoapp.settings import DEFAULT_LIMITS, DEFAULT_SITING, STORAGE_CRS, Limits, SitingSettings
from geoapp.siting import evaluate_sites, rank_sites, rules_of
from geoapp.suitability import (
    PARQUET_SUFFIXES,
    ROW_COL,
    WKB_COL,
    BatchShared,
    CandidateFile,
    ChunkResult,
    ResultWriter,
    add_counts,
    iter_evaluated,
    layer_frames,
    open_candidates,
)
from geoapp.vocab import VERDICT_CODES

logger = logging.getLogger(__name__)

#: Rows per chunk of a streamed report (memory is a few chunks).
CHUNK_ROWS = 250_000
#: Input columns counted in ``counts.csv`` besides county and verdict, when present.
QUALITY_COL = "location_quality"
_KEPT_ERRORS = 1_000


def _extent_m(layers: LayerSet) -> Any:
    """The city outline buffered as the import does, in EPSG:4547 (prepared), or None."""
    city = city_extent(layers)
    if city is None:
        return None
    geom = city.geometry.union_all()
    shapely.prepare(geom)
    return geom


def _top(prev: pd.DataFrame | None, table: pa.Table, keep: list[str], n: int) -> pd.DataFrame:
    """The ``n`` best rows of ``prev`` and ``table`` by :func:`geoapp.siting.rank_sites`."""
    if n == 0 or table.num_rows == 0:
        return prev if prev is not None else pd.DataFrame(columns=keep)
    rank = table.select(["verdict", "score", ROW_COL]).to_pandas()
    best = rank_sites(rank, row_col=ROW_COL).index[:n].to_numpy()
    rows = table.select(keep).take(pa.array(best)).to_pandas()
    both = rows if prev is None or not len(prev) else pd.concat([prev, rows], ignore_index=True)
    return both.iloc[rank_sites(both, row_col=ROW_COL).index[:n]].reset_index(drop=True)


#: The county of a site within the 1 km tolerance outside every county outline.
OUTSIDE_COUNTIES = "市域外 / outside the counties"


def _counts_table(counts: dict[Any, int], by: list[str]) -> pd.DataFrame:
    """``counts.csv``: one row per (county, verdict[, location_quality]) with its sites."""
    frame = pd.DataFrame([(*k, v) for k, v in counts.items()], columns=[*by, "sites"])
    frame["county"] = frame["county"].fillna(OUTSIDE_COUNTIES).astype(str)
    frame["verdict"] = pd.Categorical(frame["verdict"], categories=VERDICT_CODES)
    frame = frame.sort_values(by, kind="stable")
    frame["verdict"] = frame["verdict"].astype(str)
    return frame.reset_index(drop=True)


def build_streamed_report(
    source: str | Path,
    out_dir: str | Path,
    *,
    layers: LayerSet,
    settings: SitingSettings = DEFAULT_SITING,
    chain_col: str | None = None,
    name_col: str | None = None,
    datum: Literal["wgs84", "gcj02", "bd09"] = "wgs84",
    crs: str | int | None = None,
    lon_col: str | None = None,
    lat_col: str | None = None,
    fix_swapped: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    pdf: bool = False,
    pdf_workers: int | None = None,
    progress: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    results_csv: bool = False,
    chunk_rows: int = CHUNK_ROWS,
) -> Any:
    """Evaluate every point of a GeoParquet file, streamed, and write a report folder.

    Parameters
    ----------
    source
        GeoParquet (WKB points, any CRS); see the module text for the folder.
    out_dir
        The report folder; the rules of :func:`geoapp.report.build_report`.
    layers, settings
        The reference layers and the siting settings.
    chain_col, name_col
        Input columns; default found by name (see :func:`read_candidates`).
    datum
        {"wgs84", "gcj02", "bd09"}: the datum of lon/lat points.
    crs
        Read the points in this CRS instead of the file's (GeoParquet), or the
        CRS of a CSV's coordinates.
    lon_col, lat_col, fix_swapped
        A CSV's coordinate columns and swapped-coordinate repair, as in
        :func:`geoapp.io.read_user_layer`.
    limits
        ``max_pages`` (pages for the best sites only) and ``max_name_chars``;
        the size limits of an upload do not apply: memory is bounded by chunks.
    pdf, pdf_workers
        Also write a PDF per page, in this many processes.
    progress
        Progress bars on stderr.
    workers, scheduler, client
        Evaluate the chunks on a Dask LocalCluster of ``workers`` processes, at a
        scheduler address or on a client (:func:`geoapp.executor.map_tiles`);
        default in process. The output is the same.
    results_csv
        Also write ``results.csv``.
    chunk_rows
        Rows per chunk (of a CSV: about, from the length of its first lines).

    Returns
    -------
    ReportResult
        ``summary`` holds the paged (best) sites only, ``errors`` the first
        rejected rows; ``counts`` and the totals cover every row.

    Raises
    ------
    InputFileError
        Not GeoParquet, not points, a missing column, a wrong CRS, or no row
        that can be evaluated; nothing is written then.
    OutputPathError
        If ``out_dir`` may not be used.
    """
    source, out_dir = Path(source), Path(out_dir)
    check_report_dir(out_dir, inputs=[source])
    extent = _extent_m(layers)
    inp = _open_input(
        source, layers=layers, extent=extent, crs=crs, datum=datum, lon_col=lon_col,
        lat_col=lat_col, fix_swapped=fix_swapped, limits=limits, chunk_rows=chunk_rows,
    )  # fmt: skip
    batch = _batch_shared(
        source, inp, layers=layers, settings=settings, name_col=name_col, chain_col=chain_col
    )
    warnings = [*inp.notes, *column_notes(source.name, batch.name_col, batch.chain_col)]
    chunks = _chunks(
        source, inp, batch, layers=layers, datum=datum, extent=extent, chunk_rows=chunk_rows,
        workers=workers, scheduler=scheduler, client=client,
    )  # fmt: skip
    tally = _Tally.of(inp, limits.max_pages)
    outputs = [("results.parquet", "parquet")] + ([("results.csv", "csv")] * results_csv)
    with atomic_dir(out_dir, marker=REPORT_MARKER) as tmp:
        n_evaluated = _stream(tmp, chunks, inp, tally, outputs=outputs, progress=progress)
        if n_evaluated == 0:
            raise _no_rows_error(source, out_dir, tally)
        table = _counts_table(tally.counts, tally.by)
        write_csv(table, tmp / "counts.csv")
        best, attributes = _best_sites(tally, inp, batch, layers=layers)
        rules = rules_of(layers)
        summary = summary_table(best, rules=rules, settings=settings)
        write_csv(pd.DataFrame(summary[list(SUMMARY_COLUMNS)]), tmp / "summary.csv")
        warnings.append(_paged_note(n_evaluated, len(summary), results_csv))
        pages, pdfs = write_pages(
            tmp, summary=summary, evaluated=best, attributes=attributes,
            paged=list(summary["site_id"]), layers=layers, settings=settings, rules=rules,
            limits=limits, pdf=pdf, workers=pdf_workers, progress=progress,
            source_name=source.name,
            source_summary=f"{n_evaluated:,} evaluated, {tally.n_rejected:,} rejected",
            encoding=inp.encoding, crs_in=inp.crs_label, n_rejected=tally.n_rejected,
            warnings=warnings, verdict_totals=table.groupby("verdict")["sites"].sum().to_dict(),
            downloads=[f for f, _ in outputs] + ["counts.csv", "summary.csv", "errors.csv"],
        )  # fmt: skip
    logger.info(
        "Streamed report of %d sites (%d rows rejected) written to %s",
        n_evaluated, tally.n_rejected, out_dir,
    )  # fmt: skip
    return ReportResult.written(
        out_dir,
        summary=summary,
        pages=pages,
        pdfs=pdfs,
        errors=tally.errors(),
        warnings=tuple(warnings),
        import_summary=(
            f"{n_evaluated:,} evaluated, {tally.n_rejected:,} rejected from {source.name}"
        ),
        counts=table,
        totals=(n_evaluated, tally.n_rejected),
    )


@dataclass(frozen=True, eq=False)
class _Input:
    """A streamed input as opened: its columns, CRS and what its chunks are read with."""

    columns: tuple[str, ...]
    geometry: str
    crs_text: str
    crs_label: str
    n_rows: int | None
    encoding: str | None
    notes: list[str]
    cands: CandidateFile | None = None  # a GeoParquet
    options: dict[str, Any] = field(default_factory=dict)  # a CSV: the reader's options
    block_bytes: int = 0  # a CSV: bytes per block


def _open_input(
    source: Path,
    *,
    layers: LayerSet,
    extent: Any,
    crs: str | int | None,
    datum: str,
    lon_col: str | None,
    lat_col: str | None,
    fix_swapped: bool,
    limits: Limits,
    chunk_rows: int,
) -> _Input:
    """Open a GeoParquet, or probe a CSV (read block by block later, on the workers).

    Raises :class:`geoapp.errors.InputFileError` when the input already has a
    column named as the report's row number.
    """
    if is_parquet(source):
        cands = open_candidates(source, crs=crs, extent=extent)
        inp = _Input(
            columns=cands.columns, geometry=cands.geometry, crs_text=cands.crs,
            crs_label=_crs_label(cands.crs, datum), n_rows=cands.n_rows, encoding=None,
            notes=[], cands=cands,
        )  # fmt: skip
    else:  # read block by block by the one CSV reader, on the workers
        options = csv_options(
            source, lon_col=lon_col, lat_col=lat_col, crs=crs, datum=datum,
            fix_swapped=fix_swapped, limits=limits, extent=city_extent(layers),
        )  # fmt: skip
        encoding = detect_encoding(source)
        columns, notes, line_bytes = probe_csv(source, encoding=encoding, options=options)
        crs_text = CRS.from_user_input(STORAGE_CRS).to_json()
        inp = _Input(
            columns=columns, geometry="geometry", crs_text=crs_text,
            crs_label=_crs_label(CRS.from_user_input(crs).to_json() if crs else crs_text, datum),
            n_rows=None, encoding=encoding, notes=notes, options=options,
            block_bytes=min(BLOCK_BYTES, line_bytes * chunk_rows),  # about chunk_rows rows
        )  # fmt: skip
    if ROW_COL in inp.columns:
        msg = (
            f"{source}: it has a column {ROW_COL!r}, the name the report gives the input row "
            "number. Rename that column and run again."
        )
        raise InputFileError(msg)
    return inp


def _batch_shared(
    source: Path,
    inp: _Input,
    *,
    layers: LayerSet,
    settings: SitingSettings,
    name_col: str | None,
    chain_col: str | None,
) -> BatchShared:
    """What every chunk shares: the layers, the settings, the name and chain columns found."""
    name_found, chain_found = find_columns(list(inp.columns), name_col, chain_col, source.name)
    return BatchShared(
        layers=layer_frames(layers), settings=settings, chain_col=chain_found,
        name_col=name_found, crs=inp.crs_text, source_name=source.name,
    )  # fmt: skip


def _chunks(
    source: Path,
    inp: _Input,
    batch: BatchShared,
    *,
    layers: LayerSet,
    datum: str,
    extent: Any,
    chunk_rows: int,
    workers: int | None,
    scheduler: str | None,
    client: Any,
) -> Iterator[ChunkResult]:
    """The evaluated chunks of the input, in its order, through the tiled executor."""
    if inp.cands is None:  # a CSV
        shared = CsvShared(
            batch=batch, encoding=inp.encoding or "utf-8", options=inp.options,
            columns=tuple(inp.columns),
        )  # fmt: skip
        return map_tiles(
            evaluate_csv_block, csv_blocks(source, inp.block_bytes), shared=shared,
            workers=workers, scheduler=scheduler, client=client, scatter_items=True,
        )  # fmt: skip
    return iter_evaluated(
        inp.cands, layers=layers, settings=batch.settings, chain_col=batch.chain_col,
        name_col=batch.name_col, datum=datum, extent=extent, chunk_rows=chunk_rows,
        workers=workers, scheduler=scheduler, client=client,
    )  # fmt: skip


@dataclass(eq=False)
class _Tally:
    """What is kept of the chunks as they pass: the counts, the best sites, the first errors."""

    by: list[str]
    keep: list[str]
    max_pages: int
    counts: dict[Any, int] = field(default_factory=dict)
    top: pd.DataFrame | None = None
    kept_errors: list[pd.DataFrame] = field(default_factory=list)
    n_rejected: int = 0

    @classmethod
    def of(cls, inp: _Input, max_pages: int) -> _Tally:
        """An empty tally of ``inp``, counted by county and verdict (and quality)."""
        return cls(
            by=["county", "verdict"] + ([QUALITY_COL] if QUALITY_COL in inp.columns else []),
            keep=[ROW_COL, *inp.columns, WKB_COL, "verdict", "score"],
            max_pages=max_pages,
        )

    def add(self, chunk: ChunkResult, errors_file: IO[str]) -> None:
        """Count one chunk, keep its best rows and append its rejected rows to ``errors.csv``."""
        add_counts(self.counts, chunk.table, *self.by)
        self.top = _top(self.top, chunk.table, self.keep, self.max_pages)
        if len(chunk.rejected):
            rej = chunk.rejected[list(ERROR_COLUMNS)]
            first = self.n_rejected == 0
            write_csv(rej, errors_file, bom=first, header=first)
            if self.n_rejected < _KEPT_ERRORS:
                self.kept_errors.append(rej.head(_KEPT_ERRORS - self.n_rejected))
            self.n_rejected += len(rej)

    def errors(self) -> pd.DataFrame:
        """The first rejected rows (at most ``_KEPT_ERRORS``)."""
        if not self.kept_errors:
            return pd.DataFrame(columns=list(ERROR_COLUMNS))
        return pd.concat(self.kept_errors, ignore_index=True)


def _stream(
    tmp: Path,
    chunks: Iterator[ChunkResult],
    inp: _Input,
    tally: _Tally,
    *,
    outputs: list[tuple[str, str]],
    progress: bool,
) -> int:
    """Write every chunk to the result files and ``errors.csv`` in ``tmp``; the rows evaluated."""
    bar = tqdm(total=inp.n_rows, desc="sites", unit="site", disable=not progress, file=sys.stderr)
    writers = [
        ResultWriter(tmp / f, fmt, geometry=inp.geometry, crs=inp.crs_text) for f, fmt in outputs
    ]
    with (tmp / "errors.csv").open("w", encoding="utf-8", newline="") as errors_file:
        try:
            for chunk in chunks:
                for writer in writers:
                    writer.write(chunk.table)
                tally.add(chunk, errors_file)
                bar.update(chunk.table.num_rows + len(chunk.rejected))
        finally:
            bar.close()
            for writer in writers:
                writer.close()
        if tally.n_rejected == 0:
            write_csv(pd.DataFrame(columns=list(ERROR_COLUMNS)), errors_file)
    return writers[0].n


def _no_rows_error(source: Path, out_dir: Path, tally: _Tally) -> InputFileError:
    """The error when no row of the input could be evaluated: the first rejected rows and why."""
    shown = pd.concat(tally.kept_errors).head(8) if tally.kept_errors else pd.DataFrame()
    lines = "\n  ".join(f"row {r.row}: {r.reason}" for r in shown.itertuples())
    return InputFileError(
        f"No row of {source.name} could be evaluated ({tally.n_rejected:,} rejected).\n  "
        f"{lines or 'the file holds no records'}\nNothing was written; {out_dir} is "
        "unchanged. Check the points (inside 濮阳市) and the CRS (--crs) and run again."
    )


def _best_sites(
    tally: _Tally, inp: _Input, batch: BatchShared, *, layers: LayerSet
) -> tuple[gpd.GeoDataFrame, dict[Any, dict]]:
    """The best sites evaluated again for their pages, and their input attributes by site id.

    The same function on the same rows as in the stream; the sites get their
    ``site_id``, ``name`` and ``chain`` (EPSG:4326).
    """
    top = tally.top
    assert top is not None
    rows = top[ROW_COL].to_numpy(dtype="int64")
    geoms = gpd.GeoSeries.from_wkb(top[WKB_COL].to_numpy(dtype=object), crs=inp.crs_text)
    attrs = pd.DataFrame(top[list(inp.columns)])
    best = evaluate_sites(
        gpd.GeoDataFrame(attrs.assign(**{ROW_COL: rows}), geometry=geoms),
        layers=layers, settings=batch.settings, chain_col=batch.chain_col,
        name_col=batch.name_col,
    ).to_crs(STORAGE_CRS)  # fmt: skip
    names, chains = site_names_chains(best, rows, batch.name_col, batch.chain_col)
    ids = site_ids(rows)
    best = best.assign(site_id=ids, name=names.to_numpy(), chain=chains.to_numpy())
    return best, attrs.set_axis(ids).to_dict("index")


def _paged_note(n_evaluated: int, n_paged: int, results_csv: bool) -> str:
    """The note that only the best ``n_paged`` sites have pages, and where every site is."""
    return (
        f"共评价 {n_evaluated:,} 个地块；summary.csv 与单独页面只含排名前 "
        f"{n_paged:,} 个 / "
        f"{n_evaluated:,} sites evaluated; summary.csv and the site pages hold the best "
        f"{n_paged:,} of the ranking (--max-pages). Every site is in results.parquet"
        + (" and results.csv" if results_csv else "")
        + "; counts by county and verdict are in counts.csv"
    )


def is_parquet(path: str | Path) -> bool:
    """Whether a candidate file is GeoParquet, by its ending."""
    return Path(path).suffix.lower() in PARQUET_SUFFIXES


def _crs_label(crs_json: str, datum: str) -> str:
    crs = CRS.from_user_input(crs_json)
    epsg = crs.to_epsg()
    label = f"EPSG:{epsg}" if epsg else crs.name
    return label if datum == "wgs84" else f"{label} ({datum})"


__all__ = ["CHUNK_ROWS", "build_streamed_report"]
