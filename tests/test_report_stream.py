"""`geoapp report` on GeoParquet: streamed through the tiled executor, in and out of process.

Checked against :func:`geoapp.siting.evaluate_sites` on the same points read
whole, against an independent ranking and cross-tabulation in pandas, and for
the clear errors and the output-path rules.
"""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import shapely
from typer.testing import CliRunner

from geoapp.cli import app
from geoapp.geo import random_points
from geoapp.siting import evaluate_sites
from geoapp.vocab import VERDICT_CODES

N = 50_000
PAGES = 5
runner = CliRunner()


def _report(src, out, *extra):
    return runner.invoke(
        app,
        ["report", str(src), "-o", str(out), "--max-pages", str(PAGES), "--no-progress", *extra],
    )


@pytest.fixture(scope="module")
def points(city):
    """50,000 seeded points in 濮阳市, a few outside it and one without geometry."""
    x, y = random_points(city.geometry.iloc[0], N, rng=np.random.default_rng(7))
    x[[100, 40_000]] = [110.0, 120.0]  # far outside the city
    chains = np.array(["聚碳新材料", "氢能", None, "绿色涂料", "生物降解材料"], dtype=object)
    quality = np.array(["surveyed", "approximate", "schematic"], dtype=object)
    geoms = gpd.points_from_xy(x, y)
    geoms[300] = None
    return gpd.GeoDataFrame(
        {
            "name": [f"候选{i}" for i in range(N)],
            "chain": chains[np.arange(N) % 5],
            "location_quality": quality[np.arange(N) % 3],
            "area_mu": np.arange(N, dtype=float),
        },
        geometry=geoms,
        crs=4326,
    )


@pytest.fixture(scope="module")
def src(points, tmp_path_factory):
    path = tmp_path_factory.mktemp("stream") / "cands.parquet"
    points.to_parquet(path, row_group_size=20_000)
    return path


@pytest.fixture(scope="module")
def reports(src, tmp_path_factory):
    """The CLI run in process and on a LocalCluster of 2 worker processes."""
    base = tmp_path_factory.mktemp("reports")
    out = {}
    for label, extra in (("in", ()), ("dask", ("--workers", "2", "--results-csv"))):
        res = _report(src, base / label, *extra)
        assert res.exit_code == 0, res.output
        out[label] = (base / label, res.output)
    return out


@pytest.fixture(scope="module")
def direct(points, shipped):
    """evaluate_sites on the points read whole (those with a geometry, inside the city)."""
    ok = points.geometry.notna().to_numpy().copy()
    ok[[100, 40_000]] = False
    gdf = points[ok].copy()
    gdf["source_row"] = np.flatnonzero(ok) + 1
    return evaluate_sites(gdf, layers=shipped, chain_col="chain", name_col="name")


