"""The surface: tiles scored in process or on Dask, written as a COG, summarised.

:func:`compute_surface` prepares the inputs of a chain once, cuts the city's
grid into tiles, scores each tile with :func:`score_tile` through
:func:`geoapp.executor.map_tiles` and either writes the tiles into a
Cloud-Optimized GeoTIFF (:func:`~geoapp.suitability.raster.write_cog`) or
keeps the two bands in memory (small grids: the app, tests). Peak memory is a
few tiles plus GDAL's block cache, whatever the resolution.

:func:`criteria_grid` keeps the raw criteria of every cell instead, so that
:func:`~geoapp.suitability.combine.combine` can re-weight them at once (the app).
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
from tqdm import tqdm

import geoapp
from geoapp.executor import map_tiles
from geoapp.settings import DEFAULT_SITING
from geoapp.suitability.combine import CRITERIA, SurfaceSpec, combine, criterion_points
from geoapp.suitability.criteria import CellCriteria, cell_criteria
from geoapp.suitability.grid import DEFAULT_TILE, Grid, Window
from geoapp.suitability.inputs import RuleCode, SurfaceInputs, prepare_inputs
from geoapp.suitability.raster import NODATA, write_cog

logger = logging.getLogger(__name__)

_STATS = ("cells", "score_sum", "prohibited", "suitable")
#: One tile to write: its window, score band and rule band.
_TileBands = tuple[Window, np.ndarray, np.ndarray]


@dataclass(frozen=True)
class TileScore:
    """One scored tile: float32 bands (``NODATA`` outside the city) and per-area sums."""

    window: Window
    score: np.ndarray
    rule: np.ndarray
    county_stats: np.ndarray  # (n_counties + 1, 4): position 0 = no county
    zone_stats: np.ndarray  # (n_zones + 1, 4): position 0 = no zone


def _stats(index: np.ndarray, n: int, score: np.ndarray, ok: np.ndarray, thr: float) -> np.ndarray:
    i = index.astype(np.intp) + 1
    out = np.zeros((n + 1, len(_STATS)))
    out[:, 0] = np.bincount(i, minlength=n + 1)
    out[:, 1] = np.bincount(i, weights=score, minlength=n + 1)
    out[:, 2] = np.bincount(i, weights=~ok, minlength=n + 1)
    out[:, 3] = np.bincount(i, weights=ok & (score >= thr), minlength=n + 1)
    return out


def scores_of(crit: CellCriteria, spec: SurfaceSpec) -> tuple[np.ndarray, np.ndarray]:
    """Score and rule bands (float32, :data:`NODATA` outside the city) of computed criteria."""
    raw = {c: crit.raw(c)[crit.inside] for c in CRITERIA}
    score = np.full(crit.inside.shape, NODATA, dtype=np.float32)
    rule = np.full(crit.inside.shape, NODATA, dtype=np.float32)
    if crit.inside.any():
        score[crit.inside] = combine(raw, spec)
        rule[crit.inside] = crit.rule[crit.inside]
    return score, rule


def score_tile(shared: tuple[SurfaceInputs, SurfaceSpec, Grid], win: Window) -> TileScore:
    """The tile function: criteria, score, rule code and sums of one window (pure)."""
    inp, spec, grid = shared
    crit = cell_criteria(inp, grid, win, river_everywhere=spec.needs_river_everywhere)
    score, rule = scores_of(crit, spec)
    ins = crit.inside
    s = score[ins].astype(np.float64)
    ok = crit.rule[ins] == 0
    thr = spec.score_threshold
    return TileScore(
        window=win,
        score=score,
        rule=rule,
        county_stats=_stats(crit.county[ins], len(inp.county_names), s, ok, thr),
        zone_stats=_stats(crit.zone[ins], len(inp.zone_names), s, ok, thr),
    )


@dataclass(frozen=True)
class SurfaceResult:
    """A computed surface.

    Attributes
    ----------
    grid
        The grid (EPSG:4547).
    spec
        What was scored and how.
    rule_codes
        The code table of the rule band.
    by_county, by_zone
        Summaries: ``cells``, ``area_km2``, ``mean_score``, ``prohibited_km2``,
        ``suitable_km2`` (no rule fails and score >= the threshold),
        ``suitable_share`` of the area.
    path
        The GeoTIFF written, or ``None``.
    score, rule
        The bands in memory (float32, ``NODATA`` outside), when no path was given.
    seconds
        Wall time of the computation.
    """

    grid: Grid
    spec: SurfaceSpec
    rule_codes: tuple[RuleCode, ...]
    by_county: pd.DataFrame
    by_zone: pd.DataFrame
    path: Path | None
    score: np.ndarray | None
    rule: np.ndarray | None
    seconds: float


def _summary(stats: np.ndarray, names: np.ndarray, res: float, label: str) -> pd.DataFrame:
    km2 = res * res / 1e6
    cells = stats[:, 0]
    with np.errstate(invalid="ignore", divide="ignore"):
        frame = pd.DataFrame(
            {
                label: np.concatenate([[None], names]).astype(object),
                "cells": cells.astype(np.int64),
                "area_km2": cells * km2,
                "mean_score": np.where(cells > 0, stats[:, 1] / cells, np.nan),
                "prohibited_km2": stats[:, 2] * km2,
                "suitable_km2": stats[:, 3] * km2,
                "suitable_share": np.where(cells > 0, stats[:, 3] / cells, np.nan),
            }
        )
    frame = frame[frame["cells"] > 0]
    return frame.sort_values("mean_score", ascending=False, kind="stable").reset_index(drop=True)


def surface_tags(
    spec: SurfaceSpec, rule_codes: tuple[RuleCode, ...], schematic_used: tuple[int, int] = (0, 0)
) -> dict[str, str]:
    """The GeoTIFF metadata: parameters, rule-code table, criteria, version, schematic inputs."""
    return {
        "GEOAPP_SCHEMATIC_POSITIONS": "{} of {} features used".format(*schematic_used),
        "GEOAPP_PARAMETERS": spec.parameters_json(),
        "GEOAPP_RULE_CODES": json.dumps(
            [{"code": 0, "id": "none", "title_zh": "无", "title_en": "none"}]
            + [
                {
                    "code": r.code,
                    "id": r.id,
                    "title_zh": r.title_zh,
                    "title_en": r.title_en,
                    "legal_basis": r.legal_basis,
                }
                for r in rule_codes
            ],
            ensure_ascii=False,
        ),
        "GEOAPP_CRITERIA": ",".join(CRITERIA),
        "GEOAPP_VERSION": geoapp.__version__,
        "GEOAPP_CHAIN": spec.chain or "",
    }


@dataclass(eq=False)
class _AreaTotals:
    """Per-county and per-zone sums (see ``_STATS``) of the tiles scored so far."""

    county: np.ndarray
    zone: np.ndarray

    def passing(self, results: Iterable[TileScore], bar: Any) -> Iterator[_TileBands]:
        """Yield each tile's window and bands, adding its sums and ticking ``bar`` on the way."""
        for res in results:
            self.county += res.county_stats
            self.zone += res.zone_stats
            bar.update(1)
            yield res.window, res.score, res.rule


