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
  only (:func:`geoapp.coords.convert_geometry`); use :func:`to_wgs84` on
  coordinates clicked on such a map.
- **Fixed drawing order.** Each kind of layer has its own Leaflet pane, so the
  parks stay above the chemical base and points above areas, whatever layers
  the user toggles.

Examples
--------
>>> from geoapp.catalog import load_layer
>>> m = build_map({"counties": load_layer("counties")}, basemap="none")  # doctest: +SKIP
>>> m.save("map.html")  # doctest: +SKIP
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

import folium
import folium.plugins
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from branca.element import MacroElement
from folium.template import Template

from geoapp.coords import convert_geometry, convert_lonlat, to_metric
from geoapp.i18n import translate
from geoapp.settings import DEFAULT_SITING, STAGES

__all__ = [
    "BASEMAPS",
    "CANVAS_THRESHOLD",
    "CLUSTER_COLORS",
    "LAYER_KEYS",
    "STAGE_COLORS",
    "VERDICT_COLORS",
    "basemap_datum",
    "build_map",
    "candidates_layer",
    "constraints_layer",
    "counties_layer",
    "facilities_layer",
    "hotspot_layer",
    "hull_layer",
    "projects_layer",
    "river_buffer",
    "river_layers",
    "service_area_layer",
    "site_marker_layer",
    "to_wgs84",
    "zones_layer",
]

Basemap = Literal["none", "osm", "tianditu_vec", "tianditu_img", "gaode"]
Datum = Literal["wgs84", "gcj02"]

#: Basemaps offered, with their Chinese titles.
BASEMAPS: Mapping[str, str] = {
    "none": "无底图（离线）",
    "osm": "OpenStreetMap",
    "tianditu_vec": "天地图·矢量",
    "tianditu_img": "天地图·影像",
    "gaode": "高德地图（GCJ-02）",
}
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
#: Point layers with more features than this are drawn on a canvas instead of SVG.
CANVAS_THRESHOLD = 1_000

#: Colour of each industrial cluster (and of an empty one).
CLUSTER_COLORS: Mapping[str, str] = {
    "新材料": "#d95f02",
    "新能源装备制造": "#1b9e77",
    "高端装备": "#386cb0",
    "新一代信息技术": "#7570b3",
    "绿色食品": "#66a61e",
    "现代轻纺": "#e7298a",
    "未注明": "#737373",
}
#: Colour of each pipeline stage.
STAGE_COLORS: Mapping[str, str] = {
    "谋划": "#9ecae1",
    "签约": "#3182bd",
    "开工": "#fd8d3c",
    "在建": "#d94701",
    "投产": "#238b45",
    "未注明": "#737373",
}
#: Colour of each siting verdict.
VERDICT_COLORS: Mapping[str, str] = {
    "recommended": "#1a9641",
    "feasible": "#a6d96a",
    "not_advised": "#fdae61",
    "prohibited": "#d7191c",
}
_VERDICT_ZH = {
    "recommended": "推荐",
    "feasible": "可行",
    "not_advised": "不建议",
    "prohibited": "禁止",
}
_CATEGORICAL = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#393b79",
    "#637939",
    "#8c6d31",
)
_GREY = "#737373"
_UNSTATED = "未注明"

# Leaflet panes: name -> z-index (overlayPane is 400, markerPane 600).
_PANES = {
    "geoapp-context": 401,
    "geoapp-admin": 403,
    "geoapp-service": 405,
    "geoapp-buffer": 406,
    "geoapp-zones": 410,
    "geoapp-parks": 414,
    "geoapp-constraints": 418,
    "geoapp-river": 422,
    "geoapp-analysis": 430,
    "geoapp-points": 450,
    "geoapp-labels": 590,
}
_ZONE_STYLES = {
    # kind: (pane, outline, fill, fill opacity, weight) — the base below, parks above
    "化工基地": ("geoapp-zones", "#99000d", "#fc9272", 0.22, 3.5),
    "先进制造业开发区": ("geoapp-zones", "#08519c", "#9ecae1", 0.22, 2.5),
    "开发区": ("geoapp-zones", "#54278f", "#bcbddc", 0.22, 2.0),
    "产业园": ("geoapp-parks", "#006d2c", "#a1d99b", 0.35, 1.5),
    "区中园": ("geoapp-parks", "#d94801", "#fdd0a2", 0.65, 1.8),
}
_ZONE_ORDER = ("化工基地", "先进制造业开发区", "开发区", "产业园", "区中园")
_QUALITY_ZH = {"surveyed": "实测", "approximate": "近似", "schematic": "示意（非实测位置）"}
_DASH_SCHEMATIC = "5 4"

_TIANDITU = (
    "https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
    "&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles"
    "&TILEMATRIX={{z}}&TILEROW={{y}}&TILECOL={{x}}&tk={key}"
)
_GAODE = (
    "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8"
    "&x={x}&y={y}&z={z}"
)
_OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


# --------------------------------------------------------------------------- helpers
def _t(text: str, lang: str) -> str:
    return translate(text, lang)