@pytest.mark.slow
def test_in_process_and_two_workers_write_the_same_files(reports):
    (a, _), (b, out) = reports["in"], reports["dask"]
    for name in ("results.parquet", "counts.csv", "summary.csv", "errors.csv"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert sorted(p.name for p in (a / "sites").iterdir()) == sorted(
        p.name for p in (b / "sites").iterdir()
    )
    assert len(list((a / "sites").glob("*.html"))) == PAGES
    assert (a / ".geoapp-report").is_file() and not (a / "results.csv").exists()
    assert "Evaluated 49997 sites" in out and "3 rows could not be evaluated" in out


def test_results_equal_evaluate_sites_read_whole_in_input_order(reports, direct, points):
    back = gpd.read_parquet(reports["in"][0] / "results.parquet")
    assert back.crs.to_epsg() == 4326
    assert list(back["source_row"]) == list(direct["source_row"])  # input order, gaps = rejected
    assert list(back["name"]) == list(direct["name"])
    assert shapely.equals(back.geometry.values, direct.geometry.values).all()
    for col in ("score", "hub_distance_m", "station_distance_m", "river_distance_m"):
        np.testing.assert_array_equal(back[col].to_numpy(), direct[col].to_numpy(dtype=float))
    for col in ("verdict", "county", "zone", "hub_name", "reasons", "review_text"):
        assert list(back[col].fillna("")) == list(direct[col].astype(object).fillna("")), col
    assert list(back["violations"]) == list(direct["violations"].map(";".join))
    np.testing.assert_array_equal(back["area_mu"], direct["area_mu"])  # attributes kept
    assert back["verdict"].nunique() == 5
    # the same rows as CSV (the one CSV writer: BOM, geometry as WKT)
    csv = pd.read_csv(reports["dask"][0] / "results.csv", encoding="utf-8-sig")
    assert list(csv["source_row"]) == list(direct["source_row"])
    np.testing.assert_array_equal(csv["score"], direct["score"])
    assert csv["geometry"].str.startswith("POINT").all()


def test_counts_and_summary_match_an_independent_computation(reports, direct):
    folder = reports["in"][0]
    counts = pd.read_csv(folder / "counts.csv", encoding="utf-8-sig")
    assert list(counts.columns) == ["county", "verdict", "location_quality", "sites"]
    expected = (
        direct.assign(
            county=direct["county"].astype(object).fillna("市域外 / outside the counties")
        )
        .groupby(["county", "verdict", "location_quality"], observed=True)
        .size()
    )
    got = counts.set_index(["county", "verdict", "location_quality"])["sites"]
    assert got.sort_index().to_dict() == expected.sort_index().to_dict()
    assert counts["sites"].sum() == len(direct)
    # the best PAGES sites: verdict order, then score high first, then the input row
    order = direct.assign(
        rank=direct["verdict"].astype(str).map({v: i for i, v in enumerate(VERDICT_CODES)})
    ).sort_values(["rank", "score", "source_row"], ascending=[True, False, True])
    summary = pd.read_csv(folder / "summary.csv", encoding="utf-8-sig")
    assert list(summary["row"]) == list(order["source_row"].head(PAGES))
    assert list(summary["score"]) == list(order["score"].head(PAGES))
    index = (folder / "index.html").read_text(encoding="utf-8")
    n_recommended = int((direct["verdict"] == "recommended").sum())
    assert f">{n_recommended}</span>" in index and "results.parquet" in index


def test_rows_without_geometry_or_outside_the_city_are_listed(reports):
    errors = pd.read_csv(reports["in"][0] / "errors.csv", encoding="utf-8-sig")
    assert list(errors["row"]) == [101, 301, 40_001]
    assert errors["reason"].str.contains("outside").tolist() == [True, False, True]
    assert json.loads(errors["values"][0])["name"] == "候选100"


# --------------------------------------------------------------------------- bad files
def _fails(res, *parts):
    assert res.exit_code == 1, res.output
    for part in parts:
        assert part in res.output, (part, res.output)


def test_polygons_are_refused_naming_the_type_and_the_fix(tmp_path, points):
    polys = points.head(50).dropna().copy()
    polys["geometry"] = polys.to_crs(4547).buffer(100).to_crs(4326)
    polys.to_parquet(tmp_path / "parcels.parquet")
    res = _report(tmp_path / "parcels.parquet", tmp_path / "out")
    _fails(res, "parcels.parquet", "Polygon", "not points", "representative_point")
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
@pytest.mark.dask
def test_a_polygon_among_points_is_refused_by_row(tmp_path, points):
    """A file whose metadata does not list its geometry types: caught in the chunk."""
    part = points.head(2000).dropna().reset_index(drop=True)
    wkb = shapely.to_wkb(part.geometry.values)
    wkb[7] = shapely.to_wkb(part.geometry.values[7].buffer(0.001))
    geo = {"version": "1.0.0", "primary_column": "geometry",
           "columns": {"geometry": {"encoding": "WKB", "geometry_types": []}}}  # fmt: skip
    table = pa.table({"name": part["name"], "geometry": pa.array(wkb)}).replace_schema_metadata(
        {b"geo": json.dumps(geo).encode()}
    )
    pq.write_table(table, tmp_path / "mixed.parquet")
    res = _report(tmp_path / "mixed.parquet", tmp_path / "out", "--workers", "1")
    _fails(res, "mixed.parquet", "row 8", "Polygon, not a point")
    assert not (tmp_path / "out").exists()


def test_missing_chain_column_is_named_with_the_columns_present(src, tmp_path):
    res = _report(src, tmp_path / "out", "--chain-col", "产业")
    _fails(res, "cands.parquet", "'产业'", "no such column", "'chain'")


def test_plain_parquet_without_geometry_metadata(tmp_path):
    pd.DataFrame({"lon": [115.0], "lat": [35.7]}).to_parquet(tmp_path / "plain.parquet")
    res = _report(tmp_path / "plain.parquet", tmp_path / "out")
    _fails(res, "plain.parquet", "no GeoParquet 'geo' metadata", "to_parquet()")


@pytest.mark.slow
def test_wrong_crs_is_caught_and_crs_option_fixes_it(tmp_path, points):
    metres = points.head(3000).dropna().to_crs(4547).set_crs(4326, allow_override=True)
    metres.to_parquet(tmp_path / "gk.parquet")
    res = _report(tmp_path / "gk.parquet", tmp_path / "out")
    _fails(res, "gk.parquet", "none of its first", "lies in 濮阳市", "WGS 84", "--crs EPSG:4547")
    assert not (tmp_path / "out").exists()
    ok = _report(tmp_path / "gk.parquet", tmp_path / "out", "--crs", "EPSG:4547")
    assert ok.exit_code == 0, ok.output
    back = gpd.read_parquet(tmp_path / "out" / "results.parquet")
    assert back.crs.to_epsg() == 4547 and (back["county"].notna().mean() > 0.99)


def test_options_of_the_other_input_kind_are_refused(src, tmp_path, points):
    points.head(5).dropna().to_file(tmp_path / "c.geojson")
    res = _report(tmp_path / "c.geojson", tmp_path / "o1", "--workers", "2")
    _fails(res, "`dask_workers`", "GeoParquet or CSV")
    _fails(_report(src, tmp_path / "o2", "--lon-col", "x"), "`lon_col`", "GeoParquet")
    res = _report(src, tmp_path / "o3", "--workers", "2", "--scheduler", "tcp://x:1")
    assert res.exit_code == 2 and "not both" in res.output


# --------------------------------------------------------------------------- output rules
@pytest.mark.slow
def test_target_rules_hold(src, tmp_path, points):
    other = tmp_path / "notes"
    other.mkdir()
    (other / "keep.txt").write_text("mine", encoding="utf-8")
    assert _report(src, other).exit_code == 2
    assert [p.name for p in other.iterdir()] == ["keep.txt"]
    assert _report(src, src).exit_code == 2  # the input itself
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    assert _report(src, tmp_path / "file.txt").exit_code == 2
    # an earlier report is replaced; a failing run leaves it as it was
    out = tmp_path / "rep"
    small = tmp_path / "small.parquet"
    points.head(1000).to_parquet(small)
    assert _report(small, out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    bad = points.head(10).dropna().copy()
    bad["geometry"] = bad.to_crs(4547).buffer(100).to_crs(4326)
    bad.to_parquet(tmp_path / "bad.parquet")
    assert _report(tmp_path / "bad.parquet", out).exit_code == 1
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".rep")]  # no temporaries


