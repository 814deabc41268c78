"""Clusters of project sites, measured in metres.

:func:`cluster_sites` groups sites with DBSCAN or HDBSCAN (scikit-learn) on
their coordinates in :data:`geoapp.settings.METRIC_CRS` (EPSG:4547), so ``eps_m``
is a real distance. It is vectorised over all sites at once (one clustering
call, one ``groupby`` for the statistics, one ``shapely.multipoints`` for the
hulls). The Gi* hot spots are in :mod:`geoapp.clustering.hotspots`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geoapp.clustering.common import check_int, check_positive, metric_xy
from geoapp.geo import require_crs
from geoapp.layers import OUTSIDE_COUNTIES, LayerSet, county_labels
from geoapp.projects import UNSTATED, labels
from geoapp.settings import COUNTY_ADCODES, DEFAULT_CLUSTER, METRIC_CRS, STORAGE_CRS
from geoapp.vocab import STAGES

logger = logging.getLogger(__name__)

__all__ = ["ClusterResult", "cluster_sites"]

#: Label of noise points (``cluster == -1``).
NOISE_LABEL = "噪声"
_TABLE_COLUMNS = [
    "cluster",
    "cluster_label",
    "count",
    "investment_yi",
    "n_with_investment",
    "dominant_chain",
    "chains",
    "counties",
    "stages",
]
_HULL_COLUMNS = ["cluster", "cluster_label", "count", "investment_yi", "dominant_chain", "counties"]


@dataclass(frozen=True)
class ClusterResult:
    """The result of :func:`cluster_sites`.

    Attributes
    ----------
    sites
        The input rows plus ``cluster`` (int; clusters numbered 1, 2, … by
        decreasing size, ``-1`` = noise) and ``cluster_label`` (``"C1"``, …;
        ``"噪声"`` for noise).
    hulls
        One polygon per cluster in EPSG:4326: the convex hull of its members
        buffered by ``hull_buffer_m``. Columns ``cluster``, ``cluster_label``,
        ``count``, ``investment_yi``, ``dominant_chain``, ``counties``.
    table
        One row per cluster: ``cluster``, ``cluster_label``, ``count``,
        ``investment_yi`` (亿元, sum of known amounts), ``n_with_investment``,
        ``dominant_chain`` (most frequent stated chain, ``"未注明"`` if none),
        ``chains`` and ``stages`` (``"氢能(5)、光伏及风电(2)"``), ``counties``
        the cluster spans by location (``"华龙区、濮阳县"``).
    method
        ``"dbscan"`` or ``"hdbscan"``.
    params
        The parameters used, plus ``n_clusters`` and ``n_noise``.
    """

    sites: gpd.GeoDataFrame
    hulls: gpd.GeoDataFrame
    table: pd.DataFrame
    method: str
    params: dict[str, Any] = field(default_factory=dict)


def _renumber(raw: np.ndarray) -> np.ndarray:
    """Renumber cluster labels 1..n by decreasing size (ties: first appearance); keep -1."""
    out = np.full(len(raw), -1, dtype=np.int64)
    clustered = raw >= 0
    if not clustered.any():
        return out
    uniq, first, counts = np.unique(raw[clustered], return_index=True, return_counts=True)
    order = np.lexsort((first, -counts))
    new = np.empty(len(uniq), dtype=np.int64)
    new[order] = np.arange(1, len(uniq) + 1)
    out[clustered] = new[np.searchsorted(uniq, raw[clustered])]
    return out


def _counts_text(frame: pd.DataFrame, col: str, order: list[str] | None = None) -> pd.Series:
    """Per cluster: ``"a(3)、b(1)"`` of the stated values of ``col`` (count desc or ``order``)."""
    known = frame[frame[col] != UNSTATED]
    if known.empty:
        return pd.Series(dtype=object)
    vc = known.groupby(["cluster", col]).size().rename("n").reset_index()
    if order is not None:
        rank = {v: i for i, v in enumerate(order)}
        vc["rank"] = vc[col].map(rank).fillna(len(order))
        vc = vc.sort_values(["cluster", "rank", col])
    else:
        vc = vc.sort_values(["cluster", "n", col], ascending=[True, False, True])
    vc["txt"] = vc[col].astype(str) + "(" + vc["n"].astype(str) + ")"
    return vc.groupby("cluster")["txt"].agg("、".join)


def _dominant(frame: pd.DataFrame, col: str) -> pd.Series:
    known = frame[frame[col] != UNSTATED]
    if known.empty:
        return pd.Series(dtype=object)
    vc = known.groupby(["cluster", col]).size().rename("n").reset_index()
    vc = vc.sort_values(["cluster", "n", col], ascending=[True, False, True])
    return vc.drop_duplicates("cluster").set_index("cluster")[col]


def _cluster_table(frame: pd.DataFrame) -> pd.DataFrame:
    members = frame[frame["cluster"] >= 0]
    if members.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in _TABLE_COLUMNS})
    g = members.groupby("cluster")
    table = pd.DataFrame(
        {
            "count": g.size(),
            "investment_yi": g["inv"].sum(min_count=1),  # NaN when no amount is known
            "n_with_investment": g["inv"].count(),
        }
    )
    table["dominant_chain"] = _dominant(members, "chain").reindex(table.index).fillna(UNSTATED)
    table["chains"] = _counts_text(members, "chain").reindex(table.index).fillna("")
    county_order = list(COUNTY_ADCODES.values())
    loc = members[["cluster", "loc_county"]].drop_duplicates()
    loc = loc[~loc["loc_county"].isin([UNSTATED, OUTSIDE_COUNTIES])].copy()
    loc["rank"] = loc["loc_county"].map({c: i for i, c in enumerate(county_order)}).fillna(99)
    loc = loc.sort_values(["cluster", "rank", "loc_county"])
    table["counties"] = (
        loc.groupby("cluster")["loc_county"].agg("、".join).reindex(table.index).fillna("")
    )
    table["stages"] = (
        _counts_text(members, "stage", order=list(STAGES)).reindex(table.index).fillna("")
    )
    table = table.rename_axis("cluster").reset_index()
    table.insert(1, "cluster_label", "C" + table["cluster"].astype(str))
    return table[_TABLE_COLUMNS]


def _empty_hulls() -> gpd.GeoDataFrame:
    cols = {c: pd.Series(dtype=object) for c in _HULL_COLUMNS}
    return gpd.GeoDataFrame(cols, geometry=gpd.GeoSeries([], crs=STORAGE_CRS), crs=STORAGE_CRS)


def cluster_sites(
    sites: gpd.GeoDataFrame,
    *,
    method: Literal["dbscan", "hdbscan"] = "dbscan",
    eps_m: float = DEFAULT_CLUSTER.eps_m,
    min_samples: int = DEFAULT_CLUSTER.min_samples,
    min_cluster_size: int = 5,
    hull_buffer_m: float = DEFAULT_CLUSTER.hull_buffer_m,
    layers: LayerSet,
) -> ClusterResult:
    """Cluster sites by distance in metres with DBSCAN or HDBSCAN.

    Coordinates are taken in EPSG:4547 (metres; polygons by a point inside
    them) and passed in one call to :class:`sklearn.cluster.DBSCAN` or
    :class:`sklearn.cluster.HDBSCAN`.

    Parameters
    ----------
    sites
        Points (or polygons) with a CRS; optional columns ``investment_yi``,
        ``chain``, ``stage`` feed the statistics.
    method
        ``{"dbscan", "hdbscan"}``. DBSCAN joins sites within ``eps_m`` of a core
        site; HDBSCAN finds clusters of varying density and ignores ``eps_m``.
    eps_m
        DBSCAN neighbourhood radius in metres (default 3 000).
    min_samples
        Sites (including itself) within reach for a site to be a core site
        (default 3), for both methods.
    min_cluster_size
        HDBSCAN only: the smallest group reported as a cluster (default 5).
    hull_buffer_m
        Buffer around each cluster's convex hull, in metres (default 500);
        0 keeps the bare hull (a point or line for 1–2 distinct positions).
    layers
        The bundle whose counties name the counties a cluster spans, by the
        one rule of :mod:`geoapp.layers.places` (unknown counties are left out).

    Returns
    -------
    ClusterResult
        Labelled sites, hulls (EPSG:4326), a per-cluster table, the method and
        its parameters. An empty ``sites`` gives an empty result.

    Raises
    ------
    ValueError
        On an unknown ``method``, a non-positive ``eps_m``, ``min_samples`` < 1,
        ``min_cluster_size`` < 2, a negative ``hull_buffer_m`` or sites without
        geometry.
    CRSError
        If ``sites`` has no CRS.

    Examples
    --------
    >>> res = cluster_sites(load_layer("projects"), eps_m=5000)  # doctest: +SKIP
    >>> res.table[["cluster_label", "count", "dominant_chain"]]  # doctest: +SKIP
    """
    params = _cluster_params(method, eps_m, min_samples, min_cluster_size, hull_buffer_m)
    require_crs(sites=sites)
    out = sites.copy()
    n = len(out)
    if n == 0:
        out["cluster"] = pd.Series(dtype="int64")
        out["cluster_label"] = pd.Series(dtype=object)
        params.update(n_clusters=0, n_noise=0)
        return ClusterResult(
            out, _empty_hulls(), _cluster_table(pd.DataFrame({"cluster": []})), method, params
        )

    xy = metric_xy(sites)
    cluster = _renumber(_raw_labels(xy, method, params))
    out["cluster"] = cluster
    out["cluster_label"] = np.where(
        cluster >= 0, np.char.add("C", cluster.astype(str)), NOISE_LABEL
    ).astype(object)
    table = _cluster_table(_site_frame(sites, cluster, layers))
    hulls = _hulls(xy, cluster, table, params["hull_buffer_m"])
    params.update(n_clusters=int(len(table)), n_noise=int((cluster < 0).sum()))
    logger.info(
        "%s: %d sites, %d clusters, %d noise", method, n, params["n_clusters"], params["n_noise"]
    )
    return ClusterResult(out, hulls, table, method, params)


def _cluster_params(
    method: str, eps_m: float, min_samples: int, min_cluster_size: int, hull_buffer_m: float
) -> dict[str, Any]:
    """Check the arguments of :func:`cluster_sites`; return the parameters the method uses.

    Raises
    ------
    ValueError
        On an unknown method or an out-of-range value.
    """
    methods = ("dbscan", "hdbscan")
    if method not in methods:
        msg = f"`method` was {method!r} but must be one of {methods}."
        raise ValueError(msg)
    eps_m = check_positive("eps_m", eps_m)
    min_samples = check_int("min_samples", min_samples, 1)
    min_cluster_size = check_int("min_cluster_size", min_cluster_size, 2)
    hull_buffer_m = check_positive("hull_buffer_m", hull_buffer_m, allow_zero=True)
    params: dict[str, Any] = {"eps_m": eps_m, "min_samples": min_samples}
    if method == "hdbscan":
        params = {"min_cluster_size": min_cluster_size, "min_samples": min_samples}
    params["hull_buffer_m"] = hull_buffer_m
    return params


def _raw_labels(xy: np.ndarray, method: str, params: Mapping[str, Any]) -> np.ndarray:
    """scikit-learn's cluster label of each site (-1: noise), in one call."""
    if method == "dbscan":
        from sklearn.cluster import DBSCAN  # deferred: scikit-learn takes 0.6 s to import

        dbs = DBSCAN(eps=params["eps_m"], min_samples=params["min_samples"])
        return np.asarray(dbs.fit(xy).labels_)
    if len(xy) < max(2, params["min_cluster_size"], params["min_samples"]):
        return np.full(len(xy), -1)  # too few sites for any cluster
    from sklearn.cluster import HDBSCAN  # deferred: scikit-learn takes 0.6 s to import

    hdb = HDBSCAN(
        min_cluster_size=params["min_cluster_size"], min_samples=params["min_samples"], copy=True
    )
    return np.asarray(hdb.fit(xy).labels_)


