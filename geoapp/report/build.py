"""The entry point :func:`build_report`: read, evaluate, and write the report folder atomically."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

import geopandas as gpd
import pandas as pd

import geoapp.report  # the package: build_report calls its render_site_page, see there
from geoapp import __version__
from geoapp.atomic import REPORT_MARKER, atomic_dir, check_report_dir
from geoapp.errors import InputFileError
from geoapp.layers import LayerSet
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
from geoapp.textsafe import shorten, terminal_text, write_csv

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

    @property
    def n_evaluated(self) -> int:
        """Number of evaluated candidates."""
        return len(self.summary)

    @property
    def n_rejected(self) -> int:
        """Number of input rows that could not be evaluated."""
        return len(self.errors)


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


def _city_extent(layers: LayerSet) -> gpd.GeoDataFrame | None:
    """The city outline buffered by 1 km (as the import's default), from the bundle in use."""
    from geoapp.io import EXTENT_BUFFER_M

    if "city" not in layers or not len(layers["city"]):
        return None
    city = layers.metric("city")
    return gpd.GeoDataFrame(geometry=city.geometry.buffer(EXTENT_BUFFER_M), crs=city.crs)


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
) -> ReportResult:
    """Evaluate candidate sites from a file and write a report folder.

    Parameters
    ----------
    candidates
        CSV (UTF-8 or GBK, detected), XLSX, GeoJSON, GeoPackage or zipped
        Shapefile; a path, bytes (with ``filename``) or a binary file object.
    out_dir
        The report folder: a new path, an empty folder, or an earlier report
        (it holds the marker file ``.geoapp-report``), replaced only when the
        new report is complete. An existing file, the input itself, the
        current folder or a folder of other files is refused before any work
        (:func:`geoapp.atomic.check_report_dir`).
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
        rows, and ``max_pages``: only the first ``max_pages`` sites of the
        ranking get a page (and PDF); every site is still evaluated and
        listed in ``summary.csv`` and ``results.geojson``. Names longer than
        ``max_name_chars`` are shortened on pages and maps.

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
    from tqdm.auto import tqdm

    from geoapp.siting import evaluate_sites, rules_of
    from geoapp.staticmap import SITE_WINDOW_M, BaseLayers, SiteMapRenderer, overview_map

    out_dir = Path(out_dir)
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
        extent=_city_extent(layers),
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
    base = BaseLayers.from_layers(layers, settings)
    hubs = _hub_xy(base.hubs)
    stations = _hub_xy(base.stations)
    generated = (
        f"由 geoapp {__version__} 于 {datetime.now().astimezone():%Y-%m-%d %H:%M} 生成 · "
        f"输入 {imported.source_name} · {imported.summary()}"
    )
    # One dict per site, built once (a .loc look-up per page costs more than the page's map).
    paged = summary["site_id"].head(limits.max_pages)
    if len(paged) < len(summary):
        warnings.append(
            f"只为排名前 {len(paged):,} 个地块生成单独页面 / pages were written for the first "
            f"{len(paged):,} of {len(summary):,} sites in the ranking (--max-pages); every site "
            "is evaluated and listed in summary.csv and results.geojson"
        )
    wanted = set(paged)
    pages_of = evaluated[evaluated["site_id"].isin(wanted)]
    by_id = pages_of.set_index("site_id", drop=False).to_dict("index")
    attrs = (
        cands.attributes.set_index(cands.sites["site_id"].to_numpy())
        .loc[lambda f: f.index.isin(wanted)]
        .to_dict("index")
    )
    pdf_queue = _PdfQueue(_pdf_workers(workers, len(paged)), len(paged)) if pdf else None

    try:
        with atomic_dir(out_dir, marker=REPORT_MARKER) as tmp:
            write_csv(pd.DataFrame(summary[list(SUMMARY_COLUMNS)]), tmp / "summary.csv")
            write_csv(errors, tmp / "errors.csv")
            write_points_geojson(
                summary[[*SUMMARY_COLUMNS, "site_id", "geometry"]], tmp / "results.geojson"
            )
            sites_dir = tmp / "sites"
            sites_dir.mkdir()
            pages: list[str] = []
            pdfs: list[str] = []
            bar = tqdm(
                total=len(paged),
                desc="site pages",
                unit="site",
                disable=not progress,
                leave=False,
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
                        for k, v in attrs[site_id].items()
                    }  # one site's few attributes
                    context = site_context(row, settings=settings, rules=rules, attributes=shown)
                    # Looked up on the package, so that replacing
                    # geoapp.report.render_site_page (as the tests do) takes effect.
                    html = geoapp.report.render_site_page(
                        context, png, generated=generated, window_km=SITE_WINDOW_M / 1000
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
                # every site page in one file, for printing; its links lead from DIR
                pdf_queue.finish(
                    tmp / REPORT_PDF,
                    title=f"批量选址报告 Batch siting report — {imported.source_name}",
                    relink={"../index.html": "index.html"},
                )
            index_html = render_index(
                summary,
                overview_map(summary, base),
                n_pages=len(paged),
                source_name=imported.source_name,
                encoding=imported.encoding,
                crs_in=imported.crs_in,
                n_rejected=len(errors),
                warnings=warnings,
                pdf=bool(pdfs),
                generated=generated,
            )
            (tmp / "index.html").write_text(index_html, encoding="utf-8")
    finally:
        if pdf_queue is not None:
            pdf_queue.close()
    logger.info(
        "Report of %d sites (%d rows rejected) written to %s", len(summary), len(errors), out_dir
    )
    return ReportResult(
        path=out_dir,
        index=out_dir / "index.html",
        summary=pd.DataFrame(summary.drop(columns="geometry")),
        errors=errors,
        pages=tuple(out_dir / "sites" / p for p in pages),
        pdfs=tuple(out_dir / "sites" / p for p in pdfs),
        warnings=tuple(warnings),
        import_summary=imported.summary(),
        report_pdf=out_dir / REPORT_PDF if pdfs else None,
    )
