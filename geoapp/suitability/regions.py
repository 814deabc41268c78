"""The best k regions of a surface, as ArcGIS's Locate Regions does in its simple form.

A region is a 4-connected patch of cells where no hard rule fails and the
score is at least ``min_score``; patches smaller than ``min_area_ha`` are
dropped. Patches are ranked by mean score (then area) and taken greedily:
one is kept when it lies at least ``min_gap_km`` from every region kept
before (polygon-to-polygon distance), until ``k`` are kept.

Patches come from :func:`scipy.ndimage.label`, their outlines from
:func:`rasterio.features.shapes`. Each region carries its area, mean and
minimum score, majority county and zone, and the criteria that limit it: the
ones that lose it the most points, ``weight share × (1 − mean suitability)``,
computed again on the region's cells with the surface's tile function.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import rasterio
import shapely
from rasterio.features import shapes
from scipy import ndimage

from geoapp.settings import DEFAULT_SUITABILITY
from geoapp.suitability.combine import CRITERIA, SurfaceSpec
from geoapp.suitability.criteria import CellCriteria, cell_criteria
from geoapp.suitability.grid import DEFAULT_TILE, Grid, Window
from geoapp.suitability.inputs import SurfaceInputs, prepare_inputs

logger = logging.getLogger(__name__)

#: Columns of the regions table, in order (plus ``loss_<criterion>`` and geometry).
REGION_COLUMNS: tuple[str, ...] = (
    "rank",
    "area_ha",
    "cells",
    "mean_score",
    "min_score",
    "county",
    "zone",
    "limiting",
    "schematic_used",
)
_FOUR = ndimage.generate_binary_structure(2, 1)


def _check(k: int, min_score: float, min_area_ha: float, min_gap_km: float) -> None:
    problems = []
    if not (isinstance(k, int | np.integer) and k >= 1):
        problems.append(f"`k` must be an integer >= 1, got {k!r}")
    if not (math.isfinite(min_score) and 0 <= min_score <= 100):
        problems.append(f"`min_score` must lie in 0–100, got {min_score!r}")
    if not (math.isfinite(min_area_ha) and min_area_ha >= 0):
        problems.append(f"`min_area_ha` must be >= 0 hectares, got {min_area_ha!r}")
    if not (math.isfinite(min_gap_km) and min_gap_km >= 0):
        problems.append(f"`min_gap_km` must be >= 0 km, got {min_gap_km!r}")
    if problems:
        raise ValueError("; ".join(problems) + ".")


def _outline(mask: np.ndarray, grid: Grid, win: Window) -> shapely.Geometry:
    parts = [
        shapely.geometry.shape(geom)
        for geom, value in shapes(
            mask.astype(np.uint8), mask=mask, connectivity=4, transform=grid.window_transform(win)
        )
        if value == 1
    ]
    return shapely.union_all(np.array(parts, dtype=object)) if len(parts) > 1 else parts[0]


def _describe(
    labels: np.ndarray,
    lab: int,
    sl: tuple[slice, slice],
    inp: SurfaceInputs,
    grid: Grid,
    spec: SurfaceSpec,
    known: CellCriteria | None,
) -> dict[str, object]:
    """Majority county and zone and the mean suitability of each criterion over a region.

    ``known``: criteria of the whole grid, already computed (else computed here per tile).
    """
    t = spec.transform_of
    sums = np.zeros(len(CRITERIA))
    counties = np.zeros(len(inp.county_names) + 1)
    zones = np.zeros(len(inp.zone_names) + 1)
    n = 0
    r0, r1, c0, c1 = sl[0].start, sl[0].stop, sl[1].start, sl[1].stop
    for rr in range(r0, r1, DEFAULT_TILE):  # the region's bounding box, tile by tile
        for cc in range(c0, c1, DEFAULT_TILE):
            win = Window(rr, cc, min(DEFAULT_TILE, r1 - rr), min(DEFAULT_TILE, c1 - cc))
            mask = labels[win.slices] == lab
            if not mask.any():
                continue
            if known is not None:
                crit = known
                sub = win.slices
            else:
                crit = cell_criteria(inp, grid, win, river_everywhere=True)
                sub = (slice(None), slice(None))
            for j, c in enumerate(CRITERIA):
                sums[j] += t[c](crit.raw(c)[sub][mask]).sum()
            counties += np.bincount(crit.county[sub][mask] + 1, minlength=len(counties))
            zones += np.bincount(crit.zone[sub][mask] + 1, minlength=len(zones))
            n += int(mask.sum())
    w = spec.weight_of
    total = sum(w.values())
    loss = {c: w[c] / total * 100.0 * (1.0 - sums[j] / n) for j, c in enumerate(CRITERIA)}
    limiting = [c for c, v in sorted(loss.items(), key=lambda kv: -kv[1]) if v > 0.05][:2]
    ci, zi = int(np.argmax(counties)) - 1, int(np.argmax(zones)) - 1
    return {
        "county": inp.county_names[ci] if ci >= 0 else None,
        "zone": inp.zone_names[zi] if zi >= 0 else None,
        "limiting": ";".join(limiting),
        **{f"loss_{c}": loss[c] for c in CRITERIA},
    }


def regions_from_arrays(
    score: np.ndarray,
    rule: np.ndarray,
    grid: Grid,
    *,
    inputs: SurfaceInputs | None,
    spec: SurfaceSpec,
    k: int = 5,
    min_score: float | None = None,
    min_area_ha: float = DEFAULT_SUITABILITY.min_area_ha,
    min_gap_km: float = DEFAULT_SUITABILITY.min_gap_km,
    criteria: CellCriteria | None = None,
) -> gpd.GeoDataFrame:
    """The best ``k`` regions of a surface held in memory.

    Parameters
    ----------
    score, rule
        The two bands (``NODATA`` = -1 outside the city).
    grid
        Their grid.
    inputs
        The prepared inputs of the surface's chain, for county, zone and the
        limiting criteria (``None``: those columns stay empty).
    spec
        The surface's weights and transformations.
    k
        How many regions at most.
    min_score
        Lowest score of a region's cells (default ``spec.score_threshold``).
    min_area_ha
        Smallest region, hectares.
    min_gap_km
        Smallest distance between two regions, km.
    criteria
        The whole grid's criteria when already computed (the app's
        :class:`~geoapp.suitability.CriteriaGrid`), saving their recomputation.

    Returns
    -------
    geopandas.GeoDataFrame
        In EPSG:4547, best first: :data:`REGION_COLUMNS`, one ``loss_<criterion>``
        column per criterion (points lost to it, mean over the region) and
        the outline. Fewer than ``k`` rows when fewer regions qualify.
    """
    thr = spec.score_threshold if min_score is None else float(min_score)
    _check(k, thr, min_area_ha, min_gap_km)
    eligible = (rule == 0) & (score >= thr)
    labels, n = ndimage.label(eligible, structure=_FOUR)
    del eligible
    cols = list(REGION_COLUMNS)
    empty = gpd.GeoDataFrame(
        {c: [] for c in [*cols, *(f"loss_{c}" for c in CRITERIA)]}, geometry=[], crs=grid.crs
    )
    if n == 0:
        return empty
    flat = labels.ravel()
    counts = np.bincount(flat, minlength=n + 1)
    sums = np.bincount(flat, weights=score.ravel().astype(np.float64), minlength=n + 1)
    min_cells = max(1, math.ceil(min_area_ha * 1e4 / (grid.res * grid.res) - 1e-9))
    cand = np.flatnonzero(counts >= min_cells)
    cand = cand[cand > 0]
    if cand.size == 0:
        return empty
    means = sums[cand] / counts[cand]
    order = np.lexsort((cand, -counts[cand], -np.round(means, 9)))
    cand = cand[order]
    objects = ndimage.find_objects(labels)
    gap = min_gap_km * 1000.0
    rows: list[dict[str, object]] = []
    kept: list[shapely.Geometry] = []
    for lab in cand:  # ranked candidate patches, until k are kept
        sl = objects[lab - 1]
        win = Window(sl[0].start, sl[1].start, sl[0].stop - sl[0].start, sl[1].stop - sl[1].start)
        outline = _outline(labels[sl] == lab, grid, win)
        if kept and min(shapely.distance(outline, g) for g in kept) < gap:
            continue
        kept.append(outline)
        rows.append(
            {
                "rank": len(kept),
                "area_ha": counts[lab] * grid.res * grid.res / 1e4,
                "cells": int(counts[lab]),
                "mean_score": float(sums[lab] / counts[lab]),
                "min_score": float(score[sl][labels[sl] == lab].min()),
                **(
                    _describe(labels, int(lab), sl, inputs, grid, spec, criteria)
                    if inputs is not None
                    else {"county": None, "zone": None, "limiting": None}
                ),
                "schematic_used": "{}/{}".format(*inputs.schematic_used) if inputs else None,
            }
        )
        if len(kept) == k:
            break
    logger.info("regions: %d patches >= %g, %d large enough, %d kept", n, thr, cand.size, len(kept))
    return gpd.GeoDataFrame(rows, geometry=kept, crs=grid.crs)


def find_regions(
    source: str | Path | object,
    *,
    layers: Mapping[str, gpd.GeoDataFrame],
    spec: SurfaceSpec,
    k: int = 5,
    min_score: float | None = None,
    min_area_ha: float = DEFAULT_SUITABILITY.min_area_ha,
    min_gap_km: float = DEFAULT_SUITABILITY.min_gap_km,
) -> gpd.GeoDataFrame:
    """The best ``k`` regions of a surface GeoTIFF or :class:`~geoapp.suitability.SurfaceResult`.

    Parameters
    ----------
    source
        A GeoTIFF written by :func:`~geoapp.suitability.compute_surface`, or
        its result with the bands in memory.
    layers
        The layer bundle the surface was computed from.
    spec
        The surface's spec (chain, weights, transformations).
    k, min_score, min_area_ha, min_gap_km
        See :func:`regions_from_arrays`.

    Returns
    -------
    geopandas.GeoDataFrame
        In EPSG:4547, best first.
    """
    inputs = prepare_inputs(layers, chain=spec.chain, settings=spec.settings)
    if isinstance(source, str | Path):
        with rasterio.open(source) as src:
            t = src.transform
            grid = Grid(left=t.c, top=t.f, res=t.a, width=src.width, height=src.height)
            score, rule = src.read(1), src.read(2)
    else:
        grid, score, rule = source.grid, source.score, source.rule  # type: ignore[attr-defined]
        if score is None or rule is None:
            return find_regions(
                source.path,  # type: ignore[attr-defined]
                layers=layers,
                spec=spec,
                k=k,
                min_score=min_score,
                min_area_ha=min_area_ha,
                min_gap_km=min_gap_km,
            )
    return regions_from_arrays(
        score,
        rule,
        grid,
        inputs=inputs,
        spec=spec,
        k=k,
        min_score=min_score,
        min_area_ha=min_area_ha,
        min_gap_km=min_gap_km,
    )


def regions_table(regions: gpd.GeoDataFrame) -> pd.DataFrame:
    """The regions without geometry, scores rounded, for printing."""
    out = pd.DataFrame(regions.drop(columns=regions.geometry.name))
    for c in ("area_ha", "mean_score", "min_score"):
        out[c] = out[c].astype(float).round(1)
    return out[list(REGION_COLUMNS)]
