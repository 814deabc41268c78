"""覆盖分析: which projects lie within reach of logistics hubs / monitoring stations; MCLP / LSCP.

Coverage follows the controls at once (one fragment over a stable map); the
placement of new facilities (MCLP / LSCP) runs on its button, and its
proposed sites can be downloaded.
"""

import math
from dataclasses import dataclass
from typing import Literal, cast

import pandas as pd
import streamlit as st

from geoapp import mapping
from geoapp.app.common import (
    Filters,
    column_labels,
    download_buttons,
    drop_schematic,
    exclude_schematic_box,
    filtered_projects,
    filters_token,
    go_to_box,
    lang,
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
from geoapp.coverage import candidate_sites, coverage, place_facilities
from geoapp.errors import InfeasibleError
from geoapp.settings import DEFAULT_COVERAGE, DEFAULT_PLACEMENT
from geoapp.siting import POSITION_LAYERS
from geoapp.workspace import coverage_figures

MAP_KEY = "coverage_map"
MODELS = {
    "mclp": "MCLP（最大覆盖，新增 k 个）",
    "lscp": "LSCP（全覆盖，最少设施）",
}
#: Titles of the grouping choices.
GROUPS = {"county": "县区", "zone": "园区", "chain": "产业链"}


@dataclass(frozen=True)
class Placement:
    """The placement form: model, candidates, weighting, solver limits and its two buttons."""

    model: str
    k: int
    cand_kind: str
    spacing_km: float
    by_investment: bool
    time_limit_s: float
    gap_pct: float
    run: bool
    clear: bool


@dataclass(frozen=True)
class Controls:
    """What the page's control column chose."""

    ftype: str
    radius_km: float
    group: str
    exclude: bool
    place: Placement
    filters: Filters


@st.cache_data(show_spinner=False, max_entries=32)
def run_coverage(token: str, fac_token: str, radius_m: float, _sites, _facilities, _layers):
    return coverage(
        _sites, _facilities, radius_m=radius_m, weight_col="investment_yi", layers=_layers
    )


@st.cache_data(show_spinner=False, max_entries=16)
def run_placement(
    token: str,
    fac_token: str,
    radius_m: float,
    model: str,
    k: int,
    cand_kind: str,
    spacing_m: float,
    by_investment: bool,
    time_limit_s: float,
    mip_gap: float,
    _sites,
    _facilities,
    _layers,
):
    cands = candidate_sites(
        kind=cast(Literal["zone_centroids", "grid", "user"], cand_kind),
        layers=_layers,
        spacing_m=spacing_m,
    )
    return place_facilities(
        _sites,
        cands,
        radius_m=radius_m,
        model=cast(Literal["mclp", "lscp"], model),
        k=k if model == "mclp" else None,
        existing=_facilities,
        weight_col="investment_yi" if by_investment else None,
        fill_weight=0.0 if by_investment else None,
        time_limit_s=time_limit_s,
        mip_gap=mip_gap,
    )


def pct(x) -> str:
    return "—" if x is None or pd.isna(x) else f"{100 * float(x):.1f}%"


def infeasible_text(exc: InfeasibleError, radius_m: float) -> str:
    """The LSCP infeasibility in the planner's language (no API names)."""
    feas = getattr(exc, "feasibility", None)
    if feas is None:
        return t("在当前服务半径内无法覆盖全部项目：请增大服务半径，或改用 MCLP（最大覆盖）。")
    names = [str(n) for n in feas.unreachable.get("name", pd.Series(dtype=object)).head(8)]
    more = len(feas.unreachable) - len(names)
    need = math.ceil(feas.min_radius_m / 100.0) * 100
    if lang() == "zh":
        listed = "、".join(names) + (f" 等 {len(feas.unreachable)} 个" if more > 0 else "")
        return (
            f"全覆盖（LSCP）不可行：服务半径 {radius_m / 1000:g} 公里时，"
            f"有 {len(feas.unreachable)} 个项目"
            f"离所有候选点和现有设施都更远（{listed}）。覆盖全部项目至少需要 {need / 1000:g} 公里；"
            "请增大服务半径、改用规则网格候选点，或改用 MCLP（最大覆盖）。"
        )
    listed = ", ".join(names) + (f" and {more} more" if more > 0 else "")
    return (
        f"Full coverage (LSCP) is not possible with a {radius_m / 1000:g} km service radius: "
        f"{len(feas.unreachable)} project(s) are farther than that from every candidate and "
        f"existing facility ({listed}). Covering every project needs at least {need / 1000:g} km; "
        "increase the radius, use grid candidates, or use MCLP (maximum coverage)."
    )


def page() -> None:
    """The 覆盖分析 page."""
    st.title(t("覆盖分析"))
    coverage_page()


@st.fragment
def coverage_page() -> None:
    """Controls and map (one fragment), then tables, placement, files and the scenario bar."""
    ctrl, right = st.columns([1, 3.3])
    with ctrl:
        c = controls()
    with timed("coverage"):
        projects = drop_schematic(filtered_projects(c.filters), c.exclude)
        # the facilities and the zones (candidates, grouping) too: geoapp.layers' one rule
        used = session_layers()
        used = used.without_schematic(POSITION_LAYERS) if c.exclude else used
        facilities = used[c.ftype]
        token = f"{filters_token(c.filters)}|excl={c.exclude}"
        fac_token = f"{layer_token(c.ftype)}|{layer_token('zones')}|excl={c.exclude}"
        radius_m = c.radius_km * 1000
        res = None
        if len(projects) and facilities is not None and len(facilities):
            res = run_coverage(token, fac_token, radius_m, projects, facilities, used)
        p = c.place
        params = (
            token, fac_token, radius_m, p.model, int(p.k), p.cand_kind, p.spacing_km * 1000,
            bool(p.by_investment), float(p.time_limit_s), float(p.gap_pct) / 100,
        )  # fmt: skip
        placement, placement_error, stale = placement_run(
            p, params, res, (projects, facilities, used), right
        )
        with right:
            k_s, n_s, note = figures_and_map(c, params, res, placement, projects, facilities)
            if res is None:
                st.warning(t("没有可分析的项目：请放宽筛选条件，或取消“排除示意位置”。"))
            if placement_error:
                st.error(placement_error)
            if stale:
                st.info(t("参数已改变：点击“运行选址”更新新增设施。"))
    if res is None:
        return
    group_table(res, c.group)
    if placement is not None:
        placement_panel(placement, c, params, f"{k_s}/{n_s}", note)
    uncovered_table(res)
    run_token = f"{token}|{fac_token}|{radius_m}"
    sites = res.sites.assign(schematic_used=f"{k_s}/{n_s}")
    store_result("coverage_sites", t("覆盖分析") + " · " + t("项目"), sites, run_token)
    st.caption(t("覆盖分析") + " · " + note)
    download_buttons(sites, stem="coverage_sites", token=run_token, key="dl_cov")
    scenario_bar(c, res, placement)


def controls() -> Controls:
    """Facility type, radius, grouping, the placement form, the project filters, the go-to box."""
    ftype = st.radio(
        t("设施类型"),
        ["logistics_hubs", "monitoring_stations"],
        key="cov_type",
        horizontal=True,
        format_func=lambda v: t("物流枢纽" if v == "logistics_hubs" else "环境监测站点"),
    )
    default_km = (
        DEFAULT_COVERAGE.hub_radius_m
        if ftype == "logistics_hubs"
        else DEFAULT_COVERAGE.station_radius_m
    ) / 1000
    radius_km = st.slider(
        t("服务半径(公里)"), 1.0, 60.0, default_km, 0.5, key=f"cov_radius_{ftype}"
    )
    group = st.radio(
        t("分组"),
        list(GROUPS),
        key="cov_group",
        horizontal=True,
        format_func=lambda v: t(GROUPS[v]),
    )
    exclude = exclude_schematic_box(st.container())
    place = placement_form()
    project_box = st.container()
    filters = project_filters(project_box)
    go_to_box(MAP_KEY, st.container())
    return Controls(ftype, radius_km, group, exclude, place, filters)


def placement_form() -> Placement:
    """The form of the placement of new facilities (MCLP / LSCP); it runs on its button."""
    with st.form("cov_place_form", border=True):
        st.markdown(f"**{t('新增设施选址')}**")
        model = st.radio(
            t("模型"), list(MODELS), key="cov_model", format_func=lambda v: t(MODELS[v])
        )
        k = st.number_input(
            t("新增设施数 k（MCLP）"), 1, 20, DEFAULT_PLACEMENT.new_facilities, key="cov_k"
        )
        cand_kind = st.radio(
            t("候选点"),
            ["zone_centroids", "grid"],
            key="cov_cand",
            horizontal=True,
            format_func=lambda v: t("园区代表点" if v == "zone_centroids" else "规则网格"),
        )
        spacing_km = st.slider(
            t("网格间距(公里)（规则网格）"),
            2.0,
            20.0,
            DEFAULT_PLACEMENT.grid_spacing_m / 1000,
            1.0,
            key="cov_spacing",
        )
        by_investment = st.checkbox(t("按投资额加权"), key="cov_weight", value=False)
        time_limit_s = st.number_input(
            t("求解时间上限(秒)"),
            0.001,
            120.0,
            DEFAULT_PLACEMENT.time_limit_s,
            1.0,
            key="cov_time_limit",
        )
        gap_pct = st.number_input(
            t("允许的最优性差距(%)"),
            0.0,
            50.0,
            100 * DEFAULT_PLACEMENT.mip_gap,
            0.5,
            key="cov_gap",
        )
        run = st.form_submit_button(t("运行选址"), type="primary")
        clear = st.form_submit_button(t("清除选址结果"))
    return Placement(
        model, int(k), cand_kind, spacing_km, by_investment, time_limit_s, gap_pct, run, clear
    )


def placement_run(p: Placement, params: tuple, res, inputs: tuple, right):
    """The placement for ``params`` once the planner ran it (and the form's clear button).

    ``inputs``: the projects, the facilities and the layers used.

    Returns
    -------
    (placement or None, infeasibility text or None, whether the parameters changed since)
    """
    if p.clear:
        st.session_state.pop("cov_placed", None)
    if p.run and res is not None:
        st.session_state["cov_placed"] = params
    placed = st.session_state.get("cov_placed")
    if placed is None or res is None:
        return None, None, False
    if placed != params:
        return None, None, True
    try:
        with right, st.status(t("新增设施选址") + " …", expanded=False) as status:
            placement = run_placement(*params, *inputs)
            status.update(label=t("新增设施选址") + " ✓", state="complete")
    except InfeasibleError as exc:
        return None, infeasible_text(exc, params[2]), False
    return placement, None, False


def coverage_layers(res, placement, facilities, radius_m: float, radius_km: float) -> list:
    """The map's dynamic layers: service areas, new facilities, projects by coverage."""
    ctx = map_context()
    after = placement is not None and len(placement.chosen) > 0
    out = []
    if facilities is not None and len(facilities):
        out.append(mapping.service_area_layer(facilities, radius_m, **ctx))
    if after:
        out.append(
            mapping.service_area_layer(
                placement.chosen,
                radius_m,
                name=f"{t('新增设施')} · {t('服务范围')}",
                proposed=True,
                **ctx,
            )
        )
        out.append(
            mapping.facilities_layer(
                placement.chosen,
                kind="new",
                extra_fields=(("项目数", "n_sites_within"),),
                **ctx,
            )
        )
    if res is not None:
        shown_projects = res.sites
        # colour the projects by their coverage with the new facilities
        if after:
            shown_projects = res.sites.assign(covered=placement.sites["covered"].to_numpy())
        out.append(
            mapping.projects_layer(
                shown_projects,
                color_by="covered",
                extra_fields=(("最近设施", "facility_name"), ("距离(米)", "distance_m")),
                legend_title=f"{t('项目')} · {t('服务半径(公里)')} {radius_km:g}"
                + (f" · {t('新增设施后')}" if after else ""),
                **ctx,
            )
        )
    return out


def figures_and_map(c: Controls, params: tuple, res, placement, projects, facilities):
    """Coverage figures, the stable map and the note on schematic positions.

    Returns
    -------
    (n_schematic, n_total, note) of the projects and facilities used.
    """
    radius_m = params[2]
    after = placement is not None and len(placement.chosen) > 0
    dyn_key = f"{'|'.join(map(str, params))}|{after}|{res is not None}"
    c1, c2, c3, c4 = st.columns(4)
    if res is not None:
        ov = res.overall
        c1.metric(t("覆盖率(按数量)"), pct(ov["share_count"]))
        c2.metric(
            t("覆盖率(按投资)"),
            pct(ov["share_investment"]),
            help=f"{t('注明投资额的项目')}: {ov.get('n_with_investment', 0)}",
        )
        c3.metric(t("已覆盖项目"), f"{ov['n_covered']} / {ov['n_sites']}")
        c4.metric(t("未覆盖项目"), f"{ov['n_sites'] - ov['n_covered']}")
    stable_map(
        "base",
        lambda: coverage_layers(res, placement, facilities, radius_m, c.radius_km),
        river_buffer=True,
        key=MAP_KEY,
        dynamic_key=dyn_key,
    )
    k_s, n_s, note = schematic_note(  # the projects and the facilities used
        projects=projects, **{c.ftype: facilities}
    )
    st.caption(note)
    return k_s, n_s, note


def group_table(res, group: str) -> None:
    """Coverage by county, zone or chain."""
    st.subheader(t("分组覆盖率"))
    frame = {"county": res.by_county, "zone": res.by_zone, "chain": res.by_chain}[group]
    shown = frame.assign(
        share_count=frame["share_count"].map(pct),
        share_investment=frame["share_investment"].map(pct),
    ).rename(
        columns={
            "group": t(GROUPS[group]),
            "n_sites": t("项目数"),
            "n_covered": t("已覆盖项目"),
            "share_count": t("覆盖率(按数量)"),
            "investment_yi": t("投资额(亿元)"),
            "investment_covered_yi": t("已覆盖投资额(亿元)"),
            "n_with_investment": t("注明投资额的项目"),
            "share_investment": t("覆盖率(按投资)"),
        }
    )
    table(table_frame(shown))


def placement_panel(placement, c: Controls, params: tuple, schematic_used: str, note: str) -> None:
    """Coverage before and after, the solve's quality, the proposed sites and their files."""
    st.subheader(t("新增设施选址"))
    p1, p2 = st.columns(2)
    p1.metric(t("优化前覆盖率"), pct(placement.covered_before["share_count"]))
    gain = placement.covered_after["share_count"] - placement.covered_before["share_count"]
    p2.metric(
        t("优化后覆盖率"),
        pct(placement.covered_after["share_count"]),
        delta=f"{100 * gain:+.1f} pt",
    )
    quality = f"{t('求解质量')}: {placement.quality('en' if lang() == 'en' else 'zh')}"
    if placement.optimal:
        st.caption(quality)
    else:  # stopped by the time limit or the gap: say how far from the best it may be
        st.warning(quality)
    chosen = placement.chosen
    pts = chosen.geometry.representative_point()
    table(
        pd.DataFrame(
            {
                t("名称"): chosen.get("name", chosen.get("id")),
                t("候选点"): chosen["kind"]
                .map({"zone_centroids": t("园区代表点"), "grid": t("规则网格")})
                .fillna(chosen["kind"])
                if "kind" in chosen.columns
                else None,
                t("项目数"): chosen.get("n_sites_within"),
                t("经度"): pts.x.round(5),
                t("纬度"): pts.y.round(5),
            }
        )
    )
    proposed = chosen.assign(
        model=c.place.model.upper(),
        radius_m=params[2],
        schematic_used=schematic_used,
    )
    place_token = "|".join(map(str, params)) + "|proposed"
    store_result("proposed_sites", t("新增设施选址"), proposed, place_token)
    st.caption(t("新增设施选址") + " · " + note)
    download_buttons(proposed, stem="proposed_sites", token=place_token, key="dl_cov_new")


def uncovered_table(res) -> None:
    """The projects out of reach, with their nearest facility and its distance."""
    st.subheader(t("未覆盖项目"))
    cols = [
        c
        for c in ("name", "chain", "stage", "county", "zone", "facility_name", "distance_m")
        if c in res.uncovered.columns
    ]
    table(
        table_frame(res.uncovered[cols])
        .assign(distance_m=res.uncovered["distance_m"].round(0).to_numpy())
        .rename(
            columns={
                **column_labels(cols, "projects"),
                "facility_name": t("最近设施"),
                "distance_m": t("距离(米)"),
            }
        ),
        height=260,
    )


def scenario_bar(c: Controls, res, placement) -> None:
    """The workspace: log this run, offer to save it as a scenario."""
    p = c.place
    after = placement is not None and len(placement.chosen) > 0
    scenario_controls(
        "coverage", page="覆盖分析", figures=coverage_figures(res, placement),
        parameters={"facilities": c.ftype, "radius_m": c.radius_km * 1000, "model": p.model,
                    "k": int(p.k), "candidates": p.cand_kind, "spacing_m": p.spacing_km * 1000,
                    "by_investment": p.by_investment, "filters": vars(c.filters),
                    "exclude_schematic": c.exclude},
        results={"sites": res.sites, **({"new_facilities": placement.chosen} if after else {})},
    )  # fmt: skip
