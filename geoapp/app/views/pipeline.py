"""项目推进: the 三个一批 funnel, the city's targets vs the project table, stages on the map."""

import tempfile
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from geoapp import mapping
from geoapp.app.common import (
    go_to_box,
    lang,
    map_options,
    persist,
    session_layers,
    show_map,
    t,
    table,
    table_frame,
)
from geoapp.chainmap import (
    MEASURABLE_ZH,
    METRIC_ZH,
    ROLLUP_HEADERS,
    SCOPE_ZH,
    TARGET_HEADERS,
    pipeline_sheets,
    write_xlsx,
)
from geoapp.projects import INVESTMENT_CLASSES, against_targets, by_investment_class, funnel, rollup
from geoapp.settings import DEFAULT_SITING


@st.cache_data(show_spinner=False, max_entries=8)
def _xlsx(tokens: tuple[str, ...], _layers: Mapping[str, Any]) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return write_xlsx(pipeline_sheets(_layers), Path(tmp) / "pipeline.xlsx").read_bytes()


def _headers(frame: pd.DataFrame, headers) -> pd.DataFrame:
    cols = [c for c in headers if c in frame.columns]
    return frame[cols].rename(columns={c: t(headers[c]) for c in cols})


def page() -> None:
    """The 项目推进 page: class filter, funnel, targets, the stage map, roll-ups, the workbook."""
    st.title(t("项目推进"))
    layers = session_layers()
    tokens = (layers.token,)
    shown_layers = dict(layers)
    shown_layers["projects"] = by_investment_class(layers["projects"], pick_class() or None)
    funnel_panel(shown_layers)
    targets_panel(layers)
    stage_map(layers, shown_layers)
    for by, title in (
        ("cluster", "按产业集群"),
        ("chain", "按产业链"),
        ("county", "按县区"),
        ("zone", "按园区"),
    ):
        with st.expander(t(title)):
            r = rollup(shown_layers, by)
            table(_headers(r.assign(**{by: r[by].map(t)}), ROLLUP_HEADERS))
    st.download_button(
        t("下载 XLSX"),
        partial(_xlsx, tokens, layers),  # built on click, not on every run
        file_name="pipeline.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="dl_pipeline_xlsx",
    )


def pick_class() -> float:
    """The investment class shown (the page's own control first); 0: every project."""
    classes = [0.0, *INVESTMENT_CLASSES]  # 0: every project, including unknown amounts
    class_labels = {
        v: t("全部")
        if v == 0
        else (f"≥ {v:g} 亿元" if lang() == "zh" else f"≥ {v * 100:,.0f} M CNY")
        for v in classes
    }
    return persist(
        st.columns([1, 3])[0].selectbox,
        "pipeline_class",
        0.0,
        t("投资额分级"),
        classes,
        format_func=class_labels.__getitem__,
    )


def funnel_panel(shown_layers: dict) -> None:
    """Key figures and the 三个一批 funnel of the projects shown."""
    fun = funnel(shown_layers)
    c1, c2, c3 = st.columns(3)
    c1.metric(t("项目数"), int(fun["count"].sum()))
    c2.metric(t("已注明投资额合计(亿元)"), f"{fun['investment_yi'].sum():,.1f}")
    c3.metric(t("亿元以上项目数"), int(fun["n_ge_1yi"].sum()))
    st.caption(t("多数项目未注明投资额，亿元以上项目数和投资额只是下限。"))
    st.subheader(t("三个一批漏斗"))
    staged = fun[fun["stage"] != "未注明"].assign(stage_label=lambda d: d["stage"].map(t))
    funnel_rows = staged[["stage", "stage_label", "count", "reached", "investment_yi"]]
    stage_order = list(staged["stage_label"])
    stage_domain = list(mapping.STAGE_COLORS)[:5]
    stage_range = [mapping.STAGE_COLORS[s] for s in stage_domain]
    spec = {
        "data": {"values": funnel_rows.to_dict("records")},
        "mark": {"type": "bar", "cornerRadiusEnd": 3},
        "encoding": {
            "y": {
                "field": "stage_label",
                "type": "nominal",
                "sort": stage_order,
                "title": t("阶段"),
            },
            "x": {
                "field": "reached",
                "type": "quantitative",
                "title": t("达到该阶段及以后的项目数"),
            },
            "color": {
                "field": "stage",
                "type": "nominal",
                "scale": {"domain": stage_domain, "range": stage_range},
                "legend": None,
            },
            "tooltip": [
                {"field": "stage_label", "title": t("阶段")},
                {"field": "count", "title": t("项目数")},
                {"field": "reached", "title": t("达到该阶段及以后的项目数")},
                {"field": "investment_yi", "title": t("已注明投资额合计(亿元)")},
            ],
        },
        "height": 180,
    }
    st.vega_lite_chart(spec, width="stretch")
    table(_headers(fun.assign(stage=fun["stage"].map(t)), ROLLUP_HEADERS))


