"""The map legend: SVG swatches and the legend HTML.

Each layer contributes rows ``(swatch_html, escaped_label)`` built with the
``_sw_*`` swatches; :func:`_legend_html` joins the sections into the HTML of the
collapsible legend control, and :func:`_quality_legend` is the closing section
on location quality.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import Any

from geoapp.vocab import translate as _t


def _sw_polygon(
    color: str, fill: str, opacity: float, dashed: bool = False, weight: float = 2
) -> str:
    dash = ' stroke-dasharray="4 3"' if dashed else ""
    return (
        f'<svg width="22" height="14"><rect x="1" y="1" width="20" height="12" fill="{fill}" '
        f'fill-opacity="{opacity:.2f}" stroke="{color}" '
        f'stroke-width="{min(weight, 3)}"{dash}/></svg>'
    )


def _sw_line(color: str, weight: float = 3) -> str:
    return (
        f'<svg width="22" height="14"><line x1="1" y1="7" x2="21" y2="7" stroke="{color}" '
        f'stroke-width="{weight}"/></svg>'
    )


def _sw_circle(color: str, *, hollow: bool = False, r: float = 5, opacity: float = 0.85) -> str:
    fill = "#ffffff" if hollow else color
    dash = ' stroke-dasharray="3 2"' if hollow else ""
    return (
        f'<svg width="22" height="14"><circle cx="11" cy="7" r="{r}" fill="{fill}" '
        f'fill-opacity="{opacity}" stroke="{color}" stroke-width="2"{dash}/></svg>'
    )


def _sw_icon(shape: str, color: str, hollow: bool = False) -> str:
    fill = "#ffffff" if hollow else color
    dash = ' stroke-dasharray="3 2"' if hollow else ""
    if shape == "triangle":
        body = '<polygon points="11,1.5 19,12.5 3,12.5"'
    elif shape == "diamond":
        body = '<polygon points="11,0.5 18,7 11,13.5 4,7"'
    elif shape == "star":
        pts = []
        for k in range(10):
            r = 6 if k % 2 == 0 else 2.7
            a = math.pi / 5 * k - math.pi / 2
            pts.append(f"{11 + r * math.cos(a):.1f},{7 + r * math.sin(a):.1f}")
        body = f'<polygon points="{" ".join(pts)}"'
    else:
        body = '<rect x="5" y="1.5" width="11" height="11"'
    return (
        f'<svg width="22" height="14">{body} fill="{fill}" stroke="{color}" '
        f'stroke-width="2"{dash}/></svg>'
    )


def _legend_html(sections: Sequence[tuple[Any, ...]], lang: str) -> str:
    """Legend HTML from sections.

    Each section is ``(title, [(swatch_html, escaped_label), …])`` or
    ``(title, rows, layer_name, shown)``: a section tied to a layer (its
    escaped name in the layer control) is hidden while that layer is off.
    """
    parts = [f"<details open><summary>{html.escape(_t('图例', lang))}</summary>"]
    for section in sections:
        title, rows = section[0], section[1]
        layer_name = section[2] if len(section) > 2 else None
        shown = section[3] if len(section) > 3 else True
        if not rows:
            continue
        if layer_name is not None:
            parts.append(
                f'<div data-layer="{html.escape(str(layer_name))}" data-on="{int(bool(shown))}">'
            )
        if title:
            parts.append(f'<div class="geoapp-legend-head">{html.escape(title)}</div>')
        for swatch, label in rows:
            parts.append(f'<div class="geoapp-legend-row">{swatch}<span>{label}</span></div>')
        if layer_name is not None:
            parts.append("</div>")
    parts.append("</details>")
    return "".join(parts)


def _quality_legend(lang: str) -> tuple[str, list[tuple[str, str]]]:
    return (
        _t("位置精度", lang),
        [
            (_sw_circle("#525252"), html.escape(_t("实测位置（实心）", lang))),
            (_sw_circle("#525252", opacity=0.4), html.escape(_t("近似位置", lang))),
            (_sw_circle("#525252", hollow=True), html.escape(_t("示意位置（空心、虚线）", lang))),
        ],
    )
