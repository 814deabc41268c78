"""The criteria of every cell of a window: the tile function of the surface.

:func:`cell_criteria` computes, for the cell centres of one window, the raw
value of each criterion exactly as :func:`geoapp.siting.evaluate_sites`
defines it, plus the county, the innermost zone and the hard-rule code. It is
a pure function of a :class:`~geoapp.suitability.inputs.SurfaceInputs` and a
window, run in process or on Dask workers.

How each value is computed (EPSG:4547 metres, cell centres):

- inside the city, county, innermost zone: :func:`~geoapp.suitability.polyraster.polygon_codes`
  (raster burn, exact :func:`shapely.contains_xy` on boundary cells);
- ``hub_distance_m``, ``station_distance_m``: :class:`scipy.spatial.cKDTree` nearest;
- ``same_chain_nearby``: ``cKDTree.query_ball_point(r=same_chain_radius_m, return_length=True)``
  on the projects of the chain;
- ``river_distance_m``: exact :func:`shapely.distance` to the river line.
  When the river criterion is not needed it is computed only where the
  shoreline rule may fail (chemical chains, cells within the buffer plus two
  cells of the river, found by burning the buffered line) and is NaN elsewhere;
- ``rule``: 1 where the chain is chemical and ``river_distance_m <=
  river_buffer_m``, else the lowest code of the user constraint polygons
  containing the centre (boundary included), else 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from affine import Affine
from rasterio.features import rasterize

from geoapp.suitability.grid import Grid, Window
from geoapp.suitability.inputs import RULE_NONE, RULE_RIVER, SurfaceInputs
from geoapp.suitability.polyraster import polygon_codes

#: Criterion -> name of its raw-value array in :class:`CellCriteria`.
RAW_OF: dict[str, str] = {
    "zone_chain_match": "zone_chain_match",
    "hub_access": "hub_distance_m",
    "station_access": "station_distance_m",
    "chain_agglomeration": "same_chain_nearby",
    "in_zone": "in_zone",
    "river_distance": "river_distance_m",
}


@dataclass(frozen=True)
class CellCriteria:
    """Raw criteria of the cells of one window; every array has the window's shape.

    ``county`` and ``zone`` are positions in :class:`SurfaceInputs`'
    ``county_names`` / ``zone_names`` (-1: none); values outside the city
    (``inside`` False) are 0 / NaN / -1 and mean nothing.
    """

    window: Window
    inside: np.ndarray
    county: np.ndarray
    zone: np.ndarray
    zone_chain_match: np.ndarray
    in_zone: np.ndarray
    hub_distance_m: np.ndarray
    station_distance_m: np.ndarray
    same_chain_nearby: np.ndarray
    river_distance_m: np.ndarray
    rule: np.ndarray

    def raw(self, criterion: str) -> np.ndarray:
        """The raw-value array of a criterion (see :data:`RAW_OF`)."""
        return getattr(self, RAW_OF[criterion])


def _river_near(inp: SurfaceInputs, grid: Grid, win: Window, inside: np.ndarray) -> np.ndarray:
    """Cells (bool) that may lie within ``river_buffer_m`` of the river (a superset)."""
    if inp.river is None:
        return np.zeros(inside.shape, dtype=bool)
    reach = inp.settings.river_buffer_m + 2.0 * grid.res
    box = grid.window_box(win)
    if shapely.distance(box, inp.river) > reach:
        return np.zeros(inside.shape, dtype=bool)
    near = shapely.clip_by_rect(inp.river, *shapely.bounds(shapely.buffer(box, reach)))
    zone = shapely.buffer(near, reach, quad_segs=64)  # chords within 3e-4 × reach
    if shapely.is_empty(zone):
        return np.zeros(inside.shape, dtype=bool)
    burned = rasterize(
        [(zone, 1)],
        out_shape=inside.shape,
        transform=grid.window_transform(win),
        fill=0,
        dtype="uint8",
        all_touched=True,
    )
    return burned.astype(bool) & inside


def cell_criteria(
    inp: SurfaceInputs, grid: Grid, win: Window, *, river_everywhere: bool = False
) -> CellCriteria:
    """Raw criteria, county, zone and rule code of the cells of one window.

    Parameters
    ----------
    inp
        Prepared inputs of one chain.
    grid
        The surface's grid.
    win
        The window (tile) to compute.
    river_everywhere
        Compute the exact river distance in every cell of the city (needed
        when the river criterion weighs > 0 or the grids are kept for the
        app); otherwise only where the shoreline rule may fail.

    Returns
    -------
    CellCriteria
    """
    shape = (win.height, win.width)
    transform = grid.window_transform(win)
    inside = _burn(np.array([inp.city], dtype=object), transform, shape, boundary=False) == 0
    county = np.full(shape, -1, dtype=np.int16)
    zone = np.full(shape, -1, dtype=np.int16)
    hub_d = np.full(shape, np.nan)
    station_d = np.full(shape, np.nan)
    same = np.zeros(shape, dtype=np.int32)
    river_d = np.full(shape, np.nan)
    rule = np.zeros(shape, dtype=np.int16)
    if inside.any():
        county[inside] = _burn(inp.county_geoms, transform, shape, boundary=False)[inside]
        zone[inside] = _burn(inp.zone_geoms, transform, shape, boundary=False)[inside]
        xs, ys = grid.centres(win)
        _nearest(inp, np.column_stack([xs[inside], ys[inside]]), inside, hub_d, station_d, same)
        where = None  # the cells whose exact river distance is needed
        if inp.river is not None and river_everywhere:
            where = inside
        elif inp.river is not None and inp.chemical:
            where = _river_near(inp, grid, win, inside)
        if where is not None and where.any():
            river_d[where] = shapely.distance(shapely.points(xs[where], ys[where]), inp.river)
        _hard_rules(inp, inside, river_d, transform, rule)
    in_zone = (zone >= 0).astype(np.uint8)
    match = np.zeros(shape, dtype=np.uint8)
    if len(inp.zone_leads):
        match[:] = inp.zone_leads[np.maximum(zone, 0)] & (zone >= 0)
    rule[~inside] = RULE_NONE
    return CellCriteria(
        window=win,
        inside=inside,
        county=county,
        zone=zone,
        zone_chain_match=match,
        in_zone=in_zone,
        hub_distance_m=hub_d,
        station_distance_m=station_d,
        same_chain_nearby=same,
        river_distance_m=river_d,
        rule=rule,
    )


def _burn(
    geoms: np.ndarray, transform: Affine, shape: tuple[int, int], *, boundary: bool
) -> np.ndarray:
    """The position in ``geoms`` of the polygon holding each cell centre (-1: none)."""
    return polygon_codes(
        geoms, np.arange(len(geoms)), transform=transform, shape=shape, boundary=boundary
    )


def _nearest(
    inp: SurfaceInputs,
    xy: np.ndarray,
    inside: np.ndarray,
    hub_d: np.ndarray,
    station_d: np.ndarray,
    same: np.ndarray,
) -> None:
    """Fill the nearest hub and station distances and the same-chain count of the cells inside."""
    if inp.hub_tree is not None:
        hub_d[inside] = inp.hub_tree.query(xy, workers=1)[0]
    if inp.station_tree is not None:
        station_d[inside] = inp.station_tree.query(xy, workers=1)[0]
    if inp.project_tree is not None:
        same[inside] = inp.project_tree.query_ball_point(
            xy, r=inp.settings.same_chain_radius_m, return_length=True, workers=1
        )


def _hard_rules(
    inp: SurfaceInputs, inside: np.ndarray, river_d: np.ndarray, transform: Affine, rule: np.ndarray
) -> None:
    """Fill the rule code of the cells inside: a user constraint, then the shoreline rule."""
    if len(inp.constraint_geoms):
        pos = _burn(inp.constraint_geoms, transform, rule.shape, boundary=True)
        hit = inside & (pos >= 0)
        rule[hit] = inp.constraint_codes[pos[hit]]
    if inp.chemical:
        rule[inside & (river_d <= inp.settings.river_buffer_m)] = RULE_RIVER
