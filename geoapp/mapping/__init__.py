"""Folium maps of the planning layers and analysis results (no Streamlit here).

:func:`build_map` draws the layers of the catalog — counties with labels, the
development zones (the chemical base with its parks nested above it), the
project pipeline, logistics hubs, monitoring stations, the Yellow River and its
shoreline control buffer — plus any analysis overlays, with a layer control, a
legend, a scale bar and the Fullscreen and Measure plugins (Draw on request).
The small ``*_layer`` functions build one overlay each and can be passed to
:func:`build_map` as ``overlays``.

Design points
-------------
- **One layer, one JavaScript object.** Each layer is sent as compact data
  (points as columns of coordinates and dictionary-encoded attributes, shapes
  as GeoJSON rounded to about 1 m) and turned into Leaflet objects by a small
  runtime in the page, never as thousands of ``folium.Marker`` objects.
  Point layers above :data:`CANVAS_THRESHOLD` features draw on a canvas.
  Popups are built only when clicked.
- **Escaped text.** Every attribute value and label is HTML-escaped in
  Python (:func:`html.escape`) before it reaches the page; the data are also
  embedded with Jinja's ``tojson``, which escapes ``<`` and ``>``. A project
  named ``<script>alert(1)</script>`` is shown as text.
- **Location quality is visible.** Schematic positions are drawn hollow with a
  dashed outline, approximate ones half-filled, surveyed ones filled; the
  popup and the legend say which.
- **Basemaps.** ``"none"`` (works offline; the default), ``"osm"``,
  ``"tianditu_vec"`` / ``"tianditu_img"`` (Web-Mercator ``*_w`` layers with
  their annotation layer; need the user's key ``tk``) and ``"gaode"`` (GCJ-02
  tiles). With Gaode the overlays are shifted WGS-84 → GCJ-02 at render time
  only (:func:`geoapp.geo.coords.convert_geometry`); use :func:`to_wgs84` on
  coordinates clicked on such a map.
- **Fixed drawing order.** Each kind of layer has its own Leaflet pane, so the
  parks stay above the chemical base and points above areas, whatever layers
  the user toggles.

Package layout
--------------
Read top to bottom; each module imports only from those above it.

==========================  ====================================================
``_runtime``                JS/CSS runtime and panes, :class:`GeoappLayer`, the
                            legend and Measure elements, :func:`safe_json`
``basemaps``                :data:`BASEMAPS` tiles, the GCJ-02 display shift,
                            :func:`to_wgs84`, :func:`geometry_to_wgs84`,
                            :func:`basemap_datum`
``legend``                  SVG swatches and the legend HTML
``_pack``                   escaping, formatting and packing of layer data
``palettes``                :data:`CLUSTER_COLORS`, :data:`STAGE_COLORS`,
                            :data:`VERDICT_COLORS` and colours of other labels
``layers_admin``            counties, city, zones and parks, Yellow River and
                            its buffer, constraints
``layers_points``           projects and facilities
``layers_analysis``         service areas, cluster hulls, hot spots, candidate
                            sites, the site marker, raster images, regions
``build``                   :data:`LAYER_KEYS` and :func:`build_map`
``dynamic``                 :func:`dynamic_groups`: the changing layers of a
                            stable map, with their legend
==========================  ====================================================

Examples
--------
>>> from geoapp.layers.catalog import load_layer
>>> m = build_map({"counties": load_layer("counties")}, basemap="none")  # doctest: +SKIP
>>> m.save("map.html")  # doctest: +SKIP
"""

from __future__ import annotations

from geoapp.mapping.layers_chain import highlight_zones_layer
from geoapp.mapping.static import (
    CJK_FONT_CANDIDATES,
    SITE_WINDOW_M,
    VERDICT_LABELS,
    BaseLayers,
    SiteMapRenderer,
    cjk_font_family,
    overview_map,
    site_map,
)

from ._runtime import _PANES as _PANES  # pane z-indices (read by the tests)
from ._runtime import CANVAS_THRESHOLD as CANVAS_THRESHOLD
from ._runtime import GeoappLayer as GeoappLayer
from ._runtime import safe_json as safe_json
from .basemaps import BASEMAPS as BASEMAPS
from .basemaps import Datum as Datum
from .basemaps import basemap_datum as basemap_datum
from .basemaps import geometry_to_wgs84 as geometry_to_wgs84
from .basemaps import to_display as to_display
from .basemaps import to_wgs84 as to_wgs84
from .build import LAYER_KEYS as LAYER_KEYS
from .build import build_map as build_map
from .build import draw_texts as draw_texts
from .dynamic import dynamic_groups as dynamic_groups
from .layers_admin import city_layer as city_layer
from .layers_admin import constraints_layer as constraints_layer
from .layers_admin import counties_layer as counties_layer
from .layers_admin import river_buffer_layer as river_buffer_layer
from .layers_admin import river_layers as river_layers
from .layers_admin import zones_layer as zones_layer
from .layers_analysis import candidates_layer as candidates_layer
from .layers_analysis import hotspot_layer as hotspot_layer
from .layers_analysis import hull_layer as hull_layer
from .layers_analysis import image_layer as image_layer
from .layers_analysis import regions_layer as regions_layer
from .layers_analysis import service_area_layer as service_area_layer
from .layers_analysis import site_marker_layer as site_marker_layer
from .layers_points import facilities_layer as facilities_layer
from .layers_points import projects_layer as projects_layer
from .palettes import CLUSTER_COLORS as CLUSTER_COLORS
from .palettes import STAGE_COLORS as STAGE_COLORS
from .palettes import VERDICT_COLORS as VERDICT_COLORS

__all__ = [
    "BASEMAPS",
    "BaseLayers",
    "CANVAS_THRESHOLD",
    "CJK_FONT_CANDIDATES",
    "CLUSTER_COLORS",
    "GeoappLayer",
    "LAYER_KEYS",
    "SITE_WINDOW_M",
    "STAGE_COLORS",
    "SiteMapRenderer",
    "VERDICT_COLORS",
    "VERDICT_LABELS",
    "basemap_datum",
    "build_map",
    "candidates_layer",
    "city_layer",
    "cjk_font_family",
    "constraints_layer",
    "counties_layer",
    "draw_texts",
    "dynamic_groups",
    "facilities_layer",
    "geometry_to_wgs84",
    "highlight_zones_layer",
    "hotspot_layer",
    "hull_layer",
    "image_layer",
    "overview_map",
    "projects_layer",
    "regions_layer",
    "river_buffer_layer",
    "river_layers",
    "safe_json",
    "service_area_layer",
    "site_map",
    "site_marker_layer",
    "to_display",
    "to_wgs84",
    "zones_layer",
]
