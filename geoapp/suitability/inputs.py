"""What a suitability surface reads, prepared once per chain: :class:`SurfaceInputs`.

:func:`prepare_inputs` turns the layer bundle (a mapping of catalog layer names
to GeoDataFrames, see :mod:`geoapp.suitability`) and a chain into plain
arrays and shapely geometries in EPSG:4547. The object is small and picklable:
it is what a Dask cluster receives once (``scatter(..., broadcast=True)``)
before the tiles are computed.

The siting engine is touched here and nowhere else in the package
(:func:`siting_layers`, :func:`zone_leads_chain`, :func:`evaluate_points`), so
a change of the engine's entry point changes only this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy.spatial import cKDTree

from geoapp.geo import to_metric
from geoapp.layers import LAYER_NAMES, LayerSet, as_layerset
from geoapp.rules import RULES, constraint_rules
from geoapp.settings import METRIC_CRS, SitingSettings
from geoapp.siting import POSITION_LAYERS, evaluate_sites
from geoapp.vocab import chains

#: Layers a surface needs (catalog names); ``constraints`` is optional.
REQUIRED_LAYERS: tuple[str, ...] = tuple(n for n in LAYER_NAMES if n != "neighbours")
#: Rule code of a cell that fails no hard rule.
RULE_NONE = 0
#: Rule code of the Yellow River shoreline rule (黄河保护法 第二十六条) for chemical chains.
RULE_RIVER = 1


@dataclass(frozen=True)
class RuleCode:
    """One row of the rule-code table of the surface's second band."""

    code: int
    id: str
    title_zh: str
    title_en: str
    legal_basis: str


@dataclass(frozen=True, eq=False)
class SurfaceInputs:
    """The layers of one chain's surface, in EPSG:4547, as arrays (picklable).

    Attributes
    ----------
    chain
        The chain scored (``None``: no chain; no chain match, no agglomeration).
    chemical
        :func:`geoapp.vocab.chains.is_chemical` of the chain.
    city
        The city outline; cells whose centre is outside are no data.
    county_geoms, county_names
        County polygons and names.
    zone_geoms, zone_names, zone_leads
        Zone polygons, names and whether each leads ``chain``; zones are
        ordered so that the innermost (smallest) one is last.
    hub_tree, hub_names, station_tree, station_names
        KD-trees of logistics hubs and monitoring stations (``None`` if none).
    project_tree
        KD-tree of the projects of ``chain`` (``None`` if none).
    river
        The Yellow River as one geometry (``None`` if the layer is empty).
    constraint_geoms, constraint_codes
        User constraint polygons that apply to this chain, with their rule
        codes, ordered so that the lowest code is last.
    rule_codes
        The code table: 1 = the Yellow River rule, 2… = user constraint rules.
    settings
        The siting settings (radii, river buffer).
    schematic_used
        ``(schematic, total)`` features of the layers the criteria use (zones,
        hubs, stations, projects), :meth:`geoapp.layers.LayerSet.schematic_used`.
    """

    chain: str | None
    chemical: bool
    city: shapely.Geometry
    county_geoms: np.ndarray
    county_names: np.ndarray
    zone_geoms: np.ndarray
    zone_names: np.ndarray
    zone_leads: np.ndarray
    hub_tree: cKDTree | None
    hub_names: np.ndarray
    station_tree: cKDTree | None
    station_names: np.ndarray
    project_tree: cKDTree | None
    river: shapely.Geometry | None
    constraint_geoms: np.ndarray
    constraint_codes: np.ndarray
    rule_codes: tuple[RuleCode, ...]
    settings: SitingSettings
    schematic_used: tuple[int, int] = (0, 0)


def check_layers(layers: Mapping[str, gpd.GeoDataFrame]) -> None:
    """Raise a ValueError naming every required layer missing from ``layers``."""
    missing = [name for name in REQUIRED_LAYERS if layers.get(name) is None]
    if missing:
        msg = (
            f"`layers` lacks {missing}; a suitability surface needs {list(REQUIRED_LAYERS)} "
            "(and optionally `constraints`). Pass the layer bundle the app or CLI loaded."
        )
        raise ValueError(msg)


