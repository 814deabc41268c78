"""Batch siting reports: a folder of HTML (and PDF) pages, CSV and GeoJSON.

:func:`build_report` reads a spreadsheet or layer of candidate sites with
:func:`geoapp.io.read_user_layer`, evaluates every usable row with
:func:`geoapp.siting.evaluate_sites` and writes one folder::

    DIR/index.html        overview map + ranked table with links to the site pages
    DIR/summary.csv       one row per evaluated site (UTF-8 with BOM), see SUMMARY_COLUMNS
    DIR/results.geojson   the same rows as points (RFC 7946, via geoapp.export)
    DIR/errors.csv        every input row that could not be evaluated (row, reason, values)
    DIR/sites/<id>.html   one page per site: map, criteria, failed rules, nearest facilities
    DIR/sites/<id>.pdf    the same page as PDF (``pdf=True``; WeasyPrint, Noto Sans CJK SC)

``<id>`` is the input row number, zero-padded (``"002"``) — never user text.
Every user-supplied text is escaped by Jinja2's autoescaping, so a name like
``<script>alert(1)</script>`` shows as text. The folder is built under a
temporary name beside ``DIR`` and swapped in only when complete
(:func:`geoapp._atomic.atomic_dir`): a failed run leaves an existing ``DIR``
untouched.

The other functions are the pure steps of :func:`build_report` and can be
used on their own (e.g. by the app): :func:`read_candidates`,
:func:`summary_table`, :func:`errors_table`, :func:`site_context`,
:func:`render_site_page`, :func:`render_index`.

Examples
--------
>>> from geoapp.report import build_report
>>> res = build_report("candidates.csv", "out/report", pdf=True)  # doctest: +SKIP
>>> res.n_evaluated, res.n_rejected, res.index  # doctest: +SKIP
(48, 3, PosixPath('out/report/index.html'))
"""

from __future__ import annotations

import base64
import logging
import math
import os
import shutil
import subprocess
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

import geopandas as gpd
import numpy as np
import pandas as pd

from geoapp import __version__
from geoapp._atomic import atomic_dir
from geoapp._errors import InputFileError
from geoapp.settings import DEFAULT_SITING, SitingSettings

if TYPE_CHECKING:
    from geoapp.io import ImportResult
    from geoapp.staticmap import BaseLayers

logger = logging.getLogger(__name__)

__all__ = [
    "CHAIN_NAMES",
    "DATA_NOTE_EN",
    "DATA_NOTE_ZH",
    "ERROR_COLUMNS",
    "NAME_NAMES",
    "SUMMARY_COLUMNS",
    "Candidates",
    "ReportResult",
    "build_report",
    "errors_table",
    "read_candidates",
    "render_index",
    "render_site_page",
    "site_context",
    "evaluate_point",
    "site_text",
    "summary_table",
    "text_table",
    "violations_text",
]

#: Columns of ``summary.csv``, in order.
SUMMARY_COLUMNS: tuple[str, ...] = (
    "name",
    "lon",
    "lat",
    "county",
    "zone",
    "chain",
    "score",
    "verdict",
    "violations",
    "nearest_hub",
    "hub_distance_km",
    "nearest_station",
    "station_distance_km",
    "same_chain_nearby",
)
#: Columns of ``errors.csv``: the input row number, the reason, the offending
#: column and value, and the whole raw row as JSON.
ERROR_COLUMNS: tuple[str, ...] = ("row", "reason", "column", "value", "values")
#: Column names recognised as the chain (compared after NFKC, case-insensitively, blanks removed).
CHAIN_NAMES: tuple[str, ...] = ("产业链", "链", "chain", "industry_chain", "行业")
#: Column names recognised as the site name.
NAME_NAMES: tuple[str, ...] = ("名称", "项目名称", "name", "项目")

#: The data note printed on every page.
DATA_NOTE_ZH = (
    "样例图层中开发区/园区、项目、物流枢纽和监测站点的位置均为示意（schematic）："
    "依据文件只给出名称和所在县区/园区，位置是在其范围内示意放置的，并非测绘位置；"
    "县区界来自高德行政区划（近似），黄河线以濮阳与山东各县的行政边界近似。"
    "因此距离、园区归属和规则检查仅供参考；正式评价前请用实测图层替换样例图层。"
)
DATA_NOTE_EN = (
    "Positions of zones, projects, logistics hubs and monitoring stations in the sample layers "
    "are schematic: the source documents give names and the county or zone only, so features "
    "were placed inside it, not surveyed. County boundaries are AMap's (approximate); the "
    "Yellow River is approximated by the administrative boundary with Shandong. Distances, "
    "zone membership and rule checks are indicative; replace the sample layers with surveyed "
    "data before a formal assessment."
)

