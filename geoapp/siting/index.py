"""The prepared metric indexes of a siting evaluation, built once per layer bundle.

:func:`siting_index` reprojects a :class:`geoapp.layers.LayerSet`'s counties,
zones, hubs, stations, projects and Yellow River to EPSG:4547 once and builds
prepared polygons (:class:`geoapp.geo.spatial.PolygonIndex`), KD-trees
(:class:`scipy.spatial.cKDTree`: hubs, stations, one per project chain) and the
exact river index (:class:`geoapp.siting.river.RiverIndex`);
:func:`constraint_index` does the same for the planner's constraint polygons.
Both are kept inside the bundle, so one bundle serves every session of an app.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy.spatial import cKDTree

from geoapp.geo import PolygonIndex
from geoapp.layers import LayerSet
from geoapp.rules import RULES, Rule, constraint_rules
from geoapp.siting.river import RiverIndex

logger = logging.getLogger(__package__)  # "geoapp.siting", as before the split

_CHAIN_SEPARATORS = r"[;；,，、]"


@dataclass(frozen=True)
class SitingIndex:
    """Prepared metric indexes of the reference layers (see :func:`siting_index`)."""

    counties: PolygonIndex
    county_names: np.ndarray
    zones: PolygonIndex
    zone_names: np.ndarray
    zone_kinds: np.ndarray
    zone_chains_text: np.ndarray
    chain_vocab: pd.Index  # chains led by any zone
    zone_chain_matrix: np.ndarray  # (zones, vocab) bool
    hub_tree: cKDTree | None
    hub_names: np.ndarray
    station_tree: cKDTree | None
    station_names: np.ndarray
    project_chains: pd.Index
    project_trees: tuple[cKDTree, ...]
    river: RiverIndex | None


@dataclass(frozen=True)
class ConstraintIndex:
    """Prepared constraint polygons and the rule of each (see :func:`constraint_index`)."""

    index: PolygonIndex
    rules: tuple[Rule, ...]
    polygon_rule: np.ndarray  # polygon position -> position in ``rules``
    rule_chemical_only: np.ndarray  # bool per rule


#: The layers whose positions an evaluation uses: the zone a site is in, the nearest hub
#: and station, the same-chain projects around it (counties and the river are not
#: placed schematically). "Exclude schematic positions" leaves their schematic features out.
POSITION_LAYERS: tuple[str, ...] = ("zones", "logistics_hubs", "monitoring_stations", "projects")


def _names(gdf: gpd.GeoDataFrame, col: str = "name") -> np.ndarray:
    return gdf[col].astype(object).where(gdf[col].notna(), None).to_numpy(dtype=object)


def _xy(gdf: gpd.GeoDataFrame) -> np.ndarray:
    geoms = np.asarray(gdf.geometry.array)
    if len(geoms) and not (shapely.get_type_id(geoms) == 0).all():
        geoms = shapely.point_on_surface(geoms)
    return shapely.get_coordinates(geoms).reshape(-1, 2)


def _split_chains(text: Any) -> tuple[str, ...]:
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return ()
    return tuple(p.strip() for p in re.split(_CHAIN_SEPARATORS, str(text)) if p.strip())


def rules_of(layers: LayerSet) -> Mapping[str, Rule]:
    """Every rule that can appear in ``violations``: ``RULES`` plus the constraint rules."""
    cons = constraint_index(layers)
    if cons is None:
        return RULES
    return MappingProxyType({**RULES, **{r.id: r for r in cons.rules}})


def siting_index(layers: LayerSet) -> SitingIndex:
    """The prepared metric indexes of a bundle's reference layers (built once per bundle)."""
    return layers.derived(("siting_index",), lambda: _build_index(layers))


def constraint_index(layers: LayerSet) -> ConstraintIndex | None:
    """The prepared constraint polygons and their rules, or None (built once per bundle)."""
    return layers.derived(("c:constraint_index",), lambda: _build_constraints(layers))


def _build_index(layers: LayerSet) -> SitingIndex:
    t0 = time.perf_counter()
    cm, zm = layers.metric("counties"), layers.metric("zones")
    zone_sets = [
        _split_chains(v)
        for v in (zm["leading_chains"] if "leading_chains" in zm.columns else [None] * len(zm))
    ]  # one per zone: a few dozen
    vocab = pd.Index(sorted({c for s in zone_sets for c in s}), dtype=object)
    matrix = np.zeros((len(zm), len(vocab)), dtype=bool)
    for i, s in enumerate(zone_sets):
        matrix[i, vocab.get_indexer(list(s))] = True
    zone_text = np.array([";".join(s) if s else None for s in zone_sets], dtype=object)
    hubs, stations = layers.metric("logistics_hubs"), layers.metric("monitoring_stations")
    pm = layers.metric("projects")
    pm = pm[pm["chain"].notna() & ~pm.geometry.is_empty & pm.geometry.notna()]
    p_xy = _xy(pm)
    p_chain = pm["chain"].astype(str).str.strip().to_numpy(dtype=object)
    p_codes, p_uniques = pd.factorize(p_chain)
    trees = tuple(cKDTree(p_xy[p_codes == k]) for k in range(len(p_uniques)))
    river_geoms = np.asarray(layers.metric("yellow_river").geometry.array)
    river_geoms = river_geoms[~shapely.is_missing(river_geoms)]
    river_geoms = river_geoms[~shapely.is_empty(river_geoms)]
    index = SitingIndex(
        counties=PolygonIndex(np.asarray(cm.geometry.array)),
        county_names=_names(cm),
        zones=PolygonIndex(np.asarray(zm.geometry.array)),
        zone_names=_names(zm),
        zone_kinds=_names(zm, "kind"),
        zone_chains_text=zone_text,
        chain_vocab=vocab,
        zone_chain_matrix=matrix,
        hub_tree=cKDTree(_xy(hubs)) if len(hubs) else None,
        hub_names=_names(hubs),
        station_tree=cKDTree(_xy(stations)) if len(stations) else None,
        station_names=_names(stations),
        project_chains=pd.Index(p_uniques, dtype=object),
        project_trees=trees,
        river=RiverIndex(river_geoms) if len(river_geoms) else None,
    )
    logger.debug("prepared siting layers in %.2f s", time.perf_counter() - t0)
    return index


def _build_constraints(layers: LayerSet) -> ConstraintIndex | None:
    constraints = layers.constraints
    if constraints is None or len(constraints) == 0:
        return None
    per_polygon = constraint_rules(constraints)
    ids = per_polygon.map(lambda r: r.id).to_numpy(dtype=object)
    codes, uniques = pd.factorize(ids)
    first = {rid: rule for rid, rule in zip(ids, per_polygon, strict=True)}
    rules = tuple(first[rid] for rid in uniques)
    geoms = np.asarray(layers.metric("constraints").geometry.array)
    return ConstraintIndex(
        index=PolygonIndex(geoms),
        rules=rules,
        polygon_rule=codes.astype(np.intp),
        rule_chemical_only=np.array([r.applies_to == "chemical" for r in rules], dtype=bool),
    )