def _constraints(layers: Mapping[str, gpd.GeoDataFrame]) -> gpd.GeoDataFrame | None:
    try:
        cons = layers.get("constraints")
    except KeyError:
        return None
    return cons if cons is not None and len(cons) else None


# --------------------------------------------------------------------------- siting engine
def siting_layers(layers: Mapping[str, gpd.GeoDataFrame]) -> LayerSet:
    """The :class:`geoapp.layers.LayerSet` of ``layers`` (itself when it already is one)."""
    return as_layerset(layers)


def evaluate_points(
    x: np.ndarray,
    y: np.ndarray,
    *,
    chain: str | None,
    layers: Mapping[str, gpd.GeoDataFrame],
    settings: SitingSettings,
    engine: object | None = None,
) -> gpd.GeoDataFrame:
    """:func:`geoapp.siting.evaluate_sites` at points given in EPSG:4547 metres.

    ``engine`` is a prepared :func:`siting_layers` object to reuse (optional).
    """
    cand = gpd.GeoDataFrame(
        {"chain": pd.Series([chain] * len(x), dtype=object)},
        geometry=gpd.points_from_xy(x, y),
        crs=METRIC_CRS,
    )
    engine = engine if engine is not None else siting_layers(layers)
    return evaluate_sites(cand, layers=engine, settings=settings, chain_col="chain", name_col=None)  # type: ignore[arg-type]


def zone_leads_chain(
    zones_m: np.ndarray,
    order: np.ndarray,
    *,
    chain: str | None,
    layers: Mapping[str, gpd.GeoDataFrame],
    settings: SitingSettings,
) -> np.ndarray:
    """Whether each zone leads ``chain``, as the siting engine decides it.

    For each zone a probe point is taken where that zone is the innermost
    one (inside it, outside every zone that wins over it); the siting engine
    evaluates the probes and its ``chain_match`` is the answer. A zone that is
    innermost nowhere never decides a cell and gets ``False``.

    Parameters
    ----------
    zones_m
        Zone polygons in EPSG:4547, in the layer's order.
    order
        Burn order (innermost last), see :func:`prepare_inputs`.
    """
    n = len(zones_m)
    leads = np.zeros(n, dtype=bool)
    if n == 0 or chain is None:
        return leads
    rank = np.empty(n, dtype=np.intp)
    rank[order] = np.arange(n)
    probes = np.full(n, None, dtype=object)
    for i in range(n):  # one per zone (a few dozen)
        winners = zones_m[rank > rank[i]]
        rest = (
            shapely.difference(zones_m[i], shapely.union_all(winners))
            if len(winners)
            else zones_m[i]
        )
        if not shapely.is_empty(rest):
            probes[i] = shapely.point_on_surface(rest)
    have = np.flatnonzero(pd.notna(probes))
    if have.size == 0:
        return leads
    res = evaluate_points(
        shapely.get_x(probes[have].astype(object)),
        shapely.get_y(probes[have].astype(object)),
        chain=chain,
        layers=layers,
        settings=settings,
    )
    leads[have] = res["chain_match"].to_numpy(dtype=bool)
    return leads


# --------------------------------------------------------------------------- preparation
def _points_xy(gdf: gpd.GeoDataFrame) -> np.ndarray:
    geoms = np.asarray(to_metric(gdf).geometry.array)
    geoms = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    if len(geoms) and not (shapely.get_type_id(geoms) == 0).all():
        geoms = shapely.point_on_surface(geoms)
    return shapely.get_coordinates(geoms).reshape(-1, 2)


def _names(gdf: gpd.GeoDataFrame) -> np.ndarray:
    return gdf["name"].astype(object).where(gdf["name"].notna(), None).to_numpy(dtype=object)


def _innermost_order(geoms: np.ndarray) -> np.ndarray:
    """Burn order: larger first, and among equal areas the higher position first."""
    area = shapely.area(geoms)
    return np.lexsort((-np.arange(len(geoms)), -area))


