"""Tests of geoapp.coverage against brute force (pyproj.Geod) and spopt called directly."""

from __future__ import annotations

import math
import warnings

import geopandas as gpd
import numpy as np
import pandas as pd
import pulp
import pytest
import shapely
from pyproj import Geod, Transformer
from scipy.spatial.distance import cdist
from shapely.geometry import box

from geoapp.coverage import (
    CoverageResult,
    Feasibility,
    PlacementResult,
    candidate_sites,
    check_feasibility,
    coverage,
    nearest_facility,
    place_facilities,
)
from geoapp.errors import CRSError, InfeasibleError
from geoapp.layers import LayerSet, load_layer
from geoapp.projects import UNSTATED

TO_M = Transformer.from_crs(4326, 4547, always_xy=True)
TO_LL = Transformer.from_crs(4547, 4326, always_xy=True)
GEOD = Geod(ellps="GRS80")


def points(lon, lat, **cols):
    return gpd.GeoDataFrame(cols, geometry=gpd.points_from_xy(lon, lat), crs=4326)


def from_metric(xy, **cols):
    lon, lat = TO_LL.transform(np.asarray(xy)[:, 0], np.asarray(xy)[:, 1])
    return points(lon, lat, **cols)


def metric_cost(sites, facilities):
    """Independent cost matrix: pyproj to EPSG:4547, then Euclidean distances."""
    s = np.column_stack(TO_M.transform(sites.geometry.x.to_numpy(), sites.geometry.y.to_numpy()))
    f = np.column_stack(
        TO_M.transform(facilities.geometry.x.to_numpy(), facilities.geometry.y.to_numpy())
    )
    return cdist(s, f)


