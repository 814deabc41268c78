"""Workspace glue for the app: uploads, versions, scenarios, the sidebar.

A session *pins* the layer versions it loaded (:mod:`geoapp.app.pinned`): it
keeps seeing them until the planner reloads, and a write checks them
(optimistic concurrency), so two planners editing the same layer never
overwrite each other silently. Pages call these helpers with a line or two;
the storage logic is in :mod:`geoapp.workspace`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import geopandas as gpd
import pandas as pd
import streamlit as st

from geoapp.app.common import import_problem, problem_text, t
from geoapp.app.pinned import opened, reload, session_versions, target
from geoapp.errors import GeoappError
from geoapp.layers import LayerSet
from geoapp.workspace import (
    LogEntry,
    WorkspaceConflictError,
    describe,
    file_sha256,
    open_workspace,
)

ANONYMOUS = "未署名"


def planner() -> str:
    """The planner's name from the sidebar (logged with every write)."""
    return str(st.session_state.get("ws_planner") or "").strip() or ANONYMOUS


def workspace_origin(name: str) -> str:
    """``"工作空间 v3"`` when the session uses a workspace version of ``name``, else ``""``."""
    version = session_versions().get(name, 0)
    return f"{t('工作空间')} v{version}" if version else ""


# --------------------------------------------------------------------------- sidebar
def sidebar() -> None:
    """The workspace and the planner's name, shown on every page."""
    st.sidebar.subheader(t("工作空间"))
    st.sidebar.caption(describe(target()))  # no server path, no credentials
    st.sidebar.text_input(t("规划人员姓名"), key="ws_planner", placeholder=t("用于操作记录"))
    try:
        with opened() as ws:
            latest = ws.version_numbers()
    except GeoappError as exc:
        st.sidebar.error(problem_text(exc))
        return
    if latest != session_versions():
        st.sidebar.warning(t("工作空间已被他人更新。"))
        if st.sidebar.button(t("载入最新版本"), key="ws_reload"):
            reload()
            st.rerun()


# --------------------------------------------------------------------------- uploads
def apply_upload(
    name: str, gdf: gpd.GeoDataFrame, *, filename: str, data: bytes, mode: str, summary: str
) -> bool:
    """Store an upload as the new version of layer ``name``; show the outcome.

    Returns
    -------
    bool
        Whether it was stored (False on a version conflict or a refused layer).
    """
    expected = session_versions().get(name, 0)
    log = LogEntry(
        command="app:数据",
        user=planner(),
        parameters={"layer": name, "mode": mode},
        input_name=filename,
        input_sha256=file_sha256(data),
        result={"summary": summary, "rows_after": len(gdf)},
    )
    try:
        with opened() as ws:
            v = ws.replace_layer(
                name,
                gdf,
                expected_version=expected,
                user=planner(),
                source=filename,
                base=LayerSet.shipped(),
                log=log,
            )
    except WorkspaceConflictError as exc:
        st.error(problem_text(exc))
        if st.button(t("载入最新版本"), key="ws_conflict_reload"):
            reload()
            st.rerun()
        return False
    except (GeoappError, ValueError) as exc:  # in the planner's words, without server paths
        st.error(t("图层未通过检查，未替换：") + "\n\n" + import_problem(filename, exc))
        return False
    st.session_state["ws_versions"] = {**session_versions(), name: v.version}
    st.success(f"{t('已保存到工作空间')}: {name} v{v.version} ({v.rows})")
    return True


def versions_panel() -> None:
    """The workspace's layer versions, with roll-back (on the 数据 page)."""
    with opened() as ws:
        versions = ws.versions()
    st.subheader(t("工作空间中的图层版本"))
    if versions.empty:
        st.caption(t("工作空间中还没有图层；上传的图层会保存在这里。"))
        return
    current = session_versions()
    shown = versions.drop(columns=["table"]).assign(
        in_use=[
            current.get(n) == v for n, v in zip(versions["layer"], versions["version"], strict=True)
        ]
    )
    st.dataframe(shown, hide_index=True)
    c1, c2, c3 = st.columns(3)
    name = c1.selectbox(t("图层"), sorted(set(versions["layer"])), key="ws_rb_layer")
    numbers = versions.loc[versions["layer"] == name, "version"].tolist()
    number = c2.selectbox(t("版本"), numbers, key="ws_rb_version")
    c3.write("")
    if c3.button(t("回退到此版本"), key="ws_rb_apply"):
        try:
            with opened() as ws:
                v = ws.rollback(
                    name, int(number), expected_version=current.get(name, 0), user=planner()
                )
        except GeoappError as exc:
            st.error(problem_text(exc))
        else:
            st.session_state["ws_versions"] = {**current, name: v.version}
            st.rerun()


# --------------------------------------------------------------------------- scenarios
def scenario_controls(
    analysis: str,
    *,
    page: str,
    parameters: Mapping[str, Any],
    figures: Mapping[str, Any],
    results: Mapping[str, gpd.GeoDataFrame],
) -> None:
    """Log this run once per session, and offer to save it as a named scenario.

    Parameters
    ----------
    analysis
        ``"coverage"``, ``"clustering"`` or ``"siting"``.
    page
        The page title, logged as the command (``app:覆盖分析``).
    parameters, figures, results
        What the run used and produced (see
        :meth:`geoapp.workspace.Workspace.save_scenario`).
    """
    params = {**dict(parameters), "layer_versions": session_versions()}
    run_key = json.dumps([analysis, params], sort_keys=True, default=str, ensure_ascii=False)
    logged = st.session_state.setdefault("ws_logged_runs", set())
    if run_key not in logged:
        with opened() as ws:
            ws.append_log(
                LogEntry(
                    command=f"app:{page}",
                    user=planner(),
                    parameters=parameters,
                    result=dict(figures),
                )
            )
        logged.add(run_key)
    with st.expander(t("保存为方案")):
        name = st.text_input(t("方案名称"), key=f"ws_sc_name_{analysis}")
        if st.button(t("保存方案"), key=f"ws_sc_save_{analysis}", disabled=not name.strip()):
            with opened() as ws:
                sid = ws.save_scenario(
                    name.strip(),
                    analysis=analysis,
                    parameters=parameters,
                    figures=figures,
                    results=results,
                    layer_versions={k: v for k, v in session_versions().items()},
                    user=planner(),
                )
            st.success(f"{t('已保存方案')} #{sid}: {name.strip()}")


def scenario_table() -> pd.DataFrame:
    """The saved scenarios of the workspace."""
    with opened() as ws:
        return ws.scenarios()


@st.cache_data(show_spinner=False, max_entries=16)
def load_scenario(where: str, scenario_id: int) -> Any:
    """One saved scenario (cached: a saved scenario never changes)."""
    ws = open_workspace(where)
    try:
        return ws.load_scenario(scenario_id)
    finally:
        ws.close()
