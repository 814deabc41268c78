"""The industrial taxonomy: 6 clusters, their chains, which are chemical, which zones lead which.

The city names "6大产业集群和20条重点产业链" (seed 003 L73) but lists only some
chains; the taxonomy here is exactly what the seeds name, read from
``data/seed_tables/chains.csv`` and ``zone_chains.csv`` (each row cites its seed
line). The unnamed chains are reported by :func:`gaps`, never invented.

A chain counts as chemical when the table marks it so; a chain name the table
does not know (a user's free text) counts as chemical when it contains one of
:data:`CHEMICAL_KEYWORDS`.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from geoapp.settings import DATA_DIR
from geoapp.vocab import CLUSTER

TABLES = DATA_DIR / "seed_tables"
#: The six clusters (seed 003 L73; seed 002 §6).
CLUSTERS: tuple[str, ...] = tuple(CLUSTER)
#: The number of key chains the city counts (seed 003 L73).
CHAIN_COUNT_STATED = 20
#: Words that mark a free-text chain name as chemical industry.
CHEMICAL_KEYWORDS: tuple[str, ...] = ("化工", "化学", "涂料", "聚碳", "聚酯", "树脂", "助剂", "农药", "化肥")


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(TABLES / f"{name}.csv", dtype=str, keep_default_na=False).replace({"": None})


@cache
def chains_table() -> pd.DataFrame:
    """The chain taxonomy as the seeds give it.

    Returns
    -------
    pandas.DataFrame
        Columns ``cluster, chain, chemical`` (True / False / ``<NA>`` where the
        seeds do not settle it), ``source, note, status`` (``named`` / ``weak``).
    """
    df = _read("chains")
    df["chemical"] = df["chemical"].str.lower().map({"true": True, "false": False}).astype("boolean")
    return df


@cache
def zone_chains() -> pd.DataFrame:
    """Which zones lead which chains (columns ``zone, chain, source, quote``), cited."""
    return _read("zone_chains")


def chain_names() -> tuple[str, ...]:
    """Every chain the seeds name."""
    return tuple(chains_table()["chain"])


def cluster_names() -> tuple[str, ...]:
    """The six clusters."""
    return CLUSTERS


def cluster_of(chains: pd.Series) -> pd.Series:
    """Map chain names to their cluster (``None`` for an unknown chain)."""
    lookup = dict(zip(chains_table()["chain"], chains_table()["cluster"]))
    return chains.map(lookup)


def is_chemical(chains: pd.Series | np.ndarray | list) -> np.ndarray:
    """Whether each chain is chemical industry (vectorised).

    Parameters
    ----------
    chains
        Chain names; missing values count as not chemical.

    Returns
    -------
    numpy.ndarray of bool
    """
    s = pd.Series(chains, dtype="object")
    table = chains_table()
    known = dict(zip(table["chain"], table["chemical"].fillna(False).astype(bool)))
    flag = s.map(known)
    keyword = s.fillna("").astype(str).str.contains("|".join(CHEMICAL_KEYWORDS), regex=True)
    return flag.where(flag.notna(), keyword).fillna(False).astype(bool).to_numpy()


def gaps() -> pd.DataFrame:
    """How many chains the seeds name per cluster, against the 20 the city counts.

    A chain is ``named`` when a seed calls it a chain of that cluster, ``weak``
    when a seed only lists it near the cluster (现代轻纺's 现代家居, 纺织服装,
    羽绒及服饰 in seed 001 L311/L439). Seeds 002/003 name 16 chains and seed 001
    adds the 4 food chains — 20 — yet 现代轻纺 must hold at least one: the seeds
    use differing frameworks (seed 004 counts 9 clusters and 17 chains). The
    last row says how many of the stated 20 remain unaccounted for.

    Returns
    -------
    pandas.DataFrame
        One row per cluster: ``cluster, named, weak, chains``; the last row
        ``未列出 (unnamed)`` counts the stated chains no seed names.
    """
    t = chains_table()
    rows = []
    for c in CLUSTERS:
        mine = t[t["cluster"] == c]
        rows.append(
            {
                "cluster": c,
                "named": int((mine["status"] == "named").sum()),
                "weak": int((mine["status"] == "weak").sum()),
                "chains": "、".join(mine["chain"]),
            }
        )
    named = int((t["status"] == "named").sum())
    rows.append(
        {"cluster": "未列出 (unnamed)", "named": max(CHAIN_COUNT_STATED - named, 0), "weak": 0,
         "chains": ""}
    )
    return pd.DataFrame(rows)
