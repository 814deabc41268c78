"""Getis-Ord Gi* hot and cold spots of project sites on a grid of square cells.

:func:`hot_spots` bins the sites' investment (or their count) into cells of
``cell_m`` metres in :data:`geoapp.settings.METRIC_CRS` (EPSG:4547) over an extent,
vectorised, and computes the Gi* statistic with PySAL ``esda``.
"""

from __future__ import annotations

import logging
import math
import warnings
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geoapp.clustering.common import check_int, check_positive, metric_xy
from geoapp.geo import require_crs, to_metric
from geoapp.settings import DEFAULT_CLUSTER, METRIC_CRS, STORAGE_CRS

logger = logging.getLogger("geoapp.clustering.clusters")  # its name before the split

__all__ = ["HOTSPOT_CLASSES", "hot_spots"]

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


def hot_spots(
    sites: gpd.GeoDataFrame,
    *,
    value_col: str | None = "investment_yi",
    cell_m: float = DEFAULT_CLUSTER.hot_spot_cell_m,
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
    cell_m = check_positive("cell_m", cell_m)
    k = check_int("k", k, 1)
    permutations = check_int("permutations", permutations, 99)
    require_crs(sites=sites)
    _check_value_col(sites, value_col)
    grid = _Grid.over(_extent_geometry(extent), cell_m)
    n_cells = len(grid.cells)
    if k >= n_cells:
        msg = (
            f"`k`={k} must be smaller than the number of cells ({n_cells}); lower `k` or `cell_m`."
        )
        raise ValueError(msg)
    vals = _site_values(sites, value_col)
    counts, sums = grid.bin(metric_xy(sites) if len(sites) else np.empty((0, 2)), vals)
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
    gi = _gi_star(sums, grid.cells, k=k, permutations=permutations, seed=seed)
    z = np.asarray(gi.Zs, dtype=float)
    p = np.asarray(gi.p_sim, dtype=float)
    hotspot = _hotspot_classes(z, p)
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
        geometry=gpd.GeoSeries(grid.cells, crs=METRIC_CRS).to_crs(STORAGE_CRS).values,
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


def _check_value_col(sites: gpd.GeoDataFrame, value_col: str | None) -> None:
    """Raise ValueError unless ``value_col`` is None or a column of ``sites``."""
    if value_col is not None and value_col not in sites.columns:
        msg = (
            f"`value_col` {value_col!r} is not a column of `sites` "
            f"(columns: {[c for c in sites.columns if c != sites.geometry.name]}); "
            "pass one of them, or None to count sites."
        )
        raise ValueError(msg)


def _site_values(sites: gpd.GeoDataFrame, value_col: str | None) -> np.ndarray:
    """The value of each site: ``value_col`` (unknown: 0), or 1 to count sites.

    Raises
    ------
    ValueError
        If ``value_col`` has negative values.
    """
    if value_col is None:
        return np.ones(len(sites))
    vals = pd.to_numeric(sites[value_col], errors="coerce").fillna(0.0).to_numpy(float)
    if (vals < 0).any():
        msg = f"`value_col` {value_col!r} has negative values; Gi* needs values >= 0."
        raise ValueError(msg)
    return vals


@dataclass(frozen=True)
class _Grid:
    """Square cells over an extent (metric CRS), keeping those that touch it.

    Attributes
    ----------
    cells
        The kept cells (boxes).
    lookup
        Position in ``cells`` of each cell of the full ``nx`` × ``ny`` grid
        (row-major from the lower left; -1: dropped).
    minx, miny
        The grid's lower left corner.
    cell_m
        The cell side in metres.
    nx, ny
        Columns and rows of the full grid.
    """

    cells: np.ndarray
    lookup: np.ndarray
    minx: float
    miny: float
    cell_m: float
    nx: int
    ny: int

    @classmethod
    def over(cls, area: shapely.Geometry, cell_m: float) -> _Grid:
        """Cover ``area`` with cells of ``cell_m`` metres (vectorised).

        Raises
        ------
        ValueError
            If the grid would have more than ``_MAX_CELLS`` cells.
        """
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
        return cls(cells[keep], lookup, minx, miny, cell_m, nx, ny)

    def bin(self, xy: np.ndarray, vals: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Sites and the sum of ``vals`` per kept cell (sites outside the grid ignored)."""
        n_cells = len(self.cells)
        if not len(xy):
            return np.zeros(n_cells), np.zeros(n_cells)
        cx = np.floor((xy[:, 0] - self.minx) / self.cell_m).astype(np.int64)
        cy = np.floor((xy[:, 1] - self.miny) / self.cell_m).astype(np.int64)
        inside = (cx >= 0) & (cx < self.nx) & (cy >= 0) & (cy < self.ny)
        pos = np.full(len(xy), -1, dtype=np.int64)
        pos[inside] = self.lookup[cy[inside] * self.nx + cx[inside]]
        ok = pos >= 0
        counts = np.bincount(pos[ok], minlength=n_cells).astype(np.float64)
        sums = np.bincount(pos[ok], weights=vals[ok], minlength=n_cells)
        return counts, sums


def _gi_star(sums: np.ndarray, cells: np.ndarray, *, k: int, permutations: int, seed: int):
    """Gi* (``esda.G_Local``, star, binary weights) of ``sums`` on the ``k`` nearest cells."""
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
        return G_Local(
            sums,
            w,
            transform="B",
            star=True,
            permutations=permutations,
            seed=seed,
            n_jobs=1,
            keep_simulations=False,
        )


def _hotspot_classes(z: np.ndarray, p: np.ndarray) -> np.ndarray:
    """The :data:`HOTSPOT_CLASSES` entry of each cell from its z-score and pseudo p-value."""
    level = np.select([p <= 0.01, p <= 0.05, p <= 0.10], ["99%", "95%", "90%"], default="")
    return np.where(
        (level != "") & (z > 0),
        np.char.add("热点 ", level),
        np.where((level != "") & (z < 0), np.char.add("冷点 ", level), "不显著"),
    )


def _extent_geometry(extent: gpd.GeoDataFrame | gpd.GeoSeries) -> shapely.Geometry:
    """The union of the extent's polygons in the metric CRS (checked: a layer with a CRS)."""
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
