"""The project pipeline against the city's targets: roll-ups, the 三个一批 funnel, target shares.

The city tracks its industrial projects by stage ("三个一批": 签约 → 开工 → 投产,
seed 001 L233) and sets targets for 2024 — 158 manufacturing projects of at
least 1 亿元 with at least 600 亿元 of investment, split 51 新材料 / 11 新能源装备制造
/ 26 高端装备 / 44 for the other three clusters (seed 002 L356 = seed 003 L73) —
and for 2026 — 560 亿元 of 到位资金 (seed 004 L10-12). The targets are read from
``data/seed_tables/targets.csv``, each with its verbatim quote.

Every function takes the layers as an argument (a mapping from catalog layer
names to GeoDataFrames, such as ``geoapp.layers.LayerSet`` or a plain dict with
``projects``, ``counties`` and ``zones``) and loads nothing itself.

A project's county and zone are decided by ONE rule, :func:`project_places`,
which is :func:`geoapp.layers.places.place` (the one rule of geoapp): the
stated ``county`` / ``zone`` where the seeds give them, the county of the stated
zone next, the position only where it is not schematic.

What the project table cannot tell is said, not guessed: most rows state no
investment, the table is not the city's list of 2024 projects, and it holds no
到位资金 (funds actually arrived) at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import geopandas as gpd
import numpy as np
import pandas as pd

from geoapp.layers import as_layerset, place
from geoapp.projects.filters import UNSTATED, labels
from geoapp.settings import COUNTY_ADCODES, DATA_DIR
from geoapp.vocab import CLUSTERS, STAGES, chains_table

__all__ = [
    "GROUPINGS",
    "INVESTMENT_CLASSES",
    "ROLLUP_COLUMNS",
    "against_targets",
    "by_investment_class",
    "funnel",
    "project_places",
    "rollup",
    "targets_table",
]

TARGETS_CSV = DATA_DIR / "seed_tables" / "targets.csv"
#: Columns a roll-up returns besides the group column.
ROLLUP_COLUMNS: tuple[str, ...] = ("count", "investment_yi", "n_with_investment", "n_ge_1yi")
#: What a roll-up can group by.
GROUPINGS: tuple[str, ...] = ("stage", "cluster", "chain", "county", "zone")
#: Investment classes (亿元) the documents count projects by, with where they do so.
#: 30 亿元 appears in the seeds only as a revenue class (营收超30亿元企业, 003 L73); it is
#: offered as a filter threshold, not cited as a project class.
INVESTMENT_CLASSES: Mapping[float, str] = {
    1.0: "seeds/002_df2e7f16f3d346ad.txt:L356 (158个亿元以上制造业项目)",
    10.0: "seeds/001_f301c2fa1a9b6d00.txt:L233 (10亿元以上项目); L371",
    30.0: "",
    50.0: "seeds/001_f301c2fa1a9b6d00.txt:L383 (50亿元以上制造业项目)",
    100.0: "seeds/001_f301c2fa1a9b6d00.txt:L527 (投资百亿元以上的项目)",
}
#: Stages in the order a project passes them.
FUNNEL_STAGES: tuple[str, ...] = STAGES


def _require(layers: Mapping[str, gpd.GeoDataFrame], *names: str) -> None:
    missing = [n for n in names if n not in layers or layers[n] is None]
    if missing:
        msg = (
            f"`layers` lacks {missing}; it has {sorted(layers)}. Pass a mapping with the "
            "catalog layers, e.g. geoapp.layers.LayerSet.shipped() or "
            "{'projects': gdf, 'counties': gdf, 'zones': gdf}."
        )
        raise KeyError(msg)


def _investment(projects: pd.DataFrame) -> pd.Series:
    if "investment_yi" not in projects.columns:
        return pd.Series(np.nan, index=projects.index, dtype="float64")
    return pd.to_numeric(projects["investment_yi"], errors="coerce").astype("float64")


def _labels(values: pd.Series | None, index: pd.Index) -> pd.Series:
    """:func:`geoapp.projects.filters.labels` computed on the distinct values only (same result).

    ``filters.labels`` runs string methods over every row; with a few dozen
    distinct stages, chains or zones, cleaning the distinct values and taking
    them by code is the same answer at a fraction of the cost for large layers.
    """
    if values is None:
        return pd.Series(UNSTATED, index=index, dtype=object)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    cleaned = labels(pd.Series(np.asarray(uniques, dtype=object)), pd.RangeIndex(len(uniques)))
    table = np.append(cleaned.to_numpy(dtype=object), UNSTATED)
    return pd.Series(table[codes], index=index, dtype=object)


def project_places(layers: Mapping[str, gpd.GeoDataFrame]) -> pd.DataFrame:
    """Each project with its county and zone decided by the one rule of geoapp.

    Parameters
    ----------
    layers
        Mapping with ``projects``, ``counties`` and ``zones``.

    Returns
    -------
    pandas.DataFrame
        Aligned with ``layers["projects"]``: ``id``, ``name``, ``cluster``,
        ``chain``, ``stage`` (empty values as ``"未注明"``), ``investment_yi``
        (float, NaN when unknown), ``county``, ``zone`` (``"未注明"`` when
        neither stated nor locatable) and ``county_by`` / ``zone_by`` (how
        each was found: see :func:`geoapp.geo.spatial.locate`).
    """
    _require(layers, "projects", "counties", "zones")
    p = layers["projects"]
    where = place(p, as_layerset(layers))
    idx = p.index
    out = pd.DataFrame(
        {
            "id": p["id"].astype(str) if "id" in p.columns else pd.Series(idx.astype(str), idx),
            "name": _labels(p.get("name"), idx),
            "cluster": _labels(p.get("cluster"), idx),
            "chain": _labels(p.get("chain"), idx),
            "stage": _labels(p.get("stage"), idx),
            "investment_yi": _investment(p),
            "county": _labels(where["county"], idx),
            "zone": _labels(where["zone"], idx),
            "county_by": where["county_by"],
            "zone_by": where["zone_by"],
        },
        index=idx,
    )
    return out


def _order(by: str, layers: Mapping[str, gpd.GeoDataFrame]) -> list[str]:
    if by == "stage":
        return list(STAGES)
    if by == "cluster":
        return list(CLUSTERS)
    if by == "chain":
        return list(chains_table()["chain"])
    if by == "county":
        return list(COUNTY_ADCODES.values())
    return [str(n) for n in layers["zones"]["name"]]


def rollup(layers: Mapping[str, gpd.GeoDataFrame], by: str) -> pd.DataFrame:
    """Count and investment of the projects per stage, cluster, chain, county or zone.

    Vectorised: one ``groupby``.

    Parameters
    ----------
    layers
        Mapping with ``projects``, ``counties`` and ``zones``.
    by
        One of :data:`GROUPINGS`. County and zone come from
        :func:`project_places`.

    Returns
    -------
    pandas.DataFrame
        One row per value in its natural order (pipeline order, the six
        clusters, the chain taxonomy, the counties by adcode, the zone layer's
        order), every value listed even with no project, then values not in
        that order, then ``"未注明"``. Columns: ``by``, ``count``,
        ``investment_yi`` (sum of the known amounts, 亿元), ``n_with_investment``
        and ``n_ge_1yi`` (projects with a known amount of at least 1 亿元).

    Raises
    ------
    ValueError
        If ``by`` is not one of :data:`GROUPINGS`.
    """
    if by not in GROUPINGS:
        msg = f"`by` must be one of {GROUPINGS}, got {by!r}."
        raise ValueError(msg)
    places = project_places(layers)
    inv = places["investment_yi"]
    frame = pd.DataFrame({by: places[by], "inv": inv, "known": inv.notna(), "ge1": inv.ge(1.0)})
    agg = frame.groupby(by, sort=False).agg(
        count=("inv", "size"),
        investment_yi=("inv", "sum"),
        n_with_investment=("known", "sum"),
        n_ge_1yi=("ge1", "sum"),
    )
    order = _order(by, layers)
    extra = sorted(set(agg.index) - set(order) - {UNSTATED})
    out = agg.reindex([*order, *extra, UNSTATED]).fillna(0)
    for col in ("count", "n_with_investment", "n_ge_1yi"):
        out[col] = out[col].astype("int64")
    out["investment_yi"] = out["investment_yi"].astype("float64")
    return out.rename_axis(by).reset_index()


def funnel(layers: Mapping[str, gpd.GeoDataFrame]) -> pd.DataFrame:
    """The 三个一批 funnel: projects at each stage and at that stage or beyond.

    Parameters
    ----------
    layers
        Mapping with ``projects``, ``counties`` and ``zones``.

    Returns
    -------
    pandas.DataFrame
        One row per stage of :data:`geoapp.vocab.STAGES` (谋划 … 投产), then
        ``"未注明"``: ``stage``, ``count``, ``investment_yi``,
        ``n_with_investment``, ``n_ge_1yi`` and ``reached`` (projects at this
        stage or a later one; empty for ``"未注明"``).
    """
    out = rollup(layers, "stage")
    out = out[out["stage"].isin([*FUNNEL_STAGES, UNSTATED])].reset_index(drop=True)
    staged = out["stage"].isin(FUNNEL_STAGES)
    counts = out["count"].where(staged, 0).to_numpy()
    reached = np.cumsum(counts[::-1])[::-1].astype("float64")
    out["reached"] = pd.Series(reached).where(staged.to_numpy(), np.nan)
    return out


@cache
def _targets_cached() -> pd.DataFrame:
    df = pd.read_csv(TARGETS_CSV, dtype=str, keep_default_na=False).replace({"": None})
    df["value"] = pd.to_numeric(df["value"])
    df["year"] = pd.to_numeric(df["year"]).astype("int64")
    return df


def targets_table() -> pd.DataFrame:
    """The cited targets (``data/seed_tables/targets.csv``), a copy.

    Returns
    -------
    pandas.DataFrame
        Columns ``id, scope, cluster, metric, value, unit, year, measurable,
        source, quote, note``.
    """
    return _targets_cached().copy()


#: What the project table cannot tell, per target metric.
CANNOT_TELL: Mapping[str, str] = {
    "projects_ge_1yi": (
        "只计投资额已注明且≥1亿元的项目；多数项目未注明投资额，且表中项目并非2024年实施清单。"
    ),
    "investment_yi": ("表中为项目总投资（已注明者），不是当年完成投资；多数项目未注明投资额。"),
    "funds_in_place_yi": "项目表不含到位资金，无法计算。",
    "manufacturing_investment_yi": "项目表不含年度制造业投资，无法计算。",
    "signed_projects_ge_1yi": "项目表无2024年签约日期，投资额多未注明，无法计算。",
}


def against_targets(
    layers: Mapping[str, gpd.GeoDataFrame], targets: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Each cited target with what the project table reaches of it.

    A project counts towards a ``projects_ge_1yi`` target when it belongs to
    one of the target's clusters (city targets: any of the six) and its known
    investment is at least 1 亿元; the ``investment_yi`` target sums the known
    amounts of those projects. Targets the table cannot measure
    (``measurable == "no"``: 到位资金, annual investment, signings) get no
    current value.

    Parameters
    ----------
    layers
        Mapping with ``projects``, ``counties`` and ``zones``.
    targets
        The targets; default :func:`targets_table`.

    Returns
    -------
    pandas.DataFrame
        The target columns plus ``n_projects`` (projects of those clusters in
        the table, any amount), ``n_unknown_investment``, ``current`` (count
        or 亿元; NaN when not measurable), ``share`` (``current / value``;
        NaN when not measurable) and ``cannot_tell`` (what the table cannot
        say about this target, in Chinese).
    """
    t = targets_table() if targets is None else targets.copy()
    places = project_places(layers)
    inv = places["investment_yi"].to_numpy()
    clusters = places["cluster"].to_numpy()
    n_proj, n_unknown, current = [], [], []
    for scope, cl, metric, measurable in zip(
        t["scope"], t["cluster"], t["metric"], t["measurable"], strict=True
    ):  # one pass per target row (9 rows), vectorised over projects
        wanted = list(CLUSTERS) if scope == "city" or not cl else str(cl).split(";")
        mine = np.isin(clusters, wanted)
        n_proj.append(int(mine.sum()))
        n_unknown.append(int((mine & np.isnan(inv)).sum()))
        ge1 = mine & (np.nan_to_num(inv, nan=0.0) >= 1.0)
        if measurable == "no":
            current.append(np.nan)
        elif metric == "projects_ge_1yi":
            current.append(float(ge1.sum()))
        elif metric == "investment_yi":
            current.append(float(inv[ge1].sum()))
        else:
            current.append(np.nan)
    t["n_projects"] = n_proj
    t["n_unknown_investment"] = n_unknown
    t["current"] = pd.Series(current, index=t.index, dtype="float64")
    t["share"] = t["current"] / t["value"].astype("float64")
    t["cannot_tell"] = t["metric"].map(CANNOT_TELL).fillna("")
    return t


def by_investment_class(projects: pd.DataFrame, min_yi: float | None) -> pd.DataFrame:
    """The projects whose known investment is at least ``min_yi`` 亿元 (all when None).

    Parameters
    ----------
    projects
        The project layer (or :func:`project_places`).
    min_yi
        Threshold in 亿元, e.g. a key of :data:`INVESTMENT_CLASSES`, or None.

    Returns
    -------
    pandas.DataFrame
        A copy of the matching rows (same type as the input); with a
        threshold, rows of unknown investment are dropped.
    """
    if min_yi is None:
        return projects.copy()
    inv = _investment(projects)
    return projects.loc[inv.ge(float(min_yi)).to_numpy()].copy()
