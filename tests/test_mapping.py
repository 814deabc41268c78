"""geoapp.mapping and geoapp.app.offline: layers, escaping, basemaps, offline assets, scale."""

from __future__ import annotations

import json
import re
import time
from functools import partial
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pytest
import shapely

from geoapp import mapping
from geoapp.app import offline
from geoapp.geo import random_points, to_metric, wgs84_to_gcj02
from geoapp.layers import LayerSet, load_layer
from geoapp.vocab import translate

URL = re.compile(r"""https?://[^\s"'<>\\)]+""")
ASSET = re.compile(r"""(?:src|href)=["']([^"']+)["']""")
XSS = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def vendor(tmp_path_factory) -> Path:
    """Assets vendored into a fresh folder, and folium patched."""
    dest = offline.vendor_assets(tmp_path_factory.mktemp("static") / "vendor")
    offline.patch_folium()
    return dest


@pytest.fixture(scope="module")
def layers() -> LayerSet:
    return LayerSet.shipped()


@pytest.fixture(scope="module")
def full_map(vendor, layers) -> folium.Map:
    """Every layer and every plugin the app uses (Draw included)."""
    return mapping.build_map(layers, basemap="none", draw=True)


def _layers_of(m: folium.Map) -> list[mapping.GeoappLayer]:
    return [c for c in m._children.values() if isinstance(c, mapping.GeoappLayer)]


def _layer(m: folium.Map, cls: str) -> mapping.GeoappLayer:
    found = [x for x in _layers_of(m) if x.spec.get("cls") == cls]
    assert len(found) == 1, [x.spec.get("cls") for x in _layers_of(m)]
    return found[0]


def _col(spec: dict, key: str) -> list:
    c = spec["cols"][key]
    return [c["v"][k] for k in c["k"]] if isinstance(c, dict) else list(c)


def _walk(element):
    """The elements streamlit-folium collects assets from (its own `walk`)."""
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


# --------------------------------------------------------------------------- offline
def test_vendor_assets_copies_every_folium_url(vendor):
    from offlinefolium.elements import _res
    from offlinefolium.features import _vres

    for url in {**_res, **_vres}:
        assert (vendor / offline.local_path(url)).is_file(), url
    leaflet = vendor / "cdn.jsdelivr.net/npm/leaflet@1.9.3/dist"
    assert (leaflet / "images" / "marker-icon.png").is_file()
    assert "data:image" not in (leaflet / "leaflet.css").read_text()  # the pristine css
    assert (vendor / "leaflet-icon-path.js").read_text().startswith("L.Icon.Default.imagePath")


def test_vendor_assets_is_idempotent_and_fast(vendor):
    stamp = vendor / ".geoapp-vendor.json"
    before = stamp.stat().st_mtime_ns
    t0 = time.perf_counter()
    assert offline.vendor_assets(vendor) == vendor
    assert time.perf_counter() - t0 < 0.2
    assert stamp.stat().st_mtime_ns == before
    offline.vendor_assets(vendor, force=True)  # a forced copy replaces it whole
    assert stamp.exists() and (vendor / "leaflet-icon-path.js").exists()


def test_patch_folium_is_idempotent(vendor):
    first = list(folium.Map.default_js)
    offline.patch_folium()
    offline.patch_folium()
    assert folium.Map.default_js == first
    assert sum(name == "leaflet_icon_path" for name, _ in folium.Map.default_js) == 1
    assert [n for n, _ in folium.Map.default_js][:2] == ["leaflet", "leaflet_icon_path"]


@pytest.mark.parametrize(
    ("basemap", "key", "allowed"),
    [
        ("none", None, ()),
        ("osm", None, ("tile.openstreetmap.org",)),
        ("gaode", None, ("is.autonavi.com",)),
        ("tianditu_vec", "abc123", ("tianditu.gov.cn",)),
        ("tianditu_img", "abc123", ("tianditu.gov.cn",)),
    ],
)
def test_map_html_references_no_remote_url_but_the_tiles(vendor, layers, basemap, key, allowed):
    m = mapping.build_map(layers, basemap=basemap, tianditu_key=key, draw=True)
    html = m.get_root().render()
    remote = set(URL.findall(html))
    assert all(any(host in u for host in allowed) for u in remote), remote
    if allowed:
        assert remote, "the basemap tiles should be referenced"
    # every local asset exists, in the page header and in what st_folium hands to its iframe
    assets = set(ASSET.findall(html))
    for el in _walk(m):
        assets.update(u for _, u in getattr(el, "default_js", []))
        assets.update(u for _, u in getattr(el, "default_css", []))
    assert assets
    for url in assets:
        assert url.startswith(offline.IFRAME_PREFIX), url
        assert (vendor / url[len(offline.IFRAME_PREFIX) :]).is_file(), url


