"""数据: upload your own layers (replace or append, kept in the workspace); download any layer."""

from typing import cast

import pandas as pd
import streamlit as st

from geoapp.app.common import (
    REPLACEABLE,
    SHOWN_LAYERS,
    content_token,
    import_note,
    import_problem,
    import_summary,
    lang,
    layer,
    layer_token,
    persist,
    rejected_row_labels,
    session_layers,
    t,
    table,
    table_frame,
)
from geoapp.app.workspace import apply_upload, versions_panel, workspace_origin
from geoapp.errors import GeoappError
from geoapp.geo import Datum
from geoapp.io import EXPORT_CRS, ExportCRS, Format, read_user_layer, split_unknown_values, to_bytes
from geoapp.layers import catalog, conform
from geoapp.vocab import LOCATION_QUALITIES, LOCATION_QUALITY

st.title(t("数据"))


def title_of(name: str) -> str:
    if name == "constraints":
        return t("管控图层（如生态保护红线）")
    spec = catalog().get(name)
    return spec.title(st.session_state.get("lang", "zh")) if spec else name


@st.cache_data(show_spinner=False, max_entries=8)
def read_upload(token: str, name: str, crs: str, datum: str, fix_swapped: bool, _data: bytes):
    return read_user_layer(
        _data, filename=name, crs=crs or None, datum=cast(Datum, datum), fix_swapped=fix_swapped
    )


# ----- upload
st.subheader(t("上传图层"))
c1, c2, c3 = st.columns(3)
target = persist(
    c1.selectbox,
    "data_target",
    REPLACEABLE[0],
    t("目标图层"),
    list(REPLACEABLE),
    format_func=title_of,
)
mode = c2.radio(
    t("方式"),
    ["replace", "append"],
    key="data_mode",
    horizontal=True,
    format_func=lambda v: t("替换" if v == "replace" else "追加"),
)
quality = persist(
    c3.selectbox,
    "data_quality",
    "surveyed",
    t("位置精度（文件无 location_quality 列时）"),
    list(LOCATION_QUALITIES),
    format_func=lambda q: t(LOCATION_QUALITY[q].zh),
)
d1, d2, d3 = st.columns(3)
crs = d1.text_input(t("坐标系（可选，如 4547）"), key="data_crs")
datum = d2.selectbox(
    t("坐标类型"),
    ["wgs84", "gcj02", "bd09"],
    key="data_datum",
    format_func=lambda v: {
        "wgs84": "WGS-84 / CGCS2000",
        "gcj02": "GCJ-02 (高德/腾讯)",
        "bd09": "BD-09 (百度)",
    }[v],
)
fix_swapped = d3.checkbox(t("自动纠正经纬度颠倒"), key="data_fix", value=True)
upload = st.file_uploader(
    t("选择文件"), type=["csv", "txt", "xlsx", "geojson", "json", "gpkg", "zip"], key="data_upload"
)

if upload is not None:
    data = upload.getvalue()
    try:
        result = read_upload(
            content_token(data), upload.name, crs.strip(), datum, fix_swapped, data
        )
    except (GeoappError, ValueError) as exc:
        st.error(import_problem(upload.name, exc))
        result = None
    if result is not None:
        new = conform(result.gdf, target, filename=upload.name, quality=quality)
        # rows with a value the catalogue does not know (e.g. an unknown chain) are listed
        # with their line in the file; the other rows are kept
        new, unknown = split_unknown_values(new, target, lang=lang())
        rejected = (
            pd.concat([result.rejected, unknown], ignore_index=True)
            if len(unknown)
            else result.rejected
        )
        st.info(
            t("已读取")
            + ": "
            + import_summary(upload.name, len(new), len(rejected), encoding=result.encoding)
        )
        if len(rejected):
            st.markdown(f"**{t('被拒绝的行')}** ({len(rejected)})")
            table(table_frame(rejected), column_config=rejected_row_labels())
        if result.warnings:
            st.markdown(f"**{t('提示')}**")
            table(pd.DataFrame({t("提示"): [import_note(w) for w in result.warnings]}))
        if mode == "append" and layer(target) is not None:
            new = pd.concat([layer(target), new], ignore_index=True)
            new = new.set_geometry("geometry", crs=4326)
        problem = None
        try:
            session_layers().replace(target, new, origin=upload.name)  # validates
        except (GeoappError, ValueError) as exc:
            problem = import_problem(upload.name, exc)
        if problem:
            st.error(t("图层未通过检查，未替换：") + "\n\n" + problem)
        elif len(new) == 0:
            st.error(t("图层未通过检查，未替换：") + " " + t("没有可用的行。"))
        else:
            token = f"user:{target}:{mode}:{content_token(data)}:{layer_token(target)}"
            if st.button(
                f"{t('替换' if mode == 'replace' else '追加')} · {title_of(target)} ({len(new)})",
                key="data_apply",
                type="primary",
            ):
                apply_upload(  # into the workspace: kept across reloads and restarts
                    target, new, filename=upload.name, data=data, mode=mode,
                    summary=import_summary(upload.name, len(new), len(rejected)),
                )  # fmt: skip