# --------------------------------------------------------------------------- datum, constraints
@pytest.mark.slow
def test_gcj02_points_are_converted_before_evaluation(tmp_path, points, shipped):
    from geoapp.geo import wgs84_to_gcj02

    part = points.head(500).dropna().drop(index=[100])
    gx, gy = wgs84_to_gcj02(part.geometry.x.to_numpy(), part.geometry.y.to_numpy())
    gcj = part.set_geometry(gpd.points_from_xy(gx, gy, crs=4326))
    gcj.to_parquet(tmp_path / "amap.parquet")
    assert _report(tmp_path / "amap.parquet", tmp_path / "out", "--datum", "gcj02").exit_code == 0
    back = gpd.read_parquet(tmp_path / "out" / "results.parquet")
    moved = back.to_crs(4547).distance(part.to_crs(4547).set_index(back.index))
    assert moved.max() < 5  # back on WGS-84 within metres (GCJ-02 is ~530 m off here)
    direct = evaluate_sites(part, layers=shipped, chain_col="chain", name_col="name")
    agree = (back["verdict"].to_numpy() == direct["verdict"].astype(str).to_numpy()).mean()
    assert agree > 0.99


@pytest.mark.slow
def test_the_bundles_constraints_apply(tmp_path, points, shipped):
    from geoapp.report import build_report

    part = points.head(3000).dropna().drop(index=[100])
    part.to_parquet(tmp_path / "part.parquet")
    centre = part.to_crs(4547).geometry.iloc[0]
    red = gpd.GeoDataFrame({"name": ["生态保护红线"]}, geometry=[centre.buffer(5000)], crs=4547)
    layers = shipped.with_constraints(red.to_crs(4326))
    res = build_report(tmp_path / "part.parquet", tmp_path / "out", layers=layers)
    back = gpd.read_parquet(tmp_path / "out" / "results.parquet")
    direct = evaluate_sites(part, layers=layers, chain_col="chain", name_col="name")
    assert list(back["violations"]) == list(direct["violations"].map(";".join))
    assert back["violations"].str.contains("user_constraint").sum() > 10
    assert res.n_evaluated == len(part) and res.counts is not None