def _bands(
    output: str | Path | None, grid: Grid, tiles: Iterable[_TileBands], *, tags: dict[str, str]
) -> tuple[Path | None, np.ndarray | None, np.ndarray | None]:
    """Write the tiles into a COG at ``output``, or (no ``output``) into two bands in memory.

    Returns the COG's path, or the score and rule bands.
    """
    if output is not None:
        return write_cog(output, grid, tiles, tags=tags), None, None
    score = np.full(grid.shape, NODATA, dtype=np.float32)
    rule = np.full(grid.shape, NODATA, dtype=np.float32)
    for win, s, r in tiles:
        score[win.slices] = s
        rule[win.slices] = r
    return None, score, rule


def compute_surface(
    layers: Mapping[str, gpd.GeoDataFrame],
    spec: SurfaceSpec,
    *,
    output: str | Path | None = None,
    tile: int = DEFAULT_TILE,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    progress: bool = False,
) -> SurfaceResult:
    """Score the whole city for one chain on a grid, tile by tile.

    Parameters
    ----------
    layers
        The layer bundle (catalog names -> GeoDataFrames; optional ``constraints``).
    spec
        Chain, resolution, weights, transformations.
    output
        Write a Cloud-Optimized GeoTIFF here; ``None`` keeps the bands in
        memory instead (``result.score`` / ``result.rule``; small grids only).
    tile
        Tile side in cells (default 1024; a multiple of 512 keeps writes aligned).
    workers, scheduler, client
        Run the tiles on a Dask ``LocalCluster`` of ``workers`` processes, on
        the scheduler at ``scheduler``, or on ``client``; default in process.
        The output is byte-identical either way.
    progress
        Show a progress bar (tqdm, on stderr).

    Returns
    -------
    SurfaceResult

    Examples
    --------
    >>> spec = SurfaceSpec("聚碳新材料", resolution_m=100)
    >>> res = compute_surface(layers, spec, output="out.tif")  # doctest: +SKIP
    >>> res.by_county[["county", "mean_score", "suitable_km2"]]  # doctest: +SKIP
    """
    t0 = time.perf_counter()
    inp = prepare_inputs(layers, chain=spec.chain, settings=spec.settings)
    grid = Grid.covering(inp.city.bounds, spec.resolution_m)
    windows = list(grid.windows(tile))
    totals = _AreaTotals(
        county=np.zeros((len(inp.county_names) + 1, len(_STATS))),
        zone=np.zeros((len(inp.zone_names) + 1, len(_STATS))),
    )
    bar = tqdm(
        total=len(windows),
        disable=not progress,
        file=sys.stderr,
        unit="tile",
        desc=f"{spec.chain or '-'} {spec.resolution_m:g} m",
    )
    results = map_tiles(
        score_tile,
        windows,
        shared=(inp, spec, grid),
        workers=workers,
        scheduler=scheduler,
        client=client,
    )
    try:
        path, score, rule = _bands(
            output,
            grid,
            totals.passing(results, bar),
            tags=surface_tags(spec, inp.rule_codes, inp.schematic_used),
        )
    finally:
        bar.close()
    seconds = time.perf_counter() - t0
    logger.info(
        "surface %s at %g m: %d x %d cells, %d tiles, %.1f s",
        spec.chain,
        grid.res,
        grid.width,
        grid.height,
        len(windows),
        seconds,
    )
    return SurfaceResult(
        grid=grid,
        spec=spec,
        rule_codes=inp.rule_codes,
        by_county=_summary(totals.county, inp.county_names, grid.res, "county"),
        by_zone=_summary(totals.zone, inp.zone_names, grid.res, "zone"),
        path=path,
        score=score,
        rule=rule,
        seconds=seconds,
    )


