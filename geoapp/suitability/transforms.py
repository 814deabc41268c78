"""Transformations of a criterion's raw value into 0–1 suitability, as in Suitability Modeler.

Each criterion of the surface has a raw value per cell (a distance in metres,
a count, a yes/no category) and a transformation that the planner sets:

``Linear(full, zero)``
    1 at or below ``full``, 0 at or beyond ``zero``, linear in between; with
    ``full > zero`` the value increases with the raw value instead (e.g.
    ``Linear(full=5, zero=0)`` for a count: 0 projects → 0, 5 or more → 1).
    The exact formula is ``clip((zero - v) / (zero - full), 0, 1)``, the one
    the siting evaluation uses. Missing values (no hub at all) give 0.
``Threshold(at, above=False)``
    1 where the value is <= ``at`` (``above=True``: >= ``at``), else 0.
``Inverse(near)``
    ``near / max(v, near)``: 1 within ``near``, then falling as ``1 / v``
    (inverse distance).
``Categories(values)``
    A table from category code to 0–1 (criteria ``zone_chain_match`` and
    ``in_zone`` have the codes 0 = no, 1 = yes); a code missing from the
    table gives 0.

:func:`default_transforms` gives the transformations that reproduce
:func:`geoapp.siting.evaluate_sites` from a :class:`~geoapp.settings.SitingSettings`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np

from geoapp.settings import SitingSettings

__all__ = [
    "Categories",
    "Inverse",
    "Linear",
    "Threshold",
    "Transform",
    "default_transforms",
    "parse_transform",
    "parse_weights",
    "transform_from_dict",
    "transform_to_dict",
]


def _finite(name: str, value: float) -> float:
    v = float(value)
    if not math.isfinite(v):
        msg = f"`{name}` must be a finite number, got {value!r}."
        raise ValueError(msg)
    return v


@dataclass(frozen=True)
class Linear:
    """1 at ``full``, 0 at ``zero``, linear in between, clipped to 0–1."""

    full: float
    zero: float
    kind: str = field(default="linear", init=False)

    def __post_init__(self) -> None:
        """Check the parameters."""
        _finite("full", self.full)
        _finite("zero", self.zero)
        if self.full == self.zero:
            msg = (
                f"Linear transformation needs `full` != `zero`, got both {self.full:g}; "
                "use Threshold for a step."
            )
            raise ValueError(msg)

    def __call__(self, values: np.ndarray) -> np.ndarray:
        """0–1 suitability of ``values`` (NaN gives 0)."""
        out = np.clip(
            (self.zero - np.asarray(values, dtype=float)) / (self.zero - self.full), 0.0, 1.0
        )
        return np.nan_to_num(out, nan=0.0)

    def describe(self) -> str:
        """One line for legends and metadata."""
        return f"linear: 1 at {self.full:g}, 0 at {self.zero:g}"


@dataclass(frozen=True)
class Threshold:
    """1 where the value is <= ``at`` (or >= ``at`` with ``above=True``), else 0."""

    at: float
    above: bool = False
    kind: str = field(default="threshold", init=False)

    def __post_init__(self) -> None:
        """Check the parameters."""
        _finite("at", self.at)

    def __call__(self, values: np.ndarray) -> np.ndarray:
        """0–1 suitability of ``values`` (NaN gives 0)."""
        v = np.asarray(values, dtype=float)
        hit = v >= self.at if self.above else v <= self.at
        return hit.astype(float)

    def describe(self) -> str:
        """One line for legends and metadata."""
        return f"threshold: 1 where {'>=' if self.above else '<='} {self.at:g}"


@dataclass(frozen=True)
class Inverse:
    """``near / max(v, near)``: 1 within ``near``, then inverse-distance decay."""

    near: float
    kind: str = field(default="inverse", init=False)

    def __post_init__(self) -> None:
        """Check the parameters."""
        if not _finite("near", self.near) > 0:
            msg = f"Inverse transformation needs `near` > 0, got {self.near!r}."
            raise ValueError(msg)

    def __call__(self, values: np.ndarray) -> np.ndarray:
        """0–1 suitability of ``values`` (NaN gives 0)."""
        v = np.asarray(values, dtype=float)
        return np.nan_to_num(self.near / np.maximum(v, self.near), nan=0.0)

    def describe(self) -> str:
        """One line for legends and metadata."""
        return f"inverse: 1 within {self.near:g}, then {self.near:g}/value"


@dataclass(frozen=True)
class Categories:
    """Category code -> 0–1 suitability; unknown codes give 0."""

    values: Mapping[int, float]
    kind: str = field(default="categories", init=False)

    def __post_init__(self) -> None:
        """Check the table and freeze it."""
        clean = {int(k): _finite(f"values[{k}]", v) for k, v in dict(self.values).items()}
        bad = {k: v for k, v in clean.items() if not 0.0 <= v <= 1.0}
        if bad:
            msg = f"Category suitabilities must lie in 0–1, got {bad}."
            raise ValueError(msg)
        object.__setattr__(self, "values", MappingProxyType(clean))

    def __hash__(self) -> int:
        """Hash of the table."""
        return hash(tuple(sorted(self.values.items())))

    def __eq__(self, other: object) -> bool:
        """Equal tables."""
        return isinstance(other, Categories) and dict(self.values) == dict(other.values)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as a plain dict (a MappingProxyType does not pickle)."""
        return (Categories, (dict(self.values),))

    def __call__(self, values: np.ndarray) -> np.ndarray:
        """0–1 suitability of category codes."""
        codes = np.asarray(values)
        out = np.zeros(codes.shape, dtype=float)
        for code, value in self.values.items():  # one pass per category (a handful)
            out[codes == code] = value
        return out

    def describe(self) -> str:
        """One line for legends and metadata."""
        return "categories: " + ", ".join(f"{k}→{v:g}" for k, v in sorted(self.values.items()))


