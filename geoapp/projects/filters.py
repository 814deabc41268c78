"""Filters and summary tables of the project pipeline.

Every function here is vectorised (boolean masks and ``groupby``; no loop over
rows) and returns a new object; the input is never modified.

Empty attribute values (missing, ``""`` or blanks) are reported and matched as
:data:`UNSTATED` (``"未注明"``): pass ``"未注明"`` among the allowed stages,
chains, clusters or counties to keep the rows that do not state one.
"""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
import numpy as np
import pandas as pd

from geoapp.layers import LayerSet, county_labels
from geoapp.settings import COUNTY_ADCODES
from geoapp.vocab import STAGE, UNSTATED

__all__ = ["UNSTATED", "by_county_summary", "filter_projects", "pipeline_summary"]


def labels(values: pd.Series | None, index: pd.Index) -> pd.Series:
    """Return text labels aligned with ``index``, :data:`UNSTATED` where empty.

    Parameters
    ----------
    values
        An attribute column, or None when the layer has no such column.
    index
        The index of the result.

    Returns
    -------
    pandas.Series
        Object dtype; missing, empty and blank values become ``"未注明"``.
    """
    if values is None:
        return pd.Series(UNSTATED, index=index, dtype=object)
    s = values.astype(object)
    blank = s.isna() | (s.astype(str).str.strip() == "")
    return s.where(~blank, UNSTATED).astype(str).str.strip().where(~blank, UNSTATED)


def _allowed(name: str, values: Iterable[object] | str | None) -> list[object] | None:
    if values is None:
        return None
    if isinstance(values, str):  # one value, not an iterable of characters
        return [values]
    try:
        return list(values)
    except TypeError:
        msg = (
            f"`{name}` must be an iterable of allowed values (e.g. a list) or None, "
            f"got {type(values).__name__} {values!r}."
        )
        raise TypeError(msg) from None


def _investment(projects: pd.DataFrame, col: str = "investment_yi") -> pd.Series:
    if col not in projects.columns:
        return pd.Series(np.nan, index=projects.index, dtype="float64")
    return pd.to_numeric(projects[col], errors="coerce").astype("float64")


def filter_projects(
    projects: gpd.GeoDataFrame,
    *,
    clusters: Iterable[str] | None = None,
    chains: Iterable[str] | None = None,
    stages: Iterable[str] | None = None,
    counties: Iterable[str] | None = None,
    investment_min: float | None = None,
    investment_max: float | None = None,
    layers: LayerSet | None = None,
) -> gpd.GeoDataFrame:
    """Keep the projects that match every given criterion.

    This function is vectorised: each criterion is one boolean mask.

    Parameters
    ----------
    projects
        The project layer (columns ``cluster``, ``chain``, ``stage``,
        ``investment_yi``, ``county`` where available).
    clusters, chains, stages
        Allowed values of the column of that name, or None for no filter.
        ``"未注明"`` matches rows where the column is empty or absent. A single
        string is taken as one value.
    counties
        Allowed county names (e.g. ``["华龙区", "濮阳县"]``), or None. A row's
        county follows the one rule of :mod:`geoapp.layers.places`; ``"未注明"``
        matches rows whose county is unknown.
    investment_min, investment_max
        Inclusive bounds of ``investment_yi`` (亿元). Rows whose investment is
        unknown (NaN) are kept only when neither bound is given.
    layers
        The bundle whose counties and zones place the rows; required when
        ``counties`` is given.

    Returns
    -------
    geopandas.GeoDataFrame
        A copy of the matching rows, in the input order and CRS.

    Raises
    ------
    ValueError
        If ``investment_min`` is greater than ``investment_max``, or
        ``counties`` is given without ``layers``.

    Examples
    --------
    >>> layers = LayerSet.shipped()  # doctest: +SKIP
    >>> filter_projects(layers["projects"], stages=["在建", "投产"], counties=["濮阳县"],
    ...                 layers=layers)  # doctest: +SKIP
    """
    if (
        investment_min is not None
        and investment_max is not None
        and float(investment_min) > float(investment_max)
    ):
        msg = (
            f"`investment_min` ({investment_min}) is greater than `investment_max` "
            f"({investment_max}); swap them or leave one as None."
        )
        raise ValueError(msg)
    mask = np.ones(len(projects), dtype=bool)
    for name, values in (("cluster", clusters), ("chain", chains), ("stage", stages)):
        allowed = _allowed(f"{name}s", values)
        if allowed is None:
            continue
        col = projects[name] if name in projects.columns else None
        mask &= labels(col, projects.index).isin([str(a) for a in allowed]).to_numpy()
    allowed_counties = _allowed("counties", counties)
    if allowed_counties is not None and len(projects):
        if layers is None:
            msg = "`counties` needs `layers` (the LayerSet whose counties place the projects)."
            raise ValueError(msg)
        county = county_labels(projects, layers)
        mask &= county.isin([str(a) for a in allowed_counties]).to_numpy()
    if investment_min is not None or investment_max is not None:
        inv = _investment(projects).to_numpy()
        keep = ~np.isnan(inv)
        if investment_min is not None:
            keep &= inv >= float(investment_min)
        if investment_max is not None:
            keep &= inv <= float(investment_max)
        mask &= keep
    return projects.loc[mask].copy()


