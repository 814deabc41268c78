"""The layer catalog: declarations in ``layers/*.toml``, validated loading.

Each layer is declared once, in ``layers/<name>.toml``: its data file, Chinese
and English titles, geometry types, the columns it must have (type, whether
required, allowed values), its map style and its provenance. :func:`load_layer`
reads the file, brings it to EPSG:4326 and checks it against the declaration;
any violation raises :class:`~geoapp.errors.LayerValidationError` naming the
layer, the file, the column and the offending values with their row numbers.

A column's ``allowed`` may be a list or a reference to the one source of
those values: ``"@chains"`` / ``"@clusters"`` (the taxonomy in
:mod:`geoapp.vocab.chains`), ``"@stages"`` / ``"@location_qualities"``
(:mod:`geoapp.vocab`) or ``"@counties"`` (:data:`geoapp.settings.COUNTY_ADCODES`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio

from geoapp.errors import LayerValidationError
from geoapp.settings import COUNTY_ADCODES, LAYERS_DIR, ROOT, STORAGE_CRS
from geoapp.vocab import LOCATION_QUALITY, STAGE, chain_names, cluster_names, message

COLUMN_TYPES = ("str", "float", "int", "bool")
_MAX_SHOWN = 8


@dataclass(frozen=True)
class ColumnSpec:
    """One declared column."""

    name: str
    type: str
    required: bool = False
    allowed: tuple[Any, ...] | str | None = None
    title_zh: str = ""
    description: str = ""


@dataclass(frozen=True)
class LayerSpec:
    """One layer declaration, as read from ``layers/<name>.toml``."""

    name: str
    file: Path
    title_zh: str
    title_en: str
    geometry: tuple[str, ...]
    columns: Mapping[str, ColumnSpec]
    style: Mapping[str, Any] = field(default_factory=dict)
    provenance: Mapping[str, Any] = field(default_factory=dict)
    description: str = ""
    declared_in: Path | None = None

    def title(self, lang: str = "zh") -> str:
        """Return the title in ``"zh"`` or ``"en"``."""
        return self.title_zh if lang == "zh" else self.title_en


def _parse_spec(path: Path) -> LayerSpec:
    with path.open("rb") as f:
        raw = tomllib.load(f)
    missing = {"name", "file", "title_zh", "title_en", "geometry", "columns"} - raw.keys()
    if missing:
        msg = message(
            "Layer declaration {path} lacks the keys {keys}.",
            path=path,
            name=path.stem,
            keys=sorted(missing),
        )
        raise LayerValidationError(msg)
    columns = {}
    for col, c in raw["columns"].items():
        if c.get("type") not in COLUMN_TYPES:
            msg = message(
                "Layer declaration {path}: column {col!r} has type {type!r}; use one of {types}.",
                path=path,
                name=path.stem,
                col=col,
                type=c.get("type"),
                types=COLUMN_TYPES,
            )
            raise LayerValidationError(msg)
        allowed = c.get("allowed")
        columns[col] = ColumnSpec(
            name=col,
            type=c["type"],
            required=bool(c.get("required", False)),
            allowed=tuple(allowed) if isinstance(allowed, list) else allowed,
            title_zh=c.get("title_zh", ""),
            description=c.get("description", ""),
        )
    geometry = raw["geometry"]
    return LayerSpec(
        name=raw["name"],
        file=ROOT / raw["file"],
        title_zh=raw["title_zh"],
        title_en=raw["title_en"],
        geometry=tuple(geometry) if isinstance(geometry, list) else (geometry,),
        columns=MappingProxyType(columns),
        style=MappingProxyType(raw.get("style", {})),
        provenance=MappingProxyType(raw.get("provenance", {})),
        description=raw.get("description", ""),
        declared_in=path,
    )


@cache
def catalog(layers_dir: Path = LAYERS_DIR) -> Mapping[str, LayerSpec]:
    """Read every layer declaration in ``layers_dir``.

    Parameters
    ----------
    layers_dir
        Folder of ``*.toml`` declarations (default: the repository's ``layers/``).

    Returns
    -------
    Mapping
        Layer name -> :class:`LayerSpec`, in file-name order.
    """
    specs = [_parse_spec(p) for p in sorted(Path(layers_dir).glob("*.toml"))]
    return MappingProxyType({s.name: s for s in specs})


def get_spec(name: str) -> LayerSpec:
    """Return the declaration of layer ``name``.

    Raises
    ------
    KeyError
        If no layer of that name is declared; the message lists the names.
    """
    cat = catalog()
    if name not in cat:
        msg = f"No layer named {name!r}. Declared layers: {', '.join(cat)}."
        raise KeyError(msg)
    return cat[name]


def resolve_allowed(allowed: tuple[Any, ...] | str) -> tuple[Any, ...]:
    """Return the values a column's ``allowed`` admits.

    Parameters
    ----------
    allowed
        A :class:`ColumnSpec`'s ``allowed``: the values themselves, or a reference
        to their one source (``"@chains"``, ``"@clusters"``, ``"@stages"``,
        ``"@location_qualities"``, ``"@counties"``).

    Returns
    -------
    tuple
        The allowed values.

    Raises
    ------
    LayerValidationError
        If the reference is unknown.
    """
    if isinstance(allowed, tuple):
        return allowed
    refs = {
        "@chains": chain_names,
        "@clusters": cluster_names,
        "@stages": lambda: tuple(STAGE),
        "@location_qualities": lambda: tuple(LOCATION_QUALITY),
        "@counties": lambda: tuple(COUNTY_ADCODES.values()),
    }
    if allowed not in refs:
        msg = message(
            "Unknown allowed-value reference {allowed!r}; use one of {refs}.",
            allowed=allowed,
            refs=sorted(refs),
        )
        raise LayerValidationError(msg)
    return tuple(refs[allowed]())


def _show(values: pd.Series) -> str:
    shown = [f"row {i}: {v!r}" for i, v in values.head(_MAX_SHOWN).items()]
    more = len(values) - _MAX_SHOWN
    return "; ".join(shown) + (f"; … and {more} more" if more > 0 else "")


def _pairs(values: pd.Series, rows: pd.Series | None) -> list[tuple[object, object]]:
    """(row as the user sees it, value) of the first offending values (for the UI's text)."""
    head = values.head(_MAX_SHOWN)
    where = head.index if rows is None else rows.reindex(head.index).to_numpy()
    return list(zip(where, head.to_numpy(), strict=True))


def _type_problems(series: pd.Series, kind: str) -> pd.Series:
    """Return the non-null values of ``series`` that are not of ``kind``.

    The common case (a clean column) is decided by ``infer_dtype`` in C; only a
    column that fails it is inspected value by value, to name the bad rows.
    """
    present = series[series.notna()]
    inferred = pd.api.types.infer_dtype(present, skipna=True)
    if kind == "str":
        if inferred in ("string", "empty"):
            return present.iloc[:0]
        return present[~present.map(lambda v: isinstance(v, str))]
    if kind == "bool":
        if inferred in ("boolean", "empty"):
            return present.iloc[:0]
        return present[~present.map(lambda v: isinstance(v, (bool, np.bool_)))]
    numeric = pd.to_numeric(present, errors="coerce")
    bad = numeric.isna()
    if kind == "int":
        bad |= numeric.notna() & (numeric % 1 != 0)
    return present[bad]


def validate_layer(gdf: gpd.GeoDataFrame, spec: LayerSpec, *, file: str | Path = "") -> None:
    """Check a GeoDataFrame against its declaration.

    Parameters
    ----------
    gdf
        The layer as read.
    spec
        Its declaration.
    file
        The file it came from, named in the error message.

    Raises
    ------
    LayerValidationError
        Listing every problem: layer, file, column, offending values and rows.
    """
    # a user's upload carries the row numbers of the file (geoapp.io's source_row)
    rows = gdf["source_row"] if "source_row" in gdf.columns else None
    problems = _geometry_problems(gdf, spec, rows)
    for col in spec.columns.values():
        problems.extend(_column_problems(gdf, col, rows))
    if problems:
        msg = message(
            "{where} does not match its declaration {declared}:\n- {listed}\n"
            "Fix the file (or the declaration) and load it again.",
            where=f"layer {spec.name!r} ({file or spec.file})",
            declared=spec.declared_in,
            listed="\n- ".join(problems),
            problems=problems,
            source=str(file or spec.file).removesuffix(" layer"),
            layer=spec.title_zh,
            layer_en=spec.title_en,
        )
        raise LayerValidationError(msg)


def _geometry_problems(gdf: gpd.GeoDataFrame, spec: LayerSpec, rows: pd.Series | None) -> list[str]:
    """The layer's CRS and geometry-type problems (``rows``: the file's row numbers, if any)."""
    problems: list[str] = []
    if gdf.crs is None:
        problems.append(message("has no CRS; declare one in the file (EPSG:4326 expected)"))
    geom_types = gdf.geometry.geom_type
    wrong = geom_types[~geom_types.isin(spec.geometry)].fillna("empty")
    if len(wrong):
        problems.append(
            message(
                "geometry must be {kinds}, got {shown}",
                kinds="/".join(spec.geometry),
                shown=_show(wrong),
                rows_values=_pairs(wrong, rows),
            )
        )
    return problems


def _column_problems(gdf: gpd.GeoDataFrame, col: ColumnSpec, rows: pd.Series | None) -> list[str]:
    """One declared column's problems: missing, wrong type, required but empty, not allowed."""
    title = col.title_zh or col.name
    if col.name not in gdf.columns:
        if not col.required:
            return []
        return [
            message(
                "column {col!r} is missing (declared as {type})",
                col=col.name,
                type=col.type,
                title=title,
            )
        ]
    problems: list[str] = []
    series = gdf[col.name]
    bad_type = _type_problems(series, col.type)
    if len(bad_type):
        problems.append(
            message(
                "column {col!r} must be {type}: {shown}",
                col=col.name,
                type=col.type,
                title=title,
                shown=_show(bad_type),
                rows_values=_pairs(bad_type, rows),
            )
        )
    if col.required and series.isna().any():
        empty = series[series.isna()]
        problems.append(
            message(
                "column {col!r} is required but empty in rows {rows}",
                col=col.name,
                title=title,
                rows=list(empty.index[:_MAX_SHOWN]),
                rows_values=_pairs(empty, rows),
            )
        )
    if col.allowed is not None:
        problems.extend(_allowed_problems(series, col, resolve_allowed(col.allowed), rows))
    return problems


def _allowed_problems(
    series: pd.Series, col: ColumnSpec, allowed: tuple[Any, ...], rows: pd.Series | None
) -> list[str]:
    """The values of a column outside ``allowed`` (none or one problem)."""
    present = series[series.notna()]
    outside = present[~present.isin(allowed)]
    if not len(outside):
        return []
    return [
        message(
            "column {col!r} has values outside {allowed}: {shown}",
            col=col.name,
            title=col.title_zh or col.name,
            allowed=list(allowed),
            shown=_show(outside),
            rows_values=_pairs(outside, rows),
        )
    ]


def read_layer_file(spec: LayerSpec, path: str | Path | None = None) -> gpd.GeoDataFrame:
    """Read and validate a layer file, returning it in EPSG:4326.

    Parameters
    ----------
    spec
        The layer declaration.
    path
        File to read instead of the declared one (e.g. a user's replacement).

    Returns
    -------
    geopandas.GeoDataFrame
        Validated, in EPSG:4326.
    """
    path = Path(path or spec.file)
    if not path.exists():
        msg = message(
            "Layer {layer!r}: file {path} does not exist. Rebuild the shipped data with "
            "`python data/build_boundaries.py` and `build_samples.py`, or "
            "set GEOAPP_HOME to a complete data home.",
            layer=spec.name,
            path=path,
            name=path.name,
            title=spec.title_zh,
            title_en=spec.title_en,
        )
        raise LayerValidationError(msg)
    try:
        gdf = gpd.read_file(path, engine="pyogrio")
    except pyogrio.errors.DataSourceError as exc:
        msg = message(
            "Layer {layer!r}: cannot read {path}: {detail}",
            layer=spec.name,
            path=path,
            name=path.name,
            title=spec.title_zh,
            title_en=spec.title_en,
            detail=str(exc).replace(str(path), path.name),
        )
        raise LayerValidationError(msg) from exc
    validate_layer(gdf, spec, file=path)
    if gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(STORAGE_CRS)
    return gdf


def load_layer(name: str) -> gpd.GeoDataFrame:
    """Load a declared layer from its shipped data file.

    Parameters
    ----------
    name
        Layer name, e.g. ``"counties"``, ``"projects"``; see :func:`catalog`.

    Returns
    -------
    geopandas.GeoDataFrame
        In EPSG:4326, checked against ``layers/<name>.toml``.

    Raises
    ------
    KeyError
        If the layer is not declared.
    LayerValidationError
        If the file does not match the declaration.

    Examples
    --------
    >>> counties = load_layer("counties")  # doctest: +SKIP
    >>> len(counties)  # doctest: +SKIP
    6
    """
    return read_layer_file(get_spec(name))