# ----- current layers
st.subheader(t("当前图层"))
rows = []
for name in (*SHOWN_LAYERS, "constraints"):
    gdf = layer(name)
    user = st.session_state["user_layers"].get(name)
    rows.append(
        {
            t("图层"): title_of(name),
            t("图层标识"): name,
            t("来源"): f"{t('用户上传')}: {user['source']}"
            if user
            else (workspace_origin(name) or (t("自带示例") if gdf is not None else "—")),
            t("要素数"): 0 if gdf is None else len(gdf),
        }
    )
table(pd.DataFrame(rows))
for name in list(st.session_state["user_layers"]):
    if st.button(f"{t('恢复示例数据')}: {title_of(name)}", key=f"data_reset_{name}"):
        del st.session_state["user_layers"][name]
        st.rerun()

versions_panel()

# ----- downloads
st.subheader(t("下载图层或结果"))
choices = {
    f"layer:{n}": title_of(n) for n in (*SHOWN_LAYERS, "constraints") if layer(n) is not None
}
for key, res in st.session_state.get("results", {}).items():
    choices[f"result:{key}"] = f"{t('分析结果')}: {res['title']}"
e1, e2, e3 = st.columns(3)
if st.session_state["widget_store"].get("data_dl_pick") not in choices:
    st.session_state["widget_store"]["data_dl_pick"] = next(iter(choices))
    st.session_state.pop(f"data_dl_pick:{st.session_state['lang']}", None)
pick = persist(
    e1.selectbox,
    "data_dl_pick",
    next(iter(choices)),
    t("图层"),
    list(choices),
    format_func=lambda k: choices[k],
)
fmt = e2.selectbox(
    t("格式"),
    ["geojson", "gpkg", "csv", "shp"],
    key="data_dl_fmt",
    format_func=lambda f: {
        "geojson": "GeoJSON",
        "gpkg": "GeoPackage",
        "csv": "CSV",
        "shp": "Shapefile (zip)",
    }[f],
)
out_crs = e3.selectbox(t("坐标系"), list(EXPORT_CRS), key="data_dl_crs")
if not st.session_state.get("results"):
    st.caption(t("暂无可下载的分析结果。"))


@st.cache_data(show_spinner=False, max_entries=16)
def export_bytes(token: str, fmt: str, crs: str, stem: str, _gdf, ui_lang: str = "zh"):
    if fmt == "csv" and crs == "EPSG:4326":  # the planner's CSV: titles, WGS-84 lon/lat, metres
        from geoapp.app.presentation import planner_csv

        return planner_csv(_gdf, lang=ui_lang), f"{stem}.csv", "text/csv"
    return to_bytes(_gdf, fmt=cast(Format, fmt), crs=cast(ExportCRS, crs), layer_name=stem)


kind, _, key = pick.partition(":")
if kind == "layer":
    gdf, token = layer(key), layer_token(key)
else:
    res = st.session_state["results"][key]
    gdf, token = res["gdf"], res["token"]
try:
    payload, file_name, mime = export_bytes(token, fmt, out_crs, key, gdf, lang())
except (GeoappError, ValueError, TypeError) as exc:
    st.error(str(exc))
else:
    st.download_button(
        f"{t('下载')} {file_name}",
        payload,
        file_name=file_name,
        mime=mime,
        key="data_dl_button",
        type="primary",
        on_click="ignore",
    )
