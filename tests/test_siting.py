"""Siting evaluation against independent computations (sjoin, Geod, shapely) and hand cases."""

from __future__ import annotations

import dataclasses
from dataclasses import replace

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from pyproj import Geod

from geoapp.errors import CRSError, LayerValidationError
from geoapp.geo import random_points, to_metric
from geoapp.layers import LayerSet, load_layer
from geoapp.rules import RULES, Rule, constraint_rules
from geoapp.settings import DEFAULT_SITING, METRIC_CRS
from geoapp.siting import (
    CRITERIA,
    RESULT_COLUMNS,
    VERDICTS,
    evaluate_sites,
    explain_site,
    rules_of,
    siting_index,
)
from geoapp.vocab import chains

GEOD = Geod(ellps="WGS84")
N = 200
CHEMICAL = "聚碳新材料"
NOT_CHEMICAL = "人工智能"


# ---------------------------------------------------------------------------
# fixtures


@pytest.fixture(scope="module")
def layers():
    return LayerSet.shipped()


@pytest.fixture(scope="module")
def city_m():
    return to_metric(load_layer("city")).geometry.iloc[0]


@pytest.fixture(scope="module")
def river_m():
    return to_metric(load_layer("yellow_river")).geometry.iloc[0]


@pytest.fixture(scope="module")
def candidates():
    """200 seeded random points inside the city, random chains (some missing)."""
    city = load_layer("city").geometry.iloc[0]
    rng = np.random.default_rng(42)
    x, y = random_points(city, N, rng=rng)
    names = np.array(chains.chain_names(), dtype=object)
    chain = names[rng.integers(0, len(names), N)]
    chain[rng.random(N) < 0.1] = None
    return gpd.GeoDataFrame(
        {"name": [f"候选{i}" for i in range(N)], "chain": chain},
        geometry=gpd.points_from_xy(x, y),
        crs="EPSG:4326",
        index=pd.RangeIndex(1000, 1000 + N),
    )


@pytest.fixture(scope="module")
def result(candidates, layers):
    return evaluate_sites(candidates, layers=layers)


def _site(point_m: shapely.Point, chain: str | None, name: str = "site") -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"name": [name], "chain": [chain]}, geometry=[point_m], crs=METRIC_CRS
    ).to_crs("EPSG:4326")


@pytest.fixture(scope="module")
def river_offset(river_m, city_m):
    """Make a metric point at an exact distance from the river, on the city side."""
    coords = shapely.get_coordinates(river_m)
    seg_len = np.hypot(*(coords[1:] - coords[:-1]).T)

    def make(distance: float) -> shapely.Point:
        for i in np.argsort(-seg_len):  # test helper: try the longest segments first
            a, b = coords[i], coords[i + 1]
            mid = (a + b) / 2
            normal = np.array([-(b - a)[1], (b - a)[0]]) / seg_len[i]
            for sign in (1, -1):
                p = shapely.Point(mid + sign * distance * normal)
                if city_m.contains(p) and abs(river_m.distance(p) - distance) < 1e-6:
                    return p
        raise AssertionError(f"no point found at {distance} m")

    return make


# ---------------------------------------------------------------------------
# against independent computations


def test_output_columns_and_types(result, candidates):
    assert isinstance(result, gpd.GeoDataFrame)
    assert result.crs == candidates.crs
    assert list(result.columns) == [*candidates.columns, *RESULT_COLUMNS]
    assert result.index.equals(candidates.index)
    assert result["chain_match"].dtype == bool
    assert result["chemical"].dtype == bool
    assert result["same_chain_nearby"].dtype.kind == "i"
    assert all(isinstance(v, tuple) for v in result["violations"])
    assert set(result["verdict"]) <= set(VERDICTS)
    assert result["reasons"].str.contains("优势").all()


def test_county_equals_sjoin(result, candidates, layers):
    counties = to_metric(layers["counties"])[["name", "geometry"]]
    joined = gpd.sjoin(to_metric(candidates), counties, how="left", predicate="within")
    assert not joined.index.duplicated().any()
    expected = joined["name_right"].reindex(result.index)
    assert expected.notna().sum() >= N - 2  # random points inside the city
    pd.testing.assert_series_equal(
        result["county"].astype(object).where(result["county"].notna(), None),
        expected.astype(object).where(expected.notna(), None),
        check_names=False,
    )


