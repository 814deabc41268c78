"""招商图谱: a chain's nodes (present / gap / target), zones and projects, where to fill a gap."""

import tempfile
from collections.abc import Mapping
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from geoapp import mapping
from geoapp.app.common import (
    column_labels,
    exclude_schematic_box,
    go_to_box,
    lang,
    map_options,
    persist,
    schematic_layers_note,
    session_layers,
    show_map,
    t,
    table,
    table_frame,
)
from geoapp.chainmap import (
    PANORAMA_HEADERS,
    STATUS_COLORS,
    STATUS_ZH,
    chain_nodes,
    chain_sheets,
    gap_candidates,
    gaps_by_zone,
    leading_zones,
    panorama,
    render_chain_report,
    unassigned_projects,
    write_xlsx,
)
from geoapp.mapping import highlight_zones_layer
from geoapp.settings import DEFAULT_SITING
from geoapp.siting import POSITION_LAYERS
from geoapp.vocab import CLUSTERS


def _layers():
    return session_layers()


def _tokens() -> tuple[str, ...]:
    return (session_layers().token,)


@st.cache_data(show_spinner=False, max_entries=32)
def _panorama(chain: str, tokens: tuple[str, ...], _layers: dict) -> pd.DataFrame:
    return panorama(chain, _layers)


@st.cache_data(show_spinner=False, max_entries=32)
def _gaps(chain: str, tokens: tuple[str, ...], _layers: dict) -> pd.DataFrame:
    return gaps_by_zone(_layers, chain)


@st.cache_data(show_spinner=False, max_entries=32)  # its spinner: gap_node (UI language)
def _candidates(chain: str, tokens: tuple[str, ...], _layers: dict):
    return gap_candidates(chain, _layers)


@st.cache_data(show_spinner=False, max_entries=16)
def _xlsx(chain: str, tokens: tuple[str, ...], _layers: dict) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_xlsx(chain_sheets(_layers, chain), Path(tmp) / "chain.xlsx")
        return path.read_bytes()


@st.cache_data(show_spinner=False, max_entries=16)
def _html(chain: str, tokens: tuple[str, ...], _layers: dict) -> bytes:
    return render_chain_report(_layers, chain).encode("utf-8")


def _diagram_data(pan: pd.DataFrame) -> pd.DataFrame:
    """The diagram's rows: a node's column (position), its row in it, its labels."""
    return pan.assign(
        position=pan["position"].replace("", "—"),
        row=pan.groupby(pan["position"].replace("", "—"), sort=False).cumcount(),
        status_label=pan["status"].map(lambda s: t(STATUS_ZH[s])),
        label=pan["node"] + pan["n_projects"].map(lambda n: f" ({n})" if n else ""),
    )[
        [
            "position",
            "row",
            "node",
            "status",
            "status_label",
            "label",
            "firms",
            "project_names",
            "source",
        ]
    ]


def _diagram_encoding(positions: list[str]) -> tuple[dict, dict]:
    """The diagram's shared encoding (columns, rows, tooltip) and its colour by status."""
    order = list(STATUS_COLORS)
    color = {
        "field": "status",
        "type": "nominal",
        "scale": {"domain": order, "range": [STATUS_COLORS[s] for s in order]},
        "legend": {
            "title": t("节点状态"),
            "labelExpr": "{"
            + ", ".join(f"'{s}': '{t(STATUS_ZH[s])}'" for s in order)
            + "}[datum.label]",
        },
    }
    x = {
        "field": "position",
        "type": "ordinal",
        "sort": positions,
        "title": t("环节位置"),
        "axis": {"orient": "top", "labelAngle": 0},
    }
    y = {"field": "row", "type": "ordinal", "axis": None}
    tooltip = [
        {"field": "node", "title": t("节点")},
        {"field": "status_label", "title": t("状态")},
        {"field": "firms", "title": t("已有企业")},
        {"field": "project_names", "title": t("项目名称")},
        {"field": "source", "title": t("来源")},
    ]
    return {"x": x, "y": y, "tooltip": tooltip}, color


def _diagram(pan: pd.DataFrame) -> dict:
    """A Vega-Lite spec: one column per position, one coloured box per node."""
    positions = list(dict.fromkeys(pan["position"].replace("", "—")))
    encoding, color = _diagram_encoding(positions)
    return {
        "data": {"values": _diagram_data(pan).to_dict("records")},
        "width": {"step": 120},
        "height": {"step": 28},
        "encoding": encoding,
        "layer": [
            {
                "params": [{"name": "pick", "select": {"type": "point", "fields": ["node"]}}],
                "mark": {"type": "rect", "cornerRadius": 6, "stroke": "white", "strokeWidth": 3},
                "encoding": {"color": color},
            },
            {
                "mark": {"type": "text", "color": "white", "fontSize": 11, "limit": 112},
                "encoding": {"text": {"field": "label"}},
            },
        ],
        "config": {"view": {"stroke": None}},
    }


