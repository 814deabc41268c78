"""选址评估: evaluate a clicked point, a typed coordinate or a drawn parcel; rank uploaded sites.

Uploaded candidates give a ranked table and a report (HTML folder and PDFs, zipped).

The chain is chosen first; a position outside 濮阳市 is answered as such.
Controls and map are one fragment over a stable map (the river buffer for the
current setting, the site and the candidates are its dynamic layers).
"""

import json
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path
from typing import cast

import geopandas as gpd
import pandas as pd
import shapely
import streamlit as st

from geoapp import mapping
from geoapp.app.common import (
    content_token,
    datum_label,
    download_buttons,
    exclude_schematic_box,
    go_to_box,
    header_labels,
    import_note,
    import_problem,
    import_summary,
    lang,
    map_context,
    map_options,
    persist,
    rejected_row_labels,
    river_buffer_layers,
    schematic_layers_note,
    session_layers,
    siting_settings,
    stable_map,
    store_result,
    t,
    table,
    table_frame,
    timed,
)
from geoapp.app.stablemap import go_to
from geoapp.app.workspace import scenario_controls
from geoapp.errors import GeoappError
from geoapp.geo import Datum, parse_lonlat
from geoapp.geo import outside_city as outside_city_problem
from geoapp.io import read_user_layer
from geoapp.settings import DEFAULT_SITING
from geoapp.siting import (
    POSITION_LAYERS,
    evaluate_sites,
    explain_site,
    rank_sites,
    reasons_in,
    rules_of,
)
from geoapp.vocab import VERDICT, chain_names
from geoapp.vocab import label as vocab_label
from geoapp.workspace import siting_figures

MAP_KEY = "siting_map"
REVIEW = "needs_review"

st.title(t("选址评估"))


def _drawn(feature) -> bool:
    """A parcel drawn with the Draw tool (not a clicked layer feature, which has properties)."""
    return (
        isinstance(feature, dict)
        and not (feature.get("properties") or {})
        and (feature.get("geometry") or {}).get("type") in ("Polygon", "MultiPolygon")
    )


def area_ha(geom) -> float:
    """Area of a parcel in hectares (EPSG:4547)."""
    return float(gpd.GeoSeries([geom], crs=4326).to_crs(4547).area.iloc[0]) / 1e4


def verdict_text(v: str) -> str:
    return vocab_label(VERDICT, v, lang())


@st.cache_data(show_spinner=False, max_entries=8)
def read_candidates(token: str, name: str, datum: str, _data: bytes):
    return read_user_layer(_data, filename=name, datum=cast(Datum, datum), fix_swapped=True)


@st.cache_data(show_spinner=False, max_entries=4)
def batch_report(
    token: str, name: str, datum: str, pdf: bool, _data: bytes, _layers, _settings, note: str = ""
):
    """The batch report (HTML folder, and PDFs) of the uploaded candidates, zipped.

    ``note`` (how many of the features used are schematic) goes into the zip as
    ``siting_report/schematic_positions.txt``.
    """
    from geoapp.report import build_report

    with tempfile.TemporaryDirectory(prefix="geoapp-report-") as folder:
        out = Path(folder) / "report"
        result = build_report(
            _data,
            out,
            pdf=pdf,
            filename=name,
            datum=cast(Datum, datum),
            fix_swapped=True,
            layers=_layers,
            settings=_settings,
        )
        buf = BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for f in sorted(out.rglob("*")):
                if f.is_file():
                    zf.write(f, Path("siting_report") / f.relative_to(out))
            if note:
                zf.writestr("siting_report/schematic_positions.txt", note + "\n")
        return buf.getvalue(), len(result.pages), len(result.pdfs)


def outside_city(geom) -> str | None:
    """Why a site is not evaluated, in the UI language (geoapp.geo.spatial's one rule), or None."""
    problem = outside_city_problem(gpd.GeoSeries([geom], crs=4326), session_layers()["counties"])
    if problem is None:
        return None
    if "swapped" in problem:
        x, y = geom.representative_point().x, geom.representative_point().y
        return t("该位置在濮阳市域外；经纬度可能写反了，请检查。") + f" ({y:g}, {x:g}?)"
    return t("该位置在濮阳市域外，不作评估。请在市域内选点。")


