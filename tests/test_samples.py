"""The sample layers built from the seeds: areas, containment, spacing, provenance."""

from __future__ import annotations

import re

import numpy as np
import pytest
from pyproj import Geod
from scipy.spatial import cKDTree

from geoapp.geo import to_metric
from geoapp.layers import load_layer
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


def test_top_level_zones_do_not_overlap_except_the_stated_containment(zones):
    """Only 工业园区 overlaps a top-level zone: it holds the base's 绿色涂料产业园 (002 L543)."""
    top = to_metric(zones[zones["parent"].isna()]).reset_index(drop=True)
    pairs = top.sindex.query(top.geometry, predicate="intersects")
    names = top["name"].to_numpy()
    overlapping = {frozenset((names[a], names[b])) for a, b in zip(*pairs, strict=True) if a != b}
    assert overlapping == {frozenset(("工业园区", "濮阳新型化工基地"))}
    zm = to_metric(zones).set_index("name").geometry
    assert zm["工业园区"].contains(zm["绿色涂料产业园"])
    assert zm["濮阳新型化工基地"].contains(zm["绿色涂料产业园"])


def test_chemical_base_spans_both_hinted_counties(zones, counties):
    """The base's hint (seed 002 L479) ties it to 濮阳县 and 范县: it is drawn across both."""
    base = to_metric(zones[zones["name"] == "濮阳新型化工基地"]).geometry.iloc[0]
    cm = to_metric(counties).set_index("name").geometry
    shares = {c: cm[c].intersection(base).area / base.area for c in ("濮阳县", "范县")}
    assert all(v >= 0.2 for v in shares.values()), shares
    assert sum(shares.values()) == pytest.approx(1.0, abs=1e-6)


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
    published = gdf["placed_in"].eq("published")
    assert (gdf.loc[~published, "location_quality"] == "schematic").all()
    gdf = gdf[~published]
    lengths = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in SEEDS.glob("*.txt")}
    for src in gdf["source"]:
        cites = CITATION.findall(src)
        assert cites, src
        for file, start, end in cites:
            assert file in lengths, src
            assert 1 <= int(start) <= int(end or start) <= lengths[file], src


@pytest.mark.slow
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


def test_national_air_stations_at_their_published_coordinates():
    """The 5 national air stations: approximate, at the published lon/lat, citing that row."""
    import pandas as pd

    ref_path = ROOT / "data" / "reference" / "puyang_national_air_stations.csv"
    ref = pd.read_csv(ref_path, dtype={"station_code": str})
    lines = ref_path.read_text(encoding="utf-8").splitlines()
    st = load_layer("monitoring_stations")
    pub = st[st["placed_in"] == "published"].set_index("station_code")
    assert sorted(pub.index) == sorted(ref["station_code"])
    assert (pub["location_quality"] == "approximate").all()
    assert (pub["kind"] == "air").all()
    for _, row in ref.iterrows():
        feat = pub.loc[row["station_code"]]
        assert feat.geometry.x == pytest.approx(row["lon"], abs=1e-6)
        assert feat.geometry.y == pytest.approx(row["lat"], abs=1e-6)
        m = re.fullmatch(r"reference/puyang_national_air_stations\.csv:L(\d+)", feat["source"])
        assert m, feat["source"]
        assert lines[int(m.group(1)) - 1].startswith(row["station_code"] + ",")
    # the garbled name is not used
    assert not pub["name"].str.contains("紭").any()
