"""What every report folder shares: its result, the city extent and the one page writer.

Both the report of a file read whole (:mod:`geoapp.report.build`) and the
streamed report of a GeoParquet or large CSV (:mod:`geoapp.report.stream`)
import these; neither imports the other's internals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
from tqdm.auto import tqdm

import geoapp.report.pages as site_pages
from geoapp import __version__
from geoapp.io import EXTENT_BUFFER_M, shorten, terminal_text
from geoapp.layers import LayerSet
from geoapp.mapping import SITE_WINDOW_M, BaseLayers, SiteMapRenderer, overview_map
from geoapp.report.pages import render_index, site_context
from geoapp.report.pdf import _pdf_workers, _PdfQueue
from geoapp.settings import STORAGE_CRS, Limits, SitingSettings
from geoapp.siting import POSITION_LAYERS

REPORT_PDF = "report.pdf"  # every site page in one PDF (with pdf=True)


@dataclass(frozen=True, eq=False)
class ReportResult:
    """What :func:`geoapp.report.build_report` wrote.

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


def city_extent(layers: LayerSet) -> gpd.GeoDataFrame | None:
    """The city outline buffered by 1 km (as the import's default), from the bundle in use.

    Parameters
    ----------
    layers
        The reference layers.

    Returns
    -------
    geopandas.GeoDataFrame or None
        The buffered outline in the metric CRS; ``None`` without a city layer.
    """
    if "city" not in layers or not len(layers["city"]):
        return None
    city = layers.metric("city")
    return gpd.GeoDataFrame(geometry=city.geometry.buffer(EXTENT_BUFFER_M), crs=city.crs)


def _hub_xy(layer: gpd.GeoDataFrame | None) -> dict[str, tuple[float, float]]:
    """Longitude and latitude of each named point of ``layer``, by name."""
    if layer is None or not len(layer) or "name" not in layer.columns:
        return {}
    pts = layer.geometry.to_crs(STORAGE_CRS)
    names = layer["name"].astype(str).to_numpy()
    return dict(zip(names, zip(pts.x.to_numpy(), pts.y.to_numpy(), strict=True), strict=True))


@dataclass(frozen=True, eq=False)
class _PageKit:
    """What every site page of one report needs besides its own row."""

    base: BaseLayers
    hubs: dict[str, tuple[float, float]]
    stations: dict[str, tuple[float, float]]
    settings: SitingSettings
    rules: Any
    limits: Limits
    generated: str
    schematic: tuple[str, str]


def _site_html(kit: _PageKit, render: SiteMapRenderer, row: dict, attributes: dict) -> str:
    """One site page: its map drawn, its values and attributes shortened, rendered as HTML."""
    # control characters removed, long names shortened (the CSV keeps all)
    row["name"] = shorten(terminal_text(row["name"]), kit.limits.max_name_chars)
    geom = row["geometry"]
    png = render(
        geom.x,
        geom.y,
        label=str(row["name"]),
        verdict=str(row.get("verdict")),
        hub_xy=kit.hubs.get(str(row.get("hub_name"))),
        station_xy=kit.stations.get(str(row.get("station_name"))),
    )
    shown = {
        k: (shorten(terminal_text(v), 4 * kit.limits.max_name_chars) if isinstance(v, str) else v)
        for k, v in attributes.items()
    }  # one site's few attributes
    context = site_context(row, settings=kit.settings, rules=kit.rules, attributes=shown)
    # Looked up on the package, so that replacing
    # geoapp.report.pages.render_site_page (as the tests do) takes effect.
    return site_pages.render_site_page(
        context,
        png,
        generated=kit.generated,
        window_km=SITE_WINDOW_M / 1000,
        schematic=kit.schematic,
    )


def _write_site_pages(
    sites_dir: Path,
    kit: _PageKit,
    *,
    by_id: dict[Any, dict],
    attributes: dict,
    paged: list[str],
    pdf_queue: _PdfQueue | None,
    progress: bool,
) -> tuple[list[str], list[str]]:
    """Write ``<id>.html`` (and queue its PDF) for every paged site; the page and PDF names."""
    pages: list[str] = []
    pdfs: list[str] = []
    sites_dir.mkdir()
    bar = tqdm(total=len(paged), desc="site pages", unit="site", disable=not progress, leave=False)
    with SiteMapRenderer(kit.base, window_m=SITE_WINDOW_M) as render:
        for site_id in paged:
            html = _site_html(kit, render, dict(by_id[site_id]), attributes[site_id])
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
    return pages, pdfs


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
    base = BaseLayers.from_layers(layers, settings)
    kit = _PageKit(
        base=base,
        hubs=_hub_xy(base.hubs),
        stations=_hub_xy(base.stations),
        settings=settings,
        rules=rules,
        limits=limits,
        generated=(
            f"由 geoapp {__version__} 于 {datetime.now().astimezone():%Y-%m-%d %H:%M} 生成 · "
            f"输入 {source_name} · {source_summary}"
        ),
        schematic=(
            layers.schematic_note(POSITION_LAYERS, "zh"),
            layers.schematic_note(POSITION_LAYERS, "en"),
        ),
    )
    # One dict per site, built once (a .loc look-up per page costs more than the page's map).
    by_id = evaluated.set_index("site_id", drop=False).to_dict("index")
    pdf_queue = _PdfQueue(_pdf_workers(workers, len(paged)), len(paged)) if pdf else None
    try:
        pages, pdfs = _write_site_pages(
            tmp / "sites", kit, by_id=by_id, attributes=attributes, paged=paged,
            pdf_queue=pdf_queue, progress=progress,
        )  # fmt: skip
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
            generated=kit.generated,
            verdict_totals=verdict_totals,
            downloads=downloads,
            schematic=kit.schematic,
        )
        (tmp / "index.html").write_text(index_html, encoding="utf-8")
    finally:
        if pdf_queue is not None:
            pdf_queue.close()
    return pages, pdfs
