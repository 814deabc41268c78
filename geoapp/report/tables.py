"""The tables of a report: ``summary.csv`` (ranked, failed rules worded) and ``errors.csv``.

Both are written UTF-8 with BOM (Excel opens Chinese) and with text that Excel
would run as a formula neutralised (:func:`geoapp.io.textsafe.write_csv`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geoapp.rules import RULES
from geoapp.settings import DEFAULT_SITING, STORAGE_CRS, SitingSettings
from geoapp.siting import rank_sites

if TYPE_CHECKING:
    from geoapp.io import ImportResult

#: Columns of ``summary.csv``, in order.
SUMMARY_COLUMNS: tuple[str, ...] = (
    "row",
    "name",
    "lon",
    "lat",
    "county",
    "zone",
    "chain",
    "score",
    "verdict",
    "violations",
    "nearest_hub",
    "hub_distance_km",
    "nearest_station",
    "station_distance_km",
    "same_chain_nearby",
    "duplicate_of",
)
#: Columns of ``errors.csv``: the input row number, the reason, the offending
#: column and value, and the whole raw row as JSON.
ERROR_COLUMNS: tuple[str, ...] = ("row", "reason", "column", "value", "values")


def _rule_ids(value: object) -> tuple[str, ...]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.replace(";", ",").split(",") if v.strip())
    return tuple(str(v) for v in cast(Iterable[object], value))


def violations_text(
    values: pd.Series,
    *,
    rules: Mapping[str, Any] | None = None,
    settings: SitingSettings = DEFAULT_SITING,
) -> pd.Series:
    """Name each failed rule with its legal basis: ``id：规则名（法律依据）``, joined by ``；``.

    Parameters
    ----------
    values
        The ``violations`` column of :func:`geoapp.siting.evaluate_sites`
        (tuples of rule ids).
    rules
        Rule id -> :class:`geoapp.rules.Rule` (default
        :data:`geoapp.rules.RULES`; pass ``layers.rules`` with user constraints).
    settings
        The settings used; a rule's distance is quoted (``本次按1000米计``).

    Returns
    -------
    pandas.Series
        Text, ``""`` where no rule failed. Computed once per distinct
        combination of rules, not per row.
    """
    return _per_rule_combo(values, rules, lambda rid, rule: f"{rid}：{rule.label(settings)}")


def _rule_titles(values: pd.Series, rules: Mapping[str, Any] | None) -> pd.Series:
    return _per_rule_combo(values, rules, lambda rid, rule: rule.title_zh)


def _per_rule_combo(values: pd.Series, rules: Mapping[str, Any] | None, fmt) -> pd.Series:
    """``"；"``-join ``fmt(id, rule)`` per row, computed once per distinct rule combination."""
    rules = RULES if rules is None else rules
    raw = values.to_numpy(dtype=object)
    try:
        codes, uniques = pd.factorize(raw, use_na_sentinel=False)
    except TypeError:  # unhashable cells (lists): fall back to one conversion per row
        codes, uniques = pd.factorize(values.map(_rule_ids).to_numpy(dtype=object))
    texts = np.array(
        ["；".join(fmt(r, rules[r]) if r in rules else r for r in _rule_ids(u)) for u in uniques],
        dtype=object,
    )  # one per distinct combination
    return pd.Series(texts[codes] if len(codes) else [], index=values.index, dtype=object)


def _km(metres: pd.Series) -> pd.Series:
    return (pd.to_numeric(metres, errors="coerce") / 1000.0).round(2)


def summary_table(
    evaluated: gpd.GeoDataFrame,
    *,
    rules: Mapping[str, Any] | None = None,
    settings: SitingSettings = DEFAULT_SITING,
) -> gpd.GeoDataFrame:
    """Rank evaluated sites and shape them as ``summary.csv``.

    Parameters
    ----------
    evaluated
        The output of :func:`geoapp.siting.evaluate_sites` on
        :attr:`Candidates.sites` (columns ``site_id``, ``source_row``,
        ``name``, ``chain`` plus the evaluation columns).
    rules, settings
        Resolve and word the failed rules; see :func:`violations_text`.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326 points with :data:`SUMMARY_COLUMNS` (``row``: the input row
        number; ``duplicate_of``: the row an identical row repeats) plus
        ``site_id`` and ``rule_titles`` (the failed rules' short titles),
        ranked by :func:`geoapp.siting.rank_sites` (verdict, then score, then
        input row). ``violations`` names each failed rule with its
        title and legal basis; distances are in km (2 decimals).
    """
    pts = evaluated.geometry.to_crs(STORAGE_CRS)
    review = (
        evaluated["review_text"].fillna("").astype(str).to_numpy(dtype=object)
        if "review_text" in evaluated.columns
        else np.full(len(evaluated), "", dtype=object)
    )
    violations = violations_text(evaluated["violations"], rules=rules, settings=settings)
    violations = np.where(review != "", review, violations.to_numpy(dtype=object))
    titles = _rule_titles(evaluated["violations"], rules).to_numpy(dtype=object)
    titles = np.where(review != "", "待核实：可能适用黄河岸线化工禁建规则 / rule may apply", titles)
    duplicate = (
        evaluated["duplicate_of"].astype("Int64").to_numpy()
        if "duplicate_of" in evaluated.columns
        else pd.array([pd.NA] * len(evaluated), dtype="Int64")
    )
    out = pd.DataFrame(
        {
            "row": evaluated["source_row"].to_numpy(dtype="int64"),
            "name": evaluated["name"].to_numpy(dtype=object),
            "lon": np.round(pts.x.to_numpy(), 6),
            "lat": np.round(pts.y.to_numpy(), 6),
            "county": evaluated["county"].to_numpy(dtype=object),
            "zone": evaluated["zone"].to_numpy(dtype=object),
            "chain": evaluated["chain"].to_numpy(dtype=object),
            "score": pd.to_numeric(evaluated["score"]).round(1).to_numpy(),
            "verdict": evaluated["verdict"].to_numpy(dtype=object),
            "violations": violations,
            "nearest_hub": evaluated["hub_name"].to_numpy(dtype=object),
            "hub_distance_km": _km(evaluated["hub_distance_m"]).to_numpy(),
            "nearest_station": evaluated["station_name"].to_numpy(dtype=object),
            "station_distance_km": _km(evaluated["station_distance_m"]).to_numpy(),
            "same_chain_nearby": pd.to_numeric(evaluated["same_chain_nearby"])
            .fillna(0)
            .astype("int64")
            .to_numpy(),
            "duplicate_of": pd.array(duplicate, dtype="Int64"),
            "site_id": evaluated["site_id"].to_numpy(dtype=object),
            "rule_titles": titles,
        }
    )
    out = gpd.GeoDataFrame(out, geometry=gpd.GeoSeries(pts.values, crs=STORAGE_CRS))
    return rank_sites(out, row_col="row").reset_index(drop=True)


def errors_table(imported: ImportResult) -> pd.DataFrame:
    """The rejected input rows as ``errors.csv``: :data:`ERROR_COLUMNS`, by row number.

    Parameters
    ----------
    imported
        The result of :func:`geoapp.io.read_user_layer`.

    Returns
    -------
    pandas.DataFrame
        One row per rejected input row (empty, with the columns, when none).
    """
    rej = imported.rejected
    out = pd.DataFrame({c: rej[c] if c in rej.columns else pd.Series(dtype=object)
                        for c in ERROR_COLUMNS})  # fmt: skip
    return out.sort_values("row", kind="stable").reset_index(drop=True)


def write_points_geojson(frame: gpd.GeoDataFrame, path: Path) -> None:
    """Write EPSG:4326 points as RFC 7946 GeoJSON, vectorised (pandas' C JSON writer).

    The report's ``results.geojson`` can hold a million sites; GDAL's writer
    costs tens of microseconds per feature, this one a few. Coordinates have
    7 decimals (about 1 cm), text is UTF-8 (not escaped), missing values are
    ``null``.

    Parameters
    ----------
    frame
        Points in EPSG:4326 (other geometry types are refused).
    path
        The file to write.
    """
    geoms = np.asarray(frame.geometry.array)
    if len(geoms) and not (shapely.get_type_id(geoms) == 0).all():
        msg = "`frame` must hold points only; use geoapp.io.export.export_layer for other geometry."
        raise ValueError(msg)
    props = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        if len(frame):
            lines = _json_records(props)
            xy = (
                pd.DataFrame(
                    {"x": np.round(shapely.get_x(geoms), 7), "y": np.round(shapely.get_y(geoms), 7)}
                )
                .to_json(orient="values", double_precision=7)[2:-2]
                .split("],[")
            )
            features = (
                '{"type":"Feature","properties":'
                + pd.Series(lines, dtype=object).str.replace("\\/", "/", regex=False)
                + ',"geometry":{"type":"Point","coordinates":['
                + pd.Series(xy, dtype=object)
                + "]}}"
            )
            f.write(",\n".join(features.tolist()))
        f.write("\n]}\n")


_END = "\x01"  # a key no user column has: its JSON text ends each record unambiguously


def _json_records(props: pd.DataFrame) -> list[str]:
    """Each row as one JSON object text, from one call of pandas' C JSON writer.

    Inside JSON strings every ``"`` is escaped, so the text ``,"\u0001":0}``
    can only be the marker column that ends a record; splitting on it is exact
    and avoids pandas' slow ``lines=True`` conversion.
    """
    if _END in props.columns or props.shape[1] == 0:
        text = props.to_json(
            orient="records",
            lines=True,
            force_ascii=False,
            double_precision=10,
            date_format="iso",
            default_handler=str,
        )
        return text.rstrip("\n").split("\n")  # fmt: skip
    text = props.assign(**{_END: 0}).to_json(
        orient="records", force_ascii=False, double_precision=10, date_format="iso",
        default_handler=str,
    )  # fmt: skip
    marker = ',"\\u0001":0}'
    body = text[1:-1]  # without [ ]
    if not body.endswith(marker):
        msg = "unexpected JSON from pandas while writing results.geojson"
        raise RuntimeError(msg)
    return [rec + "}" for rec in body[: -len(marker)].split(marker + ",")]
