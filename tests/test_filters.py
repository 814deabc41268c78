"""Tests of geoapp.projects.filters: project filters and pipeline / county summaries."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Point

from geoapp.layers import LayerSet, load_layer
from geoapp.projects import UNSTATED, by_county_summary, filter_projects, pipeline_summary
from geoapp.vocab import STAGES


@pytest.fixture(scope="module")
def county_points(counties):
    """A point inside each county, name -> (lon, lat)."""
    pts = counties.to_crs(4547).representative_point().to_crs(4326)
    return {n: (p.x, p.y) for n, p in zip(counties["name"], pts)}


@pytest.fixture()
def small(county_points):
    """Six projects.

    p4 states no county but lies in 华龙区; p5 states 范县 but lies in 濮阳县.
    """
    rows = [
        ("p1", "新材料", "聚碳新材料", "签约", 10.0, "华龙区", "华龙区"),
        ("p2", "新材料", "绿色涂料", "在建", np.nan, "濮阳县", "濮阳县"),
        ("p3", "新能源装备制造", "氢能", "投产", 2.5, "清丰县", "清丰县"),
        ("p4", "新能源装备制造", "氢能", None, 4.0, None, "华龙区"),
        ("p5", None, None, "谋划", np.nan, "范县", "濮阳县"),
        ("p6", "新材料", "", "", 0.5, "", "南乐县"),
    ]
    return gpd.GeoDataFrame(
        {
            "name": [r[0] for r in rows],
            "cluster": [r[1] for r in rows],
            "chain": [r[2] for r in rows],
            "stage": [r[3] for r in rows],
            "investment_yi": [r[4] for r in rows],
            "county": [r[5] for r in rows],
        },
        geometry=[Point(county_points[r[6]]) for r in rows],
        crs=4326,
    )


def names(gdf):
    return sorted(gdf["name"])


def test_no_filter_returns_copy(small):
    out = filter_projects(small)
    assert names(out) == names(small)
    out.loc[out.index[0], "name"] = "changed"
    assert small["name"].iloc[0] == "p1"


def test_categorical_filters(small):
    assert names(filter_projects(small, clusters=["新材料"])) == ["p1", "p2", "p6"]
    assert names(filter_projects(small, chains={"氢能"})) == ["p3", "p4"]
    assert names(filter_projects(small, stages=["签约", "投产"])) == ["p1", "p3"]
    # "未注明" matches empty / missing values; a bare string is one value
    assert names(filter_projects(small, stages=[UNSTATED])) == ["p4", "p6"]
    assert names(filter_projects(small, chains=UNSTATED)) == ["p5", "p6"]
    both = filter_projects(small, clusters=["新材料"], stages=["在建"])
    assert names(both) == ["p2"]


def test_counties_attribute_first_then_location(small, counties):
    layers = LayerSet({"counties": counties})
    # p4 has no attribute and lies in 华龙区; p5 states 范县 though placed in 濮阳县
    assert names(filter_projects(small, counties=["华龙区"], layers=layers)) == [
        "p1",
        "p4",
    ]
    assert names(filter_projects(small, counties=["范县"], layers=layers)) == ["p5"]
    assert names(filter_projects(small, counties=["濮阳县"], layers=layers)) == ["p2"]
    # p6 states "" -> located in 南乐县
    assert names(filter_projects(small, counties=["南乐县"], layers=layers)) == ["p6"]


def test_investment_range(small):
    assert names(filter_projects(small, investment_min=1)) == ["p1", "p3", "p4"]
    assert names(filter_projects(small, investment_max=3)) == ["p3", "p6"]
    assert names(filter_projects(small, investment_min=2.5, investment_max=4)) == ["p3", "p4"]
    # NaN investment kept only without a range
    assert "p2" in names(filter_projects(small))
    with pytest.raises(ValueError, match="`investment_min`"):
        filter_projects(small, investment_min=5, investment_max=1)


def test_bad_iterable(small):
    with pytest.raises(TypeError, match="`stages`"):
        filter_projects(small, stages=3)


def test_pipeline_summary(small):
    s = pipeline_summary(small)
    assert list(s["stage"]) == [*STAGES, UNSTATED]
    got = s.set_index("stage")
    assert got.loc["签约", "count"] == 1 and got.loc["签约", "investment_yi"] == 10.0
    assert got.loc["在建", "count"] == 1 and got.loc["在建", "n_with_investment"] == 0
    assert got.loc["开工", "count"] == 0
    assert got.loc[UNSTATED, "count"] == 2
    assert got.loc[UNSTATED, "investment_yi"] == pytest.approx(4.5)
    assert got.loc[UNSTATED, "n_with_investment"] == 2
    assert s["count"].sum() == len(small)


def test_by_county_summary_follows_the_filter_rule(small, counties):
    layers = LayerSet({"counties": counties})
    s = by_county_summary(small, layers=layers).set_index("county")
    assert s.loc["范县", "count"] == 1  # by attribute, though placed in 濮阳县
    assert s.loc["濮阳县", "count"] == 1
    assert s.loc["南乐县", "count"] == 1  # p6 states nothing: its (surveyed) position decides
    assert s.loc["华龙区", "count"] == 2  # p1 by attribute, p4 by position
    for county in s.index:  # the chart and the filter give one answer
        got = filter_projects(small, counties=[county], layers=layers)
        assert s.loc[county, "count"] == len(got)
    with pytest.raises(ValueError, match="needs `layers`"):
        filter_projects(small, counties=["范县"])


def test_summaries_on_shipped_projects():
    projects = load_layer("projects")
    s = pipeline_summary(projects)
    assert s["count"].sum() == len(projects)
    assert s["investment_yi"].sum() == pytest.approx(np.nansum(projects["investment_yi"]))
    assert s["n_with_investment"].sum() == projects["investment_yi"].notna().sum()
    expected = projects["stage"].value_counts()
    got = s.set_index("stage")["count"]
    for stage, n in expected.items():
        assert got[stage] == n
    layers = LayerSet.shipped()
    c = by_county_summary(projects, layers=layers).set_index("county")
    assert c["count"].sum() == len(projects)
    for county in c.index:
        got = filter_projects(projects, counties=[county], layers=layers)
        assert c.loc[county, "count"] == len(got)
