"""The tables of a report: ``summary.csv`` (ranked, failed rules worded) and ``errors.csv``.

Both are written UTF-8 with BOM (Excel opens Chinese) and with text that Excel
would run as a formula neutralised (:func:`_csv_safe`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geoapp.settings import DEFAULT_SITING, SitingSettings
from geoapp.siting import rank_sites

if TYPE_CHECKING:
    from geoapp.io import ImportResult

#: Columns of ``summary.csv``, in order.
SUMMARY_COLUMNS: tuple[str, ...] = (
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
)
#: Columns of ``errors.csv``: the input row number, the reason, the offending
#: column and value, and the whole raw row as JSON.
ERROR_COLUMNS: tuple[str, ...] = ("row", "reason", "column", "value", "values")


def _rule_ids(value: object) -> tuple[str, ...]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.replace(";", ",").split(",") if v.strip())
    return tuple(str(v) for v in value)


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
    return _per_rule_combo(
        values, rules, lambda rid, rule: f"{rid}：{rule.label(settings)}"
    )


def _rule_titles(values: pd.Series, rules: Mapping[str, Any] | None) -> pd.Series:
    return _per_rule_combo(values, rules, lambda rid, rule: rule.title_zh)


def _per_rule_combo(values: pd.Series, rules: Mapping[str, Any] | None, fmt) -> pd.Series:
    """``"；"``-join ``fmt(id, rule)`` per row, computed once per distinct rule combination."""
    from geoapp.rules import RULES

    rules = RULES if rules is None else rules
    ids = values.map(_rule_ids)
    texts = {
        combo: "；".join(fmt(r, rules[r]) if r in rules else r for r in combo)
        for combo in pd.unique(ids.to_numpy(dtype=object))
    }
    return ids.map(texts)


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
        EPSG:4326 points with :data:`SUMMARY_COLUMNS` plus ``site_id``,
        ``row`` and ``rule_titles`` (the failed rules' short titles), ranked
        by :func:`geoapp.siting.rank_sites` (verdict, then score, then input row). ``violations`` names each failed rule with its
        title and legal basis; distances are in km (2 decimals).
    """
    pts = evaluated.geometry.to_crs("EPSG:4326")
    out = pd.DataFrame(
        {
            "name": evaluated["name"].to_numpy(dtype=object),
            "lon": np.round(pts.x.to_numpy(), 6),
            "lat": np.round(pts.y.to_numpy(), 6),
            "county": evaluated["county"].to_numpy(dtype=object),
            "zone": evaluated["zone"].to_numpy(dtype=object),
            "chain": evaluated["chain"].to_numpy(dtype=object),
            "score": pd.to_numeric(evaluated["score"]).round(1).to_numpy(),
            "verdict": evaluated["verdict"].to_numpy(dtype=object),
            "violations": violations_text(
                evaluated["violations"], rules=rules, settings=settings
            ).to_numpy(dtype=object),
            "nearest_hub": evaluated["hub_name"].to_numpy(dtype=object),
            "hub_distance_km": _km(evaluated["hub_distance_m"]).to_numpy(),
            "nearest_station": evaluated["station_name"].to_numpy(dtype=object),
            "station_distance_km": _km(evaluated["station_distance_m"]).to_numpy(),
            "same_chain_nearby": pd.to_numeric(evaluated["same_chain_nearby"])
            .fillna(0)
            .astype("int64")
            .to_numpy(),
            "site_id": evaluated["site_id"].to_numpy(dtype=object),
            "row": evaluated["source_row"].to_numpy(dtype="int64"),
            "rule_titles": _rule_titles(evaluated["violations"], rules).to_numpy(dtype=object),
        }
    )
    out = gpd.GeoDataFrame(out, geometry=gpd.GeoSeries(pts.values, crs="EPSG:4326"))
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


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _formula_like(value: object) -> bool:
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return False
    try:
        float(value)  # "-3.5" is a number, not a formula
    except ValueError:
        return True
    return False


def _csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix with ' the text cells Excel would run as a formula (``=…``, ``+…``, ``@…``)."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype != object and not pd.api.types.is_string_dtype(out[col]):
            continue
        text = out[col]
        risky = text.map(_formula_like)
        if risky.any():
            out[col] = text.where(~risky, "'" + text.astype(str))
    return out


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    """UTF-8 with BOM (Excel opens Chinese), CRLF, formula-like text neutralised."""
    _csv_safe(frame).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")