Transform = Linear | Threshold | Inverse | Categories

_KINDS: dict[str, type] = {
    "linear": Linear,
    "threshold": Threshold,
    "inverse": Inverse,
    "categories": Categories,
}


def transform_from_dict(spec: Mapping[str, Any]) -> Transform:
    """Build a transformation from ``{"kind": "linear", "full": 5000, "zero": 30000}`` etc.

    Raises
    ------
    ValueError
        For an unknown ``kind`` or wrong parameters, naming what is allowed.
    """
    spec = dict(spec)
    kind = str(spec.pop("kind", "")).lower()
    if kind not in _KINDS:
        msg = f"transformation kind was {kind!r}; use one of {sorted(_KINDS)}."
        raise ValueError(msg)
    if kind == "categories" and "values" in spec:
        spec["values"] = {int(k): float(v) for k, v in dict(spec["values"]).items()}
    try:
        return _KINDS[kind](**spec)
    except TypeError as exc:
        msg = f"bad parameters {spec} for a {kind} transformation: {exc}"
        raise ValueError(msg) from None


def transform_to_dict(tr: Transform) -> dict[str, Any]:
    """The inverse of :func:`transform_from_dict` (for metadata and JSON)."""
    if isinstance(tr, Linear):
        return {"kind": "linear", "full": tr.full, "zero": tr.zero}
    if isinstance(tr, Threshold):
        return {"kind": "threshold", "at": tr.at, "above": tr.above}
    if isinstance(tr, Inverse):
        return {"kind": "inverse", "near": tr.near}
    return {"kind": "categories", "values": {str(k): v for k, v in tr.values.items()}}


#: Default river-distance transformation beyond the shoreline buffer: 1 from
#: this many metres past the buffer. The river criterion weighs 0 by default;
#: this figure is a starting point for planners, not a rule.
RIVER_FULL_EXTRA_M = 4_000.0


def default_transforms(settings: SitingSettings) -> dict[str, Transform]:
    """The transformations under which the surface equals :func:`~geoapp.siting.evaluate_sites`.

    Parameters
    ----------
    settings
        Distances and counts come from here (``hub_full_score_m``, …).

    Returns
    -------
    dict
        Criterion -> transformation, for every criterion of
        :data:`geoapp.suitability.CRITERIA`.
    """
    yes_no = Categories({0: 0.0, 1: 1.0})
    return {
        "zone_chain_match": yes_no,
        "hub_access": Linear(settings.hub_full_score_m, settings.hub_zero_score_m),
        "station_access": Linear(settings.station_full_score_m, settings.station_zero_score_m),
        "chain_agglomeration": Linear(float(settings.agglomeration_full_count), 0.0),
        "in_zone": yes_no,
        "river_distance": Linear(
            settings.river_buffer_m + RIVER_FULL_EXTRA_M, settings.river_buffer_m
        ),
    }


def parse_transform(text: str) -> tuple[str, Transform]:
    """Parse ``criterion=kind:params`` (the command line's ``--transform``).

    Forms: ``hub_access=linear:3000:20000`` (full, zero),
    ``hub_access=threshold:10000`` (``:above`` for >=), ``hub_access=inverse:2000``,
    ``in_zone=categories:0=0.3/1=1``.

    Returns
    -------
    tuple
        ``(criterion, transformation)``.
    """
    crit, sep, rest = text.partition("=")
    kind, _, params = rest.partition(":")
    args = [p for p in params.split(":") if p != ""]
    try:
        if not sep or not crit.strip():
            raise ValueError("no criterion")
        kind = kind.strip().lower()
        if kind == "linear" and len(args) == 2:
            return crit.strip(), Linear(float(args[0]), float(args[1]))
        if kind == "threshold" and len(args) in (1, 2):
            return crit.strip(), Threshold(float(args[0]), above=args[1:] == ["above"])
        if kind == "inverse" and len(args) == 1:
            return crit.strip(), Inverse(float(args[0]))
        if kind == "categories" and len(args) == 1:
            pairs = (p.split("=") for p in args[0].split("/"))
            return crit.strip(), Categories({int(k): float(v) for k, v in pairs})
        raise ValueError(f"unknown form {kind!r}")
    except ValueError as exc:
        msg = (
            f"cannot read the transformation {text!r} ({exc}); use e.g. "
            "hub_access=linear:5000:30000, hub_access=threshold:10000, "
            "hub_access=inverse:2000 or in_zone=categories:0=0.3/1=1."
        )
        raise ValueError(msg) from None


def parse_weights(text: str) -> dict[str, float]:
    """Parse ``hub_access=30,station_access=10`` (the command line's ``--weights``)."""
    out: dict[str, float] = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        name, sep, value = part.partition("=")
        try:
            if not sep:
                raise ValueError
            out[name.strip()] = float(value)
        except ValueError:
            msg = (
                f"cannot read the weight {part!r} in {text!r}; write criterion=number pairs "
                "separated by commas, e.g. hub_access=30,station_access=10."
            )
            raise ValueError(msg) from None
    return out
