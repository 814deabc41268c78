"""The chain map (产业链招商图谱): nodes of each chain, their gaps, and where to fill them.

The city's documents ask for "从地毯式招商到地图式招商" with "两图一表" (产业链全景图、
招商图、目标表) and filling chain gaps "缺什么补什么：补齐空白节点、引进关键环节"
(seed 002 L360). The nodes of each chain are read from
``data/seed_tables/chain_nodes.csv``: one row per product or link as the seeds
name it, with a status (``present`` / ``gap`` / ``target`` / ``named``, or
``not_broken_down`` for a chain the seeds do not break into nodes), the firms
and projects filling it and the seed line.

Functions here take the layers as an argument (a mapping from catalog layer
names to GeoDataFrames: ``projects``, ``counties``, ``zones`` and, for
:func:`gap_candidates`, ``logistics_hubs``, ``monitoring_stations`` and
``yellow_river``) and load no data themselves. A project's county and zone come
from :func:`geoapp.projects.pipeline.project_places` (the one rule of geoapp).

- :func:`panorama` — a chain's nodes with the projects, stages, zones and
  counties behind each;
- :func:`gaps_by_chain` — the nodes the seeds call missing;
- :func:`gaps_by_zone` — for each zone that leads a chain, the chain's nodes
  with no project in that zone (or in a park inside it);
- :func:`gap_candidates` — the zones ranked by the siting evaluation of a point
  inside each, for a chain.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geoapp.geo import to_metric
from geoapp.layers import as_layerset
from geoapp.projects import project_places
from geoapp.settings import DATA_DIR, STORAGE_CRS, SitingSettings
from geoapp.siting import VERDICTS, evaluate_sites

__all__ = [
    "NODE_STATUSES",
    "STATUS_COLORS",
    "chain_nodes",
    "gap_candidates",
    "gaps_by_chain",
    "gaps_by_zone",
    "leading_zones",
    "node_projects",
    "panorama",
    "unassigned_projects",
    "zone_containment",
]

NODES_CSV = DATA_DIR / "seed_tables" / "chain_nodes.csv"
#: Node statuses, in display order.
NODE_STATUSES: tuple[str, ...] = ("present", "gap", "target", "named", "not_broken_down")
#: Chinese labels of the statuses.
STATUS_ZH: Mapping[str, str] = {
    "present": "已有",
    "gap": "缺失",
    "target": "拟招引",
    "named": "仅列名",
    "not_broken_down": "资料未细分",
}
#: Colours of the statuses (diagram, map, report).
STATUS_COLORS: Mapping[str, str] = {
    "present": "#1a9850",
    "gap": "#d73027",
    "target": "#f08c2e",
    "named": "#9e9e9e",
    "not_broken_down": "#bdbdbd",
}


@cache
def _nodes_cached() -> pd.DataFrame:
    df = pd.read_csv(NODES_CSV, dtype=str, keep_default_na=False)
    bad = sorted(set(df["status"]) - set(NODE_STATUSES))
    if bad:
        msg = f"{NODES_CSV}: unknown status {bad}; use one of {NODE_STATUSES}."
        raise ValueError(msg)
    df.insert(0, "node_id", [f"N{i + 1:03d}" for i in range(len(df))])
    return df


def chain_nodes(chain: str | None = None) -> pd.DataFrame:
    """The nodes of every chain (or of one), as cited in ``chain_nodes.csv``.

    Parameters
    ----------
    chain
        A chain name, or None for all.

    Returns
    -------
    pandas.DataFrame
        Columns ``node_id`` (N001… in table order), ``cluster, chain, position,
        node, status, firms, to_attract, projects, source, note``; empty cells
        are ``""``.

    Raises
    ------
    KeyError
        If ``chain`` is not in the table.
    """
    df = _nodes_cached()
    if chain is None:
        return df.copy()
    if chain not in set(df["chain"]):
        msg = f"chain {chain!r} is not in {NODES_CSV.name}; known: {sorted(set(df['chain']))}."
        raise KeyError(msg)
    return df[df["chain"] == chain].reset_index(drop=True)


def node_projects(nodes: pd.DataFrame) -> pd.DataFrame:
    """One row per (node, project id) named in the ``projects`` column.

    Returns
    -------
    pandas.DataFrame
        Columns ``node_id, chain, node, project_id``.
    """
    ids = nodes["projects"].fillna("").astype(str).str.split(";")
    long = nodes[["node_id", "chain", "node"]].assign(project_id=ids).explode("project_id")
    long["project_id"] = long["project_id"].str.strip()
    return long[long["project_id"].fillna("") != ""].reset_index(drop=True)


def _join(values: pd.Series) -> str:
    return "；".join(dict.fromkeys(str(v) for v in values if isinstance(v, str) and v))


def panorama(
    chain: str,
    layers: Mapping[str, gpd.GeoDataFrame],
    *,
    places: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """A chain's nodes with the projects, stages, zones and counties behind each.

    Parameters
    ----------
    chain
        Chain name (as in ``chains.csv``).
    layers
        Mapping with ``projects``, ``counties`` and ``zones``.
    places
        :func:`geoapp.projects.pipeline.project_places` of ``layers``, when the caller
        has it already (computed here otherwise).

    Returns
    -------
    pandas.DataFrame
        The rows of :func:`chain_nodes` for the chain plus ``n_projects``
        (projects of the node found in the project layer), ``project_names``,
        ``stages``, ``zones``, ``counties`` (``；``-joined, distinct, in
        project order; ``"未注明"`` where the project's place is unstated).
    """
    nodes = chain_nodes(chain)
    places = (project_places(layers) if places is None else places).drop_duplicates("id")
    long = node_projects(nodes).merge(places, left_on="project_id", right_on="id", how="inner")
    agg = long.groupby("node_id", sort=False).agg(
        n_projects=("project_id", "size"),
        project_names=("name", _join),
        stages=("stage", _join),
        zones=("zone", _join),
        counties=("county", _join),
    )
    out = nodes.merge(agg, left_on="node_id", right_index=True, how="left")
    out["n_projects"] = out["n_projects"].fillna(0).astype("int64")
    for col in ("project_names", "stages", "zones", "counties"):
        out[col] = out[col].fillna("")
    return out


def unassigned_projects(chain: str, layers: Mapping[str, gpd.GeoDataFrame]) -> pd.DataFrame:
    """Projects of the chain (``chain`` column) that no node of the chain names.

    Returns
    -------
    pandas.DataFrame
        Rows of :func:`geoapp.projects.pipeline.project_places`.
    """
    places = project_places(layers)
    named = set(node_projects(chain_nodes(chain))["project_id"])
    mine = places["chain"].eq(chain) & ~places["id"].isin(named)
    return places[mine.to_numpy()].reset_index(drop=True)


def _split_chains(values: pd.Series) -> pd.Series:
    return values.fillna("").astype(str).str.split(r"[;；]")


def _lead_pairs(zones: pd.DataFrame) -> pd.DataFrame:
    """(zone, chain) pairs from the zone layer's ``leading_chains``."""
    if "leading_chains" not in zones.columns:
        return pd.DataFrame({"zone": [], "chain": []}, dtype=object)
    pairs = pd.DataFrame(
        {
            "zone": zones["name"].astype(str).to_numpy(),
            "chain": _split_chains(zones["leading_chains"]),
        }
    ).explode("chain")
    pairs["chain"] = pairs["chain"].str.strip()
    return pairs[pairs["chain"].fillna("") != ""].reset_index(drop=True)


def leading_zones(chain: str, layers: Mapping[str, gpd.GeoDataFrame]) -> gpd.GeoDataFrame:
    """The zones whose ``leading_chains`` name the chain (``zone_chains.csv``)."""
    zones = layers["zones"]
    lead = set(_lead_pairs(zones).query("chain == @chain")["zone"])
    return zones[zones["name"].astype(str).isin(lead).to_numpy()].copy()


def zone_containment(zones: gpd.GeoDataFrame) -> pd.DataFrame:
    """Which zone holds which: every (outer, inner) pair, each zone holding itself.

    A zone holds another when its ``parent`` chain leads there, or when its
    polygon covers the other's (工业园区 holds the chemical base's
    绿色涂料产业园, seed 002 L543).

    Returns
    -------
    pandas.DataFrame
        Columns ``outer, inner``.
    """
    names = zones["name"].astype(str).to_numpy()
    pairs = {(n, n) for n in names}
    if "parent" in zones.columns:
        parent = dict(zip(names, zones["parent"].where(zones["parent"].notna(), None), strict=True))
        for n in names:  # a handful of zones; parent chains are short
            seen, p = set(), parent.get(n)
            while isinstance(p, str) and p and p not in seen:
                pairs.add((p, n))
                seen.add(p)
                p = parent.get(p)
    geoms = np.asarray(to_metric(zones.geometry).array)
    valid = ~shapely.is_empty(geoms) & ~shapely.is_missing(geoms)
    if valid.any():
        tree = shapely.STRtree(geoms)
        inner, outer = tree.query(geoms, predicate="covered_by")
        pairs |= {
            (names[o], names[i]) for i, o in zip(inner, outer, strict=True) if valid[i] and valid[o]
        }
    return pd.DataFrame(sorted(pairs), columns=["outer", "inner"])


def gaps_by_chain(chain: str | None = None) -> pd.DataFrame:
    """The nodes the seeds call missing (status ``gap``), per chain.

    Returns
    -------
    pandas.DataFrame
        Rows of :func:`chain_nodes` with status ``gap``.
    """
    nodes = chain_nodes(chain)
    return nodes[nodes["status"] == "gap"].reset_index(drop=True)


def gaps_by_zone(
    layers: Mapping[str, gpd.GeoDataFrame],
    chain: str | None = None,
    *,
    places: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """For each zone leading a chain, the chain's nodes without a project in that zone.

    A node counts as filled in a zone when one of its projects (``projects``
    column of ``chain_nodes.csv``) is placed, by :func:`project_places`, in the
    zone or in a zone it holds (:func:`zone_containment`). Chains the seeds do
    not break down have no nodes and so no rows.

    Parameters
    ----------
    layers
        Mapping with ``projects``, ``counties`` and ``zones``.
    chain
        Only this chain; None for all.
    places
        :func:`geoapp.projects.pipeline.project_places` of ``layers``, if at hand.

    Returns
    -------
    pandas.DataFrame
        Columns ``zone, chain, position, node, node_status, node_id, source``:
        one row per (leading zone, node) with no project there, zones in layer
        order and nodes in table order.
    """
    zones = layers["zones"]
    nodes = chain_nodes(chain)
    nodes = nodes[nodes["status"] != "not_broken_down"]
    lead = _lead_pairs(zones)
    if chain is not None:
        lead = lead[lead["chain"] == chain]
    pairs = lead.merge(
        nodes[["node_id", "chain", "position", "node", "status", "source"]], on="chain"
    )
    if places is None:
        places = project_places(layers)
    places = places.drop_duplicates("id")[["id", "zone"]]
    filled = (
        node_projects(nodes)
        .merge(places, left_on="project_id", right_on="id")
        .merge(zone_containment(zones), left_on="zone", right_on="inner")[["outer", "node_id"]]
        .drop_duplicates()
        .rename(columns={"outer": "zone"})
    )
    marked = pairs.merge(filled.assign(_has=True), on=["zone", "node_id"], how="left")
    gaps = marked[marked["_has"].isna()].drop(columns="_has")
    zone_order = {n: i for i, n in enumerate(zones["name"].astype(str))}
    gaps = gaps.assign(_z=gaps["zone"].map(zone_order)).sort_values(["_z", "node_id"])
    out = gaps.rename(columns={"status": "node_status"})
    return out[
        ["zone", "chain", "position", "node", "node_status", "node_id", "source"]
    ].reset_index(drop=True)


def _evaluate(
    candidates: gpd.GeoDataFrame,
    layers: Mapping[str, gpd.GeoDataFrame],
    settings: SitingSettings | None,
) -> gpd.GeoDataFrame:
    """The one call of the siting engine in this module."""
    bundle = as_layerset(layers)
    if settings is None:
        return evaluate_sites(candidates, layers=bundle)
    return evaluate_sites(candidates, layers=bundle, settings=settings)


def gap_candidates(
    chain: str,
    layers: Mapping[str, gpd.GeoDataFrame],
    *,
    settings: SitingSettings | None = None,
) -> gpd.GeoDataFrame:
    """Every zone ranked by the siting evaluation of a point inside it, for a chain.

    The point is the zone's representative point (always inside the polygon;
    its centroid may not be). Ranked by verdict (recommended first, prohibited
    last), then by score, then by name.

    Parameters
    ----------
    chain
        The chain the node belongs to; it drives the chain match and the
        chemical rules of :func:`geoapp.siting.evaluate_sites`.
    layers
        Mapping with ``projects``, ``counties``, ``zones``, ``logistics_hubs``,
        ``monitoring_stations`` and ``yellow_river``.
    settings
        A :class:`geoapp.settings.SitingSettings`, or None for the defaults.

    Returns
    -------
    geopandas.GeoDataFrame
        The evaluation columns plus ``name`` (the zone), ``chain``,
        ``leads_chain`` (the zone's ``leading_chains`` name the chain) and
        ``rank`` (1 = best), in rank order, points in EPSG:4326.
    """
    zones = layers["zones"]
    pts = to_metric(zones.geometry).representative_point().to_crs(STORAGE_CRS)
    lead = set(_lead_pairs(zones).query("chain == @chain")["zone"])
    cands = gpd.GeoDataFrame(
        {
            "name": zones["name"].astype(str).to_numpy(),
            "chain": chain,
            "leads_chain": zones["name"].astype(str).isin(lead).to_numpy(),
        },
        geometry=pts.to_numpy(),
        crs=STORAGE_CRS,
    )
    res = _evaluate(cands, layers, settings)
    vrank = (
        res["verdict"].astype(str).map({v: i for i, v in enumerate(VERDICTS)}).fillna(len(VERDICTS))
    )
    res = res.assign(_v=vrank.to_numpy(), _s=-res["score"].astype("float64").to_numpy())
    res = res.sort_values(["_v", "_s", "name"], kind="stable").drop(columns=["_v", "_s"])
    res["rank"] = np.arange(1, len(res) + 1)
    return res.reset_index(drop=True)
