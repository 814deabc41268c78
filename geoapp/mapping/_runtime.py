"""The page runtime: JavaScript, CSS, Leaflet panes and the folium elements that carry them.

Every map gets one :class:`_Runtime` (the panes, a small ``window.geoapp``
runtime and the CSS); each overlay is one :class:`GeoappLayer` whose compact
spec the runtime turns into Leaflet objects; :class:`_Legend` and
:class:`_MeasureControl` are the legend control and a URL-free Measure
plugin. :func:`safe_json` serialises data for inline ``<script>``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any, Literal

import folium
import folium.plugins
from branca.element import MacroElement
from folium.template import Template

#: Point layers with more features than this are drawn on a canvas instead of SVG.
CANVAS_THRESHOLD = 1_000

# Leaflet panes: name -> z-index (overlayPane is 400, markerPane 600).
_PANES = {
    "geoapp-context": 401,
    "geoapp-surface": 402,
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
    r"""Compact JSON that is safe inside an HTML ``<script>`` (no ``<``, ``>``, ``&``, ``'``).

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
  // A raster (a suitability surface): one image stretched between two corners, no events.
  g.image = function (spec) {
    var group = L.featureGroup();
    group.addLayer(L.imageOverlay(spec.url, spec.bounds, {
      pane: spec.pane, className: spec.cls, opacity: spec.opacity || 1, interactive: false
    }));
    return group;
  };
  g.legendSync = function (map, div) {
    var on = map._geoappOn || {};
    var secs = div.querySelectorAll('[data-layer]');
    for (var i = 0; i < secs.length; i++) {
      var name = secs[i].getAttribute('data-layer');
      var shown = Object.prototype.hasOwnProperty.call(on, name) ? on[name] : secs[i].getAttribute('data-on') === '1';
      secs[i].style.display = shown ? '' : 'none';
    }
  };
  // One legend per map: a new one (the dynamic layers changed) replaces the old; its
  // sections follow the layers switched on in the layer control.
  g.legend = function (map, htmlText, position) {
    if (map._geoappLegend) { map.removeControl(map._geoappLegend); }
    g.dynamicReset(map);
    if (!map._geoappOn) {
      map._geoappOn = {};
      map.on('overlayadd overlayremove', function (e) {
        if (!g.userToggle(map)) { return; }
        map._geoappOn[e.name] = (e.type === 'overlayadd');
        var c = map._geoappLegend;
        if (c && c._container) { g.legendSync(map, c._container); }
      });
    }
    var c = L.control({position: position});
    c.onAdd = function () {
      var div = L.DomUtil.create('div', 'geoapp-legend leaflet-control');
      div.innerHTML = htmlText;
      g.legendSync(map, div);
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    c.addTo(map);
    map._geoappLegend = c;
    return c;
  };
  // The base map's layer control, so dynamic layers (a stable map's changing part) join it.
  g.control = function (map, ctl) { map._geoappControl = ctl; };
  g.userToggle = function (map) {
    var ctl = map._geoappControl;
    return !ctl || ctl._handlingClick;
  };
  g.dynamicReset = function (map) {
    var ctl = map._geoappControl, dyn = map._geoappDyn || [];
    for (var i = 0; i < dyn.length; i++) {
      if (ctl) { ctl.removeLayer(dyn[i]); }
      if (map.hasLayer(dyn[i])) { map.removeLayer(dyn[i]); }
    }
    map._geoappDyn = [];
    window.geoappDynamicCount = (window.geoappDynamicCount || 0) + 1;  // read by the benchmark
  };
  g.dynamic = function (map, fg, name, shown) {
    var ctl = map._geoappControl, on = map._geoappOn || {};
    map._geoappDyn = map._geoappDyn || [];
    map._geoappDyn.push(fg);
    if (ctl) { ctl.addOverlay(fg, name); }
    var want = Object.prototype.hasOwnProperty.call(on, name) ? on[name] : shown;
    if (!want) { setTimeout(function () { map.removeLayer(fg); }, 0); }
  };
  // In streamlit-folium's frame, a map click is reported at once instead of after the
  // component's 250 ms debounce: the same value, built as its updateComponentValue does
  // (same keys, same order), so its own delayed report finds nothing new and sends nothing.
  g.fastClick = function (map) {
    map.on('click', function (e) {
      var gd = window.__GLOBAL_DATA__, S = window.Streamlit;
      if (!gd || !S || !gd.returned_objects || gd.returned_objects.indexOf('last_clicked') < 0 ||
          gd.wrap_longitude) { return; }
      gd.lat_lng_clicked = e.latlng;
      var all = {
        last_clicked: e.latlng, last_object_clicked: gd.last_object_clicked,
        last_object_clicked_count: gd.last_object_clicked_count,
        last_object_clicked_tooltip: gd.last_object_clicked_tooltip,
        last_object_clicked_popup: gd.last_object_clicked_popup,
        all_drawings: gd.all_drawings, last_active_drawing: gd.last_active_drawing,
        last_geocoder_result: gd.last_geocoder_result, bounds: map.getBounds(),
        zoom: map.getZoom(), last_circle_radius: gd.last_circle_radius,
        last_circle_polygon: gd.last_circle_polygon, center: map.getCenter(),
        selected_layers: Object.values(gd.selected_layers || {}), selected_tags: gd.selected_tags
      };
      var data = {};
      Object.keys(all).forEach(function (k) {
        if (gd.returned_objects.indexOf(k) >= 0) { data[k] = all[k]; }
      });
      if (JSON.stringify(gd.previous_data) !== JSON.stringify(data)) {
        gd.previous_data = data;
        S.setComponentValue(data);
      }
    });
  };
  // The cursor's coordinates (lon, lat in the map's datum), bottom left.
  g.mouse = function (map, label) {
    var c = L.control({position: 'bottomleft'});
    c.onAdd = function () {
      var div = L.DomUtil.create('div', 'geoapp-mouse leaflet-control');
      div.textContent = label;
      map.on('mousemove', function (e) {
        div.textContent = label + ' ' + e.latlng.lng.toFixed(5) + ', ' + e.latlng.lat.toFixed(5);
      });
      return div;
    };
    c.addTo(map);
    return c;
  };
  // Leaflet.draw's texts in the planner's language (a nested object merged into L.drawLocal).
  g.drawLocal = function (texts) {
    if (!window.L || !L.drawLocal) { return; }
    var merge = function (dst, src) {
      for (var k in src) {
        if (typeof src[k] === 'object' && dst[k]) { merge(dst[k], src[k]); } else { dst[k] = src[k]; }
      }
    };
    merge(L.drawLocal, texts);
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
  box-shadow: 0 1px 5px rgba(0,0,0,0.35); max-height: calc(100vh - 80px); overflow-y: auto;
  max-width: 230px;
  font: 11.5px/1.25 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #222; }
.geoapp-mouse { background: rgba(255,255,255,0.85); padding: 1px 6px; border-radius: 3px;
  font: 11px/1.4 monospace; color: #333; min-width: 150px; }
.geoapp-legend summary { font-weight: 700; font-size: 13px; cursor: pointer; }
.geoapp-legend .geoapp-legend-head { font-weight: 700; margin-top: 5px; }
.geoapp-legend .geoapp-legend-row { display: flex; align-items: center; gap: 5px; margin: 1px 0; }
.geoapp-legend svg { flex: none; }
.leaflet-top.leaflet-right { z-index: 1001; }  /* the layer list above the legend */
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
        geoapp.fastClick({{ this._parent.get_name() }});
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
        ``"points"``, ``"shapes"`` or ``"image"`` (one raster between two corners).
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
        kind: Literal["points", "shapes", "image"],
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
        if self.kind == "image":
            return 1
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


def _map_name(element: Any) -> str:
    """The JavaScript name of the map an element is (eventually) added to."""
    node = element._parent
    while node is not None and not isinstance(node, folium.Map):
        node = getattr(node, "_parent", None)
    if node is None:
        msg = "the legend must be added to a folium.Map or to a layer on one"
        raise ValueError(msg)
    return node.get_name()


class _Legend(MacroElement):
    """The legend control; added to the map, or to a dynamic feature group on it.

    A legend added later replaces the earlier one (see ``geoapp.legend`` in the
    runtime), so the dynamic layers of a stable map bring their own.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geoapp.legend({{ this.map_name }}, {{ this.html_json }}, {{ this.position|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, html_text: str, position: str = "bottomright") -> None:
        super().__init__()
        self._name = "GeoappLegend"
        self.html_json = safe_json(html_text)
        self.position = position

    @property
    def map_name(self) -> str:
        """The map's JavaScript name."""
        return _map_name(self)


class _MapTools(MacroElement):
    """The metric scale bar, the cursor readout and the Draw texts in the UI language."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.control.scale({metric: true, imperial: false, position: 'bottomleft'})
          .addTo({{ this._parent.get_name() }});
        geoapp.mouse({{ this._parent.get_name() }}, {{ this.mouse_label|tojson }});
        {%- if this.draw_texts %}
        geoapp.drawLocal({{ this.draw_texts_json }});
        {%- endif %}
        {% endmacro %}
        """
    )

    def __init__(self, mouse_label: str, draw_texts: dict[str, Any] | None = None) -> None:
        super().__init__()
        self._name = "GeoappMapTools"
        self.mouse_label = mouse_label
        self.draw_texts = draw_texts
        self.draw_texts_json = safe_json(draw_texts or {})


class _ControlRef(MacroElement):
    """Hands the map's layer control to the runtime (``geoapp.control``)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geoapp.control({{ this._parent.get_name() }}, {{ this.control.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, control: folium.LayerControl) -> None:
        super().__init__()
        self._name = "GeoappControlRef"
        self.control = control


class _DynamicLayer(MacroElement):
    """Registers a dynamic feature group with the runtime (layer control, on/off state)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geoapp.dynamic({{ this.map_name }}, {{ this._parent.get_name() }},
          {{ this.layer_name|tojson }}, {{ this.shown|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, layer_name: str, shown: bool) -> None:
        super().__init__()
        self._name = "GeoappDynamicLayer"
        self.layer_name = layer_name
        self.shown = bool(shown)

    @property
    def map_name(self) -> str:
        """The map's JavaScript name."""
        return _map_name(self)
