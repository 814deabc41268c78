"""The one vocabulary: codes, Chinese and English labels, colours and ranks.

Results carry codes (``"feasible"``, ``"在建"``, ``"schematic"``); labels and
colours are looked up here at the edge — the web map, the report's static maps,
the PDF pages, the app's tables and the CLI all read the same :class:`Term`.

Examples
--------
>>> VERDICT["feasible"].zh, VERDICT["feasible"].en
('可行', 'Feasible')
>>> label(VERDICT, "prohibited", "en")
'Prohibited'
>>> [t.code for t in ranked(VERDICT)][:2]
['recommended', 'feasible']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = [
    "CLUSTER",
    "LOCATION_QUALITIES",
    "LOCATION_QUALITY",
    "STAGE",
    "STAGES",
    "UNSTATED",
    "UNSTATED_COLOR",
    "UNSTATED_EN",
    "VERDICT",
    "VERDICT_CODES",
    "Term",
    "colors",
    "label",
    "labels",
    "ranked",
    "vocab_translations",
]

#: Label of an empty attribute (stage, chain, county, …) in filters and tables.
UNSTATED = "未注明"
#: Its English label.
UNSTATED_EN = "not stated"
#: Colour of an empty attribute on every map.
UNSTATED_COLOR = "#737373"


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary.

    Attributes
    ----------
    code
        The value stored in data and results.
    zh, en
        Labels shown to planners.
    color
        Colour on every map and chart (hex).
    rank
        Order: 0 first (the best verdict, the earliest stage).
    """

    code: str
    zh: str
    en: str
    color: str
    rank: int

    def label(self, lang: str = "zh") -> str:
        """The label in ``"zh"`` or ``"en"``."""
        return self.en if lang == "en" else self.zh


def _vocab(*terms: tuple[str, str, str, str]) -> Mapping[str, Term]:
    return MappingProxyType(
        {code: Term(code, zh, en, color, i) for i, (code, zh, en, color) in enumerate(terms)}
    )


#: Siting verdicts, best first. ``needs_review``: a hard rule may apply but the
#: candidate's chain is unknown; ``prohibited``: a hard rule failed.
VERDICT: Mapping[str, Term] = _vocab(
    ("recommended", "推荐", "Recommended", "#1a9641"),
    ("feasible", "可行", "Feasible", "#a6d96a"),
    ("not_advised", "不建议", "Not advised", "#fdae61"),
    ("needs_review", "待核实", "Needs review", "#9e4fb0"),
    ("prohibited", "禁止", "Prohibited", "#d7191c"),
)
#: The verdict codes, best first.
VERDICT_CODES: tuple[str, ...] = tuple(VERDICT)

#: Pipeline stages in order (谋划→签约→开工→在建→投产); the code is the Chinese name.
STAGE: Mapping[str, Term] = _vocab(
    ("谋划", "谋划", "Planned", "#9ecae1"),
    ("签约", "签约", "Signed", "#3182bd"),
    ("开工", "开工", "Started", "#fd8d3c"),
    ("在建", "在建", "Under construction", "#d94701"),
    ("投产", "投产", "In production", "#238b45"),
)

#: The stage codes in pipeline order.
STAGES: tuple[str, ...] = tuple(STAGE)

#: The six industrial clusters of the city's documents; the code is the Chinese name.
CLUSTER: Mapping[str, Term] = _vocab(
    ("新材料", "新材料", "New materials", "#d95f02"),
    ("新能源装备制造", "新能源装备制造", "New-energy equipment", "#1b9e77"),
    ("高端装备", "高端装备", "High-end equipment", "#386cb0"),
    ("新一代信息技术", "新一代信息技术", "Next-gen IT", "#7570b3"),
    ("绿色食品", "绿色食品", "Green food", "#66a61e"),
    ("现代轻纺", "现代轻纺", "Modern light industry & textiles", "#e7298a"),
)

#: How a feature's position was obtained (column ``location_quality``).
LOCATION_QUALITY: Mapping[str, Term] = _vocab(
    ("surveyed", "实测", "surveyed", "#252525"),
    ("approximate", "近似", "approximate", "#636363"),
    ("schematic", "示意（非实测位置）", "schematic (not a surveyed position)", "#969696"),
)
#: The ``location_quality`` codes, best first.
LOCATION_QUALITIES: tuple[str, ...] = tuple(LOCATION_QUALITY)


def label(vocab: Mapping[str, Term], code: object, lang: str = "zh") -> str:
    """The label of ``code`` in ``lang``; :data:`UNSTATED` (translated) for an empty value.

    An unknown code is returned as text, unchanged.
    """
    if code is None or (isinstance(code, float) and code != code) or str(code).strip() == "":
        return UNSTATED_EN if lang == "en" else UNSTATED
    term = vocab.get(str(code))
    return term.label(lang) if term is not None else str(code)


def labels(vocab: Mapping[str, Term], lang: str = "zh") -> dict[str, str]:
    """Code -> label in ``lang``, in rank order."""
    return {t.code: t.label(lang) for t in ranked(vocab)}


def colors(vocab: Mapping[str, Term], *, unstated: bool = False) -> dict[str, str]:
    """Code -> colour in rank order; with ``unstated``, also :data:`UNSTATED` -> grey."""
    out = {t.code: t.color for t in ranked(vocab)}
    if unstated:
        out[UNSTATED] = UNSTATED_COLOR
    return out


def vocab_translations() -> dict[str, str]:
    """Chinese label -> English label of every term (for :mod:`geoapp.vocab.i18n`)."""
    out = {t.zh: t.en for v in (VERDICT, STAGE, CLUSTER, LOCATION_QUALITY) for t in v.values()}
    out[UNSTATED] = UNSTATED_EN
    return out


def ranked(vocab: Mapping[str, Term]) -> list[Term]:
    """The terms in rank order."""
    return sorted(vocab.values(), key=lambda t: t.rank)
