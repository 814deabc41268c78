"""Data packing for the page runtime: escaping, formatting, encoding, GeoJSON specs.

Attribute values become HTML-escaped display strings (:func:`_field_values`,
:func:`_props`), repeated columns are dictionary-encoded (:func:`_encode`),
and shape layers are packed as rounded GeoJSON with a style index per feature
(:func:`_shapes_spec`).
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geoapp.geo import from_metric, to_metric
from geoapp.vocab import LOCATION_QUALITY, cite_column
from geoapp.vocab import translate as _t


def _paren(text: str, note: str, lang: str) -> str:
    """``text（note）`` in Chinese, ``text (note)`` in English."""
    return f"{text}（{note}）" if lang == "zh" else f"{text} ({note})"


def _esc_column(values: pd.Series | np.ndarray | list) -> list[str | None]:
    """HTML-escaped text of each value; None for missing or blank (vectorised string ops)."""
    s = pd.Series(values, dtype=object)
    missing = s.isna().to_numpy().copy()
    text = s.where(~missing, "").astype(str).str.strip()
    missing |= (text == "").to_numpy()
    escaped = (
        text.str.replace("&", "&amp;", regex=False)
        .str.replace("<", "&lt;", regex=False)
        .str.replace(">", "&gt;", regex=False)
        .str.replace('"', "&quot;", regex=False)
        .str.replace("'", "&#x27;", regex=False)
    )
    # object dtype: a pandas 3 ``str`` column would turn None back into NaN ("NaN" in popups)
    return [None if m else v for v, m in zip(escaped.tolist(), missing, strict=True)]


def _fmt_number(values: pd.Series, digits: int = 1) -> list[str | None]:
    num = pd.to_numeric(values, errors="coerce")
    known = num.notna().to_numpy()
    out = np.full(len(num), None, dtype=object)
    out[known] = [f"{v:,.{digits}f}" for v in num.to_numpy()[known]]  # text, not NaN, for JS
    return out.tolist()


def _encode(values: list) -> list | dict:
    """Dictionary-encode a column when it repeats (``{"k": codes, "v": uniques}``)."""
    n = len(values)
    if n < 8:
        return values
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=False)
    if len(uniques) > n // 2:
        return values
    return {"k": codes.tolist(), "v": [None if pd.isna(u) else u for u in uniques]}


def _round_geoms(geoms: np.ndarray, decimals: int) -> np.ndarray:
    return shapely.set_precision(geoms, 10.0**-decimals, mode="pointwise")


def _shapes_spec(
    gdf: gpd.GeoDataFrame,
    *,
    props: Mapping[str, list],
    style_index: list[int] | np.ndarray,
    styles: list[dict[str, Any]],
    pane: str,
    cls: str,
    rows: Sequence[tuple[str, str]] | None,
    title: str | None,
    tip: str | None,
    labels: list[str | None] | None = None,
    label_cls: str = "",
    interactive: bool = True,
    decimals: int = 5,
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection with escaped properties and a style index per feature."""
    geoms = _round_geoms(np.asarray(gdf.geometry.array), decimals)
    features = []
    label_pts: Any = None
    if labels is not None:
        label_pts = shapely.point_on_surface(np.asarray(gdf.geometry.array))
    style_index = list(np.asarray(style_index).tolist())
    geojson = [json.loads(s) if s else None for s in shapely.to_geojson(geoms)]
    for i, geom in enumerate(geojson):  # one per feature of a small polygon layer
        if geom is None:
            continue
        p: dict[str, Any] = {k: v[i] for k, v in props.items() if v[i] is not None}
        p["_s"] = int(style_index[i])
        if labels is not None and labels[i]:
            p["_label"] = labels[i]
            p["_lx"] = round(float(shapely.get_x(label_pts[i])), decimals)
            p["_ly"] = round(float(shapely.get_y(label_pts[i])), decimals)
        features.append({"type": "Feature", "geometry": geom, "properties": p})
    return {
        "data": {"type": "FeatureCollection", "features": features},
        "styles": styles,
        "pane": pane,
        "cls": cls,
        "rows": [list(r) for r in rows] if rows else None,
        "title": title,
        "tip": tip,
        "labels": labels is not None,
        "labelCls": label_cls,
        "interactive": interactive,
    }


def _simplify(gdf: gpd.GeoDataFrame, tolerance_m: float) -> gpd.GeoDataFrame:
    """Simplify for display in EPSG:4547 (topology preserved), back in the input CRS."""
    metric = to_metric(gdf.geometry).simplify(tolerance_m, preserve_topology=True)
    return gdf.set_geometry(from_metric(metric, gdf.crs).values)


def _bounds(gdf: gpd.GeoDataFrame) -> list[list[float]] | None:
    if len(gdf) == 0:
        return None
    minx, miny, maxx, maxy = gdf.total_bounds
    if not np.isfinite([minx, miny, maxx, maxy]).all():
        return None
    return [[float(miny), float(minx)], [float(maxy), float(maxx)]]


def _quality(gdf: gpd.GeoDataFrame) -> pd.Series:
    if "location_quality" in gdf.columns:
        q = (
            gdf["location_quality"]
            .astype(object)
            .where(gdf["location_quality"].notna(), "schematic")
        )
        return q.where(q.isin(list(LOCATION_QUALITY)), "schematic")
    return pd.Series("surveyed", index=gdf.index, dtype=object)


def _quality_text(q: pd.Series, lang: str) -> list[str]:
    text = {code: html.escape(term.label(lang)) for code, term in LOCATION_QUALITY.items()}
    return q.map(text).tolist()


def _field_values(gdf: gpd.GeoDataFrame, col: str, lang: str) -> list[str | None]:
    """Escaped display strings of a column (numbers formatted, categories translated)."""
    if col not in gdf.columns:
        return [None] * len(gdf)
    s = gdf[col]
    if col == "location_quality":
        return list(_quality_text(_quality(gdf), lang))
    if col == "source":  # the document's title and line, not a seed file name
        return _esc_column(cite_column(s, lang))
    if pd.api.types.is_bool_dtype(s):
        return [html.escape(_t("是" if v else "否", lang)) if pd.notna(v) else None for v in s]
    if pd.api.types.is_float_dtype(s) or pd.api.types.is_integer_dtype(s):
        digits = 0 if col.endswith("_m") or pd.api.types.is_integer_dtype(s) else 2
        return _fmt_number(s, digits)
    if lang == "en" and col in ("stage", "cluster", "kind"):
        s = s.map(lambda v: _t(v, "en") if isinstance(v, str) else v)
    return _esc_column(s)


def _rows(fields: Sequence[tuple[str, str]], lang: str) -> list[tuple[str, str]]:
    return [(html.escape(_t(label, lang)), col) for label, col in fields]


def _props(gdf: gpd.GeoDataFrame, fields: Sequence[tuple[str, str]], lang: str) -> dict[str, list]:
    return {col: _field_values(gdf, col, lang) for _, col in fields}