# --------------------------------------------------------------------------- a large CSV
@pytest.mark.slow
@pytest.mark.dask
def test_a_csv_streamed_in_blocks_equals_the_csv_read_whole(tmp_path, points, shipped):
    from dataclasses import replace

    from geoapp.report import build_streamed_report
    from geoapp.settings import DEFAULT_LIMITS

    part = points.head(12_000).dropna()
    table = pd.DataFrame(
        {
            "名称": part["name"],
            "产业链": part["chain"],
            "经度": part.geometry.x.round(6).astype(str),
            "纬度": part.geometry.y.round(6).astype(str),
        }
    )
    table.iloc[5, 2] = "东经"  # not a number
    table.iloc[7000, 3] = "36.9"  # north of the city
    table.to_csv(tmp_path / "c.csv", index=False, encoding="gbk")
    assert _report(tmp_path / "c.csv", tmp_path / "whole").exit_code == 0  # small: read whole
    assert not (tmp_path / "whole" / "results.parquet").exists()
    build_streamed_report(
        tmp_path / "c.csv", tmp_path / "blocks", layers=shipped, chunk_rows=2500,
        limits=replace(DEFAULT_LIMITS, max_pages=PAGES),
    )  # fmt: skip
    dask = _report(tmp_path / "c.csv", tmp_path / "dask", "--workers", "2")
    assert dask.exit_code == 0, dask.output
    whole, blocks = tmp_path / "whole", tmp_path / "blocks"

    def csv(folder, name):
        return pd.read_csv(folder / name, encoding="utf-8-sig", dtype=str, keep_default_na=False)

    pd.testing.assert_frame_equal(csv(blocks, "summary.csv"), csv(whole, "summary.csv").head(PAGES))
    pd.testing.assert_frame_equal(csv(blocks, "errors.csv"), csv(whole, "errors.csv"))
    assert list(csv(blocks, "errors.csv")["row"]) == ["7", "82", "7002"]  # the file lines
    a = gpd.read_parquet(blocks / "results.parquet")
    b = gpd.read_parquet(tmp_path / "dask" / "results.parquet")
    pd.testing.assert_frame_equal(a, b)
    assert len(a) == len(part) - 3 and a["source_row"].is_monotonic_increasing
    summary_all = csv(whole, "summary.csv")
    assert sorted(a["source_row"].astype(str)) == sorted(summary_all["row"])


def test_shared_data_pickles_after_use(shipped, points):
    """Dask may copy the shared data between workers after one has evaluated a chunk."""
    import cloudpickle  # what Dask uses to copy data between workers

    from geoapp.settings import DEFAULT_SITING
    from geoapp.suitability import BatchShared, evaluate_chunk, layer_frames

    shared = BatchShared(
        layers=layer_frames(shipped), settings=DEFAULT_SITING, chain_col="chain",
        name_col="name", crs=gpd.GeoSeries([], crs=4326).crs.to_json(),
    )  # fmt: skip
    part = points.head(50).dropna()
    chunk = (1, pd.DataFrame(part.drop(columns="geometry")), shapely.to_wkb(part.geometry.values))
    first = evaluate_chunk(shared, chunk)  # builds and caches the engine (holds locks)
    copy = cloudpickle.loads(cloudpickle.dumps(shared))
    assert "engine" not in copy.__dict__
    assert evaluate_chunk(copy, chunk).table.equals(first.table)


@pytest.mark.slow
def test_chunking_does_not_change_the_results(src, reports, shipped, tmp_path):
    from dataclasses import replace

    from geoapp.report import build_streamed_report
    from geoapp.settings import DEFAULT_LIMITS

    build_streamed_report(
        src, tmp_path / "small_chunks", layers=shipped, chunk_rows=7_000,
        limits=replace(DEFAULT_LIMITS, max_pages=PAGES),
    )  # fmt: skip
    whole = reports["in"][0]
    pd.testing.assert_frame_equal(
        gpd.read_parquet(tmp_path / "small_chunks" / "results.parquet"),
        gpd.read_parquet(whole / "results.parquet"),
    )
    for name in ("counts.csv", "summary.csv", "errors.csv"):
        assert (tmp_path / "small_chunks" / name).read_bytes() == (whole / name).read_bytes()
