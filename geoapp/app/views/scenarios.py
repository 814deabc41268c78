"""方案对比: two saved scenarios side by side — parameters, key figures and maps."""

import json

import pandas as pd
import streamlit as st

from geoapp.app.common import map_options, show_map, t, table
from geoapp.app.pinned import scenario_layers, target
from geoapp.app.workspace import load_scenario, scenario_table
from geoapp.workspace import scenario_map

ANALYSES = {"coverage": "覆盖分析", "clustering": "聚类分析", "siting": "选址评估"}


def analysis_title(code: str) -> str:
    """An analysis' title in the UI language."""
    return t(ANALYSES.get(code, code))


def shown(value) -> str:
    """A parameter's or figure's value as text."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def page() -> None:
    """The 方案对比 page: pick two scenarios, compare their figures, parameters and maps."""
    st.title(t("方案对比"))
    listed = scenario_table()
    if listed.empty:
        st.info(t("工作空间中还没有保存的方案：在聚类分析、覆盖分析或选址评估页面保存方案。"))
        return
    a, b = pick_scenarios(listed)
    st.subheader(t("关键指标"))
    names = list(dict.fromkeys([*a.figures, *b.figures]))
    figures = pd.DataFrame(
        {
            t("指标"): names,
            f"A #{a.id}": [shown(a.figures.get(n)) for n in names],
            f"B #{b.id}": [shown(b.figures.get(n)) for n in names],
        }
    )
    table(figures)
    for sc, col, i in zip((a, b), st.columns(2), range(2), strict=False):
        with col:
            scenario_column(sc, i)


def pick_scenarios(listed: pd.DataFrame) -> list:
    """Scenarios A and B, chosen side by side (the two latest at first)."""
    labels = {
        int(r.id): f"#{r.id} {r.name} · {analysis_title(r.analysis)} · {r.created_at} · {r.user}"
        for r in listed.itertuples()
    }
    ids = list(labels)
    picked = []
    for i, col in enumerate(st.columns(2)):
        default = ids[-2 + i] if len(ids) >= 2 else ids[0]
        with col:
            sid = st.selectbox(
                f"{t('方案')} {'AB'[i]}",
                ids,
                index=ids.index(default),
                format_func=labels.__getitem__,  # every option is a key of labels
                key=f"sc_pick_{i}",
            )
            picked.append(load_scenario(target(), int(sid)))
    return picked


def scenario_column(sc, i: int) -> None:
    """One scenario: its name, parameters, layer versions and map."""
    st.markdown(f"**{'AB'[i]} #{sc.id} {sc.name}**")
    st.caption(f"{analysis_title(sc.analysis)} · {sc.created_at} · {sc.user}")
    params = {k: v for k, v in sc.parameters.items() if k != "layer_versions"}
    table(pd.DataFrame({t("参数"): list(params), t("值"): [shown(v) for v in params.values()]}))
    used = {k: v for k, v in sc.layer_versions.items() if v}
    st.caption(
        f"{t('图层版本')}: "
        + (", ".join(f"{k} v{v}" for k, v in sorted(used.items())) or t("自带示例"))
    )
    show_map(scenario_map(sc, scenario_layers(sc), **map_options()), key=f"sc_map_{i}")