@st.fragment
def siting() -> None:
    layers = session_layers()
    basemap = map_options()["basemap"]
    ctrl, right = st.columns([1, 3.3])
    with ctrl:
        st.caption(t("先选择产业链，再点击地图上的一点、输入坐标，或用地图左侧工具绘制地块。"))
        chain = persist(
            st.selectbox,
            "site_chain",
            None,
            t("候选项目产业链"),
            chain_names(),
            index=None,
            placeholder=t("请先选择产业链"),
        )
        with st.form("site_coord_form", border=False):
            text = st.text_input(
                t("坐标 经度, 纬度"),
                key="site_coord_text",
                placeholder="115.03, 35.76",
                help=t("经纬度可写成 115.03, 35.76 或 115°01′30″E 35°45′36″N；坐标类型见下。"),
            )
            coord_datum = st.selectbox(
                t("坐标类型"), ["wgs84", "gcj02", "bd09"], key="site_coord_datum",
                format_func=datum_label,
            )  # fmt: skip
            typed = st.form_submit_button(t("评估此坐标"), type="primary")
        river_m = st.number_input(
            t("黄河岸线管控距离(米)"),
            0,
            20_000,
            int(DEFAULT_SITING.river_buffer_m),
            100,
            key="site_river",
        )
        same_km = st.slider(
            t("同链项目统计半径(公里)"),
            1.0,
            50.0,
            DEFAULT_SITING.same_chain_radius_m / 1000,
            1.0,
            key="site_same_chain",
        )
        exclude = exclude_schematic_box(st.container())
        with st.expander(t("批量评估候选地块"), expanded=False):
            upload = st.file_uploader(
                t("上传候选点文件 (CSV / XLSX / GeoJSON)"),
                type=["csv", "xlsx", "geojson", "json", "gpkg", "zip"],
                key="site_upload",
            )
            datum = st.selectbox(
                t("坐标类型"), ["wgs84", "gcj02", "bd09"], key="site_datum",
                format_func=datum_label,
            )  # fmt: skip
        go_to_box(MAP_KEY, st.container())
    settings = siting_settings(float(river_m), same_km * 1000)
    if exclude:  # the one rule of geoapp.layers, built once per bundle
        layers = layers.without_schematic(POSITION_LAYERS)

    with timed("siting"):
        # The component's latest value is in session_state before the map is drawn, so the
        # site marker is drawn in the same run as the click.
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
        coord_error = None
        if typed and text.strip():
            try:
                lon, lat = parse_lonlat(text, datum=cast(Datum, coord_datum))
            except ValueError:
                coord_error = t(
                    "无法识别的坐标：请写成 经度, 纬度，"
                    "例如 115.03, 35.76 或 115°01′30″E 35°45′36″N。"
                )
            else:
                st.session_state["site"] = {"kind": "point", "lon": lon, "lat": lat}
                x, y = mapping.to_display(lon, lat, basemap=basemap)
                go_to(MAP_KEY, y, x, zoom=12)

        site = st.session_state.get("site")
        row, result, geom, outside = None, None, None, None
        if site:
            if site.get("kind") == "parcel":
                geom = shapely.from_wkt(site["wkt"])
            else:
                geom = shapely.Point(float(site["lon"]), float(site["lat"]))
            outside = outside_city(geom)
            if not outside and chain is not None:
                cand = gpd.GeoDataFrame(
                    {
                        "name": [t("地块") if site.get("kind") == "parcel" else t("点位")],
                        "chain": [chain],
                    },
                    geometry=[geom],
                    crs=4326,
                )
                result = evaluate_sites(cand, layers=layers, settings=settings)
                row = result.iloc[0]

        # ----- batch candidates (upload)
        batch, imported = None, None
        if upload is not None:
            data = upload.getvalue()
            try:
                imported = read_candidates(content_token(data), upload.name, datum, data)
            except (GeoappError, ValueError) as exc:
                st.session_state["site_upload_error"] = import_problem(upload.name, exc)
            if imported is not None:
                cands = imported.gdf
                for zh, en in (("产业链", "chain"), ("名称", "name"), ("项目名称", "name")):
                    if zh in cands.columns and en not in cands.columns:
                        cands = cands.rename(columns={zh: en})
                chain_col = "chain" if "chain" in cands.columns else None
                if len(cands):
                    batch = evaluate_sites(
                        cands, layers=layers, settings=settings, chain_col=chain_col
                    )
                    # a chain the catalogue does not know is not ranked as if it were fine
                    unknown = ~batch["chain_known"].astype(bool)
                    batch["verdict"] = batch["verdict"].where(~unknown, REVIEW)
                    batch = rank_sites(batch)
                    batch.insert(0, "rank", range(1, len(batch) + 1))

        def dynamic():
            ctx = map_context()
            out = list(river_buffer_layers(river_m))
            if batch is not None:
                out.append(mapping.candidates_layer(batch, lang=ctx["lang"], datum=ctx["datum"]))
            if geom is not None:
                out.append(
                    mapping.site_marker_layer(
                        geom,
                        verdict=row["verdict"] if row is not None else None,
                        lang=ctx["lang"],
                        datum=ctx["datum"],
                    )
                )
            return out

        batch_id = (
            content_token(upload.getvalue()) if batch is not None and upload is not None else None
        )
        dyn_key = "|".join(
            str(v)
            for v in (
                river_m,
                json.dumps(site, sort_keys=True),
                None if row is None else row["verdict"],
                batch_id,
                datum,
                same_km,
                exclude,
            )
        )
        with right:
            stable_map(
                "siting",
                dynamic,
                key=MAP_KEY,
                dynamic_key=dyn_key,
                returned_objects=["last_clicked", "last_active_drawing"],
                draw=True,
                interactive=False,
            )
            if coord_error:
                st.error(coord_error)
            if site and outside:
                st.warning(outside)
            elif site and chain is None:
                st.info(t("请先选择候选项目产业链，再评估该位置。"))

    if row is not None:
        show_evaluation(row, result, site, chain, river_m, same_km, settings, layers, exclude)
    if upload is not None:
        show_batch(upload, imported, batch, river_m, same_km, datum, settings, layers, exclude)
    evaluated = batch if batch is not None else (result if row is not None else None)
    if evaluated is not None:  # the workspace: log this run, offer to save it as a scenario
        scenario_controls(
            "siting", page="选址评估", figures=siting_figures(evaluated),
            results={"sites": evaluated},
            parameters={"chain": chain, "river_buffer_m": float(river_m),
                        "same_chain_radius_m": same_km * 1000,
                        "exclude_schematic": exclude,
                        "input": upload.name if batch is not None and upload is not None
                                 else json.dumps(site)},
        )  # fmt: skip


