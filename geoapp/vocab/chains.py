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

import difflib
import re
from functools import cache

import numpy as np
import pandas as pd

from geoapp.settings import DATA_DIR
from geoapp.vocab.terms import CLUSTER

TABLES = DATA_DIR / "seed_tables"
#: The six clusters (seed 003 L73; seed 002 §6).
CLUSTERS: tuple[str, ...] = tuple(CLUSTER)
#: The number of key chains the city counts (seed 003 L73).
CHAIN_COUNT_STATED = 20
#: Words that mark a free-text chain name as chemical industry.
CHEMICAL_KEYWORDS: tuple[str, ...] = (
    "化工",
    "化学",
    "涂料",
    "聚碳",
    "聚酯",
    "树脂",
    "助剂",
    "农药",
    "化肥",
)


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
    df["chemical"] = (
        df["chemical"].str.lower().map({"true": True, "false": False}).astype("boolean")
    )
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
    lookup = dict(zip(chains_table()["chain"], chains_table()["cluster"], strict=True))
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
    known = dict(zip(table["chain"], table["chemical"].fillna(False).astype(bool), strict=True))
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
        {
            "cluster": "未列出 (unnamed)",
            "named": max(CHAIN_COUNT_STATED - named, 0),
            "weak": 0,
            "chains": "",
        }
    )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- normalisation

#: Traditional → simplified forms of the characters that occur in chain, cluster and
#: keyword names (and their common variants); applied with ``str.translate``.
TRADITIONAL_TO_SIMPLIFIED: dict[str, str] = dict(
    zip(
        "綠塗烴細電學無機屬風氫節環裝備動氣應數據區塊鏈術務飲預製閒閑農產現紡織絨飾樹劑藥輕業類態"
        "邊醫療儲絡軟體導彈網兩車輛鋼鐵鋁銅礦鹽脂",
        "绿涂烃细电学无机属风氢节环装备动气应数据区块链术务饮预制闲闲农产现纺织绒饰树剂药轻业类态"
        "边医疗储络软体导弹网两车辆钢铁铝铜矿盐脂",
        strict=True,
    )
)
#: Common aliases, replaced where they stand as a word (not inside a longer Latin word).
CHAIN_ALIASES: dict[str, str] = {"PC": "聚碳", "聚碳酸酯": "聚碳", "PO": "聚烯烃"}
_TRAD_TABLE = str.maketrans(TRADITIONAL_TO_SIMPLIFIED)
_ALIAS_RE = "|".join(
    rf"(?<![A-Za-z]){a}(?![A-Za-z])" if a.isascii() else a
    for a in sorted(CHAIN_ALIASES, key=len, reverse=True)
)


def normalise_chain(values: pd.Series | list | np.ndarray) -> pd.Series:
    """Normalise chain names as planners type them (vectorised, whole column at once).

    NFKC (full-width letters and digits → half-width, the ideographic space
    U+3000 → a space), every whitespace removed (any width, including zero-width
    characters), traditional → simplified characters
    (:data:`TRADITIONAL_TO_SIMPLIFIED`), aliases (:data:`CHAIN_ALIASES`, e.g.
    ``PC新材料`` → ``聚碳新材料``), Latin letters upper-cased.

    Parameters
    ----------
    values
        Chain names; missing or blank values become ``None``.

    Returns
    -------
    pandas.Series
        The normalised names (object dtype, ``None`` where empty), same index.
    """
    s = pd.Series(values, dtype="object") if not isinstance(values, pd.Series) else values
    text = s.astype("string").str.normalize("NFKC")
    text = text.str.replace(r"[\s\u200b\u200c\u200d\u2060\ufeff]+", "", regex=True)
    text = text.str.translate(_TRAD_TABLE).str.upper()
    text = text.str.replace(_ALIAS_RE, _alias, regex=True, case=False)
    out = text.astype(object)
    out[(text.isna() | (text == "")).fillna(True).to_numpy(dtype=bool)] = None
    return out


def _alias(m: re.Match[str]) -> str:
    word = m.group(0)
    return CHAIN_ALIASES[word.upper() if word.isascii() else word]


def match_chains(values: pd.Series | list | np.ndarray) -> pd.DataFrame:
    """Match chain names to the taxonomy after :func:`normalise_chain`, with suggestions.

    Each distinct name is matched once (difflib for near misses), so the cost
    grows with the number of distinct names, not rows.

    Parameters
    ----------
    values
        Chain names as typed.

    Returns
    -------
    pandas.DataFrame
        Same index; columns ``chain`` (the taxonomy's name when the normalised
        text is one, else the normalised text, ``None`` when empty), ``known``
        (bool) and ``suggestion`` (the closest taxonomy chain for an unknown
        name, ``None`` when nothing is close).

    Examples
    --------
    >>> match_chains(["聚碳　新材料", "高端聚稀烃", "電子化學品"])  # doctest: +SKIP
             chain  known  suggestion
    0    聚碳新材料   True        None
    1    高端聚稀烃  False  高端聚烯烃
    2   电子化学品  False  高端精细化工及电子化学品
    """
    norm = normalise_chain(values)
    names = list(chain_names())
    codes, uniques = pd.factorize(norm, use_na_sentinel=True)
    known_u = np.isin(np.asarray(uniques, dtype=object), np.asarray(names, dtype=object))
    suggestion_u = np.full(len(uniques), None, dtype=object)
    for i in np.flatnonzero(~known_u):  # one per distinct unknown name
        word = str(uniques[i])
        close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
        if not close:
            close = [n for n in names if word in n or n in word][:1]
        suggestion_u[i] = close[0] if close else None
    valid = codes >= 0
    known = np.zeros(len(norm), dtype=bool)
    known[valid] = known_u[codes[valid]]
    suggestion = np.full(len(norm), None, dtype=object)
    suggestion[valid] = suggestion_u[codes[valid]]
    return pd.DataFrame(
        {"chain": norm.to_numpy(dtype=object), "known": known, "suggestion": suggestion},
        index=norm.index,
    )


def chemical_undecided(chains: pd.Series | np.ndarray | list) -> np.ndarray:
    """Whether each chain's chemical status is not settled (fail-safe input to ``needs_review``).

    True for a missing chain, a chain the taxonomy does not name and that no
    :data:`CHEMICAL_KEYWORDS` marks as chemical, and a taxonomy chain the seeds
    leave undecided (``chemical`` is ``<NA>``, e.g. 氢能).

    Parameters
    ----------
    chains
        Chain names (already normalised).

    Returns
    -------
    numpy.ndarray of bool
    """
    s = pd.Series(chains, dtype="object")
    table = chains_table()
    status = s.map(dict(zip(table["chain"], table["chemical"], strict=True)))
    in_table = s.isin(table["chain"]).to_numpy(dtype=bool)
    undecided_known = in_table & status.isna().to_numpy(dtype=bool)
    missing = s.isna().to_numpy(dtype=bool)
    unknown_not_chem = ~in_table & ~missing & ~is_chemical(s)
    return missing | undecided_known | unknown_not_chem
