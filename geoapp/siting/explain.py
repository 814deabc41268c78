"""The per-site explanation: :func:`explain_site` turns one result row into report tables."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from geoapp.rules import RULES, USER_PREFIX, Rule
from geoapp.settings import DEFAULT_SITING, SitingSettings
from geoapp.siting.evaluate import RESULT_COLUMNS
from geoapp.siting.scoring import (
    _CRIT,
    _NO_CHAIN_ZH,
    CRITERIA,
    VERDICT_ZH,
    _check_settings,
    _normalised,
)


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
    failed = [_rule_for(rid, rules) for rid in (v.get("violations") or ())]
    verdict = v.get("verdict")
    return {
        "name": _value(row, name_col) if name_col in row else None,
        "chain": chain,
        "chemical": bool(v.get("chemical")),
        "county": v.get("county"),
        "zone": v.get("zone"),
        "zone_kind": v.get("zone_kind"),
        "zone_chains": v.get("zone_chains"),
        "score": v.get("score"),
        "verdict": verdict,
        "verdict_zh": VERDICT_ZH.get(str(verdict), str(verdict)),
        "reasons": v.get("reasons"),
        "criteria": _criteria(v, chain, settings, weights),
        "rules_failed": [_rule_row(r) for r in failed],
        "nearest": _nearest(v, settings),
    }


def _raw_texts(v: Mapping[str, Any], chain: str | None, settings: SitingSettings) -> list[str]:
    """The measured value of each criterion as a planner reads it, in :data:`CRITERIA` order."""

    def km(d: float | None) -> str:
        return "—" if d is None else f"{d / 1000:.1f} 公里"

    return [
        (_NO_CHAIN_ZH if chain is None else
         f"{chain} {'是' if v.get('chain_match') else '不是'}所在园区主导产业链"
         + (f"（{v.get('zone_chains')}）" if v.get("zone_chains") else "")),
        f"{v.get('hub_name') or '—'}，{km(v.get('hub_distance_m'))}",
        f"{v.get('station_name') or '—'}，{km(v.get('station_distance_m'))}",
        f"{settings.same_chain_radius_m / 1000:g} 公里内同链项目 "
        f"{v.get('same_chain_nearby') or 0} 个",
        v.get("zone") or "不在园区内",
    ]  # fmt: skip


def _criteria(
    v: Mapping[str, Any], chain: str | None, settings: SitingSettings, weights: np.ndarray
) -> list[dict[str, Any]]:
    """One dict per criterion: raw value and text, normalised value, weight and points."""
    zone = v.get("zone")
    norm = _normalised(
        [bool(v.get("chain_match"))], [zone is not None],
        [np.nan if v.get("hub_distance_m") is None else v["hub_distance_m"]],
        [np.nan if v.get("station_distance_m") is None else v["station_distance_m"]],
        [v.get("same_chain_nearby") or 0], settings,
    )[0]  # fmt: skip
    share = weights / weights.sum() * 100.0
    raw_text = _raw_texts(v, chain, settings)
    raw = [
        bool(v.get("chain_match")), v.get("hub_distance_m"), v.get("station_distance_m"),
        v.get("same_chain_nearby"), zone is not None,
    ]  # fmt: skip
    return [
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


def _rule_row(r: Rule) -> dict[str, Any]:
    """A failed rule as a row of the report's table."""
    return {
        "id": r.id,
        "title_zh": r.title_zh,
        "title_en": r.title_en,
        "legal_basis": r.legal_basis,
        "applies_to": r.applies_to,
        "description": r.description,
    }


def _nearest(v: Mapping[str, Any], settings: SitingSettings) -> dict[str, Any]:
    """Nearest hub and station, the river distance and buffer, the same-chain count and radius."""
    return {
        "hub": {"name": v.get("hub_name"), "distance_m": v.get("hub_distance_m")},
        "station": {"name": v.get("station_name"), "distance_m": v.get("station_distance_m")},
        "river_distance_m": v.get("river_distance_m"),
        "river_buffer_m": settings.river_buffer_m,
        "same_chain_nearby": v.get("same_chain_nearby"),
        "same_chain_radius_m": settings.same_chain_radius_m,
    }