@dataclass(frozen=True)
class CriteriaGrid:
    """The raw criteria of every cell of a grid, to re-weight at once (the app).

    Attributes
    ----------
    grid
        The grid.
    inputs
        The prepared inputs (names of counties and zones, rule codes).
    criteria
        The whole grid's :class:`~geoapp.suitability.criteria.CellCriteria`.
    """

    grid: Grid
    inputs: SurfaceInputs
    criteria: CellCriteria

    @cached_property
    def _inside_raw(self) -> dict[str, np.ndarray]:
        ins = self.criteria.inside
        return {c: self.criteria.raw(c)[ins] for c in CRITERIA}

    @cached_property
    def rule_band(self) -> np.ndarray:
        """The rule band (float32, :data:`NODATA` outside); it does not depend on the weights."""
        rule = np.full(self.criteria.inside.shape, NODATA, dtype=np.float32)
        rule[self.criteria.inside] = self.criteria.rule[self.criteria.inside]
        return rule

    def score(self, spec: SurfaceSpec) -> np.ndarray:
        """Score band (float32, :data:`NODATA` outside) under ``spec``'s weights and transforms.

        The same values as :func:`scores_of`; the cells inside the city are
        extracted once, so re-weighting costs only the weighted sum.
        """
        out = np.full(self.criteria.inside.shape, NODATA, dtype=np.float32)
        if self.criteria.inside.any():
            out[self.criteria.inside] = combine(self._inside_raw, spec)
        return out

    def breakdown(self, row: int, col: int, spec: SurfaceSpec) -> pd.DataFrame:
        """Raw value, 0–1 suitability, weight and points of each criterion at one cell."""
        raw = {c: np.array([self.criteria.raw(c)[row, col]]) for c in CRITERIA}
        points = criterion_points(raw, spec)[0]
        t = spec.transform_of
        w = spec.weight_of
        return pd.DataFrame(
            {
                "criterion": list(CRITERIA),
                "raw": [float(raw[c][0]) for c in CRITERIA],
                "suitability": [float(t[c](raw[c])[0]) for c in CRITERIA],
                "weight": [w[c] for c in CRITERIA],
                "points": points,
            }
        )


def criteria_grid(
    layers: Mapping[str, gpd.GeoDataFrame],
    *,
    chain: str | None,
    resolution_m: float,
    settings: Any = None,
) -> CriteriaGrid:
    """The raw criteria of every cell (river distance included) for one chain and resolution.

    Memory is about 40 bytes a cell: meant for the app at 100 m (about
    425,000 cells in the city, 1 million in its bounding box).
    """
    settings = settings if settings is not None else DEFAULT_SITING
    inp = prepare_inputs(layers, chain=chain, settings=settings)
    grid = Grid.covering(inp.city.bounds, resolution_m)
    crit = cell_criteria(inp, grid, grid.full(), river_everywhere=True)
    return CriteriaGrid(grid=grid, inputs=inp, criteria=crit)


def summary_tables(
    crit: CellCriteria, score: np.ndarray, inputs: SurfaceInputs, grid: Grid, threshold: float
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """By-county and by-zone summaries of a surface held in memory (see :class:`SurfaceResult`)."""
    ins = crit.inside
    s = score[ins].astype(np.float64)
    ok = crit.rule[ins] == 0
    cs = _stats(crit.county[ins], len(inputs.county_names), s, ok, threshold)
    zs = _stats(crit.zone[ins], len(inputs.zone_names), s, ok, threshold)
    return (
        _summary(cs, inputs.county_names, grid.res, "county"),
        _summary(zs, inputs.zone_names, grid.res, "zone"),
    )


def surface_bytes(
    grid: Grid,
    score: np.ndarray,
    rule: np.ndarray,
    spec: SurfaceSpec,
    rule_codes: tuple[RuleCode, ...],
    schematic_used: tuple[int, int] = (0, 0),
) -> bytes:
    """The COG of a surface held in memory, as bytes (a download button)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "surface.tif"
        write_cog(
            path,
            grid,
            [(grid.full(), score, rule)],
            tags=surface_tags(spec, rule_codes, schematic_used),
        )
        return path.read_bytes()
