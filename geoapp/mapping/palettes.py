"""Colours of categories: fixed palettes, a categorical cycle and label order.

:data:`CLUSTER_COLORS`, :data:`STAGE_COLORS` and :data:`VERDICT_COLORS` fix
the colours of known values; :func:`_palette_for` gives any other labels the
categorical cycle in natural order (``C2`` before ``C10``), so two layers with
the same labels (cluster sites and their hulls) share colours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from geoapp.vocab import CLUSTER, STAGE, UNSTATED, UNSTATED_COLOR, VERDICT, colors

#: Colour of each industrial cluster (and of an empty one), from :mod:`geoapp.vocab`.
CLUSTER_COLORS: Mapping[str, str] = colors(CLUSTER, unstated=True)
#: Colour of each pipeline stage.
STAGE_COLORS: Mapping[str, str] = colors(STAGE, unstated=True)
#: Colour of each siting verdict.
VERDICT_COLORS: Mapping[str, str] = colors(VERDICT)
_CATEGORICAL = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#393b79",
    "#637939",
    "#8c6d31",
)
_GREY = UNSTATED_COLOR
_UNSTATED = UNSTATED


def _labels_of(values: pd.Series | None, index: pd.Index) -> pd.Series:
    if values is None:
        return pd.Series(_UNSTATED, index=index, dtype=object)
    s = values.astype(object)
    blank = s.isna() | (s.astype(str).str.strip() == "")
    return s.astype(str).str.strip().where(~blank, _UNSTATED)


def _natural(text: str) -> tuple:
    """Sort key that puts ``C2`` before ``C10``."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", str(text)))


def _label_order(labels: Iterable[str], preferred: Sequence[str] = ()) -> list[str]:
    """Preferred labels first, then the others in natural order, then 噪声 and 未注明."""
    labels = list(dict.fromkeys(labels))
    first = [p for p in preferred if p in labels and p not in (_UNSTATED, "噪声")]
    rest = sorted(
        (lab for lab in labels if lab not in first and lab not in (_UNSTATED, "噪声")), key=_natural
    )
    tail = [lab for lab in ("噪声", _UNSTATED) if lab in labels]
    return [*first, *rest, *tail]


def _palette_for(labels: pd.Series, palette: Mapping[str, str] | None) -> dict[str, str]:
    """Colour of each distinct label: the given palette first, then a categorical cycle.

    Labels without a fixed colour get the cycle in natural order, so two layers
    with the same labels (cluster sites and their hulls) get the same colours.
    """
    out: dict[str, str] = {}
    fixed = dict(palette or {})
    i = 0
    for lab in _label_order(pd.unique(labels)):
        if lab in fixed:
            out[lab] = fixed[lab]
        elif lab in (_UNSTATED, "噪声"):
            out[lab] = _GREY
        else:
            out[lab] = _CATEGORICAL[i % len(_CATEGORICAL)]
            i += 1
    return out
