"""The 适宜性评价 page with streamlit.testing.v1.AppTest (the pattern of tests/test_app.py)."""

from __future__ import annotations

import re

import numpy as np
import pytest
from apptest import map_args, metrics
from apptest import run_page as open_page
from pyproj import Transformer
from streamlit.testing.v1 import AppTest

from geoapp.layers import load_layer
from geoapp.settings import APP_MAIN, DEFAULT_SITING
from geoapp.suitability import REQUIRED_LAYERS, SurfaceSpec, compute_surface, evaluate_points

pytestmark = pytest.mark.app

APP = str(APP_MAIN)
NAMES = REQUIRED_LAYERS  # the layers a surface reads


@pytest.fixture(scope="module")
def layers():
    return {n: load_layer(n) for n in NAMES}


def test_page_shows_surface_regions_summary_and_downloads(layers):
    at = run_page()
    assert at.title[0].value == "适宜性评价"
    chain = at.selectbox(key="suit_chain").value
    m = metrics(at)
    expected = compute_surface(layers, SurfaceSpec(chain, resolution_m=100))
    inside = expected.score >= 0
    assert float(m["平均得分"]) == pytest.approx(expected.score[inside].mean(), abs=0.051)
    suitable = ((expected.score >= 65) & (expected.rule == 0)).sum() * 0.01
    assert float(m["适宜面积(km²)"].replace(",", "")) == pytest.approx(suitable, abs=0.051)
    args = map_args(at)
    # a click gives a breakdown; the view comes back so the stable map keeps it
    assert args["returned_objects"] == ["last_clicked", "center", "zoom"]
    assert "geoapp-county" in args["script"]  # the base; the surface is a dynamic layer
    assert "data:image/png;base64," in (args["feature_group"] or "")  # the surface
    labels = [b.proto.label for b in at.get("download_button")]
    assert "下载 GeoTIFF" in labels
    if int(m["最佳区域"]) > 0:
        assert any("GeoJSON" in lab for lab in labels)
        assert "最佳区域" in (args["feature_group"] or "")
    county_table = [d.value for d in at.dataframe if "县区" in d.value.columns][-1]
    assert set(county_table["县区"]) == set(layers["counties"]["name"])


def test_moving_a_weight_recombines_the_surface(layers):
    at = run_page()
    chain = at.selectbox(key="suit_chain").value
    before = float(metrics(at)["平均得分"])
    base = map_args(at)
    at.slider(key="suit_w_hub_access").set_value(60).run()
    assert not at.exception, at.exception
    after = float(metrics(at)["平均得分"])
    # only the surface is sent again: same base script and component key, a new image
    moved = map_args(at)
    assert moved["script"] == base["script"] and moved["key"] == base["key"]
    image = re.compile(r"data:image/png;base64,[A-Za-z0-9+/=]+")
    assert image.findall(moved["feature_group"]) != image.findall(base["feature_group"])
    spec = SurfaceSpec(chain, resolution_m=100, weights={"hub_access": 60.0})
    expected = compute_surface(layers, spec).score
    assert after == pytest.approx(expected[expected >= 0].mean(), abs=0.051)
    assert after != before


def test_clicking_a_cell_shows_its_breakdown(layers):
    lon, lat = 115.03, 35.62
    at = run_page({"suit_clicked": {"lng": lon, "lat": lat}})
    chain = at.selectbox(key="suit_chain").value
    frames = [d.value for d in at.dataframe if "准则" in d.value.columns]
    assert frames and len(frames[0]) == 6
    x, y = Transformer.from_crs(4326, 4547, always_xy=True).transform(lon, lat)
    cx = (np.floor(x / 100) + 0.5) * 100  # the cell centre (the grid is snapped to 100 m)
    cy = (np.floor(y / 100) + 0.5) * 100
    ev = evaluate_points(
        np.array([cx]), np.array([cy]), chain=chain, layers=layers, settings=DEFAULT_SITING
    )
    assert float(metrics(at)["得分"]) == pytest.approx(ev["score"].iloc[0], abs=1e-6)
    assert frames[0]["得分"].sum() == pytest.approx(ev["score"].iloc[0], abs=0.06)


def run_page(state: dict | None = None) -> AppTest:
    """The 适宜性评价 page with session state set first."""
    return open_page("suitability", state=state)