def rule_table(layers: Mapping[str, gpd.GeoDataFrame]) -> tuple[RuleCode, ...]:
    """The rule codes of the surface's second band for these layers.

    0 means no rule fails; 1 is the Yellow River shoreline rule; 2, 3, … are
    the user constraint rules in the order they first appear in the
    constraint layer. Where several rules fail in one cell, the lowest code
    is recorded.
    """
    river = RULES["yellow_river_chemical"]
    table = [RuleCode(RULE_RIVER, river.id, river.title_zh, river.title_en, river.legal_basis)]
    cons = _constraints(layers)
    if cons is not None:
        seen: dict[str, int] = {}
        for rule in constraint_rules(cons):  # one per polygon, deduplicated below
            if rule.id not in seen:
                seen[rule.id] = RULE_RIVER + 1 + len(seen)
                table.append(
                    RuleCode(seen[rule.id], rule.id, rule.title_zh, rule.title_en, rule.legal_basis)
                )
    return tuple(table)


def prepare_inputs(
    layers: Mapping[str, gpd.GeoDataFrame],
    *,
    chain: str | None,
    settings: SitingSettings,
) -> SurfaceInputs:
    """Prepare the layers of one chain's surface (EPSG:4547 arrays and KD-trees).

    Parameters
    ----------
    layers
        Mapping with :data:`REQUIRED_LAYERS` (EPSG:4326 or any CRS) and
        optionally ``constraints``.
    chain
        The chain to score, e.g. ``"聚碳新材料"``; ``None`` for none.
    settings
        Siting settings: radii, river buffer, the weights' criteria.

    Returns
    -------
    SurfaceInputs
    """
    check_layers(layers)
    chain = None if chain is None or not str(chain).strip() else str(chain).strip()
    city = shapely.union_all(np.asarray(to_metric(layers["city"]).geometry.array))
    if shapely.is_empty(city):
        msg = "the `city` layer is empty; the surface needs the city outline."
        raise ValueError(msg)
    counties = to_metric(layers["counties"])
    cg = np.asarray(counties.geometry.array)
    c_order = _innermost_order(cg)
    zones = to_metric(layers["zones"])
    zg = np.asarray(zones.geometry.array)
    z_order = _innermost_order(zg)
    leads = zone_leads_chain(zg, z_order, chain=chain, layers=layers, settings=settings)

    projects = to_metric(layers["projects"])
    chain_of = projects["chain"].astype(str).str.strip()
    mine = projects[projects["chain"].notna() & (chain_of == chain)] if chain else projects.iloc[:0]
    p_xy = _points_xy(mine)
    hub_xy = _points_xy(layers["logistics_hubs"])
    st_xy = _points_xy(layers["monitoring_stations"])
    river_geoms = np.asarray(to_metric(layers["yellow_river"]).geometry.array)
    river_geoms = river_geoms[~(shapely.is_missing(river_geoms) | shapely.is_empty(river_geoms))]
    river = shapely.union_all(river_geoms) if len(river_geoms) else None
    chemical = bool(chains.is_chemical([chain])[0]) if chain else False

    table = rule_table(layers)
    cons = _constraints(layers)
    cons_geoms = np.empty(0, dtype=object)
    cons_codes = np.empty(0, dtype=np.int32)
    if cons is not None:
        rules = constraint_rules(cons)
        code_of = {r.id: r.code for r in table}
        codes = rules.map(lambda r: code_of[r.id]).to_numpy(dtype=np.int32)
        applies = rules.map(lambda r: r.applies_to == "all" or chemical).to_numpy(dtype=bool)
        geoms = np.asarray(to_metric(cons).geometry.array)[applies]
        codes = codes[applies]
        order = np.lexsort((np.arange(len(codes)), -codes))  # lowest code burned last
        cons_geoms, cons_codes = geoms[order], codes[order]
    return SurfaceInputs(
        chain=chain,
        chemical=chemical,
        city=city,
        county_geoms=cg[c_order],
        county_names=_names(counties)[c_order],
        zone_geoms=zg[z_order],
        zone_names=_names(zones)[z_order],
        zone_leads=leads[z_order],
        hub_tree=cKDTree(hub_xy) if len(hub_xy) else None,
        hub_names=_names(layers["logistics_hubs"]),
        station_tree=cKDTree(st_xy) if len(st_xy) else None,
        station_names=_names(layers["monitoring_stations"]),
        project_tree=cKDTree(p_xy) if len(p_xy) else None,
        river=river,
        constraint_geoms=cons_geoms,
        constraint_codes=cons_codes,
        rule_codes=table,
        settings=settings,
        schematic_used=as_layerset(layers).schematic_used(POSITION_LAYERS),
    )
