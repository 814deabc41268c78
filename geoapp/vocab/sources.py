"""Sources as a planner reads them: the document's title and the line, not a file name.

Every sample feature cites where it comes from as ``seeds/<file>.txt:L<line>``
(see ``data/README.md``). :func:`cite` turns such a citation into the title
of the document and the line(s), e.g. ``seeds/001_f301c2fa1a9b6d00.txt:L37``
→ ``《当代濮阳》2024年第1期（总第246期），第37行``. Other sources (a planner's
own file name) are returned unchanged.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import pandas as pd

__all__ = ["SEED_TITLES", "cite", "cite_column"]

#: Seed number -> (Chinese title, English title), from the documents themselves
#: (their mastheads; see /work/shared/seeds/*.facts.md).
SEED_TITLES: Mapping[str, tuple[str, str]] = {
    "000": ("《当代濮阳》2024年第5期（总第250期）", "Contemporary Puyang 2024 no. 5 (no. 250)"),
    "001": ("《当代濮阳》2024年第1期（总第246期）", "Contemporary Puyang 2024 no. 1 (no. 246)"),
    "002": ("《当代濮阳》2024年第2期（总第247期）", "Contemporary Puyang 2024 no. 2 (no. 247)"),
    "003": ("濮阳市2024年政府工作报告（续页）", "Puyang government work report 2024 (continued)"),
    "004": (
        "濮阳本地报纸新闻版（促进制造业倍增行动等）",
        "Puyang newspaper page (manufacturing-doubling action, etc.)",
    ),
}

_SEED = re.compile(r"seeds/(\d{3})_[0-9a-f]+\.txt:L(\d+)(?:[-–](\d+))?")


def cite(source: object, lang: str = "zh") -> str | None:
    """A citation in the planner's words (None for an empty source).

    Examples
    --------
    >>> cite("seeds/001_f301c2fa1a9b6d00.txt:L37; seeds/001_f301c2fa1a9b6d00.txt:L353")
    '《当代濮阳》2024年第1期（总第246期），第37、353行'
    """
    if source is None or (isinstance(source, float) and math.isnan(source)):
        return None
    text = str(source).strip()
    if not text:
        return None
    found = _SEED.findall(text)
    if not found:
        return text
    lines: dict[str, list[str]] = {}
    for seed, a, b in found:
        lines.setdefault(seed, []).append(f"{a}–{b}" if b else a)
    parts = []
    for seed, nums in lines.items():
        zh, en = SEED_TITLES.get(seed, (f"资料{seed}", f"document {seed}"))
        nums = list(dict.fromkeys(nums))
        if lang == "zh":
            parts.append(f"{zh}，第{'、'.join(nums)}行")
        else:
            parts.append(f"{en}, line{'s' if len(nums) > 1 else ''} {', '.join(nums)}")
    return "；".join(parts) if lang == "zh" else "; ".join(parts)


def cite_column(sources: pd.Series, lang: str = "zh") -> pd.Series:
    """:func:`cite` for a column (computed once per distinct source)."""
    uniques = pd.unique(sources.dropna())
    table = {u: cite(u, lang) for u in uniques}
    return sources.map(table)