_VERDICT_ZH = {
    "recommended": "推荐",
    "feasible": "可行",
    "not_advised": "不建议",
    "prohibited": "禁止",
}
_FOOTER = "geoapp 批量选址报告 · 位置为示意 schematic positions"
_MAX_MESSAGE_ROWS = 8
_DIGITS = 3
_MAX_WORKERS = 4
_MIN_PAGES_PER_WORKER = 10


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, eq=False)
class Candidates:
    """Candidate sites read from a user's file, ready for evaluation.

    Attributes
    ----------
    sites
        One row per usable input row, EPSG:4326 points, columns ``site_id``
        (``"002"``: the zero-padded input row number), ``source_row``,
        ``name``, ``chain`` and ``geometry``.
    attributes
        The input's own attribute columns of the same rows (same index), shown
        on the site pages.
    imported
        The :class:`geoapp.io.ImportResult` they came from (rejected rows,
        warnings, encoding).
    name_col, chain_col
        The input columns used for the name and the chain (``None`` if none).
    warnings
        What was assumed (a missing name or chain column).
    """

    sites: gpd.GeoDataFrame
    attributes: pd.DataFrame
    imported: ImportResult
    name_col: str | None
    chain_col: str | None
    warnings: tuple[str, ...]


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
    """

    path: Path
    index: Path
    summary: pd.DataFrame
    errors: pd.DataFrame
    pages: tuple[Path, ...]
    pdfs: tuple[Path, ...]
    warnings: tuple[str, ...]
    import_summary: str

    @property
    def n_evaluated(self) -> int:
        """Number of evaluated candidates."""
        return len(self.summary)

    @property
    def n_rejected(self) -> int:
        """Number of input rows that could not be evaluated."""
        return len(self.errors)


# --------------------------------------------------------------------------- reading


def _column_key(name: object) -> str:
    text = unicodedata.normalize("NFKC", str(name))
    return "".join(text.split()).casefold()


def _find_column(
    columns: Sequence[str], given: str | None, candidates: tuple[str, ...], arg: str, source: str
) -> str | None:
    """Find the column named ``given`` (exactly or loosely) or the first of ``candidates``."""
    keys = {c: _column_key(c) for c in columns}
    if given is not None:
        if given in columns:
            return given
        hits = [c for c in columns if keys[c] == _column_key(given)]
        if not hits:
            msg = (
                f"{source}: `{arg}` was {given!r} but there is no such column. "
                f"Columns present: {list(columns)}."
            )
            raise InputFileError(msg)
        return hits[0]
    order = {_column_key(c): i for i, c in enumerate(candidates)}
    hits = sorted((c for c in columns if keys[c] in order), key=lambda c: order[keys[c]])
    return hits[0] if hits else None


def _text(series: pd.Series) -> pd.Series:
    """Strip text; empty and missing become ``None``; numbers become their text."""
    s = series.astype("string").str.strip()
    out = s.astype(object)
    out[(s.isna() | (s == "")).fillna(True).to_numpy(dtype=bool)] = None
    return out


def _site_ids(rows: np.ndarray) -> np.ndarray:
    width = max(_DIGITS, len(str(int(rows.max())))) if len(rows) else _DIGITS
    return pd.Series(rows, dtype="int64").astype(str).str.zfill(width).to_numpy(dtype=object)


def read_candidates(
    source: str | Path | bytes | BinaryIO,
    *,
    filename: str | None = None,
    lon_col: str | None = None,
    lat_col: str | None = None,
    chain_col: str | None = None,
    name_col: str | None = None,
    datum: Literal["wgs84", "gcj02", "bd09"] = "wgs84",
    crs: str | int | None = None,
    fix_swapped: bool = False,
) -> Candidates:
    """Read candidate sites and find their name and chain columns.

    Parameters
    ----------
    source
        CSV (UTF-8 or GBK, detected), XLSX, GeoJSON, GeoPackage, zipped
        Shapefile: a path, bytes or a binary file object; see
        :func:`geoapp.io.read_user_layer`.
    filename
        File name selecting the format when ``source`` is bytes.
    lon_col, lat_col
        Coordinate columns of a table (default: found by name, e.g.
        经度/纬度, lon/lat).
    chain_col
        Column holding the industrial chain. Default: the first of
        :data:`CHAIN_NAMES` (产业链, 链, chain, industry_chain, 行业).
    name_col
        Column holding the site name. Default: the first of
        :data:`NAME_NAMES` (名称, 项目名称, name, 项目); rows without a name
        are called ``候选 <row>``.
    datum
        {"wgs84", "gcj02", "bd09"}; lon/lat in GCJ-02 or BD-09 are converted
        to WGS-84.
    crs
        CRS of the coordinates (e.g. ``"EPSG:4547"``) when not WGS-84.
    fix_swapped
        Fix rows whose longitude and latitude are swapped instead of
        rejecting them.

    Returns
    -------
    Candidates

    Raises
    ------
    InputFileError
        If the file cannot be read, or ``chain_col`` / ``name_col`` names a
        column that does not exist.
    """
    from geoapp.io import read_user_layer

    imported = read_user_layer(
        source,
        filename=filename,
        crs=crs,
        datum=datum,
        lon_col=lon_col,
        lat_col=lat_col,
        fix_swapped=fix_swapped,
    )
    gdf = imported.gdf
    geom = gdf.geometry.name
    reserved = {geom, "source_row", "coord_fixed"}
    columns = [c for c in gdf.columns if c not in reserved]
    name = imported.source_name
    name_found = _find_column(columns, name_col, NAME_NAMES, "name_col", name)
    chain_found = _find_column(columns, chain_col, CHAIN_NAMES, "chain_col", name)
    notes: list[str] = []
    if chain_found is None:
        notes.append(
            f"{name}: no chain column (looked for {list(CHAIN_NAMES)}); every site is evaluated "
            "without a chain. Pass `chain_col=` (--chain-col) to name it."
        )
    if name_found is None:
        notes.append(
            f"{name}: no name column (looked for {list(NAME_NAMES)}); sites are called by "
            "their row number. Pass `name_col=` (--name-col) to name it."
        )
    rows = gdf["source_row"].to_numpy(dtype="int64")
    fallback = pd.Series([f"候选 {r}" for r in rows], index=gdf.index, dtype=object)
    names = _text(gdf[name_found]) if name_found else pd.Series(None, index=gdf.index, dtype=object)
    names = names.where(names.notna(), fallback)
    chains = (
        _text(gdf[chain_found]) if chain_found else pd.Series(None, index=gdf.index, dtype=object)
    )
    # Points: a polygon candidate (a parcel) is evaluated at a point inside it.
    points = gdf.geometry
    if len(points) and not (points.geom_type == "Point").all():
        from geoapp.spatial import points_of

        points = points_of(gdf).to_crs(gdf.crs)
    sites = gpd.GeoDataFrame(
        {
            "site_id": pd.Series(_site_ids(rows), index=gdf.index, dtype=object),
            "source_row": pd.Series(rows, index=gdf.index, dtype="int64"),
            "name": names.astype(object),
            "chain": chains.astype(object),  # object keeps None for "no chain"
        },
        geometry=gpd.GeoSeries(points.values, crs=gdf.crs),
        index=gdf.index,
    )
    if "coord_fixed" in gdf.columns:
        sites["coord_fixed"] = gdf["coord_fixed"].to_numpy(dtype=object)
    attributes = pd.DataFrame(gdf[columns])
    return Candidates(sites, attributes, imported, name_found, chain_found, tuple(notes))


# --------------------------------------------------------------------------- tables


def _rule_ids(value: object) -> tuple[str, ...]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.replace(";", ",").split(",") if v.strip())
    return tuple(str(v) for v in value)


def violations_text(
    values: pd.Series,
    *,
    rules: Mapping[str, Any] | None = None,
    settings: SitingSettings = DEFAULT_SITING,
) -> pd.Series:
    """Name each failed rule with its legal basis: ``id：规则名（法律依据）``, joined by ``；``.

    Parameters
    ----------
    values
        The ``violations`` column of :func:`geoapp.siting.evaluate_sites`
        (tuples of rule ids).
    rules
        Rule id -> :class:`geoapp.rules.Rule` (default
        :data:`geoapp.rules.RULES`; pass ``layers.rules`` with user constraints).
    settings
        The settings used; a rule's distance is quoted (``本次按1000米计``).

    Returns
    -------
    pandas.Series
        Text, ``""`` where no rule failed. Computed once per distinct
        combination of rules, not per row.
    """
    return _per_rule_combo(
        values, rules, lambda rid, rule: f"{rid}：{rule.label(settings)}"
    )


def _rule_titles(values: pd.Series, rules: Mapping[str, Any] | None) -> pd.Series:
    return _per_rule_combo(values, rules, lambda rid, rule: rule.title_zh)


def _per_rule_combo(values: pd.Series, rules: Mapping[str, Any] | None, fmt) -> pd.Series:
    """``"；"``-join ``fmt(id, rule)`` per row, computed once per distinct rule combination."""
    from geoapp.rules import RULES

    rules = RULES if rules is None else rules
    ids = values.map(_rule_ids)
    texts = {
        combo: "；".join(fmt(r, rules[r]) if r in rules else r for r in combo)
        for combo in pd.unique(ids.to_numpy(dtype=object))
    }
    return ids.map(texts)


def _km(metres: pd.Series) -> pd.Series:
    return (pd.to_numeric(metres, errors="coerce") / 1000.0).round(2)


def summary_table(
    evaluated: gpd.GeoDataFrame,
    *,
    rules: Mapping[str, Any] | None = None,
    settings: SitingSettings = DEFAULT_SITING,
) -> gpd.GeoDataFrame:
    """Rank evaluated sites and shape them as ``summary.csv``.

    Parameters
    ----------
    evaluated
        The output of :func:`geoapp.siting.evaluate_sites` on
        :attr:`Candidates.sites` (columns ``site_id``, ``source_row``,
        ``name``, ``chain`` plus the evaluation columns).
    rules, settings
        Resolve and word the failed rules; see :func:`violations_text`.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326 points with :data:`SUMMARY_COLUMNS` plus ``site_id``,
        ``row`` and ``rule_titles`` (the failed rules' short titles), ranked
        by score descending with ``prohibited`` sites last
        (ties by input row). ``violations`` names each failed rule with its
        title and legal basis; distances are in km (2 decimals).
    """
    pts = evaluated.geometry.to_crs("EPSG:4326")
    out = pd.DataFrame(
        {
            "name": evaluated["name"].to_numpy(dtype=object),
            "lon": np.round(pts.x.to_numpy(), 6),
            "lat": np.round(pts.y.to_numpy(), 6),
            "county": evaluated["county"].to_numpy(dtype=object),
            "zone": evaluated["zone"].to_numpy(dtype=object),
            "chain": evaluated["chain"].to_numpy(dtype=object),
            "score": pd.to_numeric(evaluated["score"]).round(1).to_numpy(),
            "verdict": evaluated["verdict"].to_numpy(dtype=object),
            "violations": violations_text(
                evaluated["violations"], rules=rules, settings=settings
            ).to_numpy(dtype=object),
            "nearest_hub": evaluated["hub_name"].to_numpy(dtype=object),
            "hub_distance_km": _km(evaluated["hub_distance_m"]).to_numpy(),
            "nearest_station": evaluated["station_name"].to_numpy(dtype=object),
            "station_distance_km": _km(evaluated["station_distance_m"]).to_numpy(),
            "same_chain_nearby": pd.to_numeric(evaluated["same_chain_nearby"])
            .fillna(0)
            .astype("int64")
            .to_numpy(),
            "site_id": evaluated["site_id"].to_numpy(dtype=object),
            "row": evaluated["source_row"].to_numpy(dtype="int64"),
            "rule_titles": _rule_titles(evaluated["violations"], rules).to_numpy(dtype=object),
        }
    )
    out = gpd.GeoDataFrame(out, geometry=gpd.GeoSeries(pts.values, crs="EPSG:4326"))
    order = np.lexsort(
        (out["row"].to_numpy(), -out["score"].fillna(-1).to_numpy(),
         (out["verdict"] == "prohibited").to_numpy())
    )  # fmt: skip
    return out.iloc[order].reset_index(drop=True)


def errors_table(imported: ImportResult) -> pd.DataFrame:
    """The rejected input rows as ``errors.csv``: :data:`ERROR_COLUMNS`, by row number.

    Parameters
    ----------
    imported
        The result of :func:`geoapp.io.read_user_layer`.

    Returns
    -------
    pandas.DataFrame
        One row per rejected input row (empty, with the columns, when none).
    """
    rej = imported.rejected
    out = pd.DataFrame({c: rej[c] if c in rej.columns else pd.Series(dtype=object)
                        for c in ERROR_COLUMNS})  # fmt: skip
    return out.sort_values("row", kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- pages


@cache
def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("geoapp", "templates"),
        autoescape=True,  # every value is HTML-escaped: user text shows as text
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _common(generated: str) -> dict[str, Any]:
    return {
        "version": __version__,
        "footer": _FOOTER,
        "data_note_zh": DATA_NOTE_ZH,
        "data_note_en": DATA_NOTE_EN,
        "generated": generated,
    }


def _blank(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value)) if np.ndim(value) == 0 else False
    except (TypeError, ValueError):
        return False


def _fmt(value: object, *, digits: int = 2, empty: str = "—") -> str:
    if _blank(value):
        return empty
    if isinstance(value, (bool, np.bool_)):
        return "是" if value else "否"
    if isinstance(value, (float, np.floating)):
        return f"{float(value):,.{digits}f}"
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
        return "、".join(str(v) for v in value) or empty
    return str(value)


def _km_text(metres: object) -> str:
    return "" if _blank(metres) else f"{float(metres) / 1000:.2f}"


def site_context(
    row: Mapping[str, Any],
    *,
    settings: SitingSettings = DEFAULT_SITING,
    rules: Mapping[str, Any] | None = None,
    attributes: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The values a site page shows, as plain text (HTML-escaped later by the template).

    Parameters
    ----------
    row
        One row of :func:`geoapp.siting.evaluate_sites` (a Series or mapping)
        with ``site_id``, ``source_row``, ``name`` and ``chain``.
    settings
        The settings the row was evaluated with (weights, radii).
    rules
        Rule registry resolving ``violations`` (default
        :data:`geoapp.rules.RULES`; pass ``layers.rules`` with user constraints).
    attributes
        The input row's own attributes, listed at the end of the page.

    Returns
    -------
    dict
        See ``templates/report_site.html`` for the keys used.

    See Also
    --------
    geoapp.siting.explain_site : the criteria and failed rules used here.
    """
    from geoapp.siting import explain_site

    ex = explain_site(row, settings=settings, rules=rules)
    geom = row.get("geometry")
    criteria = [
        {
            "title": f"{c['title_zh']} {c['title_en']}",
            "value": c["raw_text"],
            "weight": f"{c['weight']:g}",
            "points": f"{c['points']:.1f} / {c['max_points']:.1f}",
        }
        for c in ex["criteria"]
    ]
    failed = [
        {
            "id": r["id"],
            "title": r["title_zh"],
            "title_en": r["title_en"],
            "legal_basis": r["legal_basis"],
            "detail": r["description"],
        }
        for r in ex["rules_failed"]
    ]
    reasons = ex.get("reasons") or ""
    if isinstance(reasons, str):
        reasons = [r.strip() for r in reasons.split("；") if r.strip()]
    near = ex["nearest"]
    verdict = str(ex["verdict"])
    return {
        "site_id": str(row["site_id"]),
        "row": int(row["source_row"]),
        "name": str(row["name"]),
        "lon": f"{geom.x:.6f}" if geom is not None else "—",
        "lat": f"{geom.y:.6f}" if geom is not None else "—",
        "coord_note": "" if _blank(row.get("coord_fixed")) else str(row.get("coord_fixed")),
        "county": _fmt(ex["county"], empty="市域外 / outside the counties"),
        "zone": _fmt(ex["zone"], empty="不在园区内 / outside any zone"),
        "zone_kind": _fmt(ex["zone_kind"], empty=""),
        "zone_chains": _fmt(ex["zone_chains"]),
        "chain": _fmt(ex["chain"], empty="未注明"),
        "chemical": bool(ex["chemical"]),
        "hub_name": _fmt(near["hub"]["name"]),
        "hub_km": _km_text(near["hub"]["distance_m"]),
        "station_name": _fmt(near["station"]["name"]),
        "station_km": _km_text(near["station"]["distance_m"]),
        "river_km": _km_text(near["river_distance_m"]),
        "river_buffer_m": f"{float(near['river_buffer_m']):,.0f}",
        "same_chain_nearby": (
            f"{_fmt(near['same_chain_nearby'], empty='0')}"
            f"（{float(near['same_chain_radius_m']) / 1000:g} km 内）"
        ),
        "score": _fmt(ex["score"], digits=1),
        "verdict": verdict,
        "verdict_zh": str(ex["verdict_zh"]),
        "criteria": criteria,
        "rules": failed,
        "reasons": [str(r) for r in reasons],
        "attributes": [
            (str(k), _fmt(v, empty=""))
            for k, v in (attributes.items() if attributes is not None else ())
        ],
    }


def render_site_page(
    context: Mapping[str, Any],
    map_png: bytes,
    *,
    generated: str = "",
    window_km: float = 15,
    link_index: bool = True,
) -> str:
    """Render one site page as HTML (user text escaped).

    Parameters
    ----------
    context
        From :func:`site_context`.
    map_png
        The site map (PNG bytes), embedded as a data URI.
    generated
        A line saying when and from what the report was made.
    window_km
        Width of the map window, for the caption.
    link_index
        Link back to ``../index.html``.

    Returns
    -------
    str
        A standalone HTML document.
    """
    template = _environment().get_template("report_site.html")
    return template.render(
        s=context,
        map_png=base64.b64encode(map_png).decode("ascii"),
        window_km=f"{window_km:g}",
        link_index=link_index,
        **_common(generated),
    )


def render_index(
    summary: pd.DataFrame,
    map_png: bytes,
    *,
    source_name: str,
    encoding: str | None,
    crs_in: str,
    n_rejected: int,
    warnings: Sequence[str] = (),
    pdf: bool = False,
    generated: str = "",
) -> str:
    """Render ``index.html``: the overview map and the ranked table (user text escaped).

    Parameters
    ----------
    summary
        From :func:`summary_table` (ranked).
    map_png
        The overview map (PNG bytes), embedded as a data URI.
    source_name, encoding, crs_in
        Shown in the header (from :class:`geoapp.io.ImportResult`).
    n_rejected
        Number of rows listed in ``errors.csv``.
    warnings
        Import notes listed at the end.
    pdf
        Link the site PDFs too.
    generated
        A line saying when and from what the report was made.

    Returns
    -------
    str
    """
    verdicts = summary["verdict"].astype(str)
    counts = [
        {"key": k, "label": f"{v} {k}", "count": int((verdicts == k).sum())}
        for k, v in _VERDICT_ZH.items()
    ]
    rows = [
        {
            "site_id": r.site_id,
            "row": r.row,
            "name": r.name,
            "county": _fmt(r.county),
            "zone": _fmt(r.zone, empty=""),
            "chain": _fmt(r.chain, empty=""),
            "score": _fmt(r.score, digits=1),
            "verdict": r.verdict,
            "verdict_zh": _VERDICT_ZH.get(r.verdict, r.verdict),
            "violations": r.rule_titles or "",
            "pdf": pdf,
        }
        for r in summary.itertuples(index=False)
    ]
    template = _environment().get_template("report_index.html")
    return template.render(
        rows=rows,
        verdict_counts=counts,
        map_png=base64.b64encode(map_png).decode("ascii"),
        source_name=source_name,
        encoding=encoding or "",
        crs_in=crs_in,
        n_evaluated=len(summary),
        n_rejected=n_rejected,
        warnings=list(warnings),
        **_common(generated),
    )


# --------------------------------------------------------------------------- PDF


@cache
def cjk_pdf_font_available(family: str = "Noto Sans CJK SC") -> bool | None:
    """Whether fontconfig knows ``family`` (``fc-list``); ``None`` if fc-list is missing.

    Parameters
    ----------
    family
        The font family the report CSS asks for.

    Returns
    -------
    bool or None
    """
    exe = shutil.which("fc-list")
    if exe is None:
        return None
    try:
        out = subprocess.run(  # noqa: S603 - fixed executable and arguments
            [exe, family, "family"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return family.casefold() in out.casefold()


@cache
def _weasyprint() -> tuple[Any, Any]:
    """The weasyprint module and one font configuration (per process)."""
    try:
        import weasyprint
    except ImportError as exc:  # pragma: no cover - weasyprint is a dependency
        msg = (
            "PDF reports need WeasyPrint and Pango: `pip install weasyprint` and "
            "`apt-get install libpango-1.0-0 fonts-noto-cjk`."
        )
        raise ImportError(msg) from exc
    return weasyprint, weasyprint.text.fonts.FontConfiguration()


def write_pdf(html: str, target: str | Path, *, base_url: str | Path | None = None) -> Path:
    """Render an HTML page to PDF with WeasyPrint (CSS ``font-family`` picks the CJK font).

    Parameters
    ----------
    html
        The page, e.g. from :func:`render_site_page`.
    target
        The PDF file to write.
    base_url
        Folder that relative links and images resolve against. Default none:
        relative links stay relative (the report's images are embedded).

    Returns
    -------
    pathlib.Path
        ``target``.
    """
    weasyprint, fonts = _weasyprint()
    weasyprint.HTML(string=html, base_url=str(base_url) if base_url else None).write_pdf(
        target, font_config=fonts
    )
    return Path(target)


class _PdfQueue:
    """Write PDFs in this process or, for many pages, in a pool of worker processes.

    PDF layout is the slow step of a report (~0.2 s a page) and independent
    per page; the main process keeps drawing maps while the workers lay out.
    Workers are spawned (not forked), so no lock or thread state is inherited.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = None
        self._futures: list[Any] = []

    def submit(self, html: str, target: Path) -> None:
        if self.workers <= 1:
            write_pdf(html, target)
            return
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn")
            )
        self._futures.append(self._pool.submit(write_pdf, html, target))

    def wait(self) -> None:
        for future in self._futures:
            future.result()  # re-raises a worker's exception here

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _can_spawn() -> bool:
    """Spawned workers re-import ``__main__`` from its file: impossible for ``python - < x``."""
    import sys

    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    return main_file is None or Path(main_file).is_file()


def _pdf_workers(workers: int | None, n_pages: int) -> int:
    if workers is not None:
        if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
            msg = f"`workers` must be an integer >= 1, got {workers!r}."
            raise ValueError(msg)
        return workers
    if n_pages < _MIN_PAGES_PER_WORKER * 2 or not _can_spawn():
        return 1  # starting processes costs more than it saves
    return max(1, min(os.cpu_count() or 1, _MAX_WORKERS, n_pages // _MIN_PAGES_PER_WORKER))


# --------------------------------------------------------------------------- build


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _formula_like(value: object) -> bool:
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return False
    try:
        float(value)  # "-3.5" is a number, not a formula
    except ValueError:
        return True
    return False


def _csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix with ' the text cells Excel would run as a formula (``=…``, ``+…``, ``@…``)."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype != object and not pd.api.types.is_string_dtype(out[col]):
            continue
        text = out[col]
        risky = text.map(_formula_like)
        if risky.any():
            out[col] = text.where(~risky, "'" + text.astype(str))
    return out


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    """UTF-8 with BOM (Excel opens Chinese), CRLF, formula-like text neutralised."""
    _csv_safe(frame).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")


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


def _base_layers(layers: Any, settings: SitingSettings) -> BaseLayers:
    from geoapp.staticmap import BaseLayers

    context = None
    if getattr(layers, "counties", None) is None or _is_shipped(layers):
        from geoapp.catalog import load_layer

        context = load_layer("neighbours")
    return BaseLayers.from_layers(
        counties=layers.counties,
        zones=getattr(layers, "zones", None),
        river=getattr(layers, "river", None),
        hubs=getattr(layers, "hubs", None),
        stations=getattr(layers, "stations", None),
        river_buffer_m=settings.river_buffer_m,
        context=context,
    )


def _is_shipped(layers: Any) -> bool:
    """Whether ``layers`` uses the shipped county layer (then the shipped neighbours fit)."""
    from geoapp.catalog import load_layer

    counties = getattr(layers, "counties", None)
    if counties is None:
        return False
    shipped = load_layer("counties")
    return len(counties) == len(shipped) and counties.geometry.equals(shipped.geometry)


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
    layers: Any = None,
    settings: SitingSettings = DEFAULT_SITING,
    progress: bool = False,
    workers: int | None = None,
) -> ReportResult:
    """Evaluate candidate sites from a file and write a report folder.

    Parameters
    ----------
    candidates
        CSV (UTF-8 or GBK, detected), XLSX, GeoJSON, GeoPackage or zipped
        Shapefile; a path, bytes (with ``filename``) or a binary file object.
    out_dir
        The report folder. An existing folder is replaced only when the new
        report is complete.
    pdf
        Also write ``sites/<id>.pdf`` (WeasyPrint; Chinese text in Noto Sans
        CJK SC, ``apt-get install fonts-noto-cjk``).
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
        The reference layers (:class:`geoapp.siting.SitingLayers`); default
        the shipped ones.
    settings
        Rules, weights and thresholds (:class:`geoapp.settings.SitingSettings`).
    progress
        Show a progress bar while the site pages are rendered.
    workers
        Processes laying out the PDFs in parallel. Default: one per CPU (at
        most 4) when there are at least 20 pages, else 1 (this process).

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
    ValueError
        On an invalid option (``datum``).

    Examples
    --------
    >>> res = build_report("candidates.csv", "out/report", pdf=True)  # doctest: +SKIP
    >>> res.summary[["name", "score", "verdict"]].head()  # doctest: +SKIP
    """
    from tqdm.auto import tqdm

    from geoapp.siting import SitingLayers, evaluate_sites
    from geoapp.staticmap import SITE_WINDOW_M, SiteMapRenderer, overview_map

    out_dir = Path(out_dir)
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

    layers = layers if layers is not None else SitingLayers.shipped()
    evaluated = evaluate_sites(
        cands.sites, layers=layers, settings=settings, chain_col="chain", name_col="name"
    )
    rules = getattr(layers, "rules", None)
    summary = summary_table(evaluated, rules=rules, settings=settings)
    errors = errors_table(imported)
    base = _base_layers(layers, settings)
    hubs = _hub_xy(base.hubs)
    stations = _hub_xy(base.stations)
    generated = (
        f"由 geoapp {__version__} 于 {datetime.now().astimezone():%Y-%m-%d %H:%M} 生成 · "
        f"输入 {imported.source_name} · {imported.summary()}"
    )
    by_id = evaluated.set_index("site_id", drop=False)
    attrs = cands.attributes.set_index(cands.sites["site_id"].to_numpy())
    pdf_queue = _PdfQueue(_pdf_workers(workers, len(summary))) if pdf else None

    try:
        with atomic_dir(out_dir) as tmp:
            _write_csv(pd.DataFrame(summary[list(SUMMARY_COLUMNS)]), tmp / "summary.csv")
            _write_csv(errors, tmp / "errors.csv")
            from geoapp.export import export_layer

            export_layer(
                summary[[*SUMMARY_COLUMNS, "site_id", "row", "geometry"]],
                tmp / "results.geojson",
                fmt="geojson",
                layer_name="results",
            )
            sites_dir = tmp / "sites"
            sites_dir.mkdir()
            pages: list[str] = []
            pdfs: list[str] = []
            bar = tqdm(
                total=len(summary),
                desc="site pages",
                unit="site",
                disable=not progress,
                leave=False,
            )
            with SiteMapRenderer(base, window_m=SITE_WINDOW_M) as render:
                for site_id in summary["site_id"]:
                    row = by_id.loc[site_id].to_dict()
                    geom = row["geometry"]
                    png = render(
                        geom.x,
                        geom.y,
                        label=str(row["name"]),
                        verdict=str(row.get("verdict")),
                        hub_xy=hubs.get(str(row.get("hub_name"))),
                        station_xy=stations.get(str(row.get("station_name"))),
                    )
                    context = site_context(
                        row, settings=settings, rules=rules, attributes=attrs.loc[site_id]
                    )
                    html = render_site_page(
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
                pdf_queue.wait()
            index_html = render_index(
                summary,
                overview_map(summary, base),
                source_name=imported.source_name,
                encoding=imported.encoding,
                crs_in=imported.crs_in,
                n_rejected=len(errors),
                warnings=warnings,
                pdf=pdf,
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
    )


# --------------------------------------------------------------------------- text output


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, right: bool) -> str:
    fill = " " * max(width - _width(text), 0)
    return fill + text if right else text + fill


def _cut(text: str, max_width: int) -> str:
    if _width(text) <= max_width:
        return text
    while _width(text) > max_width - 1:
        text = text[:-1]
    return text + "…"


def text_table(frame: pd.DataFrame, *, digits: int = 2, max_width: int = 40) -> str:
    """Format a table as aligned plain text for a terminal.

    Chinese (wide) characters count as two columns; numbers are right-aligned;
    geometry columns are skipped; long cells are cut with "…".

    Parameters
    ----------
    frame
        The table.
    digits
        Decimals of float columns.
    max_width
        Longest cell, in terminal columns.

    Returns
    -------
    str
        A header line, a rule and one line per row.
    """
    columns = [
        c for c in frame.columns if not isinstance(frame[c].dtype, gpd.array.GeometryDtype)
    ]
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in columns]
    body = [
        [_cut(_fmt(v, digits=digits, empty=""), max_width) for v in values]
        for values in frame[columns].itertuples(index=False)
    ]
    rows = [[str(c) for c in columns], *body]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(columns))]
    lines = []
    for n, r in enumerate(rows):
        cells = (_pad(c, widths[i], right=numeric[i]) for i, c in enumerate(r))
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def evaluate_point(
    lon: float,
    lat: float,
    *,
    chain: str | None = None,
    name: str = "候选地块",
    datum: Literal["wgs84", "gcj02", "bd09"] = "wgs84",
    crs: str | int | None = None,
    layers: Any = None,
    settings: SitingSettings = DEFAULT_SITING,
) -> gpd.GeoDataFrame:
    """Evaluate one candidate point (a one-row :func:`geoapp.siting.evaluate_sites`).

    Parameters
    ----------
    lon, lat
        Longitude and latitude in degrees; or easting and northing in the
        units of ``crs`` when it is a projected CRS (e.g. EPSG:4547 metres).
    chain
        The project's industrial chain (e.g. ``"聚碳新材料"``), or None.
    name
        The site's name.
    datum
        {"wgs84", "gcj02", "bd09"}: lon/lat from AMap/Tencent (GCJ-02) or
        Baidu (BD-09) are converted to WGS-84 first.
    crs
        CRS of the coordinates (default EPSG:4326).
    layers
        :class:`geoapp.siting.SitingLayers` (default: the shipped layers).
    settings
        Rules, weights and thresholds.

    Returns
    -------
    geopandas.GeoDataFrame
        One row in EPSG:4326 with ``name``, ``chain`` and the evaluation columns.

    Raises
    ------
    ValueError
        On an unknown ``datum``, a datum other than WGS-84 with a projected
        ``crs``, or coordinates that are not finite numbers.
    """
    from pyproj import CRS

    from geoapp.coords import DATUMS, convert_lonlat
    from geoapp.siting import evaluate_sites

    if datum not in DATUMS:
        msg = f"`datum` was {datum!r} but must be one of {DATUMS}."
        raise ValueError(msg)
    if not (math.isfinite(float(lon)) and math.isfinite(float(lat))):
        msg = f"`lon` and `lat` must be finite numbers, got {lon!r}, {lat!r}."
        raise ValueError(msg)
    source = CRS.from_user_input(crs if crs is not None else "EPSG:4326")
    if datum != "wgs84":
        if not source.is_geographic:
            msg = (
                f"`datum` {datum!r} applies to longitude/latitude only, but `crs` is "
                f"{source.to_string()}; drop one of them."
            )
            raise ValueError(msg)
        lon, lat = (float(v) for v in convert_lonlat(lon, lat, source=datum, target="wgs84"))
    point = gpd.GeoSeries(gpd.points_from_xy([lon], [lat]), crs=source).to_crs("EPSG:4326")
    site = gpd.GeoDataFrame({"name": [name], "chain": [chain]}, geometry=point)
    return evaluate_sites(site, layers=layers, settings=settings, chain_col="chain")


def site_text(
    row: Mapping[str, Any],
    *,
    settings: SitingSettings = DEFAULT_SITING,
    rules: Mapping[str, Any] | None = None,
) -> str:
    """A plain-text explanation of one evaluated site, for the terminal.

    Parameters
    ----------
    row
        One row of :func:`geoapp.siting.evaluate_sites`.
    settings
        The settings it was evaluated with.
    rules
        Rule registry (default :data:`geoapp.rules.RULES`).

    Returns
    -------
    str
        Position, county and zone, the criteria table (criterion, value,
        weight, points), the failed rules with their legal basis, nearest
        hub and station, score and verdict.
    """
    from geoapp.siting import explain_site

    ex = explain_site(row, settings=settings, rules=rules)
    geom = row.get("geometry")
    near = ex["nearest"]
    lines = [
        f"{ex['name'] or '候选地块'}  ({geom.x:.6f}, {geom.y:.6f} WGS-84)",
        f"县区 County: {_fmt(ex['county'], empty='市域外 / outside 濮阳市')}    "
        f"园区 Zone: {_fmt(ex['zone'], empty='不在园区内 / outside any zone')}",
        f"产业链 Chain: {_fmt(ex['chain'], empty='未注明')}"
        + (" (化工类 chemical)" if ex["chemical"] else ""),
        "",
    ]
    crit = pd.DataFrame(
        {
            "criterion": [f"{c['title_zh']} {c['criterion']}" for c in ex["criteria"]],
            "value": [c["raw_text"] for c in ex["criteria"]],
            "weight": [c["weight"] for c in ex["criteria"]],
            "points": [c["points"] for c in ex["criteria"]],
        }
    )
    lines.append(text_table(crit, digits=1, max_width=60))
    lines.append("")
    if ex["rules_failed"]:
        lines.append("违反硬约束 Rules failed:")
        lines += [f"  - {r['id']}: {r['title_zh']}\n    法律依据 {r['legal_basis']}"
                  for r in ex["rules_failed"]]  # fmt: skip
    else:
        lines.append("硬约束 Rules: none failed / 未违反")
    hub_km = _km_text(near["hub"]["distance_m"])
    station_km = _km_text(near["station"]["distance_m"])
    lines += [
        f"最近物流枢纽 Nearest hub: {_fmt(near['hub']['name'])}"
        + (f", {hub_km} km" if hub_km else ""),
        f"最近监测站点 Nearest station: {_fmt(near['station']['name'])}"
        + (f", {station_km} km" if station_km else ""),
        f"距黄河 Yellow River: {_km_text(near['river_distance_m']) or '—'} km "
        f"(control distance {near['river_buffer_m']:g} m)",
        f"理由 Reasons: {_fmt(ex['reasons'], empty='—')}",
        f"Score: {_fmt(ex['score'], digits=1)} / 100",
        f"Verdict: {ex['verdict']} ({ex['verdict_zh']})",
        "",
        "Note: " + DATA_NOTE_EN,
    ]
    return "\n".join(lines)
