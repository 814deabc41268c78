"""选址评估: click a point or draw a parcel to evaluate it; upload candidates for a ranked table."""

import json

import folium
import geopandas as gpd
import pandas as pd
import shapely
import streamlit as st

from geoapp import mapping
from geoapp.app.common import (
    content_token,
    download_buttons,
    header_labels,
    map_options,
    persist,
    rejected_row_labels,
    session_layers,
    show_map,
    siting_settings,
    store_result,
    t,
    table,
)
from geoapp.app.workspace import scenario_controls
from geoapp.chains import chain_names
from geoapp.errors import GeoappError
from geoapp.io import read_user_layer
from geoapp.settings import DEFAULT_SITING
from geoapp.spatial import outside_city
from geoapp.siting import (
    VERDICT_ZH,
    evaluate_sites,
    explain_site,
    rank_sites,
    reasons_in,
    rules_of,
)
from geoapp.workspace.scenarios import siting_figures

MAP_KEY = "siting_map"

st.title(t("选址评估"))
st.caption(t("点击地图上的一点，或用左侧工具绘制地块，即可评估该位置。"))

NO_CHAIN = "__none__"
chain = persist(
    st.sidebar.selectbox,
    "site_chain",
    NO_CHAIN,
    t("候选项目产业链"),
    [NO_CHAIN, *chain_names()],
    format_func=lambda v: t("未指定") if v == NO_CHAIN else v,
)
river_m = st.sidebar.number_input(
    t("黄河岸线管控距离(米)"), 0, 20_000, int(DEFAULT_SITING.river_buffer_m), 100, key="site_river"
)
same_km = st.sidebar.slider(
    t("同链项目统计半径(公里)"),
    1.0,
    50.0,
    DEFAULT_SITING.same_chain_radius_m / 1000,
    1.0,
    key="site_same_chain",
)
settings = siting_settings(float(river_m), same_km * 1000)
basemap = map_options()["basemap"]


def _drawn(feature) -> bool:
    """A parcel drawn with the Draw tool (not a clicked layer feature, which has properties)."""
    return (
        isinstance(feature, dict)
        and not (feature.get("properties") or {})
        and (feature.get("geometry") or {}).get("type") in ("Polygon", "MultiPolygon")
    )


# The component's latest value is in session_state before the map is drawn, so the site
# marker can be drawn in the same run as the click.
value = st.session_state.get(MAP_KEY) or {}
seen = st.session_state["site_seen"]
click_sig = json.dumps(value.get("last_clicked"), sort_keys=True)
draw_sig = json.dumps(value.get("last_active_drawing"), sort_keys=True)
if draw_sig != seen.get("drawing") and _drawn(value.get("last_active_drawing")):
    geom = shapely.geometry.shape(value["last_active_drawing"]["geometry"])
    geom = mapping.geometry_to_wgs84(geom, basemap=basemap)
    st.session_state["site"] = {"kind": "parcel", "wkt": geom.wkt}
elif click_sig != seen.get("click") and value.get("last_clicked"):
    lon, lat = mapping.to_wgs84(
        value["last_clicked"]["lng"], value["last_clicked"]["lat"], basemap=basemap
    )
    st.session_state["site"] = {"kind": "point", "lon": lon, "lat": lat}
seen["click"], seen["drawing"] = click_sig, draw_sig

site = st.session_state.get("site")
layers_obj = session_layers()
row = None
if site:
    if site.get("kind") == "parcel":
        geom = shapely.from_wkt(site["wkt"])
    else:
        geom = shapely.Point(float(site["lon"]), float(site["lat"]))
    cand = gpd.GeoDataFrame(
        {
            "name": [t("地块") if site.get("kind") == "parcel" else t("点位")],
            "chain": [None if chain == NO_CHAIN else chain],
        },
        geometry=[geom],
        crs=4326,
    )
    problem = outside_city(cand.geometry, layers_obj["counties"])
    if problem:
        st.error(problem)
    else:
        result = evaluate_sites(cand, layers=layers_obj, settings=settings)
        row = result.iloc[0]

