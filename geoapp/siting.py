"""Siting evaluation of candidate sites: where, what is near, which rules fail, score, verdict.

:func:`evaluate_sites` takes candidate points (a click, an uploaded spreadsheet,
a grid of a million cells) or drawn parcels and returns, per candidate, its
county and innermost development zone, whether the zone leads the candidate's
chain, the nearest logistics hub and monitoring station, the number of
same-chain projects around it, its distance to the Yellow River, the hard rules
it fails (:mod:`geoapp.rules`) with their legal basis, a 0–100 score with one
column per criterion, a verdict and a short Chinese explanation.
:func:`explain_site` turns one result row into the tables of the per-site
report page.

The function is vectorised: pass all candidates in one call, as one
GeoDataFrame (avoid loops). Nothing loops over candidates in Python; the loops
that remain run over the few polygons of a layer, the chains, or the distinct
combinations of failed rules. Layers are reprojected to EPSG:4547 once and
their indexes built lazily, on first use, inside a :class:`SitingLayers`, which
a Streamlit app keeps in ``st.cache_resource``.

How each column is computed (all in EPSG:4547 metres)
------------------------------------------------------
``county``, ``zone``
    Point-in-polygon (boundary excluded, like ``sjoin(predicate="within")``)
    against prepared polygons: a bounding-box filter, then
    :func:`shapely.contains_xy`. The zone is the smallest containing zone by
    area (the innermost 区中园). A parcel is located by
    :func:`shapely.point_on_surface`.
``hub_*``, ``station_*``
    Nearest facility by :class:`scipy.spatial.cKDTree` on metric coordinates.
``same_chain_nearby``
    One KD-tree per chain of the project layer;
    ``query_ball_point(..., return_length=True)`` counts projects of the
    candidate's chain at distance <= ``same_chain_radius_m``.
``river_distance_m``
    Exact, for every candidate. Points are grouped in 2 km tiles; per tile a
    provable upper bound of the distance (the best segment's worst tile corner)
    prunes the river's segments to the few that can be nearest, and NumPy
    computes the exact point-to-segment distances to those (the GEOS formula;
    it agrees with :func:`shapely.distance` to 1e-9 m). A line of more than
    5 000 segments uses ``STRtree.query_nearest`` over its segments instead
    (exact too, ~4 µs a point). Parcels get :func:`shapely.distance` of the
    polygon itself. No densified vertices and no buffer polygon (whose arcs are
    chords) are involved, so the rule at the buffer edge is exact.
``violations``
    The Yellow River rule compares that exact distance with
    ``river_buffer_m`` (no buffer polygon, whose arcs are approximated by
    chords, is involved); user constraint polygons are tested with
    :func:`shapely.intersects_xy` / ``STRtree.query(predicate="intersects")``,
    boundary included.

Examples
--------
>>> from geoapp.siting import SitingLayers, evaluate_sites
>>> layers = SitingLayers.shipped()  # doctest: +SKIP
>>> result = evaluate_sites(candidates, layers=layers)  # doctest: +SKIP
>>> result[["name", "zone", "score", "verdict"]]  # doctest: +SKIP

See Also
--------
geoapp.rules : the rule registry and user constraint layers.
geoapp.settings.SitingSettings : weights, radii and thresholds.
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
from pyproj import Transformer
from scipy.spatial import cKDTree

from geoapp import chains
from geoapp._errors import LayerValidationError
from geoapp.coords import to_metric
from geoapp.rules import RULES, USER_PREFIX, Rule, constraint_rules, validate_constraints
from geoapp.settings import DEFAULT_SITING, METRIC_CRS, SitingSettings
from geoapp.spatial import PolygonIndex, require_crs

__all__ = [
    "CRITERIA",
    "RESULT_COLUMNS",
    "VERDICTS",
    "VERDICT_ZH",
    "SitingLayers",
    "criteria_table",
    "evaluate_sites",
    "explain_site",
]

logger = logging.getLogger(__name__)

#: Criterion -> (Chinese title, English title), in the order of the score columns.
CRITERIA: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "zone_chain_match": ("园区主导产业链匹配", "Chain is led by the zone"),
        "hub_access": ("物流枢纽可达性", "Logistics hub access"),
        "station_access": ("环境监测站可达性", "Monitoring station access"),
        "chain_agglomeration": ("同链项目集聚", "Same-chain agglomeration"),
        "in_zone": ("位于园区内", "Inside a development zone"),
    }
)
_CRIT = tuple(CRITERIA)
_POSITIVE_ZH = ("产业链为所在园区主导产业", "邻近物流枢纽", "邻近环境监测站", "周边同链项目集聚", "位于园区内")
_NEGATIVE_ZH = ("产业链非所在园区主导产业", "距物流枢纽较远", "距环境监测站较远", "周边同链项目少", "不在园区内")
_NO_CHAIN_ZH = "未填写产业链"

#: The verdicts, best first; ``prohibited`` means a hard rule failed.
VERDICTS: tuple[str, ...] = ("recommended", "feasible", "not_advised", "prohibited")
#: Chinese labels of the verdicts.
VERDICT_ZH: Mapping[str, str] = MappingProxyType(
    {"recommended": "推荐", "feasible": "可行", "not_advised": "不建议", "prohibited": "禁止"}
)

#: Columns added by :func:`evaluate_sites`, in order.
RESULT_COLUMNS: tuple[str, ...] = (
    "county", "zone", "zone_kind", "zone_chains", "chain_match", "chemical",
    "hub_name", "hub_distance_m", "station_name", "station_distance_m",
    "same_chain_nearby", "river_distance_m", "violations", "violation_text",
    "score", *(f"score_{c}" for c in _CRIT), "verdict", "reasons",
)  # fmt: skip

_RIVER_TILE_M = 2_000.0  # tile size of the exact river distance
_RIVER_CHUNK = 65_536  # points per NumPy block inside a tile
_RIVER_SMALL_SEGMENTS = 256  # parcels: shapely.distance to the whole line up to this many segments
_RIVER_TILED_MAX_SEGMENTS = 5_000  # beyond: STRtree.query_nearest over the segments
_CHAIN_SEPARATORS = r"[;；,，、]"


# ---------------------------------------------------------------------------
# prepared structures


def _take(table: np.ndarray, idx: np.ndarray, fill: Any) -> np.ndarray:
    """``table[idx]`` with ``fill`` where ``idx == -1`` (vectorised)."""
    ext = np.empty(len(table) + 1, dtype=np.asarray(table).dtype)
    ext[: len(table)] = table
    ext[-1] = fill
    return ext[idx]


def _str_array(values: np.ndarray, idx: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """Pandas string array ``values[idx]``, missing where ``idx == -1``."""
    arr = pd.array(np.asarray(values, dtype=object), dtype="str")
    return arr.take(np.asarray(idx, dtype=np.intp), allow_fill=True)


def _segment_distance(px, py, ax, ay, bx, by) -> np.ndarray:
    """Euclidean distance from points to segments, broadcasting (the GEOS formula)."""
    dx, dy = bx - ax, by - ay
    l2 = dx * dx + dy * dy
    t = ((px - ax) * dx + (py - ay) * dy) / np.where(l2 > 0, l2, 1.0)
    t = np.clip(t, 0.0, 1.0)
    return np.hypot(px - (ax + t * dx), py - (ay + t * dy))


class _RiverIndex:
    """The river in the metric CRS, with exact point-to-river distances.

    Points are grouped in square tiles. For each tile, an upper bound ``U`` of
    the distance of any point in it to the river is the smallest, over the
    segments, of the largest distance from the tile's corners to the segment
    (distance to a segment is convex, so its maximum over a rectangle is at a
    corner). Only segments whose bounding box lies within ``U`` of the tile can
    hold a point's nearest point; the exact distances to those segments are
    computed with NumPy. The result is the exact planar distance — no
    densification, no buffer polygon — for every point.
    """

    def __init__(self, geoms: np.ndarray) -> None:
        parts = shapely.get_parts(np.asarray(geoms, dtype=object))
        parts = parts[~shapely.is_empty(parts)]
        kind = shapely.get_type_id(parts)
        self.polygons = parts[kind == 3]
        shapely.prepare(self.polygons)
        lines = np.concatenate(
            [parts[(kind == 1) | (kind == 2)], shapely.get_parts(shapely.boundary(self.polygons))]
        )
        self.whole = shapely.geometrycollections(list(lines) + list(self.polygons))
        coords, which = shapely.get_coordinates(lines, return_index=True)
        same = which[1:] == which[:-1]
        self.a, self.b = coords[:-1][same], coords[1:][same]
        self.seg_bounds = np.column_stack(
            [np.minimum(self.a, self.b), np.maximum(self.a, self.b)]
        )  # minx, miny, maxx, maxy
        segments = shapely.linestrings(np.stack([self.a, self.b], axis=1))
        self.tree = shapely.STRtree(np.concatenate([segments, self.polygons]))

    def exact(self, geoms: np.ndarray) -> np.ndarray:
        """Exact GEOS distance from each geometry (point or polygon) to the river."""
        if len(geoms) == 0:
            return np.empty(0)
        if len(self.a) <= _RIVER_SMALL_SEGMENTS:
            return shapely.distance(geoms, self.whole)
        out = np.full(len(geoms), np.nan)
        idx, dist = self.tree.query_nearest(geoms, return_distance=True, all_matches=False)
        out[idx[0]] = dist
        return out

    def distance_xy(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Exact distance from points to the river, vectorised per tile of points."""
        n = len(x)
        if n == 0 or len(self.a) == 0:
            return self.exact(shapely.points(x, y))
        if len(self.a) > _RIVER_TILED_MAX_SEGMENTS:  # a detailed line: log-time GEOS search
            return self.exact(shapely.points(x, y))
        out = np.empty(n)
        ax, ay, bx, by = self.a[:, 0], self.a[:, 1], self.b[:, 0], self.b[:, 1]
        sx0, sy0, sx1, sy1 = self.seg_bounds.T
        ix = np.floor((x - x.min()) / _RIVER_TILE_M).astype(np.int64)
        iy = np.floor((y - y.min()) / _RIVER_TILE_M).astype(np.int64)
        key = ix * (int(iy.max()) + 1) + iy
        order = np.argsort(key, kind="stable")
        sorted_key = key[order]
        starts = np.flatnonzero(np.r_[True, sorted_key[1:] != sorted_key[:-1]])
        ends = np.r_[starts[1:], n]
        for s0, e0 in zip(starts, ends):  # one iteration per occupied tile
            for c0 in range(s0, e0, _RIVER_CHUNK):
                idx = order[c0 : min(e0, c0 + _RIVER_CHUNK)]
                px, py = x[idx], y[idx]
                x0, x1, y0, y1 = px.min(), px.max(), py.min(), py.max()
                cx = np.array([x0, x0, x1, x1])[:, None]
                cy = np.array([y0, y1, y0, y1])[:, None]
                upper = _segment_distance(cx, cy, ax, ay, bx, by).max(axis=0).min()
                gap_x = np.maximum(0.0, np.maximum(sx0 - x1, x0 - sx1))
                gap_y = np.maximum(0.0, np.maximum(sy0 - y1, y0 - sy1))
                cand = np.flatnonzero(np.hypot(gap_x, gap_y) <= upper)
                out[idx] = _segment_distance(
                    px[:, None], py[:, None], ax[cand], ay[cand], bx[cand], by[cand]
                ).min(axis=1)
        for poly in self.polygons:  # inside a water-surface polygon: 0
            out[shapely.intersects_xy(poly, x, y)] = 0.0
        return out


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


