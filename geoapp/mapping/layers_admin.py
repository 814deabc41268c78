"""Planning base layers: counties, the city outline, zones and parks, the river, constraints.

All are shape layers (:func:`geoapp.mapping._pack._shapes_spec`), each in its
own Leaflet pane so the parks stay above the chemical base whatever layers
are toggled. Schematic outlines are dashed.
"""

from __future__ import annotations

import html
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geoapp.geo import to_metric
from geoapp.vocab import translate as _t

from ._pack import (
    _bounds,
    _esc_column,
    _field_values,
    _paren,
    _props,
    _quality,
    _quality_text,
    _rows,
    _shapes_spec,
    _simplify,
)
from ._runtime import GeoappLayer
from .basemaps import Datum, _display
from .legend import _sw_line, _sw_polygon

_ZONE_STYLES = {
    # kind: (pane, outline, fill, fill opacity, weight) — the base below, parks above
    "化工基地": ("geoapp-zones", "#99000d", "#fc9272", 0.22, 3.5),
    "先进制造业开发区": ("geoapp-zones", "#08519c", "#9ecae1", 0.22, 2.5),
    "开发区": ("geoapp-zones", "#54278f", "#bcbddc", 0.22, 2.0),
    "产业园": ("geoapp-parks", "#006d2c", "#a1d99b", 0.35, 1.5),
    "区中园": ("geoapp-parks", "#d94801", "#fdd0a2", 0.65, 1.8),
}
_ZONE_ORDER = ("化工基地", "先进制造业开发区", "开发区", "产业园", "区中园")
_DASH_SCHEMATIC = "5 4"
_COUNTY_FIELDS = (
    ("名称", "name"),
    ("行政区划代码", "adcode"),
    ("面积(km²)", "area_km2"),
    ("位置精度", "location_quality"),
    ("来源", "source"),
)
_ZONE_FIELDS = (
    ("名称", "name"),
    ("类型", "kind"),
    ("上级园区", "parent"),
    ("县区", "county"),
    ("主导产业链", "leading_chains"),
    ("规划面积(km²)", "area_km2"),
    ("位置精度", "location_quality"),
    ("来源", "source"),
)


def counties_layer(
    counties: gpd.GeoDataFrame,
    *,
    lang: str = "zh",
    datum: Datum = "wgs84",
    name: str | None = None,
    labels: bool = True,
    interactive: bool = True,
    context: bool = False,
) -> GeoappLayer:
    """County polygons with their names as labels.

    Parameters
    ----------
    counties
        Polygons with ``name`` (and ``adcode``, ``area_km2``, ``source``,
        ``location_quality`` when present).
    lang
        ``{"zh", "en"}`` for the labels of popups and legend.
    datum
        ``"gcj02"`` to shift for a Gaode basemap.
    name
        Layer name in the layer control.
    labels
        Draw each name at a point inside its polygon.
    interactive
        Tooltips and popups (off on the siting page, where clicks evaluate).
    context
        Draw as light grey context (neighbouring counties).
    """
    gdf = _display(_simplify(counties, 150.0) if context else counties, datum)
    title = name or _t("周边县区" if context else "县区界", lang)
    if context:
        style: dict[str, Any] = {
            "color": "#969696",
            "weight": 1,
            "fillColor": "#d9d9d9",
            "fillOpacity": 0.12,
            "dashArray": "4 4",
        }
        pane, cls, label_cls = "geoapp-context", "geoapp-neighbour", "geoapp-label-small"
    else:
        style = {"color": "#3a3a3a", "weight": 2.2, "fillColor": "#ffffff", "fillOpacity": 0.04}
        pane, cls, label_cls = "geoapp-admin", "geoapp-county", ""
    names: list[str | None] = (
        _esc_column(gdf["name"]) if "name" in gdf.columns else [None] * len(gdf)
    )
    fields = [f for f in _COUNTY_FIELDS if f[1] in gdf.columns]
    spec = _shapes_spec(
        gdf,
        props=_props(gdf, fields, lang),
        style_index=np.zeros(len(gdf), dtype=int),
        styles=[style],
        pane=pane,
        cls=cls,
        rows=_rows(fields, lang) if interactive else None,
        title="name",
        tip="name" if interactive else None,
        labels=names if labels else None,
        label_cls=label_cls,
        interactive=interactive,
    )
    legend = [
        (_sw_polygon(style["color"], style["fillColor"], 0.3, context, 2), html.escape(title))
    ]
    return GeoappLayer("shapes", spec, name=title, legend=legend, bounds=_bounds(gdf))


