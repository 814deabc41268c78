"""Cell formatting and the data note, shared by the report pages and the terminal output."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

#: The data note printed on every page.
DATA_NOTE_ZH = (
    "样例图层中开发区/园区、项目、物流枢纽和监测站点的位置均为示意（schematic）："
    "依据文件只给出名称和所在县区/园区，位置是在其范围内示意放置的，并非测绘位置；"
    "县区界来自高德行政区划（近似），黄河线以濮阳与山东各县的行政边界近似。"
    "因此距离、园区归属和规则检查仅供参考；正式评价前请用实测图层替换样例图层。"
)
DATA_NOTE_EN = (
    "Positions of zones, projects, logistics hubs and monitoring stations in the sample layers "
    "are schematic: the source documents give names and the county or zone only, so features "
    "were placed inside it, not surveyed. County boundaries are AMap's (approximate); the "
    "Yellow River is approximated by the administrative boundary with Shandong. Distances, "
    "zone membership and rule checks are indicative; replace the sample layers with surveyed "
    "data before a formal assessment."
)


def _blank(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value)) if np.ndim(value) == 0 else False
    except (TypeError, ValueError):
        return False


def _fmt(value: object, *, digits: int = 2, empty: str = "—") -> str:
    if _blank(value):
        return empty
    if isinstance(value, (bool, np.bool_)):
        return "是" if value else "否"
    if isinstance(value, (float, np.floating)):
        return f"{float(value):,.{digits}f}"
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
        return "、".join(str(v) for v in value) or empty
    return str(value)


def _km_text(metres: Any) -> str:
    return "" if _blank(metres) else f"{float(metres) / 1000:.2f}"