# ----- batch candidates (upload)
st.sidebar.subheader(t("批量评估候选地块"))
upload = st.sidebar.file_uploader(
    t("上传候选点文件 (CSV / XLSX / GeoJSON)"),
    type=["csv", "xlsx", "geojson", "json", "gpkg", "zip"],
    key="site_upload",
)
datum = st.sidebar.selectbox(
    t("坐标类型"),
    ["wgs84", "gcj02", "bd09"],
    key="site_datum",
    format_func=lambda v: {"wgs84": "WGS-84 / CGCS2000", "gcj02": "GCJ-02", "bd09": "BD-09"}[v],
)


@st.cache_data(show_spinner=False, max_entries=8)
def read_candidates(token: str, name: str, datum: str, _data: bytes):
    return read_user_layer(_data, filename=name, datum=datum, fix_swapped=True)


batch = None
if upload is not None:
    data = upload.getvalue()
    try:
        imported = read_candidates(content_token(data), upload.name, datum, data)
    except (GeoappError, ValueError) as exc:
        st.error(f"{upload.name}: {exc}")
        imported = None
    if imported is not None:
        cands = imported.gdf
        for zh, en in (("产业链", "chain"), ("名称", "name"), ("项目名称", "name")):
            if zh in cands.columns and en not in cands.columns:
                cands = cands.rename(columns={zh: en})
        chain_col = "chain" if "chain" in cands.columns else None
        if len(cands):
            batch = evaluate_sites(cands, layers=layers_obj, settings=settings, chain_col=chain_col)
            batch = rank_sites(batch)
            batch.insert(0, "rank", range(1, len(batch) + 1))

# ----- the map: the base is stable; the site and candidates are a dynamic feature group
m = mapping.build_map(
    layers_obj, settings=settings, draw=True, interactive=False, **map_options()
)
group = folium.FeatureGroup(name=t("评估结果"))
datum_shown = mapping.basemap_datum(basemap)
if batch is not None:
    mapping.candidates_layer(batch, lang=map_options()["lang"], datum=datum_shown).add_to(group)
if row is not None:
    mapping.site_marker_layer(
        row.geometry, verdict=row["verdict"], lang=map_options()["lang"], datum=datum_shown
    ).add_to(group)
show_map(
    m, key=MAP_KEY, returned_objects=["last_clicked", "last_active_drawing"], feature_groups=group
)

# ----- the evaluation of the clicked / drawn site
if row is not None:
    info = explain_site(row, settings=settings, rules=rules_of(layers_obj))
    st.subheader(t("评估结果"))
    v1, v2, v3, v4 = st.columns(4)
    v1.metric(t("结论"), t(VERDICT_ZH.get(info["verdict"], info["verdict"])))
    v2.metric(t("得分"), f"{info['score']:.1f}")
    v3.metric(t("县区"), info["county"] or "—")
    v4.metric(t("园区"), info["zone"] or "—")
    geom = row.geometry
    where = (
        f"{geom.x:.5f}, {geom.y:.5f}"
        if geom.geom_type == "Point"
        else f"{t('地块')} {gpd.GeoSeries([geom], crs=4326).to_crs(4547).area.iloc[0] / 1e4:,.1f} ha"
    )
    why = reasons_in(pd.Series([info["reasons"] or ""]), map_options()["lang"]).iloc[0]
    st.caption(f"{where} · {t('产业链')}: {info['chain'] or t('未指定')} · {why}")
    near = info["nearest"]

    def km(d):
        return "—" if d is None or pd.isna(d) else f"{d / 1000:.2f} km"

    n1, n2, n3 = st.columns(3)
    n1.metric(t("最近物流枢纽"), km(near["hub"]["distance_m"]), help=near["hub"]["name"])
    n1.caption(near["hub"]["name"] or "—")
    n2.metric(t("最近监测站"), km(near["station"]["distance_m"]), help=near["station"]["name"])
    n2.caption(near["station"]["name"] or "—")
    n3.metric(t("距黄河"), km(near["river_distance_m"]))

    st.markdown(f"**{t('评分明细')}**")
    crit = pd.DataFrame(info["criteria"])
    title_col = "title_zh" if map_options()["lang"] == "zh" else "title_en"
    table(
        crit[[title_col, "raw_text", "normalised", "weight", "points", "max_points"]]
        .rename(
            columns={
                title_col: t("评分明细"),
                "raw_text": t("说明"),
                "normalised": t("标准化值(0–1)"),
                "weight": t("权重"),
                "points": t("得分"),
                "max_points": t("满分"),
            }
        )
        .round(2)
    )
    st.markdown(f"**{t('违反的规则')}**")
    if info["rules_failed"]:
        failed = pd.DataFrame(info["rules_failed"])
        applies = {"chemical": t("化工项目"), "all": t("所有项目")}
        title_key = "title_zh" if map_options()["lang"] == "zh" else "title_en"
        if title_key not in failed.columns:
            title_key = "title_zh"
        shown_cols = [title_key, "legal_basis", "applies_to"]
        if map_options()["lang"] == "en" and "description" in failed.columns:
            shown_cols.append("description")  # the rules' descriptions are in English
        table(
            failed[shown_cols]
            .assign(applies_to=failed["applies_to"].map(lambda v: applies.get(v, v)))
            .rename(
                columns={
                    title_key: t("违反的规则"),
                    "legal_basis": t("法律依据"),
                    "applies_to": t("适用"),
                    "description": t("说明"),
                }
            )
        )
        for r in info["rules_failed"]:
            title = r.get(title_key) or r["title_zh"]
            colon = "：" if map_options()["lang"] == "zh" else ": "
            st.error(f"{title} — {t('法律依据')}{colon}{r['legal_basis']}")
    else:
        st.success(t("未违反任何硬性规则。"))
    store_result(
        "siting_site",
        t("评估点"),
        result,
        f"site|{json.dumps(site, sort_keys=True)}|{chain}|{river_m}|{same_km}",
    )

