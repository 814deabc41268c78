"""The chain taxonomy against the seed tables, read here independently with the csv module."""

from __future__ import annotations

import csv
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from geoapp.settings import DATA_DIR
from geoapp.vocab import chains

TABLES = DATA_DIR / "seed_tables"


def _rows(name: str) -> list[dict[str, str]]:
    with (TABLES / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def csv_chains():
    return _rows("chains")


def test_six_clusters(csv_chains):
    assert len(chains.CLUSTERS) == 6
    assert set(chains.cluster_names()) == {r["cluster"] for r in csv_chains}
    assert set(chains.chains_table()["cluster"]) == set(chains.CLUSTERS)


def test_chains_per_cluster_equal_the_csv(csv_chains):
    expected = Counter(r["cluster"] for r in csv_chains)
    got = chains.chains_table().groupby("cluster").size().to_dict()
    assert got == dict(expected)
    assert chains.chain_names() == tuple(r["chain"] for r in csv_chains)
    assert len(set(chains.chain_names())) == len(csv_chains)  # no duplicates


def test_chemical_flag_follows_the_csv(csv_chains):
    table = chains.chains_table().set_index("chain")["chemical"]
    for r in csv_chains:
        value = table[r["chain"]]
        if r["chemical"] == "":
            assert pd.isna(value), r["chain"]
        else:
            assert bool(value) is (r["chemical"] == "true"), r["chain"]


@pytest.mark.parametrize(
    ("chain", "expected"),
    [
        ("聚碳新材料", True),
        ("绿色涂料", True),
        ("高端精细化工及电子化学品", True),
        ("高端聚烯烃", True),
        ("人工智能", False),
        ("预制菜", False),
        ("光伏及风电", False),
        ("无机非金属材料", False),  # left undecided in the seeds: not chemical
        ("氢能", False),  # undecided as well
    ],
)
def test_is_chemical_known_chains(chain, expected):
    assert chains.is_chemical([chain]).tolist() == [expected]


@pytest.mark.parametrize(
    ("chain", "expected"),
    [
        ("某某化工新材料", True),
        ("精细化学品", True),
        ("水性涂料助剂", True),
        ("农药中间体", True),
        ("羽绒服装", False),
        ("物流", False),
        ("", False),
        (None, False),
    ],
)
def test_is_chemical_free_text_by_keyword(chain, expected):
    assert chains.is_chemical([chain]).tolist() == [expected]


def test_is_chemical_is_vectorised_and_aligned():
    values = pd.Series(["绿色涂料", None, "人工智能", "化工"] * 1000)
    got = chains.is_chemical(values)
    assert got.dtype == bool and got.shape == (4000,)
    assert got[:4].tolist() == [True, False, False, True]
    assert got.sum() == 2000


def test_gaps_counts_named_and_weak_chains_against_the_stated_20(csv_chains):
    gaps = chains.gaps().set_index("cluster")
    assert len(gaps) == 7
    assert list(gaps.index[:6]) == list(chains.CLUSTERS)
    named = Counter(r["cluster"] for r in csv_chains if r["status"] == "named")
    weak = Counter(r["cluster"] for r in csv_chains if r["status"] == "weak")
    for cluster in chains.CLUSTERS:
        assert gaps.loc[cluster, "named"] == named.get(cluster, 0)
        assert gaps.loc[cluster, "weak"] == weak.get(cluster, 0)
    # seeds 002/003 name 16 chains (新材料 6, 新能源装备制造 2, 高端装备 4, 新一代信息技术 4),
    # seed 001 the 4 food chains; 现代轻纺 has only weak candidates.
    assert gaps.loc["新一代信息技术", "named"] == 4 and gaps.loc["绿色食品", "named"] == 4
    assert gaps.loc["现代轻纺", "named"] == 0 and gaps.loc["现代轻纺", "weak"] == 3
    unnamed = gaps.loc[gaps.index[-1]]
    assert gaps.index[-1].startswith("未列出")
    assert unnamed["named"] == chains.CHAIN_COUNT_STATED - sum(named.values())


def test_cluster_of_maps_known_chains_only():
    got = chains.cluster_of(pd.Series(["氢能", "预制菜", "不存在的链"]))
    assert got.iloc[0] == "新能源装备制造"
    assert got.iloc[1] == "绿色食品"
    assert pd.isna(got.iloc[2])


def test_zone_chains_match_the_csv_and_the_taxonomy():
    rows = _rows("zone_chains")
    table = chains.zone_chains()
    assert len(table) == len(rows)
    assert list(zip(table["zone"], table["chain"])) == [(r["zone"], r["chain"]) for r in rows]
    assert set(table["chain"]) <= set(chains.chain_names())
    assert np.all(table["source"].str.contains(r"seeds/\w+\.txt:L\d+", regex=True))
