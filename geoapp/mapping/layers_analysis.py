"""Analysis overlays: service areas, cluster hulls, hot spots, candidate sites, the site marker.

Pass them to :func:`geoapp.mapping.build_map` as ``overlays``, e.g.
``functools.partial(hull_layer, hulls)``; they are drawn above the base
layers.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any, cast

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geoapp.geo import from_metric, to_metric
from geoapp.settings import STORAGE_CRS
from geoapp.vocab import VERDICT
from geoapp.vocab import labels as vocab_labels
from geoapp.vocab import translate as _t

from ._pack import _bounds, _encode, _paren, _props, _rows, _shapes_spec
from ._runtime import CANVAS_THRESHOLD, GeoappLayer
from .basemaps import Datum, _display
from .legend import _sw_circle, _sw_polygon
from .palettes import VERDICT_COLORS, _labels_of, _palette_for


def service_area_layer(
    facilities: gpd.GeoDataFrame,
    radius_m: float,
    *,
    lang: str = "zh",
    datum: Datum = "wgs84",
    name: str | None = None,
    proposed: bool = False,
) -> GeoappLayer:
    """Service areas: each facility buffered by ``radius_m`` in EPSG:4547 (dissolved).

    ``proposed=True`` draws the areas of facilities an optimisation proposes, in
    orange, so they stand apart from the existing ones (green).
    """
    metric = to_metric(facilities.geometry)
    area = shapely.union_all(np.asarray(metric.buffer(radius_m, quad_segs=24).array))
    gdf = gpd.GeoDataFrame(
        geometry=from_metric(gpd.GeoSeries([area], crs=metric.crs)).values, crs=STORAGE_CRS
    )
    gdf = _display(gdf, datum)
    title = name or _paren(_t("服务范围", lang), f"{radius_m / 1000:g} {_t('公里', lang)}", lang)
    line, fill = ("#d95f02", "#fdb863") if proposed else ("#4d9221", "#b8e186")
    spec = _shapes_spec(
        gdf,
        props={"_name": [html.escape(title)]},
        style_index=[0],
        styles=[
            {
                "color": line,
                "weight": 1.6 if proposed else 1.2,
                "fillColor": fill,
                "fillOpacity": 0.22,
                "dashArray": "2 4" if proposed else "6 3",
            }
        ],
        pane="geoapp-service",
        cls="geoapp-service",
        rows=None,
        title=None,
        tip="_name",
    )
    return GeoappLayer(
        "shapes",
        spec,
        name=title,
        legend=[(_sw_polygon(line, fill, 0.35, True, 1.2), html.escape(title))],
    )


def hull_layer(
    hulls: gpd.GeoDataFrame,
    *,
    lang: str = "zh",
    datum: Datum = "wgs84",
    palette: Mapping[str, str] | None = None,
) -> GeoappLayer:
    """Cluster hulls (from :func:`geoapp.clustering.cluster_sites`), coloured like their sites."""
    gdf = _display(hulls, datum)
    labels = _labels_of(gdf["cluster_label"] if "cluster_label" in gdf.columns else None, gdf.index)
    colors = _palette_for(labels, palette)
    order = list(dict.fromkeys(labels))
    styles = [
        {"color": colors[lab], "weight": 2, "fillColor": colors[lab], "fillOpacity": 0.12}
        for lab in order
    ]
    fields = [
        f
        for f in (
            ("聚类", "cluster_label"),
            ("项目数", "count"),
            ("投资额(亿元)", "investment_yi"),
            ("主要产业链", "dominant_chain"),
            ("县区", "counties"),
        )
        if f[1] in gdf.columns
    ]
    spec = _shapes_spec(
        gdf,
        props=_props(gdf, fields, lang),
        style_index=[order.index(lab) for lab in labels],
        styles=styles,
        pane="geoapp-analysis",
        cls="geoapp-hull",
        rows=_rows(fields, lang),
        title="cluster_label",
        tip="cluster_label",
    )
    title = _t("聚类范围", lang)
    return GeoappLayer("shapes", spec, name=title, legend=[], bounds=_bounds(gdf))


def hotspot_layer(
    cells: gpd.GeoDataFrame, *, lang: str = "zh", datum: Datum = "wgs84"
) -> GeoappLayer:
    """Gi* hot- and cold-spot cells (:func:`geoapp.clustering.hot_spots`); 不显著 cells omitted."""
    gdf = _display(cells, datum)
    gdf = gdf.loc[gdf["hotspot"] != "不显著"] if "hotspot" in gdf.columns else gdf
    colors = {
        "热点 99%": "#b2182b",
        "热点 95%": "#ef8a62",
        "热点 90%": "#fddbc7",
        "冷点 90%": "#d1e5f0",
        "冷点 95%": "#67a9cf",
        "冷点 99%": "#2166ac",
    }
    order = [k for k in colors if (gdf["hotspot"] == k).any()] if len(gdf) else []
    styles = [
        {"color": colors[k], "weight": 0.5, "fillColor": colors[k], "fillOpacity": 0.55}
        for k in order
    ]

    def label(k: str) -> str:  # "热点 99%" -> "Hot spot 99%" in English
        kind, _, level = str(k).partition(" ")
        return f"{_t(kind, lang)} {level}".strip()

    if "hotspot" in gdf.columns:
        gdf = gdf.assign(_hotspot_text=gdf["hotspot"].map(label).astype(object))
    fields = [("热点分析 (Gi*)", "_hotspot_text"), ("项目数", "n_sites"), ("z", "z"), ("p", "p")]
    fields = [f for f in fields if f[1] in gdf.columns]
    spec = _shapes_spec(
        gdf,
        props=_props(gdf, fields, lang),
        style_index=[order.index(k) for k in gdf["hotspot"]] if len(gdf) else [],
        styles=cast(list[dict[str, Any]], styles or [{}]),
        pane="geoapp-analysis",
        cls="geoapp-hotspot",
        rows=_rows(fields, lang),
        title="_hotspot_text",
        tip="_hotspot_text",
    )
    title = _t("热点网格", lang)
    legend = [
        (_sw_polygon(colors[k], colors[k], 0.6, False, 0.5), html.escape(label(k))) for k in order
    ]
    return GeoappLayer("shapes", spec, name=title, legend=legend, legend_title=title)


#: The popup rows of a candidate site: (label, column of evaluate_sites).
_CANDIDATE_FIELDS: tuple[tuple[str, str], ...] = (
    ("名称", "name"),
    ("产业链", "chain"),
    ("结论", "_verdict"),
    ("得分", "score"),
    ("县区", "county"),
    ("园区", "zone"),
    ("违反的规则", "violation_text"),
    ("最近物流枢纽", "hub_name"),
    ("距离(米)", "hub_distance_m"),
    ("最近监测站", "station_name"),
    ("距离(米)", "station_distance_m"),
    ("距黄河(米)", "river_distance_m"),
    ("原因", "reasons"),
)


def candidates_layer(
    result: gpd.GeoDataFrame,
    *,
    lang: str = "zh",
    datum: Datum = "wgs84",
    name: str | None = None,
) -> GeoappLayer:
    """Evaluated candidate sites (from :func:`geoapp.siting.evaluate_sites`), coloured by verdict.

    Points are drawn as large circles with their rank; parcels as polygons.
    """
    gdf = _display(result, datum)
    verdict = (
        gdf["verdict"].astype(object)
        if "verdict" in gdf.columns
        else pd.Series("feasible", index=gdf.index)
    )
    gdf = gdf.assign(_verdict=verdict.map(vocab_labels(VERDICT, lang)).fillna(verdict.astype(str)))
    fields = tuple(f for f in _CANDIDATE_FIELDS if f[1] in gdf.columns)
    order = [v for v in VERDICT_COLORS if (verdict == v).any()]
    styles = [
        {"color": "#252525", "weight": 1.5, "fillColor": VERDICT_COLORS[v], "fillOpacity": 0.85}
        for v in order
    ]
    s_idx = [order.index(v) if v in order else 0 for v in verdict]
    title = name or _t("候选点评估", lang)
    legend = [
        (_sw_circle(VERDICT_COLORS[v], r=6), html.escape(VERDICT[v].label(lang))) for v in order
    ]
    if len(gdf) and (gdf.geometry.geom_type == "Point").all():
        cols: dict[str, Any] = {k: _encode(v) for k, v in _props(gdf, fields, lang).items()}
        cols["_s"] = _encode(s_idx)
        spec = {
            "x": np.round(gdf.geometry.x.to_numpy(), 6).tolist(),
            "y": np.round(gdf.geometry.y.to_numpy(), 6).tolist(),
            "cols": cols,
            "styles": styles or [{}],
            "pane": "geoapp-analysis",
            "canvas": len(gdf) > CANVAS_THRESHOLD,
            "cls": "geoapp-candidate",
            "rows": [list(x) for x in _rows(fields, lang)],
            "title": "name" if "name" in cols else None,
            "tip": "_verdict",
            "radius": 8,
        }
        return GeoappLayer(
            "points", spec, name=title, legend=legend, legend_title=title, bounds=_bounds(gdf)
        )
    spec = _shapes_spec(
        gdf,
        props=_props(gdf, fields, lang),
        style_index=s_idx,
        styles=cast(list[dict[str, Any]], styles or [{}]),
        pane="geoapp-analysis",
        cls="geoapp-candidate",
        rows=_rows(fields, lang),
        title="name" if "name" in gdf.columns else None,
        tip="_verdict",
    )
    return GeoappLayer(
        "shapes", spec, name=title, legend=legend, legend_title=title, bounds=_bounds(gdf)
    )


def site_marker_layer(
    geom: shapely.Geometry,
    *,
    verdict: str | None = None,
    lang: str = "zh",
    datum: Datum = "wgs84",
    label: str | None = None,
) -> GeoappLayer:
    """The site being evaluated: a crosshair at a point, or the outline of a parcel."""
    gdf = _display(gpd.GeoDataFrame(geometry=[geom], crs=STORAGE_CRS), datum)
    color = VERDICT_COLORS.get(verdict or "", "#252525")
    title = _t("评估点", lang)
    term = VERDICT.get(verdict or "")
    text = html.escape(label or (term.label(lang) if term is not None else title))
    if geom.geom_type == "Point":
        spec = {
            "x": [round(float(gdf.geometry.x.iloc[0]), 6)],
            "y": [round(float(gdf.geometry.y.iloc[0]), 6)],
            "cols": {"_s": [0], "name": [text]},
            "styles": [{"color": color, "hollow": False}],
            "pane": "geoapp-points",
            "icon": {"shape": "cross", "size": 26, "pane": "markerPane"},
            "cls": "geoapp-site",
            "rows": None,
            "title": "name",
            "tip": "name",
            "interactive": True,
        }
        return GeoappLayer("points", spec, name=title, legend=[])
    spec = _shapes_spec(
        gdf,
        props={"name": [text]},
        style_index=[0],
        styles=[{"color": color, "weight": 3, "fillColor": color, "fillOpacity": 0.2}],
        pane="geoapp-analysis",
        cls="geoapp-site",
        rows=None,
        title=None,
        tip="name",
    )
    return GeoappLayer("shapes", spec, name=title, legend=[])


def image_layer(
    url: str,
    bounds: list[list[float]],
    *,
    name: str,
    legend: list[tuple[str, str]] | None = None,
    cls: str = "geoapp-surface",
    opacity: float = 1.0,
) -> GeoappLayer:
    """A raster drawn as one image between two corners (e.g. a suitability surface).

    Parameters
    ----------
    url
        The image (a ``data:image/png;base64,…`` URL, or a served file).
    bounds
        ``[[south, west], [north, east]]`` of the image in the basemap's datum;
        Leaflet stretches it linearly in Web Mercator.
    name
        Layer name (escaped here).
    legend
        Legend rows ``(swatch_html, escaped_label)``.
    cls
        CSS class of the ``<img>`` (the browser tests find the surface by it).
    opacity
        Opacity of the whole image (the image's own alpha also applies).
    """
    spec = {
        "url": url,
        "bounds": bounds,
        "pane": "geoapp-surface",
        "cls": cls,
        "opacity": opacity,
    }
    return GeoappLayer(
        "image", spec, name=name, legend=legend or [], legend_title=None, bounds=bounds
    )


def regions_layer(
    regions: gpd.GeoDataFrame,
    *,
    lang: str = "zh",
    datum: Datum = "wgs84",
    name: str | None = None,
) -> GeoappLayer:
    """Best regions of a suitability surface (:func:`geoapp.suitability.find_regions`).

    Outlined in blue with a popup of rank, area, mean and minimum score,
    county, zone and the limiting criteria (``limiting`` as the planner should
    read it: the app passes the criteria's titles).
    """
    gdf = _display(from_metric(regions), datum)
    fields = [
        f
        for f in (
            ("排名", "rank"),
            ("面积(公顷)", "area_ha"),
            ("平均得分", "mean_score"),
            ("最低得分", "min_score"),
            ("县区", "county"),
            ("园区", "zone"),
            ("限制因素", "limiting"),
        )
        if f[1] in gdf.columns
    ]
    title = name or _t("最佳区域", lang)
    props = _props(gdf, fields, lang)
    ranks = gdf["rank"] if "rank" in gdf.columns else range(1, len(gdf) + 1)
    props["_tip"] = [html.escape(f"{title} {int(r)}") for r in ranks]
    spec = _shapes_spec(
        gdf,
        props=props,
        style_index=[0] * len(gdf),
        styles=[{"color": "#1f4e9e", "weight": 3, "fillOpacity": 0.1}],
        pane="geoapp-analysis",
        cls="geoapp-region",
        rows=_rows(fields, lang),
        title="_tip",
        tip="_tip",
    )
    legend = [(_sw_polygon("#1f4e9e", "#1f4e9e", 0.1, False, 3), html.escape(title))]
    return GeoappLayer("shapes", spec, name=title, legend=legend, bounds=_bounds(gdf))
