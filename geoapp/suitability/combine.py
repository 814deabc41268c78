"""Weights and transformations of a surface (:class:`SurfaceSpec`) and the weighted sum.

The score of a cell is ``Σ_j t_j(raw_j) × w_j / Σ w × 100``, rounded to 0.1 —
the formula of :func:`geoapp.siting.evaluate_sites`, term by term in the same
order, so that with :func:`~geoapp.suitability.transforms.default_transforms`
and the settings' weights a cell's score equals ``evaluate_sites`` at its centre.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np

from geoapp.settings import DEFAULT_SITING, SitingSettings
from geoapp.siting import CRITERIA as SITING_CRITERIA
from geoapp.suitability.grid import DEFAULT_RESOLUTION_M, check_resolution
from geoapp.suitability.transforms import (
    Transform,
    default_transforms,
    transform_to_dict,
)

#: The criteria of the surface, in score order: the siting criteria, then the river distance.
CRITERIA: tuple[str, ...] = (*SITING_CRITERIA, "river_distance")
#: Chinese and English titles of the criteria.
CRITERIA_TITLES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {**SITING_CRITERIA, "river_distance": ("距黄河距离", "Distance to the Yellow River")}
)


def _weights(settings: SitingSettings, weights: Mapping[str, float] | None) -> dict[str, float]:
    out = {c: float(settings.weights.get(c, 0.0)) for c in SITING_CRITERIA}
    out["river_distance"] = 0.0
    if weights is not None:
        unknown = sorted(set(weights) - set(CRITERIA))
        if unknown:
            msg = f"`weights` has unknown criteria {unknown}; the criteria are {list(CRITERIA)}."
            raise ValueError(msg)
        out.update({k: float(v) for k, v in weights.items()})
    values = np.array(list(out.values()))
    if not np.isfinite(values).all() or (values < 0).any() or values.sum() <= 0:
        msg = f"`weights` must be finite, >= 0 and not all 0; got {out}."
        raise ValueError(msg)
    return out


@dataclass(frozen=True, eq=False)
class SurfaceSpec:
    """What to score and how: chain, resolution, settings, weights, transformations.

    Attributes
    ----------
    chain
        The chain, e.g. ``"聚碳新材料"`` (``None``: no chain).
    resolution_m
        Cell size, 10–1,000 m (default 100).
    settings
        Siting settings (distances, river buffer, default weights).
    weights
        Criterion -> weight; defaults to ``settings.weights`` and 0 for
        ``river_distance``. Only the criteria given are overridden.
    transforms
        Criterion -> transformation; defaults to
        :func:`~geoapp.suitability.transforms.default_transforms`.
    threshold
        Score at or above which a cell counts as suitable in the summaries
        (default ``settings.recommended_min``).
    """

    chain: str | None
    resolution_m: float = DEFAULT_RESOLUTION_M
    settings: SitingSettings = DEFAULT_SITING
    weights: Mapping[str, float] | None = None
    transforms: Mapping[str, Transform] | None = None
    threshold: float | None = None
    _w: dict[str, float] = field(init=False, repr=False)
    _t: dict[str, Transform] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        """Check the resolution, weights, transformations and threshold."""
        check_resolution(self.resolution_m)
        object.__setattr__(self, "_w", _weights(self.settings, self.weights))
        tr = default_transforms(self.settings)
        if self.transforms is not None:
            unknown = sorted(set(self.transforms) - set(CRITERIA))
            if unknown:
                msg = (
                    f"`transforms` has unknown criteria {unknown}; "
                    f"the criteria are {list(CRITERIA)}."
                )
                raise ValueError(msg)
            tr.update(self.transforms)
        object.__setattr__(self, "_t", tr)
        thr = self.score_threshold
        if not (math.isfinite(thr) and 0 <= thr <= 100):
            msg = f"`threshold` must lie in 0–100, got {thr!r}."
            raise ValueError(msg)

    @property
    def weight_of(self) -> dict[str, float]:
        """Every criterion's weight (a copy)."""
        return dict(self._w)

    @property
    def transform_of(self) -> dict[str, Transform]:
        """Every criterion's transformation (a copy)."""
        return dict(self._t)

    @property
    def score_threshold(self) -> float:
        """The summary threshold in use."""
        return float(self.settings.recommended_min if self.threshold is None else self.threshold)

    @property
    def needs_river_everywhere(self) -> bool:
        """Whether the river distance must be computed in every cell (its weight > 0)."""
        return self._w["river_distance"] > 0

    def parameters(self) -> dict[str, Any]:
        """Everything that determines the surface, JSON-ready (for the GeoTIFF metadata)."""
        s = self.settings
        return {
            "chain": self.chain,
            "resolution_m": self.resolution_m,
            "weights": self._w,
            "transforms": {c: transform_to_dict(t) for c, t in self._t.items()},
            "river_buffer_m": s.river_buffer_m,
            "same_chain_radius_m": s.same_chain_radius_m,
            "threshold": self.score_threshold,
        }

    def parameters_json(self) -> str:
        """:meth:`parameters` as compact JSON (UTF-8 Chinese kept)."""
        return json.dumps(self.parameters(), ensure_ascii=False, sort_keys=True)


def criterion_points(raw: Mapping[str, np.ndarray], spec: SurfaceSpec) -> np.ndarray:
    """Points of each criterion, ``(n, len(CRITERIA))``: ``t_j(raw_j) × w_j / Σ w × 100``."""
    w = np.array([spec._w[c] for c in CRITERIA])
    scale = w / w.sum() * 100.0
    norm = np.column_stack([spec._t[c](np.ravel(raw[c])) for c in CRITERIA])
    return norm * scale


def combine(raw: Mapping[str, np.ndarray], spec: SurfaceSpec) -> np.ndarray:
    """The 0–100 score (rounded to 0.1) of cells with these raw criteria.

    Parameters
    ----------
    raw
        Criterion -> raw values (same shape for all).
    spec
        Weights and transformations.

    Returns
    -------
    numpy.ndarray
        ``float64``, the shape of the raw arrays.
    """
    first = np.asarray(raw[CRITERIA[0]])
    return np.round(criterion_points(raw, spec).sum(axis=1), 1).reshape(first.shape)
