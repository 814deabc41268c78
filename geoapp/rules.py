"""The rule registry of the siting check: hard constraints with their legal basis.

Each :class:`Rule` names one hard constraint. A candidate site that fails a
rule is ``prohibited`` whatever its score, and every report prints the rule's
title with its legal basis so the planner sees *which* regulation excluded the
site (``规则名（法律依据）``).

Two kinds of rule exist:

- rules evaluated by :mod:`geoapp.siting` on the shipped layers — today
  :data:`RULES` ``["yellow_river_chemical"]``, the Yellow River shoreline rule
  for chemical projects, whose distance is
  :attr:`geoapp.settings.SitingSettings.river_buffer_m`;
- rules carried by a **user constraint layer** (生态保护红线, 永久基本农田, dyke
  protection zones, …): a polygon layer with a ``name`` column and optional
  ``legal_basis`` and ``applies_to`` columns, turned into one rule per distinct
  (name, legal basis, applies_to) by :func:`constraint_rules`. Where a row gives
  no legal basis and its name contains a known keyword (see
  :data:`KNOWN_CONSTRAINTS`), the registered basis of that constraint is used.

Sources and their verification status are those of
``research/anchors-siting.md`` §5. Where only a paraphrase was retrieved the
legal-basis text says so; the article text itself has not been checked against
the official NPC/State Council publication here.

Examples
--------
>>> from geoapp.rules import RULES
>>> RULES["yellow_river_chemical"].applies_to
'chemical'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd

from geoapp.errors import LayerValidationError
from geoapp.vocab import message

__all__ = [
    "APPLIES_TO",
    "KNOWN_CONSTRAINTS",
    "RULES",
    "Rule",
    "constraint_rules",
    "rule_text",
    "validate_constraints",
]

AppliesTo = Literal["chemical", "all"]
#: Allowed values of :attr:`Rule.applies_to` (and of a constraint layer's ``applies_to``).
APPLIES_TO: tuple[str, ...] = ("all", "chemical")
#: Prefix of the ids of rules built from a user constraint layer.
USER_PREFIX = "user_constraint:"
_POLYGONAL = ("Polygon", "MultiPolygon")
_MAX_SHOWN = 8


@dataclass(frozen=True)
class Rule:
    """One hard siting constraint.

    Attributes
    ----------
    id
        Stable identifier, written into the ``violations`` column.
    title_zh, title_en
        What the rule forbids, in Chinese and English.
    legal_basis
        Chinese citation of the instrument and article, with its verification
        status where the verbatim text was not retrieved.
    applies_to
        ``"chemical"``: only candidates whose chain is chemical
        (:func:`geoapp.vocab.chains.is_chemical`); ``"all"``: every candidate.
    description
        How the app encodes the rule (distance, layer) and what is uncertain.
    parameter
        Name of the :class:`~geoapp.settings.SitingSettings` field holding the
        rule's distance, if it has one.
    """

    id: str
    title_zh: str
    title_en: str
    legal_basis: str
    applies_to: AppliesTo
    description: str
    parameter: str | None = None

    def __post_init__(self) -> None:
        """Check ``applies_to``."""
        if self.applies_to not in APPLIES_TO:
            msg = (
                f"`applies_to` of rule {self.id!r} was {self.applies_to!r}; "
                f"use one of {APPLIES_TO}."
            )
            raise ValueError(msg)

    def label(self, settings: Any = None) -> str:
        """``规则名（法律依据）``, the form written into ``violation_text``.

        Parameters
        ----------
        settings
            A :class:`~geoapp.settings.SitingSettings`; when the rule has a
            :attr:`parameter`, the distance used is appended (``本次按1000米计``).
        """
        basis = self.legal_basis
        if self.parameter and settings is not None and hasattr(settings, self.parameter):
            basis = f"{basis}；本次按{getattr(settings, self.parameter):g}米计"
        return f"{self.title_zh}（{basis}）" if basis else self.title_zh


_YELLOW_RIVER = Rule(
    id="yellow_river_chemical",
    title_zh="黄河干支流岸线管控范围内禁止新建、扩建化工园区和化工项目",
    title_en=(
        "No new or expanded chemical parks or projects within the Yellow River "
        "shoreline control area"
    ),
    legal_basis=(
        "《中华人民共和国黄河保护法》第二十六条（条文据2025年6月中央生态环境保护督察通报转述，"
        "未与全国人大公布文本逐字核对）；国家未规定岸线管控范围的米数，1公里为山东省执行口径，"
        "与《长江保护法》第二十六条的1公里一致，河南省的数值规定未查到"
    ),
    applies_to="chemical",
    description=(
        "The national law sets no metre figure: the 岸线管控范围 is to be delimited by the State "
        "Council departments with the provinces. Until Henan publishes it, the app uses a buffer "
        "of SitingSettings.river_buffer_m (default 1 000 m) around the Yellow River line, the "
        "figure Shandong applies (2023 eight-department notice and 《山东省沿黄生态廊道保护建设"
        "规划(2023—2030年)》, cited by the 2025-06 central inspection) and the 长江保护法 "
        "第二十六条 uses for the Yangtze. The shipped river line is the administrative boundary "
        "with Shandong, not the surveyed bank line. Applies to chemical chains only; the test is "
        "exact: distance from the site (point, or any part of a drawn parcel) to the line <= the "
        "buffer."
    ),
    parameter="river_buffer_m",
)

_USER = Rule(
    id="user_constraint",
    title_zh="用户管控区",
    title_en="User-supplied constraint area",
    legal_basis="以管控图层的 legal_basis 列为准",
    applies_to="all",
    description=(
        "Generic rule for a user-loaded constraint polygon layer (生态保护红线, 永久基本农田, "
        "dyke protection zones, 滩区, …): a site whose point or parcel intersects a polygon "
        "fails the rule named by the polygon's `name`, citing its `legal_basis` column; "
        "`applies_to` (all / chemical) limits it to chemical chains. A boundary that sites must "
        "lie inside (城镇开发边界) is supplied as the area outside it."
    ),
)

_KNOWN: tuple[tuple[tuple[str, ...], Rule], ...] = (
    (
        ("生态保护红线", "生态红线"),
        Rule(
            id="ecological_redline",
            title_zh="生态保护红线内严格禁止开发性、生产性建设活动",
            title_en="No development or production construction inside the ecological red line",
            legal_basis=(
                "中共中央办公厅、国务院办公厅《关于在国土空间规划中统筹划定落实三条控制线的"
                "指导意见》（2019年）：生态保护红线内其他区域严格禁止开发性、生产性建设活动"
                "（据科技日报2019-11-08报道转述）"
            ),
            applies_to="all",
            description=(
                "Hard exclusion; core zones of nature reserves ban human activity in principle."
            ),
        ),
    ),
    (
        ("永久基本农田", "基本农田"),
        Rule(
            id="permanent_basic_farmland",
            title_zh="永久基本农田不得擅自占用或改变用途",
            title_en="Permanent basic farmland may not be occupied or converted",
            legal_basis=(
                "《中华人民共和国土地管理法》第三十五条：永久基本农田经依法划定后，任何单位和"
                "个人不得擅自占用或者改变其用途（国家重点项目确实难以避让的须经国务院批准）"
            ),
            applies_to="all",
            description="Hard exclusion for industrial projects.",
        ),
    ),
    (
        ("堤防安全保护区", "堤防保护区", "堤防"),
        Rule(
            id="dyke_protection_zone",
            title_zh="黄河堤防安全保护区内禁止危害堤防安全的活动",
            title_en="No works endangering the dyke inside the Yellow River dyke protection zone",
            legal_basis=(
                "《河南省黄河河道管理办法》第二十四条：黄河堤脚外临河五十米、背河一百米为堤防"
                "安全保护区（该办法已由2023年《河南省黄河河道管理条例》取代，现行条号待核）"
            ),
            applies_to="all",
            description=(
                "Supply the zone as polygons (dyke toe buffered 50 m riverside, 100 m landward); "
                "第二十五条 of the same text limits blasting within 200 m (construction phase)."
            ),
        ),
    ),
    (
        ("滩区",),
        Rule(
            id="yellow_river_floodplain",
            title_zh="黄河滩区禁止规划工厂、企业成片开发区",
            title_en="No factory or enterprise development zones in the Yellow River floodplain",
            legal_basis=(
                "河南省黄河防汛地方性法规（据新华社报道转述：禁止将黄河滩区规划为城市建设用地、"
                "商业房地产开发用地和工厂、企业成片开发区；法规名称与条号未核实）"
            ),
            applies_to="all",
            description="Exclusion layer = the 滩区 between the main dykes.",
        ),
    ),
    (
        ("饮用水水源保护区", "水源保护区", "自然保护区", "环境敏感区"),
        Rule(
            id="chemical_park_sensitive_area",
            title_zh="生态红线、自然保护区、饮用水水源保护区等环境敏感区内严禁建设化工园区",
            title_en=(
                "No chemical parks in red-line, nature-reserve, drinking-water or other "
                "sensitive areas"
            ),
            legal_basis="工业和信息化部《促进化工园区规范发展指导意见》（2015年）",
            applies_to="chemical",
            description="Applies to chemical parks and projects; other laws may forbid more.",
        ),
    ),
)

#: Keywords of a constraint's name -> the registered rule whose legal basis it inherits.
KNOWN_CONSTRAINTS: Mapping[str, Rule] = MappingProxyType(
    {kw: rule for keywords, rule in _KNOWN for kw in keywords}
)

#: Every registered rule by id.
RULES: Mapping[str, Rule] = MappingProxyType(
    {r.id: r for r in (_YELLOW_RIVER, _USER, *(rule for _, rule in _KNOWN))}
)


def _show(values: pd.Series) -> str:
    shown = [f"row {i}: {v!r}" for i, v in values.head(_MAX_SHOWN).items()]
    more = len(values) - _MAX_SHOWN
    return "; ".join(shown) + (f"; … and {more} more" if more > 0 else "")


def _text(series: pd.Series) -> pd.Series:
    """Strings stripped of surrounding blanks; empty and missing become ``None``."""
    s = series.astype(object).where(series.notna(), None)
    s = s.map(lambda v: None if v is None else (str(v).strip() or None))
    return s.astype(object)


def validate_constraints(
    layer: gpd.GeoDataFrame,
    *,
    name_col: str = "name",
    legal_basis_col: str = "legal_basis",
    applies_to_col: str = "applies_to",
) -> None:
    """Check a user constraint layer before it is used by the siting check.

    Parameters
    ----------
    layer
        Polygons (``Polygon`` / ``MultiPolygon``) with a CRS.
    name_col
        Column naming each constraint (required, non-empty), e.g. ``生态保护红线``.
    legal_basis_col
        Optional column with the citation of each constraint.
    applies_to_col
        Optional column, ``{"all", "chemical"}`` (empty means ``"all"``).

    Raises
    ------
    LayerValidationError
        Listing every problem with the offending rows.
    """
    if not isinstance(layer, gpd.GeoDataFrame):
        msg = message(
            "`constraints` should be a GeoDataFrame, got {kind}.", kind=type(layer).__name__
        )
        raise LayerValidationError(msg)
    # an upload carries the row numbers of its file (geoapp.io's source_row)
    rows = layer["source_row"] if "source_row" in layer.columns else None
    problems: list[str] = []
    if layer.crs is None:
        problems.append(message("has no CRS; set one with `.set_crs(4326)`"))
    types = layer.geometry.geom_type
    wrong = types[~types.isin(_POLYGONAL)].fillna("empty")
    if len(wrong):
        problems.append(
            message(
                "geometry must be Polygon/MultiPolygon, got {shown}",
                shown=_show(wrong),
                rows_values=_pairs(wrong, rows),
            )
        )
    if name_col not in layer.columns:
        problems.append(
            message(
                "column {col!r} is missing (the constraint's name, e.g. 生态保护红线); "
                "columns are {columns}",
                col=name_col,
                columns=[c for c in layer.columns if c != layer.geometry.name],
            )
        )
    else:
        names = _text(layer[name_col])
        if names.isna().any():
            empty = names[names.isna()]
            problems.append(
                message(
                    "column {col!r} is empty in rows {rows}",
                    col=name_col,
                    rows=list(empty.index[:_MAX_SHOWN]),
                    rows_values=_pairs(empty, rows),
                )
            )
    if applies_to_col in layer.columns:
        applies = _text(layer[applies_to_col]).str.lower()
        bad = applies[applies.notna() & ~applies.isin(APPLIES_TO)]
        if len(bad):
            problems.append(
                message(
                    "column {col!r} must be one of {allowed}: {shown}",
                    col=applies_to_col,
                    allowed=APPLIES_TO,
                    shown=_show(bad),
                    rows_values=_pairs(bad, rows),
                )
            )
    if problems:
        msg = message(
            "The constraint layer cannot be used:\n- {listed}",
            listed="\n- ".join(problems),
            problems=problems,
        )
        raise LayerValidationError(msg)


def _pairs(values: pd.Series, rows: pd.Series | None) -> list[tuple[object, object]]:
    """(row as the planner sees it, value) of the first offending values."""
    head = values.head(_MAX_SHOWN)
    where = head.index if rows is None else rows.reindex(head.index).to_numpy()
    return list(zip(where, head.to_numpy(), strict=True))


def _known_rule(name: str) -> Rule | None:
    for keyword, rule in KNOWN_CONSTRAINTS.items():
        if keyword in name:
            return rule
    return None


def constraint_rules(
    layer: gpd.GeoDataFrame,
    *,
    name_col: str = "name",
    legal_basis_col: str = "legal_basis",
    applies_to_col: str = "applies_to",
) -> pd.Series:
    """Turn a user constraint polygon layer into one :class:`Rule` per polygon.

    Polygons with the same name, legal basis and ``applies_to`` share one rule
    (a red line drawn as 300 patches is one rule). Rule ids are
    ``"user_constraint:<name>"``, with ``#2``, ``#3`` … appended when one name
    carries different bases.

    Parameters
    ----------
    layer
        Polygons with a ``name_col`` column; see :func:`validate_constraints`.
    name_col, legal_basis_col, applies_to_col
        Column names. A missing or empty legal basis is taken from
        :data:`KNOWN_CONSTRAINTS` when the name contains a known keyword
        (``生态保护红线`` -> the 2019 三条控制线 意见), else left as
        "（图层未提供法律依据）". A missing ``applies_to`` is taken from the
        known rule, else ``"all"``.

    Returns
    -------
    pandas.Series
        Of :class:`Rule`, aligned with ``layer`` (same index).

    Examples
    --------
    >>> rules = constraint_rules(redline_gdf)  # doctest: +SKIP
    >>> rules.iloc[0].id  # doctest: +SKIP
    'user_constraint:生态保护红线'
    """
    validate_constraints(
        layer, name_col=name_col, legal_basis_col=legal_basis_col, applies_to_col=applies_to_col
    )
    names = _text(layer[name_col])
    bases = _text(layer[legal_basis_col]) if legal_basis_col in layer.columns else None
    applies = _text(layer[applies_to_col]).str.lower() if applies_to_col in layer.columns else None
    frame = pd.DataFrame(
        {
            "name": names,
            "basis": bases if bases is not None else None,
            "applies": applies if applies is not None else None,
        },
        index=layer.index,
        dtype=object,
    )
    # One rule per distinct (name, basis, applies_to): loop over the few distinct triples only.
    key = pd.MultiIndex.from_frame(frame.fillna("\x00"))
    codes, uniques = pd.factorize(key)
    made: list[Rule] = []
    used: dict[str, int] = {}
    for name, basis, applies_to in uniques:
        basis = None if basis == "\x00" else basis
        applies_to = None if applies_to == "\x00" else applies_to
        known = _known_rule(name)
        used[name] = used.get(name, 0) + 1
        suffix = "" if used[name] == 1 else f"#{used[name]}"
        made.append(
            Rule(
                id=f"{USER_PREFIX}{name}{suffix}",
                title_zh=f"用户管控区：{name}",
                title_en=f"User constraint: {name}",
                legal_basis=basis or (known.legal_basis if known else "图层未提供法律依据"),
                applies_to=applies_to or (known.applies_to if known else "all"),
                description=(
                    f"User constraint polygon {name!r}; legal basis taken from the registered "
                    f"rule {known.id!r}."
                    if known and not basis
                    else f"User constraint polygon {name!r}."
                ),
            )
        )
    table = np.empty(len(made), dtype=object)
    table[:] = made
    return pd.Series(table[codes], index=layer.index, dtype=object)


def rule_text(rules: list[Rule] | tuple[Rule, ...], settings: Any = None) -> str:
    """Join rules as ``规则名（法律依据）；规则名（法律依据）`` ("" for none)."""
    return "；".join(r.label(settings) for r in rules)