def test_zone_is_innermost_by_area_as_sjoin(result, candidates, layers):
    zones = to_metric(layers["zones"])
    zones = zones.assign(area=zones.area)[["name", "kind", "leading_chains", "area", "geometry"]]
    joined = gpd.sjoin(to_metric(candidates), zones, how="inner", predicate="within")
    innermost = joined.sort_values("area", kind="stable").groupby(level=0).head(1)
    assert len(innermost) >= 5, "too few candidates fall in a zone to test"
    expected = innermost["name_right"].reindex(result.index)
    got_zone = result["zone"].astype(object).where(result["zone"].notna(), None)
    assert got_zone.tolist() == expected.astype(object).where(expected.notna(), None).tolist()
    inside = expected.notna()
    kinds = innermost["kind"].reindex(result.index)
    assert (result.loc[inside, "zone_kind"] == kinds[inside]).all()
    assert result.loc[~inside, "zone_kind"].isna().all()
    lead = innermost["leading_chains"].reindex(result.index)
    for idx in result.index[inside]:  # few rows: plain comparison
        want = set(lead[idx].split(";")) if isinstance(lead[idx], str) else set()
        got = result.at[idx, "zone_chains"]
        assert (set(got.split(";")) if isinstance(got, str) else set()) == want
        chain = result.at[idx, "chain"]
        assert result.at[idx, "chain_match"] == (isinstance(chain, str) and chain in want)
    assert not result.loc[~inside, "chain_match"].any()


def _geod_to_all(lon, lat, others: gpd.GeoDataFrame) -> np.ndarray:
    """Geodesic distances (m) from each (lon, lat) to every point of ``others``."""
    ox, oy = others.geometry.x.to_numpy(), others.geometry.y.to_numpy()
    lon2, ox2 = np.meshgrid(lon, ox, indexing="ij")
    lat2, oy2 = np.meshgrid(lat, oy, indexing="ij")
    _, _, d = GEOD.inv(lon2.ravel(), lat2.ravel(), ox2.ravel(), oy2.ravel())
    return d.reshape(lon2.shape)


@pytest.mark.parametrize(
    ("layer", "prefix"), [("logistics_hubs", "hub"), ("monitoring_stations", "station")]
)
def test_nearest_facility_equals_geodesic_brute_force(result, candidates, layers, layer, prefix):
    facilities = layers[layer]
    d = _geod_to_all(candidates.geometry.x.to_numpy(), candidates.geometry.y.to_numpy(), facilities)
    best = d.argmin(axis=1)
    best_d = d[np.arange(N), best]
    got_d = result[f"{prefix}_distance_m"].to_numpy()
    np.testing.assert_allclose(got_d, best_d, rtol=1e-3)
    names = facilities["name"].to_numpy()
    got_names = result[f"{prefix}_name"].to_numpy()
    mismatch = np.flatnonzero(got_names != names[best])
    for i in mismatch:  # only a near tie may differ
        other = np.flatnonzero(names == got_names[i])
        assert d[i, other].min() <= best_d[i] * 1.001


def test_same_chain_nearby_equals_geodesic_brute_force(result, candidates, layers):
    radius = DEFAULT_SITING.same_chain_radius_m
    projects = layers["projects"][layers["projects"]["chain"].notna()]
    d = _geod_to_all(candidates.geometry.x.to_numpy(), candidates.geometry.y.to_numpy(), projects)
    same = candidates["chain"].to_numpy()[:, None] == projects["chain"].to_numpy()[None, :]
    lower = ((d < radius * 0.999) & same).sum(axis=1)
    upper = ((d <= radius * 1.001) & same).sum(axis=1)
    got = result["same_chain_nearby"].to_numpy()
    assert ((got >= lower) & (got <= upper)).all()
    assert got.sum() > 0, "no candidate has a same-chain neighbour: the test is vacuous"
    assert (got[candidates["chain"].isna().to_numpy()] == 0).all()


def test_river_distance_equals_shapely_in_4547(result, candidates, river_m):
    pts = to_metric(candidates).geometry
    expected = shapely.distance(np.asarray(pts.array), river_m)
    np.testing.assert_allclose(result["river_distance_m"].to_numpy(), expected, rtol=0, atol=1e-3)


