"""Pipeline roll-ups against plain pandas group-bys of the project layer, and the target shares."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geoapp.layers import load_layer
from geoapp.projects import (
    GROUPINGS,
    INVESTMENT_CLASSES,
    against_targets,
    by_investment_class,
    funnel,
    project_places,
    rollup,
)

NAMES = ("projects", "counties", "zones")


@pytest.fixture(scope="module")
def layers():
    return {n: load_layer(n) for n in NAMES}


def independent_frame() -> pd.DataFrame:
    """County and zone as the seeds state them: the attribute, else the stated zone's county.

    Every shipped project is schematic, so its position says nothing; this is
    what the one rule of geoapp must give, computed here without geoapp.
    """
    p = pd.DataFrame(load_layer("projects").drop(columns="geometry"))
    z = pd.DataFrame(load_layer("zones").drop(columns="geometry"))
    assert (p["location_quality"] == "schematic").all()
    zone_county = p["zone"].map(dict(zip(z["name"], z["county"], strict=True)))
    county = p["county"].where(p["county"].notna(), zone_county)
    inv = pd.to_numeric(p["investment_yi"], errors="coerce")
    return pd.DataFrame(
        {
            "stage": p["stage"].fillna("未注明"),
            "cluster": p["cluster"].fillna("未注明"),
            "chain": p["chain"].fillna("未注明"),
            "county": county.fillna("未注明"),
            "zone": p["zone"].fillna("未注明"),
            "inv": inv,
        }
    )


@pytest.mark.parametrize("by", GROUPINGS)
def test_rollup_matches_a_pandas_groupby(layers, by):
    f = independent_frame()
    g = f.groupby(by)
    expected = pd.DataFrame(
        {
            "count": g.size(),
            "investment_yi": g["inv"].sum(),
            "n_with_investment": g["inv"].count(),
            "n_ge_1yi": g["inv"].apply(lambda s: int((s >= 1).sum())),
        }
    )
    got = rollup(layers, by).set_index(by)
    nonzero = got[got["count"] > 0]
    assert sorted(nonzero.index) == sorted(expected.index)
    exp = expected.loc[nonzero.index]
    assert (nonzero["count"].to_numpy() == exp["count"].to_numpy()).all()
    assert np.allclose(nonzero["investment_yi"], exp["investment_yi"])
    assert (nonzero["n_with_investment"].to_numpy() == exp["n_with_investment"].to_numpy()).all()
    assert (nonzero["n_ge_1yi"].to_numpy() == exp["n_ge_1yi"].to_numpy()).all()
    assert got["count"].sum() == len(f)
    assert got.index[-1] == "未注明"


def test_rollup_lists_every_stage_and_cluster_in_order(layers):
    assert list(rollup(layers, "stage")["stage"]) == [
        "谋划",
        "签约",
        "开工",
        "在建",
        "投产",
        "未注明",
    ]
    assert list(rollup(layers, "cluster")["cluster"])[:6] == [
        "新材料", "新能源装备制造", "高端装备", "新一代信息技术", "绿色食品", "现代轻纺",
    ]  # fmt: skip


def test_funnel_reached_counts_this_stage_or_later(layers):
    f = independent_frame()
    order = ["谋划", "签约", "开工", "在建", "投产"]
    fun = funnel(layers).set_index("stage")
    for i, stage in enumerate(order):
        assert fun.loc[stage, "reached"] == f["stage"].isin(order[i:]).sum()
    assert np.isnan(fun.loc["未注明", "reached"])


def test_against_targets_counts_known_amounts_of_at_least_1_yi(layers):
    f = independent_frame()
    t = against_targets(layers).set_index("id")
    six = ["新材料", "新能源装备制造", "高端装备", "新一代信息技术", "绿色食品", "现代轻纺"]
    mine = f["cluster"].isin(six) & (f["inv"] >= 1)
    assert t.loc["T01", "current"] == mine.sum()
    assert t.loc["T02", "current"] == pytest.approx(f.loc[mine, "inv"].sum())
    assert t.loc["T01", "share"] == pytest.approx(mine.sum() / 158)
    m3 = (f["cluster"] == "新材料") & (f["inv"] >= 1)
    assert t.loc["T03", "current"] == m3.sum()
    m6 = f["cluster"].isin(["新一代信息技术", "绿色食品", "现代轻纺"]) & (f["inv"] >= 1)
    assert t.loc["T06", "current"] == m6.sum()
    assert t.loc["T03", "n_projects"] == (f["cluster"] == "新材料").sum()
    # 到位资金 is not in the table: no current value, and the reason is given
    assert np.isnan(t.loc["T07", "current"]) and np.isnan(t.loc["T07", "share"])
    assert "到位资金" in t.loc["T07", "cannot_tell"]


def test_investment_classes_filter(layers):
    p = layers["projects"]
    inv = pd.to_numeric(p["investment_yi"], errors="coerce")
    for k in INVESTMENT_CLASSES:
        assert len(by_investment_class(p, k)) == int((inv >= k).sum())
    assert len(by_investment_class(p, None)) == len(p)
    assert INVESTMENT_CLASSES[1.0].startswith("seeds/002")


def test_project_places_use_the_stated_zone_county(layers):
    places = project_places(layers).set_index("id")
    # P115 states the zone 城乡一体化示范区 (no county stated for either)
    assert places.loc["P115", "zone"] == "城乡一体化示范区"
    assert places.loc["P082", "county"] == "濮阳县"
    assert places.loc["P082", "zone"] == "濮阳县先进制造业开发区化工专业园区"


def test_places_labels_blank_and_padded_values_like_filters_labels(layers):
    from geoapp.projects import labels

    p = layers["projects"].copy()
    p["stage"] = p["stage"].astype(object)
    p.loc[p.index[:4], "stage"] = [" 投产 ", "", None, "  "]
    got = project_places({**layers, "projects": p})["stage"]
    assert got.tolist() == labels(p["stage"], p.index).tolist()
    assert got.iloc[:4].tolist() == ["投产", "未注明", "未注明", "未注明"]
