"""聚类分析: DBSCAN / HDBSCAN clusters of project sites (metres), with hulls and Gi* hot spots."""

import warnings
from functools import partial

import streamlit as st

from geoapp import mapping
from geoapp.app.common import (
    download_buttons,
    filtered_projects,
    filters_token,
    layer,
    layer_token,
    map_options,
    project_filters,
    session_layers,
    show_map,
    store_result,
    t,
    table,
)
from geoapp.app.workspace import scenario_controls
from geoapp.clustering import cluster_sites, hot_spots
from geoapp.settings import DEFAULT_CLUSTER
from geoapp.workspace.scenarios import cluster_figures

st.title(t("聚类分析"))

filters = project_filters()
st.sidebar.subheader(t("聚类分析"))
method = st.sidebar.radio(
    t("方法"),
    ["dbscan", "hdbscan"],
    key="cl_method",
    horizontal=True,
    format_func=lambda v: v.upper(),
)
eps_km = st.sidebar.slider(
    t("邻域半径(公里)"),
    0.5,
    20.0,
    DEFAULT_CLUSTER.eps_m / 1000,
    0.5,
    key="cl_eps",
    disabled=method == "hdbscan",
)
min_samples = st.sidebar.number_input(
    t("最小样本数"), 1, 50, DEFAULT_CLUSTER.min_samples, key="cl_min_samples"
)
min_cluster_size = st.sidebar.number_input(
    t("最小簇规模"), 2, 100, 5, key="cl_min_cluster_size", disabled=method == "dbscan"
)
hull_m = st.sidebar.number_input(
    t("外包缓冲(米)"), 0, 5000, int(DEFAULT_CLUSTER.hull_buffer_m), 100, key="cl_hull"
)
with st.sidebar.expander(t("热点分析 (Gi*)")):
    do_hot = st.checkbox(t("热点分析 (Gi*)"), key="cl_hot")
    cell_km = st.slider(t("网格边长(公里)"), 1.0, 20.0, 5.0, 0.5, key="cl_cell")
    hot_value = st.radio(
        t("分组"),
        ["count", "investment"],
        key="cl_hot_value",
        horizontal=True,
        format_func=lambda v: t("按项目数" if v == "count" else "按投资额"),
    )


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
        method=method,
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


projects = filtered_projects(filters)
token = filters_token(filters)
if len(projects) == 0:
    st.warning(t("项目数") + ": 0")
    st.stop()

with st.spinner(t("聚类分析")):
    result = run_clusters(
        token,
        method,
        eps_km * 1000,
        int(min_samples),
        int(min_cluster_size),
        float(hull_m),
        projects,
        session_layers(),
    )
params = result.params
c1, c2, c3 = st.columns(3)
c1.metric(t("聚类数"), params.get("n_clusters", 0))
c2.metric(t("噪声点"), params.get("n_noise", 0))
c3.metric(t("项目数"), len(result.sites))

overlays = [partial(mapping.hull_layer, result.hulls)]
if do_hot:
    cells, messages = run_hot_spots(
        f"{token}|{layer_token('city')}",
        None if hot_value == "count" else "investment_yi",
        cell_km * 1000,
        projects,
        layer("city"),
    )
    for msg in messages:
        st.warning(msg)
    overlays.insert(0, partial(mapping.hotspot_layer, cells))

m = mapping.build_map(
    session_layers(),
    projects=result.sites,
    color_by="cluster_label",
    overlays=overlays,
    project_options={
        "extra_fields": (("聚类", "cluster_label"),),
        "legend_title": f"{t('项目')} · {t('聚类')}",
    },
    **map_options(),
)
show_map(m, key="clustering_map")

st.subheader(t("聚类结果"))
table(
    result.table.drop(columns=["cluster"], errors="ignore").rename(
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
run_token = f"{token}|{method}|{eps_km}|{min_samples}|{min_cluster_size}|{hull_m}"
store_result("cluster_sites", t("聚类结果") + " · " + t("项目"), result.sites, run_token + "|sites")
store_result("cluster_hulls", t("聚类范围"), result.hulls, run_token + "|hulls")
st.caption(t("项目"))
download_buttons(result.sites, stem="cluster_sites", token=run_token + "|sites", key="dl_cl_sites")
st.caption(t("聚类范围"))
download_buttons(result.hulls, stem="cluster_hulls", token=run_token + "|hulls", key="dl_cl_hulls")
scenario_controls(  # the workspace: log this run, offer to save it as a scenario
    "clustering", page="聚类分析", figures=cluster_figures(result),
    parameters={"method": method, "eps_m": eps_km * 1000, "min_samples": int(min_samples),
                "min_cluster_size": int(min_cluster_size), "hull_buffer_m": float(hull_m),
                "filters": vars(filters)},
    results={"sites": result.sites, "hulls": result.hulls},
)  # fmt: skip
