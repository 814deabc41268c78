"""聚类分析: DBSCAN / HDBSCAN clusters of project sites (metres), with hulls and Gi* hot spots.

DBSCAN follows its controls at once; HDBSCAN and the hot spots run on a
button. Controls and map are one fragment over a stable map.
"""

import warnings
from dataclasses import dataclass
from typing import Literal, cast

import streamlit as st

from geoapp import mapping
from geoapp.app.common import (
    Filters,
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
#: The clustering parameters: method, eps (m), min samples, min cluster size, hull buffer (m).
Params = tuple[str, float, int, int, float]


@dataclass(frozen=True)
class Controls:
    """What the page's control column chose."""

    method: str
    eps_km: float
    min_samples: int
    min_cluster_size: int
    hull_m: float
    exclude: bool
    do_hot: bool
    cell_km: float
    hot_value: str
    filters: Filters


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


def page() -> None:
    """The 聚类分析 page."""
    st.title(t("聚类分析"))
    clustering()


@st.fragment
def clustering() -> None:
    """Controls and map (one fragment), then the clusters' table, files and scenario bar."""
    ctrl, right = st.columns([1, 3.3])
    with ctrl:
        c = controls()
    with timed("clustering"):
        projects = drop_schematic(filtered_projects(c.filters), c.exclude)
        token = f"{filters_token(c.filters)}|excl={c.exclude}"
        params = clustering_params(c, token, ctrl)
        result = None
        if len(projects) and params is not None:
            with right, st.spinner(t("聚类分析")):
                result = run_clusters(token, *params, projects, session_layers())
        cells, messages = hot_spot_cells(c, projects, token, ctrl, right)
        with right:
            k, n, note = figures_and_map(c, projects, token, params, result, cells)
            for msg in messages:
                st.warning(t(msg))
    if result is None:
        return
    assert params is not None  # a result is only computed from parameters
    results_panel(result, f"{token}|{params}", f"{k}/{n}", note)
    scenario_bar(c, result, params)


def controls() -> Controls:
    """Method and parameters, the hot-spot options, the project filters, the go-to box."""
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
        t("最小簇规模"),
        2,
        100,
        DEFAULT_CLUSTER.min_cluster_size,
        key="cl_min_cluster_size",
        disabled=method == "dbscan",
    )
    hull_m = st.number_input(
        t("外包缓冲(米)"), 0, 5000, int(DEFAULT_CLUSTER.hull_buffer_m), 100, key="cl_hull"
    )
    exclude = exclude_schematic_box(st.container())
    with st.expander(t("热点分析 (Gi*)")):
        do_hot = st.checkbox(t("热点分析 (Gi*)"), key="cl_hot")
        cell_km = st.slider(
            t("网格边长(公里)"),
            1.0,
            20.0,
            DEFAULT_CLUSTER.hot_spot_cell_m / 1000,
            0.5,
            key="cl_cell",
        )
        hot_value = st.radio(
            t("分组"),
            ["count", "investment"],
            key="cl_hot_value",
            horizontal=True,
            format_func=lambda v: t("按项目数" if v == "count" else "按投资额"),
        )
    filters = project_filters(st.container())
    go_to_box(MAP_KEY, st.container())
    return Controls(
        method, eps_km, int(min_samples), int(min_cluster_size), float(hull_m), exclude,
        do_hot, cell_km, hot_value, filters,
    )  # fmt: skip


def clustering_params(c: Controls, token: str, ctrl) -> Params | None:
    """The parameters to cluster with; None while HDBSCAN waits for its button."""
    params: Params | None = (c.method, c.eps_km * 1000, c.min_samples, c.min_cluster_size, c.hull_m)
    # HDBSCAN is slower: it runs on the button; DBSCAN follows the controls
    if c.method == "hdbscan":
        ran = st.session_state.get("cl_hdbscan_ran")
        if ctrl.button(t("运行 HDBSCAN"), key="cl_run", type="primary"):
            ran = st.session_state["cl_hdbscan_ran"] = (token, params)
        if ran != (token, params):
            params = None
    return params


def hot_spot_cells(c: Controls, projects, token: str, ctrl, right):
    """The Gi* cells and their warnings once the planner ran them for these settings."""
    if not (c.do_hot and len(projects)):
        return None, []
    hot_key = (token, c.hot_value, c.cell_km)
    if ctrl.button(t("运行热点分析"), key="cl_hot_run"):
        st.session_state["cl_hot_ran"] = hot_key
    if st.session_state.get("cl_hot_ran") != hot_key:
        return None, []
    with right, st.spinner(t("热点分析 (Gi*)")):
        return run_hot_spots(
            f"{token}|{layer_token('city')}",
            None if c.hot_value == "count" else "investment_yi",
            c.cell_km * 1000,
            projects,
            layer("city"),
        )


def figures_and_map(c: Controls, projects, token: str, params, result, cells):
    """Key figures, the stable map (hot spots, hulls, projects) and its notes.

    Returns
    -------
    (n_schematic, n_total, note) of the projects used.
    """

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

    hot = cells is not None and (c.hot_value, c.cell_km)
    dyn_key = f"{token}|{params}|{result is not None}|{hot}"
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
    return k, n, note


def results_panel(result, run_token: str, schematic_used: str, note: str) -> None:
    """The clusters' table, and the sites and hulls to download (kept for the 数据 page)."""
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
    sites = result.sites.assign(schematic_used=schematic_used)
    store_result("cluster_sites", t("聚类结果") + " · " + t("项目"), sites, run_token + "|sites")
    store_result("cluster_hulls", t("聚类范围"), result.hulls, run_token + "|hulls")
    st.caption(t("项目") + " · " + note)
    download_buttons(sites, stem="cluster_sites", token=run_token + "|sites", key="dl_cl_sites")
    st.caption(t("聚类范围"))
    download_buttons(
        result.hulls.assign(schematic_used=schematic_used),
        stem="cluster_hulls",
        token=run_token + "|hulls",
        key="dl_cl_hulls",
    )


def scenario_bar(c: Controls, result, params: Params) -> None:
    """The workspace: log this run, offer to save it as a scenario."""
    method, eps_m, min_samples, min_cluster_size, hull_buffer_m = params
    scenario_controls(
        "clustering", page="聚类分析", figures=cluster_figures(result),
        parameters={"method": method, "eps_m": eps_m, "min_samples": min_samples,
                    "min_cluster_size": min_cluster_size, "hull_buffer_m": hull_buffer_m,
                    "filters": vars(c.filters), "exclude_schematic": c.exclude},
        results={"sites": result.sites, "hulls": result.hulls},
    )  # fmt: skip