# ---------------------------------------------------------------------------
# checks


def _check_settings(settings: SitingSettings) -> np.ndarray:
    """Validate ``settings`` and return the weights in criterion order."""
    unknown = sorted(set(settings.weights) - set(_CRIT))
    if unknown:
        msg = (
            f"`settings.weights` has unknown criteria {unknown}; "
            f"the criteria are {list(_CRIT)} (a missing criterion weighs 0)."
        )
        raise ValueError(msg)
    w = np.array([float(settings.weights.get(c, 0.0)) for c in _CRIT])
    if (w < 0).any() or not np.isfinite(w).all() or w.sum() <= 0:
        msg = (
            "`settings.weights` must be finite, >= 0 and not all 0; "
            f"got {dict(settings.weights)}."
        )
        raise ValueError(msg)
    pairs = (
        ("hub_full_score_m", "hub_zero_score_m"),
        ("station_full_score_m", "station_zero_score_m"),
        ("feasible_min", "recommended_min"),
    )
    for low, high in pairs:
        if not getattr(settings, low) < getattr(settings, high):
            msg = (
                f"`settings.{low}` ({getattr(settings, low)}) must be less than "
                f"`settings.{high}` ({getattr(settings, high)})."
            )
            raise ValueError(msg)
    for name in ("river_buffer_m", "same_chain_radius_m"):
        if not getattr(settings, name) >= 0:
            msg = f"`settings.{name}` must be >= 0 metres, got {getattr(settings, name)}."
            raise ValueError(msg)
    if not settings.agglomeration_full_count >= 1:
        msg = (
            "`settings.agglomeration_full_count` must be >= 1, "
            f"got {settings.agglomeration_full_count}."
        )
        raise ValueError(msg)
    return w


