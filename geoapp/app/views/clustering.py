"""聚类分析: DBSCAN / HDBSCAN clusters of project sites (metres), with hulls and Gi* hot spots.

DBSCAN follows its controls at once; HDBSCAN and the hot spots run on a
button. Controls and map are one fragment over a stable map.
"""

import warnings
from typing import Literal, cast

import streamlit as st

from geoapp import mapping
from geoapp.app.common import (
    download_buttons,
    drop_schematic,
    exclude_schematic_box,
    filtered_projects,
    filters_token,
    go_to_box,
    layer,
    layer_token,
    map_context,
    project_filters,
    schematic_note,
    session_layers,
    stable_map,
    store_result,
    t,
    table,
    table_frame,
    timed,
)
from geoapp.app.workspace import scenario_controls
from geoapp.clustering import cluster_sites, hot_spots
from geoapp.settings import DEFAULT_CLUSTER
from geoapp.workspace import cluster_figures

MAP_KEY = "clustering_map"

st.title(t("聚类分析"))


@st.cache_data(show_spinner=False, max_entries=32)
def run_clusters(
    token: str,
    method: str,
    eps_m: float,
    min_samples: int,
    min_cluster_size: int,
    hull_m: float,
    _sites,
    _layers,
):
    return cluster_sites(
        _sites,
        method=cast(Literal["dbscan", "hdbscan"], method),
        eps_m=eps_m,
        min_samples=min_samples,
        min_cluster_size=min_cluster_size,
        hull_buffer_m=hull_m,
        layers=_layers,
    )


@st.cache_data(show_spinner=False, max_entries=16)
def run_hot_spots(token: str, value_col: str | None, cell_m: float, _sites, _city):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cells = hot_spots(_sites, value_col=value_col, cell_m=cell_m, extent=_city)
    return cells, [str(w.message) for w in caught]