def test_chain_known_flags_chains_outside_the_taxonomy(layers):
    pts = gpd.GeoDataFrame(
        {"chain": ["氢能", "不存在的链", None, "某某化工"]},
        geometry=[shapely.Point(115.03, 35.76)] * 4,
        crs=4326,
    )
    got = evaluate_sites(pts, layers=layers)
    assert got["chain_known"].tolist() == [True, False, False, False]
    assert got["chemical"].tolist() == [False, False, False, True]  # keyword 化工
    assert not got["chain_match"].iloc[1:].any()


def test_chemical_flag_is_chains_is_chemical(result, candidates):
    assert result["chemical"].tolist() == chains.is_chemical(candidates["chain"]).tolist()


def test_metric_input_gives_the_same_answer(result, candidates, layers):
    again = evaluate_sites(candidates.to_crs(METRIC_CRS), layers=layers)
    for col in ("county", "zone", "hub_name", "verdict"):
        assert again[col].fillna("").tolist() == result[col].fillna("").tolist()
    np.testing.assert_allclose(again["river_distance_m"], result["river_distance_m"], atol=1e-3)
    np.testing.assert_allclose(again["score"], result["score"], atol=0.11)


# ---------------------------------------------------------------------------
# the score and the verdict


def test_contributions_sum_to_score(result):
    parts = result[[f"score_{c}" for c in CRITERIA]].sum(axis=1)
    assert (np.abs(parts - result["score"]) <= 0.05 + 1e-9).all()
    assert result["score"].between(0, 100).all()
    assert (result["score"] == result["score"].round(1)).all()


def test_contributions_follow_the_weights(result):
    s = DEFAULT_SITING
    total = sum(s.weights.values())

    def pts(c):
        return s.weights[c] / total * 100

    hub = np.clip(
        (s.hub_zero_score_m - result["hub_distance_m"])
        / (s.hub_zero_score_m - s.hub_full_score_m), 0, 1,
    )  # fmt: skip
    np.testing.assert_allclose(result["score_hub_access"], hub * pts("hub_access"))
    station = np.clip(
        (s.station_zero_score_m - result["station_distance_m"])
        / (s.station_zero_score_m - s.station_full_score_m), 0, 1,
    )  # fmt: skip
    np.testing.assert_allclose(result["score_station_access"], station * pts("station_access"))
    agg = np.minimum(result["same_chain_nearby"] / s.agglomeration_full_count, 1)
    np.testing.assert_allclose(
        result["score_chain_agglomeration"], agg * pts("chain_agglomeration")
    )
    np.testing.assert_allclose(
        result["score_zone_chain_match"], result["chain_match"] * pts("zone_chain_match")
    )
    np.testing.assert_allclose(result["score_in_zone"], result["zone"].notna() * pts("in_zone"))


def _undecided_chain(chain) -> bool:
    """Independent of geoapp.vocab.chains: missing, unknown and not chemical by keyword, or <NA>."""
    from geoapp.vocab import CHEMICAL_KEYWORDS, chains_table

    if chain is None or (isinstance(chain, float) and chain != chain) or not str(chain).strip():
        return True
    table = chains_table()
    row = table[table["chain"] == str(chain).strip()]
    if len(row):
        return bool(pd.isna(row["chemical"].iloc[0]))
    return not any(k in str(chain) for k in CHEMICAL_KEYWORDS)


def _expected_verdicts(frame: pd.DataFrame, settings) -> list[str]:
    out = []
    chains = frame["chain"] if "chain" in frame.columns else [None] * len(frame)
    for viol, score, chain, river in zip(
        frame["violations"], frame["score"], chains, frame["river_distance_m"]
    ):
        if viol:
            out.append("prohibited")
        elif river <= settings.river_buffer_m and _undecided_chain(chain):
            out.append("needs_review")
        elif score >= settings.recommended_min:
            out.append("recommended")
        elif score >= settings.feasible_min:
            out.append("feasible")
        else:
            out.append("not_advised")
    return out


def test_verdict_thresholds(result, candidates, layers):
    assert result["verdict"].tolist() == _expected_verdicts(result, DEFAULT_SITING)
    low = replace(DEFAULT_SITING, recommended_min=30.0, feasible_min=15.0)
    relaxed = evaluate_sites(candidates, layers=layers, settings=low)
    assert relaxed["verdict"].tolist() == _expected_verdicts(relaxed, low)
    assert (relaxed["verdict"] == "recommended").sum() > (result["verdict"] == "recommended").sum()
    np.testing.assert_array_equal(relaxed["score"], result["score"])