def _summary(projects: pd.DataFrame, group: pd.Series, order: list[str], name: str) -> pd.DataFrame:
    inv = _investment(projects)
    frame = pd.DataFrame({name: group, "inv": inv, "known": inv.notna()})
    agg = frame.groupby(name, sort=False).agg(
        count=("inv", "size"),
        investment_yi=("inv", "sum"),  # NaN-safe: unknown amounts count as nothing
        n_with_investment=("known", "sum"),
    )
    extra = sorted(set(agg.index) - set(order) - {UNSTATED})
    full = [*order, *extra, UNSTATED]
    out = agg.reindex(full).fillna({"count": 0, "investment_yi": 0.0, "n_with_investment": 0})
    out["count"] = out["count"].astype("int64")
    out["n_with_investment"] = out["n_with_investment"].astype("int64")
    out["investment_yi"] = out["investment_yi"].astype("float64")
    return out.rename_axis(name).reset_index()


def pipeline_summary(projects: pd.DataFrame) -> pd.DataFrame:
    """Count and investment of the projects by pipeline stage.

    Parameters
    ----------
    projects
        The project layer (columns ``stage`` and ``investment_yi``).

    Returns
    -------
    pandas.DataFrame
        One row per stage in pipeline order (谋划, 签约, 开工, 在建, 投产, then
        any other stated value, then ``"未注明"`` for an empty stage), every
        stage listed even when it has no project. Columns: ``stage``,
        ``count``, ``investment_yi`` (亿元; the sum of the known amounts, 0 when
        none is known) and ``n_with_investment`` (how many amounts are known).
    """
    col = projects["stage"] if "stage" in projects.columns else None
    return _summary(projects, labels(col, projects.index), list(STAGE), "stage")


def by_county_summary(projects: gpd.GeoDataFrame, *, layers: LayerSet) -> pd.DataFrame:
    """Count and investment of the projects by county.

    The county follows the one rule of :mod:`geoapp.layers.places` (as the filters
    and coverage do): stated value, else the stated zone's county, else a
    non-schematic position.

    Parameters
    ----------
    projects
        The project layer (columns ``investment_yi`` and optional ``county``,
        ``zone``, ``location_quality``).
    layers
        The bundle whose counties and zones place the projects.

    Returns
    -------
    pandas.DataFrame
        One row per county of 濮阳市 in adcode order, then any other stated
        value, then ``"未注明"``. Columns: ``county``, ``count``,
        ``investment_yi`` (亿元, sum of the known amounts) and
        ``n_with_investment``.
    """
    county = county_labels(projects, layers) if len(projects) else labels(None, projects.index)
    return _summary(projects, county, list(COUNTY_ADCODES.values()), "county")
