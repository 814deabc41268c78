"""The suitability surface against independent computations (evaluate_sites, shapely, GDAL)."""

from __future__ import annotations

import json
import subprocess

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import rasterio
import shapely
from affine import Affine
from typer.testing import CliRunner

from geoapp.cli import app
from geoapp.executor import map_tiles
from geoapp.geo import to_metric
from geoapp.layers import load_layer
from geoapp.settings import DEFAULT_SITING
from geoapp.siting import evaluate_sites
from geoapp.suitability import (
    CRITERIA,
    REQUIRED_LAYERS,
    Categories,
    Grid,
    Inverse,
    Linear,
    SurfaceSpec,
    Threshold,
    compute_surface,
    criteria_grid,
    evaluate_parquet,
    evaluate_points,
    find_regions,
    parse_transform,
    parse_weights,
    polygon_codes,
    prepare_inputs,
    regions_from_arrays,
    siting_layers,
)

NAMES = REQUIRED_LAYERS  # the layers a surface reads


@pytest.fixture(scope="module")
def layers():
    return {n: load_layer(n) for n in NAMES}


@pytest.fixture(scope="module")
def constraints(layers):
    """A red line and a chemical-only water-source area that overlap, around two zones."""
    zones = to_metric(layers["zones"])
    a = zones.geometry.iloc[0].centroid.buffer(4000)
    b = zones.geometry.iloc[3].centroid.buffer(3000).union(a.centroid.buffer(2500))
    gdf = gpd.GeoDataFrame(
        {"name": ["生态保护红线", "饮用水水源保护区"]}, geometry=[a, b], crs=4547
    ).to_crs(4326)
    return gdf


@pytest.fixture(scope="module")
def with_constraints(layers, constraints):
    return {**layers, "constraints": constraints}