if upload is not None and imported is not None:
    st.subheader(t("候选点排名"))
    st.caption(imported.summary())
    if len(imported.rejected):
        st.markdown(f"**{t('被拒绝的行')}**")
        table(imported.rejected, column_config=rejected_row_labels())
    for w in imported.warnings:
        st.warning(w)
    if batch is not None and "chain" in batch.columns:
        unknown = batch["chain"].notna() & ~batch["chain_known"]
        if unknown.any():
            names = "、".join(sorted(set(batch.loc[unknown, "chain"].astype(str))))
            st.warning(
                f"{t('产业链不在目录中（不计园区匹配；仅按名称关键词判断是否化工）')}：{names}"
            )
    if batch is not None:
        cols = [
            c
            for c in (
                "rank",
                "name",
                "chain",
                "verdict",
                "score",
                "county",
                "zone",
                "violation_text",
                "hub_name",
                "hub_distance_m",
                "station_name",
                "station_distance_m",
                "river_distance_m",
                "reasons",
            )
            if c in batch.columns
        ]
        shown = batch[cols].assign(verdict=batch["verdict"].map(lambda v: t(VERDICT_ZH.get(v, v))))
        if "reasons" in shown.columns:
            shown["reasons"] = reasons_in(shown["reasons"], map_options()["lang"])
        table(
            shown.round({"hub_distance_m": 0, "station_distance_m": 0, "river_distance_m": 0}),
            column_config=header_labels(
                {
                    "rank": t("排名"),
                    "name": t("名称"),
                    "chain": t("产业链"),
                    "verdict": t("结论"),
                    "score": t("得分"),
                    "county": t("县区"),
                    "zone": t("园区"),
                    "violation_text": t("违反的规则"),
                    "hub_name": t("最近物流枢纽"),
                    "hub_distance_m": f"{t('最近物流枢纽')} · {t('距离(米)')}",
                    "station_name": t("最近监测站"),
                    "station_distance_m": f"{t('最近监测站')} · {t('距离(米)')}",
                    "river_distance_m": t("距黄河(米)"),
                    "reasons": t("原因"),
                }
            ),
        )
        token = f"batch|{content_token(upload.getvalue())}|{chain}|{river_m}|{same_km}"
        store_result("siting_batch", t("候选点评估"), batch, token)
        download_buttons(
            batch, stem="siting_candidates", token=token, key="dl_site", formats=("csv", "geojson")
        )
evaluated = batch if batch is not None else (result if row is not None else None)
if evaluated is not None:  # the workspace: log this run, offer to save it as a scenario
    scenario_controls(
        "siting", page="选址评估", figures=siting_figures(evaluated), results={"sites": evaluated},
        parameters={"chain": None if chain == NO_CHAIN else chain, "river_buffer_m": float(river_m),
                    "same_chain_radius_m": same_km * 1000,
                    "input": upload.name if batch is not None else json.dumps(site)},
    )  # fmt: skip
