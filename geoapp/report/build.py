"""The entry point :func:`build_report`: read, evaluate, and write the report folder atomically."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

import geopandas as gpd
import pandas as pd

from geoapp import __version__
from geoapp.errors import InputFileError
from geoapp.io import REPORT_MARKER, atomic_dir, check_report_dir, shorten, terminal_text, write_csv
from geoapp.layers import LayerSet
from geoapp.report import pages as site_pages
from geoapp.report.candidates import Candidates, read_candidates
from geoapp.report.pages import render_index, site_context
from geoapp.report.pdf import _pdf_workers, _PdfQueue, cjk_pdf_font_available
from geoapp.report.tables import (
    SUMMARY_COLUMNS,
    errors_table,
    summary_table,
    write_points_geojson,
)
from geoapp.settings import DEFAULT_LIMITS, DEFAULT_SITING, Limits, SitingSettings

if TYPE_CHECKING:
    pass

logger = logging.getLogger(__package__)  # "geoapp.report", as before the split

_MAX_MESSAGE_ROWS = 8
REPORT_PDF = "report.pdf"  # every site page in one PDF (with pdf=True)


@dataclass(frozen=True, eq=False)
class ReportResult:
    """What :func:`build_report` wrote.

    Attributes
    ----------
    path
        The report folder.
    index
        ``path / "index.html"``.
    summary
        The rows of ``summary.csv`` (ranked) plus ``site_id`` and ``row``.
    errors
        The rows of ``errors.csv``.
    pages
        The site pages (HTML), in ranking order.
    pdfs
        The site PDFs (empty without ``pdf=True``).
    warnings
        Import notes and report notes (e.g. a missing CJK font).
    import_summary
        :meth:`geoapp.io.ImportResult.summary` of the input.
    report_pdf
        ``path / "report.pdf"``: every site page in ranking order, one
        bookmark per site (``None`` without ``pdf=True``).
    counts
        A streamed (GeoParquet) report's ``counts.csv``: sites by county and
        verdict; ``None`` otherwise.
    totals
        A streamed report's (evaluated, rejected) row counts: there
        ``summary`` holds the paged sites only and ``errors`` the first
        rejected rows.
    """

    path: Path
    index: Path
    summary: pd.DataFrame
    errors: pd.DataFrame
    pages: tuple[Path, ...]
    pdfs: tuple[Path, ...]
    warnings: tuple[str, ...]
    import_summary: str
    report_pdf: Path | None = None
    counts: pd.DataFrame | None = None
    totals: tuple[int, int] | None = None

    @classmethod
    def written(
        cls,
        out_dir: Path,
        *,
        summary: gpd.GeoDataFrame,
        pages: list[str],
        pdfs: list[str],
        **fields: Any,
    ) -> ReportResult:
        """The result of a report written to ``out_dir`` (its files' paths derived once)."""
        return cls(
            path=out_dir,
            index=out_dir / "index.html",
            summary=pd.DataFrame(summary.drop(columns="geometry")),
            pages=tuple(out_dir / "sites" / p for p in pages),
            pdfs=tuple(out_dir / "sites" / p for p in pdfs),
            report_pdf=out_dir / REPORT_PDF if pdfs else None,
            **fields,
        )

    @property
    def n_evaluated(self) -> int:
        """Number of evaluated candidates."""
        return self.totals[0] if self.totals is not None else len(self.summary)

    @property
    def n_rejected(self) -> int:
        """Number of input rows that could not be evaluated."""
        return self.totals[1] if self.totals is not None else len(self.errors)


def _no_rows_message(cands: Candidates, out_dir: Path) -> str:
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


def _hub_xy(layer: gpd.GeoDataFrame | None) -> dict[str, tuple[float, float]]:
    if layer is None or not len(layer) or "name" not in layer.columns:
        return {}
    pts = layer.geometry.to_crs("EPSG:4326")
    names = layer["name"].astype(str).to_numpy()
    return dict(zip(names, zip(pts.x.to_numpy(), pts.y.to_numpy(), strict=True), strict=True))


def city_extent(layers: LayerSet) -> gpd.GeoDataFrame | None:
    """The city outline buffered by 1 km (as the import's default), from the bundle in use.

    Candidate rows must fall in this area (the ``extent`` of
    :func:`read_candidates`); the app reads an upload with it too, so its table
    and the report reject the same rows.

    Parameters
    ----------
    layers
        The layer bundle of the evaluation.

    Returns
    -------
    geopandas.GeoDataFrame or None
        The buffered outline in the metric CRS, ``None`` without a ``city`` layer.
    """
    from geoapp.io import EXTENT_BUFFER_M

    if "city" not in layers or not len(layers["city"]):
        return None
    city = layers.metric("city")
    return gpd.GeoDataFrame(geometry=city.geometry.buffer(EXTENT_BUFFER_M), crs=city.crs)


def _streamed(candidates: object, limits: Limits, executor: bool) -> bool:
    """Whether the input is streamed: a GeoParquet; a CSV larger than ``max_bytes`` or on Dask."""
    from geoapp.report.stream import is_parquet

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
    from geoapp.siting import evaluate_sites, rules_of

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
        from geoapp.report.stream import build_streamed_report

        assert isinstance(candidates, (str, Path))
        return build_streamed_report(
            candidates, out_dir, layers=layers, settings=settings, chain_col=chain_col,
            name_col=name_col, datum=datum, crs=crs, lon_col=lon_col, lat_col=lat_col,
            fix_swapped=fix_swapped, limits=limits, pdf=pdf, pdf_workers=workers,
            progress=progress, workers=dask_workers, scheduler=scheduler, client=client,
            results_csv=results_csv,
        )  # fmt: skip
    inputs = [Path(candidates)] if isinstance(candidates, (str, Path)) else []
    check_report_dir(out_dir, inputs=inputs)
    cands = read_candidates(
        candidates,
        filename=filename,
        lon_col=lon_col,
        lat_col=lat_col,
        chain_col=chain_col,
        name_col=name_col,
        datum=datum,
        crs=crs,
        fix_swapped=fix_swapped,
        layer=layer,
        limits=limits,
        extent=city_extent(layers),
    )
    imported = cands.imported
    if len(cands.sites) == 0:
        raise InputFileError(_no_rows_message(cands, out_dir))
    warnings = [*imported.warnings, *cands.warnings]
    if pdf and cjk_pdf_font_available() is False:
        note = (
            "The font 'Noto Sans CJK SC' is not installed (fc-list): Chinese text in the PDFs "
            "may not render. Install it with `apt-get install fonts-noto-cjk`."
        )
        logger.warning(note)
        warnings.append(note)

    evaluated = evaluate_sites(
        cands.sites, layers=layers, settings=settings, chain_col="chain", name_col="name"
    )
    n_review = int((evaluated["verdict"] == "needs_review").sum())
    if n_review:
        warnings.append(
            f"{n_review} 个地块待核实 / site(s) need review: the chain is missing, unknown or of "
            "undecided chemical status and the site lies within the Yellow River control "
            "distance or a constraint, so the hard rule may apply (see summary.csv, violations)"
        )
    rules = rules_of(layers)
    summary = summary_table(evaluated, rules=rules, settings=settings)
    errors = errors_table(imported)
    paged = summary["site_id"].head(limits.max_pages)
    if len(paged) < len(summary):
        warnings.append(
            f"只为排名前 {len(paged):,} 个地块生成单独页面 / pages were written for the first "
            f"{len(paged):,} of {len(summary):,} sites in the ranking (--max-pages); every site "
            "is evaluated and listed in summary.csv and results.geojson"
        )
    wanted = set(paged)
    attrs = (
        cands.attributes.set_index(cands.sites["site_id"].to_numpy())
        .loc[lambda f: f.index.isin(wanted)]
        .to_dict("index")
    )
    with atomic_dir(out_dir, marker=REPORT_MARKER) as tmp:
        write_csv(pd.DataFrame(summary[list(SUMMARY_COLUMNS)]), tmp / "summary.csv")
        write_csv(errors, tmp / "errors.csv")
        write_points_geojson(
            summary[[*SUMMARY_COLUMNS, "site_id", "geometry"]], tmp / "results.geojson"
        )
        pages, pdfs = write_pages(
            tmp,
            summary=summary,
            evaluated=evaluated[evaluated["site_id"].isin(wanted)],
            attributes=attrs,
            paged=list(paged),
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


def write_pages(
    tmp: Path,
    *,
    summary: gpd.GeoDataFrame,
    evaluated: gpd.GeoDataFrame,
    attributes: dict,
    paged: list[str],
    layers: LayerSet,
    settings: SitingSettings,
    rules: Any,
    limits: Limits,
    pdf: bool,
    workers: int | None,
    progress: bool,
    source_name: str,
    source_summary: str,
    encoding: str | None,
    crs_in: str,
    n_rejected: int,
    warnings: list[str],
    verdict_totals: dict[str, int] | None = None,
    downloads: tuple[str, ...] | list[str] = ("summary.csv", "results.geojson", "errors.csv"),
) -> tuple[list[str], list[str]]:
    """Write ``sites/<id>.html`` (and PDF) for the ``paged`` sites and ``index.html`` into ``tmp``.

    The one page writer of every report (a spreadsheet read whole, a GeoParquet
    streamed): ``summary`` is the ranking shown on the index, ``evaluated`` the
    :func:`geoapp.siting.evaluate_sites` rows of the paged sites (EPSG:4326,
    ``site_id``, ``source_row``, ``name``, ``chain``), ``attributes`` their
    input attributes by site id. Returns the page and PDF file names.
    """
    from tqdm.auto import tqdm

    from geoapp.mapping import SITE_WINDOW_M, BaseLayers, SiteMapRenderer, overview_map

    base = BaseLayers.from_layers(layers, settings)
    hubs = _hub_xy(base.hubs)
    stations = _hub_xy(base.stations)
    generated = (
        f"由 geoapp {__version__} 于 {datetime.now().astimezone():%Y-%m-%d %H:%M} 生成 · "
        f"输入 {source_name} · {source_summary}"
    )
    from geoapp.siting import POSITION_LAYERS

    schematic = (
        layers.schematic_note(POSITION_LAYERS, "zh"),
        layers.schematic_note(POSITION_LAYERS, "en"),
    )
    # One dict per site, built once (a .loc look-up per page costs more than the page's map).
    by_id = evaluated.set_index("site_id", drop=False).to_dict("index")
    pdf_queue = _PdfQueue(_pdf_workers(workers, len(paged)), len(paged)) if pdf else None
    pages: list[str] = []
    pdfs: list[str] = []
    try:
        sites_dir = tmp / "sites"
        sites_dir.mkdir()
        bar = tqdm(
            total=len(paged), desc="site pages", unit="site", disable=not progress, leave=False
        )
        with SiteMapRenderer(base, window_m=SITE_WINDOW_M) as render:
            for site_id in paged:
                row = dict(by_id[site_id])
                # control characters removed, long names shortened (the CSV keeps all)
                row["name"] = shorten(terminal_text(row["name"]), limits.max_name_chars)
                geom = row["geometry"]
                png = render(
                    geom.x,
                    geom.y,
                    label=str(row["name"]),
                    verdict=str(row.get("verdict")),
                    hub_xy=hubs.get(str(row.get("hub_name"))),
                    station_xy=stations.get(str(row.get("station_name"))),
                )
                shown = {
                    k: (
                        shorten(terminal_text(v), 4 * limits.max_name_chars)
                        if isinstance(v, str)
                        else v
                    )
                    for k, v in attributes[site_id].items()
                }  # one site's few attributes
                context = site_context(row, settings=settings, rules=rules, attributes=shown)
                # Looked up on the package, so that replacing
                # geoapp.report.pages.render_site_page (as the tests do) takes effect.
                html = site_pages.render_site_page(
                    context,
                    png,
                    generated=generated,
                    window_km=SITE_WINDOW_M / 1000,
                    schematic=schematic,
                )
                page = sites_dir / f"{site_id}.html"
                page.write_text(html, encoding="utf-8")
                pages.append(page.name)
                if pdf_queue is not None:
                    # No base URL: images are embedded, and the back link must stay
                    # relative (a base would bake the temporary folder into the PDF).
                    pdf_queue.submit(html, sites_dir / f"{site_id}.pdf")
                    pdfs.append(f"{site_id}.pdf")
                bar.update()
        bar.close()
        if pdf_queue is not None:
            # every site page in one file, for printing; its links lead from the report folder
            pdf_queue.finish(
                tmp / REPORT_PDF,
                title=f"批量选址报告 Batch siting report — {source_name}",
                relink={"../index.html": "index.html"},
            )
        index_html = render_index(
            summary,
            overview_map(summary, base),
            n_pages=len(paged),
            source_name=source_name,
            encoding=encoding,
            crs_in=crs_in,
            n_rejected=n_rejected,
            warnings=warnings,
            pdf=bool(pdfs),
            generated=generated,
            verdict_totals=verdict_totals,
            downloads=downloads,
            schematic=schematic,
        )
        (tmp / "index.html").write_text(index_html, encoding="utf-8")
    finally:
        if pdf_queue is not None:
            pdf_queue.close()
    return pages, pdfs