def test_every_plugin_class_is_patched(vendor):
    import folium.elements

    for cls in offline._all_subclasses(folium.elements.JSCSSMixin):
        for attr in ("default_js", "default_css"):
            for _, url in cls.__dict__.get(attr, []):
                assert not url.startswith("http"), (cls.__name__, url)


def test_patch_streamlit_folium_rewrites_links():
    import streamlit_folium

    seen = {}
    original = streamlit_folium._component_func
    try:
        streamlit_folium._component_func = lambda *a, **kw: seen.update(kw)
        offline.patch_streamlit_folium()
        offline.patch_streamlit_folium()  # idempotent
        streamlit_folium._component_func(js_links=["https://d3js.org/d3.v4.min.js"], css_links=[])
        assert seen["js_links"] == [offline.IFRAME_PREFIX + "d3js.org/d3.v4.min.js"]
    finally:
        streamlit_folium._component_func = original


# --------------------------------------------------------------------------- layers
def test_full_map_has_every_layer_control_and_plugin(full_map):
    classes = {x.spec.get("cls") for x in _layers_of(full_map)}
    assert {
        "geoapp-county",
        "geoapp-zone",
        "geoapp-park",
        "geoapp-project",
        "geoapp-hubs",
        "geoapp-stations",
        "geoapp-river",
        "geoapp-river-buffer",
        "geoapp-city",
        "geoapp-neighbour",
    } <= classes
    kinds = {type(c).__name__ for c in full_map._children.values()}
    assert {"LayerControl", "Fullscreen", "_MeasureControl", "Draw", "_Legend"} <= kinds
    names = [c.layer_name for c in _layers_of(full_map)]
    assert "县区界" in names and "项目" in names


def test_counties_are_labelled(full_map):
    spec = _layer(full_map, "geoapp-county").spec
    labels = [f["properties"]["_label"] for f in spec["data"]["features"]]
    assert sorted(labels) == sorted(["华龙区", "清丰县", "南乐县", "范县", "台前县", "濮阳县"])
    assert spec["labels"] is True
    for f in spec["data"]["features"]:
        pt = shapely.Point(f["properties"]["_lx"], f["properties"]["_ly"])
        assert shapely.geometry.shape(f["geometry"]).buffer(1e-4).contains(pt)


def test_parks_are_drawn_above_the_chemical_base(full_map, layers):
    zones = _layer(full_map, "geoapp-zone").spec
    parks = _layer(full_map, "geoapp-park").spec
    assert mapping._PANES[parks["pane"]] > mapping._PANES[zones["pane"]]
    base = [f for f in zones["data"]["features"] if f["properties"]["name"] == "濮阳新型化工基地"]
    assert len(base) == 1
    inner = {f["properties"]["name"] for f in parks["data"]["features"]}
    children = set(layers["zones"].loc[layers["zones"]["parent"] == "濮阳新型化工基地", "name"])
    assert children and children <= inner
    base_style = zones["styles"][base[0]["properties"]["_s"]]
    park_styles = {
        json.dumps(parks["styles"][f["properties"]["_s"]], sort_keys=True)
        for f in parks["data"]["features"]
        if f["properties"]["name"] in children
    }
    assert all(json.loads(s)["color"] != base_style["color"] for s in park_styles)
    assert base_style["weight"] > max(json.loads(s)["weight"] for s in park_styles)


def test_schematic_positions_are_hollow_and_dashed_and_stated(full_map):
    spec = _layer(full_map, "geoapp-project").spec
    styles = [spec["styles"][i] for i in _col(spec, "_s")]
    assert all(s["fillColor"] == "#ffffff" and s.get("dashArray") for s in styles)  # all schematic
    assert set(_col(spec, "location_quality")) == {"示意（非实测位置）"}
    hubs = _layer(full_map, "geoapp-hubs").spec
    assert all(hubs["styles"][i]["hollow"] for i in _col(hubs, "_s"))
    legend = next(c for c in full_map._children.values() if type(c).__name__ == "_Legend")
    assert "示意位置" in json.loads(legend.html_json) and "实测位置" in json.loads(legend.html_json)


def test_surveyed_points_are_filled(vendor, layers):
    p = layers["projects"].head(5).copy()
    p["location_quality"] = "surveyed"
    spec = mapping.projects_layer(p).spec
    assert all(spec["styles"][i]["fillColor"] != "#ffffff" for i in _col(spec, "_s"))
    assert all("dashArray" not in spec["styles"][i] for i in _col(spec, "_s"))