def _esc(value: Any) -> str | None:
    """HTML-escaped text of a value; None for missing or blank."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (tuple, list)):
        value = "；".join(str(v) for v in value)
    text = str(value).strip()
    return html.escape(text) if text else None


def _esc_column(values: pd.Series | np.ndarray | list) -> list[str | None]:
    """Vectorised :func:`_esc` over a column (pandas string ops, no Python loop per row)."""
    s = pd.Series(values, dtype=object)
    missing = s.isna().to_numpy().copy()
    text = s.where(~missing, "").astype(str).str.strip()
    missing |= (text == "").to_numpy()
    escaped = (
        text.str.replace("&", "&amp;", regex=False)
        .str.replace("<", "&lt;", regex=False)
        .str.replace(">", "&gt;", regex=False)
        .str.replace('"', "&quot;", regex=False)
        .str.replace("'", "&#x27;", regex=False)
    )
    return escaped.where(~missing, None).tolist()


def _fmt_number(values: pd.Series, digits: int = 1, unit: str = "") -> list[str | None]:
    num = pd.to_numeric(values, errors="coerce")
    out = num.map(lambda v: None if pd.isna(v) else f"{v:,.{digits}f}{unit}")
    return out.tolist()


def _labels_of(values: pd.Series | None, index: pd.Index) -> pd.Series:
    if values is None:
        return pd.Series(_UNSTATED, index=index, dtype=object)
    s = values.astype(object)
    blank = s.isna() | (s.astype(str).str.strip() == "")
    return s.astype(str).str.strip().where(~blank, _UNSTATED)


def _encode(values: list) -> list | dict:
    """Dictionary-encode a column when it repeats (``{"k": codes, "v": uniques}``)."""
    n = len(values)
    if n < 8:
        return values
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=False)
    if len(uniques) > n // 2:
        return values
    return {"k": codes.tolist(), "v": [None if pd.isna(u) else u for u in uniques]}


def basemap_datum(basemap: str) -> Datum:
    """The datum overlays must be drawn in for a basemap (``"gcj02"`` for Gaode)."""
    _check_basemap(basemap)
    return "gcj02" if basemap == "gaode" else "wgs84"


def _check_basemap(basemap: str) -> None:
    if basemap not in BASEMAPS:
        msg = f"`basemap` was {basemap!r} but must be one of {tuple(BASEMAPS)}."
        raise ValueError(msg)


def _display(gdf: gpd.GeoDataFrame, datum: Datum) -> gpd.GeoDataFrame:
    """The layer in EPSG:4326, shifted to GCJ-02 for a Gaode basemap (a copy)."""
    if gdf.crs is None:
        msg = "A map layer has no CRS; set one with `.set_crs(4326)` before drawing it."
        raise ValueError(msg)
    out = gdf if gdf.crs.to_epsg() == 4326 else gdf.to_crs(4326)
    if datum == "gcj02":
        out = convert_geometry(out, source="wgs84", target="gcj02")
    return out


def to_wgs84(lon: float, lat: float, *, basemap: str) -> tuple[float, float]:
    """Convert a position clicked on the map back to WGS-84.

    On a Gaode basemap the map shows GCJ-02, so a click is GCJ-02 and is
    converted with the exact inverse; on the other basemaps it is returned
    unchanged.

    Parameters
    ----------
    lon, lat
        The clicked position in degrees.
    basemap
        The basemap the map was drawn with.

    Returns
    -------
    tuple of float
        WGS-84 longitude and latitude.
    """
    if basemap_datum(basemap) == "wgs84":
        return float(lon), float(lat)
    x, y = convert_lonlat(lon, lat, source="gcj02", target="wgs84")
    return float(x), float(y)


def geometry_to_wgs84(geom: shapely.Geometry, *, basemap: str) -> shapely.Geometry:
    """Convert a geometry drawn on the map back to WGS-84 (see :func:`to_wgs84`)."""
    if basemap_datum(basemap) == "wgs84":
        return geom
    return convert_geometry(geom, source="gcj02", target="wgs84")


# --------------------------------------------------------------------------- elements
_JS_UNSAFE = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "'": "\\u0027",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


def safe_json(value: Any) -> str:
    """Compact JSON that is safe inside an HTML ``<script>`` (no ``<``, ``>``, ``&``, ``'``).

    Chinese stays as UTF-8 (a third of the size of ``\\uXXXX`` escapes).
    """
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_JS_UNSAFE)


_RUNTIME_JS = r"""
(function () {
  if (window.geoapp) { return; }
  var g = window.geoapp = {};
  g.col = function (c, i) {
    if (c === undefined || c === null) { return null; }
    return (c.k !== undefined) ? c.v[c.k[i]] : c[i];
  };
  g.popup = function (title, rows, get) {
    var h = '<div class="geoapp-popup">';
    if (title) { h += '<div class="geoapp-popup-title">' + title + '</div>'; }
    h += '<table>';
    for (var j = 0; j < rows.length; j++) {
      var v = get(rows[j][1]);
      if (v !== null && v !== undefined && v !== '') {
        h += '<tr><th>' + rows[j][0] + '</th><td>' + v + '</td></tr>';
      }
    }
    return h + '</table></div>';
  };
  g.svg = function (shape, color, hollow, size) {
    var f = hollow ? '#ffffff' : color, d = hollow ? ' stroke-dasharray="3 2"' : '';
    var s = size, h = s / 2, body;
    if (shape === 'triangle') {
      body = '<polygon points="' + h + ',1.5 ' + (s - 1.5) + ',' + (s - 1.5) + ' 1.5,' + (s - 1.5) + '"';
    } else if (shape === 'diamond') {
      body = '<polygon points="' + h + ',1 ' + (s - 1) + ',' + h + ' ' + h + ',' + (s - 1) + ' 1,' + h + '"';
    } else if (shape === 'star') {
      var p = [], r1 = h - 1, r2 = r1 * 0.45;
      for (var k = 0; k < 10; k++) {
        var r = (k % 2) ? r2 : r1, a = Math.PI / 5 * k - Math.PI / 2;
        p.push((h + r * Math.cos(a)).toFixed(1) + ',' + (h + r * Math.sin(a)).toFixed(1));
      }
      body = '<polygon points="' + p.join(' ') + '"';
    } else if (shape === 'cross') {
      return '<svg width="' + s + '" height="' + s + '"><circle cx="' + h + '" cy="' + h + '" r="' + (h - 2) +
        '" fill="none" stroke="' + color + '" stroke-width="2.5"/><line x1="' + h + '" y1="0" x2="' + h + '" y2="' + s +
        '" stroke="' + color + '" stroke-width="2"/><line x1="0" y1="' + h + '" x2="' + s + '" y2="' + h +
        '" stroke="' + color + '" stroke-width="2"/></svg>';
    } else {
      body = '<rect x="1.5" y="1.5" width="' + (s - 3) + '" height="' + (s - 3) + '"';
    }
    return '<svg width="' + s + '" height="' + s + '">' + body + ' fill="' + f + '" stroke="' + color +
      '" stroke-width="2"' + d + '/></svg>';
  };
  g.bind = function (layer, spec, get) {
    if (spec.tip) {
      layer.bindTooltip(function () { return get(spec.tip) || ''; }, {sticky: true, direction: 'top'});
    }
    if (spec.rows) {
      layer.bindPopup(function () { return g.popup(get(spec.title), spec.rows, get); }, {maxWidth: 360});
    }
  };
  g.points = function (spec) {
    var group = L.featureGroup(), n = spec.x.length;
    var renderer = spec.canvas ? L.canvas({pane: spec.pane, padding: 0.5}) : L.svg({pane: spec.pane});
    for (var i = 0; i < n; i++) {
      (function (i) {
        var st = spec.styles[g.col(spec.cols._s, i) || 0], ll = [spec.y[i], spec.x[i]], layer;
        if (spec.icon) {
          var sz = spec.icon.size;
          layer = L.marker(ll, {
            icon: L.divIcon({className: 'geoapp-icon ' + (spec.cls || ''), iconSize: [sz, sz],
              html: g.svg(spec.icon.shape, st.color, st.hollow, sz)}),
            pane: spec.icon.pane || 'markerPane', keyboard: false,
            interactive: spec.interactive !== false
          });
        } else {
          var r = spec.cols._r ? g.col(spec.cols._r, i) : (spec.radius || 6);
          layer = L.circleMarker(ll, L.extend({pane: spec.pane, renderer: renderer, radius: r,
            className: spec.cls, interactive: spec.interactive !== false}, st));
        }
        g.bind(layer, spec, function (key) { return g.col(spec.cols[key], i); });
        group.addLayer(layer);
      })(i);
    }
    return group;
  };
  g.shapes = function (spec) {
    var group = L.featureGroup();
    var gj = L.geoJSON(spec.data, {
      pane: spec.pane, className: spec.cls, interactive: spec.interactive !== false,
      style: function (f) { return spec.styles[f.properties._s || 0]; },
      onEachFeature: function (f, layer) {
        g.bind(layer, spec, function (key) { return f.properties[key]; });
      }
    });
    group.addLayer(gj);
    if (spec.labels) {
      spec.data.features.forEach(function (f) {
        var p = f.properties;
        if (p._label && p._ly !== undefined) {
          group.addLayer(L.marker([p._ly, p._lx], {
            icon: L.divIcon({className: 'geoapp-label ' + (spec.labelCls || ''), iconSize: null,
              html: '<span>' + p._label + '</span>'}),
            pane: 'geoapp-labels', interactive: false, keyboard: false
          }));
        }
      });
    }
    return group;
  };
  g.legend = function (map, htmlText, position) {
    var c = L.control({position: position});
    c.onAdd = function () {
      var div = L.DomUtil.create('div', 'geoapp-legend leaflet-control');
      div.innerHTML = htmlText;
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    c.addTo(map);
    return c;
  };
})();
"""

_CSS = """
.geoapp-label span { position: absolute; transform: translate(-50%, -50%); white-space: nowrap;
  font: 600 14px/1.2 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  color: #252525; letter-spacing: 1px;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff, 0 0 1px #fff; pointer-events: none; }
.geoapp-label.geoapp-label-small span { font-size: 11px; font-weight: 400; color: #636363; }
.geoapp-label.geoapp-label-zone span { display: none; font-size: 12px; font-weight: 500; color: #7f2704; }
.geoapp-zoomed .geoapp-label.geoapp-label-zone span { display: inline; }
.geoapp-icon { background: none; border: none; }
.geoapp-popup { font: 13px/1.45 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
.geoapp-popup-title { font-weight: 700; font-size: 14px; margin-bottom: 4px; }
.geoapp-popup th { text-align: left; padding: 1px 8px 1px 0; color: #555; white-space: nowrap;
  vertical-align: top; font-weight: 400; }
.geoapp-popup td { padding: 1px 0; }
.geoapp-legend { background: rgba(255,255,255,0.92); padding: 5px 8px; border-radius: 5px;
  box-shadow: 0 1px 5px rgba(0,0,0,0.35); max-height: 55vh; overflow-y: auto; max-width: 230px;
  font: 11.5px/1.25 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #222; }
.geoapp-legend summary { font-weight: 700; font-size: 13px; cursor: pointer; }
.geoapp-legend .geoapp-legend-head { font-weight: 700; margin-top: 5px; }
.geoapp-legend .geoapp-legend-row { display: flex; align-items: center; gap: 5px; margin: 1px 0; }
.geoapp-legend svg { flex: none; }
"""


class _Runtime(MacroElement):
    """The panes, the small JavaScript runtime and the CSS; added first to every map."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        {% macro script(this, kwargs) %}
        {{ this.js }}
        {%- for name, z in this.panes.items() %}
        {{ this._parent.get_name() }}.createPane({{ name|tojson }}).style.zIndex = {{ z }};
        {%- endfor %}
        {{ this._parent.get_name() }}.getPane('geoapp-labels').style.pointerEvents = 'none';
        (function (m) {
          var zoomClass = function () {
            m.getContainer().classList.toggle('geoapp-zoomed', m.getZoom() >= 12);
          };
          m.on('zoomend', zoomClass);
          m.whenReady(zoomClass);
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "GeoappRuntime"
        self.js = _RUNTIME_JS
        self.css = _CSS
        self.panes = _PANES


class GeoappLayer(folium.map.Layer):
    """One overlay drawn by the page runtime from compact data.

    Attributes
    ----------
    kind
        ``"points"`` or ``"shapes"``.
    spec
        The data and styles, serialised with ``tojson`` (HTML-safe).
    legend
        Legend rows ``(swatch_html, escaped_label)`` contributed by the layer.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = geoapp.{{ this.kind }}({{ this.spec_json }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        kind: Literal["points", "shapes"],
        spec: dict[str, Any],
        *,
        name: str,
        show: bool = True,
        control: bool = True,
        legend: Sequence[tuple[str, str]] = (),
        legend_title: str | None = None,
        bounds: list[list[float]] | None = None,
    ) -> None:
        super().__init__(name=html.escape(name), overlay=True, control=control, show=show)
        self._name = "GeoappLayer"
        self.kind = kind
        self.spec = spec
        self.legend = list(legend)
        self.legend_title = legend_title
        self._bounds = bounds

    def _get_self_bounds(self):
        return self._bounds or [[None, None], [None, None]]

    @property
    def spec_json(self) -> str:
        """The spec as HTML-safe JSON (see :func:`safe_json`)."""
        return safe_json(self.spec)

    @property
    def n_features(self) -> int:
        """Number of features drawn."""
        if self.kind == "points":
            return len(self.spec["x"])
        return len(self.spec["data"]["features"])


class _MeasureControl(folium.plugins.MeasureControl):
    """folium's MeasureControl with the same script, minus a comment that holds a URL."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = new L.Control.Measure(
                {{ this.options|tojavascript }});
            {{this._parent.get_name()}}.addControl({{this.get_name()}});
            // Workaround for using this plugin with Leaflet>=1.8.0 (leaflet-measure issue 171)
            L.Control.Measure.include({
                _setCaptureMarkerIcon: function () {
                    this._captureMarker.options.autoPanOnFocus = false;
                    this._captureMarker.setIcon(
                        L.divIcon({iconSize: this._map.getSize().multiplyBy(2)})
                    );
                },
            });
        {% endmacro %}
        """
    )


class _Legend(MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geoapp.legend({{ this._parent.get_name() }}, {{ this.html_json }}, {{ this.position|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, html_text: str, position: str = "bottomright") -> None:
        super().__init__()
        self._name = "GeoappLegend"
        self.html_json = safe_json(html_text)
        self.position = position


# --------------------------------------------------------------------------- swatches
def _sw_polygon(
    color: str, fill: str, opacity: float, dashed: bool = False, weight: float = 2
) -> str:
    dash = ' stroke-dasharray="4 3"' if dashed else ""
    return (
        f'<svg width="22" height="14"><rect x="1" y="1" width="20" height="12" fill="{fill}" '
        f'fill-opacity="{opacity:.2f}" stroke="{color}" stroke-width="{min(weight, 3)}"{dash}/></svg>'
    )


def _sw_line(color: str, weight: float = 3, dashed: bool = False) -> str:
    dash = ' stroke-dasharray="4 3"' if dashed else ""
    return (
        f'<svg width="22" height="14"><line x1="1" y1="7" x2="21" y2="7" stroke="{color}" '
        f'stroke-width="{weight}"{dash}/></svg>'
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
    return f'<svg width="22" height="14">{body} fill="{fill}" stroke="{color}" stroke-width="2"{dash}/></svg>'


def _legend_html(
    sections: Sequence[tuple[str | None, Sequence[tuple[str, str]]]], lang: str
) -> str:
    """Legend HTML from ``(title, [(swatch_html, escaped_label), …])`` sections."""
    parts = [f"<details open><summary>{html.escape(_t('图例', lang))}</summary>"]
    for title, rows in sections:
        if not rows:
            continue
        if title:
            parts.append(f'<div class="geoapp-legend-head">{html.escape(title)}</div>')
        for swatch, label in rows:
            parts.append(f'<div class="geoapp-legend-row">{swatch}<span>{label}</span></div>')
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


# --------------------------------------------------------------------------- data packing
def _round_geoms(geoms: np.ndarray, decimals: int) -> np.ndarray:
    return shapely.set_precision(geoms, 10.0**-decimals, mode="pointwise")


def _shapes_spec(
    gdf: gpd.GeoDataFrame,
    *,
    props: Mapping[str, list],
    style_index: list[int] | np.ndarray,
    styles: list[dict[str, Any]],
    pane: str,
    cls: str,
    rows: Sequence[tuple[str, str]] | None,
    title: str | None,
    tip: str | None,
    labels: list[str | None] | None = None,
    label_cls: str = "",
    interactive: bool = True,
    decimals: int = 5,
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection with escaped properties and a style index per feature."""
    geoms = _round_geoms(np.asarray(gdf.geometry.array), decimals)
    features = []
    label_pts = None
    if labels is not None:
        label_pts = shapely.point_on_surface(np.asarray(gdf.geometry.array))
    style_index = list(np.asarray(style_index).tolist())
    geojson = [json.loads(s) if s else None for s in shapely.to_geojson(geoms)]
    for i, geom in enumerate(geojson):  # one per feature of a small polygon layer
        if geom is None:
            continue
        p: dict[str, Any] = {k: v[i] for k, v in props.items() if v[i] is not None}
        p["_s"] = int(style_index[i])
        if labels is not None and labels[i]:
            p["_label"] = labels[i]
            p["_lx"] = round(float(shapely.get_x(label_pts[i])), decimals)
            p["_ly"] = round(float(shapely.get_y(label_pts[i])), decimals)
        features.append({"type": "Feature", "geometry": geom, "properties": p})
    return {
        "data": {"type": "FeatureCollection", "features": features},
        "styles": styles,
        "pane": pane,
        "cls": cls,
        "rows": [list(r) for r in rows] if rows else None,
        "title": title,
        "tip": tip,
        "labels": labels is not None,
        "labelCls": label_cls,
        "interactive": interactive,
    }


def _simplify(gdf: gpd.GeoDataFrame, tolerance_m: float) -> gpd.GeoDataFrame:
    """Simplify for display in EPSG:4547 (topology preserved), back in the input CRS."""
    metric = to_metric(gdf.geometry).simplify(tolerance_m, preserve_topology=True)
    return gdf.set_geometry(metric.to_crs(gdf.crs).values)


def _bounds(gdf: gpd.GeoDataFrame) -> list[list[float]] | None:
    if len(gdf) == 0:
        return None
    minx, miny, maxx, maxy = gdf.total_bounds
    if not np.isfinite([minx, miny, maxx, maxy]).all():
        return None
    return [[float(miny), float(minx)], [float(maxy), float(maxx)]]


def _quality(gdf: gpd.GeoDataFrame) -> pd.Series:
    if "location_quality" in gdf.columns:
        q = (
            gdf["location_quality"]
            .astype(object)
            .where(gdf["location_quality"].notna(), "schematic")
        )
        return q.where(q.isin(list(_QUALITY_ZH)), "schematic")
    return pd.Series("surveyed", index=gdf.index, dtype=object)


def _quality_text(q: pd.Series, lang: str) -> list[str]:
    return [html.escape(_t(_QUALITY_ZH[v], lang)) for v in q]


def _field_values(gdf: gpd.GeoDataFrame, col: str, lang: str) -> list[str | None]:
    """Escaped display strings of a column (numbers formatted, categories translated)."""
    if col not in gdf.columns:
        return [None] * len(gdf)
    s = gdf[col]
    if col == "location_quality":
        return _quality_text(_quality(gdf), lang)
    if pd.api.types.is_bool_dtype(s):
        return [html.escape(_t("是" if v else "否", lang)) if pd.notna(v) else None for v in s]
    if pd.api.types.is_float_dtype(s) or pd.api.types.is_integer_dtype(s):
        digits = 0 if col.endswith("_m") or pd.api.types.is_integer_dtype(s) else 2
        return _fmt_number(s, digits)
    if lang == "en" and col in ("stage", "cluster", "kind"):
        s = s.map(lambda v: translate(v, "en") if isinstance(v, str) else v)
    return _esc_column(s)


def _rows(fields: Sequence[tuple[str, str]], lang: str) -> list[tuple[str, str]]:
    return [(html.escape(_t(label, lang)), col) for label, col in fields]


def _props(gdf: gpd.GeoDataFrame, fields: Sequence[tuple[str, str]], lang: str) -> dict[str, list]:
    return {col: _field_values(gdf, col, lang) for _, col in fields}


# --------------------------------------------------------------------------- layers
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
    ("备注", "note"),
    ("位置精度", "location_quality"),
    ("来源", "source"),
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
        style = {
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
    names = _esc_column(gdf["name"]) if "name" in gdf.columns else [None] * len(gdf)
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
    gdf = _display(zones, datum)
    if "kind" in gdf.columns:
        kind = gdf["kind"].astype(object).where(gdf["kind"].isin(_ZONE_ORDER), "开发区")
    else:
        kind = pd.Series("开发区", index=gdf.index, dtype=object)
    schematic = _quality(gdf).eq("schematic").to_numpy()
    area = to_metric(gdf.geometry).area.to_numpy() if len(gdf) else np.array([])
    order = np.lexsort((-area, kind.map(_ZONE_ORDER.index).to_numpy()))
    gdf = gdf.iloc[order]
    kind = kind.iloc[order]
    schematic = schematic[order]
    fields = [f for f in _ZONE_FIELDS if f[1] in gdf.columns]
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
    idx = np.array([style_key[(k, bool(s))] for k, s in zip(kind, schematic)], dtype=int)
    layers = []
    for title_zh, pane in (("开发区与园区", "geoapp-zones"), ("区中园", "geoapp-parks")):
        sel = (kind.map(lambda k: _ZONE_STYLES[k][0]) == pane).to_numpy()
        part = gdf.loc[sel]
        if pane == "geoapp-parks":
            title = f"{_t('区中园', lang)} / {_t('产业园', lang)}"
        else:
            title = _t(title_zh, lang)
        short = (
            part["short_name"]
            if "short_name" in part.columns
            else pd.Series(None, index=part.index)
        )
        label_text = short.where(
            short.notna() & (short.astype(str).str.strip() != ""), part["name"]
        )
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
            labels=_esc_column(label_text),
            label_cls="geoapp-label-zone",
            interactive=interactive,
        )
        kinds_here = [
            k for k in _ZONE_ORDER if _ZONE_STYLES[k][0] == pane and (kind[sel] == k).any()
        ]
        legend = []
        for k in kinds_here:
            _, color, fill, op, w = _ZONE_STYLES[k]
            legend.append(
                (
                    _sw_polygon(color, fill, op, bool(schematic[sel].any()), w),
                    html.escape(_t(k, lang)),
                )
            )
        layers.append(GeoappLayer("shapes", spec, name=title, legend=legend, bounds=_bounds(part)))
    if layers:
        layers[0].legend_title = _t("开发区与园区", lang)
    return layers


def river_buffer(river: gpd.GeoDataFrame, distance_m: float) -> gpd.GeoDataFrame:
    """The river buffered by ``distance_m`` metres in EPSG:4547, returned in EPSG:4326.

    Parameters
    ----------
    river
        Lines (or polygons) with a CRS.
    distance_m
        Buffer width in metres, e.g. ``settings.DEFAULT_SITING.river_buffer_m``.

    Returns
    -------
    geopandas.GeoDataFrame
        One polygon with ``distance_m``.
    """
    if distance_m <= 0:
        msg = f"`distance_m` must be a positive distance in metres, got {distance_m!r}."
        raise ValueError(msg)
    merged = shapely.union_all(np.asarray(to_metric(river.geometry).array))
    buf = gpd.GeoSeries(
        [shapely.buffer(merged, distance_m, quad_segs=16)], crs=to_metric(river.geometry).crs
    )
    return gpd.GeoDataFrame(
        {"distance_m": [float(distance_m)]}, geometry=buf.to_crs(4326).values, crs=4326
    )


def river_layers(
    river: gpd.GeoDataFrame,
    *,
    buffer_m: float | None = DEFAULT_SITING.river_buffer_m,
    lang: str = "zh",
    datum: Datum = "wgs84",
    interactive: bool = True,
) -> list[GeoappLayer]:
    """The Yellow River line and its shoreline control buffer (computed in metres)."""
    out = []
    if buffer_m:
        buf = _display(_simplify(river_buffer(river, buffer_m), 10.0), datum)
        label = f"{_t('黄河岸线管控范围', lang)}（{buffer_m:g} {_t('米', lang)}）"
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
        out.append(
            GeoappLayer(
                "shapes",
                spec,
                name=label,
                legend=[(_sw_polygon("#2171b5", "#6baed6", 0.4, True, 1), html.escape(label))],
            )
        )
    gdf = _display(river, datum)
    title = _t("黄河(近似)", lang)
    props = {"_name": [html.escape(str(v)) for v in gdf.get("name", pd.Series([title] * len(gdf)))]}
    props["location_quality"] = _quality_text(_quality(gdf), lang)
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


def _natural(text: str) -> tuple:
    """Sort key that puts ``C2`` before ``C10``."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", str(text)))


def _label_order(labels: Iterable[str], preferred: Sequence[str] = ()) -> list[str]:
    """Preferred labels first, then the others in natural order, then 噪声 and 未注明."""
    labels = list(dict.fromkeys(labels))
    first = [p for p in preferred if p in labels and p not in (_UNSTATED, "噪声")]
    rest = sorted(
        (lab for lab in labels if lab not in first and lab not in (_UNSTATED, "噪声")), key=_natural
    )
    tail = [lab for lab in ("噪声", _UNSTATED) if lab in labels]
    return [*first, *rest, *tail]


def _palette_for(labels: pd.Series, palette: Mapping[str, str] | None) -> dict[str, str]:
    """Colour of each distinct label: the given palette first, then a categorical cycle.

    Labels without a fixed colour get the cycle in natural order, so two layers
    with the same labels (cluster sites and their hulls) get the same colours.
    """
    out: dict[str, str] = {}
    fixed = dict(palette or {})
    i = 0
    for lab in _label_order(pd.unique(labels)):
        if lab in fixed:
            out[lab] = fixed[lab]
        elif lab in (_UNSTATED, "噪声"):
            out[lab] = _GREY
        else:
            out[lab] = _CATEGORICAL[i % len(_CATEGORICAL)]
            i += 1
    return out


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
    gdf = _display(projects, datum)
    pts = gdf.geometry
    if len(gdf) and not (pts.geom_type == "Point").all():
        pts = pts.representative_point()
    valid = ~(pts.is_empty | pts.isna()).to_numpy() if len(gdf) else np.zeros(0, dtype=bool)
    gdf, pts = gdf.loc[valid], pts.loc[valid]
    n = len(gdf)
    if color_by in gdf.columns:
        col = gdf[color_by]
        if pd.api.types.is_bool_dtype(col):
            labels = col.map({True: "已覆盖", False: "未覆盖"}).fillna(_UNSTATED).astype(object)
        else:
            labels = _labels_of(col, gdf.index)
    else:
        labels = pd.Series(_UNSTATED, index=gdf.index, dtype=object)
    default_palette = {"cluster": CLUSTER_COLORS, "stage": STAGE_COLORS}.get(color_by)
    if palette is None:
        palette = default_palette
    if palette is None and color_by in ("covered",):
        palette = {"已覆盖": "#1a9641", "未覆盖": "#d7191c"}
    colors = _palette_for(labels, palette)
    quality = _quality(gdf)
    preferred = (
        list(STAGES)
        if color_by == "stage"
        else list(CLUSTER_COLORS)
        if color_by == "cluster"
        else []
    )
    order = _label_order(labels, preferred)
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
    s_idx = [key[(lab, q)] for lab, q in zip(labels, quality)]
    r = _radius(gdf[size_col], *radius) if size_col and size_col in gdf.columns else np.full(n, 6.0)
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
    legend = []
    for lab in order:
        legend.append((_sw_circle(colors[lab], r=5), html.escape(_t(lab, lang))))
    if size_col and size_col in gdf.columns:
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
    """Logistics hubs (green squares), monitoring stations (orange triangles) or new facilities (stars)."""
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
    fields = [f for f in (*fields, *extra_fields) if f[1] in gdf.columns]
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
            (_sw_icon(shape, color, hollow=True), html.escape(f"{title}（{_t('示意', lang)}）"))
        ]
    return GeoappLayer("points", spec, name=title, legend=legend, bounds=_bounds(gdf))


def service_area_layer(
    facilities: gpd.GeoDataFrame,
    radius_m: float,
    *,
    lang: str = "zh",
    datum: Datum = "wgs84",
    name: str | None = None,
) -> GeoappLayer:
    """Service areas: each facility buffered by ``radius_m`` in EPSG:4547 (dissolved)."""
    metric = to_metric(facilities.geometry)
    area = shapely.union_all(np.asarray(metric.buffer(radius_m, quad_segs=24).array))
    gdf = gpd.GeoDataFrame(
        geometry=gpd.GeoSeries([area], crs=metric.crs).to_crs(4326).values, crs=4326
    )
    gdf = _display(gdf, datum)
    title = name or f"{_t('服务范围', lang)}（{radius_m / 1000:g} {_t('公里', lang)}）"
    spec = _shapes_spec(
        gdf,
        props={"_name": [html.escape(title)]},
        style_index=[0],
        styles=[
            {
                "color": "#4d9221",
                "weight": 1.2,
                "fillColor": "#b8e186",
                "fillOpacity": 0.22,
                "dashArray": "6 3",
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
        legend=[(_sw_polygon("#4d9221", "#b8e186", 0.35, True, 1.2), html.escape(title))],
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
            ("产业链", "dominant_chain"),
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
    """Gi* hot- and cold-spot cells (from :func:`geoapp.clustering.hot_spots`); 不显著 cells are omitted."""
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
    fields = [("热点分析 (Gi*)", "hotspot"), ("项目数", "n_sites"), ("z", "z"), ("p", "p")]
    fields = [f for f in fields if f[1] in gdf.columns]
    spec = _shapes_spec(
        gdf,
        props=_props(gdf, fields, lang),
        style_index=[order.index(k) for k in gdf["hotspot"]] if len(gdf) else [],
        styles=styles or [{}],
        pane="geoapp-analysis",
        cls="geoapp-hotspot",
        rows=_rows(fields, lang),
        title="hotspot",
        tip="hotspot",
    )
    title = _t("热点网格", lang)
    legend = [(_sw_polygon(colors[k], colors[k], 0.6, False, 0.5), html.escape(k)) for k in order]
    return GeoappLayer("shapes", spec, name=title, legend=legend, legend_title=title)


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
    fields = (
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
        ("距黄河", "river_distance_m"),
        ("原因", "reasons"),
    )
    verdict = (
        gdf["verdict"].astype(object)
        if "verdict" in gdf.columns
        else pd.Series("feasible", index=gdf.index)
    )
    gdf = gdf.assign(_verdict=[_t(_VERDICT_ZH.get(v, str(v)), lang) for v in verdict])
    fields = [f for f in fields if f[1] in gdf.columns]
    order = [v for v in VERDICT_COLORS if (verdict == v).any()]
    styles = [
        {"color": "#252525", "weight": 1.5, "fillColor": VERDICT_COLORS[v], "fillOpacity": 0.85}
        for v in order
    ]
    s_idx = [order.index(v) if v in order else 0 for v in verdict]
    title = name or _t("候选点评估", lang)
    legend = [
        (_sw_circle(VERDICT_COLORS[v], r=6), html.escape(_t(_VERDICT_ZH[v], lang))) for v in order
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
        styles=styles or [{}],
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
    gdf = _display(gpd.GeoDataFrame(geometry=[geom], crs=4326), datum)
    color = VERDICT_COLORS.get(verdict or "", "#252525")
    title = _t("评估点", lang)
    text = html.escape(
        label or (_t(_VERDICT_ZH[verdict], lang) if verdict in _VERDICT_ZH else title)
    )
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


# --------------------------------------------------------------------------- the map
def _basemap_tiles(basemap: str, tianditu_key: str | None, lang: str) -> list[folium.TileLayer]:
    if basemap == "none":
        return []
    if basemap == "osm":
        return [
            folium.TileLayer(
                _OSM,
                attr="© OpenStreetMap contributors",
                name="OpenStreetMap",
                max_zoom=19,
                control=False,
            )
        ]
    if basemap in ("tianditu_vec", "tianditu_img"):
        if not tianditu_key or not str(tianditu_key).strip():
            msg = (
                f"`basemap`={basemap!r} needs the user's Tianditu key: pass `tianditu_key` "
                "(apply for one at the 天地图 developer site), or choose another basemap."
            )
            raise ValueError(msg)
        key = "".join(ch for ch in str(tianditu_key).strip() if ch.isalnum())
        base, note = ("vec", "cva") if basemap == "tianditu_vec" else ("img", "cia")
        sub = list("01234567")
        return [
            folium.TileLayer(
                _TIANDITU.format(s="{s}", layer=base, key=key),
                attr="© 天地图",
                name=_t(BASEMAPS[basemap], lang),
                subdomains=sub,
                max_zoom=18,
                control=False,
            ),
            folium.TileLayer(
                _TIANDITU.format(s="{s}", layer=note, key=key),
                attr="© 天地图",
                name="天地图注记",
                subdomains=sub,
                max_zoom=18,
                overlay=True,
                control=False,
            ),
        ]
    return [
        folium.TileLayer(
            _GAODE,
            attr="© 高德地图 (GCJ-02)",
            name=_t(BASEMAPS["gaode"], lang),
            subdomains=list("1234"),
            max_zoom=18,
            control=False,
        )
    ]


def build_map(
    layers: Mapping[str, gpd.GeoDataFrame | None],
    *,
    basemap: str = "none",
    lang: str = "zh",
    tianditu_key: str | None = None,
    color_by: str = "cluster",
    river_buffer_m: float | None = DEFAULT_SITING.river_buffer_m,
    overlays: Sequence[Callable[..., GeoappLayer | Sequence[GeoappLayer]]] = (),
    draw: bool = False,
    measure: bool = True,
    fullscreen: bool = True,
    interactive: bool = True,
    project_options: Mapping[str, Any] | None = None,
    show: Mapping[str, bool] | None = None,
    lean: bool = True,
) -> folium.Map:
    """Build the planners' map.

    Parameters
    ----------
    layers
        Layer key -> GeoDataFrame (any CRS), keys among :data:`LAYER_KEYS`:
        ``counties`` (labelled), ``zones`` (bases and nested parks),
        ``projects``, ``logistics_hubs``, ``monitoring_stations``,
        ``yellow_river`` (with its control buffer), ``constraints`` (user
        polygons), ``city``, ``neighbours``. Missing or None keys are not drawn.
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
    river_buffer_m
        Width of the drawn Yellow River control buffer in metres (computed in
        EPSG:4547); None draws no buffer.
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
    translate("", lang)  # validates lang
    unknown = sorted(set(layers) - set(LAYER_KEYS))
    if unknown:
        msg = f"`layers` has unknown keys {unknown}; use any of {LAYER_KEYS}."
        raise ValueError(msg)
    datum = basemap_datum(basemap)
    shown = {"neighbours": False, **(show or {})}
    tiles = _basemap_tiles(basemap, tianditu_key, lang)

    m = folium.Map(
        location=[35.75, 115.35],
        zoom_start=9,
        tiles=None,
        control_scale=True,
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

    built: list[GeoappLayer] = []

    def add(layer: GeoappLayer | Sequence[GeoappLayer], key: str | None = None) -> None:
        for one in [layer] if isinstance(layer, GeoappLayer) else list(layer):
            if key is not None and not shown.get(key, True):
                one.show = False
            one.add_to(m)
            built.append(one)

    def get(key: str) -> gpd.GeoDataFrame | None:
        gdf = layers.get(key)
        return gdf if gdf is not None and len(gdf) else None

    if (g := get("counties")) is not None:
        add(counties_layer(g, lang=lang, datum=datum, interactive=interactive), "counties")
    if (g := get("city")) is not None:
        add(city_layer(g, lang=lang, datum=datum), "city")
    if (g := get("zones")) is not None:
        add(zones_layer(g, lang=lang, datum=datum, interactive=interactive), "zones")
    if (g := get("yellow_river")) is not None:
        add(
            river_layers(
                g, buffer_m=river_buffer_m, lang=lang, datum=datum, interactive=interactive
            ),
            "yellow_river",
        )
    if (g := get("constraints")) is not None:
        add(constraints_layer(g, lang=lang, datum=datum, interactive=interactive), "constraints")
    if (g := get("projects")) is not None:
        opts = {"color_by": color_by, **(project_options or {})}
        add(projects_layer(g, lang=lang, datum=datum, interactive=interactive, **opts), "projects")
    if (g := get("logistics_hubs")) is not None:
        add(
            facilities_layer(g, kind="hubs", lang=lang, datum=datum, interactive=interactive),
            "logistics_hubs",
        )
    if (g := get("monitoring_stations")) is not None:
        add(
            facilities_layer(g, kind="stations", lang=lang, datum=datum, interactive=interactive),
            "monitoring_stations",
        )
    for make in overlays:
        add(make(lang=lang, datum=datum))
    if (g := get("neighbours")) is not None:
        add(
            counties_layer(g, lang=lang, datum=datum, context=True, interactive=interactive),
            "neighbours",
        )

    sections = [(layer.legend_title, layer.legend) for layer in built]
    _Legend(_legend_html([*sections, _quality_legend(lang)], lang)).add_to(m)

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
    folium.LayerControl(position="topright", collapsed=True).add_to(m)

    bounds = None
    for key in ("counties", "city", "projects", "zones"):
        g = get(key)
        if g is not None:
            bounds = _bounds(_display(g, datum))
            break
    if bounds is None:
        for layer in built:
            if layer._bounds:
                bounds = layer._bounds
                break
    if bounds is not None:
        m.fit_bounds(bounds, padding=(10, 10))
    return m
