"""Point layers: projects (coloured by a column, sized by investment) and facilities.

Each is ONE :class:`~geoapp.mapping._runtime.GeoappLayer` of columns of
coordinates and dictionary-encoded attributes; schematic positions are drawn
hollow with a dashed outline, approximate ones half-filled.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd

from geoapp.vocab import STAGES
from geoapp.vocab import translate as _t

from ._pack import _bounds, _encode, _paren, _props, _quality, _rows
from ._runtime import CANVAS_THRESHOLD, GeoappLayer
from .basemaps import Datum, _display
from .legend import _sw_circle, _sw_icon
from .palettes import (
    _UNSTATED,
    CLUSTER_COLORS,
    STAGE_COLORS,
    _label_order,
    _labels_of,
    _palette_for,
)

_PROJECT_FIELDS = (
    ("名称", "name"),
    ("企业", "company"),
    ("产业集群", "cluster"),
    ("产业链", "chain"),
    ("阶段", "stage"),
    ("投资额(亿元)", "investment_yi"),
    ("产能", "capacity"),
    ("县区", "county"),
    ("园区", "zone"),
    ("年份", "year"),
    ("位置精度", "location_quality"),
    ("来源", "source"),
)
_HUB_FIELDS = (
    ("名称", "name"),
    ("类型", "kind"),
    ("状态", "status"),
    ("县区", "county"),
    ("园区", "zone"),
    ("投资额(亿元)", "investment_yi"),
    ("位置精度", "location_quality"),
    ("来源", "source"),
)
_STATION_FIELDS = (
    ("名称", "name"),
    ("类型", "kind"),
    ("县区", "county"),
    ("河流", "river"),
    ("备注", "note"),
    ("位置精度", "location_quality"),
    ("来源", "source"),
)


def _radius(values: pd.Series, rmin: float, rmax: float) -> np.ndarray:
    """Radius proportional to the square root of the amount; unknown amounts get ``rmin``."""
    v = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float)
    known = np.isfinite(v) & (v > 0)
    r = np.full(len(v), rmin, dtype=float)
    if known.any():
        top = np.sqrt(np.nanmax(v[known]))
        r[known] = rmin + (rmax - rmin) * np.sqrt(v[known]) / top
    return np.round(r, 1)


def projects_layer(
    projects: gpd.GeoDataFrame,
    *,
    lang: str = "zh",
    datum: Datum = "wgs84",
    color_by: str = "cluster",
    palette: Mapping[str, str] | None = None,
    size_col: str | None = "investment_yi",
    extra_fields: Sequence[tuple[str, str]] = (),
    name: str | None = None,
    legend_title: str | None = None,
    interactive: bool = True,
    canvas: bool | None = None,
    radius: tuple[float, float] = (4.0, 16.0),
) -> GeoappLayer:
    """Project points coloured by a column and sized by investment, as ONE layer.

    Parameters
    ----------
    projects
        Points (polygons are drawn at a point inside them).
    color_by
        Column whose values colour the points, e.g. ``"cluster"``, ``"stage"``,
        ``"cluster_label"`` (clustering result), ``"covered"``.
    palette
        Value -> colour; default :data:`CLUSTER_COLORS` / :data:`STAGE_COLORS`
        for those columns, else a categorical cycle. Empty values are
        ``"未注明"`` (grey).
    size_col
        Numeric column for the radius (area ∝ amount; unknown = smallest), or
        None for a constant radius.
    extra_fields
        More ``(label, column)`` rows for the popup (analysis results).
    canvas
        Draw on a canvas; default when there are more than
        :data:`CANVAS_THRESHOLD` points.
    radius
        Smallest and largest radius in pixels.
    """
    gdf, pts = _valid_points(projects, datum)
    n = len(gdf)
    labels = _point_labels(gdf, color_by)
    colors, order = _point_colors(labels, color_by, palette)
    styles, key = _point_styles(order, colors)
    s_idx = [key[(lab, q)] for lab, q in zip(labels, _quality(gdf), strict=True)]
    sized = bool(size_col and size_col in gdf.columns)
    r = _radius(gdf[size_col], *radius) if sized else np.full(n, 6.0)
    fields = [f for f in _PROJECT_FIELDS if f[1] in gdf.columns] + [
        f for f in extra_fields if f[1] in gdf.columns
    ]
    cols: dict[str, Any] = {k: _encode(v) for k, v in _props(gdf, fields, lang).items()}
    cols["_s"] = _encode(s_idx)
    cols["_r"] = _encode(r.tolist())
    if "name" not in cols:
        cols["name"] = _encode([None] * n)
    use_canvas = (n > CANVAS_THRESHOLD) if canvas is None else canvas
    spec = {
        "x": np.round(pts.x.to_numpy(), 6).tolist(),
        "y": np.round(pts.y.to_numpy(), 6).tolist(),
        "cols": cols,
        "styles": styles,
        "pane": "geoapp-points",
        "canvas": bool(use_canvas),
        "cls": "geoapp-project",
        "rows": [list(x) for x in _rows(fields, lang)] if interactive else None,
        "title": "name",
        "tip": "name" if interactive else None,
        "interactive": interactive,
    }
    title = name or _t("项目", lang)
    head = {"cluster": "产业集群", "stage": "阶段"}.get(color_by)
    legend = [(_sw_circle(colors[lab], r=5), html.escape(_t(lab, lang))) for lab in order]
    if sized:
        legend.append(
            (
                _sw_circle("#636363", r=3),
                html.escape(_t("圆点大小表示投资额；未注明投资额为最小圆点", lang)),
            )
        )
    lt = legend_title or (f"{title} · {_t(head, lang)}" if head else title)
    return GeoappLayer(
        "points", spec, name=title, legend=legend, legend_title=lt, bounds=_bounds(gdf)
    )


def _valid_points(projects: gpd.GeoDataFrame, datum: Datum) -> tuple[gpd.GeoDataFrame, Any]:
    """The projects in the display datum with a point each (polygons at a point inside them).

    Rows without a geometry are left out.
    """
    gdf = _display(projects, datum)
    pts = gdf.geometry
    if len(gdf) and not (pts.geom_type == "Point").all():
        pts = pts.representative_point()
    valid = ~(pts.is_empty | pts.isna()).to_numpy() if len(gdf) else np.zeros(0, dtype=bool)
    return gdf.loc[valid], pts.loc[valid]


def _point_labels(gdf: gpd.GeoDataFrame, color_by: str) -> pd.Series:
    """The label of each point in the colouring column (``"未注明"`` when empty or absent)."""
    if color_by not in gdf.columns:
        return pd.Series(_UNSTATED, index=gdf.index, dtype=object)
    col = gdf[color_by]
    if pd.api.types.is_bool_dtype(col):
        return col.map({True: "已覆盖", False: "未覆盖"}).fillna(_UNSTATED).astype(object)
    return _labels_of(col, gdf.index)


def _point_colors(
    labels: pd.Series, color_by: str, palette: Mapping[str, str] | None
) -> tuple[dict[str, str], list[str]]:
    """The colour of each label (the given palette, else the column's own) and the labels' order."""
    default_palette = {"cluster": CLUSTER_COLORS, "stage": STAGE_COLORS}.get(color_by)
    if palette is None:
        palette = default_palette
    if palette is None and color_by in ("covered",):
        palette = {"已覆盖": "#1a9641", "未覆盖": "#d7191c"}
    preferred = (
        list(STAGES)
        if color_by == "stage"
        else list(CLUSTER_COLORS)
        if color_by == "cluster"
        else []
    )
    return _palette_for(labels, palette), _label_order(labels, preferred)


def _point_styles(
    order: Sequence[str], colors: Mapping[str, str]
) -> tuple[list[dict[str, Any]], dict[tuple[str, str], int]]:
    """One style per (label, location quality), and each pair's index in that list."""
    styles: list[dict[str, Any]] = []
    key: dict[tuple[str, str], int] = {}
    for lab in order:
        for q in ("surveyed", "approximate", "schematic"):
            c = colors[lab]
            st = {"color": c, "fillColor": c, "weight": 1.5, "fillOpacity": 0.8, "opacity": 1.0}
            if q == "approximate":
                st.update(fillOpacity=0.4, weight=2)
            elif q == "schematic":
                st.update(fillColor="#ffffff", fillOpacity=0.35, weight=2.2, dashArray="3 2")
            key[(lab, q)] = len(styles)
            styles.append(st)
    return styles, key


def facilities_layer(
    facilities: gpd.GeoDataFrame,
    *,
    kind: Literal["hubs", "stations", "new"],
    lang: str = "zh",
    datum: Datum = "wgs84",
    name: str | None = None,
    interactive: bool = True,
    extra_fields: Sequence[tuple[str, str]] = (),
) -> GeoappLayer:
    """Logistics hubs (green squares), monitoring stations (triangles) or new facilities (stars)."""
    gdf = _display(facilities, datum)
    pts = gdf.geometry
    if len(gdf) and not (pts.geom_type == "Point").all():
        pts = pts.representative_point()
    shape, color, title_zh, fields = {
        "hubs": ("diamond", "#252525", "物流枢纽", _HUB_FIELDS),
        "stations": ("triangle", "#e66101", "环境监测站点", _STATION_FIELDS),
        "new": ("star", "#6a00a8", "新增设施", (("名称", "name"), ("类型", "kind"))),
    }[kind]
    quality = _quality(gdf)
    styles = [{"color": color, "hollow": False}, {"color": color, "hollow": True}]
    s_idx = quality.eq("schematic").astype(int).tolist()
    fields = tuple(f for f in (*fields, *extra_fields) if f[1] in gdf.columns)
    props = _props(gdf, fields, lang)
    if kind == "stations" and "kind" in gdf.columns:
        props["kind"] = [
            html.escape(_t({"air": "大气", "water": "水质", "other": "其他"}.get(v, str(v)), lang))
            if pd.notna(v)
            else None
            for v in gdf["kind"]
        ]
    cols: dict[str, Any] = {k: _encode(v) for k, v in props.items()}
    cols["_s"] = _encode(s_idx)
    size = 18 if kind == "new" else 16
    spec = {
        "x": np.round(pts.x.to_numpy(), 6).tolist(),
        "y": np.round(pts.y.to_numpy(), 6).tolist(),
        "cols": cols,
        "styles": styles,
        "pane": "geoapp-points",
        "icon": {"shape": shape, "size": size},
        "cls": f"geoapp-{kind}",
        "rows": [list(x) for x in _rows(fields, lang)] if interactive else None,
        "title": "name" if "name" in cols else None,
        "tip": "name" if interactive and "name" in cols else None,
        "interactive": interactive,
    }
    title = name or _t(title_zh, lang)
    legend = [(_sw_icon(shape, color), html.escape(title))]
    if bool(quality.eq("schematic").any()):
        legend = [
            (
                _sw_icon(shape, color, hollow=True),
                html.escape(_paren(title, _t("示意", lang), lang)),
            )
        ]
    return GeoappLayer("points", spec, name=title, legend=legend, bounds=_bounds(gdf))