def city_layer(city: gpd.GeoDataFrame, *, lang: str = "zh", datum: Datum = "wgs84") -> GeoappLayer:
    """The city outline, a thick non-interactive line."""
    gdf = _display(city, datum)
    style = {"color": "#000000", "weight": 3.5, "fill": False, "opacity": 0.8}
    spec = _shapes_spec(
        gdf,
        props={},
        style_index=np.zeros(len(gdf), dtype=int),
        styles=[style],
        pane="geoapp-admin",
        cls="geoapp-city",
        rows=None,
        title=None,
        tip=None,
        interactive=False,
    )
    title = _t("市界", lang)
    return GeoappLayer(
        "shapes", spec, name=title, legend=[(_sw_line("#000000", 3), html.escape(title))]
    )


def zones_layer(
    zones: gpd.GeoDataFrame,
    *,
    lang: str = "zh",
    datum: Datum = "wgs84",
    interactive: bool = True,
) -> list[GeoappLayer]:
    """Development zones: the bases below, the parks within them above.

    Each ``kind`` has its own outline and fill: 化工基地 (dark red, thick),
    先进制造业开发区 (blue), 开发区 (purple), 产业园 (green) and 区中园 (orange,
    denser fill), the last two in a pane above the others so a park stays
    visible inside its base. Schematic outlines are dashed.

    Returns
    -------
    list of GeoappLayer
        Two layers: the zones and the parks.
    """
    gdf, kind, schematic = _zones_in_order(_display(zones, datum))
    fields = [f for f in _ZONE_FIELDS if f[1] in gdf.columns]
    styles, style_key = _zone_styles()
    idx = np.array(
        [style_key[(k, bool(s))] for k, s in zip(kind, schematic, strict=True)], dtype=int
    )
    layers = []
    for title_zh, pane in (("开发区与园区", "geoapp-zones"), ("区中园", "geoapp-parks")):
        sel = (kind.map(lambda k: _ZONE_STYLES[k][0]) == pane).to_numpy()
        part = gdf.loc[sel]
        if pane == "geoapp-parks":
            title = f"{_t('区中园', lang)} / {_t('产业园', lang)}"
        else:
            title = _t(title_zh, lang)
        spec = _shapes_spec(
            part,
            props=_props(part, fields, lang),
            style_index=idx[sel],
            styles=styles,
            pane=pane,
            cls="geoapp-zone" if pane == "geoapp-zones" else "geoapp-park",
            rows=_rows(fields, lang) if interactive else None,
            title="name",
            tip="name" if interactive else None,
            labels=_esc_column(_zone_label_text(part)),
            label_cls="geoapp-label-zone",
            interactive=interactive,
        )
        legend = _zone_legend(pane, kind[sel], bool(schematic[sel].any()), lang)
        layers.append(GeoappLayer("shapes", spec, name=title, legend=legend, bounds=_bounds(part)))
    if layers:
        layers[0].legend_title = _t("开发区与园区", lang)
    return layers


def _zones_in_order(gdf: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, pd.Series, np.ndarray]:
    """The zones by kind (bases first) and, within a kind, largest first.

    Returns the zones, their kind (unknown kinds as 开发区) and whether each is schematic.
    """
    if "kind" in gdf.columns:
        kind = gdf["kind"].astype(object).where(gdf["kind"].isin(_ZONE_ORDER), "开发区")
    else:
        kind = pd.Series("开发区", index=gdf.index, dtype=object)
    schematic = _quality(gdf).eq("schematic").to_numpy()
    area = to_metric(gdf.geometry).area.to_numpy() if len(gdf) else np.array([])
    order = np.lexsort((-area, kind.map(_ZONE_ORDER.index).to_numpy()))
    return gdf.iloc[order], kind.iloc[order], schematic[order]


def _zone_styles() -> tuple[list[dict[str, Any]], dict[tuple[str, bool], int]]:
    """One style per (zone kind, schematic), and each pair's index in that list."""
    styles: list[dict[str, Any]] = []
    style_key: dict[tuple[str, bool], int] = {}
    for k in _ZONE_ORDER:
        for sch in (False, True):
            _, color, fill, op, w = _ZONE_STYLES[k]
            style_key[(k, sch)] = len(styles)
            st = {"color": color, "weight": w, "fillColor": fill, "fillOpacity": op}
            if sch:
                st["dashArray"] = _DASH_SCHEMATIC
            styles.append(st)
    return styles, style_key


def _zone_label_text(part: gpd.GeoDataFrame) -> pd.Series:
    """The map label of each zone: its short name, else its name."""
    short = (
        part["short_name"] if "short_name" in part.columns else pd.Series(None, index=part.index)
    )
    return short.where(short.notna() & (short.astype(str).str.strip() != ""), part["name"])


def _zone_legend(pane: str, kinds: pd.Series, schematic: bool, lang: str) -> list[tuple[str, str]]:
    """The legend rows of the zone kinds drawn in ``pane`` (dashed if any zone is schematic)."""
    legend = []
    for k in _ZONE_ORDER:
        if _ZONE_STYLES[k][0] == pane and (kinds == k).any():
            _, color, fill, op, w = _ZONE_STYLES[k]
            legend.append((_sw_polygon(color, fill, op, schematic, w), html.escape(_t(k, lang))))
    return legend


