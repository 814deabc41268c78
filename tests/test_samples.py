"""The sample layers built from the seeds: areas, containment, spacing, provenance."""

from __future__ import annotations

import re

import numpy as np
import pytest
from pyproj import Geod
from scipy.spatial import cKDTree

from geoapp.catalog import load_layer
from geoapp.coords import to_metric
from geoapp.settings import ROOT

SEEDS = ROOT / "data" / "seeds"  # copies of ../shared/seeds/*.txt, so citations resolve in the repo
POINT_LAYERS = ("projects", "logistics_hubs", "monitoring_stations")
CITATION = re.compile(r"seeds/([\w.]+\.txt):L(\d+)(?:-(\d+))?")


@pytest.fixture(scope="module")
def zones():
    return load_layer("zones")


def test_chemical_base_is_65_km2(zones):
    base = zones[zones["name"] == "濮阳新型化工基地"]
    assert len(base) == 1
    assert 64 <= to_metric(base).area.iloc[0] / 1e6 <= 66
    geodesic = abs(Geod(ellps="WGS84").geometry_area_perimeter(base.geometry.iloc[0])[0])
    assert 64 <= geodesic / 1e6 <= 66
    assert base["area_km2"].iloc[0] == 65


def test_parks_nest_inside_their_parent(zones):
    zm = to_metric(zones).set_index("name")
    nested = zm[zm["parent"].notna()]
    assert {"聚碳新材料科技园", "绿色涂料产业园"} <= set(
        nested.index[nested["parent"] == "濮阳新型化工基地"]
    )
    for name, row in nested.iterrows():
        assert zm.geometry[row["parent"]].contains(row.geometry), name


def test_zones_lie_inside_their_county(zones, counties):
    cm = to_metric(counties).set_index("name").geometry
    zm = to_metric(zones)
    stated = zm[zm["county"].notna()]
    assert len(stated[stated["kind"] == "先进制造业开发区"]) >= 3
    inside = [cm[c].buffer(1).contains(g) for c, g in zip(stated["county"], stated.geometry)]
    assert all(inside)


def test_top_level_zones_do_not_overlap(zones):
    top = to_metric(zones[zones["parent"].isna()])
    pairs = top.sindex.query(top.geometry, predicate="intersects")
    assert (pairs[0] == pairs[1]).all()


@pytest.mark.parametrize("layer", POINT_LAYERS)
def test_points_inside_stated_container_and_not_stacked(layer, zones, counties, city):
    pts = to_metric(load_layer(layer))
    zm = to_metric(zones).set_index("name").geometry
    cm = to_metric(counties).set_index("name").geometry
    for _, row in pts.iterrows():
        if isinstance(row.get("zone"), str) and row["zone"] in zm:
            assert zm[row["zone"]].contains(row.geometry), row["name"]
        elif isinstance(row.get("county"), str):
            assert cm[row["county"]].contains(row.geometry), row["name"]
        assert to_metric(city).geometry.iloc[0].contains(row.geometry)
    xy = np.column_stack([pts.geometry.x, pts.geometry.y])
    d, _ = cKDTree(xy).query(xy, k=2)
    assert d[:, 1].min() >= 100


def test_at_least_80_projects_with_pipeline_attributes():
    p = load_layer("projects")
    assert len(p) >= 80
    assert p["id"].is_unique
    assert p["stage"].dropna().isin(["谋划", "签约", "开工", "在建", "投产"]).all()
    assert p["stage"].notna().sum() >= 60
    assert p["investment_yi"].dropna().gt(0).all()


@pytest.mark.parametrize("layer", ("zones", *POINT_LAYERS))
def test_every_feature_is_schematic_and_cites_a_real_seed_line(layer):
    gdf = load_layer(layer)
    assert (gdf["location_quality"] == "schematic").all()
    lengths = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in SEEDS.glob("*.txt")}
    for src in gdf["source"]:
        cites = CITATION.findall(src)
        assert cites, src
        for file, start, end in cites:
            assert file in lengths, src
            assert 1 <= int(start) <= int(end or start) <= lengths[file], src


def test_data_rebuilds_byte_for_byte(tmp_path):
    """`data/build_boundaries.py` + `data/build_samples.py` regenerate the shipped files exactly."""
    import importlib.util

    def module(name):
        spec = importlib.util.spec_from_file_location(name, ROOT / "data" / f"{name}.py")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod

    module("build_boundaries").build(tmp_path)
    module("build_samples").build(tmp_path)
    for name in ("counties", "city", "neighbours", "yellow_river", *POINT_LAYERS, "zones"):
        built = (tmp_path / f"{name}.geojson").read_bytes()
        assert built == (ROOT / "data" / f"{name}.geojson").read_bytes(), name