def test_weights_change_the_score(candidates, layers):
    only_hubs = replace(DEFAULT_SITING, weights={"hub_access": 1.0})
    got = evaluate_sites(candidates, layers=layers, settings=only_hubs)
    np.testing.assert_allclose(got["score"], got["score_hub_access"].round(1))
    assert (got["score_in_zone"] == 0).all()


# ---------------------------------------------------------------------------
# the rules: hand-built cases


def test_chemical_500_m_from_the_river_is_prohibited(layers, river_offset):
    site = _site(river_offset(500.0), CHEMICAL)
    row = evaluate_sites(site, layers=layers).iloc[0]
    assert row["river_distance_m"] == pytest.approx(500.0, abs=1e-3)
    assert row["verdict"] == "prohibited"
    assert row["violations"] == ("yellow_river_chemical",)
    rule = RULES["yellow_river_chemical"]
    assert rule.title_zh in row["violation_text"]
    assert "《中华人民共和国黄河保护法》第二十六条" in row["violation_text"]
    assert "本次按1000米计" in row["violation_text"]
    assert row["reasons"].startswith("违反：")


def test_chemical_3_km_from_the_river_is_not_prohibited(layers, river_offset):
    row = evaluate_sites(_site(river_offset(3000.0), CHEMICAL), layers=layers).iloc[0]
    assert row["river_distance_m"] == pytest.approx(3000.0, abs=1e-3)
    assert row["violations"] == ()
    assert row["violation_text"] == ""
    assert row["verdict"] != "prohibited"


def test_non_chemical_500_m_from_the_river_is_not_prohibited(layers, river_offset):
    row = evaluate_sites(_site(river_offset(500.0), NOT_CHEMICAL), layers=layers).iloc[0]
    assert not row["chemical"]
    assert row["violations"] == ()
    assert row["verdict"] != "prohibited"


@pytest.mark.parametrize(("distance", "prohibited"), [(999.9, True), (1000.1, False)])
def test_the_buffer_edge_is_exact(layers, river_offset, river_m, distance, prohibited):
    site = _site(river_offset(distance), CHEMICAL)
    assert abs(river_m.distance(to_metric(site).geometry.iloc[0]) - distance) < 1e-3
    row = evaluate_sites(site, layers=layers).iloc[0]
    assert (row["verdict"] == "prohibited") is prohibited


def test_wider_buffer_setting_prohibits_the_3_km_case(layers, river_offset):
    site = _site(river_offset(3000.0), CHEMICAL)
    strict = replace(DEFAULT_SITING, river_buffer_m=5000)
    row = evaluate_sites(site, layers=layers, settings=strict).iloc[0]
    assert row["verdict"] == "prohibited"
    assert row["violations"] == ("yellow_river_chemical",)
    assert "本次按5000米计" in row["violation_text"]


def test_parcel_is_tested_with_its_polygon(layers, river_offset, river_m):
    near, far = river_offset(800.0), river_offset(2600.0)
    parcel = shapely.buffer(shapely.LineString([near, far]), 50.0, cap_style="flat")
    assert parcel.representative_point().distance(river_m) > 1000
    site = gpd.GeoDataFrame(
        {"name": ["地块"], "chain": [CHEMICAL]}, geometry=[parcel], crs=METRIC_CRS
    )
    row = evaluate_sites(site, layers=layers).iloc[0]
    assert row["river_distance_m"] == pytest.approx(parcel.distance(river_m), abs=1e-6)
    assert row["verdict"] == "prohibited"
    assert row["county"] is not None and pd.notna(row["county"])


def _redline_around(point_m: shapely.Point, **columns) -> gpd.GeoDataFrame:
    square = shapely.box(point_m.x - 1000, point_m.y - 1000, point_m.x + 1000, point_m.y + 1000)
    return gpd.GeoDataFrame(
        {"name": ["生态保护红线"], **columns}, geometry=[square], crs=METRIC_CRS
    )