def targets_panel(layers) -> None:
    """The city's targets against the project table: a chart by cluster and the full table."""
    st.subheader(t("目标与现状"))
    targets = against_targets(layers)
    cl = targets[targets["scope"] == "cluster"].copy()
    cl["label"] = cl["cluster"].map(lambda c: "、".join(t(x) for x in str(c).split(";")))
    bars = pd.concat(
        [
            cl.assign(kind=t("目标"), n=cl["value"].astype(float)),
            cl.assign(kind=t("现状"), n=cl["current"].astype(float)),
        ]
    )[["label", "kind", "n", "source"]]
    chart = {
        "data": {"values": bars.to_dict("records")},
        "mark": "bar",
        "encoding": {
            "y": {"field": "label", "type": "nominal", "title": t("产业集群")},
            "yOffset": {"field": "kind"},
            "x": {"field": "n", "type": "quantitative", "title": t("亿元以上项目数")},
            "color": {"field": "kind", "type": "nominal", "title": "",
                      "scale": {"domain": [t("目标"), t("现状")], "range": ["#bdbdbd", "#d95f02"]}},
            "tooltip": [{"field": "label"}, {"field": "kind"}, {"field": "n"}, {"field": "source"}],
        },
        "height": 220,
    }  # fmt: skip
    st.vega_lite_chart(chart, width="stretch")
    target_table(targets)
    st.caption(t("到位资金不在项目表中，2026年560亿元目标无法由本表计算。"))


def target_table(targets: pd.DataFrame) -> None:
    """The targets' table, its codes in the UI language."""
    tt = targets.assign(
        scope_zh=targets["scope"].map(lambda s: t(SCOPE_ZH.get(s, s))),
        metric_zh=targets["metric"].map(lambda m: t(METRIC_ZH.get(m, m))),
        measurable_zh=targets["measurable"].map(lambda m: t(MEASURABLE_ZH.get(m, m))),
        cannot_tell=targets["cannot_tell"].map(lambda s: t(s) if isinstance(s, str) else s),
        cluster=targets["cluster"].map(
            lambda c: "、".join(t(x) for x in str(c).split(";")) if isinstance(c, str) else ""
        ),
        unit=targets["unit"].map(lambda u: t(u) if isinstance(u, str) else u),
    )
    table(
        _headers(table_frame(tt), TARGET_HEADERS),
        height=360,
        column_config={t("完成比例"): st.column_config.NumberColumn(format="percent")},
    )


def stage_map(layers, shown_layers: dict) -> None:
    """The projects shown, coloured by stage, with a go-to box."""
    st.subheader(t("阶段分布图"))
    m = mapping.build_map(
        layers,
        projects=shown_layers["projects"],
        color_by="stage",
        settings=DEFAULT_SITING,
        **map_options(),
    )
    with st.expander(t("定位到 经度, 纬度")):
        goto = go_to_box("pipeline_map")
    show_map(m, key="pipeline_map", goto=goto)
