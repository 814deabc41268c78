"""The reference layers of a siting evaluation and their prepared metric indexes.

:class:`SitingLayers` holds the counties, zones, hubs, stations, projects, the
Yellow River and optional user constraints. On first use it reprojects them to
EPSG:4547 once and builds prepared polygons (:class:`geoapp.spatial.PolygonIndex`),
KD-trees (:class:`scipy.spatial.cKDTree`: hubs, stations, one per project chain)
and the exact river index (:class:`geoapp.siting.river._RiverIndex`), which a
Streamlit app keeps in ``st.cache_resource``.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, replace
from functools import cache, cached_property
from types import MappingProxyType
from typing import Any, Mapping

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy.spatial import cKDTree

from geoapp._errors import LayerValidationError
from geoapp.coords import to_metric
from geoapp.rules import RULES, Rule, constraint_rules, validate_constraints
from geoapp.settings import METRIC_CRS
from geoapp.siting.river import _RiverIndex
from geoapp.spatial import PolygonIndex, require_crs

logger = logging.getLogger(__package__)  # "geoapp.siting", as before the split

_CHAIN_SEPARATORS = r"[;；,，、]"


@dataclass(frozen=True)
class _Base:
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
    river: _RiverIndex | None


@dataclass(frozen=True)
class _Constraints:
    index: PolygonIndex
    rules: tuple[Rule, ...]
    polygon_rule: np.ndarray  # polygon position -> position in ``rules``
    rule_chemical_only: np.ndarray  # bool per rule


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


_REQUIRED = {
    "counties": ("name",),
    "zones": ("name", "kind"),
    "hubs": ("name",),
    "stations": ("name",),
    "projects": ("chain",),
    "river": (),
}


@dataclass(frozen=True, eq=False, repr=False)
class SitingLayers:
    """The layers a siting evaluation reads, with lazily built metric indexes.

    Reprojection to EPSG:4547, prepared polygons, STRtrees and KD-trees are
    built on first use and kept; the object is otherwise immutable, so one
    instance can serve every session of an app (``st.cache_resource``). Treat
    the GeoDataFrames as read-only: changes made to them after the first
    evaluation are not seen. Use :meth:`with_constraints` to add constraints.

    Attributes
    ----------
    counties
        Polygons with ``name``.
    zones
        Polygons with ``name``, ``kind`` and optionally ``leading_chains``
        (chain names separated by ``;``).
    hubs, stations
        Logistics hubs and monitoring stations, points with ``name``.
    projects
        Project points with ``chain``.
    river
        The Yellow River (lines, or polygons of the water surface).
    constraints
        Optional user constraint polygons with ``name`` and optional
        ``legal_basis``, ``applies_to`` (see :func:`geoapp.rules.constraint_rules`).
    """

    counties: gpd.GeoDataFrame
    zones: gpd.GeoDataFrame
    hubs: gpd.GeoDataFrame
    stations: gpd.GeoDataFrame
    projects: gpd.GeoDataFrame
    river: gpd.GeoDataFrame
    constraints: gpd.GeoDataFrame | None = None

    def __post_init__(self) -> None:
        require_crs(**{name: getattr(self, name) for name in (*_REQUIRED, "constraints")})
        for name, cols in _REQUIRED.items():
            gdf = getattr(self, name)
            if not isinstance(gdf, gpd.GeoDataFrame):
                msg = f"`{name}` should be a GeoDataFrame, got {type(gdf).__name__}."
                raise TypeError(msg)
            missing = [c for c in cols if c not in gdf.columns]
            if missing:
                msg = (
                    f"`{name}` lacks the column(s) {missing}; it has {list(gdf.columns)}. "
                    "Rename the columns or load the layer with geoapp.catalog.load_layer."
                )
                raise LayerValidationError(msg)
        allowed = {"LineString", "MultiLineString", "LinearRing", "Polygon", "MultiPolygon"}
        wrong = set(self.river.geom_type.dropna()) - allowed
        if wrong:
            msg = f"`river` must hold lines or polygons, got {sorted(wrong)}."
            raise LayerValidationError(msg)
        if self.constraints is not None:
            validate_constraints(self.constraints)

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{name}={len(getattr(self, name))}"
            for name in (*_REQUIRED, "constraints")
            if getattr(self, name) is not None
        )
        return f"SitingLayers({counts})"

    @classmethod
    def shipped(cls) -> SitingLayers:
        """The layers shipped with geoapp, loaded with :func:`geoapp.catalog.load_layer`."""
        from geoapp.catalog import load_layer

        return cls(
            counties=load_layer("counties"),
            zones=load_layer("zones"),
            hubs=load_layer("logistics_hubs"),
            stations=load_layer("monitoring_stations"),
            projects=load_layer("projects"),
            river=load_layer("yellow_river"),
        )

    def with_constraints(
        self,
        constraints: gpd.GeoDataFrame | None,
        *,
        name_col: str = "name",
        legal_basis_col: str = "legal_basis",
        applies_to_col: str = "applies_to",
    ) -> SitingLayers:
        """A new :class:`SitingLayers` with these user constraint polygons (None removes them).

        Parameters
        ----------
        constraints
            Polygons; see :func:`geoapp.rules.validate_constraints`.
        name_col, legal_basis_col, applies_to_col
            Where the layer keeps the name, legal basis and ``applies_to``;
            they are renamed to ``name``, ``legal_basis``, ``applies_to``.

        Returns
        -------
        SitingLayers
            Sharing this object's prepared base layers.
        """
        if constraints is not None:
            validate_constraints(
                constraints, name_col=name_col,
                legal_basis_col=legal_basis_col, applies_to_col=applies_to_col,
            )  # fmt: skip
            wanted = {
                name_col: "name", legal_basis_col: "legal_basis", applies_to_col: "applies_to"
            }  # fmt: skip
            renames = {k: v for k, v in wanted.items() if k != v and k in constraints.columns}
            if renames:
                constraints = constraints.drop(
                    columns=[v for v in renames.values() if v in constraints.columns]
                ).rename(columns=renames)
        new = replace(self, constraints=constraints)
        if "_base" in self.__dict__:  # share the prepared base layers
            new.__dict__["_base"] = self.__dict__["_base"]
        return new

    @property
    def rules(self) -> Mapping[str, Rule]:
        """Every rule that can appear in ``violations``: ``RULES`` plus the constraint rules."""
        cons = self._constraints
        if cons is None:
            return RULES
        return MappingProxyType({**RULES, **{r.id: r for r in cons.rules}})

    def river_buffer(self, distance_m: float) -> gpd.GeoSeries:
        """The river buffered by ``distance_m`` metres, in EPSG:4326, for display on a map.

        The rule itself is decided on exact distances, not on this polygon.
        """
        merged = shapely.union_all(np.asarray(to_metric(self.river).geometry.array))
        buf = gpd.GeoSeries([shapely.buffer(merged, distance_m, quad_segs=16)], crs=METRIC_CRS)
        return buf.to_crs(self.river.crs or "EPSG:4326")

    @cached_property
    def _base(self) -> _Base:
        t0 = time.perf_counter()
        cm, zm = to_metric(self.counties), to_metric(self.zones)
        zone_sets = [
            _split_chains(v)
            for v in (zm["leading_chains"] if "leading_chains" in zm.columns else [None] * len(zm))
        ]  # one per zone: a few dozen
        vocab = pd.Index(sorted({c for s in zone_sets for c in s}), dtype=object)
        matrix = np.zeros((len(zm), len(vocab)), dtype=bool)
        for i, s in enumerate(zone_sets):
            matrix[i, vocab.get_indexer(list(s))] = True
        zone_text = np.array([";".join(s) if s else None for s in zone_sets], dtype=object)
        hubs, stations = to_metric(self.hubs), to_metric(self.stations)
        pm = to_metric(self.projects)
        pm = pm[pm["chain"].notna() & ~pm.geometry.is_empty & pm.geometry.notna()]
        p_xy = _xy(pm)
        p_chain = pm["chain"].astype(str).str.strip().to_numpy(dtype=object)
        p_codes, p_uniques = pd.factorize(p_chain)
        trees = tuple(cKDTree(p_xy[p_codes == k]) for k in range(len(p_uniques)))
        river_geoms = np.asarray(to_metric(self.river).geometry.array)
        river_geoms = river_geoms[~shapely.is_missing(river_geoms)]
        river_geoms = river_geoms[~shapely.is_empty(river_geoms)]
        base = _Base(
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
            river=_RiverIndex(river_geoms) if len(river_geoms) else None,
        )
        logger.debug("prepared siting layers in %.2f s", time.perf_counter() - t0)
        return base

    @cached_property
    def _constraints(self) -> _Constraints | None:
        if self.constraints is None or len(self.constraints) == 0:
            return None
        per_polygon = constraint_rules(self.constraints)
        ids = per_polygon.map(lambda r: r.id).to_numpy(dtype=object)
        codes, uniques = pd.factorize(ids)
        first = {rid: rule for rid, rule in zip(ids, per_polygon)}
        rules = tuple(first[rid] for rid in uniques)
        geoms = np.asarray(to_metric(self.constraints).geometry.array)
        return _Constraints(
            index=PolygonIndex(geoms),
            rules=rules,
            polygon_rule=codes.astype(np.intp),
            rule_chemical_only=np.array([r.applies_to == "chemical" for r in rules], dtype=bool),
        )


@cache
def _shipped_layers() -> SitingLayers:
    return SitingLayers.shipped()
