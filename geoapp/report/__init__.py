"""Batch siting reports: a folder of HTML (and PDF) pages, CSV and GeoJSON.

:func:`build_report` reads a spreadsheet or layer of candidate sites with
:func:`geoapp.io.read_user_layer`, evaluates every usable row with
:func:`geoapp.siting.evaluate_sites` and writes one folder::

    DIR/index.html        overview map + ranked table with links to the site pages
    DIR/summary.csv       one row per evaluated site (UTF-8 with BOM), see SUMMARY_COLUMNS
    DIR/results.geojson   the same rows as points (RFC 7946, via geoapp.io.export)
    DIR/errors.csv        every input row that could not be evaluated (row, reason, values)
    DIR/sites/<id>.html   one page per site: map, criteria, failed rules, nearest facilities
    DIR/sites/<id>.pdf    the same page as PDF (``pdf=True``; WeasyPrint, Noto Sans CJK SC)
    DIR/report.pdf        every site page in one PDF, one bookmark per site (``pdf=True``)

A GeoParquet input is not read whole but streamed in chunks through
:func:`geoapp.executor.map_tiles` (in process or on Dask), see
:mod:`geoapp.report.stream`.

``<id>`` is the input row number, zero-padded (``"002"``) — never user text.
Every user-supplied text is escaped by Jinja2's autoescaping, so a name like
``<script>alert(1)</script>`` shows as text. The folder is built under a
temporary name beside ``DIR`` and swapped in only when complete
(:func:`geoapp.io.atomic.atomic_dir`): a failed run leaves an existing ``DIR``
untouched.

The other functions are the pure steps of :func:`build_report` and can be
used on their own (e.g. by the app): :func:`read_candidates`,
:func:`summary_table`, :func:`errors_table`, :func:`site_context`,
:func:`render_site_page`, :func:`render_index`.

The package reads top to bottom as::

    build       build_report: read, evaluate, write the folder atomically, progress
    stream      a GeoParquet input (millions of points) streamed through the tiled executor
    csvstream   a very large CSV input read block by block (for stream)
    folder      what both write: ReportResult, the city extent, the site pages and index
    candidates  reading the candidate file, finding its name and chain columns
    tables      summary.csv / errors.csv (failed rules worded, formula-like text neutralised)
    pages       the index and site pages (Jinja2 templates in geoapp/templates)
    pdf         site pages as PDF (WeasyPrint): laid out in batches, each subset once and
                split per site (pypdf), in worker processes for many pages
    terminal    what the CLI prints: aligned tables, one point evaluated and explained
    _format     cell formatting and the data note shared by pages and terminal

Examples
--------
>>> from geoapp.report import build_report
>>> res = build_report("candidates.csv", "out/report", pdf=True)  # doctest: +SKIP
>>> res.n_evaluated, res.n_rejected, res.index  # doctest: +SKIP
(48, 3, PosixPath('out/report/index.html'))
"""

from geoapp.report._format import DATA_NOTE_EN, DATA_NOTE_ZH
from geoapp.report.build import build_report
from geoapp.report.candidates import CHAIN_NAMES, NAME_NAMES, Candidates, read_candidates
from geoapp.report.folder import ReportResult, city_extent
from geoapp.report.pages import render_index, render_site_page, site_context, template_environment
from geoapp.report.pdf import cjk_pdf_font_available, write_pdf, write_pdf_batch
from geoapp.report.stream import CHUNK_ROWS, build_streamed_report
from geoapp.report.tables import (
    ERROR_COLUMNS,
    SUMMARY_COLUMNS,
    errors_table,
    summary_table,
    violations_text,
)
from geoapp.report.terminal import _width as _width  # private; the tests reach it here
from geoapp.report.terminal import evaluate_point, site_text, text_table

__all__ = [
    "CHAIN_NAMES",
    "CHUNK_ROWS",
    "Candidates",
    "DATA_NOTE_EN",
    "DATA_NOTE_ZH",
    "ERROR_COLUMNS",
    "NAME_NAMES",
    "ReportResult",
    "SUMMARY_COLUMNS",
    "build_report",
    "build_streamed_report",
    "city_extent",
    "cjk_pdf_font_available",
    "errors_table",
    "evaluate_point",
    "read_candidates",
    "render_index",
    "render_site_page",
    "site_context",
    "site_text",
    "summary_table",
    "template_environment",
    "text_table",
    "violations_text",
    "write_pdf",
    "write_pdf_batch",
]