def test_user_constraint_prohibits_with_its_name(layers, city_m, river_m):
    centre = city_m.representative_point()
    assert centre.distance(river_m) > 5000
    with_red = layers.with_constraints(_redline_around(centre).to_crs("EPSG:4326"))
    outside = shapely.Point(centre.x + 5000, centre.y)
    sites = pd.concat(
        [_site(centre, NOT_CHEMICAL, "红线内"), _site(outside, NOT_CHEMICAL, "红线外")]
    )
    got = evaluate_sites(sites.reset_index(drop=True), layers=with_red)
    inside_row, outside_row = got.iloc[0], got.iloc[1]
    assert inside_row["verdict"] == "prohibited"
    assert inside_row["violations"] == ("user_constraint:生态保护红线",)
    assert "生态保护红线" in inside_row["violation_text"]
    assert "三条控制线" in inside_row["violation_text"]  # the registered basis fills the gap
    assert outside_row["violations"] == ()
    assert layers.constraints is None  # the original is unchanged
    rule = rules_of(with_red)["user_constraint:生态保护红线"]
    failed = explain_site(inside_row, rules=rules_of(with_red))["rules_failed"]
    assert failed[0]["legal_basis"] == rule.legal_basis


def test_user_constraint_columns_legal_basis_and_applies_to(layers, city_m):
    centre = city_m.representative_point()
    red = _redline_around(centre, legal_basis=["某市规定第3条"], applies_to=["chemical"])
    sites = pd.concat([_site(centre, NOT_CHEMICAL, "a"), _site(centre, CHEMICAL, "b")])
    got = evaluate_sites(sites.reset_index(drop=True), layers=layers.with_constraints(red))
    assert got["violations"].tolist() == [(), ("user_constraint:生态保护红线",)]
    assert got["violation_text"].iloc[1] == "用户管控区：生态保护红线（某市规定第3条）"


def test_user_constraint_custom_column_names(layers, city_m):
    centre = city_m.representative_point()
    red = _redline_around(centre).rename(columns={"name": "管控区名称"})
    with_red = layers.with_constraints(red, name_col="管控区名称")
    got = evaluate_sites(_site(centre, None), layers=with_red)
    assert got["violations"].iloc[0] == ("user_constraint:生态保护红线",)


def test_river_and_constraint_violations_combine(layers, river_offset):
    p = river_offset(500.0)
    red = _redline_around(p)
    got = evaluate_sites(_site(p, CHEMICAL), layers=layers.with_constraints(red)).iloc[0]
    assert got["violations"] == ("yellow_river_chemical", "user_constraint:生态保护红线")
    assert got["violation_text"].count("；") >= 1


# ---------------------------------------------------------------------------
# edge cases and errors


def test_outside_the_city_is_still_evaluated(layers, city_m):
    far = shapely.Point(city_m.bounds[2] + 30_000, city_m.bounds[3] + 30_000)
    row = evaluate_sites(_site(far, NOT_CHEMICAL), layers=layers).iloc[0]
    assert pd.isna(row["county"]) and pd.isna(row["zone"])
    assert not row["chain_match"]
    assert np.isfinite(row["hub_distance_m"]) and np.isfinite(row["river_distance_m"])
    assert row["verdict"] in ("not_advised", "feasible")


def test_input_is_not_modified(candidates, layers):
    before = candidates.copy()
    evaluate_sites(candidates, layers=layers)
    pd.testing.assert_frame_equal(candidates, before)


def test_re_evaluating_a_result_replaces_its_columns(result, layers):
    again = evaluate_sites(result, layers=layers)
    assert list(again.columns) == list(result.columns)
    assert again["score"].tolist() == result["score"].tolist()


def test_without_chains(candidates, layers):
    got = evaluate_sites(candidates.drop(columns="chain"), layers=layers, chain_col=None)
    assert not got["chain_match"].any() and not got["chemical"].any()
    assert (got["same_chain_nearby"] == 0).all()
    assert got["reasons"].str.contains("未填写产业链").any()


def test_empty_candidates(layers):
    empty = gpd.GeoDataFrame({"name": [], "chain": []}, geometry=[], crs="EPSG:4326")
    got = evaluate_sites(empty, layers=layers)
    assert len(got) == 0
    assert set(RESULT_COLUMNS) <= set(got.columns)


