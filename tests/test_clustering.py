"""Tests of geoapp.clustering against scikit-learn and esda called directly."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import Transformer
from shapely.geometry import box
from sklearn.cluster import DBSCAN, HDBSCAN
from sklearn.metrics import adjusted_rand_score

from geoapp.clustering import HOTSPOT_CLASSES, ClusterResult, cluster_sites, hot_spots
from geoapp.errors import CRSError
from geoapp.layers import load_layer

TO_M = Transformer.from_crs(4326, 4547, always_xy=True)
TO_LL = Transformer.from_crs(4547, 4326, always_xy=True)


@pytest.fixture(scope="module")
def random_sites(city_points):
    """300 points: 150 uniform in the city plus 150 in 5 seeded blobs (so clusters exist)."""
    lon, lat = city_points
    rng = np.random.default_rng(7)
    x, y = TO_M.transform(lon[:150], lat[:150])
    centres = np.column_stack(TO_M.transform(lon[150:155], lat[150:155]))
    blob = centres[rng.integers(0, 5, 150)] + rng.normal(0, 1500, (150, 2))
    bx, by = TO_LL.transform(blob[:, 0], blob[:, 1])
    return gpd.GeoDataFrame(
        {"name": [f"s{i}" for i in range(300)]},
        geometry=gpd.points_from_xy(np.r_[lon[:150], bx], np.r_[lat[:150], by]),
        crs=4326,
    )


def metric_xy(gdf):
    return np.column_stack(TO_M.transform(gdf.geometry.x.to_numpy(), gdf.geometry.y.to_numpy()))


def same_partition(a, b):
    assert adjusted_rand_score(a, b) == pytest.approx(1.0)
    assert np.array_equal(np.asarray(a) == -1, np.asarray(b) == -1)


def test_dbscan_matches_sklearn(random_sites, shipped):
    res = cluster_sites(random_sites, eps_m=2500, min_samples=4, layers=shipped)
    direct = DBSCAN(eps=2500, min_samples=4).fit(metric_xy(random_sites)).labels_
    same_partition(res.sites["cluster"], direct)
    assert isinstance(res, ClusterResult) and res.method == "dbscan"
    n = len(set(direct) - {-1})
    assert n >= 3 and res.params["n_clusters"] == n
    assert res.params["n_noise"] == int((direct == -1).sum())
    # clusters numbered by decreasing size, labels C1..Cn
    sizes = res.table["count"].to_numpy()
    assert list(res.table["cluster"]) == list(range(1, n + 1))
    assert (np.diff(sizes) <= 0).all()
    assert set(res.sites.loc[res.sites["cluster"] > 0, "cluster_label"]) == {
        f"C{i}" for i in range(1, n + 1)
    }


def test_hdbscan_matches_sklearn(random_sites, shipped):
    res = cluster_sites(
        random_sites, method="hdbscan", min_cluster_size=8, min_samples=4, layers=shipped
    )
    direct = HDBSCAN(min_cluster_size=8, min_samples=4, copy=True).fit(metric_xy(random_sites))
    same_partition(res.sites["cluster"], direct.labels_)
    assert res.method == "hdbscan" and res.params["min_cluster_size"] == 8
    n = len(set(direct.labels_) - {-1})
    assert n >= 3 and len(res.hulls) == n


@pytest.fixture(scope="module")
def two_groups():
    """Group A (6 sites) and group B (4 sites) 20 km apart, plus one isolated site."""
    rng = np.random.default_rng(3)
    a0 = np.array([600_000.0, 3_960_000.0])
    b0 = a0 + [20_000.0, 0.0]
    a = a0 + rng.normal(0, 200, (6, 2))
    b = b0 + rng.normal(0, 200, (4, 2))
    lone = a0 + [8_000.0, 9_000.0]
    xy = np.vstack([a, b, lone])
    lon, lat = TO_LL.transform(xy[:, 0], xy[:, 1])
    return gpd.GeoDataFrame(
        {
            "name": [f"A{i}" for i in range(6)] + [f"B{i}" for i in range(4)] + ["lone"],
            "investment_yi": [1.0, 2.0, np.nan, 3.0, np.nan, np.nan, 5.0, np.nan, 0.5, 10.0, 99.0],
            "chain": ["氢能", "氢能", "光伏及风电", "氢能", "光伏及风电", None]
            + ["绿色涂料", "聚碳新材料", "聚碳新材料", ""]
            + ["氢能"],
            "stage": ["签约", "在建", "在建", "投产", None, "谋划"]
            + ["投产", "投产", "签约", "在建"]
            + ["签约"],
        },
        geometry=gpd.points_from_xy(lon, lat),
        crs=4326,
    )


def test_two_groups(two_groups, counties, shipped):
    res = cluster_sites(two_groups, eps_m=1000, min_samples=3, hull_buffer_m=300, layers=shipped)
    lab = res.sites.set_index("name")["cluster"]
    assert set(lab[[f"A{i}" for i in range(6)]]) == {1}
    assert set(lab[[f"B{i}" for i in range(4)]]) == {2}
    assert lab["lone"] == -1
    assert res.sites.set_index("name").loc["lone", "cluster_label"] == "噪声"
    t = res.table.set_index("cluster")
    assert t.loc[1, "count"] == 6 and t.loc[2, "count"] == 4
    assert t.loc[1, "investment_yi"] == pytest.approx(6.0)
    assert t.loc[1, "n_with_investment"] == 3
    assert t.loc[2, "investment_yi"] == pytest.approx(15.5)
    assert t.loc[1, "dominant_chain"] == "氢能"
    assert t.loc[2, "dominant_chain"] == "聚碳新材料"
    assert t.loc[1, "chains"] == "氢能(3)、光伏及风电(2)"
    assert t.loc[1, "stages"] == "谋划(1)、签约(1)、在建(2)、投产(1)"
    # counties spanned, by location, computed independently
    for cid, prefix in ((1, "A"), (2, "B")):
        members = two_groups[two_groups["name"].str.startswith(prefix)]
        expected = {
            counties["name"].iloc[j]
            for p in members.geometry
            for j in range(len(counties))
            if counties.geometry.iloc[j].contains(p)
        }
        assert set(filter(None, t.loc[cid, "counties"].split("、"))) == expected
    # hulls: EPSG:4326, one per cluster, containing every member
    assert res.hulls.crs.to_epsg() == 4326 and len(res.hulls) == 2
    for cid, prefix in ((1, "A"), (2, "B")):
        hull = res.hulls.set_index("cluster").geometry.loc[cid]
        members = two_groups[two_groups["name"].str.startswith(prefix)]
        assert hull.geom_type == "Polygon"
        assert shapely.contains(hull, members.geometry.values).all()
    # buffered by 300 m: the hull is at least 300 m from the other cluster's centre
    hulls_m = res.hulls.to_crs(4547).set_index("cluster")
    assert hulls_m.geometry.loc[1].distance(hulls_m.geometry.loc[2]) > 18_000


def test_validation(two_groups, shipped):
    with pytest.raises(ValueError, match="`method`"):
        cluster_sites(two_groups, method="kmeans", layers=shipped)
    with pytest.raises(ValueError, match="`eps_m`"):
        cluster_sites(two_groups, eps_m=0, layers=shipped)
    with pytest.raises(ValueError, match="`min_samples`"):
        cluster_sites(two_groups, min_samples=0, layers=shipped)
    with pytest.raises(ValueError, match="`hull_buffer_m`"):
        cluster_sites(two_groups, hull_buffer_m=-1, layers=shipped)
    with pytest.raises(CRSError, match="`sites`"):
        cluster_sites(two_groups.set_crs(None, allow_override=True), layers=shipped)


def test_empty_and_tiny_input(two_groups, shipped):
    res = cluster_sites(two_groups.iloc[:0], layers=shipped)
    assert len(res.sites) == 0 and len(res.hulls) == 0 and len(res.table) == 0
    assert "cluster" in res.sites.columns and "dominant_chain" in res.table.columns
    tiny = cluster_sites(two_groups.iloc[:2], method="hdbscan", layers=shipped)
    assert (tiny.sites["cluster"] == -1).all() and len(tiny.hulls) == 0


def test_clusters_on_shipped_projects(shipped):
    projects = load_layer("projects")
    res = cluster_sites(projects, layers=shipped)
    assert len(res.sites) == len(projects)
    assert res.table["count"].sum() == (res.sites["cluster"] > 0).sum()
    assert res.hulls.geometry.is_valid.all()


# --------------------------------------------------------------------------- Gi*
CELL = 5000.0
X0, Y0, N = 580_000.0, 3_950_000.0, 10


@pytest.fixture(scope="module")
def planted():
    """A 10 x 10 grid of 5 km cells; 0-3 sites per cell, 15 per cell in a 3 x 3 block."""
    rng = np.random.default_rng(11)
    counts = rng.integers(0, 4, (N, N))
    block = (slice(3, 6), slice(3, 6))  # rows iy, cols ix
    counts[block] = 15
    iy, ix = np.nonzero(counts >= 0)
    reps = counts[iy, ix]
    cx = np.repeat(X0 + (ix + 0.5) * CELL, reps) + rng.uniform(-2000, 2000, reps.sum())
    cy = np.repeat(Y0 + (iy + 0.5) * CELL, reps) + rng.uniform(-2000, 2000, reps.sum())
    lon, lat = TO_LL.transform(cx, cy)
    sites = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs=4326)
    extent = gpd.GeoSeries([box(X0, Y0, X0 + N * CELL, Y0 + N * CELL)], crs=4547)
    return sites, extent, counts


def test_hot_spots_planted_block(planted):
    sites, extent, counts = planted
    res = hot_spots(sites, value_col=None, cell_m=CELL, k=8, extent=extent, seed=1)
    assert res.crs.to_epsg() == 4326 and len(res) == N * N
    cent = np.column_stack(
        [res.to_crs(4547).centroid.x.to_numpy(), res.to_crs(4547).centroid.y.to_numpy()]
    )
    ix = np.round((cent[:, 0] - X0) / CELL - 0.5).astype(int)
    iy = np.round((cent[:, 1] - Y0) / CELL - 0.5).astype(int)
    assert np.array_equal(res["value"].to_numpy(), counts[iy, ix])
    in_block = (ix >= 3) & (ix <= 5) & (iy >= 3) & (iy <= 5)
    assert res.loc[in_block, "hotspot"].str.startswith("热点").all()
    assert (res.loc[in_block, "p"] <= 0.05).all()
    assert (res.loc[in_block, "z"] > 0).all()
    far = (np.abs(ix - 4) >= 4) | (np.abs(iy - 4) >= 4)
    assert not res.loc[far, "hotspot"].str.startswith("热点").any()
    assert set(res["hotspot"]) <= set(HOTSPOT_CLASSES)

    # z against esda called directly on the same values and KNN weights
    from esda.getisord import G_Local
    from libpysal.weights import KNN

    exact = np.column_stack([X0 + (ix + 0.5) * CELL, Y0 + (iy + 0.5) * CELL])
    w = KNN.from_array(exact, k=8, silence_warnings=True)
    direct = G_Local(counts[iy, ix].astype(float), w, transform="B", star=True, permutations=0)
    np.testing.assert_allclose(res["z"].to_numpy(), direct.Zs, rtol=1e-9)


def test_hot_spots_value_column_and_errors(planted):
    sites, extent, counts = planted
    s = sites.assign(inv=2.0)
    by_value = hot_spots(s, value_col="inv", cell_m=CELL, extent=extent, permutations=99)
    by_count = hot_spots(s, value_col=None, cell_m=CELL, extent=extent, permutations=99)
    np.testing.assert_allclose(by_value["value"], 2 * by_count["value"])
    np.testing.assert_allclose(by_value["z"], by_count["z"])  # Gi* is scale-free
    with pytest.raises(ValueError, match="`value_col`"):
        hot_spots(sites, value_col="nope", extent=extent)
    with pytest.raises(ValueError, match="`cell_m`"):
        hot_spots(sites, value_col=None, cell_m=-5, extent=extent)
    with pytest.raises(ValueError, match="`permutations`"):
        hot_spots(sites, value_col=None, permutations=10, extent=extent)
    with pytest.raises(ValueError, match="non-zero"):
        hot_spots(s.assign(inv=np.nan), value_col="inv", cell_m=CELL, extent=extent)
    few = s.iloc[:3]
    with pytest.warns(UserWarning, match="non-zero value"):
        hot_spots(few, value_col=None, cell_m=CELL, extent=extent, permutations=99)


def test_hot_spots_on_shipped_projects(shipped):
    projects = load_layer("projects")
    res = hot_spots(projects, value_col=None, cell_m=5000, permutations=99, extent=shipped["city"])
    assert res["n_sites"].sum() <= len(projects)
    assert res["n_sites"].sum() >= 0.95 * len(projects)  # sites lie in the city
    assert set(res["hotspot"]) <= set(HOTSPOT_CLASSES)
    assert res["p"].between(0, 1).all()