def show_evaluation(row, result, site, chain, river_m, same_km, settings, layers, exclude) -> None:
    info = explain_site(row, settings=settings, rules=rules_of(layers))
    st.subheader(t("评估结果"))
    v1, v2, v3, v4 = st.columns(4)
    v1.metric(t("结论"), verdict_text(info["verdict"]))
    v2.metric(t("得分"), f"{info['score']:.1f}")
    v3.metric(t("县区"), info["county"] or "—")
    v4.metric(t("园区"), info["zone"] or "—")
    geom = row.geometry
    where = (
        f"{geom.x:.5f}, {geom.y:.5f} (WGS-84)"
        if geom.geom_type == "Point"
        else f"{t('地块')} {area_ha(geom):,.1f} ha"
    )
    why = reasons_in(pd.Series([info["reasons"] or ""]), lang()).iloc[0]
    st.caption(f"{where} · {t('产业链')}: {info['chain'] or t('未指定')} · {why}")
    k_s, n_s, note = schematic_layers_note(layers, POSITION_LAYERS)
    st.caption(note)
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
    title_col = "title_zh" if lang() == "zh" else "title_en"
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
        title_key = "title_zh" if lang() == "zh" else "title_en"
        if title_key not in failed.columns:
            title_key = "title_zh"
        shown_cols = [title_key, "legal_basis", "applies_to"]
        if lang() == "en" and "description" in failed.columns:
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
            colon = "：" if lang() == "zh" else ": "
            st.error(f"{title} — {t('法律依据')}{colon}{r['legal_basis']}")
    else:
        st.success(t("未违反任何硬性规则。"))
    store_result(
        "siting_site",
        t("评估点"),
        result.assign(schematic_used=f"{k_s}/{n_s}"),
        f"site|{json.dumps(site, sort_keys=True)}|{chain}|{river_m}|{same_km}|{exclude}",
    )


