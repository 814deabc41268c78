"""数据: upload your own layers (replace or append, kept in the workspace); download any layer."""

from dataclasses import dataclass
from typing import Any, cast

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
from geoapp.app.presentation import planner_csv
from geoapp.app.workspace import apply_upload, versions_panel, workspace_origin
from geoapp.errors import GeoappError
from geoapp.geo import Datum
from geoapp.io import EXPORT_CRS, ExportCRS, Format, read_user_layer, split_unknown_values, to_bytes
from geoapp.layers import catalog, conform
from geoapp.settings import STORAGE_CRS
from geoapp.vocab import LOCATION_QUALITIES, LOCATION_QUALITY

#: The coordinate types an upload may use, with their names.
DATUMS = {
    "wgs84": "WGS-84 / CGCS2000",
    "gcj02": "GCJ-02 (高德/腾讯)",
    "bd09": "BD-09 (百度)",
}
#: The download formats, with their names.
FORMATS = {
    "geojson": "GeoJSON",
    "gpkg": "GeoPackage",
    "csv": "CSV",
    "shp": "Shapefile (zip)",
}


@dataclass(frozen=True)
class Upload:
    """An upload and how to read it: target layer, mode, location quality, CRS, datum."""

    target: str
    mode: str
    quality: str
    crs: str
    datum: str
    fix_swapped: bool
    file: Any


def title_of(name: str) -> str:
    """A layer's title in the UI language."""
    if name == "constraints":
        return t("管控图层（如生态保护红线）")
    spec = catalog().get(name)
    return spec.title(st.session_state.get("lang", "zh")) if spec else name


@st.cache_data(show_spinner=False, max_entries=8)
def read_upload(token: str, name: str, crs: str, datum: str, fix_swapped: bool, _data: bytes):
    return read_user_layer(
        _data, filename=name, crs=crs or None, datum=cast(Datum, datum), fix_swapped=fix_swapped
    )


@st.cache_data(show_spinner=False, max_entries=16)
def export_bytes(token: str, fmt: str, crs: str, stem: str, _gdf, ui_lang: str = "zh"):
    if fmt == "csv" and crs == "EPSG:4326":  # the planner's CSV: titles, WGS-84 lon/lat, metres
        return planner_csv(_gdf, lang=ui_lang), f"{stem}.csv", "text/csv"
    return to_bytes(_gdf, fmt=cast(Format, fmt), crs=cast(ExportCRS, crs), layer_name=stem)


def page() -> None:
    """The 数据 page: upload, the current layers, the workspace's versions, downloads."""
    st.title(t("数据"))
    st.subheader(t("上传图层"))
    up = upload_controls()
    if up.file is not None:
        show_upload(up)
    current_layers()
    versions_panel()
    downloads()


def upload_controls() -> Upload:
    """Target layer, mode, location quality, CRS, datum and the file."""
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
        t("坐标类型"), list(DATUMS), key="data_datum", format_func=DATUMS.__getitem__
    )
    fix_swapped = d3.checkbox(t("自动纠正经纬度颠倒"), key="data_fix", value=True)
    upload = st.file_uploader(
        t("选择文件"),
        type=["csv", "txt", "xlsx", "geojson", "json", "gpkg", "zip"],
        key="data_upload",
    )
    return Upload(target, mode, quality, crs, datum, fix_swapped, upload)


def show_upload(up: Upload) -> None:
    """Read the upload, report what it gave and, when it passes the checks, offer to apply it."""
    data = up.file.getvalue()
    try:
        result = read_upload(
            content_token(data), up.file.name, up.crs.strip(), up.datum, up.fix_swapped, data
        )
    except (GeoappError, ValueError) as exc:
        st.error(import_problem(up.file.name, exc))
        return
    new = conform(result.gdf, up.target, filename=up.file.name, quality=up.quality)
    # rows with a value the catalogue does not know (e.g. an unknown chain) are listed
    # with their line in the file; the other rows are kept
    new, unknown = split_unknown_values(new, up.target, lang=lang())
    rejected = (
        pd.concat([result.rejected, unknown], ignore_index=True)
        if len(unknown)
        else result.rejected
    )
    st.info(
        t("已读取")
        + ": "
        + import_summary(up.file.name, len(new), len(rejected), encoding=result.encoding)
    )
    if len(rejected):
        st.markdown(f"**{t('被拒绝的行')}** ({len(rejected)})")
        table(table_frame(rejected), column_config=rejected_row_labels())
    if result.warnings:
        st.markdown(f"**{t('提示')}**")
        table(pd.DataFrame({t("提示"): [import_note(w) for w in result.warnings]}))
    if up.mode == "append" and layer(up.target) is not None:
        new = pd.concat([layer(up.target), new], ignore_index=True)
        new = new.set_geometry("geometry", crs=STORAGE_CRS)
    apply_button(up, new, data, len(rejected))


def apply_button(up: Upload, new, data: bytes, n_rejected: int) -> None:
    """Check the new layer; if it passes, a button stores it in the workspace."""
    problem = None
    try:
        session_layers().replace(up.target, new, origin=up.file.name)  # validates
    except (GeoappError, ValueError) as exc:
        problem = import_problem(up.file.name, exc)
    if problem:
        st.error(t("图层未通过检查，未替换：") + "\n\n" + problem)
    elif len(new) == 0:
        st.error(t("图层未通过检查，未替换：") + " " + t("没有可用的行。"))
    elif st.button(
        f"{t('替换' if up.mode == 'replace' else '追加')} · {title_of(up.target)} ({len(new)})",
        key="data_apply",
        type="primary",
    ):
        apply_upload(  # into the workspace: kept across reloads and restarts
            up.target, new, filename=up.file.name, data=data, mode=up.mode,
            summary=import_summary(up.file.name, len(new), n_rejected),
        )  # fmt: skip


def current_layers() -> None:
    """Every layer with its source and size; the session's uploads can be undone."""
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


def download_choices() -> dict[str, str]:
    """What may be downloaded: every present layer and the session's results, with titles."""
    choices = {
        f"layer:{n}": title_of(n) for n in (*SHOWN_LAYERS, "constraints") if layer(n) is not None
    }
    for key, res in st.session_state.get("results", {}).items():
        choices[f"result:{key}"] = f"{t('分析结果')}: {res['title']}"
    return choices


def downloads() -> None:
    """Any layer or analysis result, in a chosen format and CRS."""
    st.subheader(t("下载图层或结果"))
    choices = download_choices()
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
    fmt = e2.selectbox(t("格式"), list(FORMATS), key="data_dl_fmt", format_func=FORMATS.__getitem__)
    out_crs = e3.selectbox(t("坐标系"), list(EXPORT_CRS), key="data_dl_crs")
    if not st.session_state.get("results"):
        st.caption(t("暂无可下载的分析结果。"))
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