def test_errors_name_the_argument(candidates, layers):
    with pytest.raises(CRSError, match="no CRS"):
        evaluate_sites(candidates.set_crs(None, allow_override=True), layers=layers)
    with pytest.raises(ValueError, match="`chain_col` was '产业链'"):
        evaluate_sites(candidates, layers=layers, chain_col="产业链")
    broken = candidates.copy()
    broken.loc[1003, "geometry"] = None
    with pytest.raises(ValueError, match=r"1 rows without geometry: \[1003\]"):
        evaluate_sites(broken, layers=layers)
    with pytest.raises(ValueError, match="unknown criteria"):
        bad = replace(DEFAULT_SITING, weights={"x": 1})
        evaluate_sites(candidates, layers=layers, settings=bad)
    with pytest.raises(ValueError, match="hub_full_score_m"):
        evaluate_sites(
            candidates, layers=layers, settings=replace(DEFAULT_SITING, hub_full_score_m=40_000)
        )
    with pytest.raises(TypeError, match="GeoDataFrame"):
        evaluate_sites(pd.DataFrame(candidates), layers=layers)


# ---------------------------------------------------------------------------
# explain_site, the layers object, the rule registry


def test_explain_site_tables(result):
    row = result.iloc[int(np.argmax(result["score"]))]
    info = explain_site(row)
    assert [c["criterion"] for c in info["criteria"]] == list(CRITERIA)
    assert sum(c["points"] for c in info["criteria"]) == pytest.approx(row["score"], abs=0.05)
    assert sum(c["max_points"] for c in info["criteria"]) == pytest.approx(100.0)
    for c in info["criteria"]:
        assert c["points"] == pytest.approx(c["normalised"] * c["max_points"])
    assert info["nearest"]["hub"]["name"] == row["hub_name"]
    assert info["verdict"] == row["verdict"] and info["verdict_zh"]
    assert info["name"] == row["name"]


def test_explain_site_failed_rule(layers, river_offset):
    row = evaluate_sites(_site(river_offset(500.0), CHEMICAL), layers=layers).iloc[0]
    info = explain_site(row)
    assert info["verdict_zh"] == "禁止"
    (failed,) = info["rules_failed"]
    assert failed["id"] == "yellow_river_chemical"
    assert "第二十六条" in failed["legal_basis"]
    assert info["nearest"]["river_distance_m"] == pytest.approx(500.0, abs=1e-3)


def test_layers_are_immutable_and_share_prepared_state(layers, city_m):
    with pytest.raises(dataclasses.FrozenInstanceError):
        layers.constraints = None
    with pytest.raises(TypeError):
        layers["zones"] = None  # a Mapping, not a dict
    base = siting_index(layers)  # build the prepared state
    other = layers.with_constraints(_redline_around(city_m.representative_point()))
    assert other is not layers and siting_index(other) is base
    assert other.with_constraints(None).constraints is None


def test_layers_validate_columns_and_crs(layers):
    with pytest.raises(LayerValidationError, match="`logistics_hubs` lacks the column"):
        LayerSet({**layers.frames, "logistics_hubs": layers["logistics_hubs"].drop(columns="name")})
    with pytest.raises(CRSError, match="`zones`"):
        LayerSet({**layers.frames, "zones": layers["zones"].set_crs(None, allow_override=True)})
    with pytest.raises(LayerValidationError, match="unknown layer name"):
        LayerSet({"hubs": layers["logistics_hubs"]})
    with pytest.raises(LayerValidationError, match="column 'name' is missing"):
        layers.with_constraints(gpd.GeoDataFrame(geometry=[shapely.box(0, 0, 1, 1)], crs=4326))
    bad = gpd.GeoDataFrame(
        {"name": ["x"], "applies_to": ["sometimes"]}, geometry=[shapely.box(0, 0, 1, 1)], crs=4326
    )
    with pytest.raises(LayerValidationError, match="applies_to"):
        layers.with_constraints(bad)


def test_river_buffer_for_display(layers, river_m):
    buf = layers.river_buffer(1000.0)
    assert buf.crs.to_epsg() == 4326
    area = to_metric(buf).area.iloc[0]
    assert area == pytest.approx(2 * 1000 * river_m.length, rel=0.05)


def test_rule_registry():
    rule = RULES["yellow_river_chemical"]
    assert isinstance(rule, Rule)
    assert rule.applies_to == "chemical"
    assert rule.parameter == "river_buffer_m"
    assert "《中华人民共和国黄河保护法》第二十六条" in rule.legal_basis
    assert "转述" in rule.legal_basis  # the verbatim text was not retrieved
    assert "山东" in rule.legal_basis and "长江保护法" in rule.legal_basis
    assert RULES["user_constraint"].applies_to == "all"
    assert "土地管理法》第三十五条" in RULES["permanent_basic_farmland"].legal_basis
    with pytest.raises(TypeError):
        RULES["x"] = rule  # read-only mapping
    with pytest.raises(ValueError, match="applies_to"):
        Rule("x", "x", "x", "x", "sometimes", "x")


