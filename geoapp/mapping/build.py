"""The planners' map: :func:`build_map` puts every layer, the legend and the plugins together."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

import folium
import folium.plugins
import geopandas as gpd

from geoapp.layers import LayerSet
from geoapp.settings import DEFAULT_SITING, SitingSettings
from geoapp.vocab import translate as _t

from ._pack import _bounds
from ._runtime import GeoappLayer, _ControlRef, _Legend, _MapTools, _MeasureControl, _Runtime
from .basemaps import Datum, _basemap_tiles, _check_basemap, _display, basemap_datum
from .layers_admin import (
    city_layer,
    constraints_layer,
    counties_layer,
    river_layers,
    zones_layer,
)
from .layers_points import facilities_layer, projects_layer
from .legend import _legend_html, _quality_legend

#: Layer keys understood by :func:`build_map` (catalog names, plus ``constraints``).
LAYER_KEYS: tuple[str, ...] = (
    "neighbours",
    "city",
    "counties",
    "zones",
    "yellow_river",
    "constraints",
    "projects",
    "logistics_hubs",
    "monitoring_stations",
)

#: The facility layers, by layer key and kind of :func:`facilities_layer`.
_FACILITIES: tuple[tuple[str, Literal["hubs", "stations"]], ...] = (
    ("logistics_hubs", "hubs"),
    ("monitoring_stations", "stations"),
)


def build_map(
    layers: LayerSet,
    *,
    projects: gpd.GeoDataFrame | None = None,
    basemap: str = "none",
    lang: str = "zh",
    tianditu_key: str | None = None,
    color_by: str = "cluster",
    settings: SitingSettings = DEFAULT_SITING,
    river_buffer: bool = True,
    overlays: Sequence[Callable[..., GeoappLayer | Sequence[GeoappLayer]]] = (),
    draw: bool = False,
    measure: bool = True,
    fullscreen: bool = True,
    interactive: bool = True,
    project_options: Mapping[str, Any] | None = None,
    show: Mapping[str, bool] | None = None,
    lean: bool = True,
    legend: bool = True,
) -> folium.Map:
    """Build the planners' map.

    Parameters
    ----------
    layers
        The layer bundle (:class:`geoapp.layers.LayerSet`): ``counties``
        (labelled), ``zones`` (bases and nested parks), ``projects``,
        ``logistics_hubs``, ``monitoring_stations``, ``yellow_river`` (with its
        control buffer), the planner's ``constraints``, ``city``,
        ``neighbours``. Empty layers are not drawn.
    projects
        The project points to draw instead of ``layers["projects"]`` (a
        filtered subset, or sites with analysis columns such as clusters).
    basemap
        ``{"none", "osm", "tianditu_vec", "tianditu_img", "gaode"}``; see
        :data:`BASEMAPS`. ``"none"`` needs no network. With ``"gaode"`` every
        layer is shifted to GCJ-02 for display.
    lang
        ``{"zh", "en"}``: language of labels, popups and legend.
    tianditu_key
        The user's 天地图 key ``tk``; required for the Tianditu basemaps.
    color_by
        Project column that colours the points (``"cluster"``, ``"stage"``, …).
    settings
        The siting settings: the Yellow River control buffer is drawn at
        ``settings.river_buffer_m`` (the width the rule uses), from
        :meth:`geoapp.layers.LayerSet.river_buffer`.
    river_buffer
        Draw that buffer.
    overlays
        Callables ``f(*, lang, datum)`` returning one :class:`GeoappLayer` or
        a list of them, e.g. ``functools.partial(hull_layer, hulls)``; drawn
        above the base layers and listed in the legend.
    draw
        Add the Draw plugin (rectangle and polygon) for parcels.
    measure, fullscreen
        Add the Measure and Fullscreen plugins.
    interactive
        Tooltips and popups on the base layers; turn off where a click on the
        map means "evaluate here".
    project_options
        Keyword arguments for :func:`projects_layer` (``palette``,
        ``extra_fields``, ``name``, …).
    show
        Layer key -> whether it is switched on at first (default all on
        except ``neighbours``).
    lean
        Load only Leaflet (not jQuery, Bootstrap, Font Awesome and
        awesome-markers, which these layers do not use); saves about 1 MB per
        page view.
    legend
        Add the legend. Off for the base of a stable map, whose legend comes
        with its dynamic layers (:func:`dynamic_groups`); the base layers'
        legend sections are kept on the map as ``m.geoapp_legend_sections``
        either way.

    Returns
    -------
    folium.Map

    Raises
    ------
    ValueError
        On an unknown layer key, basemap or language, or a Tianditu basemap
        without a key.
    """
    _check_basemap(basemap)
    buffer_m = float(settings.river_buffer_m) if river_buffer else 0.0
    _t("", lang)  # validates lang
    if not isinstance(layers, LayerSet):
        msg = (
            f"`layers` should be a geoapp.layers.LayerSet, got {type(layers).__name__}; "
            "build one with LayerSet.shipped() or LayerSet({...})."
        )
        raise TypeError(msg)
    datum = basemap_datum(basemap)
    shown = {"neighbours": False, **(show or {})}
    m = _empty_map(_basemap_tiles(basemap, tianditu_key, lang), lean=lean)
    drawn = _map_layers(
        layers, projects, overlays, lang=lang, datum=datum, interactive=interactive,
        buffer_m=buffer_m, project_options={"color_by": color_by, **(project_options or {})},
    )  # fmt: skip
    built: list[GeoappLayer] = []
    for key, layer in drawn:
        for one in [layer] if isinstance(layer, GeoappLayer) else list(layer):
            if key is not None and not shown.get(key, True):
                one.show = False
            one.add_to(m)
            built.append(one)
    sections = [(layer.legend_title, layer.legend, layer.layer_name, layer.show) for layer in built]
    m.geoapp_legend_sections = sections  # type: ignore[attr-defined]
    if legend:
        _Legend(_legend_html([*sections, _quality_legend(lang)], lang)).add_to(m)
    _add_tools(m, lang=lang, datum=datum, draw=draw, measure=measure, fullscreen=fullscreen)
    bounds = _first_bounds(layers, projects, built, datum)
    if bounds is not None:
        m.fit_bounds(bounds, padding=(10, 10))
    return m


def _empty_map(tiles: Sequence[Any], *, lean: bool) -> folium.Map:
    """The map over 濮阳市 with its basemap tiles and the geoapp runtime, no layer yet."""
    m = folium.Map(
        location=[35.75, 115.35],
        zoom_start=9,
        tiles=None,
        control_scale=False,
        max_zoom=18,
        min_zoom=5,
        zoom_snap=0.25,
        zoom_delta=0.5,
    )
    if lean:
        m.default_js = [
            (n, u) for n, u in folium.Map.default_js if n in ("leaflet", "leaflet_icon_path")
        ]
        m.default_css = [(n, u) for n, u in folium.Map.default_css if n == "leaflet_css"]
    for tile in tiles:
        tile.add_to(m)
    _Runtime().add_to(m)
    return m


def _frame(
    layers: LayerSet, projects: gpd.GeoDataFrame | None, key: str
) -> gpd.GeoDataFrame | None:
    """The layer ``key`` to draw (``projects`` replaces the bundle's), or None when empty."""
    gdf = projects if key == "projects" and projects is not None else layers[key]
    return gdf if len(gdf) else None


def _map_layers(
    layers: LayerSet,
    projects: gpd.GeoDataFrame | None,
    overlays: Sequence[Callable[..., GeoappLayer | Sequence[GeoappLayer]]],
    *,
    lang: str,
    datum: Datum,
    interactive: bool,
    buffer_m: float,
    project_options: Mapping[str, Any],
) -> list[tuple[str | None, GeoappLayer | Sequence[GeoappLayer]]]:
    """Every layer to draw, bottom to top, with its layer key (None for an overlay)."""
    drawn: list[tuple[str | None, GeoappLayer | Sequence[GeoappLayer]]] = []
    if (g := _frame(layers, projects, "counties")) is not None:
        drawn.append(
            ("counties", counties_layer(g, lang=lang, datum=datum, interactive=interactive))
        )
    if (g := _frame(layers, projects, "city")) is not None:
        drawn.append(("city", city_layer(g, lang=lang, datum=datum)))
    if (g := _frame(layers, projects, "zones")) is not None:
        drawn.append(("zones", zones_layer(g, lang=lang, datum=datum, interactive=interactive)))
    if (g := _frame(layers, projects, "yellow_river")) is not None:
        buffer = layers.river_buffer(buffer_m) if buffer_m > 0 else None
        river = river_layers(
            g, buffer=buffer, buffer_m=buffer_m, lang=lang, datum=datum, interactive=interactive
        )
        drawn.append(("yellow_river", river))
    if (g := _frame(layers, projects, "constraints")) is not None:
        constraints = constraints_layer(g, lang=lang, datum=datum, interactive=interactive)
        drawn.append(("constraints", constraints))
    if (g := _frame(layers, projects, "projects")) is not None:
        points = projects_layer(
            g, lang=lang, datum=datum, interactive=interactive, **project_options
        )
        drawn.append(("projects", points))
    for key, kind in _FACILITIES:
        if (g := _frame(layers, projects, key)) is not None:
            layer = facilities_layer(g, kind=kind, lang=lang, datum=datum, interactive=interactive)
            drawn.append((key, layer))
    drawn += [(None, make(lang=lang, datum=datum)) for make in overlays]
    if (g := _frame(layers, projects, "neighbours")) is not None:
        context = counties_layer(g, lang=lang, datum=datum, context=True, interactive=interactive)
        drawn.append(("neighbours", context))
    return drawn


def _add_tools(
    m: folium.Map, *, lang: str, datum: str, draw: bool, measure: bool, fullscreen: bool
) -> None:
    """Add the coordinate readout and the asked-for plugins, and the layer control."""
    _MapTools(
        f"{_t('经纬度', lang)} ({'GCJ-02' if datum == 'gcj02' else 'WGS-84'})",
        draw_texts(lang) if draw else None,
    ).add_to(m)
    if fullscreen:
        folium.plugins.Fullscreen(
            position="topleft",
            title=_t("全屏", lang),
            title_cancel=_t("退出全屏", lang),
            force_separate_button=True,
        ).add_to(m)
    if measure:
        _MeasureControl(
            position="topleft",
            primary_length_unit="meters",
            secondary_length_unit="kilometers",
            primary_area_unit="sqmeters",
            secondary_area_unit="hectares",
            localization="cn" if lang == "zh" else "en",
        ).add_to(m)
    if draw:
        folium.plugins.Draw(
            export=False,
            position="topleft",
            show_geometry_on_click=False,
            draw_options={
                "polyline": False,
                "circle": False,
                "circlemarker": False,
                "marker": False,
                "polygon": {"allowIntersection": False, "showArea": True},
                "rectangle": {"showArea": True},
            },
            edit_options={"edit": False},
        ).add_to(m)
    control = folium.LayerControl(position="topright", collapsed=True)
    control.add_to(m)
    _ControlRef(control).add_to(m)


def _first_bounds(
    layers: LayerSet,
    projects: gpd.GeoDataFrame | None,
    built: Sequence[GeoappLayer],
    datum: Datum,
) -> Any:
    """The bounds to fit: the counties, city, projects or zones, else the first layer drawn."""
    for key in ("counties", "city", "projects", "zones"):
        g = _frame(layers, projects, key)
        if g is not None:
            return _bounds(_display(g, datum))
    for layer in built:
        if layer._bounds:
            return layer._bounds
    return None


def draw_texts(lang: str) -> dict[str, Any] | None:
    """Leaflet.draw's toolbar and tooltip texts in the UI language (None: its English)."""
    if lang != "zh":
        return None
    return {
        "draw": {
            "toolbar": {
                "actions": {"title": "取消绘制", "text": "取消"},
                "finish": {"title": "完成绘制", "text": "完成"},
                "undo": {"title": "删除最后一个点", "text": "删除最后一点"},
                "buttons": {"polygon": "绘制地块（多边形）", "rectangle": "绘制地块（矩形）"},
            },
            "handlers": {
                "polygon": {
                    "tooltip": {
                        "start": "点击开始绘制地块。",
                        "cont": "点击继续绘制。",
                        "end": "点击第一个点闭合地块。",
                    }
                },
                "rectangle": {"tooltip": {"start": "按住并拖动绘制矩形。"}},
                "simpleshape": {"tooltip": {"end": "松开鼠标完成绘制。"}},
            },
        },
        "edit": {
            "toolbar": {
                "actions": {
                    "save": {"title": "保存", "text": "保存"},
                    "cancel": {"title": "取消", "text": "取消"},
                    "clearAll": {"title": "清除全部", "text": "清除全部"},
                },
                "buttons": {
                    "edit": "编辑",
                    "editDisabled": "无可编辑图形",
                    "remove": "删除地块",
                    "removeDisabled": "无可删除图形",
                },
            },
            "handlers": {"remove": {"tooltip": {"text": "点击要删除的地块。"}}},
        },
    }