def page() -> None:
    """The 招商图谱 page: pickers, figures, panorama, gap node, map, candidates, downloads."""
    st.title(t("产业链招商图谱"))
    st.caption(
        "“两图一表”：产业链全景图、招商图、目标表；“缺什么补什么：补齐空白节点、引进关键环节” "
        "(seeds 002 L360)."
    )
    chain = pick_chain()
    layers = _layers()
    tokens = _tokens()
    pan = _panorama(chain, tokens, layers)
    broken_down = not (pan["status"] == "not_broken_down").all()
    lead = leading_zones(chain, layers)
    figures(pan, lead)
    picked = panorama_panel(pan, chain, layers, broken_down)
    gaps = _gaps(chain, tokens, layers)
    per_zone = (
        gaps.groupby("zone", sort=False).size().rename(t("主导园区中尚无项目的节点")).reset_index()
    )
    node, candidates, ranking_layers = gap_node(pan, chain, broken_down, picked)
    chain_map(pan, chain, lead, per_zone, candidates)
    if len(per_zone):
        st.subheader(t("缺链园区"))
        table(per_zone.rename(columns={"zone": t("园区")}))
    if candidates is not None and node is not None:
        candidates_panel(node, candidates, ranking_layers)
    downloads(chain, tokens, layers)


def pick_chain() -> str:
    """The cluster and the chain (the page's own controls first); returns the chain."""
    nodes_all = chain_nodes()
    cluster_labels = {c: t(c) for c in CLUSTERS}
    pick_cluster, pick_chain, _ = st.columns([1, 1, 2])
    cluster = persist(
        pick_cluster.selectbox, "chain_cluster", CLUSTERS[0], t("选择产业集群"), list(CLUSTERS),
        format_func=cluster_labels.__getitem__,
    )  # fmt: skip
    chains = list(dict.fromkeys(nodes_all.loc[nodes_all["cluster"] == cluster, "chain"]))
    stored_chain = st.session_state["widget_store"].get("chain_chain")
    if stored_chain and stored_chain not in chains:
        st.session_state["widget_store"]["chain_chain"] = chains[0]
        st.session_state.pop(f"chain_chain:{lang()}", None)
    return persist(pick_chain.selectbox, "chain_chain", chains[0], t("选择产业链"), chains)


def figures(pan: pd.DataFrame, lead) -> None:
    """Nodes present, missing and targeted; the chain's leading zones."""
    c1, c2, c3, c4 = st.columns(4)
    counts = pan["status"].value_counts()
    c1.metric(t("已有"), int(counts.get("present", 0)))
    c2.metric(t("缺失"), int(counts.get("gap", 0)))
    c3.metric(t("拟招引"), int(counts.get("target", 0)))
    c4.metric(t("主导园区"), len(lead))


def panorama_panel(pan: pd.DataFrame, chain: str, layers, broken_down: bool) -> str | None:
    """The chain's panorama: the diagram, its table, the projects on no node.

    Returns
    -------
    str or None
        The node picked in the diagram.
    """
    st.subheader(t("产业链全景图"))
    picked = None
    if broken_down:
        event = st.vega_lite_chart(
            _diagram(pan), on_select="rerun", selection_mode="pick", key=f"diagram_{chain}"
        )
        selection = event.get("selection") if isinstance(event, Mapping) else None
        sel = selection.get("pick") if isinstance(selection, Mapping) else None
        if sel:
            picked = sel[0].get("node")
        st.caption(t("点击图中节点或在下方选择。"))
    else:
        st.info(t("资料未细分该产业链的节点。"))
    shown = pan.assign(status_zh=pan["status"].map(lambda s: t(STATUS_ZH[s])))
    cols = [c for c in PANORAMA_HEADERS if c in shown.columns and c != "chain"]
    table(
        table_frame(shown[cols]).rename(columns={c: t(PANORAMA_HEADERS[c]) for c in cols}),
        height=300,
    )
    extra = unassigned_projects(chain, layers)
    if len(extra):
        with st.expander(f"{t('未挂接节点的本链项目')} ({len(extra)})"):
            listed = ["id", "name", "stage", "investment_yi", "county", "zone"]
            titles = {"id": t("编号"), **column_labels(listed, "projects")}
            table(table_frame(extra[listed]).rename(columns=titles))
    return picked