def test_constraint_rules_per_polygon():
    boxes = [shapely.box(i, 0, i + 1, 1) for i in range(4)]
    layer = gpd.GeoDataFrame(
        {
            "name": ["生态保护红线", "生态保护红线", " 永久基本农田 ", "生态保护红线"],
            "legal_basis": [None, None, None, "某规定"],
        },
        geometry=boxes,
        crs=4326,
        index=[10, 11, 12, 13],
    )
    rules = constraint_rules(layer)
    assert rules.index.tolist() == [10, 11, 12, 13]
    assert rules[10] is rules[11]
    assert [r.id for r in rules] == [
        "user_constraint:生态保护红线",
        "user_constraint:生态保护红线",
        "user_constraint:永久基本农田",
        "user_constraint:生态保护红线#2",
    ]
    assert "第三十五条" in rules[12].legal_basis
    assert rules[13].legal_basis == "某规定"


@pytest.mark.parametrize("kind", ["wiggly", "detailed", "polygon"])
def test_river_distance_is_exact_for_other_river_layers(candidates, layers, river_m, kind):
    """The tiled path (a few hundred segments), the STRtree path (> 5 000) and a water polygon."""
    x0, y0, x1, y1 = river_m.bounds
    segments = {"wiggly": 400, "detailed": 6000, "polygon": 400}[kind]
    t = np.linspace(0, 1, segments + 1)
    xs = x0 + (x1 - x0) * t
    ys = (y0 + y1) / 2 + 20_000 * np.sin(t * 9 * np.pi) + 300 * np.sin(t * 400 * np.pi)
    line = shapely.LineString(np.column_stack([xs, ys]))
    geom = line.buffer(3000) if kind == "polygon" else line
    river = gpd.GeoDataFrame({"name": ["test"]}, geometry=[geom], crs=METRIC_CRS)
    got = evaluate_sites(candidates, layers=LayerSet({**layers.frames, "yellow_river": river}))
    expected = shapely.distance(np.asarray(to_metric(candidates).geometry.array), geom)
    np.testing.assert_allclose(got["river_distance_m"].to_numpy(), expected, rtol=0, atol=1e-3)
    if kind == "polygon":
        assert (expected == 0).any()


def test_many_constraint_polygons_equal_sjoin_intersects(candidates, layers, city_m):
    """More than 64 polygons take the STRtree path; compare with a plain sjoin."""
    x0, y0, x1, y1 = city_m.bounds
    cells = [
        shapely.box(x, y, x + 3000, y + 3000)
        for x in np.arange(x0, x1, 9000)
        for y in np.arange(y0, y1, 9000)
    ]
    assert len(cells) > 64
    grid = gpd.GeoDataFrame(
        {"name": [f"永久基本农田{i % 3}" for i in range(len(cells))]},
        geometry=cells,
        crs=METRIC_CRS,
    )
    got = evaluate_sites(candidates, layers=layers.with_constraints(grid))
    joined = gpd.sjoin(to_metric(candidates), grid, how="inner", predicate="intersects")
    expected = joined.groupby(level=0)["name_right"].agg(lambda s: tuple(sorted(set(s))))
    want = [tuple(f"user_constraint:{n}" for n in expected.get(i, ())) for i in candidates.index]
    user = [tuple(r for r in v if r.startswith("user_constraint:")) for v in got["violations"]]
    assert user == want
    assert sum(bool(v) for v in want) >= 5
    assert "counties=6" in repr(layers) and repr(layers).startswith("LayerSet(")


def test_reasons_in_english_leave_no_chinese_vocabulary(result):
    from geoapp.siting import reasons_in

    en = reasons_in(result["reasons"], "en")
    assert en.str.contains("strengths: ").all() and en.str.contains("weaknesses: ").all()
    leftover = en.str.contains(r"[\u4e00-\u9fff]")
    assert not leftover.any(), en[leftover].tolist()[:3]
    assert reasons_in(result["reasons"], "zh").equals(result["reasons"])
