"""The app with a workspace (AppTest, no browser): uploads persist, scenarios compare side by side.

Each test points the app at its own workspace through ``GEOAPP_WORKSPACE``
(what ``geoapp app --workspace W`` sets); a new AppTest is a new browser
session (a reload), and the cached bundles are cleared to stand for a server
restart.
"""

from __future__ import annotations

import json

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from geoapp.layers import LayerSet
from geoapp.settings import APP_MAIN
from geoapp.workspace import open_workspace
from tests.apptest import switch_to

pytestmark = pytest.mark.app

APP = str(APP_MAIN)

PROJECTS_CSV = (
    "项目名称,产业链,阶段,投资额(亿元),经度,纬度\n"
    "新项目一,氢能,签约,3.5,115.03,35.62\n"
    "新项目二,绿色涂料,在建,,115.10,35.70\n"
    "坏行,氢能,签约,1,,35.70\n"
)


def session(page: str | None = None, **state) -> AppTest:
    """A fresh browser session (optionally on a page, with session state set)."""
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, at.exception
    if page:
        switch_to(at, page).run()
        assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.fixture
def workspace(ws_target, monkeypatch):
    monkeypatch.setenv("GEOAPP_WORKSPACE", ws_target)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield ws_target
    st.cache_resource.clear()
    st.cache_data.clear()


def test_upload_survives_reload_and_restart_and_is_logged(workspace):
    at = session("data", ws_planner="张三")
    from geoapp.workspace import describe  # named without a server path (issue 10)

    assert any(describe(workspace) == c.value for c in at.sidebar.caption)
    at.file_uploader(key="data_upload").upload(
        "projects.csv", PROJECTS_CSV.encode("gbk"), "text/csv"
    )
    at.run()
    at.button(key="data_apply").click().run()
    assert not at.exception, at.exception
    assert any("projects v2" in s.value for s in at.success)

    st.cache_resource.clear()  # a server restart
    st.cache_data.clear()
    again = session("overview")  # a reload: a new session
    assert metrics(again)["项目数"] == "2"

    with open_workspace(workspace) as ws:
        versions = ws.versions("projects")
        log = ws.log()
    assert versions["source"].tolist() == ["shipped", "projects.csv"]  # shipped kept as v1
    assert (
        versions["rows"].iloc[0] == len(LayerSet.shipped()["projects"])
        and versions["user"].iloc[1] == "张三"
    )
    entry = log[log["command"] == "app:数据"].iloc[0]
    assert entry["user"] == "张三" and entry["input_name"] == "projects.csv"
    assert json.loads(entry["parameters"]) == {"layer": "projects", "mode": "replace"}


def test_second_editor_gets_the_version_message(workspace):
    a = session("data", ws_planner="张三")
    b = session("data", ws_planner="李四")  # both loaded version 0 (shipped)
    for at in (a, b):
        at.file_uploader(key="data_upload").upload(
            "projects.csv", PROJECTS_CSV.encode("gbk"), "text/csv"
        )
        at.run()
    a.button(key="data_apply").click().run()
    assert any("projects v2" in s.value for s in a.success)
    b.button(key="data_apply").click().run()
    assert not b.exception, b.exception
    errors = [e.value for e in b.error]
    assert any(
        "“项目”图层在您载入后已被修改（您载入的是第 0 版，现为第 2 版，由 张三 于" in e
        and "请载入最新版本后再操作" in e
        for e in errors
    ), errors  # in the planner's language
    with open_workspace(workspace) as ws:
        assert ws.versions("projects")["user"].tolist() == ["张三", "张三"]


def test_two_saved_scenarios_side_by_side(workspace):
    at = session("coverage", ws_planner="王五")

    def place(k: int) -> None:  # the placement runs on its form's button (issue 10)
        at.radio(key="cov_model").set_value("mclp")
        at.number_input(key="cov_k").set_value(k)
        next(b for b in at.button if b.label == "运行选址").click().run()

    place(2)
    assert not at.exception, at.exception
    at.text_input(key="ws_sc_name_coverage").set_value("新增 2 个枢纽").run()
    at.button(key="ws_sc_save_coverage").click().run()
    assert not at.exception, at.exception
    place(3)
    at.text_input(key="ws_sc_name_coverage").set_value("新增 3 个枢纽").run()
    at.button(key="ws_sc_save_coverage").click().run()
    assert not at.exception, at.exception

    with open_workspace(workspace) as ws:
        listed = ws.scenarios()
        two, three = (ws.load_scenario(i) for i in listed["id"])
    assert listed["name"].tolist() == ["新增 2 个枢纽", "新增 3 个枢纽"]
    assert (two.parameters["k"], three.parameters["k"]) == (2, 3)
    assert (two.figures["n_new_facilities"], three.figures["n_new_facilities"]) == (2, 3)
    assert len(three.results["new_facilities"]) == 3 and two.user == "王五"

    page = session("scenarios")
    figures = next(d.value for d in page.dataframe if "指标" in d.value.columns)
    row = figures.set_index("指标").loc["n_new_facilities"]
    assert row.tolist() == ["2", "3"]
    after = figures.set_index("指标").loc["share_count_after"]
    assert float(after.iloc[1]) >= float(after.iloc[0])  # a third hub never covers fewer
    maps = [c for c in page.get("component_instance") if "st_folium" in c.proto.component_name]
    assert len(maps) == 2
    for comp in maps:  # each map draws its scenario's new hubs
        assert "新增设施" in json.loads(comp.proto.json_args)["script"]
    params = [d.value for d in page.dataframe if "参数" in d.value.columns]
    ks = [p.set_index("参数").loc["k", "值"] for p in params]
    assert ks == ["2", "3"]