def _site_frame(sites: gpd.GeoDataFrame, cluster: np.ndarray, layers: LayerSet) -> pd.DataFrame:
    """Per site: cluster, investment, chain, stage and county by location (for the table)."""
    county = county_labels(sites, layers)
    inv = (
        pd.to_numeric(sites["investment_yi"], errors="coerce")
        if "investment_yi" in sites.columns
        else pd.Series(np.nan, index=sites.index)
    )
    return pd.DataFrame(
        {
            "cluster": cluster,
            "inv": inv.to_numpy(dtype="float64"),
            "chain": labels(
                sites["chain"] if "chain" in sites.columns else None, sites.index
            ).to_numpy(),
            "stage": labels(
                sites["stage"] if "stage" in sites.columns else None, sites.index
            ).to_numpy(),
            "loc_county": county.to_numpy(dtype=object),
        }
    )


def _hulls(
    xy: np.ndarray, cluster: np.ndarray, table: pd.DataFrame, hull_buffer_m: float
) -> gpd.GeoDataFrame:
    """One buffered convex hull per cluster, in EPSG:4326, with the table's summary columns."""
    clustered = cluster >= 0
    if not clustered.any():
        return _empty_hulls()
    order = np.argsort(cluster[clustered], kind="stable")
    ids = cluster[clustered][order]
    pts = shapely.points(xy[clustered][order])
    multi = shapely.multipoints(pts, indices=ids - 1)  # ids are 1..n, contiguous
    hull = shapely.convex_hull(multi)
    if hull_buffer_m > 0:
        hull = shapely.buffer(hull, hull_buffer_m)
    return gpd.GeoDataFrame(
        table[_HULL_COLUMNS].reset_index(drop=True),
        geometry=gpd.GeoSeries(hull, crs=METRIC_CRS).to_crs(STORAGE_CRS).values,
        crs=STORAGE_CRS,
    )