def _check_candidates(candidates, chain_col: str | None, name_col: str | None) -> None:
    if not isinstance(candidates, gpd.GeoDataFrame):
        msg = f"`candidates` should be a GeoDataFrame, got {type(candidates).__name__}."
        raise TypeError(msg)
    require_crs(candidates=candidates)
    if chain_col is not None and chain_col not in candidates.columns:
        msg = (
            f"`chain_col` was {chain_col!r} but `candidates` has no such column; it has "
            f"{list(candidates.columns)}. Name the chain column, or pass chain_col=None to "
            "evaluate without chains."
        )
        raise ValueError(msg)
    geoms = np.asarray(candidates.geometry.array)
    bad = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if bad.any():
        rows = candidates.index[bad]
        shown = list(rows[:10])
        label = ""
        if name_col is not None and name_col in candidates.columns:
            label = f" (names {list(candidates.loc[rows[:10], name_col])})"
        msg = (
            f"`candidates` has {bad.sum()} rows without geometry: {shown}{label}"
            f"{' …' if len(rows) > 10 else ''}. Drop or fix them first."
        )
        raise ValueError(msg)


# ---------------------------------------------------------------------------
# scoring helpers (shared by evaluate_sites and explain_site)


def _linear(d: np.ndarray, full: float, zero: float) -> np.ndarray:
    """1 at or below ``full`` metres, 0 at or beyond ``zero``, linear between; NaN -> 0."""
    out = np.clip((zero - np.asarray(d, dtype=float)) / (zero - full), 0.0, 1.0)
    return np.nan_to_num(out, nan=0.0)