def test_projects_coloured_by_stage_and_sized_by_investment(vendor, layers):
    p = layers["projects"]
    spec = mapping.projects_layer(p, color_by="stage").spec
    colors = [spec["styles"][i]["color"] for i in _col(spec, "_s")]
    for stage, color in zip(p["stage"], colors):
        assert color == mapping.STAGE_COLORS.get(stage if isinstance(stage, str) else "未注明")
    radius = np.array(_col(spec, "_r"))
    inv = p["investment_yi"].to_numpy()
    known = ~np.isnan(inv)
    assert radius[~known].max() == radius.min() == 4.0
    assert radius[known][np.argmax(inv[known])] == radius.max() == 16.0


def test_attribute_text_is_escaped(vendor, layers):
    p = layers["projects"].head(3).copy()
    p.loc[p.index[0], "name"] = XSS
    p.loc[p.index[1], "company"] = "A & B \"quoted\" 'x'"
    z = layers["zones"].head(2).copy()
    z.loc[z.index[0], "name"] = XSS
    m = mapping.build_map(LayerSet({"projects": p, "zones": z, "counties": layers["counties"]}))
    html = m.get_root().render()
    assert XSS not in html and "<script>alert" not in html and "alert(1)</script" not in html
    spec = _layer(m, "geoapp-project").spec
    assert _col(spec, "name")[0] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert _col(spec, "company")[1] == "A &amp; B &quot;quoted&quot; &#x27;x&#x27;"
    zones = [f["properties"]["name"] for f in _layer(m, "geoapp-zone").spec["data"]["features"]]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in zones
    # the JSON in the page has no raw "<", so no "</script>" can end the script block
    for layer in _layers_of(m):
        assert "<" not in layer.spec_json and ">" not in layer.spec_json


def test_layer_names_from_users_are_escaped(vendor, layers):
    layer = mapping.projects_layer(layers["projects"].head(2), name=XSS)
    assert layer.layer_name == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_river_buffer_is_computed_in_metres(vendor, layers):
    river = layers["yellow_river"]
    buf = layers.river_buffer(1000.0)
    assert buf.crs.to_epsg() == 4326
    line_m = shapely.union_all(np.asarray(to_metric(river.geometry).array))
    poly_m = to_metric(buf.geometry).iloc[0]
    rng = np.random.default_rng(7)
    along = line_m.interpolate(rng.uniform(0, line_m.length, 400))
    pts = shapely.points(
        shapely.get_x(along) + rng.uniform(-1500, 1500, 400),
        shapely.get_y(along) + rng.uniform(-1500, 1500, 400),
    )
    d = shapely.distance(line_m, pts)
    clear = np.abs(d - 1000) > 15  # away from the (chorded, simplified) edge
    assert clear.sum() > 300 and (d < 1000).sum() > 50 and (d > 1000).sum() > 50
    np.testing.assert_array_equal(shapely.contains(poly_m, pts)[clear], (d < 1000)[clear])
    drawn = mapping.river_layers(river, buffer=layers.river_buffer(2000.0), buffer_m=2000)
    assert drawn[1].layer_name.startswith("黄河岸线管控范围（2000")


def test_gaode_shifts_overlays_only_for_display(vendor, layers):
    p = layers["projects"].head(5)
    plain = mapping.build_map(LayerSet({"projects": p}), basemap="none")
    gaode = mapping.build_map(LayerSet({"projects": p}), basemap="gaode")
    a, b = _layer(plain, "geoapp-project").spec, _layer(gaode, "geoapp-project").spec
    gx, gy = wgs84_to_gcj02(np.array(a["x"]), np.array(a["y"]))
    np.testing.assert_allclose(b["x"], gx, atol=2e-6)
    np.testing.assert_allclose(b["y"], gy, atol=2e-6)
    shift = to_metric(gpd.GeoSeries(gpd.points_from_xy(a["x"], a["y"]), crs=4326)).distance(
        to_metric(gpd.GeoSeries(gpd.points_from_xy(b["x"], b["y"]), crs=4326))
    )
    assert ((shift > 400) & (shift < 700)).all()
    assert p.geometry.equals(layers["projects"].head(5).geometry)  # input untouched
    lon, lat = mapping.to_wgs84(b["x"][0], b["y"][0], basemap="gaode")
    assert abs(lon - a["x"][0]) < 1e-5 and abs(lat - a["y"][0]) < 1e-5
    assert mapping.to_wgs84(115.0, 35.7, basemap="osm") == (115.0, 35.7)


def test_tianditu_needs_the_users_key(vendor, layers):
    with pytest.raises(ValueError, match="tianditu_key"):
        mapping.build_map(LayerSet({"counties": layers["counties"]}), basemap="tianditu_vec")
    html = (
        mapping.build_map(
            LayerSet({"counties": layers["counties"]}),
            basemap="tianditu_img",
            tianditu_key="my-key!",
        )
        .get_root()
        .render()
    )
    assert "img_w/wmts" in html and "cia_w/wmts" in html and "tk=mykey" in html


