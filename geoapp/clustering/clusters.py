"""Clusters and hot spots of project sites, measured in metres.

:func:`cluster_sites` groups sites with DBSCAN or HDBSCAN (scikit-learn) on
their coordinates in :data:`geoapp.settings.METRIC_CRS` (EPSG:4547), so ``eps_m``
is a real distance. :func:`hot_spots` computes the Getis-Ord Gi* statistic
(PySAL ``esda``) of investment or site counts on a regular grid of square cells.

Both are vectorised over all sites at once (one clustering call, one
``groupby`` for the statistics, one ``shapely.multipoints`` for the hulls).
"""

from __future__ import annotations

import logging
import math
import warnings
from dataclasses import dataclass, field
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geoapp.geo import points_of, require_crs, to_metric
from geoapp.layers import OUTSIDE_COUNTIES, LayerSet, county_labels
from geoapp.projects import UNSTATED, labels
from geoapp.settings import COUNTY_ADCODES, DEFAULT_CLUSTER, METRIC_CRS, STORAGE_CRS
from geoapp.vocab import STAGES

logger = logging.getLogger(__name__)

__all__ = ["HOTSPOT_CLASSES", "ClusterResult", "cluster_sites", "hot_spots"]

#: Label of noise points (``cluster == -1``).
NOISE_LABEL = "噪声"
#: Gi* classes, hottest first.
HOTSPOT_CLASSES: tuple[str, ...] = (
    "热点 99%",
    "热点 95%",
    "热点 90%",
    "不显著",
    "冷点 90%",
    "冷点 95%",
    "冷点 99%",
)
_MAX_CELLS = 250_000
_MIN_NONZERO_CELLS = 30

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


def _check_positive(name: str, value: float, *, allow_zero: bool = False) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        msg = f"`{name}` must be a number, got {value!r}."
        raise TypeError(msg) from None
    ok = v >= 0 if allow_zero else v > 0
    if not (math.isfinite(v) and ok):
        bound = ">= 0" if allow_zero else "> 0"
        msg = f"`{name}` must be a finite number {bound} (metres), got {value!r}."
        raise ValueError(msg)
    return v


