"""The stable map's pieces in geoapp.mapping: a base without legend, dynamic groups with the
legend, the river buffer alone, the display datum, the map tools."""

from __future__ import annotations

import json

import pytest

from geoapp import mapping
from geoapp.geo import wgs84_to_gcj02
from geoapp.layers import LayerSet


@pytest.fixture(scope="module")
def layers() -> LayerSet:
    return LayerSet.shipped()


def test_base_without_legend_keeps_its_sections(layers):
    m = mapping.build_map(layers, projects=layers["projects"].iloc[:0], legend=False)
    html = m.get_root().render()
    assert "geoapp.legend(" not in html
    names = [s[2] for s in m.geoapp_legend_sections]
    assert "县区界" in names and "项目" not in names
    shown = {s[2]: s[3] for s in m.geoapp_legend_sections}
    assert shown["周边县区"] is False  # off at first, so its legend section starts hidden
    # the tools: metric-only scale bar, the cursor readout, the layer control handed over
    assert "imperial: false" in html and "geoapp.mouse(" in html and "geoapp.control(" in html
    assert "control.scale" in html and html.count("L.control.scale") == 1


def test_dynamic_groups_bring_the_legend_and_join_the_layer_control(layers):
    base = mapping.build_map(layers, projects=layers["projects"].iloc[:0], legend=False)
    proj = mapping.projects_layer(layers["projects"].head(5), lang="zh")
    hidden = mapping.projects_layer(layers["projects"].head(2), lang="zh", name="隐藏")
    hidden.show = False
    groups = mapping.dynamic_groups(
        [proj, hidden], base_sections=base.geoapp_legend_sections, lang="zh"
    )
    assert len(groups) == 3 and not groups[0].control
    host = mapping.build_map(LayerSet({}), legend=False)
    for g in groups:
        g.add_to(host)
    js = host.get_root().render()
    assert js.count("geoapp.legend(") == 1
    flat = " ".join(js.split())
    assert "geoapp.dynamic(" in js
    assert f"{json.dumps('隐藏')}, false" in flat and f"{json.dumps('项目')}, true" in flat
    assert 'data-layer=\\"县区界\\" data-on=\\"1\\"' in js  # the legend knows its layers
    assert 'data-layer=\\"周边县区\\" data-on=\\"0\\"' in js


def test_river_buffer_layer_is_the_buffer_of_the_setting(layers):
    lay = mapping.river_buffer_layer(layers.river_buffer(2500.0), 2500.0, lang="en")
    assert "2500" in lay.layer_name and lay.spec["cls"] == "geoapp-river-buffer"
    assert lay.n_features >= 1
    both = mapping.river_layers(
        layers["yellow_river"], buffer=layers.river_buffer(2500.0), buffer_m=2500.0
    )
    assert [x.spec["cls"] for x in both] == ["geoapp-river", "geoapp-river-buffer"]


def test_to_display_is_the_inverse_of_to_wgs84():
    lon, lat = 115.03, 35.76
    assert mapping.to_display(lon, lat, basemap="none") == (lon, lat)
    x, y = mapping.to_display(lon, lat, basemap="gaode")
    gx, gy = wgs84_to_gcj02(lon, lat)
    assert (x, y) == pytest.approx((float(gx), float(gy)), abs=1e-12)
    assert mapping.to_wgs84(x, y, basemap="gaode") == pytest.approx((lon, lat), abs=1e-9)


def test_draw_and_measure_speak_chinese(layers):
    html = mapping.build_map(layers, draw=True, lang="zh").get_root().render()
    assert "geoapp.drawLocal(" in html and "绘制地块（多边形）" in html
    assert '"localization": "cn"' in html
    en = mapping.build_map(layers, draw=True, lang="en").get_root().render()
    assert "geoapp.drawLocal(" not in en and '"localization": "en"' in en


def test_the_stable_map_renders_the_base_once_per_key():
    from geoapp.app import stablemap as _stablemap

    calls = []

    def build():
        calls.append(1)
        return mapping.build_map(LayerSet.shipped(), legend=False)

    a = _stablemap._base_map.__wrapped__("k1", build)  # the uncached function
    assert "map_div" in a.script and a.legend_sections and calls == [1]
    js = _stablemap._feature_group_js(mapping.dynamic_groups([], lang="zh"))
    assert "map_div.addLayer(feature_group_feature_group_0)" in js
    assert "geoapp.legend(map_div" in js
