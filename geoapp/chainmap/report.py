"""The chain map as an HTML/PDF page in the batch report's style: "两图一表".

The page has the chain panorama (产业链全景图: nodes grouped by position and
coloured by status), the chain map (招商图: a static PNG of the leading zones,
the zones with gap nodes and the chain's projects by stage) and the target
table (目标表: each cited target with what the project table reaches). It uses
the report's template (``geoapp/report/templates/report_base.html``) and WeasyPrint for
the PDF (:func:`geoapp.report.write_pdf`), so it prints with the CJK font.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import geopandas as gpd
import matplotlib
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from geoapp import __version__
from geoapp.chainmap.export import MEASURABLE_ZH, METRIC_ZH, SCOPE_ZH
from geoapp.chainmap.nodes import STATUS_COLORS, STATUS_ZH, chain_nodes, gaps_by_zone, panorama
from geoapp.geo import to_metric
from geoapp.io import atomic_path
from geoapp.mapping import cjk_font_family
from geoapp.projects import against_targets, project_places
from geoapp.report import DATA_NOTE_EN, DATA_NOTE_ZH, template_environment, write_pdf
from geoapp.vocab import STAGE, chains_table, colors

__all__ = ["chain_map_png", "render_chain_report", "write_chain_report"]

_FOOTER = "geoapp 产业链招商图谱 · 位置为示意 schematic positions"
_STAGE_COLORS = colors(STAGE, unstated=True)


def chain_map_png(
    layers: Mapping[str, gpd.GeoDataFrame], chain: str | None = None, *, width_in: float = 8.0
) -> bytes:
    """The 招商图 of a chain (or of all chains) as PNG bytes.

    Counties; every zone outlined, the zones leading the chain filled green,
    those with a node lacking a project outlined red; the chain's projects (all
    projects with a chain when ``chain`` is None) coloured by stage.
    """
    counties = to_metric(layers["counties"])
    zones = to_metric(layers["zones"])
    projects = to_metric(layers["projects"])
    places = project_places(layers)
    mine = places["chain"].eq(chain) if chain else places["chain"].ne("未注明")
    gap_names = set(gaps_by_zone(layers, chain, places=places)["zone"])
    minx, miny, maxx, maxy = counties.total_bounds
    height_in = width_in * (maxy - miny) / (maxx - minx)
    family = cjk_font_family()
    rc: dict[str, Any] = {"axes.unicode_minus": False}
    if family:
        rc["font.family"] = [family, "DejaVu Sans"]
    with matplotlib.rc_context(cast(Any, rc)):
        fig = Figure(figsize=(width_in, height_in), dpi=110)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
        ax.set_axis_off()
        ax.set_aspect("equal")
        _draw_zones(ax, counties, zones, _leading_zones(zones, chain), gap_names)
        handles = _draw_projects(
            ax, projects.geometry[mine.to_numpy()], places.loc[mine, "stage"].to_numpy()
        )
        for name, geom in zip(
            counties["name"], counties.geometry.representative_point(), strict=True
        ):
            ax.text(geom.x, geom.y, str(name), fontsize=9, color="#555555", ha="center",
                    va="center", alpha=0.8, zorder=7, parse_math=False)  # fmt: skip
        ax.legend(handles=handles, loc="lower left", fontsize=7, framealpha=0.9)
        ax.set_xlim(minx - 2000, maxx + 2000)
        ax.set_ylim(miny - 2000, maxy + 2000)
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
    return buf.getvalue()


def _leading_zones(zones: gpd.GeoDataFrame, chain: str | None) -> set[str]:
    """The zones whose ``leading_chains`` name the chain (any chain of the table for None)."""
    if "leading_chains" not in zones:
        return set()
    lc = zones["leading_chains"].fillna("").astype(str)
    chains = [chain] if chain else list(chains_table()["chain"])
    has = np.zeros(len(zones), dtype=bool)
    for c in chains:  # at most 23 chains
        has |= lc.str.split(r"[;；]").map(lambda xs, c=c: c in xs).to_numpy()
    return set(zones.loc[has, "name"].astype(str))


def _draw_zones(
    ax: Any,
    counties: gpd.GeoDataFrame,
    zones: gpd.GeoDataFrame,
    lead_names: set[str],
    gap_names: set[str],
) -> None:
    """Draw the counties, every zone outlined, the leading zones filled, the gap zones in red."""
    counties.plot(ax=ax, facecolor="#f7f7f2", edgecolor="#555555", linewidth=1.0, zorder=1)
    zones.plot(ax=ax, facecolor="none", edgecolor="#999999", linewidth=0.5, zorder=2)
    names = zones["name"].astype(str)
    lead = zones[names.isin(lead_names).to_numpy()]
    if len(lead):
        lead.plot(ax=ax, facecolor="#a6d96a", edgecolor="#1a9850", alpha=0.6, linewidth=1, zorder=3)
    gz = zones[names.isin(gap_names).to_numpy()]
    if len(gz):
        gz.plot(ax=ax, facecolor="none", edgecolor="#d73027", linewidth=2.0, zorder=4)


def _draw_projects(ax: Any, pts: gpd.GeoSeries, stages: np.ndarray) -> list[Any]:
    """Draw the projects coloured by stage; the legend handles (zones first, then stages)."""
    handles: list[Any] = [
        Patch(facecolor="#a6d96a", edgecolor="#1a9850", label="主导园区"),
        Patch(facecolor="none", edgecolor="#d73027", label="有缺链节点的主导园区"),
    ]
    for stage, color in _STAGE_COLORS.items():
        sel = stages == stage
        if sel.any():
            ax.scatter(pts.x.to_numpy()[sel], pts.y.to_numpy()[sel], s=26, c=color,
                       edgecolors="black", linewidths=0.4, zorder=6)  # fmt: skip
            handles.append(Line2D([], [], marker="o", color="none", markerfacecolor=color,
                                  markeredgecolor="black", label=f"项目：{stage}"))  # fmt: skip
    return handles


def _fmt(value: object, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "—"
    if isinstance(value, float):
        return f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return str(value)


def _chain_context(
    chain: str, layers: Mapping[str, gpd.GeoDataFrame], places: pd.DataFrame
) -> dict[str, Any]:
    pan = panorama(chain, layers, places=places)
    lanes = []
    for pos, group in pan.groupby(pan["position"].replace("", "—"), sort=False):
        lanes.append({"position": pos, "nodes": group.to_dict("records")})
    gaps = pan[pan["status"] == "gap"].to_dict("records")
    gz = gaps_by_zone(layers, chain, places=places)
    total = int((pan["status"] != "not_broken_down").sum())
    gap_zones = [
        {"zone": z, "n": int(n), "total": total}
        for z, n in gz.groupby("zone", sort=False).size().items()
    ]
    return {
        "cluster": pan["cluster"].iloc[0],
        "chain": chain,
        "lanes": lanes,
        "gaps": gaps,
        "gap_zones": gap_zones,
    }


def render_chain_report(
    layers: Mapping[str, gpd.GeoDataFrame],
    chain: str | None = None,
    *,
    generated: str | None = None,
) -> str:
    """The "两图一表" page of one chain (or of every chain) as HTML.

    Parameters
    ----------
    layers
        Mapping with ``projects``, ``counties`` and ``zones``.
    chain
        A chain name, or None for every chain of the table.
    generated
        The "generated" line; default the current UTC time.

    Returns
    -------
    str
        The page (self-contained: the map is embedded as PNG).
    """
    nodes = chain_nodes(chain)
    places = project_places(layers)
    chains = list(dict.fromkeys(nodes["chain"]))
    clusters = set(nodes["cluster"])
    t = against_targets(layers)
    in_scope = t["scope"].eq("city") | t["cluster"].fillna("").map(
        lambda cl: bool(set(str(cl).split(";")) & clusters)
    )
    targets = [
        {
            "id": r["id"],
            "scope": SCOPE_ZH.get(r["scope"], r["scope"])
            + (f"·{r['cluster'].replace(';', '、')}" if r["cluster"] else ""),
            "metric": METRIC_ZH.get(r["metric"], r["metric"]),
            "year": r["year"],
            "value": _fmt(r["value"]),
            "unit": r["unit"],
            "current": _fmt(r["current"]),
            "share": "—" if pd.isna(r["share"]) else f"{r['share']:.1%}",
            "cannot_tell": f"{MEASURABLE_ZH.get(r['measurable'], r['measurable'])}："
            + r["cannot_tell"],
            "quote": r["quote"],
            "source": r["source"],
        }
        for r in t[in_scope.to_numpy()].to_dict("records")
    ]
    png = chain_map_png(layers, chain)
    when = generated or datetime.now(UTC).strftime("生成于 %Y-%m-%d %H:%M UTC")
    ctx = {
        "version": __version__,
        "footer": _FOOTER,
        "data_note_zh": DATA_NOTE_ZH,
        "data_note_en": DATA_NOTE_EN,
        "generated": when,
        "title": chain or "全部产业链",
        "status_colors": dict(STATUS_COLORS),
        "status_labels": dict(STATUS_ZH),
        "chains": [_chain_context(c, layers, places) for c in chains],
        "map_png": base64.b64encode(png).decode("ascii"),
        "targets": targets,
    }
    return template_environment().get_template("chain_report.html").render(**ctx)


def write_chain_report(
    layers: Mapping[str, gpd.GeoDataFrame], path: str | Path, chain: str | None = None
) -> Path:
    """Write the page to ``path``: ``.html``, or ``.pdf`` through WeasyPrint.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".html", ".pdf"):
        msg = f"{path}: the report must end in .html or .pdf (got {path.suffix!r})."
        raise ValueError(msg)
    html = render_chain_report(layers, chain)
    with atomic_path(path) as tmp:
        if suffix == ".html":
            tmp.write_text(html, encoding="utf-8")
        else:
            write_pdf(html, tmp)
    return path