@st.fragment
def clustering() -> None:
    ctrl, right = st.columns([1, 3.3])
    with ctrl:
        method = st.radio(
            t("方法"),
            ["dbscan", "hdbscan"],
            key="cl_method",
            horizontal=True,
            format_func=lambda v: v.upper(),
        )
        eps_km = st.slider(
            t("邻域半径(公里)"),
            0.5,
            20.0,
            DEFAULT_CLUSTER.eps_m / 1000,
            0.5,
            key="cl_eps",
            disabled=method == "hdbscan",
        )
        min_samples = st.number_input(
            t("最小样本数"), 1, 50, DEFAULT_CLUSTER.min_samples, key="cl_min_samples"
        )
        min_cluster_size = st.number_input(
            t("最小簇规模"), 2, 100, 5, key="cl_min_cluster_size", disabled=method == "dbscan"
        )
        hull_m = st.number_input(
            t("外包缓冲(米)"), 0, 5000, int(DEFAULT_CLUSTER.hull_buffer_m), 100, key="cl_hull"
        )
        exclude = exclude_schematic_box(st.container())
        with st.expander(t("热点分析 (Gi*)")):
            do_hot = st.checkbox(t("热点分析 (Gi*)"), key="cl_hot")
            cell_km = st.slider(t("网格边长(公里)"), 1.0, 20.0, 5.0, 0.5, key="cl_cell")
            hot_value = st.radio(
                t("分组"),
                ["count", "investment"],
                key="cl_hot_value",
                horizontal=True,
                format_func=lambda v: t("按项目数" if v == "count" else "按投资额"),
            )
        filters = project_filters(st.container())
        go_to_box(MAP_KEY, st.container())

    with timed("clustering"):
        projects = drop_schematic(filtered_projects(filters), exclude)
        token = f"{filters_token(filters)}|excl={exclude}"
        params: tuple[str, float, int, int, float] | None = (
            method,
            eps_km * 1000,
            int(min_samples),
            int(min_cluster_size),
            float(hull_m),
        )
        # HDBSCAN is slower: it runs on the button; DBSCAN follows the controls
        if method == "hdbscan":
            ran = st.session_state.get("cl_hdbscan_ran")
            if ctrl.button(t("运行 HDBSCAN"), key="cl_run", type="primary"):
                ran = st.session_state["cl_hdbscan_ran"] = (token, params)
            if ran != (token, params):
                params = None
        result = None
        if len(projects) and params is not None:
            with right, st.spinner(t("聚类分析")):
                result = run_clusters(token, *params, projects, session_layers())
        cells, messages = None, []
        if do_hot and len(projects):
            hot_key = (token, hot_value, cell_km)
            if ctrl.button(t("运行热点分析"), key="cl_hot_run"):
                st.session_state["cl_hot_ran"] = hot_key
            if st.session_state.get("cl_hot_ran") == hot_key:
                with right, st.spinner(t("热点分析 (Gi*)")):
                    cells, messages = run_hot_spots(
                        f"{token}|{layer_token('city')}",
                        None if hot_value == "count" else "investment_yi",
                        cell_km * 1000,
                        projects,
                        layer("city"),
                    )

        def dynamic():
            ctx = map_context()
            out = []
            if cells is not None:
                out.append(mapping.hotspot_layer(cells, **ctx))
            if result is not None:
                out.append(mapping.hull_layer(result.hulls, **ctx))
                out.append(
                    mapping.projects_layer(
                        result.sites,
                        color_by="cluster_label",
                        extra_fields=(("聚类", "cluster_label"),),
                        legend_title=f"{t('项目')} · {t('聚类')}",
                        **ctx,
                    )
                )
            elif len(projects):
                out.append(mapping.projects_layer(projects, color_by="cluster", **ctx))
            return out

        dyn_key = (
            f"{token}|{params}|{result is not None}|{cells is not None and (hot_value, cell_km)}"
        )
        with right:
            c1, c2, c3 = st.columns(3)
            c1.metric(t("聚类数"), result.params.get("n_clusters", 0) if result else "—")
            c2.metric(t("噪声点"), result.params.get("n_noise", 0) if result else "—")
            c3.metric(t("项目数"), len(projects))
            stable_map("base", dynamic, river_buffer=True, key=MAP_KEY, dynamic_key=dyn_key)
            k, n, note = schematic_note(projects=projects)
            st.caption(note)
            if len(projects) == 0:
                st.warning(t("没有可分析的项目：请放宽筛选条件，或取消“排除示意位置”。"))
            elif result is None:
                st.info(t("参数已改变：点击“运行 HDBSCAN”更新聚类结果。"))
            for msg in messages:
                st.warning(t(msg))

    if result is None:
        return
    st.subheader(t("聚类结果"))
    table(
        table_frame(result.table.drop(columns=["cluster"], errors="ignore")).rename(
            columns={
                "cluster_label": t("聚类"),
                "count": t("项目数"),
                "investment_yi": t("投资额(亿元)"),
                "n_with_investment": t("注明投资额的项目"),
                "dominant_chain": t("主要产业链"),
                "chains": t("产业链"),
                "counties": t("县区"),
                "stages": t("阶段"),
            }
        )
    )
    run_token = f"{token}|{params}"
    sites = result.sites.assign(schematic_used=f"{k}/{n}")
    store_result("cluster_sites", t("聚类结果") + " · " + t("项目"), sites, run_token + "|sites")
    store_result("cluster_hulls", t("聚类范围"), result.hulls, run_token + "|hulls")
    st.caption(t("项目") + " · " + note)
    download_buttons(sites, stem="cluster_sites", token=run_token + "|sites", key="dl_cl_sites")
    st.caption(t("聚类范围"))
    download_buttons(
        result.hulls.assign(schematic_used=f"{k}/{n}"),
        stem="cluster_hulls",
        token=run_token + "|hulls",
        key="dl_cl_hulls",
    )
    assert params is not None  # a result is only computed from parameters
    method, eps_m, min_samples, min_cluster_size, hull_buffer_m = params
    scenario_controls(  # the workspace: log this run, offer to save it as a scenario
        "clustering", page="聚类分析", figures=cluster_figures(result),
        parameters={"method": method, "eps_m": eps_m, "min_samples": min_samples,
                    "min_cluster_size": min_cluster_size, "hull_buffer_m": hull_buffer_m,
                    "filters": vars(filters), "exclude_schematic": exclude},
        results={"sites": result.sites, "hulls": result.hulls},
    )  # fmt: skip


clustering()