def river_layers(
    river: gpd.GeoDataFrame,
    *,
    buffer: gpd.GeoSeries | None = None,
    buffer_m: float | None = None,
    lang: str = "zh",
    datum: Datum = "wgs84",
    interactive: bool = True,
) -> list[GeoappLayer]:
    """The Yellow River line and its shoreline control buffer.

    Parameters
    ----------
    river
        The river line(s).
    buffer, buffer_m
        The control buffer (:meth:`geoapp.layers.LayerSet.river_buffer`) and its
        width in metres, for the legend; None draws no buffer.
    lang, datum, interactive
        As for :func:`geoapp.mapping.build_map`.

    Returns
    -------
    list of GeoappLayer
    """
    out = []
    if buffer is not None and buffer_m:
        out.append(
            river_buffer_layer(buffer, buffer_m, lang=lang, datum=datum, interactive=interactive)
        )
    gdf = _display(river, datum)
    title = _t("黄河(近似)", lang)
    props: dict[str, list[str | None]] = {
        "_name": [html.escape(str(v)) for v in gdf.get("name", pd.Series([title] * len(gdf)))]
    }
    props["location_quality"] = list(_quality_text(_quality(gdf), lang))
    props["source"] = _field_values(gdf, "source", lang)
    spec = _shapes_spec(
        gdf,
        props=props,
        style_index=np.zeros(len(gdf), dtype=int),
        styles=[{"color": "#08519c", "weight": 4, "opacity": 0.9}],
        pane="geoapp-river",
        cls="geoapp-river",
        rows=_rows((("位置精度", "location_quality"), ("来源", "source")), lang)
        if interactive
        else None,
        title="_name",
        tip="_name" if interactive else None,
        interactive=interactive,
    )
    out.insert(
        0,
        GeoappLayer(
            "shapes", spec, name=title, legend=[(_sw_line("#08519c", 4), html.escape(title))]
        ),
    )
    return out


def constraints_layer(
    constraints: gpd.GeoDataFrame,
    *,
    lang: str = "zh",
    datum: Datum = "wgs84",
    interactive: bool = True,
) -> GeoappLayer:
    """User constraint polygons (生态保护红线, 永久基本农田, …) with their legal basis."""
    gdf = _display(constraints, datum)
    fields = [
        f
        for f in (
            ("名称", "name"),
            ("法律依据", "legal_basis"),
            ("适用", "applies_to"),
            ("来源", "source"),
        )
        if f[1] in gdf.columns
    ]
    title = _t("管控区", lang)
    spec = _shapes_spec(
        gdf,
        props=_props(gdf, fields, lang),
        style_index=np.zeros(len(gdf), dtype=int),
        styles=[{"color": "#a50f15", "weight": 1.5, "fillColor": "#ef3b2c", "fillOpacity": 0.3}],
        pane="geoapp-constraints",
        cls="geoapp-constraint",
        rows=_rows(fields, lang) if interactive else None,
        title="name" if "name" in gdf.columns else None,
        tip="name" if interactive and "name" in gdf.columns else None,
        interactive=interactive,
    )
    legend = [(_sw_polygon("#a50f15", "#ef3b2c", 0.4, False, 1.5), html.escape(title))]
    return GeoappLayer("shapes", spec, name=title, legend=legend, bounds=_bounds(gdf))


def river_buffer_layer(
    buffer: gpd.GeoSeries,
    buffer_m: float,
    *,
    lang: str = "zh",
    datum: Datum = "wgs84",
    interactive: bool = True,
) -> GeoappLayer:
    """The Yellow River shoreline control buffer alone (drawn for the current setting).

    Parameters
    ----------
    buffer
        The buffer polygon(s) (:meth:`geoapp.layers.LayerSet.river_buffer`).
    buffer_m
        Its width in metres, for the label and legend.
    lang, datum, interactive
        As for :func:`geoapp.mapping.build_map`.

    Returns
    -------
    GeoappLayer
    """
    frame = gpd.GeoDataFrame(geometry=gpd.GeoSeries(buffer.values, crs=buffer.crs))
    buf = _display(_simplify(frame, 10.0), datum)
    label = _paren(_t("黄河岸线管控范围", lang), f"{buffer_m:g} {_t('米', lang)}", lang)
    props = {"_name": [html.escape(label)]}
    spec = _shapes_spec(
        buf,
        props=props,
        style_index=[0],
        styles=[
            {
                "color": "#2171b5",
                "weight": 1,
                "dashArray": "3 3",
                "fillColor": "#6baed6",
                "fillOpacity": 0.28,
            }
        ],
        pane="geoapp-buffer",
        cls="geoapp-river-buffer",
        rows=None,
        title=None,
        tip="_name" if interactive else None,
        interactive=interactive,
    )
    return GeoappLayer(
        "shapes",
        spec,
        name=label,
        legend=[(_sw_polygon("#2171b5", "#6baed6", 0.4, True, 1), html.escape(label))],
    )
