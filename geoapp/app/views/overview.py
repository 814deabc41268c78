"""地图总览: the layers, the filtered project pipeline, key figures and charts.

The page's controls and the map run in one fragment: a filter change redraws
only the project layer of the stable map (see :func:`_common.stable_map`).
"""

import pandas as pd
import streamlit as st

from geoapp import mapping
from geoapp.app.common import (
    Filters,
    column_labels,
    download_buttons,
    filtered_projects,
    filters_token,
    go_to_box,
    map_context,
    map_first,
    persist,
    placed_county,
    project_filters,
    schematic_note,
    session_layers,
    stable_map,
    t,
    table,
    table_frame,
    timed,
)
from geoapp.projects import by_county_summary, pipeline_summary

MAP_KEY = "overview_map"
#: The columns of the project list, where present.
LISTED = (
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


def bar_chart(frame, x: str, y: str, x_label: str, y_label: str, color: str) -> None:
    """A bar chart in the frame's order, from a plain Vega-Lite spec (no Altair: faster)."""
    st.vega_lite_chart(
        frame[[x, y]].fillna({y: 0}),
        {
            "mark": {"type": "bar", "color": color},
            "encoding": {
                "x": {"field": x, "type": "nominal", "sort": None, "title": x_label},
                "y": {"field": y, "type": "quantitative", "title": y_label},
                "tooltip": [{"field": x}, {"field": y}],
            },
            "height": 220,
        },
        width="stretch",
    )


@st.cache_data(show_spinner=False, max_entries=32)
def county_summary(token: str, _projects, _layers):
    return by_county_summary(_projects, layers=_layers)


def page() -> None:
    """The 地图总览 page."""
    st.title(t("地图总览"))
    overview()


@st.fragment
def overview() -> None:
    """Controls and map, then (after the map's first report) the charts and the project list."""
    ctrl, right = st.columns([1, 3.3])
    with ctrl:
        color_by, filters = controls()
    with timed("overview"):
        projects = filtered_projects(filters)
        token = filters_token(filters)
        # the county in the popups follows the one rule (schematic positions: unstated)
        shown = placed_county(projects, token)
        with right:
            figures_and_map(projects, shown, color_by, token)
        if not map_first(MAP_KEY):  # the charts and the list follow the map's first report
            return
        charts(projects, token)
        project_list(projects, shown, token)


def controls() -> tuple[str, Filters]:
    """The colouring, the project filters and the go-to box (the control column)."""
    color_by = persist(
        st.radio,
        "overview_color",
        "cluster",
        t("着色依据"),
        ["cluster", "stage"],
        horizontal=True,
        format_func=lambda v: t("产业集群" if v == "cluster" else "阶段"),
    )
    filters = project_filters(st.container())
    go_to_box(MAP_KEY, st.container())
    return color_by, filters


def figures_and_map(projects, shown, color_by: str, token: str) -> None:
    """Key figures, the stable map with the filtered projects, the note on schematic positions."""
    inv = pd.to_numeric(
        projects.get("investment_yi", pd.Series(dtype=float, index=projects.index)),
        errors="coerce",
    )
    c1, c2, c3 = st.columns(3)
    c1.metric(t("项目数"), f"{len(projects)}")
    c2.metric(t("总投资(亿元)"), f"{inv.sum():,.1f}")
    c3.metric(t("注明投资额的项目"), f"{int(inv.notna().sum())} / {len(projects)}")

    def dynamic():
        if len(shown) == 0:
            return []
        return [mapping.projects_layer(shown, color_by=color_by, **map_context())]

    stable_map("base", dynamic, river_buffer=True, key=MAP_KEY, dynamic_key=f"{token}|{color_by}")
    st.caption(
        t(
            "示例数据中项目、园区、枢纽和站点的位置均为示意位置（空心、虚线），并非实测坐标；请在“数据”页替换为实测数据。"
        )
        + " "
        + t("示意位置不代表所在县区：县区按注明的县区或园区统计，地图弹窗中显示为“未注明”。")
    )


def charts(projects, token: str) -> None:
    """Projects and investment by stage and by county: bar charts and tables."""
    layers = session_layers()
    by_stage = pipeline_summary(projects)
    by_county = county_summary(f"{token}|{layers.token}", projects, layers)
    left, mid = st.columns(2)
    for col, frame, key, title, axis in (
        (left, by_stage, "stage", "按阶段", "阶段"),
        (mid, by_county, "county", "按县区", "县区"),
    ):
        with col:
            st.subheader(t(title))
            framed = frame.assign(**{key: frame[key].map(t)})
            bar_chart(framed, key, "count", t(axis), t("项目数量"), "#1f77b4")
            bar_chart(framed, key, "investment_yi", t(axis), t("投资额(亿元)"), "#d95f02")
            table(
                framed.rename(
                    columns={
                        key: t(axis),
                        "count": t("项目数"),
                        "investment_yi": t("投资额(亿元)"),
                        "n_with_investment": t("注明投资额的项目"),
                    }
                )
            )


def project_list(projects, shown, token: str) -> None:
    """The filtered projects as a table, and their downloads."""
    st.subheader(t("项目列表"))
    cols = [c for c in LISTED if c in projects.columns]
    listed = shown[cols]
    table(table_frame(listed).rename(columns=column_labels(cols, "projects")), height=320)
    st.caption(schematic_note(projects=projects)[2])
    download_buttons(projects, stem="projects_filtered", token=token, key="dl_overview")
