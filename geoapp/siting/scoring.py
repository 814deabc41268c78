"""Scoring of candidate sites: criteria, weights, points, verdicts and reasons.

Shared by :func:`geoapp.siting.evaluate_sites` (vectorised over all candidates)
and :func:`geoapp.siting.explain_site` (one result row). Each criterion is
normalised to 0–1 and weighs ``weight / sum(weights) × 100`` points; a failed
hard rule makes the verdict ``prohibited`` whatever the score.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

import numpy as np
import pandas as pd

from geoapp.rules import RULES
from geoapp.settings import SitingSettings
from geoapp.vocab import VERDICT, VERDICT_CODES, labels

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
_POSITIVE_ZH = (
    "产业链为所在园区主导产业", "邻近物流枢纽", "邻近环境监测站", "周边同链项目集聚", "位于园区内"
)  # fmt: skip
_NEGATIVE_ZH = (
    "产业链非所在园区主导产业", "距物流枢纽较远", "距环境监测站较远", "周边同链项目少", "不在园区内"
)  # fmt: skip
_NO_CHAIN_ZH = "未填写产业链"
_POSITIVE_EN = (
    "the chain leads the zone", "near a logistics hub", "near a monitoring station",
    "same-chain projects nearby", "inside a development zone",
)  # fmt: skip
_NEGATIVE_EN = (
    "the chain does not lead the zone", "far from logistics hubs", "far from monitoring stations",
    "few same-chain projects nearby", "outside development zones",
)  # fmt: skip
_REASON_WORDS_EN = {
    **dict(zip(_POSITIVE_ZH, _POSITIVE_EN, strict=True)),
    **dict(zip(_NEGATIVE_ZH, _NEGATIVE_EN, strict=True)),
    _NO_CHAIN_ZH: "no chain given",
    "违反：": "fails: ",
    "优势：": "strengths: ",
    "不足：": "weaknesses: ",
    "；": "; ",
    "、": ", ",
}

#: The verdicts, best first (:data:`geoapp.vocab.VERDICT`); ``prohibited``: a hard rule failed.
VERDICTS: tuple[str, ...] = VERDICT_CODES
#: Chinese labels of the verdicts.
VERDICT_ZH: Mapping[str, str] = MappingProxyType(labels(VERDICT, "zh"))
_V = {code: i for i, code in enumerate(VERDICTS)}


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
            f"`settings.weights` must be finite, >= 0 and not all 0; got {dict(settings.weights)}."
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
    verdict = np.where(score >= settings.feasible_min, _V["feasible"], _V["not_advised"])
    verdict = np.where(score >= settings.recommended_min, _V["recommended"], verdict)
    return np.where(prohibited, _V["prohibited"], verdict)


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
        """The best and second-best criterion per row (``none`` where -inf), as argmax would.

        Each criterion's rank is the number of criteria ahead of it (greater, or
        equal at a lower position: argmax's tie rule), from column comparisons
        on 1-D arrays; rank 0 is the best, rank 1 the second.
        """
        cols = [np.ascontiguousarray(score[:, c]) for c in range(score.shape[1])]
        first, second = np.full(n, none), np.full(n, none)
        for c, mine in enumerate(cols):  # a handful of criteria
            rank = np.zeros(n, dtype=np.int8)
            for i, other in enumerate(cols):
                if i != c:
                    rank += (other >= mine) if i < c else (other > mine)
            ok = mine > -np.inf
            first[(rank == 0) & ok] = c
            second[(rank == 1) & ok] = c
        return first, second

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
    for key_k in uniq.tolist():  # one per distinct explanation (Python ints)
        rest, c = divmod(int(key_k), len(combo_titles) + 1)
        rest, nc = divmod(rest, 2)
        rest, neg2 = divmod(rest, base)
        rest, neg1 = divmod(rest, base)
        pos1, pos2 = divmod(rest, base)
        good = [_POSITIVE_ZH[i] for i in (pos1, pos2) if i != none]
        bad = [
            (_NO_CHAIN_ZH if i == 0 and nc else _NEGATIVE_ZH[i]) for i in (neg1, neg2) if i != none
        ]
        parts = [f"违反：{combo_titles[c - 1]}"] if c else []
        parts.append("优势：" + ("、".join(good) or "无"))
        parts.append("不足：" + ("、".join(bad) or "无"))
        texts.append("；".join(parts))
    return inverse.reshape(n), np.array(texts, dtype=object)


def reasons_in(reasons: pd.Series, lang: str) -> pd.Series:
    """The ``reasons`` column of :func:`~geoapp.siting.evaluate_sites` in ``"zh"`` or ``"en"``.

    Vectorised string replacement of the fixed vocabulary; failed rules are
    named by their English titles from :data:`geoapp.rules.RULES` where known
    (a user constraint keeps the name its layer gives it).

    Parameters
    ----------
    reasons
        Chinese explanations as produced by :func:`evaluate_sites`.
    lang
        ``"zh"`` (returned unchanged) or ``"en"``.

    Returns
    -------
    pandas.Series
    """
    if lang != "en":
        return reasons
    words = {r.title_zh: r.title_en for r in RULES.values()} | _REASON_WORDS_EN
    out = reasons.astype("str").str.replace(
        r"（距黄河 ≤ ([\d.]+) 米）", r" (≤ \1 m from the Yellow River)", regex=True
    )
    out = out.str.replace(r"(?<=：)无(?=；|$)", "none", regex=True)
    pattern = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return out.str.replace(pattern, lambda m: words[m.group(0)], regex=True)


def rank_sites(evaluated: pd.DataFrame, *, row_col: str | None = None) -> pd.DataFrame:
    """Evaluated sites in ranking order: verdict rank, then score (high first), then row.

    The one ranking of the app's table, the report's ``summary.csv`` and the CLI.

    Parameters
    ----------
    evaluated
        The output of :func:`geoapp.siting.evaluate_sites` (``verdict``, ``score``).
    row_col
        A column breaking ties (the input row number); default: the current order.

    Returns
    -------
    pandas.DataFrame
        The same rows, reordered (index kept).
    """
    rank = evaluated["verdict"].map(_V).fillna(len(_V)).to_numpy()
    score = -pd.to_numeric(evaluated["score"], errors="coerce").fillna(-1.0).to_numpy()
    tie = evaluated[row_col].to_numpy() if row_col is not None else np.arange(len(evaluated))
    return evaluated.iloc[np.lexsort((tie, score, rank))]
