"""地图总览: the layers, the filtered project pipeline, key figures and charts."""

import pandas as pd
import streamlit as st

from geoapp import mapping
from geoapp.app.common import (
    column_labels,
    download_buttons,
    filtered_projects,
    filters_token,
    map_options,
    project_filters,
    session_layers,
    show_map,
    t,
    table,
)
from geoapp.filters import by_county_summary, pipeline_summary
from geoapp.settings import DEFAULT_SITING

st.title(t("地图总览"))

filters = project_filters()
color_by = st.sidebar.radio(
    t("着色依据"),
    ["cluster", "stage"],
    key="overview_color",
    horizontal=True,
    format_func=lambda v: t("产业集群" if v == "cluster" else "阶段"),
)

projects = filtered_projects(filters)
inv = pd.to_numeric(
    projects.get("investment_yi", pd.Series(dtype=float, index=projects.index)), errors="coerce"
)
c1, c2, c3 = st.columns(3)
c1.metric(t("项目数"), f"{len(projects)}")
c2.metric(t("总投资(亿元)"), f"{inv.sum():,.1f}")
c3.metric(t("注明投资额的项目"), f"{int(inv.notna().sum())} / {len(projects)}")

m = mapping.build_map(
    session_layers(), projects=projects, color_by=color_by, settings=DEFAULT_SITING,
    **map_options(),
)  # fmt: skip
show_map(m, key="overview_map")
st.caption(
    t(
        "示例数据中项目、园区、枢纽和站点的位置均为示意位置（空心、虚线），并非实测坐标；请在“数据”页替换为实测数据。"
    )
)

by_stage = pipeline_summary(projects)
by_county = by_county_summary(projects, layers=session_layers())
left, right = st.columns(2)
for col, frame, key, title, axis in (
    (left, by_stage, "stage", "按阶段", "阶段"),
    (right, by_county, "county", "按县区", "县区"),
):
    with col:
        st.subheader(t(title))
        shown = frame.assign(**{key: frame[key].map(t)})
        st.bar_chart(shown, x=key, y="count", sort=False, x_label=t(axis), y_label=t("项目数量"))
        st.bar_chart(
            shown,
            x=key,
            y="investment_yi",
            sort=False,
            x_label=t(axis),
            y_label=t("投资额(亿元)"),
            color="#d95f02",
        )
        table(
            shown.rename(
                columns={
                    key: t(axis),
                    "count": t("项目数"),
                    "investment_yi": t("投资额(亿元)"),
                    "n_with_investment": t("注明投资额的项目"),
                }
            )
        )

st.subheader(t("项目列表"))
cols = [
    c
    for c in (
        "name",
        "company",
        "cluster",
        "chain",
        "stage",
        "investment_yi",
        "county",
        "zone",
        "location_quality",
        "source",
    )
    if c in projects.columns
]
table(projects[cols].rename(columns=column_labels(cols, "projects")), height=320)
download_buttons(
    projects, stem="projects_filtered", token=filters_token(filters), key="dl_overview"
)