def solve_direct(cls, *args, **kwargs):
    """Build ``cls.from_cost_matrix(*args, **kwargs)`` and solve it with CBC."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # PuLP 4.0 notices
        model = cls.from_cost_matrix(*args, **kwargs)
        model.solve(pulp.PULP_CBC_CMD(msg=False))
    is_open = np.array([v.value() for v in model.fac_vars]) > 0.5
    return is_open, float(pulp.value(model.problem.objective))


# --------------------------------------------------------------------------- nearest
def test_nearest_facility_vs_geodesic_brute_force(city_points):
    lon, lat = city_points
    sites = points(lon[:250], lat[:250], name=[f"s{i}" for i in range(250)])
    fac = points(lon[250:270], lat[250:270], name=[f"f{i}" for i in range(20)])
    res = nearest_facility(sites, fac)
    assert list(res.columns) == ["facility_index", "facility_name", "distance_m"]
    assert res.index.equals(sites.index)

    n, m = len(sites), len(fac)
    _, _, d = GEOD.inv(
        np.repeat(lon[:250], m),
        np.repeat(lat[:250], m),
        np.tile(lon[250:270], n),
        np.tile(lat[250:270], n),
    )
    d = d.reshape(n, m)
    best = d.argmin(axis=1)
    dmin = d[np.arange(n), best]
    second = np.sort(d, axis=1)[:, 1]
    clear = second > dmin * 1.002  # no near-tie within the projection's scale error
    assert clear.mean() > 0.9
    assert np.array_equal(res["facility_index"].to_numpy()[clear], best[clear])
    assert (res["facility_name"].to_numpy()[clear] == fac["name"].to_numpy()[best[clear]]).all()
    np.testing.assert_allclose(res["distance_m"].to_numpy(), dmin, rtol=1e-3)


def test_nearest_facility_polygons_and_errors():
    sq = box(590_000, 3_960_000, 592_000, 3_962_000)
    fac = gpd.GeoDataFrame({"name": ["园区"]}, geometry=[sq], crs=4547).to_crs(4326)
    sites = from_metric([[591_000, 3_961_000], [595_000, 3_961_000]], name=["in", "out"])
    res = nearest_facility(sites, fac)
    assert res["facility_name"].tolist() == ["园区", "园区"]
    assert res["distance_m"].iloc[0] == 0
    assert res["distance_m"].iloc[1] == pytest.approx(3000, abs=5)  # reprojection round trip
    with pytest.raises(ValueError, match="`facilities`"):
        nearest_facility(sites, fac.iloc[:0])
    with pytest.raises(ValueError, match="`name_col`"):
        nearest_facility(sites, fac, name_col="title")
    with pytest.raises(CRSError, match="`facilities`"):
        nearest_facility(sites, fac.set_crs(None, allow_override=True))
    unnamed = nearest_facility(sites, fac, name_col=None)
    assert unnamed["facility_name"].tolist() == ["设施1", "设施1"]


# --------------------------------------------------------------------------- coverage
@pytest.fixture()
def hand_fixture():
    """Two facilities 40 km apart; 7 sites at known distances (radius 10 km)."""
    f = np.array([[590_000.0, 3_960_000.0], [630_000.0, 3_960_000.0]])
    offsets = [  # (facility, dx) -> distance dx from it
        (0, 1_000),
        (0, 9_000),
        (0, 12_000),
        (1, 500),
        (1, 15_000),
        (1, 3_000),
        (0, 25_000),
    ]
    xy = [f[i] + [0, dx] for i, dx in offsets]
    sites = from_metric(
        xy,
        name=[f"s{i}" for i in range(7)],
        county=["华龙区", "华龙区", "华龙区", "濮阳县", "濮阳县", None, ""],
        zone=["甲园", "甲园", None, "乙园", None, "乙园", None],
        chain=["氢能", "氢能", "聚碳新材料", "氢能", "聚碳新材料", None, "聚碳新材料"],
        investment_yi=[10.0, np.nan, 5.0, 2.0, 8.0, np.nan, np.nan],
        location_quality=["schematic"] * 7,  # positions chosen: they say nothing of the county
    )
    fac = from_metric(f, name=["H1", "H2"])
    return sites, fac


def test_coverage_shares_by_hand(hand_fixture):
    sites, fac = hand_fixture
    res = coverage(sites, fac, radius_m=10_000, layers=LayerSet.shipped())
    assert isinstance(res, CoverageResult) and res.radius_m == 10_000
    # covered: s0 (1 km), s1 (9 km), s3 (0.5 km), s5 (3 km); not s2, s4, s6
    assert res.sites["covered"].tolist() == [True, True, False, True, False, True, False]
    assert res.sites["facility_name"].tolist() == ["H1", "H1", "H1", "H2", "H2", "H2", "H1"]
    np.testing.assert_allclose(
        res.sites["distance_m"], [1_000, 9_000, 12_000, 500, 15_000, 3_000, 25_000], rtol=1e-3
    )
    assert res.overall["n_sites"] == 7 and res.overall["n_covered"] == 4
    assert res.overall["share_count"] == pytest.approx(4 / 7)
    assert res.overall["share_investment"] == pytest.approx(12 / 25)  # (10+2)/(10+5+2+8)
    assert res.uncovered["name"].tolist() == ["s6", "s4", "s2"]  # farthest first

    c = res.by_county.set_index("group")
    assert list(c.index) == ["华龙区", "濮阳县", UNSTATED]
    assert c.loc["华龙区", "n_sites"] == 3 and c.loc["华龙区", "n_covered"] == 2
    assert c.loc["华龙区", "share_count"] == pytest.approx(2 / 3)
    assert c.loc["华龙区", "investment_yi"] == pytest.approx(15)
    assert c.loc["华龙区", "investment_covered_yi"] == pytest.approx(10)
    assert c.loc["华龙区", "share_investment"] == pytest.approx(10 / 15)
    assert c.loc["濮阳县", "share_count"] == pytest.approx(1 / 2)
    assert c.loc["濮阳县", "share_investment"] == pytest.approx(2 / 10)
    assert c.loc[UNSTATED, "n_sites"] == 2 and c.loc[UNSTATED, "n_covered"] == 1
    assert np.isnan(c.loc[UNSTATED, "share_investment"])  # no amount known

    ch = res.by_chain.set_index("group")
    assert ch.loc["氢能", "n_sites"] == 3 and ch.loc["氢能", "n_covered"] == 3
    assert ch.loc["氢能", "share_investment"] == pytest.approx(1.0)
    assert ch.loc["聚碳新材料", "share_count"] == pytest.approx(0)
    assert ch.loc["聚碳新材料", "share_investment"] == pytest.approx(0)
    assert ch.loc[UNSTATED, "n_sites"] == 1

    z = res.by_zone.set_index("group")
    assert z.loc["甲园", "share_count"] == 1 and z.loc["乙园", "n_sites"] == 2
    assert z.loc[UNSTATED, "n_sites"] == 3 and z.loc[UNSTATED, "n_covered"] == 0


def test_unstated_county_of_a_real_position_comes_from_the_position(hand_fixture, counties):
    sites, fac = hand_fixture
    sites = sites.assign(location_quality="surveyed")
    res = coverage(sites, fac, radius_m=10_000, layers=LayerSet({"counties": counties}))
    joined = gpd.sjoin(sites[["geometry"]], counties[["name", "geometry"]], predicate="within")
    located = joined["name"].reindex(sites.index)
    stated = sites["county"].where(sites["county"].fillna("").str.len() > 0)
    expected = stated.fillna(located).fillna("市域外")
    got = res.by_county.set_index("group")["n_sites"]
    assert got[got > 0].to_dict() == expected.value_counts().to_dict()
    assert UNSTATED not in got[got > 0].index


def test_coverage_locates_layers_without_county_zone(counties):
    pts = counties.to_crs(4547).representative_point().to_crs(4326)
    user = gpd.GeoDataFrame({"name": list(counties["name"])}, geometry=pts.values, crs=4326)
    outside = from_metric([[400_000.0, 3_800_000.0]], name=["far"])
    user = pd.concat([user, outside], ignore_index=True)
    zones = gpd.GeoDataFrame(
        {"name": ["测试园"], "kind": ["产业园"]},
        geometry=[counties.geometry.iloc[0].buffer(0)],
        crs=4326,
    )
    res = coverage(
        user, user.iloc[:1], radius_m=5_000, layers=LayerSet({"counties": counties, "zones": zones})
    )
    c = res.by_county.set_index("group")
    for name in counties["name"]:
        assert c.loc[name, "n_sites"] == 1
    assert c.loc["市域外", "n_sites"] == 1
    z = res.by_zone.set_index("group")
    assert z.loc["测试园", "n_sites"] == 1 and z.loc["园区外", "n_sites"] == len(user) - 1
    assert np.isnan(res.overall["share_investment"])  # no investment column


def test_coverage_validation(hand_fixture):
    sites, fac = hand_fixture
    with pytest.raises(ValueError, match="`radius_m`"):
        coverage(sites, fac, radius_m=0, layers=LayerSet.shipped())
    with pytest.raises(ValueError, match="`weight_col`"):
        coverage(sites, fac, radius_m=1000, weight_col="money", layers=LayerSet.shipped())


def test_coverage_on_shipped_layers():
    projects, hubs = load_layer("projects"), load_layer("logistics_hubs")
    res = coverage(projects, hubs, radius_m=20_000, layers=LayerSet.shipped())
    for table in (res.by_county, res.by_zone, res.by_chain):
        assert table["n_sites"].sum() == len(projects)
        assert table["share_count"].between(0, 1).all()
        assert table["share_investment"].dropna().between(0, 1).all()
    assert 0 <= res.overall["share_count"] <= 1
    assert 0 <= res.overall["share_investment"] <= 1
    assert res.overall["n_covered"] == (res.sites["distance_m"] <= 20_000).sum()
    # the one rule: stated county, else the stated zone's county, else a non-schematic position
    zones = load_layer("zones")
    via_zone = projects["zone"].map(dict(zip(zones["name"], zones["county"], strict=True)))
    known = projects["county"].notna() | via_zone.notna()
    schematic = projects["location_quality"].eq("schematic")
    c = res.by_county.set_index("group")
    assert c.loc[UNSTATED, "n_sites"] == (~known & schematic).sum() > 0
    assert len(res.uncovered) == len(projects) - res.overall["n_covered"]


# --------------------------------------------------------------------------- candidates
def test_candidate_sites(city, counties):
    grid = candidate_sites(kind="grid", layers=LayerSet({"city": city}), spacing_m=5000)
    assert list(grid.columns[:3]) == ["id", "name", "kind"] and grid.crs.to_epsg() == 4326
    assert grid.within(city.geometry.iloc[0]).all()
    xy = np.column_stack(TO_M.transform(grid.geometry.x.to_numpy(), grid.geometry.y.to_numpy()))
    d = cdist(xy, xy)
    np.fill_diagonal(d, np.inf)
    nn = d.min(axis=1)
    assert (nn >= 5000 * (1 - 1e-6)).all()  # a lattice 5 km apart …
    assert np.isclose(nn, 5000, rtol=1e-6).mean() > 0.95  # … with few isolated points
    steps = (xy - xy[0]) / 5000
    np.testing.assert_allclose(steps, np.round(steps), atol=1e-6)
    area_km2 = city.to_crs(4547).area.iloc[0] / 1e6
    assert abs(len(grid) - area_km2 / 25) < 0.15 * area_km2 / 25
    zones = load_layer("zones")
    zc = candidate_sites(kind="zone_centroids", layers=LayerSet({"zones": zones}))
    assert len(zc) == len(zones) and (zc["name"].to_numpy() == zones["name"].to_numpy()).all()
    assert zc.to_crs(4547).within(zones.to_crs(4547).buffer(1), align=False).all()
    user = candidate_sites(kind="user", user=zones.iloc[:3])
    assert user["id"].tolist() == zones["id"].iloc[:3].tolist()
    with pytest.raises(ValueError, match="`kind`"):
        candidate_sites(kind="random")
    with pytest.raises(ValueError, match="`user`"):
        candidate_sites(kind="user")
    with pytest.raises(ValueError, match="`spacing_m`"):
        candidate_sites(kind="grid", layers=LayerSet({"city": city}), spacing_m=10)
    with pytest.raises(ValueError, match="`layers` is required"):
        candidate_sites(kind="grid")


# --------------------------------------------------------------------------- placement
@pytest.fixture(scope="module")
def problem(city_points):
    """60 sites, 2 existing facilities, 25 candidates, seeded, in the city."""
    lon, lat = city_points
    rng = np.random.default_rng(5)
    sites = points(
        lon[:60],
        lat[:60],
        name=[f"site{i}" for i in range(60)],
        investment_yi=np.round(rng.uniform(0.5, 20, 60), 2),
    )
    existing = points(lon[60:62], lat[60:62], name=["E1", "E2"])
    cands = points(
        lon[62:87],
        lat[62:87],
        id=[f"c{i}" for i in range(25)],
        name=[f"cand{i}" for i in range(25)],
    )
    return sites, existing, cands


def covered_weight(cost, is_open, radius, w):
    """Independent objective of MCLP: weight of the sites within ``radius`` of an open column."""
    return float(np.asarray(w)[(cost[:, is_open] <= radius).any(axis=1)].sum())


def chosen_columns(res, cands, n_exist):
    """Boolean open flag per cost-matrix column (existing first) from a PlacementResult."""
    is_open = np.zeros(n_exist + len(cands), dtype=bool)
    is_open[:n_exist] = True
    is_open[n_exist + np.flatnonzero(cands["id"].isin(res.chosen["id"]).to_numpy())] = True
    return is_open


def test_mclp_matches_spopt(problem):
    from spopt.locate import MCLP

    sites, existing, cands = problem
    res = place_facilities(sites, cands, radius_m=12_000, model="mclp", k=3, existing=existing)
    assert isinstance(res, PlacementResult) and res.model == "mclp" and res.k == 3
    assert res.optimal and res.gap == 0 and not res.time_limit_hit
    assert res.quality("zh") == "最优解（已证明）" and res.quality("en") == "optimal (proven)"

    cost = metric_cost(sites, pd.concat([existing, cands], ignore_index=True))
    pre = np.r_[1, 1, np.zeros(25, dtype=int)]
    spopt_open, objective = solve_direct(
        MCLP,
        cost,
        sites["investment_yi"].to_numpy(),
        12_000,
        p_facilities=5,
        predefined_facilities_arr=pre,
    )
    assert spopt_open[:2].all()  # existing stay open
    # Same objective as spopt (ties may pick other candidates); it is what the chosen cover.
    assert res.objective == pytest.approx(objective)
    is_open = chosen_columns(res, cands, 2)
    assert is_open.sum() == 5
    assert res.objective == pytest.approx(
        covered_weight(cost, is_open, 12_000, sites["investment_yi"])
    )
    covered = (cost[:, is_open] <= 12_000).any(axis=1)
    assert res.sites["covered"].tolist() == covered.tolist()
    before = (cost[:, :2] <= 12_000).any(axis=1)
    assert res.sites["covered_before"].tolist() == before.tolist()
    assert res.covered_before["n_covered"] == before.sum()
    assert res.covered_after["share_count"] == pytest.approx(covered.mean())
    assert res.covered_after["n_covered"] >= res.covered_before["n_covered"]
    # nearest open facility and its distance, from the dense matrix
    sub = np.where(is_open, cost, np.inf)
    np.testing.assert_allclose(res.sites["distance_m"], sub.min(axis=1), rtol=1e-9)
    names = np.r_[existing["name"].to_numpy(), cands["name"].to_numpy()]
    assert res.sites["facility_name"].tolist() == names[sub.argmin(axis=1)].tolist()
    within = (cost[:, 2:] <= 12_000).sum(axis=0)
    chosen_pos = np.flatnonzero(is_open[2:])
    assert sorted(res.chosen["n_sites_within"]) == sorted(within[chosen_pos])
    # sites covered by an existing facility are still assigned within the radius
    assert res.sites.loc[before, "covered"].all()


def test_mclp_count_weights_and_fill(problem):
    from spopt.locate import MCLP

    sites, _, cands = problem
    s = sites.copy()
    s.loc[s.index[:5], "investment_yi"] = np.nan
    with pytest.raises(ValueError, match="fill_weight"):
        place_facilities(s, cands, radius_m=10_000, model="mclp", k=2)
    res = place_facilities(s, cands, radius_m=10_000, model="mclp", k=2, weight_col=None)
    cost = metric_cost(s, cands)
    _, objective = solve_direct(MCLP, cost, np.ones(len(s)), 10_000, p_facilities=2)
    assert res.objective == pytest.approx(objective)
    assert res.objective == covered_weight(cost, chosen_columns(res, cands, 0), 10_000,
                                           np.ones(len(s)))  # fmt: skip
    filled = place_facilities(s, cands, radius_m=10_000, model="mclp", k=2, fill_weight=1.0)
    assert len(filled.chosen) == 2
    with pytest.raises(ValueError, match="`k`=26"):
        place_facilities(s, cands, radius_m=10_000, model="mclp", k=26, weight_col=None)
    with pytest.raises(ValueError, match="`k`"):
        place_facilities(s, cands, radius_m=10_000, model="mclp", weight_col=None)
    with pytest.raises(ValueError, match="`model`"):
        place_facilities(s, cands, radius_m=10_000, model="pmedian", k=2)
    with pytest.raises(ValueError, match="`time_limit_s`"):
        place_facilities(s, cands, radius_m=10_000, model="mclp", k=2, weight_col=None,
                         time_limit_s=0)  # fmt: skip
    with pytest.raises(ValueError, match="`mip_gap`"):
        place_facilities(s, cands, radius_m=10_000, model="lscp", mip_gap=1.5)


def test_lscp_matches_spopt(problem):
    from spopt.locate import LSCP

    sites, existing, cands = problem
    radius = 15_000
    cost = metric_cost(sites, pd.concat([existing, cands], ignore_index=True))
    assert cost.min(axis=1).max() < radius  # feasible by construction
    res = place_facilities(sites, cands, radius_m=radius, model="lscp", existing=existing)
    pre = np.r_[1, 1, np.zeros(25, dtype=int)]
    spopt_open, objective = solve_direct(LSCP, cost, radius, predefined_facilities_arr=pre)
    assert spopt_open[:2].all()
    assert res.objective == pytest.approx(objective) == len(res.chosen) + 2
    assert res.optimal and res.bound == res.objective
    is_open = chosen_columns(res, cands, 2)
    assert (cost[:, is_open] <= radius).any(axis=1).all()  # the chosen really cover every site
    assert res.k == len(res.chosen)
    assert res.sites["covered"].all() and res.covered_after["share_count"] == 1.0
    assert res.covered_after["share_investment"] == pytest.approx(1.0)


def random_instance(seed: int, n_sites: int, n_cands: int, n_exist: int):
    """Seeded sites (with investment), existing facilities and candidates in a 60 km square."""
    rng = np.random.default_rng(seed)
    origin = np.array([560_000.0, 3_930_000.0])
    sites = from_metric(origin + rng.uniform(0, 60_000, (n_sites, 2)),
                        investment_yi=np.round(rng.gamma(2.0, 3.0, n_sites), 2))  # fmt: skip
    existing = from_metric(origin + rng.uniform(0, 60_000, (n_exist, 2)),
                           name=[f"E{i}" for i in range(n_exist)]) if n_exist else None  # fmt: skip
    cands = from_metric(origin + rng.uniform(0, 60_000, (n_cands, 2)),
                        id=[f"c{i}" for i in range(n_cands)])  # fmt: skip
    return sites, existing, cands


@pytest.mark.parametrize(
    ("seed", "n_exist", "radius", "k", "weight_col"),
    [
        (1, 0, 8_000, 4, None),
        (2, 3, 8_000, 6, "investment_yi"),
        (3, 2, 12_000, 3, None),
        (4, 0, 10_000, 8, "investment_yi"),
        (5, 4, 6_000, 10, None),
    ],
)
def test_placement_objectives_equal_spopt_on_random_instances(seed, n_exist, radius, k,
                                                              weight_col):  # fmt: skip
    from spopt.locate import LSCP, MCLP

    sites, existing, cands = random_instance(seed, 150, 60, n_exist)
    fac = cands if existing is None else pd.concat([existing, cands], ignore_index=True)
    cost = metric_cost(sites, fac)
    pre = np.r_[np.ones(n_exist, dtype=int), np.zeros(len(cands), dtype=int)] if n_exist else None
    w = np.ones(len(sites)) if weight_col is None else sites[weight_col].to_numpy()

    res = place_facilities(sites, cands, radius_m=radius, model="mclp", k=k, existing=existing,
                           weight_col=weight_col)  # fmt: skip
    _, objective = solve_direct(MCLP, cost, w, radius, p_facilities=k + n_exist,
                                predefined_facilities_arr=pre)  # fmt: skip
    assert res.optimal and res.objective == pytest.approx(objective, rel=1e-9)
    is_open = chosen_columns(res, cands, n_exist)
    assert is_open.sum() == k + n_exist
    assert res.objective == pytest.approx(covered_weight(cost, is_open, radius, w), rel=1e-12)

    lscp_radius = max(radius, float(cost.min(axis=1).max()) + 1.0)  # feasible
    res = place_facilities(sites, cands, radius_m=lscp_radius, model="lscp", existing=existing)
    _, objective = solve_direct(LSCP, cost, lscp_radius, predefined_facilities_arr=pre)
    assert res.optimal and res.objective == objective == len(res.chosen) + n_exist
    is_open = chosen_columns(res, cands, n_exist)
    assert (cost[:, is_open] <= lscp_radius).any(axis=1).all()


def test_mclp_that_can_cover_everything_is_optimal(problem):
    from spopt.locate import MCLP

    sites, _, cands = problem
    cost = metric_cost(sites, cands)
    res = place_facilities(sites, cands, radius_m=20_000, model="mclp", k=20, weight_col=None)
    _, objective = solve_direct(MCLP, cost, np.ones(len(sites)), 20_000, p_facilities=20)
    reachable = (cost <= 20_000).any(axis=1).sum()
    assert res.objective == objective == reachable and res.optimal and len(res.chosen) == 20


def test_placement_with_polygon_facilities_matches_spopt(problem):
    """Existing facilities as polygons: the STRtree `dwithin` path of the coverage matrix."""
    from spopt.locate import MCLP

    sites, _, cands = problem
    zones = load_layer("zones").iloc[:6]
    res = place_facilities(sites, cands, radius_m=6_000, model="mclp", k=3, existing=zones,
                           weight_col=None)  # fmt: skip
    site_m = sites.to_crs(4547).geometry.to_numpy()
    fac_m = np.r_[zones.to_crs(4547).geometry.to_numpy(), cands.to_crs(4547).geometry.to_numpy()]
    cost = shapely.distance(site_m[:, None], fac_m[None, :])
    pre = np.r_[np.ones(6, dtype=int), np.zeros(len(cands), dtype=int)]
    _, objective = solve_direct(MCLP, cost, np.ones(len(sites)), 6_000, p_facilities=9,
                                predefined_facilities_arr=pre)  # fmt: skip
    assert res.objective == objective
    before = (cost[:, :6] <= 6_000).any(axis=1)
    assert res.sites["covered_before"].tolist() == before.tolist()


def test_coverage_matrix_is_sparse_and_equals_dense_distances(city_points):
    from scipy import sparse

    from geoapp.coverage.facilities import coverage_matrix

    lon, lat = city_points
    s = points(lon[:300], lat[:300]).to_crs(4547).geometry.to_numpy()
    f = points(lon[300:], lat[300:]).to_crs(4547).geometry.to_numpy()
    dense = cdist(shapely.get_coordinates(s), shapely.get_coordinates(f))
    radius = float(np.sort(dense.ravel())[len(dense.ravel()) // 20])  # a pair exactly at it
    cover = coverage_matrix(s, f, radius)
    assert sparse.issparse(cover) and cover.format == "csr"
    assert np.array_equal(cover.toarray(), dense <= radius)
    polys = shapely.buffer(f[:10], 500.0)
    cover = coverage_matrix(s, polys, radius)
    assert np.array_equal(cover.toarray(),
                          shapely.distance(s[:, None], polys[None, :]) <= radius)  # fmt: skip


@pytest.mark.slow
def test_hard_instance_stops_at_its_time_limit_with_the_proven_gap(city):
    """LSCP of 5,000 sites × 1,006 candidates at 5 km: minutes to prove, stopped after 1 s."""
    from geoapp.geo import random_points

    lon, lat = random_points(city.geometry.iloc[0], 5000, rng=np.random.default_rng(0))
    sites = points(lon, lat)
    cands = candidate_sites(kind="grid", spacing_m=2050, layers=LayerSet({"city": city}))
    assert len(cands) == 1006
    res = place_facilities(sites, cands, radius_m=5_000, model="lscp", time_limit_s=1.0)
    assert res.time_limit_hit and not res.optimal
    assert res.params["time_limit_s"] == 1.0
    assert math.isfinite(res.gap) and res.gap > 0
    assert 1 <= res.bound < res.objective == len(res.chosen)
    assert res.gap == pytest.approx((res.objective - res.bound) / res.bound)
    # the returned solution is feasible: every site within 5 km of a chosen candidate
    from scipy.spatial import cKDTree

    chosen_xy = np.column_stack(TO_M.transform(res.chosen.geometry.x, res.chosen.geometry.y))
    d, _ = cKDTree(chosen_xy).query(np.column_stack(TO_M.transform(lon, lat)))
    assert (d <= 5_000).all() and res.sites["covered"].all()
    pct = math.ceil(res.gap * 1000 - 1e-9) / 10
    assert f"within {pct:.1f} % of the best possible" in res.quality("en")
    assert "1 s time limit" in res.quality("en")
    assert f"与最优解相差不超过 {pct:.1f}%" in res.quality("zh")


def test_lscp_infeasible_names_sites_and_radius(problem):
    sites, existing, cands = problem
    radius = 4_000
    cost = metric_cost(sites, pd.concat([existing, cands], ignore_index=True))
    need = cost.min(axis=1).max()
    assert need > radius
    with pytest.raises(InfeasibleError, match="smallest radius") as info:
        place_facilities(sites, cands, radius_m=radius, model="lscp", existing=existing)
    exc = info.value
    assert isinstance(exc, ValueError)
    feas = exc.feasibility
    assert isinstance(feas, Feasibility) and not feas.feasible
    assert feas.min_radius_m == pytest.approx(need, rel=1e-9)
    rounded = math.ceil(need / 100) * 100
    assert f"{rounded} m" in str(exc)
    far = sites["name"].to_numpy()[cost.min(axis=1) > radius]
    assert set(feas.unreachable["name"]) == set(far)
    listed = str(exc).split("every candidate and existing facility: ")[1].split(". The")[0]
    listed = listed.split(" … and ")[0].split("、")
    assert len(listed) == min(10, len(far)) and set(listed) <= set(far)
    assert f"and {len(far) - 10} more" in str(exc)
    # the suggested radius works
    ok = place_facilities(sites, cands, radius_m=rounded, model="lscp", existing=existing)
    assert ok.sites["covered"].all()


def test_check_feasibility(problem):
    sites, existing, cands = problem
    cost = metric_cost(sites, cands)
    feas = check_feasibility(sites, cands, radius_m=5_000)
    assert feas.min_radius_m == pytest.approx(cost.min(axis=1).max(), rel=1e-9)
    far = cost.min(axis=1) > 5_000
    assert feas.feasible == (not far.any())
    np.testing.assert_allclose(
        np.sort(feas.unreachable["nearest_distance_m"]), np.sort(cost.min(axis=1)[far]), rtol=1e-9
    )
    assert check_feasibility(sites, cands, radius_m=feas.min_radius_m + 1).feasible
    with_existing = check_feasibility(sites, cands, radius_m=5_000, existing=existing)
    assert with_existing.min_radius_m <= feas.min_radius_m


def test_placement_on_shipped_layers():
    projects, hubs = load_layer("projects"), load_layer("logistics_hubs")
    grid = candidate_sites(kind="grid", spacing_m=8000, layers=LayerSet.shipped())
    res = place_facilities(
        projects, grid, radius_m=10_000, model="mclp", k=2, existing=hubs, weight_col=None
    )
    assert len(res.chosen) == 2
    assert res.covered_after["n_covered"] >= res.covered_before["n_covered"]
    assert 0 <= res.covered_after["share_investment"] <= 1
