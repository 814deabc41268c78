"""The chain nodes table against the seeds, and the chain map functions against the table."""

from __future__ import annotations

import csv
import re

import numpy as np
import pandas as pd
import pytest
import shapely

from geoapp.chainmap import (
    NODE_STATUSES,
    chain_nodes,
    gap_candidates,
    gaps_by_chain,
    gaps_by_zone,
    leading_zones,
    panorama,
    unassigned_projects,
    zone_containment,
)
from geoapp.geo import to_metric
from geoapp.layers import load_layer
from geoapp.settings import ROOT

TABLES = ROOT / "data" / "seed_tables"
DATA = ROOT / "data"
CITATION = re.compile(r"((?:seeds|reference)/[\w.]+\.(?:txt|csv)):L(\d+)(?:-(\d+))?")
NAMES = ("projects", "counties", "zones", "logistics_hubs", "monitoring_stations", "yellow_river")


def read_csv(name: str) -> list[dict[str, str]]:
    with open(TABLES / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def cited_text(ref: str) -> str:
    """The cited lines, joined, without whitespace (typesetting spaces are dropped)."""
    m = CITATION.fullmatch(ref.strip())
    assert m, ref
    lines = (DATA / m.group(1)).read_text(encoding="utf-8").splitlines()
    a, b = int(m.group(2)), int(m.group(3) or m.group(2))
    assert 1 <= a <= b <= len(lines), ref
    return re.sub(r"\s+", "", "".join(lines[a - 1 : b]))


@pytest.fixture(scope="module")
def layers():
    return {n: load_layer(n) for n in NAMES}


# --------------------------------------------------------------------------- the table


def test_every_node_row_is_cited_and_names_its_node_firms_and_projects():
    rows = read_csv("chain_nodes")
    project_ids = {r["id"] for r in read_csv("projects")}
    assert len(rows) >= 150
    for r in rows:
        refs = r["source"].split(";")
        texts = [cited_text(x) for x in refs]
        assert r["node"].replace(" ", "") in texts[0], (r["chain"], r["node"], refs[0])
        joined = "".join(texts)
        for col in ("firms", "to_attract"):
            for firm in filter(None, r[col].split("；")):
                assert firm in joined, (r["chain"], r["node"], col, firm)
        for pid in filter(None, r["projects"].split(";")):
            assert pid in project_ids, (r["node"], pid)
        assert r["status"] in NODE_STATUSES


def test_every_chain_of_the_taxonomy_has_nodes_or_says_it_is_not_broken_down():
    chains = {(r["cluster"], r["chain"]) for r in read_csv("chains")}
    rows = read_csv("chain_nodes")
    assert {(r["cluster"], r["chain"]) for r in rows} == chains
    by_chain: dict[str, set[str]] = {}
    for r in rows:
        by_chain.setdefault(r["chain"], set()).add(r["status"])
    for chain, statuses in by_chain.items():
        if "not_broken_down" in statuses:
            assert statuses == {"not_broken_down"}, chain
            assert sum(r["chain"] == chain for r in rows) == 1
    assert by_chain["节能环保装备"] == {"not_broken_down"}


def test_the_gaps_the_issue_names_are_gaps_in_the_table():
    gaps = {(r["chain"], r["node"]) for r in read_csv("chain_nodes") if r["status"] == "gap"}
    expected = {
        ("聚碳新材料", "双酚A"), ("聚碳新材料", "碳酸二甲酯"), ("聚碳新材料", "环氧丙烷"),
        ("绿色涂料", "环氧氯丙烷"), ("光伏及风电", "轮毂"), ("光伏及风电", "轴承"),
        ("光伏及风电", "齿轮箱"), ("氢能", "膜电极"), ("氢能", "催化剂"), ("氢能", "质子交换膜"),
        ("氢能", "碳纸"), ("氢能", "空压机"),
    }  # fmt: skip
    assert expected <= gaps
    # MDI is named as a target (002 L563), not in the list of missing nodes (002 L551)
    mdi = [r for r in read_csv("chain_nodes") if r["node"] == "MDI"]
    assert [r["status"] for r in mdi] == ["target"]


def test_targets_quote_their_source_and_hold_the_stated_values():
    rows = read_csv("targets")
    assert {r["id"] for r in rows} >= {"T01", "T02", "T03", "T04", "T05", "T06", "T07"}
    for r in rows:
        first = r["source"].split(";")[0]
        assert r["quote"] in cited_text(first), r["id"]
        assert r["value"] in r["quote"], r["id"]
    split = {r["cluster"]: int(r["value"]) for r in rows if r["scope"] == "cluster"}
    assert split == {
        "新材料": 51,
        "新能源装备制造": 11,
        "高端装备": 26,
        "新一代信息技术;绿色食品;现代轻纺": 44,
    }
    t07 = next(r for r in rows if r["id"] == "T07")
    assert (t07["value"], t07["year"], t07["measurable"]) == ("560", "2026", "no")


def test_stage_and_cluster_rules_of_the_data_readme():
    rows = read_csv("projects")
    for r in rows:
        if "建设了" in r["stage_text"]:
            pilot = "中试" in r["name"]
            assert r["stage"] == ("" if pilot else "投产"), r["id"]
    by_id = {r["id"]: r for r in rows}
    for pid in ("P074", "P075", "P076"):  # wind farms: energy infrastructure
        assert by_id[pid]["cluster"] == "" and by_id[pid]["chain"] == "", pid
    # the one exception: the refuelling station is a link of the hydrogen chain (002 L867)
    assert by_id["P047"]["chain"] == "氢能"
    link = [r for r in read_csv("chain_nodes") if r["node"] == "氢气加注"]
    assert link and "P047" in link[0]["projects"]
    assert by_id["P115"]["investment_yi"] == "1" and by_id["P116"]["investment_yi"] == "2.4"


# --------------------------------------------------------------------------- functions


def test_panorama_matches_the_cited_table(layers):
    rows = [r for r in read_csv("chain_nodes") if r["chain"] == "聚碳新材料"]
    pan = panorama("聚碳新材料", layers)
    assert list(pan["node"]) == [r["node"] for r in rows]
    assert list(pan["status"]) == [r["status"] for r in rows]
    assert list(pan["source"]) == [r["source"] for r in rows]
    proj = load_layer("projects").set_index("id")
    for r, (_, p) in zip(rows, pan.iterrows(), strict=True):
        ids = [i for i in r["projects"].split(";") if i]
        assert p["n_projects"] == len(ids)
        stages = {
            proj.loc[i, "stage"] if isinstance(proj.loc[i, "stage"], str) else "未注明" for i in ids
        }
        assert set(filter(None, p["stages"].split("；"))) == stages
        names = set(filter(None, p["project_names"].split("；")))
        assert names == {proj.loc[i, "name"] for i in ids}


def test_gaps_by_chain_are_the_gap_rows():
    rows = read_csv("chain_nodes")
    g = gaps_by_chain()
    assert sorted(zip(g["chain"], g["node"], strict=True)) == sorted(
        (r["chain"], r["node"]) for r in rows if r["status"] == "gap"
    )
    assert set(gaps_by_chain("氢能")["node"]) == {
        "膜电极",
        "催化剂",
        "质子交换膜",
        "碳纸",
        "空压机",
    }


def _brute_force_gap_zones(zones_gdf) -> set[tuple[str, str, str]]:
    """(zone, chain, node) without a project there, from the CSVs and shapely, no geoapp lookups."""
    rows = [r for r in read_csv("chain_nodes") if r["status"] != "not_broken_down"]
    projects = {r["id"]: r for r in read_csv("projects")}
    zones = {r["name"]: r for r in read_csv("zones")}
    zm = to_metric(zones_gdf).set_index("name").geometry

    def holds(outer: str, inner: str) -> bool:
        if outer == inner:
            return True
        p = zones.get(inner, {}).get("parent", "")
        while p:
            if p == outer:
                return True
            p = zones.get(p, {}).get("parent", "")
        return bool(zm[outer].covers(zm[inner]))

    out = set()
    for zc in read_csv("zone_chains"):
        for r in rows:
            if r["chain"] != zc["chain"]:
                continue
            ids = [i for i in r["projects"].split(";") if i]
            where = [projects[i]["zone"] for i in ids if projects[i]["zone"]]
            if not any(holds(zc["zone"], w) for w in where):
                out.add((zc["zone"], r["chain"], r["node"]))
    return out


def test_gaps_by_zone_match_a_brute_force_over_the_tables(layers):
    got = gaps_by_zone(layers)
    assert set(zip(got["zone"], got["chain"], got["node"], strict=True)) == _brute_force_gap_zones(
        layers["zones"]
    )
    # the chemical base has the 蓝氢 node filled (原料气合成公用工程, zone stated), the 高新区 not
    h = gaps_by_zone(layers, "氢能")
    assert "蓝氢" not in set(h.loc[h["zone"] == "濮阳新型化工基地", "node"])
    assert "蓝氢" in set(h.loc[h["zone"] == "濮阳高新技术产业开发区", "node"])


def test_zone_containment_includes_parents_and_the_stated_overlap(layers):
    c = zone_containment(layers["zones"])
    pairs = set(zip(c["outer"], c["inner"], strict=True))
    assert ("濮阳新型化工基地", "聚碳新材料科技园") in pairs
    assert ("工业园区", "绿色涂料产业园") in pairs
    assert ("绿色涂料产业园", "工业园区") not in pairs


def test_leading_zones_are_those_of_zone_chains(layers):
    expected = {r["zone"] for r in read_csv("zone_chains") if r["chain"] == "氢能"}
    assert set(leading_zones("氢能", layers)["name"]) == expected


def test_unassigned_projects_are_the_chain_projects_no_node_names(layers):
    rows = [r for r in read_csv("chain_nodes") if r["chain"] == "聚碳新材料"]
    named = {i for r in rows for i in r["projects"].split(";") if i}
    expected = {r["id"] for r in read_csv("projects") if r["chain"] == "聚碳新材料"} - named
    assert set(unassigned_projects("聚碳新材料", layers)["id"]) == expected


def test_gap_candidates_rank_zones_by_an_independent_siting_run(layers):
    from geoapp.layers import LayerSet
    from geoapp.siting import VERDICTS, evaluate_sites

    res = gap_candidates("聚碳新材料", layers)
    zones = layers["zones"]
    assert sorted(res["name"]) == sorted(zones["name"])
    pts = to_metric(zones.geometry).representative_point().to_crs(4326)
    import geopandas as gpd

    cands = gpd.GeoDataFrame(
        {"name": zones["name"], "chain": "聚碳新材料"}, geometry=pts.values, crs=4326
    )
    direct = evaluate_sites(
        cands,
        layers=LayerSet(dict(layers)),
    ).set_index("name")  # fmt: skip
    got = res.set_index("name")
    assert np.allclose(got["score"], direct.loc[got.index, "score"])
    assert (got["verdict"] == direct.loc[got.index, "verdict"]).all()
    # each point lies in its own zone (or a park inside it)
    inside = [
        shapely.intersects(g, p)
        for g, p in zip(to_metric(zones.geometry), to_metric(pts), strict=True)
    ]
    assert all(inside)
    key = pd.DataFrame(
        {"v": res["verdict"].map({v: i for i, v in enumerate(VERDICTS)}), "s": -res["score"]}
    )
    assert key.apply(tuple, axis=1).is_monotonic_increasing
    assert list(res["rank"]) == list(range(1, len(res) + 1))
    lead = {r["zone"] for r in read_csv("zone_chains") if r["chain"] == "聚碳新材料"}
    assert set(res.loc[res["leads_chain"], "name"]) == lead


def test_unknown_chain_is_a_clear_error():
    with pytest.raises(KeyError, match="not in chain_nodes.csv"):
        chain_nodes("不存在的链")
