"""The entry point :func:`build_report`: read, evaluate, and write the report folder atomically."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, BinaryIO, Literal

import geopandas as gpd
import pandas as pd

from geoapp.errors import InputFileError
from geoapp.io import REPORT_MARKER, atomic_dir, check_report_dir, write_csv
from geoapp.layers import LayerSet
from geoapp.report.candidates import Candidates, read_candidates
from geoapp.report.folder import ReportResult, city_extent, write_pages
from geoapp.report.pdf import cjk_pdf_font_available
from geoapp.report.stream import build_streamed_report, is_parquet
from geoapp.report.tables import (
    SUMMARY_COLUMNS,
    errors_table,
    summary_table,
    write_points_geojson,
)
from geoapp.settings import DEFAULT_LIMITS, DEFAULT_SITING, Limits, SitingSettings
from geoapp.siting import evaluate_sites, rules_of

logger = logging.getLogger(__package__)  # "geoapp.report", as before the split

_MAX_MESSAGE_ROWS = 8


def _no_rows_message(cands: Candidates, out_dir: Path) -> str:
    """The error when no row of the input could be evaluated: the first rejected rows and why."""
    imported = cands.imported
    rej = imported.rejected.sort_values("row")
    shown = [f"row {r.row}: {r.reason}" for r in rej.head(_MAX_MESSAGE_ROWS).itertuples()]
    more = len(rej) - _MAX_MESSAGE_ROWS
    lines = "\n  ".join(shown) + (f"\n  … and {more} more" if more > 0 else "")
    return (
        f"No row of {imported.source_name} could be evaluated ({imported.summary()}).\n  "
        f"{lines if shown else 'the file holds no data rows'}\n"
        f"Nothing was written; {out_dir} is unchanged. Fix the rows (coordinates as decimal "
        "degrees inside 濮阳市, or pass --crs/--datum/--fix-swapped) and run again."
    )


def _streamed(candidates: object, limits: Limits, executor: bool) -> bool:
    """Whether the input is streamed: a GeoParquet; a CSV larger than ``max_bytes`` or on Dask."""
    if not isinstance(candidates, (str, Path)):
        return False
    path = Path(candidates)
    if is_parquet(path):
        return True
    big = path.is_file() and path.stat().st_size > limits.max_bytes
    return path.suffix.lower() == ".csv" and (big or executor)


def _check_streaming_options(
    streamed: bool, parquet: bool, stream_only: dict[str, Any], table_only: dict[str, Any]
) -> None:
    """Refuse options that do not apply to the input: name them and say which input takes them."""
    if streamed and not parquet:  # a CSV read block by block: its own columns and CRS
        table_only = {"layer": table_only.get("layer")}
    given = [k for k, v in (table_only if streamed else stream_only).items() if v is not None]
    if not given:
        return
    if streamed:
        msg = (
            f"`{'`, `'.join(given)}` do not apply to a GeoParquet input: it has its own point "
            "geometry and CRS (use `crs` to override it). Drop them."
        )
    else:
        msg = (
            f"`{'`, `'.join(given)}` apply to a GeoParquet or CSV input only (streamed in "
            "chunks through the tiled executor); this file is read whole and evaluated in "
            "this process. Write the candidates to GeoParquet (GeoDataFrame.to_parquet) or CSV "
            "to use them."
        )
    raise ValueError(msg)


def build_report(
    candidates: str | Path | bytes | BinaryIO,
    out_dir: str | Path,
    *,
    pdf: bool = False,
    filename: str | None = None,
    lon_col: str | None = None,
    lat_col: str | None = None,
    chain_col: str | None = None,
    name_col: str | None = None,
    datum: Literal["wgs84", "gcj02", "bd09"] = "wgs84",
    crs: str | int | None = None,
    fix_swapped: bool = False,
    layers: LayerSet,
    settings: SitingSettings = DEFAULT_SITING,
    progress: bool = False,
    workers: int | None = None,
    layer: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    dask_workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    results_csv: bool = False,
) -> ReportResult:
    """Evaluate candidate sites from a file and write a report folder.

    A GeoParquet file (``.parquet`` / ``.geoparquet``: tens of millions of
    points) — or a CSV larger than ``limits.max_bytes`` or run on Dask — is
    streamed in chunks through the tiled executor instead of being read whole;
    its folder holds ``results.parquet`` (every row), ``counts.csv`` and pages
    for the best ``limits.max_pages`` sites only — see
    :func:`geoapp.report.stream.build_streamed_report`.

    Parameters
    ----------
    candidates
        CSV (UTF-8 or GBK, detected), XLSX, GeoJSON, GeoPackage or zipped
        Shapefile; a path, bytes (with ``filename``) or a binary file object;
        or a GeoParquet path (streamed).
    out_dir
        The report folder: a new path, an empty folder, or an earlier report
        (it holds the marker file ``.geoapp-report``), replaced only when the
        new report is complete. An existing file, the input itself, the
        current folder or a folder of other files is refused before any work
        (:func:`geoapp.io.atomic.check_report_dir`).
    pdf
        Also write ``sites/<id>.pdf`` and ``report.pdf`` with every site page
        (WeasyPrint; Chinese text in Noto Sans CJK SC, ``apt-get install
        fonts-noto-cjk``).
    filename
        File name selecting the format when ``candidates`` is bytes.
    lon_col, lat_col, chain_col, name_col
        Input columns; default found by name (see :func:`read_candidates`).
    datum
        {"wgs84", "gcj02", "bd09"}: the datum of lon/lat coordinates.
    crs
        CRS of the coordinates when not WGS-84 lon/lat, e.g. ``"EPSG:4547"``.
    fix_swapped
        Fix rows with swapped longitude and latitude instead of rejecting them.
    layers
        The reference layers (:class:`geoapp.layers.LayerSet`); the city
        outline bounds the accepted coordinates.
    settings
        Rules, weights and thresholds (:class:`geoapp.settings.SitingSettings`).
    progress
        Show a progress bar while the site pages are rendered.
    workers
        Processes laying out the PDFs in parallel, this one included (so
        ``workers - 1`` are started); the pages go in batches, each subset
        once. Default: one per CPU (at most 4) when there are at least 30
        pages, else 1 (this process only).
    layer
        Layer of a multi-layer input (GeoPackage layer, Shapefile in a .zip,
        XLSX sheet).
    limits
        Bounds on the work (:class:`geoapp.settings.Limits`): input size and
        rows (not for a streamed GeoParquet, whose memory is bounded by its
        chunks), and ``max_pages``: only the first ``max_pages`` sites of the
        ranking get a page (and PDF); every site is still evaluated and
        listed in ``summary.csv`` and ``results.geojson``. Names longer than
        ``max_name_chars`` are shortened on pages and maps.
    dask_workers, scheduler, client
        GeoParquet or CSV only: evaluate its chunks on a Dask ``LocalCluster`` of this
        many worker processes, on the scheduler at this address, or on this
        ``distributed.Client`` (:func:`geoapp.executor.map_tiles`); default in
        process, with the same output.
    results_csv
        Streamed input only: also write every evaluated row to ``results.csv``.

    Returns
    -------
    ReportResult
        The folder, the summary and error tables and the pages written.

    Raises
    ------
    InputFileError
        If the file cannot be read, or no row of it can be evaluated (the
        message lists the first rejected rows and why). Nothing is written
        then, and an existing ``out_dir`` is left as it was.
    OutputPathError
        If ``out_dir`` may not be replaced or cannot be written (one line
        naming it and the fix).
    ValueError
        On an invalid option (``datum``).

    Examples
    --------
    >>> res = build_report("candidates.csv", "out/report", pdf=True)  # doctest: +SKIP
    >>> res.summary[["name", "score", "verdict"]].head()  # doctest: +SKIP
    """
    out_dir = Path(out_dir)
    executor = dask_workers is not None or scheduler is not None or client is not None
    streamed = _streamed(candidates, limits, executor)
    _check_streaming_options(
        streamed,
        streamed and Path(str(candidates)).suffix.lower() != ".csv",
        {"dask_workers": dask_workers, "scheduler": scheduler, "client": client,
         "results_csv": results_csv or None},
        {"lon_col": lon_col, "lat_col": lat_col, "layer": layer,
         "fix_swapped": fix_swapped or None},
    )  # fmt: skip
    if streamed:
        assert isinstance(candidates, (str, Path))
        return build_streamed_report(
            candidates, out_dir, layers=layers, settings=settings, chain_col=chain_col,
            name_col=name_col, datum=datum, crs=crs, lon_col=lon_col, lat_col=lat_col,
            fix_swapped=fix_swapped, limits=limits, pdf=pdf, pdf_workers=workers,
            progress=progress, workers=dask_workers, scheduler=scheduler, client=client,
            results_csv=results_csv,
        )  # fmt: skip
    cands = _read_input(
        candidates, out_dir, filename=filename, lon_col=lon_col, lat_col=lat_col,
        chain_col=chain_col, name_col=name_col, datum=datum, crs=crs, fix_swapped=fix_swapped,
        layer=layer, limits=limits, layers=layers,
    )  # fmt: skip
    imported = cands.imported
    warnings = [*imported.warnings, *cands.warnings, *_font_notes(pdf)]
    evaluated = evaluate_sites(
        cands.sites, layers=layers, settings=settings, chain_col="chain", name_col="name"
    )
    warnings += _review_notes(evaluated)
    rules = rules_of(layers)
    summary = summary_table(evaluated, rules=rules, settings=settings)
    errors = errors_table(imported)
    paged = list(summary["site_id"].head(limits.max_pages))
    warnings += _paged_notes(len(paged), len(summary))
    with atomic_dir(out_dir, marker=REPORT_MARKER) as tmp:
        pages, pdfs = _write_folder(
            tmp, cands, evaluated=evaluated, summary=summary, errors=errors, paged=paged,
            layers=layers, settings=settings, rules=rules, limits=limits, pdf=pdf,
            workers=workers, progress=progress, warnings=warnings,
        )  # fmt: skip
    logger.info(
        "Report of %d sites (%d rows rejected) written to %s", len(summary), len(errors), out_dir
    )
    return ReportResult.written(
        out_dir,
        summary=summary,
        pages=pages,
        pdfs=pdfs,
        errors=errors,
        warnings=tuple(warnings),
        import_summary=imported.summary(),
    )


def _read_input(
    candidates: str | Path | bytes | BinaryIO,
    out_dir: Path,
    *,
    layers: LayerSet,
    limits: Limits,
    **options: Any,
) -> Candidates:
    """Check the target folder, then read the candidates whole; refuse an input with no usable row.

    ``options`` are the reading options of :func:`read_candidates`; the city
    outline of ``layers`` bounds the accepted coordinates.
    """
    inputs = [Path(candidates)] if isinstance(candidates, (str, Path)) else []
    check_report_dir(out_dir, inputs=inputs)
    cands = read_candidates(candidates, limits=limits, extent=city_extent(layers), **options)
    if len(cands.sites) == 0:
        raise InputFileError(_no_rows_message(cands, out_dir))
    return cands


def _font_notes(pdf: bool) -> list[str]:
    """A note (also logged) when PDFs are asked for and the CJK font is not installed."""
    if not pdf or cjk_pdf_font_available() is not False:
        return []
    note = (
        "The font 'Noto Sans CJK SC' is not installed (fc-list): Chinese text in the PDFs "
        "may not render. Install it with `apt-get install fonts-noto-cjk`."
    )
    logger.warning(note)
    return [note]


def _review_notes(evaluated: gpd.GeoDataFrame) -> list[str]:
    """A note on the sites that need review (the hard rule may apply), if any."""
    n_review = int((evaluated["verdict"] == "needs_review").sum())
    if not n_review:
        return []
    return [
        f"{n_review} 个地块待核实 / site(s) need review: the chain is missing, unknown or of "
        "undecided chemical status and the site lies within the Yellow River control "
        "distance or a constraint, so the hard rule may apply (see summary.csv, violations)"
    ]


def _paged_notes(n_paged: int, n_sites: int) -> list[str]:
    """A note when only the first ``n_paged`` of ``n_sites`` sites get a page."""
    if n_paged >= n_sites:
        return []
    return [
        f"只为排名前 {n_paged:,} 个地块生成单独页面 / pages were written for the first "
        f"{n_paged:,} of {n_sites:,} sites in the ranking (--max-pages); every site "
        "is evaluated and listed in summary.csv and results.geojson"
    ]


def _write_folder(
    tmp: Path,
    cands: Candidates,
    *,
    evaluated: gpd.GeoDataFrame,
    summary: gpd.GeoDataFrame,
    errors: pd.DataFrame,
    paged: list[str],
    layers: LayerSet,
    settings: SitingSettings,
    rules: Any,
    limits: Limits,
    pdf: bool,
    workers: int | None,
    progress: bool,
    warnings: list[str],
) -> tuple[list[str], list[str]]:
    """Write the tables, the site pages of ``paged`` and the index into ``tmp``.

    Returns the page and PDF file names (:func:`geoapp.report.folder.write_pages`).
    """
    imported = cands.imported
    wanted = set(paged)
    attrs = (
        cands.attributes.set_index(cands.sites["site_id"].to_numpy())
        .loc[lambda f: f.index.isin(wanted)]
        .to_dict("index")
    )
    write_csv(pd.DataFrame(summary[list(SUMMARY_COLUMNS)]), tmp / "summary.csv")
    write_csv(errors, tmp / "errors.csv")
    write_points_geojson(
        summary[[*SUMMARY_COLUMNS, "site_id", "geometry"]], tmp / "results.geojson"
    )
    return write_pages(
        tmp,
        summary=summary,
        evaluated=evaluated[evaluated["site_id"].isin(wanted)],
        attributes=attrs,
        paged=paged,
        layers=layers,
        settings=settings,
        rules=rules,
        limits=limits,
        pdf=pdf,
        workers=workers,
        progress=progress,
        source_name=imported.source_name,
        source_summary=imported.summary(),
        encoding=imported.encoding,
        crs_in=imported.crs_in,
        n_rejected=len(errors),
        warnings=warnings,
    )
