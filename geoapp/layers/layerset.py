"""The one layer bundle: :class:`LayerSet`, the layers a planner is working with.

Every analysis, map, report and command takes the layers as one
:class:`LayerSet` (keyword ``layers=``). It is an immutable mapping from the
catalog's layer names (``counties``, ``zones``, ``projects``,
``logistics_hubs``, ``monitoring_stations``, ``yellow_river``, ``city``,
``neighbours``; see :func:`geoapp.layers.catalog.catalog`) to GeoDataFrames in
EPSG:4326, plus the planner's optional constraint polygons. Nothing in geoapp
loads the shipped data on its own: the edge (the app, the CLI) starts from
:meth:`LayerSet.shipped` and replaces what the planner brought with
:meth:`LayerSet.replace`.

Derived data — metric views (EPSG:4547), prepared polygons, KD-trees, river
buffers — is built lazily, once per bundle, and shared by every caller; a
:attr:`LayerSet.token` identifies the content for caches.

Examples
--------
>>> from geoapp.layers import LayerSet
>>> layers = LayerSet.shipped()  # doctest: +SKIP
>>> layers["counties"].shape  # doctest: +SKIP
(6, 7)
>>> mine = layers.replace("projects", my_projects)  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType
from typing import Any, TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geoapp.errors import LayerValidationError
from geoapp.geo import require_crs, to_metric
from geoapp.layers.catalog import catalog, get_spec, load_layer, validate_layer
from geoapp.rules import validate_constraints
from geoapp.settings import METRIC_CRS, STORAGE_CRS
from geoapp.vocab import message

__all__ = [
    "CONSTRAINTS",
    "LAYER_NAMES",
    "REQUIRED_COLUMNS",
    "LayerSet",
    "as_layerset",
    "conform",
    "drop_schematic",
    "schematic_mask",
]

#: The layers every bundle has, in map order (the catalog's names).
LAYER_NAMES: tuple[str, ...] = (
    "counties",
    "zones",
    "projects",
    "logistics_hubs",
    "monitoring_stations",
    "yellow_river",
    "city",
    "neighbours",
)
#: Name of the planner's constraint layer (not in the catalog: it has no shipped data).
CONSTRAINTS = "constraints"

#: Columns an analysis reads from each layer; a bundle refuses a layer without them.
REQUIRED_COLUMNS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "counties": ("name",),
        "zones": ("name", "kind"),
        "projects": ("chain",),
        "logistics_hubs": ("name",),
        "monitoring_stations": ("name",),
        "yellow_river": (),
        "city": (),
        "neighbours": ("name",),
    }
)

_T = TypeVar("_T")

#: Column titles planners use in their own files, mapped to the declared names.
_COMMON_ALIASES = {
    "名称": "name",
    "产业链": "chain",
    "阶段": "stage",
    "县区": "county",
    "园区": "zone",
}
_CONSTRAINT_ALIASES = {
    "名称": "name",
    "管控区名称": "name",
    "法律依据": "legal_basis",
    "适用": "applies_to",
}


def _empty(name: str) -> gpd.GeoDataFrame:
    cols = {c: pd.Series(dtype=object) for c in REQUIRED_COLUMNS.get(name, ())}
    return gpd.GeoDataFrame(cols, geometry=gpd.GeoSeries([], crs=STORAGE_CRS), crs=STORAGE_CRS)


def _frame_digest(gdf: gpd.GeoDataFrame) -> str:
    """A content hash of one layer: attributes, geometry (WKB) and CRS."""
    h = hashlib.sha1()
    h.update(str(gdf.crs).encode())
    h.update("|".join(map(str, gdf.columns)).encode())
    attrs = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    if len(attrs.columns):
        h.update(pd.util.hash_pandas_object(attrs.astype(str), index=False).to_numpy().tobytes())
    wkb = shapely.to_wkb(np.asarray(gdf.geometry.array), hex=False)
    h.update(pd.util.hash_array(np.asarray(wkb, dtype=object)).tobytes())
    return h.hexdigest()[:16]


def conform(
    gdf: gpd.GeoDataFrame, name: str, *, filename: str = "", quality: str = "surveyed"
) -> gpd.GeoDataFrame:
    """Bring a planner's layer to the declared columns of layer ``name``.

    The declaration's Chinese column titles (``项目名称``, ``产业链``, …) and the
    common ones (``名称``, ``县区``, ``园区``) are renamed to the declared names;
    ``id``, ``source`` (the file and row), ``location_quality`` and
    ``placed_in`` are filled where the file has no such column. Nothing else
    is changed; :meth:`LayerSet.replace` validates the result.

    Parameters
    ----------
    gdf
        The layer as read (e.g. by :func:`geoapp.io.read_user_layer`).
    name
        The layer it replaces or extends, or ``"constraints"``.
    filename
        The file it came from, cited in ``source``.
    quality
        ``location_quality`` for rows without one (``surveyed``,
        ``approximate`` or ``schematic``).

    Returns
    -------
    geopandas.GeoDataFrame
        A renamed copy.
    """
    out = gdf.copy()
    if name == CONSTRAINTS:
        aliases = _CONSTRAINT_ALIASES
    else:
        spec = get_spec(name)
        aliases = {c.title_zh: c.name for c in spec.columns.values() if c.title_zh}
        aliases.update(_COMMON_ALIASES)
    renames = {k: v for k, v in aliases.items() if k in out.columns and v not in out.columns}
    out = out.rename(columns=renames)
    if name == CONSTRAINTS:
        return out
    rows = (
        out["source_row"].astype(str)
        if "source_row" in out.columns
        else pd.Series(np.arange(1, len(out) + 1).astype(str), index=out.index)
    )
    if "id" not in out.columns:
        out["id"] = "U" + rows
    if "source" not in out.columns:
        out["source"] = f"用户上传：{filename} 第" + rows + "行"
    if "location_quality" not in out.columns:
        out["location_quality"] = quality
    if "placed_in" not in out.columns:
        out["placed_in"] = "user"
    return out


@dataclass(frozen=True, eq=False, repr=False)
class LayerSet(Mapping[str, gpd.GeoDataFrame]):
    """The layers a planner is working with: immutable, keyed by catalog name.

    Parameters
    ----------
    frames
        Layer name -> GeoDataFrame (any CRS; each must have one). Layers of
        :data:`LAYER_NAMES` that are not given are empty.
    constraints
        Optional planner's constraint polygons (columns ``name`` and optional
        ``legal_basis``, ``applies_to``; see :func:`geoapp.rules.constraint_rules`).
    origins
        Layer name -> where it came from (``"shipped"``, ``"user"``,
        ``"workspace"`` …), shown to planners; default ``"given"``.

    Notes
    -----
    Treat the GeoDataFrames as read-only: derived data is built from them
    once. Build a new bundle with :meth:`replace` instead.
    """

    frames: Mapping[str, gpd.GeoDataFrame]
    constraints: gpd.GeoDataFrame | None = None
    origins: Mapping[str, str] = field(default_factory=dict)
    _cache: dict[tuple[Any, ...], Any] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _lock: threading.RLock = field(
        init=False, repr=False, compare=False, default_factory=threading.RLock
    )

    def __post_init__(self) -> None:
        """Validate the layers, fill the missing ones and freeze the mappings."""
        frames = dict(self.frames)
        unknown = sorted(set(frames) - set(LAYER_NAMES) - set(catalog()))
        if unknown:
            msg = (
                f"LayerSet: unknown layer name(s) {unknown}; use the catalog's names "
                f"{list(LAYER_NAMES)} (constraints go in `constraints=`)."
            )
            raise LayerValidationError(msg)
        for name in LAYER_NAMES:
            frames.setdefault(name, _empty(name))
        for name, gdf in frames.items():
            if not isinstance(gdf, gpd.GeoDataFrame):
                msg = f"Layer `{name}` should be a GeoDataFrame, got {type(gdf).__name__}."
                raise TypeError(msg)
            missing = [c for c in REQUIRED_COLUMNS.get(name, ()) if c not in gdf.columns]
            if missing:
                spec = catalog().get(name)
                columns = spec.columns.values() if spec else ()
                titles = {c.name: c.title_zh or c.name for c in columns}
                msg = message(
                    "Layer `{name}` lacks the column(s) {missing}; it has {columns}. Rename the "
                    "columns (geoapp.layers.conform does it for the declared Chinese titles) or "
                    "load the layer with geoapp.layers.catalog.load_layer.",
                    name=name,
                    missing=missing,
                    columns=list(gdf.columns),
                    title=spec.title_zh if spec else name,
                    title_en=spec.title_en if spec else name,
                    need_zh="、".join(f"“{titles.get(c, c)}”" for c in missing),
                    need_en=", ".join(f"“{titles.get(c, c)}” ({c})" for c in missing),
                )
                raise LayerValidationError(msg)
        require_crs(**frames, constraints=self.constraints)
        river_types = set(frames["yellow_river"].geom_type.dropna())
        wrong = river_types - {"LineString", "MultiLineString", "Polygon", "MultiPolygon"}
        if wrong:
            msg = f"Layer `yellow_river` must hold lines or polygons, got {sorted(wrong)}."
            raise LayerValidationError(msg)
        if self.constraints is not None:
            validate_constraints(self.constraints)
        object.__setattr__(self, "frames", MappingProxyType(frames))
        origins = {n: "given" for n in frames} | dict(self.origins)
        object.__setattr__(self, "origins", MappingProxyType(origins))

    # ------------------------------------------------------------------ mapping
    def __getitem__(self, name: str) -> gpd.GeoDataFrame:
        """The layer ``name`` (``"constraints"`` gives the constraints or an empty layer)."""
        if name == CONSTRAINTS:
            return self.constraints if self.constraints is not None else _empty(CONSTRAINTS)
        try:
            return self.frames[name]
        except KeyError:
            msg = f"No layer named {name!r} in this LayerSet; it has {list(self.frames)}."
            raise KeyError(msg) from None

    def __iter__(self) -> Iterator[str]:
        """Layer names, in map order."""
        return iter(self.frames)

    def __len__(self) -> int:
        """How many layers (constraints not counted)."""
        return len(self.frames)

    def __eq__(self, other: object) -> bool:
        """Same content (same :attr:`token`)."""
        return isinstance(other, LayerSet) and other.token == self.token

    def __hash__(self) -> int:
        """Hash of the content token."""
        return hash(self.token)

    def __repr__(self) -> str:
        """Counts per layer."""
        counts = ", ".join(f"{n}={len(g)}" for n, g in self.frames.items())
        if self.constraints is not None:
            counts += f", constraints={len(self.constraints)}"
        return f"LayerSet({counts})"

    # ------------------------------------------------------------------ building
    @classmethod
    def shipped(cls) -> LayerSet:
        """The layers shipped with geoapp (one shared instance per process)."""
        return _shipped()

    def replace(self, name: str, gdf: gpd.GeoDataFrame | None, *, origin: str = "user") -> LayerSet:
        """A new bundle with layer ``name`` replaced by ``gdf``, validated against the catalog.

        Parameters
        ----------
        name
            A catalog layer name, or ``"constraints"`` (``None`` removes them).
        gdf
            The new layer, with the declared columns (see :func:`conform`).
        origin
            Where it came from, shown to planners (e.g. ``"user"``, ``"workspace"``).

        Returns
        -------
        LayerSet
            Sharing the derived data of the unchanged layers is not attempted:
            indexes are rebuilt lazily for the new bundle.

        Raises
        ------
        LayerValidationError
            If ``gdf`` does not match the declaration of ``name``.
        """
        if name == CONSTRAINTS:
            return LayerSet(self.frames, constraints=gdf, origins=self.origins)
        if gdf is None:
            msg = f"Layer {name!r} cannot be removed; replace it with an empty layer instead."
            raise LayerValidationError(msg)
        spec = get_spec(name)
        validate_layer(gdf, spec, file=f"{origin} layer")
        if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
            gdf = gdf.to_crs(STORAGE_CRS)
        frames = dict(self.frames)
        frames[name] = gdf
        return LayerSet(frames, self.constraints, {**self.origins, name: origin})

    def with_constraints(
        self,
        constraints: gpd.GeoDataFrame | None,
        *,
        name_col: str = "name",
        legal_basis_col: str = "legal_basis",
        applies_to_col: str = "applies_to",
    ) -> LayerSet:
        """A new bundle with these constraint polygons (``None`` removes them).

        Parameters
        ----------
        constraints
            Polygons; see :func:`geoapp.rules.validate_constraints`.
        name_col, legal_basis_col, applies_to_col
            Where the layer keeps the name, legal basis and ``applies_to``;
            they are renamed to ``name``, ``legal_basis``, ``applies_to``.

        Returns
        -------
        LayerSet
            Sharing this bundle's derived data that does not involve constraints.
        """
        if constraints is not None:
            validate_constraints(
                constraints,
                name_col=name_col,
                legal_basis_col=legal_basis_col,
                applies_to_col=applies_to_col,
            )
            wanted = {
                name_col: "name",
                legal_basis_col: "legal_basis",
                applies_to_col: "applies_to",
            }
            renames = {k: v for k, v in wanted.items() if k != v and k in constraints.columns}
            if renames:
                constraints = constraints.drop(
                    columns=[v for v in renames.values() if v in constraints.columns]
                ).rename(columns=renames)
        new = LayerSet(self.frames, constraints=constraints, origins=self.origins)
        with self._lock:  # share what does not depend on the constraints
            shared = {k: v for k, v in self._cache.items() if not str(k[0]).startswith("c:")}
        new._cache.update(shared)
        return new

    # ------------------------------------------------------------------ derived data
    @property
    def token(self) -> str:
        """A content hash of every layer and the constraints (a cache key)."""
        return self.derived(("c:token",), self._compute_token)

    def layer_token(self, name: str) -> str:
        """A content hash of one layer."""
        key = ("c:layer_token",) if name == CONSTRAINTS else ("layer_token", name)
        return self.derived(key, lambda: _frame_digest(self[name]))

    def _compute_token(self) -> str:
        parts = [f"{n}:{self.layer_token(n)}" for n in self.frames]
        if self.constraints is not None:
            parts.append(f"constraints:{self.layer_token(CONSTRAINTS)}")
        return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]

    def derived(self, key: tuple[Any, ...], build: Callable[[], _T]) -> _T:
        """Build once, keep and share a value derived from this bundle.

        Parameters
        ----------
        key
            A tuple naming the value; keys of values that depend on the
            constraints start with a string beginning ``"c:"``, so
            :meth:`with_constraints` does not share them.
        build
            Called once (under a lock) when the key is first asked for.

        Returns
        -------
        The built value.
        """
        cache = self._cache
        if key in cache:
            return cache[key]
        with self._lock:
            if key not in cache:
                cache[key] = build()
            return cache[key]

    def metric(self, name: str) -> gpd.GeoDataFrame:
        """Layer ``name`` in the metric CRS (EPSG:4547), built once."""
        key = ("c:metric", name) if name == CONSTRAINTS else ("metric", name)
        return self.derived(key, lambda: to_metric(self[name]))

    def river_buffer(self, distance_m: float) -> gpd.GeoSeries:
        """The Yellow River buffered by ``distance_m`` metres, in EPSG:4326 (the one buffer).

        Drawn on every map and report; the rule itself is decided on exact
        distances (:mod:`geoapp.siting`), not on this polygon.

        Parameters
        ----------
        distance_m
            Buffer width in metres (the siting settings' ``river_buffer_m``).

        Returns
        -------
        geopandas.GeoSeries
            One polygon (empty when there is no river), EPSG:4326.
        """

        def build() -> gpd.GeoSeries:
            geoms = np.asarray(self.metric("yellow_river").geometry.array)
            geoms = geoms[~shapely.is_missing(geoms)]
            merged = shapely.union_all(geoms)
            buf = shapely.buffer(merged, float(distance_m), quad_segs=16)
            return gpd.GeoSeries([buf], crs=METRIC_CRS).to_crs(STORAGE_CRS)

        return self.derived(("river_buffer", float(distance_m)), build)

    def schematic_count(self, name: str) -> int:
        """How many features of layer ``name`` have ``location_quality == "schematic"``."""
        return int(schematic_mask(self[name]).sum())

    def without_schematic(self, names: tuple[str, ...]) -> LayerSet:
        """A bundle whose layers ``names`` keep only surveyed or approximate positions.

        Built once per bundle and tuple of names (:meth:`derived`), so an app
        that ticks "exclude schematic positions" gets the same bundle, and its
        indexes, on every rerun.

        Parameters
        ----------
        names
            The layers whose schematic features are left out, e.g.
            :data:`geoapp.siting.POSITION_LAYERS`.

        Returns
        -------
        LayerSet
        """

        def build() -> LayerSet:
            frames = dict(self.frames)
            for name in names:
                frames[name] = drop_schematic(frames[name])
            origins = {**self.origins, **{n: f"{self.origins[n]} (no schematic)" for n in names}}
            return LayerSet(frames, self.constraints, origins)

        return self.derived(("c:without_schematic", tuple(names)), build)

    def schematic_used(self, names: tuple[str, ...]) -> tuple[int, int]:
        """How many features of layers ``names`` are schematic, and how many there are.

        Parameters
        ----------
        names
            The layers an analysis used.

        Returns
        -------
        (int, int)
            ``(schematic, total)`` over those layers.
        """
        return (
            sum(self.schematic_count(n) for n in names),
            sum(len(self[n]) for n in names),
        )

    def schematic_note(self, names: tuple[str, ...], lang: str = "zh") -> str:
        """How many features of layers ``names`` are schematic, as a sentence for a planner.

        Parameters
        ----------
        names
            The layers an analysis used.
        lang
            ``"zh"`` or ``"en"``.

        Returns
        -------
        str
            :func:`schematic_note` of those layers.
        """
        return schematic_note({n: self[n] for n in names}, lang)


def schematic_note(used: Mapping[str, gpd.GeoDataFrame], lang: str = "zh") -> str:
    """How many of the features an analysis used are schematic, as a sentence for a planner.

    The one wording of the app's pages, the command line and the downloads.

    Parameters
    ----------
    used
        The features used, by layer name (a catalog name gets its title).
    lang
        ``"zh"`` or ``"en"``.

    Returns
    -------
    str
        E.g. ``"所用 168 个要素中，163 个为示意位置（非实测坐标）：开发区与园区 33/33，…"``.
    """
    specs = catalog()
    counts = {m: int(schematic_mask(g).sum()) for m, g in used.items()}
    k, n = sum(counts.values()), sum(len(g) for g in used.values())
    parts = [
        f"{specs[m].title(lang) if m in specs else m} {counts[m]}/{len(g)}" for m, g in used.items()
    ]
    if lang == "zh":
        return f"所用 {n} 个要素中，{k} 个为示意位置（非实测坐标）：{'，'.join(parts)}" + (
            "；结果仅供演示。" if k else "。"
        )
    return (
        f"{k} of the {n} features used have schematic positions (not surveyed): "
        + "; ".join(parts)
        + ("; the result is for illustration only." if k else ".")
    )


def schematic_mask(gdf: gpd.GeoDataFrame) -> np.ndarray:
    """Which features have ``location_quality == "schematic"`` (all False without the column).

    Parameters
    ----------
    gdf
        Any layer.

    Returns
    -------
    numpy.ndarray
        Boolean, one per row.
    """
    if "location_quality" not in gdf.columns:
        return np.zeros(len(gdf), dtype=bool)
    return gdf["location_quality"].astype(str).eq("schematic").to_numpy()


def drop_schematic(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``gdf`` without the features whose positions are schematic.

    Parameters
    ----------
    gdf
        Any layer.

    Returns
    -------
    geopandas.GeoDataFrame
        ``gdf`` itself when none is schematic, else a filtered copy.
    """
    mask = schematic_mask(gdf)
    return gdf[~mask] if mask.any() else gdf


def as_layerset(layers: Mapping[str, gpd.GeoDataFrame | None]) -> LayerSet:
    """``layers`` as a :class:`LayerSet` (itself when it is one).

    Parameters
    ----------
    layers
        A bundle, or a mapping of catalog layer names (and optionally
        ``"constraints"``) to GeoDataFrames; None values count as absent.

    Returns
    -------
    LayerSet
    """
    if isinstance(layers, LayerSet):
        return layers
    frames = {k: v for k, v in layers.items() if k != CONSTRAINTS and v is not None}
    constraints = layers.get(CONSTRAINTS)
    bundle = LayerSet(frames)
    if constraints is not None and len(constraints):
        bundle = bundle.with_constraints(constraints)
    return bundle


@cache
def _shipped() -> LayerSet:
    frames = {name: load_layer(name) for name in catalog()}
    return LayerSet(frames, origins={name: "shipped" for name in frames})
