"""The chain map and the pipeline as workbooks for investment-promotion staff (XLSX).

:func:`chain_sheets` and :func:`pipeline_sheets` build the tables with Chinese
headers; :func:`write_xlsx` writes any such mapping of sheet name → table with
openpyxl. Text cells that a spreadsheet would run as a formula — starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return — are prefixed with a
single quote, as OWASP recommends against CSV/formula injection, by the
project's one text policy (:mod:`geoapp.io.textsafe`); numbers stay numbers, and
text that is a number (``"-3.5"``) is not a formula.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from geoapp.chainmap.nodes import STATUS_ZH, chain_nodes, gaps_by_zone, panorama
from geoapp.io import atomic_path, neutralise_frame, neutralise_text, textsafe
from geoapp.projects import against_targets, funnel, project_places, rollup
from geoapp.vocab import CLUSTERS

__all__ = [
    "FORMULA_START",
    "PANORAMA_HEADERS",
    "chain_sheets",
    "pipeline_sheets",
    "safe_cell",
    "write_xlsx",
]

#: First characters that make a spreadsheet cell a formula (OWASP CSV injection).
FORMULA_START: tuple[str, ...] = textsafe.FORMULA_START
#: Column → Chinese header of the panorama sheets.
PANORAMA_HEADERS: Mapping[str, str] = {
    "chain": "产业链",
    "position": "环节位置",
    "node": "节点",
    "status_zh": "状态",
    "firms": "已有企业",
    "to_attract": "拟招引企业",
    "projects": "项目编号",
    "project_names": "项目名称",
    "stages": "项目阶段",
    "zones": "所在园区",
    "counties": "所在县区",
    "source": "来源",
    "note": "说明",
}
GAP_HEADERS: Mapping[str, str] = {
    "zone": "园区",
    "chain": "产业链",
    "position": "环节位置",
    "node": "节点",
    "status_zh": "节点状态",
    "source": "来源",
}
ROLLUP_HEADERS: Mapping[str, str] = {
    "stage": "阶段",
    "cluster": "产业集群",
    "chain": "产业链",
    "county": "县区",
    "zone": "园区",
    "count": "项目数",
    "n_with_investment": "已注明投资额项目数",
    "investment_yi": "已注明投资额合计(亿元)",
    "n_ge_1yi": "亿元以上项目数",
    "reached": "达到该阶段及以后的项目数",
}
TARGET_HEADERS: Mapping[str, str] = {
    "id": "目标编号",
    "scope_zh": "范围",
    "cluster": "产业集群",
    "metric_zh": "指标",
    "value": "目标值",
    "unit": "单位",
    "year": "年份",
    "current": "项目表当前值",
    "share": "完成比例",
    "n_projects": "表中该集群项目数",
    "n_unknown_investment": "其中未注明投资额",
    "measurable_zh": "能否由项目表计算",
    "cannot_tell": "项目表无法说明的情况",
    "quote": "原文",
    "source": "来源",
}
METRIC_ZH: Mapping[str, str] = {
    "projects_ge_1yi": "亿元以上制造业项目数",
    "investment_yi": "完成投资(亿元)",
    "funds_in_place_yi": "招商项目到位资金(亿元)",
    "manufacturing_investment_yi": "制造业投资(亿元)",
    "signed_projects_ge_1yi": "新签约亿元以上项目数",
}
MEASURABLE_ZH: Mapping[str, str] = {"partly": "部分可算", "no": "不能", "yes": "能"}
SCOPE_ZH: Mapping[str, str] = {"city": "全市", "cluster": "产业集群"}
NOTE_SHEET = "说明"


def _plain(value: object) -> object:
    """A cell value openpyxl stores as is: numpy → Python, NaN / None / NA → empty."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(float(value)) else float(value)
    return str(value)


def safe_cell(value: object) -> object:
    """A value as it should go into a spreadsheet cell, by the project's text policy.

    Text a spreadsheet would run as a formula (starting with one of
    :data:`FORMULA_START`, and not a number such as ``"-3.5"``) gets a leading
    ``'`` (:func:`geoapp.io.textsafe.neutralise_text`); numbers (including numpy
    numbers) stay numbers; NaN, None and NA become an empty cell.
    """
    plain = _plain(value)
    if not isinstance(plain, str):
        return plain
    return neutralise_text(pd.Series([plain], dtype=object)).iloc[0]


def _chinese(frame: pd.DataFrame, headers: Mapping[str, str]) -> pd.DataFrame:
    cols = [c for c in headers if c in frame.columns]
    return frame[cols].rename(columns=dict(headers))