def gap_node(pan: pd.DataFrame, chain: str, broken_down: bool, picked: str | None):
    """The missing or targeted node to fill, and the zones ranked for it.

    Returns
    -------
    (node or None, ranked zones or None, the layers the ranking used)
    """
    layers = _layers()
    fillable = pan[pan["status"].isin(["gap", "target"])]
    if not (broken_down and len(fillable)):
        if broken_down:
            st.caption(t("本链无缺失或拟招引节点。"))
        return None, None, layers
    options = list(fillable["node"])
    default = picked if picked in options else options[0]
    node_labels = {
        n: f"{n} · {t(STATUS_ZH[s])}"
        for n, s in zip(fillable["node"], fillable["status"], strict=True)
    }
    node = st.selectbox(
        t("选择缺失或拟招引节点"),
        options,
        index=options.index(default),
        key=f"gap_node_{chain}_{default}",
        format_func=node_labels.__getitem__,
    )
    exclude = exclude_schematic_box()
    ranking_layers = layers.without_schematic(POSITION_LAYERS) if exclude else layers
    with st.spinner(t("选址评估") + "…"):
        candidates = _candidates(chain, (ranking_layers.token,), ranking_layers)
    return node, candidates, ranking_layers


def chain_map(pan: pd.DataFrame, chain: str, lead, per_zone: pd.DataFrame, candidates) -> None:
    """The chain's projects by stage, its leading zones, the zones with gaps, the candidates."""
    layers = _layers()
    projects = layers["projects"]
    mine = projects["chain"].eq(chain) if "chain" in projects.columns else pd.Series(False)
    named = set(",".join(pan["projects"]).replace(";", ",").split(",")) - {""}
    if "id" in projects.columns:
        mine = mine | projects["id"].astype(str).isin(named)
    zones = layers["zones"]
    overlays = [
        partial(highlight_zones_layer, lead, name="主导园区", color="#1a9850", fill_opacity=0.25)
    ]
    gz = zones[zones["name"].isin(set(per_zone["zone"]))]
    if len(gz):
        gz = gz.merge(per_zone, left_on="name", right_on="zone", how="left")
        overlays.append(
            partial(
                highlight_zones_layer,
                gz,
                name="缺链园区",
                color="#d73027",
                fill_opacity=0.0,
                dashed=True,
                note_col=t("主导园区中尚无项目的节点"),
            )
        )
    if candidates is not None:
        overlays.append(partial(mapping.candidates_layer, candidates.head(10)))
    m = mapping.build_map(
        session_layers(),
        projects=projects[mine.to_numpy()],
        color_by="stage",
        settings=DEFAULT_SITING,
        overlays=overlays,
        **map_options(),
    )
    with st.expander(t("定位到 经度, 纬度")):
        goto = go_to_box(f"chain_map_{chain}")
    show_map(m, key=f"chain_map_{chain}", goto=goto)
    st.caption(t("项目按阶段着色；绿色为主导园区，红色为有缺链节点的主导园区；位置为示意。"))


def candidates_panel(node: str, candidates, ranking_layers) -> None:
    """The zones that suit a node, ranked by the siting evaluation of a point in each."""
    st.subheader(f"{node}: {t('适合该节点的园区（按选址评估排序）')}")
    st.caption(t("以各园区内一点（代表点）按该产业链做选址评估，按结论和得分排序。"))
    st.caption(schematic_layers_note(ranking_layers, POSITION_LAYERS)[2])  # what it used
    if candidates.empty:
        st.info(t("排除示意位置后没有可排序的园区：所有园区的位置都是示意的。"))
    ranked = candidates[["rank", "name", "leads_chain", "verdict", "score", "county", "reasons"]]
    table(
        table_frame(ranked).rename(
            columns={
                "rank": t("排名"),
                "name": t("园区"),
                "leads_chain": t("主导该链"),
                "verdict": t("结论"),
                "score": t("得分"),
                "county": t("县区"),
                "reasons": t("说明"),
            }
        ),
        height=320,
    )


def downloads(chain: str, tokens: tuple[str, ...], layers) -> None:
    """The chain's workbook and its 两图一表 HTML, built on click."""
    d1, d2 = st.columns(2)
    d1.download_button(
        t("下载 XLSX"),
        partial(_xlsx, chain, tokens, layers),  # built on click, not on every run
        file_name=f"chain_{chain}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="dl_chain_xlsx",
    )
    d2.download_button(
        t("下载 HTML（两图一表）"),
        partial(_html, chain, tokens, layers),
        file_name=f"chain_{chain}.html",
        mime="text/html",
        key="dl_chain_html",
    )