def _check_int(name: str, value: int, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        msg = f"`{name}` must be an integer >= {minimum}, got {value!r}."
        raise ValueError(msg)
    return int(value)


def _metric_xy(sites: gpd.GeoDataFrame, name: str = "sites") -> np.ndarray:
    """Metric x/y of each site (a point inside polygons); raise on empty geometry."""
    geom = sites.geometry
    bad = geom.isna() | geom.is_empty
    if bad.any():
        rows = list(sites.index[bad.to_numpy()][:10])
        msg = (
            f"`{name}` has {int(bad.sum())} row(s) without geometry (index {rows}); "
            "drop them (e.g. `gdf[~gdf.geometry.is_empty & gdf.geometry.notna()]`) first."
        )
        raise ValueError(msg)
    pts = points_of(sites)
    return shapely.get_coordinates(pts.values)


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
    methods = ("dbscan", "hdbscan")
    if method not in methods:
        msg = f"`method` was {method!r} but must be one of {methods}."
        raise ValueError(msg)
    eps_m = _check_positive("eps_m", eps_m)
    min_samples = _check_int("min_samples", min_samples, 1)
    min_cluster_size = _check_int("min_cluster_size", min_cluster_size, 2)
    hull_buffer_m = _check_positive("hull_buffer_m", hull_buffer_m, allow_zero=True)
    require_crs(sites=sites)
    params: dict[str, Any] = {"eps_m": eps_m, "min_samples": min_samples}
    if method == "hdbscan":
        params = {"min_cluster_size": min_cluster_size, "min_samples": min_samples}
    params["hull_buffer_m"] = hull_buffer_m

    out = sites.copy()
    n = len(out)
    if n == 0:
        out["cluster"] = pd.Series(dtype="int64")
        out["cluster_label"] = pd.Series(dtype=object)
        params.update(n_clusters=0, n_noise=0)
        return ClusterResult(
            out, _empty_hulls(), _cluster_table(pd.DataFrame({"cluster": []})), method, params
        )

    xy = _metric_xy(sites)
    if method == "dbscan":
        from sklearn.cluster import DBSCAN  # deferred: scikit-learn takes 0.6 s to import

        raw = DBSCAN(eps=eps_m, min_samples=min_samples).fit(xy).labels_
    elif n < max(2, min_cluster_size, min_samples):
        raw = np.full(n, -1)  # too few sites for any cluster
    else:
        from sklearn.cluster import HDBSCAN  # deferred: scikit-learn takes 0.6 s to import

        hdb = HDBSCAN(min_cluster_size=min_cluster_size, min_samples=min_samples, copy=True)
        raw = hdb.fit(xy).labels_
    cluster = _renumber(np.asarray(raw))
    out["cluster"] = cluster
    out["cluster_label"] = np.where(
        cluster >= 0, np.char.add("C", cluster.astype(str)), NOISE_LABEL
    ).astype(object)

    county = county_labels(sites, layers)
    inv = (
        pd.to_numeric(sites["investment_yi"], errors="coerce")
        if "investment_yi" in sites.columns
        else pd.Series(np.nan, index=sites.index)
    )
    frame = pd.DataFrame(
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
    table = _cluster_table(frame)

    clustered = cluster >= 0
    if clustered.any():
        order = np.argsort(cluster[clustered], kind="stable")
        ids = cluster[clustered][order]
        pts = shapely.points(xy[clustered][order])
        multi = shapely.multipoints(pts, indices=ids - 1)  # ids are 1..n, contiguous
        hull = shapely.convex_hull(multi)
        if hull_buffer_m > 0:
            hull = shapely.buffer(hull, hull_buffer_m)
        hulls = gpd.GeoDataFrame(
            table[_HULL_COLUMNS].reset_index(drop=True),
            geometry=gpd.GeoSeries(hull, crs=METRIC_CRS).to_crs(STORAGE_CRS).values,
            crs=STORAGE_CRS,
        )
    else:
        hulls = _empty_hulls()
    params.update(n_clusters=int(len(table)), n_noise=int((~clustered).sum()))
    logger.info(
        "%s: %d sites, %d clusters, %d noise", method, n, params["n_clusters"], params["n_noise"]
    )
    return ClusterResult(out, hulls, table, method, params)


def _extent_geometry(extent: gpd.GeoDataFrame | gpd.GeoSeries) -> shapely.Geometry:
    if not isinstance(extent, (gpd.GeoDataFrame, gpd.GeoSeries)):
        msg = (
            f"`extent` must be a GeoDataFrame or GeoSeries with a CRS (e.g. "
            f"layers['city']), got {type(extent).__name__}."
        )
        raise TypeError(msg)
    require_crs(extent=extent)
    if len(extent) == 0:
        msg = "`extent` is empty; pass the polygon(s) to cover, e.g. layers['city']."
        raise ValueError(msg)
    geom = to_metric(extent.geometry if isinstance(extent, gpd.GeoDataFrame) else extent)
    return shapely.union_all(geom.values)


def hot_spots(
    sites: gpd.GeoDataFrame,
    *,
    value_col: str | None = "investment_yi",
    cell_m: float = 5000.0,
    k: int = 8,
    permutations: int = 999,
    seed: int = 0,
    extent: gpd.GeoDataFrame | gpd.GeoSeries,
) -> gpd.GeoDataFrame:
    """Getis-Ord Gi* hot and cold spots of investment (or site counts) on a grid.

    The extent is covered with square cells of ``cell_m`` metres in EPSG:4547
    (cells that touch it are kept); each cell's value is the sum of
    ``value_col`` over the sites in it (unknown amounts count 0), or the number
    of sites when ``value_col`` is None. Gi* (:class:`esda.getisord.G_Local`,
    ``star=True``, binary weights with the cell itself included) is computed
    with ``k`` nearest cell centroids as neighbours and a conditional
    permutation test for the pseudo p-value. Binning is vectorised.

    Gi* helps when many cells carry a value: with fewer than about 30 non-zero
    cells (e.g. the shipped projects, of which only some state an investment)
    the test has little power and a single large amount makes its
    neighbourhood "hot", while runs of empty cells come out as significant
    cold spots (no permutation of mostly-zero values is lower than their 0);
    a warning is issued. Prefer ``value_col=None`` (site
    counts) or larger cells then. Positions of the sample layers are schematic,
    so their hot spots illustrate the method, not the city.

    Parameters
    ----------
    sites
        Points (or polygons, by a point inside) with a CRS. Sites outside the
        grid are ignored.
    value_col
        Numeric column summed per cell (default ``"investment_yi"``, 亿元), or
        None to count sites.
    cell_m
        Cell side in metres (default 5 000).
    k
        Number of nearest neighbouring cells (default 8: the ring around a cell
        in the interior of the grid).
    permutations
        Random permutations of the pseudo p-value (at least 99; default 999).
    seed
        Seed of the permutations, for reproducible p-values.
    extent
        Polygons to cover, e.g. the city outline ``layers["city"]``.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per cell, in EPSG:4326: ``cell_id``, ``n_sites``, ``value``,
        ``z`` (Gi* z-score, ``Zs``), ``p`` (pseudo p-value, ``p_sim``),
        ``p_norm`` (one-sided p of ``z`` under normality) and ``hotspot``,
        one of :data:`HOTSPOT_CLASSES`: ``"热点 99%"`` when z > 0 and
        p <= 0.01, ``"热点 95%"`` for p <= 0.05, ``"热点 90%"`` for p <= 0.10,
        likewise ``"冷点 …"`` for z < 0, else ``"不显著"``.

    Raises
    ------
    ValueError
        On a non-positive ``cell_m``, ``k`` < 1 or not below the number of
        cells, ``permutations`` < 99, a missing ``value_col``, negative values,
        a grid of more than 250 000 cells, or when every cell is 0.
    """
    cell_m = _check_positive("cell_m", cell_m)
    k = _check_int("k", k, 1)
    permutations = _check_int("permutations", permutations, 99)
    require_crs(sites=sites)
    if value_col is not None and value_col not in sites.columns:
        msg = (
            f"`value_col` {value_col!r} is not a column of `sites` "
            f"(columns: {[c for c in sites.columns if c != sites.geometry.name]}); "
            "pass one of them, or None to count sites."
        )
        raise ValueError(msg)
    area = _extent_geometry(extent)
    minx, miny, maxx, maxy = area.bounds
    nx = max(1, math.ceil((maxx - minx) / cell_m))
    ny = max(1, math.ceil((maxy - miny) / cell_m))
    if nx * ny > _MAX_CELLS:
        msg = (
            f"`cell_m`={cell_m:g} m gives a grid of {nx} x {ny} = {nx * ny} cells over the "
            f"extent (limit {_MAX_CELLS}); use larger cells."
        )
        raise ValueError(msg)
    gx, gy = np.meshgrid(np.arange(nx), np.arange(ny))
    ix, iy = gx.ravel(), gy.ravel()
    x0, y0 = minx + ix * cell_m, miny + iy * cell_m
    cells = shapely.box(x0, y0, x0 + cell_m, y0 + cell_m)
    shapely.prepare(area)
    keep = shapely.intersects(area, cells)
    lookup = np.full(nx * ny, -1, dtype=np.int64)
    lookup[keep] = np.arange(int(keep.sum()))
    cells = cells[keep]
    n_cells = len(cells)
    if k >= n_cells:
        msg = (
            f"`k`={k} must be smaller than the number of cells ({n_cells}); lower `k` or `cell_m`."
        )
        raise ValueError(msg)

    if value_col is None:
        vals = np.ones(len(sites))
    else:
        vals = pd.to_numeric(sites[value_col], errors="coerce").fillna(0.0).to_numpy(float)
        if (vals < 0).any():
            msg = f"`value_col` {value_col!r} has negative values; Gi* needs values >= 0."
            raise ValueError(msg)
    counts: np.ndarray = np.zeros(n_cells)
    sums: np.ndarray = np.zeros(n_cells)
    if len(sites):
        xy = _metric_xy(sites)
        cx = np.floor((xy[:, 0] - minx) / cell_m).astype(np.int64)
        cy = np.floor((xy[:, 1] - miny) / cell_m).astype(np.int64)
        inside = (cx >= 0) & (cx < nx) & (cy >= 0) & (cy < ny)
        pos = np.full(len(xy), -1, dtype=np.int64)
        pos[inside] = lookup[cy[inside] * nx + cx[inside]]
        ok = pos >= 0
        counts = np.bincount(pos[ok], minlength=n_cells).astype(np.float64)
        sums = np.bincount(pos[ok], weights=vals[ok], minlength=n_cells)
    nonzero = int((sums > 0).sum())
    if nonzero == 0:
        what = f"`{value_col}`" if value_col else "sites"
        msg = f"No cell of the extent has a non-zero value of {what}; Gi* cannot be computed."
        raise ValueError(msg)
    if nonzero < _MIN_NONZERO_CELLS:
        warnings.warn(
            f"Only {nonzero} of {n_cells} cells have a non-zero value; Gi* has little power. "
            "Use value_col=None (site counts) or a larger `cell_m`.",
            UserWarning,
            stacklevel=2,
        )

    from esda.getisord import G_Local  # deferred: esda takes 0.8 s to import
    from libpysal.weights import KNN  # deferred: libpysal takes 0.6 s to import

    centroids = shapely.get_coordinates(shapely.centroid(cells))
    w = KNN.from_array(centroids, k=k, silence_warnings=True)
    with warnings.catch_warnings():
        # esda announces a future change of its default alternative; the current
        # ("directed", folded) pseudo p-value is the one documented here.
        warnings.filterwarnings(
            "ignore", message="The alternative hypothesis", category=DeprecationWarning
        )
        gi = G_Local(
            sums,
            w,
            transform="B",
            star=True,
            permutations=permutations,
            seed=seed,
            n_jobs=1,
            keep_simulations=False,
        )
    z = np.asarray(gi.Zs, dtype=float)
    p = np.asarray(gi.p_sim, dtype=float)
    level = np.select([p <= 0.01, p <= 0.05, p <= 0.10], ["99%", "95%", "90%"], default="")
    hotspot = np.where(
        (level != "") & (z > 0),
        np.char.add("热点 ", level),
        np.where((level != "") & (z < 0), np.char.add("冷点 ", level), "不显著"),
    )
    out = gpd.GeoDataFrame(
        {
            "cell_id": np.arange(n_cells),
            "n_sites": counts.astype(np.int64),
            "value": sums,
            "z": z,
            "p": p,
            "p_norm": np.asarray(gi.p_norm, dtype=float),
            "hotspot": hotspot.astype(object),
        },
        geometry=gpd.GeoSeries(cells, crs=METRIC_CRS).to_crs(STORAGE_CRS).values,
        crs=STORAGE_CRS,
    )
    logger.info(
        "Gi*: %d cells, %d non-zero, %d hot, %d cold",
        n_cells,
        nonzero,
        int(np.char.startswith(hotspot.astype(str), "热点").sum()),
        int(np.char.startswith(hotspot.astype(str), "冷点").sum()),
    )
    return out
