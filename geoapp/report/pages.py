"""The HTML pages of a report: ``index.html`` and one page per site (Jinja2, autoescaped).

The templates are package data of :mod:`geoapp` (``geoapp/report/templates``), loaded
by package name, so they are found wherever this module lives.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined

from geoapp import __version__
from geoapp.io import shorten
from geoapp.report._format import DATA_NOTE_EN, DATA_NOTE_ZH, _blank, _fmt, _km_text
from geoapp.settings import DEFAULT_SITING, SitingSettings
from geoapp.siting import explain_site
from geoapp.vocab import VERDICT, labels

_VERDICT_ZH = labels(VERDICT, "zh")
_DARK = "#222"  # the pages' text colour (report_base.html)


def _river_m(distance: Any, buffer_m: Any) -> str:
    """The river distance to 0.1 m and which side of the rule boundary it lies on (≤ is inside)."""
    try:
        d, b = float(distance), float(buffer_m)
    except (TypeError, ValueError):
        return ""
    if d != d:
        return ""
    side = "≤" if d <= b else ">"
    where = "在管控范围内 inside the control area" if d <= b else "在管控范围外 outside"
    return f"{d:,.1f} m {side} {b:,.1f} m：{where}"


_FOOTER = "geoapp 批量选址报告 · 位置为示意 schematic positions"


@cache
def template_environment() -> Environment:
    """The one Jinja2 environment of geoapp's HTML pages (``geoapp/report/templates``).

    Autoescaped (user text shows as text) and strict (a missing key is an error); the
    batch report pages and the chain report (:mod:`geoapp.chainmap.report`) share it.
    """
    env = Environment(
        loader=PackageLoader("geoapp.report", "templates"),
        autoescape=True,  # every value is HTML-escaped: user text shows as text
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # the verdict badges' colours and labels: geoapp.vocab's, as on every map
    env.globals["verdict_badges"] = _verdict_badges()
    env.globals["verdict_labels"] = dict(_VERDICT_ZH)
    return env


def _verdict_badges() -> list[dict[str, str]]:
    """Code, background and text colour of each verdict badge (see ``report_base.html``).

    The background is the verdict's colour in :data:`geoapp.vocab.VERDICT`; the text
    is white on a dark colour and near-black on a light one, so it stays legible.
    """
    badges = []
    for term in VERDICT.values():
        r, g, b = (int(term.color[i : i + 2], 16) / 255 for i in (1, 3, 5))
        light = 0.299 * r + 0.587 * g + 0.114 * b > 0.6  # perceived brightness
        badges.append({"code": term.code, "color": term.color, "text": _DARK if light else "#fff"})
    return badges


def _common(generated: str, schematic: tuple[str, str]) -> dict[str, Any]:
    return {
        "version": __version__,
        "footer": _FOOTER,
        "data_note_zh": DATA_NOTE_ZH,
        "data_note_en": DATA_NOTE_EN,
        "schematic_zh": schematic[0],
        "schematic_en": schematic[1],
        "generated": generated,
    }


def _criteria_rows(ex: Mapping[str, Any]) -> list[dict[str, str]]:
    """The criteria table of a site page, from :func:`geoapp.siting.explain_site`."""
    return [
        {
            "title": f"{c['title_zh']} {c['title_en']}",
            "value": c["raw_text"],
            "weight": f"{c['weight']:g}",
            "points": f"{c['points']:.1f} / {c['max_points']:.1f}",
        }
        for c in ex["criteria"]
    ]


def _failed_rules(ex: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The failed hard rules of a site page, with their legal basis."""
    return [
        {
            "id": r["id"],
            "title": r["title_zh"],
            "title_en": r["title_en"],
            "legal_basis": r["legal_basis"],
            "detail": r["description"],
        }
        for r in ex["rules_failed"]
    ]


def _reasons(ex: Mapping[str, Any]) -> list[str]:
    """The reasons of the verdict, one per item (a text is split at its "；")."""
    reasons = ex.get("reasons") or ""
    if isinstance(reasons, str):
        reasons = [r.strip() for r in reasons.split("；") if r.strip()]
    return [str(r) for r in reasons]


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
    ex = explain_site(row, settings=settings, rules=rules)
    geom = row.get("geometry")
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
        "river_m": _river_m(near["river_distance_m"], near["river_buffer_m"]),
        "river_buffer_m": f"{float(near['river_buffer_m']):,.0f}",
        "same_chain_nearby": (
            f"{_fmt(near['same_chain_nearby'], empty='0')}"
            f"（{float(near['same_chain_radius_m']) / 1000:g} km 内）"
        ),
        "score": _fmt(ex["score"], digits=1),
        "verdict": verdict,
        "verdict_zh": str(ex["verdict_zh"]),
        "criteria": _criteria_rows(ex),
        "rules": _failed_rules(ex),
        "reasons": _reasons(ex),
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
    schematic: tuple[str, str] = ("", ""),
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
    schematic
        How many of the features the evaluation used are schematic, in Chinese
        and English (:meth:`geoapp.layers.LayerSet.schematic_note`), shown
        with the data note.

    Returns
    -------
    str
        A standalone HTML document.
    """
    template = template_environment().get_template("report_site.html")
    return template.render(
        s=context,
        map_png=base64.b64encode(map_png).decode("ascii"),
        window_km=f"{window_km:g}",
        link_index=link_index,
        **_common(generated, schematic),
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
    n_pages: int | None = None,
    verdict_totals: Mapping[str, int] | None = None,
    downloads: Sequence[str] = ("summary.csv", "results.geojson", "errors.csv"),
    schematic: tuple[str, str] = ("", ""),
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
        Link the site PDFs and ``report.pdf`` too.
    generated
        A line saying when and from what the report was made.
    n_pages
        Only the first ``n_pages`` sites have a page and are listed (default
        all); the verdict counts cover every site.
    verdict_totals
        Sites by verdict when ``summary`` holds only the top of a larger
        ranking (a streamed report); default counted from ``summary``.
    downloads
        The report's files linked above the ranking.
    schematic
        As in :func:`render_site_page`.

    Returns
    -------
    str
    """
    verdicts = summary["verdict"].astype(str)
    totals = verdict_totals or verdicts.value_counts().to_dict()
    counts = [
        {"key": k, "label": f"{v} {k}", "count": int(totals.get(k, 0))}
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
        for r in summary.head(len(summary) if n_pages is None else n_pages).itertuples(index=False)
    ]
    for r in rows:
        r["name"] = shorten(r["name"], 80)
    template = template_environment().get_template("report_index.html")
    return template.render(
        rows=rows,
        verdict_counts=counts,
        map_png=base64.b64encode(map_png).decode("ascii"),
        source_name=source_name,
        encoding=encoding or "",
        crs_in=crs_in,
        n_evaluated=sum(totals.values()) if verdict_totals else len(summary),
        n_rejected=n_rejected,
        downloads=list(downloads),
        warnings=list(warnings),
        pdf=pdf,
        **_common(generated, schematic),
    )