def chain_sheets(
    layers: Mapping[str, gpd.GeoDataFrame], chain: str | None = None
) -> dict[str, pd.DataFrame]:
    """The chain map as tables with Chinese headers, one sheet per cluster.

    Parameters
    ----------
    layers
        Mapping with ``projects``, ``counties`` and ``zones``.
    chain
        Only this chain (its cluster's sheet); None for every chain.

    Returns
    -------
    dict
        Sheet name → table: one sheet per cluster (named after it; the
        panorama of each of its chains, gaps included), ``缺链园区`` (zones
        that lead a chain but have no project in one of its nodes) and
        ``说明`` (what the statuses mean).
    """
    nodes = chain_nodes(chain)
    places = project_places(layers)
    sheets: dict[str, pd.DataFrame] = {}
    for cluster in CLUSTERS:
        chains = list(dict.fromkeys(nodes.loc[nodes["cluster"] == cluster, "chain"]))
        if not chains:
            continue
        parts = [panorama(c, layers, places=places) for c in chains]
        table = pd.concat(parts, ignore_index=True)
        table["status_zh"] = table["status"].map(STATUS_ZH)
        sheets[cluster] = _chinese(table, PANORAMA_HEADERS)
    gaps = gaps_by_zone(layers, chain, places=places)
    gaps["status_zh"] = gaps["node_status"].map(STATUS_ZH)
    sheets["缺链园区"] = _chinese(gaps, GAP_HEADERS)
    sheets[NOTE_SHEET] = pd.DataFrame(
        {
            "项目": ["状态：已有", "状态：缺失", "状态：拟招引", "状态：仅列名", "状态：资料未细分",
                   "缺链园区", "来源", "位置"],
            "说明": [
                "文件点名已有企业生产或已有项目（任一阶段）",
                "文件明确为缺失、空白或薄弱的环节",
                "文件提出要发展或招引、尚无企业的环节",
                "文件列出但未说明有无的环节",
                "文件列出该产业链但未细分上中下游节点",
                "主导该产业链的园区中，某节点没有任何项目落在该园区（或其园区内园区）",
                "seeds/<文件>.txt:L<行> 指依据文件及行号（data/seed_tables/chain_nodes.csv）",
                "项目的园区/县区以文件所述为准；样例图层位置为示意，未注明者记为未注明",
            ],
        }
    )  # fmt: skip
    return sheets


def pipeline_sheets(layers: Mapping[str, gpd.GeoDataFrame]) -> dict[str, pd.DataFrame]:
    """The pipeline as tables with Chinese headers.

    Returns
    -------
    dict
        ``阶段漏斗`` (三个一批 funnel), ``目标对比`` (each cited target with what
        the project table reaches and what it cannot tell), ``按产业集群``,
        ``按产业链``, ``按县区``, ``按园区`` (roll-ups) and ``说明``.
    """
    t = against_targets(layers)
    t["scope_zh"] = t["scope"].map(SCOPE_ZH)
    t["metric_zh"] = t["metric"].map(METRIC_ZH)
    t["measurable_zh"] = t["measurable"].map(MEASURABLE_ZH)
    t["cluster"] = t["cluster"].fillna("全部（6个集群）").str.replace(";", "、")
    sheets = {
        "阶段漏斗": _chinese(funnel(layers), ROLLUP_HEADERS),
        "目标对比": _chinese(t, TARGET_HEADERS),
        "按产业集群": _chinese(rollup(layers, "cluster"), ROLLUP_HEADERS),
        "按产业链": _chinese(rollup(layers, "chain"), ROLLUP_HEADERS),
        "按县区": _chinese(rollup(layers, "county"), ROLLUP_HEADERS),
        "按园区": _chinese(rollup(layers, "zone"), ROLLUP_HEADERS),
    }
    sheets[NOTE_SHEET] = pd.DataFrame(
        {
            "项目": ["三个一批", "亿元以上", "完成比例", "到位资金", "县区/园区"],
            "说明": [
                "签约一批、开工一批、投产一批；阶段按 seed_tables/README.md 的规则由原文状态归类",
                "只计投资额已注明且≥1亿元的项目；多数项目未注明投资额，数值为下限",
                "项目表当前值 ÷ 目标值；项目表并非2024年实施清单，仅供参考",
                "项目表不含到位资金，560亿元目标（2026年）无法由本表计算",
                "以文件所述为准；未注明者记为未注明（样例位置为示意，不作为归属依据）",
            ],
        }
    )
    return sheets


def _sheet_title(name: str, used: set[str]) -> str:
    bad = set("[]:*?/\\")
    title = "".join("_" if ch in bad else ch for ch in str(name))[:31] or "Sheet"
    base, k = title, 2
    while title in used:
        title = f"{base[:28]}_{k}"
        k += 1
    used.add(title)
    return title


def write_xlsx(sheets: Mapping[str, pd.DataFrame], path: str | Path) -> Path:
    r"""Write tables to an XLSX workbook, one sheet each, formula-like text neutralised.

    Parameters
    ----------
    sheets
        Sheet name → table (names longer than 31 characters are cut; the
        characters ``[]:*?/\\`` become ``_``).
    path
        The ``.xlsx`` file; written atomically.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        msg = f"{path}: the workbook must end in .xlsx (got {path.suffix!r})."
        raise ValueError(msg)
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for name, raw in sheets.items():
        frame = neutralise_frame(raw)  # the one text policy, vectorised per column
        ws = wb.create_sheet(_sheet_title(name, used))
        ws.append([_plain(c) for c in frame.columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in frame.itertuples(index=False, name=None):  # openpyxl appends row by row
            ws.append([_plain(v) for v in row])
        ws.freeze_panes = "A2"
        for j, col in enumerate(frame.columns, start=1):
            width = max([len(str(col))] + [len(str(v)) for v in frame[col].head(200)]) + 2
            ws.column_dimensions[get_column_letter(j)].width = min(max(width, 6), 60)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path
