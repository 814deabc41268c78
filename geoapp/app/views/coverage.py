"""覆盖分析: which projects lie within reach of logistics hubs / monitoring stations; MCLP / LSCP."""

from functools import partial

import pandas as pd
import streamlit as st

from geoapp import mapping
from geoapp.app.common import (
    column_labels,
    download_buttons,
    filtered_projects,
    filters_token,
    lang,
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
from geoapp.coverage import candidate_sites, coverage, place_facilities
from geoapp.errors import InfeasibleError
from geoapp.settings import DEFAULT_COVERAGE, DEFAULT_PLACEMENT
from geoapp.workspace.scenarios import coverage_figures

st.title(t("覆盖分析"))

filters = project_filters()
st.sidebar.subheader(t("覆盖分析"))
ftype = st.sidebar.radio(
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
radius_km = st.sidebar.slider(
    t("服务半径(公里)"), 1.0, 60.0, default_km, 0.5, key=f"cov_radius_{ftype}"
)
group = st.sidebar.radio(
    t("分组"),
    ["county", "zone", "chain"],
    key="cov_group",
    horizontal=True,
    format_func=lambda v: t({"county": "县区", "zone": "园区", "chain": "产业链"}[v]),
)
with st.sidebar.expander(t("新增设施选址")):
    model = st.radio(
        t("模型"),
        ["none", "mclp", "lscp"],
        key="cov_model",
        format_func=lambda v: t(
            {
                "none": "不优化",
                "mclp": "MCLP（最大覆盖，新增 k 个）",
                "lscp": "LSCP（全覆盖，最少设施）",
            }[v]
        ),
    )
    k = st.number_input(t("新增设施数 k"), 1, 20, 2, key="cov_k", disabled=model != "mclp")
    cand_kind = st.radio(
        t("候选点"),
        ["zone_centroids", "grid"],
        key="cov_cand",
        horizontal=True,
        format_func=lambda v: t("园区代表点" if v == "zone_centroids" else "规则网格"),
    )
    spacing_km = st.slider(
        t("网格间距(公里)"), 2.0, 20.0, 5.0, 1.0, key="cov_spacing", disabled=cand_kind != "grid"
    )
    by_investment = st.checkbox(t("按投资额加权"), key="cov_weight", value=False)
    time_limit_s = st.number_input(
        t("求解时间上限(秒)"),
        0.001,
        120.0,
        DEFAULT_PLACEMENT.time_limit_s,
        1.0,
        key="cov_time_limit",
        disabled=model == "none",
    )
    gap_pct = st.number_input(
        t("允许的最优性差距(%)"),
        0.0,
        50.0,
        100 * DEFAULT_PLACEMENT.mip_gap,
        0.5,
        key="cov_gap",
        disabled=model == "none",
    )


@st.cache_data(show_spinner=False, max_entries=32)
def run_coverage(
    token: str, fac_token: str, radius_m: float, _sites, _facilities, _layers
):
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
    cands = candidate_sites(kind=cand_kind, layers=_layers, spacing_m=spacing_m)
    return place_facilities(
        _sites,
        cands,
        radius_m=radius_m,
        model=model,
        k=k if model == "mclp" else None,
        existing=_facilities,
        weight_col="investment_yi" if by_investment else None,
        fill_weight=0.0 if by_investment else None,
        time_limit_s=time_limit_s,
        mip_gap=mip_gap,
    )


def pct(x) -> str:
    return "—" if x is None or pd.isna(x) else f"{100 * float(x):.1f}%"


projects = filtered_projects(filters)
facilities = layer(ftype)
if len(projects) == 0 or facilities is None or len(facilities) == 0:
    st.warning(t("项目数") + ": 0")
    st.stop()
token = filters_token(filters)
fac_token = f"{layer_token(ftype)}|{layer_token('zones')}"
radius_m = radius_km * 1000
with st.spinner(t("覆盖分析")):
    res = run_coverage(
        token, fac_token, radius_m, projects, facilities, session_layers()
    )

ov = res.overall
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("覆盖率(按数量)"), pct(ov["share_count"]))
c2.metric(
    t("覆盖率(按投资)"),
    pct(ov["share_investment"]),
    help=f"{t('注明投资额的项目')}: {ov.get('n_with_investment', 0)}",
)
c3.metric(t("已覆盖项目"), f"{ov['n_covered']} / {ov['n_sites']}")
c4.metric(t("未覆盖项目"), f"{ov['n_sites'] - ov['n_covered']}")

placement = None
if model != "none":
    try:
        with st.spinner(t("新增设施选址")):
            placement = run_placement(
                token,
                fac_token,
                radius_m,
                model,
                int(k),
                cand_kind,
                spacing_km * 1000,
                by_investment,
                float(time_limit_s),
                float(gap_pct) / 100,
                projects,
                facilities,
                session_layers(),
            )
    except InfeasibleError as exc:
        st.error(str(exc))

kind = "hubs" if ftype == "logistics_hubs" else "stations"
overlays = [partial(mapping.service_area_layer, facilities, radius_m)]
if placement is not None and len(placement.chosen):
    overlays.append(
        partial(
            mapping.service_area_layer,
            placement.chosen,
            radius_m,
            name=f"{t('新增设施')} · {t('服务范围')}",
            proposed=True,
        )
    )
    overlays.append(
        partial(
            mapping.facilities_layer,
            placement.chosen,
            kind="new",
            extra_fields=(("项目数", "n_sites_within"),),
        )
    )
shown_projects = res.sites
after = placement is not None and len(placement.chosen) > 0
if after:  # colour the projects by their coverage with the new facilities
    shown_projects = res.sites.assign(covered=placement.sites["covered"].to_numpy())
other = "monitoring_stations" if ftype == "logistics_hubs" else "logistics_hubs"
m = mapping.build_map(
    session_layers(),
    projects=shown_projects,
    show={other: False},
    color_by="covered",
    overlays=overlays,
    project_options={
        "extra_fields": (("最近设施", "facility_name"), ("距离(米)", "distance_m")),
        "legend_title": f"{t('项目')} · {t('服务半径(公里)')} {radius_km:g}"
        + (f" · {t('新增设施后')}" if after else ""),
    },
    **map_options(),
)
show_map(m, key="coverage_map")

st.subheader(t("分组覆盖率"))
frame = {"county": res.by_county, "zone": res.by_zone, "chain": res.by_chain}[group]
shown = frame.assign(
    share_count=frame["share_count"].map(pct), share_investment=frame["share_investment"].map(pct)
).rename(
    columns={
        "group": t({"county": "县区", "zone": "园区", "chain": "产业链"}[group]),
        "n_sites": t("项目数"),
        "n_covered": t("已覆盖项目"),
        "share_count": t("覆盖率(按数量)"),
        "investment_yi": t("投资额(亿元)"),
        "investment_covered_yi": t("已覆盖投资额(亿元)"),
        "n_with_investment": t("注明投资额的项目"),
        "share_investment": t("覆盖率(按投资)"),
    }
)
table(shown)

if placement is not None:
    st.subheader(t("新增设施选址"))
    p1, p2 = st.columns(2)
    p1.metric(t("优化前覆盖率"), pct(placement.covered_before["share_count"]))
    p2.metric(
        t("优化后覆盖率"),
        pct(placement.covered_after["share_count"]),
        delta=f"{100 * (placement.covered_after['share_count'] - placement.covered_before['share_count']):+.1f} pt",
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

st.subheader(t("未覆盖项目"))
cols = [
    c
    for c in ("name", "chain", "stage", "county", "zone", "facility_name", "distance_m")
    if c in res.uncovered.columns
]
table(
    res.uncovered[cols]
    .assign(distance_m=res.uncovered["distance_m"].round(0))
    .rename(
        columns={
            **column_labels(cols, "projects"),
            "facility_name": t("最近设施"),
            "distance_m": t("距离(米)"),
        }
    ),
    height=260,
)

run_token = f"{token}|{fac_token}|{radius_m}"
store_result("coverage_sites", t("覆盖分析") + " · " + t("项目"), res.sites, run_token)
download_buttons(res.sites, stem="coverage_sites", token=run_token, key="dl_cov")
scenario_controls(  # the workspace: log this run, offer to save it as a scenario
    "coverage", page="覆盖分析", figures=coverage_figures(res, placement),
    parameters={"facilities": ftype, "radius_m": radius_m, "model": model, "k": int(k),
                "candidates": cand_kind, "spacing_m": spacing_km * 1000,
                "by_investment": by_investment, "filters": vars(filters)},
    results={"sites": shown_projects, **({"new_facilities": placement.chosen} if after else {})},
)  # fmt: skip