def show_batch(upload, imported, batch, river_m, same_km, datum, settings, layers, exclude) -> None:
    st.subheader(t("候选点排名"))
    error = st.session_state.pop("site_upload_error", None)
    if imported is None:
        st.error(error or t("无法读取上传的文件。"))
        return
    st.caption(
        import_summary(
            upload.name, len(imported.gdf), len(imported.rejected), encoding=imported.encoding
        )
    )
    if len(imported.rejected):
        st.markdown(f"**{t('被拒绝的行')}**")
        table(table_frame(imported.rejected), column_config=rejected_row_labels())
    for w in imported.warnings:
        st.warning(import_note(w))
    if batch is None:
        return
    unknown = ~batch["chain_known"].astype(bool)
    if unknown.any():
        names = "、".join(sorted({str(c) for c in batch.loc[unknown, "chain"] if pd.notna(c)}))
        st.warning(
            f"{t('产业链不在目录中或未填写的候选点标为“待核实”，排在推荐、可行和不建议的候选点之后')}"
            + (f"：{names}" if names else "")
        )
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
    shown = batch[cols].assign(verdict=batch["verdict"].map(verdict_text))
    if "reasons" in shown.columns:
        shown["reasons"] = reasons_in(shown["reasons"], lang())
    shown = shown.round({"hub_distance_m": 0, "station_distance_m": 0, "river_distance_m": 0})
    shown = shown.astype(object).where(shown.notna(), "")
    table(
        shown,
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
    k_s, n_s, note = schematic_layers_note(layers, POSITION_LAYERS)
    st.caption(note)
    batch = batch.assign(schematic_used=f"{k_s}/{n_s}")
    token = f"batch|{content_token(upload.getvalue())}|{river_m}|{same_km}|{exclude}"
    store_result("siting_batch", t("候选点评估"), batch, token)
    download_buttons(
        batch, stem="siting_candidates", token=token, key="dl_site", formats=("csv", "geojson")
    )
    with st.form("site_report_form", border=False):
        pdf = st.checkbox(t("同时生成 PDF（较慢）"), key="site_report_pdf", value=False)
        make = st.form_submit_button(t("生成评估报告"))
    if make:
        with st.status(t("正在生成评估报告…"), expanded=False) as status:
            data, n_pages, n_pdfs = batch_report(
                f"{token}|{datum}",
                upload.name,
                datum,
                bool(pdf),
                upload.getvalue(),
                layers,
                settings,
                note,
            )
            st.session_state["site_report"] = (token, data, n_pages, n_pdfs)
            status.update(label=t("评估报告已生成"), state="complete")
    report = st.session_state.get("site_report")
    if report is not None and report[0] == token:
        _, data, n_pages, n_pdfs = report
        st.caption(f"{t('站点页')}: {n_pages} · PDF: {n_pdfs}")
        st.download_button(
            t("下载评估报告 (zip)"),
            data,
            file_name="siting_report.zip",
            mime="application/zip",
            key="dl_site_report",
            on_click="ignore",
        )


siting()
