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

from geoapp.settings import COUNTY_ADCODES, STAGES

#: Label of an empty attribute (stage, chain, county, …) in filters and tables.
UNSTATED = "未注明"

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
    county_layer: gpd.GeoDataFrame | None = None,
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
        county is its ``county`` attribute where filled, else the county its
        position falls in (:func:`geoapp.spatial.locate` with
        ``prefer_attributes=True``); ``"未注明"`` matches rows with neither.
    investment_min, investment_max
        Inclusive bounds of ``investment_yi`` (亿元). Rows whose investment is
        unknown (NaN) are kept only when neither bound is given.
    county_layer
        Counties used to locate rows without a ``county`` attribute (default:
        the shipped ``counties`` layer; loaded only when ``counties`` is given).

    Returns
    -------
    geopandas.GeoDataFrame
        A copy of the matching rows, in the input order and CRS.

    Raises
    ------
    ValueError
        If ``investment_min`` is greater than ``investment_max``.

    Examples
    --------
    >>> from geoapp.catalog import load_layer  # doctest: +SKIP
    >>> p = load_layer("projects")  # doctest: +SKIP
    >>> filter_projects(p, stages=["在建", "投产"], counties=["濮阳县"])  # doctest: +SKIP
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
        from geoapp.spatial import locate

        if county_layer is None:
            from geoapp.catalog import load_layer

            county_layer = load_layer("counties")
        where = locate(projects, county_layer, prefer_attributes=True)
        county = labels(where["county"], projects.index)
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
    return _summary(projects, labels(col, projects.index), list(STAGES), "stage")


def by_county_summary(projects: pd.DataFrame) -> pd.DataFrame:
    """Count and investment of the projects by their stated county.

    The county is the ``county`` attribute only: the sample layers' positions
    are schematic, so a position is not evidence of the county.

    Parameters
    ----------
    projects
        The project layer (columns ``county`` and ``investment_yi``).

    Returns
    -------
    pandas.DataFrame
        One row per county of 濮阳市 in adcode order, then any other stated
        value, then ``"未注明"``. Columns: ``county``, ``count``,
        ``investment_yi`` (亿元, sum of the known amounts) and
        ``n_with_investment``.
    """
    col = projects["county"] if "county" in projects.columns else None
    return _summary(projects, labels(col, projects.index), list(COUNTY_ADCODES.values()), "county")