def _normalised(
    chain_match, in_zone, hub_d, station_d, same_chain, settings: SitingSettings
) -> np.ndarray:
    """The (n, 5) matrix of normalised criteria, columns in :data:`CRITERIA` order."""
    return np.column_stack(
        [
            np.asarray(chain_match, dtype=float),
            _linear(hub_d, settings.hub_full_score_m, settings.hub_zero_score_m),
            _linear(station_d, settings.station_full_score_m, settings.station_zero_score_m),
            np.minimum(
                np.asarray(same_chain, dtype=float) / settings.agglomeration_full_count, 1.0
            ),
            np.asarray(in_zone, dtype=float),
        ]
    )


def _verdicts(score: np.ndarray, prohibited: np.ndarray, settings: SitingSettings) -> np.ndarray:
    """Verdict code per site: index into :data:`VERDICTS`."""
    return np.select(
        [prohibited, score >= settings.recommended_min, score >= settings.feasible_min],
        [3, 0, 1],
        default=2,
    )


def _combine_rules(
    n: int, cand: np.ndarray, rule: np.ndarray, n_rules: int
) -> tuple[np.ndarray, list[tuple[int, ...]]]:
    """Group (candidate, rule) pairs into distinct rule combinations, exactly and vectorised.

    Returns the combination code of each candidate (-1: no failed rule) and the
    combinations as sorted tuples of rule positions.
    """
    code = np.full(n, -1, dtype=np.intp)
    if cand.size == 0:
        return code, []
    key = np.unique(cand.astype(np.int64) * n_rules + rule)
    cand, rule = key // n_rules, key % n_rules
    failing, row = np.unique(cand, return_inverse=True)
    words = (n_rules + 63) // 64
    bits = np.zeros((failing.size, words), dtype=np.uint64)
    np.bitwise_or.at(
        bits, (row, rule // 64), np.left_shift(np.uint64(1), (rule % 64).astype(np.uint64))
    )
    combos, inverse = np.unique(bits, axis=0, return_inverse=True)
    code[failing] = inverse.reshape(-1)
    decoded = [
        tuple(int(w * 64 + b) for w in range(words) for b in range(64) if int(c[w]) >> b & 1)
        for c in combos
    ]  # one per distinct combination of failed rules
    return code, decoded


def _reasons(
    norm: np.ndarray,
    weights: np.ndarray,
    no_chain: np.ndarray,
    combo: np.ndarray,
    combo_titles: list[str],
) -> tuple[np.ndarray, np.ndarray]:
    """Short Chinese explanation per site, as (codes, texts) — built once per distinct case."""
    n = len(norm)
    none = len(_CRIT)
    valid = weights > 0

    def top2(score: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        score = score.copy()
        rows = np.arange(n)
        first = np.argmax(score, axis=1)
        first_ok = score[rows, first] > -np.inf
        score[rows, first] = -np.inf
        second = np.argmax(score, axis=1)
        second_ok = score[rows, second] > -np.inf
        return np.where(first_ok, first, none), np.where(second_ok, second, none)

    p1, p2 = top2(np.where((norm >= 0.5) & valid, norm * weights, -np.inf))
    n1, n2 = top2(np.where((norm < 0.5) & valid, (1.0 - norm) * weights, -np.inf))
    base = none + 1
    key = ((p1 * base + p2) * base + n1) * base + n2
    key = (key * 2 + no_chain.astype(np.int64)) * (len(combo_titles) + 1) + (combo + 1)
    span = base**4 * 2 * (len(combo_titles) + 1)
    if span <= 1 << 24:  # a small key space: compact with a table, O(n)
        present = np.zeros(span, dtype=bool)
        present[key] = True
        uniq = np.flatnonzero(present)
        inverse = (np.cumsum(present) - 1)[key]
    else:
        uniq, inverse = np.unique(key, return_inverse=True)
    texts = []
    for k in uniq:  # one per distinct explanation
        k, c = divmod(int(k), len(combo_titles) + 1)
        k, nc = divmod(k, 2)
        k, n2 = divmod(k, base)
        k, n1 = divmod(k, base)
        p1, p2 = divmod(k, base)
        good = [_POSITIVE_ZH[i] for i in (p1, p2) if i != none]
        bad = [(_NO_CHAIN_ZH if i == 0 and nc else _NEGATIVE_ZH[i]) for i in (n1, n2) if i != none]
        parts = [f"违反：{combo_titles[c - 1]}"] if c else []
        parts.append("优势：" + ("、".join(good) or "无"))
        parts.append("不足：" + ("、".join(bad) or "无"))
        texts.append("；".join(parts))
    return inverse.reshape(n), np.array(texts, dtype=object)


# ---------------------------------------------------------------------------
# the evaluation


def evaluate_sites(
    candidates: gpd.GeoDataFrame,
    *,
    layers: SitingLayers | None = None,
    settings: SitingSettings = DEFAULT_SITING,
    chain_col: str | None = "chain",
    name_col: str | None = "name",
) -> gpd.GeoDataFrame:
    """Locate, check against the hard rules, score and judge candidate sites.

    This function is vectorised: pass all candidates in one call (a million
    points take a few seconds on two cores).

    Parameters
    ----------
    candidates
        Points, or polygons (drawn parcels), in any CRS. A parcel is located
        (county, zone, nearest facilities, same-chain count) by a point inside
        it and tested against the river and the constraints with the whole
        polygon.
    layers
        The layers to evaluate against; default :meth:`SitingLayers.shipped`.
        An app should build one and pass it on every call.
    settings
        Radii, weights and thresholds; override with :func:`dataclasses.replace`.
    chain_col
        Column with each candidate's chain (a name of the taxonomy in
        :mod:`geoapp.chains`, or free text); ``None`` evaluates without chains.
    name_col
        Column naming the candidates, used in error messages.

    Returns
    -------
    geopandas.GeoDataFrame
        A new frame: the input columns (any of :data:`RESULT_COLUMNS` already
        present are replaced) plus

        - ``county``, ``zone`` (innermost by area), ``zone_kind``,
          ``zone_chains`` (the zone's leading chains, ``;``-separated):
          missing outside any county / zone;
        - ``chain_match``: the chain is one of the zone's leading chains;
        - ``chemical``: :func:`geoapp.chains.is_chemical` of the chain;
        - ``hub_name``, ``hub_distance_m``, ``station_name``,
          ``station_distance_m``: the nearest of each, in metres (EPSG:4547);
        - ``same_chain_nearby``: projects of the same chain within
          ``settings.same_chain_radius_m``;
        - ``river_distance_m``: exact planar distance to the Yellow River;
        - ``violations``: tuple of failed rule ids (``()`` when none);
          ``violation_text``: ``规则名（法律依据）`` joined by ``；``;
        - ``score``: 0–100, rounded to 0.1; ``score_<criterion>``: each
          criterion's points, ``weight × normalised / sum(weights) × 100``,
          unrounded (their sum is ``score`` before rounding);
        - ``verdict``: ``prohibited`` when any rule fails, else
          ``recommended`` (score >= ``recommended_min``), ``feasible``
          (>= ``feasible_min``) or ``not_advised``;
        - ``reasons``: the main positive and negative factors, in Chinese.

    Raises
    ------
    TypeError
        If ``candidates`` is not a GeoDataFrame.
    CRSError
        If ``candidates`` has no CRS.
    ValueError
        If ``chain_col`` is missing, a geometry is missing or empty, or the
        settings are inconsistent.

    See Also
    --------
    explain_site : the per-criterion table and failed rules of one result row.

    Examples
    --------
    >>> from dataclasses import replace
    >>> from geoapp.settings import DEFAULT_SITING
    >>> strict = replace(DEFAULT_SITING, river_buffer_m=5_000)
    >>> result = evaluate_sites(candidates, settings=strict)  # doctest: +SKIP
    >>> result.loc[result["verdict"] == "prohibited", "violation_text"]  # doctest: +SKIP
    """
    t0 = time.perf_counter()
    _check_candidates(candidates, chain_col, name_col)
    weights = _check_settings(settings)
    layers = layers if layers is not None else _shipped_layers()
    base, cons = layers._base, layers._constraints
    n = len(candidates)

    # --- metric coordinates: the points themselves, a point inside each parcel
    geoms = np.asarray(candidates.geometry.array)
    is_pt = shapely.get_type_id(geoms) == 0
    x, y = np.empty(n), np.empty(n)
    transformer = Transformer.from_crs(candidates.crs, METRIC_CRS, always_xy=True)
    if is_pt.any():
        x[is_pt], y[is_pt] = transformer.transform(
            shapely.get_x(geoms[is_pt]), shapely.get_y(geoms[is_pt])
        )
    others = np.flatnonzero(~is_pt)
    other_m = np.asarray(to_metric(gpd.GeoSeries(geoms[others], crs=candidates.crs)).array)
    if others.size:
        inner = shapely.point_on_surface(other_m)
        x[others], y[others] = shapely.get_x(inner), shapely.get_y(inner)
    bad = ~(np.isfinite(x) & np.isfinite(y))
    if bad.any():
        msg = (
            f"`candidates` rows {list(candidates.index[bad][:10])} cannot be projected to "
            f"{METRIC_CRS}; check their coordinates and the CRS ({candidates.crs})."
        )
        raise ValueError(msg)
    xy = np.column_stack([x, y])

    # --- county and innermost zone
    county_idx = base.counties.innermost(x, y)
    zone_idx = base.zones.innermost(x, y)
    in_zone = zone_idx >= 0

    # --- chains: factorise once, decide per distinct chain
    if chain_col is None:
        chain_code = np.full(n, -1, dtype=np.intp)
        chain_names = np.empty(0, dtype=object)
    else:
        codes, uniques = pd.factorize(candidates[chain_col], use_na_sentinel=True)
        cleaned = pd.Series(np.asarray(uniques, dtype=object)).map(lambda v: str(v).strip() or None)
        codes2, chain_names = pd.factorize(cleaned, use_na_sentinel=True)
        chain_code = _take(codes2.astype(np.intp), codes, -1)
        chain_names = np.asarray(chain_names, dtype=object)
    chemical = _take(chains.is_chemical(chain_names), chain_code, False).astype(bool)
    vocab_code = _take(base.chain_vocab.get_indexer(chain_names).astype(np.intp), chain_code, -1)
    chain_match = in_zone & (vocab_code >= 0)
    if base.zone_chain_matrix.size:
        chain_match &= base.zone_chain_matrix[np.maximum(zone_idx, 0), np.maximum(vocab_code, 0)]

    # --- same-chain projects around: one KD-tree per chain
    same_chain = np.zeros(n, dtype=np.int64)
    proj_code = _take(base.project_chains.get_indexer(chain_names).astype(np.intp), chain_code, -1)
    order = np.argsort(proj_code, kind="stable")
    starts = np.searchsorted(proj_code[order], np.arange(len(base.project_trees) + 1))
    for k, tree in enumerate(base.project_trees):  # one query per chain
        sel = order[starts[k] : starts[k + 1]]
        if sel.size:
            same_chain[sel] = tree.query_ball_point(
                xy[sel], r=settings.same_chain_radius_m, return_length=True, workers=-1
            )

    # --- nearest hub and station
    def nearest(tree: cKDTree | None) -> tuple[np.ndarray, np.ndarray]:
        if tree is None or n == 0:
            return np.full(n, np.nan), np.full(n, -1, dtype=np.intp)
        d, i = tree.query(xy, workers=-1)
        return d, i.astype(np.intp)

    hub_d, hub_i = nearest(base.hub_tree)
    station_d, station_i = nearest(base.station_tree)

    # --- exact river distance and the Yellow River rule
    river_d = np.full(n, np.nan)
    if base.river is not None and n:
        pts = np.flatnonzero(is_pt)
        river_d[pts] = base.river.distance_xy(x[pts], y[pts])
        river_d[others] = base.river.exact(other_m)
    river_hit = np.flatnonzero(chemical & (river_d <= settings.river_buffer_m))

    # --- user constraints
    pair_cand = [river_hit]
    pair_rule = [np.zeros(river_hit.size, dtype=np.intp)]
    rules: list[Rule] = [RULES["yellow_river_chemical"]]
    if cons is not None:
        pts = np.flatnonzero(is_pt)
        pi, gi = cons.index.hits_xy(x[pts], y[pts], boundary=True)
        oi, ogi = cons.index.hits_geoms(other_m)
        cand = np.concatenate([pts[pi], others[oi]])
        rule = cons.polygon_rule[np.concatenate([gi, ogi])]
        keep = ~cons.rule_chemical_only[rule] | chemical[cand]
        pair_cand.append(cand[keep])
        pair_rule.append(rule[keep] + 1)
        rules.extend(cons.rules)
    combo, combos = _combine_rules(
        n, np.concatenate(pair_cand), np.concatenate(pair_rule), len(rules)
    )
    prohibited = combo >= 0

    # --- score, verdict, reasons
    norm = _normalised(chain_match, in_zone, hub_d, station_d, same_chain, settings)
    points = norm * (weights / weights.sum() * 100.0)
    score = np.round(points.sum(axis=1), 1)
    verdict = _verdicts(score, prohibited, settings)

    def title(rule: Rule) -> str:
        if rule.id == "yellow_river_chemical":
            return f"{rule.title_zh}（距黄河 ≤ {settings.river_buffer_m:g} 米）"
        return rule.title_zh

    combo_ids = [tuple(rules[r].id for r in c) for c in combos]
    combo_text = ["；".join(rules[r].label(settings) for r in c) for c in combos]
    combo_titles = ["、".join(title(rules[r]) for r in c) for c in combos]
    reason_code, reason_text = _reasons(norm, weights, chain_code < 0, combo, combo_titles)

    violations = np.empty(len(combos) + 1, dtype=object)
    for i, ids in enumerate(combo_ids):  # one per distinct combination
        violations[i] = ids
    violations[-1] = ()

    columns: dict[str, Any] = {
        "county": _str_array(base.county_names, county_idx),
        "zone": _str_array(base.zone_names, zone_idx),
        "zone_kind": _str_array(base.zone_kinds, zone_idx),
        "zone_chains": _str_array(base.zone_chains_text, zone_idx),
        "chain_match": chain_match,
        "chemical": chemical,
        "hub_name": _str_array(base.hub_names, hub_i),
        "hub_distance_m": hub_d,
        "station_name": _str_array(base.station_names, station_i),
        "station_distance_m": station_d,
        "same_chain_nearby": same_chain,
        "river_distance_m": river_d,
        "violations": violations[combo],
        "violation_text": _str_array(np.array(combo_text, dtype=object), combo),
        "score": score,
        **{f"score_{c}": points[:, j] for j, c in enumerate(_CRIT)},
        "verdict": _str_array(np.array(VERDICTS, dtype=object), verdict),
        "reasons": _str_array(reason_text, reason_code),
    }
    columns["violation_text"] = columns["violation_text"].fillna("")
    out = candidates.copy(deep=False)
    replaced = [c for c in columns if c in out.columns]
    if replaced:
        logger.info("evaluate_sites: replacing existing columns %s", replaced)
    for name, values in columns.items():
        out[name] = values
    counts = np.bincount(verdict, minlength=4)
    logger.info(
        "evaluated %d sites in %.2f s: %s",
        n, time.perf_counter() - t0,
        ", ".join(f"{v} {c}" for v, c in zip(VERDICTS, counts)),
    )  # fmt: skip
    return out


# ---------------------------------------------------------------------------
# the per-site explanation


def _value(row, key: str) -> Any:
    value = row.get(key) if hasattr(row, "get") else row[key]
    if value is None:
        return None
    if isinstance(value, (tuple, list, np.ndarray)):
        return value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return value
    return value.item() if isinstance(value, np.generic) else value


def _rule_for(rule_id: str, rules: Mapping[str, Rule]) -> Rule:
    if rule_id in rules:
        return rules[rule_id]
    if rule_id.startswith(USER_PREFIX):  # a constraint layer no longer at hand
        name = rule_id[len(USER_PREFIX) :]
        generic = RULES["user_constraint"]
        return replace(
            generic, id=rule_id, title_zh=f"用户管控区：{name}", title_en=f"User constraint: {name}"
        )
    msg = f"Unknown rule id {rule_id!r}; known rules are {sorted(rules)}."
    raise KeyError(msg)


def explain_site(
    row: pd.Series | Mapping[str, Any],
    *,
    settings: SitingSettings = DEFAULT_SITING,
    rules: Mapping[str, Rule] | None = None,
    name_col: str = "name",
    chain_col: str = "chain",
) -> dict[str, Any]:
    """The tables of a per-site report, from one row of :func:`evaluate_sites`.

    Parameters
    ----------
    row
        One row of the result (``result.iloc[i]``).
    settings
        The settings the row was evaluated with (weights, radii, thresholds).
    rules
        Rule registry to resolve ``violations``; pass ``layers.rules`` when
        user constraints were used. Default :data:`geoapp.rules.RULES`.
    name_col, chain_col
        The candidate's name and chain columns.

    Returns
    -------
    dict
        ``name``, ``chain``, ``chemical``, ``county``, ``zone``, ``zone_kind``,
        ``zone_chains``, ``score``, ``verdict``, ``verdict_zh``, ``reasons``;
        ``criteria``: one dict per criterion with ``criterion``, ``title_zh``,
        ``title_en``, ``raw`` (the measured value), ``raw_text``,
        ``normalised`` (0–1), ``weight``, ``max_points`` and ``points``;
        ``rules_failed``: one dict per failed rule with ``id``, ``title_zh``,
        ``title_en``, ``legal_basis``, ``applies_to``, ``description``;
        ``nearest``: hub and station (name, distance in metres), the river
        distance and the buffer used, the same-chain count and radius.
    """
    weights = _check_settings(settings)
    rules = RULES if rules is None else rules
    v = {k: _value(row, k) for k in RESULT_COLUMNS if k in row}
    chain = _value(row, chain_col) if chain_col in row else None
    chain = str(chain).strip() or None if chain is not None else None
    zone = v.get("zone")
    norm = _normalised(
        [bool(v.get("chain_match"))], [zone is not None],
        [np.nan if v.get("hub_distance_m") is None else v["hub_distance_m"]],
        [np.nan if v.get("station_distance_m") is None else v["station_distance_m"]],
        [v.get("same_chain_nearby") or 0], settings,
    )[0]  # fmt: skip
    share = weights / weights.sum() * 100.0

    def km(d: float | None) -> str:
        return "—" if d is None else f"{d / 1000:.1f} 公里"

    raw_text = [
        (_NO_CHAIN_ZH if chain is None else
         f"{chain} {'是' if v.get('chain_match') else '不是'}所在园区主导产业链"
         + (f"（{v.get('zone_chains')}）" if v.get("zone_chains") else "")),
        f"{v.get('hub_name') or '—'}，{km(v.get('hub_distance_m'))}",
        f"{v.get('station_name') or '—'}，{km(v.get('station_distance_m'))}",
        f"{settings.same_chain_radius_m / 1000:g} 公里内同链项目 {v.get('same_chain_nearby') or 0} 个",
        zone or "不在园区内",
    ]  # fmt: skip
    raw = [
        bool(v.get("chain_match")), v.get("hub_distance_m"), v.get("station_distance_m"),
        v.get("same_chain_nearby"), zone is not None,
    ]  # fmt: skip
    criteria = [
        {
            "criterion": c,
            "title_zh": CRITERIA[c][0],
            "title_en": CRITERIA[c][1],
            "raw": raw[j],
            "raw_text": raw_text[j],
            "normalised": float(norm[j]),
            "weight": float(weights[j]),
            "max_points": float(share[j]),
            "points": float(v.get(f"score_{c}", norm[j] * share[j])),
        }
        for j, c in enumerate(_CRIT)
    ]
    failed = [_rule_for(rid, rules) for rid in (v.get("violations") or ())]
    verdict = v.get("verdict")
    return {
        "name": _value(row, name_col) if name_col in row else None,
        "chain": chain,
        "chemical": bool(v.get("chemical")),
        "county": v.get("county"),
        "zone": zone,
        "zone_kind": v.get("zone_kind"),
        "zone_chains": v.get("zone_chains"),
        "score": v.get("score"),
        "verdict": verdict,
        "verdict_zh": VERDICT_ZH.get(verdict, verdict),
        "reasons": v.get("reasons"),
        "criteria": criteria,
        "rules_failed": [
            {
                "id": r.id, "title_zh": r.title_zh, "title_en": r.title_en,
                "legal_basis": r.legal_basis, "applies_to": r.applies_to,
                "description": r.description,
            }
            for r in failed
        ],  # fmt: skip
        "nearest": {
            "hub": {"name": v.get("hub_name"), "distance_m": v.get("hub_distance_m")},
            "station": {"name": v.get("station_name"), "distance_m": v.get("station_distance_m")},
            "river_distance_m": v.get("river_distance_m"),
            "river_buffer_m": settings.river_buffer_m,
            "same_chain_nearby": v.get("same_chain_nearby"),
            "same_chain_radius_m": settings.same_chain_radius_m,
        },
    }


def criteria_table(row: pd.Series | Mapping[str, Any], **kwargs: Any) -> pd.DataFrame:
    """:func:`explain_site`'s criteria as a DataFrame (one row per criterion)."""
    return pd.DataFrame(explain_site(row, **kwargs)["criteria"])