@pytest.fixture(scope="module")
def dask_client():
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def sample_cells(score: np.ndarray, inputs, grid: Grid, n: int, seed: int) -> np.ndarray:
    """``n`` inside cells: half uniform, a quarter in zones, a quarter within 3 km of the river."""
    rng = np.random.default_rng(seed)
    inside = np.argwhere(score >= 0)
    x = grid.left + (inside[:, 1] + 0.5) * grid.res
    y = grid.top - (inside[:, 0] + 0.5) * grid.res
    in_zone = shapely.contains_xy(shapely.union_all(inputs.zone_geoms), x, y)
    near_river = shapely.distance(shapely.points(x, y), inputs.river) < 3000
    picks = [
        rng.choice(len(inside), n // 2, replace=False),
        rng.choice(np.flatnonzero(in_zone), n // 4, replace=False),
        rng.choice(np.flatnonzero(near_river), n - n // 2 - n // 4, replace=False),
    ]
    return inside[np.concatenate(picks)]


# --------------------------------------------------------------------------- equality with siting
@pytest.mark.parametrize("chain", ["聚碳新材料", "氢能"])
@pytest.mark.slow
def test_cells_equal_evaluate_sites_at_their_centres(with_constraints, chain):
    spec = SurfaceSpec(chain, resolution_m=100)
    res = compute_surface(with_constraints, spec, tile=256)
    inputs = prepare_inputs(with_constraints, chain=chain, settings=DEFAULT_SITING)
    cells = sample_cells(res.score, inputs, res.grid, 1000, seed=11)
    g = res.grid
    x = g.left + (cells[:, 1] + 0.5) * g.res
    y = g.top - (cells[:, 0] + 0.5) * g.res
    ev = evaluate_points(x, y, chain=chain, layers=with_constraints, settings=DEFAULT_SITING)
    score = res.score[cells[:, 0], cells[:, 1]]
    np.testing.assert_array_equal(score, ev["score"].to_numpy().astype(np.float32))
    # the rule band: the lowest code among the rules evaluate_sites reports
    code_of = {r.id: r.code for r in res.rule_codes}
    expected = ev["violations"].map(lambda ids: min((code_of[i] for i in ids), default=0))
    np.testing.assert_array_equal(res.rule[cells[:, 0], cells[:, 1]], expected.to_numpy())
    assert expected.gt(0).sum() > 20  # rules were exercised
    assert ev["chain_match"].sum() > 20 and ev["zone"].notna().sum() > 200
    if chain == "氢能":  # not chemical: only the red line (applies to all) fails
        assert set(expected.unique()) <= {0, code_of["user_constraint:生态保护红线"]}
    else:
        assert {1, 2, 3} <= set(expected.unique())


def test_criteria_grid_recombines_to_the_same_surface(layers):
    spec = SurfaceSpec("聚碳新材料", resolution_m=250)
    res = compute_surface(layers, spec)
    cg = criteria_grid(layers, chain="聚碳新材料", resolution_m=250)
    np.testing.assert_array_equal(cg.score(spec), res.score)
    np.testing.assert_array_equal(cg.rule_band, res.rule)
    # new weights: the weighted sum computed independently from the raw criteria
    w = {"hub_access": 50.0, "river_distance": 20.0}
    spec2 = SurfaceSpec(
        "聚碳新材料", resolution_m=250, weights=w, transforms={"station_access": Inverse(2000.0)}
    )
    got = cg.score(spec2)
    crit = cg.criteria
    ins = crit.inside
    weights = {**dict(DEFAULT_SITING.weights), "river_distance": 0.0, **w}
    total = sum(weights.values())
    s = DEFAULT_SITING
    parts = {
        "zone_chain_match": crit.zone_chain_match[ins].astype(float),
        "hub_access": np.clip(
            (s.hub_zero_score_m - crit.hub_distance_m[ins])
            / (s.hub_zero_score_m - s.hub_full_score_m),
            0,
            1,
        ),
        "station_access": 2000.0 / np.maximum(crit.station_distance_m[ins], 2000.0),
        "chain_agglomeration": np.minimum(crit.same_chain_nearby[ins] / 5.0, 1.0),
        "in_zone": crit.in_zone[ins].astype(float),
        "river_distance": np.clip((crit.river_distance_m[ins] - 1000.0) / 4000.0, 0, 1),
    }
    expected = sum(parts[c] * weights[c] for c in CRITERIA) / total * 100
    np.testing.assert_allclose(got[ins], np.round(expected, 1), atol=0.051)
    river = shapely.distance(
        shapely.points(*[a[ins] for a in cg.grid.centres(cg.grid.full())]), cg.inputs.river
    )
    np.testing.assert_allclose(crit.river_distance_m[ins], river)
    bd = cg.breakdown(*np.argwhere(ins)[100], spec2)
    assert list(bd["criterion"]) == list(CRITERIA)
    assert bd["points"].sum() == pytest.approx(got[tuple(np.argwhere(ins)[100])], abs=0.051)


# --------------------------------------------------------------------------- building blocks
def test_polygon_codes_equal_shapely_on_every_centre():
    res = 10.0
    transform = Affine(res, 0, 0, 0, -res, 1000)
    shape = (100, 100)
    # edges through cell centres (x = 205, y = 795 …) and an irregular polygon
    square = shapely.box(205, 505, 505, 795)
    blob = shapely.Point(600, 400).buffer(230, quad_segs=7)
    inner = shapely.box(305, 605, 405, 705)
    geoms = np.array([blob, square, inner], dtype=object)
    xs = (np.arange(100) + 0.5) * res
    ys = 1000 - (np.arange(100) + 0.5) * res
    X, Y = np.meshgrid(xs, ys)
    for boundary, pred in ((False, shapely.contains_xy), (True, shapely.intersects_xy)):
        got = polygon_codes(
            geoms, np.array([0, 1, 2]), transform=transform, shape=shape, boundary=boundary
        )
        expected = np.full(shape, -1)
        for i, gm in enumerate(geoms):
            expected[pred(gm, X, Y)] = i
        np.testing.assert_array_equal(got, expected)
    on_edge = polygon_codes(
        geoms[1:2], np.array([7]), transform=transform, shape=shape, boundary=True
    )
    assert on_edge[20, 20] == 7  # centre (205, 795) is the square's corner


def test_transformations():
    v = np.array([0.0, 5000.0, 17500.0, 30000.0, 40000.0, np.nan])
    np.testing.assert_allclose(Linear(5000, 30000)(v), [1, 1, 0.5, 0, 0, 0])
    np.testing.assert_allclose(Linear(5, 0)(np.array([0, 1, 5, 9])), [0, 0.2, 1, 1])
    np.testing.assert_array_equal(Threshold(5000)(v), [1, 1, 0, 0, 0, 0])
    np.testing.assert_array_equal(Threshold(30000, above=True)(v), [0, 0, 0, 1, 1, 0])
    np.testing.assert_allclose(Inverse(5000)(v), [1, 1, 5000 / 17500, 1 / 6, 1 / 8, 0])
    np.testing.assert_array_equal(Categories({0: 0.3, 1: 1})(np.array([0, 1, 2])), [0.3, 1, 0])
    assert parse_transform("hub_access=linear:3000:20000") == ("hub_access", Linear(3000, 20000))
    assert parse_transform("in_zone=categories:0=0.3/1=1")[1] == Categories({0: 0.3, 1: 1.0})
    assert parse_transform("hub_access=threshold:9000:above")[1] == Threshold(9000, above=True)
    assert parse_weights("hub_access=30, river_distance=5") == {
        "hub_access": 30,
        "river_distance": 5,
    }
    with pytest.raises(ValueError, match="linear:5000:30000"):
        parse_transform("hub_access=linear:3000")
    with pytest.raises(ValueError, match="full` != `zero"):
        Linear(3, 3)
    with pytest.raises(ValueError, match="unknown criteria"):
        SurfaceSpec("氢能", weights={"hubs": 3})
    with pytest.raises(ValueError, match="between 10 and 1000 metres"):
        SurfaceSpec("氢能", resolution_m=5)


def test_map_tiles_keeps_order_in_process_and_on_dask(dask_client):
    items = list(range(23))
    expected = [_square(3, i) for i in items]
    assert list(map_tiles(_square, items, shared=3)) == expected
    assert (
        list(map_tiles(_square, items, shared=3, client=dask_client, max_in_flight=3)) == expected
    )
    with pytest.raises(ValueError, match="not both"):
        list(map_tiles(_square, items, shared=3, workers=2, scheduler="tcp://x:1"))


def _square(shared: int, item: int) -> int:
    return shared * item * item


# --------------------------------------------------------------------------- files
@pytest.mark.slow
def test_geotiff_reads_back_with_gdal_and_rasterio(layers, tmp_path):
    spec = SurfaceSpec("聚碳新材料", resolution_m=100)
    mem = compute_surface(layers, spec, tile=512)
    out = compute_surface(layers, spec, output=tmp_path / "s.tif", tile=512)
    info = json.loads(
        subprocess.run(
            ["gdalinfo", "-json", str(out.path)], capture_output=True, text=True, check=True
        ).stdout
    )
    assert '"EPSG",4547' in info["coordinateSystem"]["wkt"].replace(" ", "")
    assert info["metadata"]["IMAGE_STRUCTURE"]["LAYOUT"] == "COG"
    assert [b["noDataValue"] for b in info["bands"]] == [-1, -1]
    assert info["bands"][0]["description"].startswith("score")
    assert info["bands"][1]["description"].startswith("rule")
    assert len(info["bands"][0]["overviews"]) >= 1
    params = json.loads(info["metadata"][""]["GEOAPP_PARAMETERS"])
    assert params["chain"] == "聚碳新材料" and params["weights"]["hub_access"] == 25
    codes = json.loads(info["metadata"][""]["GEOAPP_RULE_CODES"])
    assert codes[1]["id"] == "yellow_river_chemical"
    # how many of the features the criteria used are schematic, counted from the layers
    used = ("zones", "logistics_hubs", "monitoring_stations", "projects")
    k = sum(int(layers[n]["location_quality"].eq("schematic").sum()) for n in used)
    n = sum(len(layers[n]) for n in used)
    assert info["metadata"][""]["GEOAPP_SCHEMATIC_POSITIONS"] == f"{k} of {n} features used"
    with rasterio.open(out.path) as src:
        assert src.crs.to_epsg() == 4547 and src.res == (100.0, 100.0)
        np.testing.assert_array_equal(src.read(1), mem.score)
        np.testing.assert_array_equal(src.read(2), mem.rule)
    # outside the city: no data; inside: a score
    city = to_metric(layers["city"]).geometry.iloc[0]
    X, Y = out.grid.centres(out.grid.full())
    inside = shapely.contains_xy(city, X, Y)
    np.testing.assert_array_equal(mem.score >= 0, inside)
    # the county summary equals numpy over the cells
    cg = criteria_grid(layers, chain="聚碳新材料", resolution_m=100)
    names = cg.inputs.county_names
    for _, row in out.by_county.iterrows():
        k = list(names).index(row["county"])
        cells = cg.criteria.county == k
        assert row["cells"] == cells.sum()
        assert row["mean_score"] == pytest.approx(mem.score[cells].astype(float).mean())
        ok = cells & (mem.rule == 0) & (mem.score >= 65)
        assert row["suitable_km2"] == pytest.approx(ok.sum() * 0.01)


def test_dask_output_is_byte_identical(with_constraints, tmp_path, dask_client):
    spec = SurfaceSpec("聚碳新材料", resolution_m=100, weights={"river_distance": 10})
    a = compute_surface(with_constraints, spec, output=tmp_path / "a.tif", tile=256)
    b = compute_surface(
        with_constraints, spec, output=tmp_path / "b.tif", tile=256, client=dask_client
    )
    assert (tmp_path / "a.tif").read_bytes() == (tmp_path / "b.tif").read_bytes()
    pd.testing.assert_frame_equal(a.by_zone, b.by_zone)


def test_batch_parquet_in_and_out_of_process(layers, tmp_path, dask_client):
    from geoapp.geo import random_points

    x, y = random_points(layers["city"].geometry.iloc[0], 2500, rng=np.random.default_rng(5))
    chains = np.array(["聚碳新材料", "氢能", None, "绿色涂料"], dtype=object)[np.arange(2500) % 4]
    gdf = gpd.GeoDataFrame(
        {"name": [f"c{i}" for i in range(2500)], "chain": chains},
        geometry=gpd.points_from_xy(x, y),
        crs=4326,
    )
    gdf.to_parquet(tmp_path / "cands.parquet")
    direct = evaluate_sites(gdf, layers=siting_layers(layers))
    a = evaluate_parquet(
        tmp_path / "cands.parquet", tmp_path / "a.parquet", layers=layers, chunk_rows=700
    )
    b = evaluate_parquet(
        tmp_path / "cands.parquet",
        tmp_path / "b.csv",
        layers=layers,
        chunk_rows=700,
        client=dask_client,
    )
    assert a.n_rows == b.n_rows == 2500 and a.verdicts == b.verdicts
    back = gpd.read_parquet(tmp_path / "a.parquet")
    assert back.crs.to_epsg() == 4326
    assert shapely.equals(back.geometry.values, gdf.geometry.values).all()
    csv = pd.read_csv(tmp_path / "b.csv", encoding="utf-8-sig")
    for frame in (back, csv):
        np.testing.assert_array_equal(frame["score"], direct["score"])
        assert list(frame["verdict"].astype(str)) == list(direct["verdict"].astype(str))
        assert list(frame["name"]) == list(gdf["name"])
    assert list(csv["violations"].fillna("")) == list(direct["violations"].map(";".join))


# --------------------------------------------------------------------------- regions
def test_regions_on_a_made_up_surface():
    grid = Grid(left=0.0, top=10_000.0, res=100.0, width=100, height=100)  # 1 ha cells
    score = np.full((100, 100), 10.0, dtype=np.float32)
    score[10:20, 10:20] = 90  # 100 ha, the best
    score[10:20, 25:35] = 85  # 500 m from the best: too close
    score[60:80, 60:80] = 70  # 400 ha, cut in two by a rule below
    score[90:92, 0:3] = 95  # 6 ha: too small
    score[40:45, 0:10] = 80  # 50 ha, exactly 2 km below the best
    rule = np.zeros_like(score)
    rule[65, 60:80] = 2
    found = regions_from_arrays(
        score,
        rule,
        grid,
        inputs=None,
        spec=SurfaceSpec(None),
        k=5,
        min_score=60,
        min_area_ha=50,
        min_gap_km=2,
    )
    assert list(found["mean_score"]) == [90, 80, 70]
    assert list(found["area_ha"]) == [100, 50, 280]
    assert list(found["min_score"]) == [90, 80, 70]
    assert found.geometry.iloc[0].equals(shapely.box(1000, 8000, 2000, 9000))
    assert found.crs.to_epsg() == 4547
    two = regions_from_arrays(
        score,
        rule,
        grid,
        inputs=None,
        spec=SurfaceSpec(None),
        k=2,
        min_score=60,
        min_area_ha=50,
        min_gap_km=0,
    )
    assert list(two["mean_score"]) == [90, 85]
    with pytest.raises(ValueError, match="`k` must be an integer >= 1"):
        regions_from_arrays(score, rule, grid, inputs=None, spec=SurfaceSpec(None), k=0)


def test_regions_on_the_city(layers, tmp_path):
    spec = SurfaceSpec("氢能", resolution_m=200, threshold=50)
    res = compute_surface(layers, spec, output=tmp_path / "h.tif")
    regions = find_regions(
        tmp_path / "h.tif", layers=layers, spec=spec, k=4, min_area_ha=50, min_gap_km=5
    )
    assert 1 <= len(regions) <= 4
    assert list(regions["rank"]) == list(range(1, len(regions) + 1))
    assert regions["mean_score"].is_monotonic_decreasing
    with rasterio.open(tmp_path / "h.tif") as src:
        score, rule = src.read(1), src.read(2)
    X, Y = res.grid.centres(res.grid.full())
    for _, r in regions.iterrows():  # cells inside each outline: the region's own cells
        cells = shapely.contains_xy(r.geometry, X, Y)
        assert cells.sum() == r["cells"] and r["area_ha"] == r["cells"] * 4
        assert (score[cells] >= 50).all() and (rule[cells] == 0).all()
        assert r["mean_score"] == pytest.approx(score[cells].astype(float).mean())
        assert r["min_score"] == pytest.approx(score[cells].min())
        assert r["area_ha"] >= 50
        assert r["county"] in set(layers["counties"]["name"])
    geoms = regions.geometry.values
    for i in range(len(geoms)):
        for j in range(i):
            assert shapely.distance(geoms[i], geoms[j]) >= 5000
    # limiting criteria: the ones that lose the most points
    losses = regions[[f"loss_{c}" for c in CRITERIA]].to_numpy()
    top = [CRITERIA[i] for i in np.argsort(-losses[0], kind="stable")[:2]]
    assert regions["limiting"].iloc[0].split(";") == [
        c for c in top if losses[0][CRITERIA.index(c)] > 0.05
    ]


# --------------------------------------------------------------------------- command line
def test_cli_writes_raster_summary_and_regions(tmp_path):
    out = tmp_path / "out.tif"
    result = CliRunner().invoke(
        app,
        [
            "suitability",
            "--chain",
            "聚碳新材料",
            "--resolution",
            "250",
            "-o",
            str(out),
            "--regions",
            "2",
            "--threshold",
            "50",
            "--min-area-ha",
            "50",
            "--min-gap-km",
            "5",
            "--weights",
            "hub_access=30,river_distance=5",
            "--transform",
            "station_access=inverse:3000",
            "--no-progress",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "濮阳县" in result.output and "regions" in result.output
    info = subprocess.run(["gdalinfo", str(out)], capture_output=True, text=True, check=True)
    assert "NoData Value=-1" in info.stdout and 'ID["EPSG",4547]' in info.stdout
    assert '"river_distance": 5.0' in info.stdout
    regions = gpd.read_file(tmp_path / "out_regions.geojson")
    assert 1 <= len(regions) <= 2 and regions.crs.to_epsg() == 4326
    assert gpd.read_file(tmp_path / "out_regions.gpkg").crs.to_epsg() == 4547
    bad = CliRunner().invoke(
        app, ["suitability", "--chain", "氢能", "--resolution", "5", "-o", str(tmp_path / "x.tif")]
    )
    assert bad.exit_code == 1 and "between 10 and 1000" in bad.output


def test_regions_reuse_known_criteria_with_the_same_answer(layers):
    cg = criteria_grid(layers, chain="氢能", resolution_m=250)
    spec = SurfaceSpec("氢能", resolution_m=250, threshold=45)
    score = cg.score(spec)
    rule = np.where(score >= 0, cg.criteria.rule, -1).astype(np.float32)
    kw = {"inputs": cg.inputs, "spec": spec, "k": 3, "min_area_ha": 50, "min_gap_km": 3}
    a = regions_from_arrays(score, rule, cg.grid, **kw)
    b = regions_from_arrays(score, rule, cg.grid, criteria=cg.criteria, **kw)
    assert len(a) >= 1
    pd.testing.assert_frame_equal(pd.DataFrame(a), pd.DataFrame(b))