def test_bad_arguments_are_named(vendor, layers):
    with pytest.raises(TypeError, match="LayerSet"):
        mapping.build_map({"yellow_river": layers["yellow_river"]})
    with pytest.raises(ValueError, match="`basemap`"):
        mapping.build_map(layers, basemap="baidu")
    with pytest.raises(ValueError, match="`lang`"):
        mapping.build_map(layers, lang="fr")


def test_english_labels(vendor, layers):
    m = mapping.build_map(
        LayerSet({"counties": layers["counties"], "projects": layers["projects"]}), lang="en"
    )
    legend = json.loads(
        next(c for c in m._children.values() if type(c).__name__ == "_Legend").html_json
    )
    assert "Legend" in legend and "Schematic position" in legend
    spec = _layer(m, "geoapp-project").spec
    assert ["Name", "name"] in spec["rows"]
    assert translate("覆盖分析", "en") == "Coverage"


def test_analysis_overlays(vendor, layers):
    from geoapp.clustering import cluster_sites

    res = cluster_sites(layers["projects"], layers=layers)
    cand = (
        layers["projects"]
        .head(3)[["name", "chain", "geometry"]]
        .assign(verdict=["recommended", "prohibited", "feasible"], score=[80.0, 10.0, 50.0])
    )
    m = mapping.build_map(
        LayerSet({"counties": layers["counties"]}),
        projects=res.sites,
        color_by="cluster_label",
        overlays=[
            partial(mapping.hull_layer, res.hulls),
            partial(mapping.service_area_layer, layers["logistics_hubs"], 20_000),
            partial(mapping.candidates_layer, cand),
            partial(mapping.facilities_layer, layers["logistics_hubs"].head(2), kind="new"),
        ],
    )
    classes = [x.spec.get("cls") for x in _layers_of(m)]
    assert {"geoapp-hull", "geoapp-service", "geoapp-candidate", "geoapp-new"} <= set(classes)
    c = _layer(m, "geoapp-candidate").spec
    colors = [c["styles"][i]["fillColor"] for i in _col(c, "_s")]
    assert colors == [mapping.VERDICT_COLORS[v] for v in cand["verdict"]]


# --------------------------------------------------------------------------- scale
def synthetic_projects(n: int, seed: int = 0) -> gpd.GeoDataFrame:
    """``n`` seeded project points inside the city, attributes drawn from the shipped ones."""
    projects, city = load_layer("projects"), load_layer("city").geometry.iloc[0]
    rng = np.random.default_rng(seed)
    x, y = random_points(city, n, rng=rng)
    rows = (
        projects.drop(columns="geometry")
        .iloc[rng.integers(0, len(projects), n)]
        .reset_index(drop=True)
    )
    rows["name"] = [f"项目{i}" for i in range(n)]
    rows["investment_yi"] = np.round(rng.gamma(2.0, 5.0, n), 1)
    return gpd.GeoDataFrame(rows, geometry=gpd.points_from_xy(x, y), crs=4326)


def test_5000_points_are_one_canvas_layer(vendor, layers):
    big = synthetic_projects(5000)
    m = mapping.build_map(layers, projects=big)
    html = m.get_root().render()
    spec = _layer(m, "geoapp-project").spec
    assert len(spec["x"]) == 5000 and spec["canvas"] is True
    assert not any(isinstance(e, (folium.Marker, folium.CircleMarker)) for e in _walk(m))
    assert len(html.encode()) < 1_500_000  # ≈ 0.2 KB per point all told
    small = _layer(
        mapping.build_map(LayerSet({"projects": layers["projects"]})), "geoapp-project"
    ).spec
    assert small["canvas"] is False  # few points stay SVG (clickable DOM paths)


def test_cluster_hulls_and_sites_share_colours(vendor, layers):
    from geoapp.clustering import cluster_sites

    res = cluster_sites(layers["projects"], layers=layers)
    sites = mapping.projects_layer(res.sites, color_by="cluster_label").spec
    hulls = mapping.hull_layer(res.hulls).spec
    site_color = {
        lab: sites["styles"][s]["color"]
        for lab, s in zip(res.sites["cluster_label"], _col(sites, "_s"))
    }
    for f in hulls["data"]["features"]:
        label = f["properties"]["cluster_label"]
        assert hulls["styles"][f["properties"]["_s"]]["color"] == site_color[label]
    legend = [
        label for _, label in mapping.projects_layer(res.sites, color_by="cluster_label").legend
    ]
    assert legend.index("C2") < legend.index("C10") if "C10" in legend else True
