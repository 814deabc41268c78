"""选址评估: evaluate a clicked point, a typed coordinate or a drawn parcel; rank uploaded sites.

Uploaded candidates give a ranked table and a report (HTML folder and PDFs, zipped).
The table and the report come from one path: the file is read with
:func:`geoapp.report.read_candidates` (as the report reads it), evaluated by
:func:`geoapp.siting.evaluate_sites` and ranked by :func:`geoapp.siting.rank_sites`;
the page shows the library's verdicts as they are.

The chain is chosen first; a position outside 濮阳市 is answered as such.
Controls and map are one fragment over a stable map (the river buffer for the
current setting, the site and the candidates are its dynamic layers).

The page is :func:`page` (``st.Page(siting.page, …)`` in ``main.py``); importing
the module runs nothing.
"""

import json
import tempfile
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any, cast

import geopandas as gpd
import pandas as pd
import shapely
import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

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
    layer_token,
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
from geoapp.layers import LayerSet
from geoapp.report import Candidates, build_report, city_extent, read_candidates
from geoapp.settings import DEFAULTS, METRIC_CRS, STORAGE_CRS, SitingSettings
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
DATUMS = ["wgs84", "gcj02", "bd09"]
#: The batch table's columns, in order, with their titles (Chinese; ``t`` translates).
BATCH_COLUMNS = {
    "rank": "排名",
    "name": "名称",
    "chain": "产业链",
    "verdict": "结论",
    "score": "得分",
    "county": "县区",
    "zone": "园区",
    "violation_text": "违反的规则",
    "review_text": "待核实说明",
    "hub_name": "最近物流枢纽",
    "hub_distance_m": "最近物流枢纽",
    "station_name": "最近监测站",
    "station_distance_m": "最近监测站",
    "river_distance_m": "距黄河(米)",
    "reasons": "原因",
}
#: Columns of the report's sites that mean nothing in the app's table and downloads.
_REPORT_ONLY = ("site_id", "duplicate_of")


@dataclass(frozen=True)
class Controls:
    """The values of the page's controls in this run.

    Attributes
    ----------
    chain
        The chain chosen for a single site (``None`` until chosen).
    text, coord_datum, typed
        The typed coordinate, its datum and whether it was submitted.
    river_m, same_km
        The Yellow River control distance (m) and the same-chain radius (km).
    exclude
        Whether schematic positions are left out.
    upload, datum
        The uploaded candidate file (or ``None``) and the datum of its coordinates.
    """

    chain: str | None
    text: str
    coord_datum: str
    typed: bool
    river_m: int
    same_km: float
    exclude: bool
    upload: UploadedFile | None
    datum: str


def page() -> None:
    """The page 选址评估: its title and its one fragment of controls, map and results."""
    st.title(t("选址评估"))
    siting()


def _drawn(feature) -> bool:
    """A parcel drawn with the Draw tool (not a clicked layer feature, which has properties)."""
    return (
        isinstance(feature, dict)
        and not (feature.get("properties") or {})
        and (feature.get("geometry") or {}).get("type") in ("Polygon", "MultiPolygon")
    )


def area_ha(geom) -> float:
    """Area of a parcel in hectares (EPSG:4547)."""
    return float(gpd.GeoSeries([geom], crs=STORAGE_CRS).to_crs(METRIC_CRS).area.iloc[0]) / 1e4


def verdict_text(v: str) -> str:
    """A verdict code as the planner reads it, in the UI language."""
    return vocab_label(VERDICT, v, lang())


@st.cache_data(show_spinner=False, max_entries=8)
def read_upload(
    token: str, name: str, datum: str, city: str, _data: bytes, _layers: LayerSet
) -> Candidates:
    """The uploaded candidates, read as :func:`geoapp.report.build_report` reads them.

    Rows must fall in :func:`geoapp.report.city_extent` of ``_layers``; ``city``
    (the identity of its city layer) keys the cache for it.
    """
    return read_candidates(
        _data, filename=name, datum=cast(Datum, datum), fix_swapped=True,
        extent=city_extent(_layers),
    )  # fmt: skip


@st.cache_data(show_spinner=False, max_entries=4)
def batch_report(
    token: str, name: str, datum: str, pdf: bool, _data: bytes, _layers, _settings, note: str = ""
):
    """The batch report (HTML folder, and PDFs) of the uploaded candidates, zipped.

    ``note`` (how many of the features used are schematic) goes into the zip as
    ``siting_report/schematic_positions.txt``.
    """
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
    problem = outside_city_problem(
        gpd.GeoSeries([geom], crs=STORAGE_CRS), session_layers()["counties"]
    )
    if problem is None:
        return None
    if "swapped" in problem:
        x, y = geom.representative_point().x, geom.representative_point().y
        return t("该位置在濮阳市域外；经纬度可能写反了，请检查。") + f" ({y:g}, {x:g}?)"
    return t("该位置在濮阳市域外，不作评估。请在市域内选点。")


# --------------------------------------------------------------------------- controls
def site_controls() -> tuple[str | None, str, str, bool]:
    """The chain and the typed-coordinate form: (chain, text, its datum, submitted)."""
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
            t("坐标类型"), DATUMS, key="site_coord_datum", format_func=datum_label
        )
        typed = st.form_submit_button(t("评估此坐标"), type="primary")
    return chain, text, coord_datum, typed


def controls() -> Controls:
    """The page's controls (left column): chain, coordinate, distances, upload."""
    chain, text, coord_datum, typed = site_controls()
    defaults = DEFAULTS.siting
    river_m = st.number_input(
        t("黄河岸线管控距离(米)"), 0, 20_000, int(defaults.river_buffer_m), 100, key="site_river"
    )
    same_km = st.slider(
        t("同链项目统计半径(公里)"),
        1.0,
        50.0,
        defaults.same_chain_radius_m / 1000,
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
        datum = st.selectbox(t("坐标类型"), DATUMS, key="site_datum", format_func=datum_label)
    go_to_box(MAP_KEY, st.container())
    return Controls(
        chain, text, coord_datum, typed, int(river_m), float(same_km), exclude, upload, datum
    )


# --------------------------------------------------------------------------- the site
def take_map_input(basemap: str) -> None:
    """Take a new drawn parcel or click from the map's latest report as the site.

    The component's latest value is in session_state before the map is drawn,
    so the site marker is drawn in the same run as the click.
    """
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


def take_typed_coordinate(text: str, datum: str, basemap: str) -> str | None:
    """Take a typed coordinate as the site and centre the map on it.

    Returns
    -------
    str or None
        Why the text is not a coordinate (UI language), or ``None`` when taken.
    """
    try:
        lon, lat = parse_lonlat(text, datum=cast(Datum, datum))
    except ValueError:
        return t(
            "无法识别的坐标：请写成 经度, 纬度，例如 115.03, 35.76 或 115°01′30″E 35°45′36″N。"
        )
    st.session_state["site"] = {"kind": "point", "lon": lon, "lat": lat}
    x, y = mapping.to_display(lon, lat, basemap=basemap)
    go_to(MAP_KEY, y, x, zoom=12)
    return None


def site_geometry(site: dict) -> shapely.Geometry:
    """The geometry of the session's site (a parcel's polygon or a point), EPSG:4326."""
    if site.get("kind") == "parcel":
        return shapely.from_wkt(site["wkt"])
    return shapely.Point(float(site["lon"]), float(site["lat"]))


def evaluate_site(
    site: dict, geom, chain: str, layers: LayerSet, settings: SitingSettings
) -> gpd.GeoDataFrame:
    """The one site evaluated by :func:`geoapp.siting.evaluate_sites` (one row)."""
    cand = gpd.GeoDataFrame(
        {"name": [t("地块") if site.get("kind") == "parcel" else t("点位")], "chain": [chain]},
        geometry=[geom],
        crs=STORAGE_CRS,
    )
    return evaluate_sites(cand, layers=layers, settings=settings)


# --------------------------------------------------------------------------- the batch
def evaluate_upload(
    upload: UploadedFile, datum: str, layers: LayerSet, settings: SitingSettings
) -> tuple[Candidates | None, gpd.GeoDataFrame | None]:
    """Read, evaluate and rank the uploaded candidates: the report's path, its verdicts.

    Returns
    -------
    (Candidates or None, GeoDataFrame or None)
        The file as read (``None`` when it cannot be read: the reason is kept
        in ``site_upload_error``) and the ranked evaluation with a ``rank``
        column (``None`` without usable rows). The evaluated frame carries the
        input's other columns too, for the downloads.
    """
    data = upload.getvalue()
    try:
        cands = read_upload(
            content_token(data), upload.name, datum, layer_token("city"), data, layers
        )
    except (GeoappError, ValueError) as exc:
        st.session_state["site_upload_error"] = import_problem(upload.name, exc)
        return None, None
    if not len(cands.sites):
        return cands, None
    used = {cands.name_col, cands.chain_col, *cands.sites.columns}
    extra = cands.attributes.drop(columns=[c for c in cands.attributes.columns if c in used])
    sites = cands.sites.drop(columns=[c for c in _REPORT_ONLY if c in cands.sites.columns])
    batch = evaluate_sites(sites.join(extra), layers=layers, settings=settings)
    batch = rank_sites(batch, row_col="source_row")
    batch.insert(0, "rank", range(1, len(batch) + 1))
    return cands, batch


# --------------------------------------------------------------------------- the fragment
@st.fragment
def siting() -> None:
    """Controls, map, the site's evaluation and the uploaded candidates' ranking."""
    ctrl, right = st.columns([1, 3.3])
    with ctrl:
        c = controls()
    settings = siting_settings(float(c.river_m), c.same_km * 1000)
    layers = session_layers()
    if c.exclude:  # the one rule of geoapp.layers, built once per bundle
        layers = layers.without_schematic(POSITION_LAYERS)
    basemap = map_options()["basemap"]
    with timed("siting"):
        take_map_input(basemap)
        coord_error = None
        if c.typed and c.text.strip():
            coord_error = take_typed_coordinate(c.text, c.coord_datum, basemap)
        site = st.session_state.get("site")
        result, geom, outside = None, None, None
        if site:
            geom = site_geometry(site)
            outside = outside_city(geom)
            if not outside and c.chain is not None:
                result = evaluate_site(site, geom, c.chain, layers, settings)
        cands, batch = None, None
        if c.upload is not None:
            cands, batch = evaluate_upload(c.upload, c.datum, layers, settings)
        row = None if result is None else result.iloc[0]
        with right:
            site_map(c, site, geom, row, batch)
            if coord_error:
                st.error(coord_error)
            if site and outside:
                st.warning(outside)
            elif site and c.chain is None:
                st.info(t("请先选择候选项目产业链，再评估该位置。"))
    if result is not None:
        show_evaluation(result, site, c, settings, layers)
    if c.upload is not None:
        show_batch(c.upload, c, cands, batch, settings, layers)
    log_run(c, site, result, batch)


def site_map(
    c: Controls, site: dict | None, geom, row: pd.Series | None, batch: gpd.GeoDataFrame | None
) -> None:
    """The stable map with its dynamic layers: river buffer, candidates, the site."""

    def dynamic():
        ctx = map_context()
        out = list(river_buffer_layers(c.river_m))
        if batch is not None:
            out.append(mapping.candidates_layer(batch, lang=ctx["lang"], datum=ctx["datum"]))
        if geom is not None:
            verdict = row["verdict"] if row is not None else None
            out.append(
                mapping.site_marker_layer(geom, verdict=verdict, lang=ctx["lang"],
                                          datum=ctx["datum"])
            )  # fmt: skip
        return out

    batch_id = (
        content_token(c.upload.getvalue()) if batch is not None and c.upload is not None else None
    )
    dyn_key = "|".join(
        str(v)
        for v in (
            c.river_m,
            json.dumps(site, sort_keys=True),
            None if row is None else row["verdict"],
            batch_id,
            c.datum,
            c.same_km,
            c.exclude,
        )
    )
    stable_map(
        "siting",
        dynamic,
        key=MAP_KEY,
        dynamic_key=dyn_key,
        returned_objects=["last_clicked", "last_active_drawing"],
        draw=True,
        interactive=False,
    )


def log_run(
    c: Controls,
    site: dict | None,
    result: gpd.GeoDataFrame | None,
    batch: gpd.GeoDataFrame | None,
) -> None:
    """The workspace: log this run, offer to save it as a scenario (when something was evaluated).

    The uploaded candidates are logged when there are any, else the one site.
    """
    evaluated = batch if batch is not None else result
    if evaluated is None:
        return
    scenario_controls(
        "siting", page="选址评估", figures=siting_figures(evaluated),
        results={"sites": evaluated},
        parameters={"chain": c.chain, "river_buffer_m": float(c.river_m),
                    "same_chain_radius_m": c.same_km * 1000,
                    "exclude_schematic": c.exclude,
                    "input": c.upload.name if batch is not None and c.upload is not None
                             else json.dumps(site)},
    )  # fmt: skip


# --------------------------------------------------------------------------- one site
def show_evaluation(
    result: gpd.GeoDataFrame,
    site: dict | None,
    c: Controls,
    settings: SitingSettings,
    layers: LayerSet,
) -> None:
    """The evaluation of one site (``result``, one row): verdict, place, nearest, score, rules."""
    row = result.iloc[0]
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
    nearest_metrics(info["nearest"])
    criteria_table(info["criteria"])
    failed_rules(info["rules_failed"])
    store_result(
        "siting_site",
        t("评估点"),
        result.assign(schematic_used=f"{k_s}/{n_s}"),
        f"site|{json.dumps(site, sort_keys=True)}|{c.chain}|{c.river_m}|{c.same_km}|{c.exclude}",
    )


def _km(d) -> str:
    """A distance in metres as km text, ``—`` when missing."""
    return "—" if d is None or pd.isna(d) else f"{d / 1000:.2f} km"


def nearest_metrics(near: dict[str, Any]) -> None:
    """The nearest logistics hub and monitoring station, and the distance to the Yellow River."""
    n1, n2, n3 = st.columns(3)
    n1.metric(t("最近物流枢纽"), _km(near["hub"]["distance_m"]), help=near["hub"]["name"])
    n1.caption(near["hub"]["name"] or "—")
    n2.metric(t("最近监测站"), _km(near["station"]["distance_m"]), help=near["station"]["name"])
    n2.caption(near["station"]["name"] or "—")
    n3.metric(t("距黄河"), _km(near["river_distance_m"]))


def criteria_table(criteria: list[dict[str, Any]]) -> None:
    """The score per criterion: value, normalised value, weight and points."""
    st.markdown(f"**{t('评分明细')}**")
    crit = pd.DataFrame(criteria)
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


def failed_rules(rules_failed: list[dict[str, Any]]) -> None:
    """The hard rules the site fails, with their legal basis (or that it fails none)."""
    st.markdown(f"**{t('违反的规则')}**")
    if not rules_failed:
        st.success(t("未违反任何硬性规则。"))
        return
    failed = pd.DataFrame(rules_failed)
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
    colon = "：" if lang() == "zh" else ": "
    for r in rules_failed:
        title = r.get(title_key) or r["title_zh"]
        st.error(f"{title} — {t('法律依据')}{colon}{r['legal_basis']}")


# --------------------------------------------------------------------------- the batch
def show_batch(
    upload: UploadedFile,
    c: Controls,
    cands: Candidates | None,
    batch: gpd.GeoDataFrame | None,
    settings: SitingSettings,
    layers: LayerSet,
) -> None:
    """The uploaded candidates: what the file gave, the ranking, downloads and the report."""
    st.subheader(t("候选点排名"))
    error = st.session_state.pop("site_upload_error", None)
    if cands is None:
        st.error(error or t("无法读取上传的文件。"))
        return
    import_panel(upload.name, cands)
    if batch is None:
        return
    batch_table(batch)
    k_s, n_s, note = schematic_layers_note(layers, POSITION_LAYERS)
    st.caption(note)
    batch = batch.assign(schematic_used=f"{k_s}/{n_s}")
    token = f"batch|{content_token(upload.getvalue())}|{c.river_m}|{c.same_km}|{c.exclude}"
    store_result("siting_batch", t("候选点评估"), batch, token)
    download_buttons(
        batch, stem="siting_candidates", token=token, key="dl_site", formats=("csv", "geojson")
    )
    report_panel(upload, c, token, settings, layers, note)


def import_panel(name: str, cands: Candidates) -> None:
    """What the upload gave: rows used and rejected (listed), the reader's warnings."""
    imported = cands.imported
    st.caption(
        import_summary(name, len(imported.gdf), len(imported.rejected), encoding=imported.encoding)
    )
    if len(imported.rejected):
        st.markdown(f"**{t('被拒绝的行')}**")
        table(table_frame(imported.rejected), column_config=rejected_row_labels())
    for w in imported.warnings:
        st.warning(import_note(w))


def batch_table(batch: gpd.GeoDataFrame) -> None:
    """The ranked candidates as evaluated, with a note on chains the catalogue does not know."""
    unknown = ~batch["chain_known"].astype(bool)
    if unknown.any():
        names = "、".join(sorted({str(c) for c in batch.loc[unknown, "chain"] if pd.notna(c)}))
        st.warning(
            t(
                "产业链不在目录中或未填写的候选点不计产业链匹配；"
                "位于黄河岸线管控距离内或约束范围内的标为“待核实”"
            )
            + (f"：{names}" if names else "")
        )
    reviewed = batch["review_text"].fillna("").astype(str).ne("").any()
    cols = [
        c
        for c in BATCH_COLUMNS
        if c in batch.columns and (c != "review_text" or reviewed)
    ]  # fmt: skip
    shown = batch[cols].assign(verdict=batch["verdict"].map(verdict_text))
    if "reasons" in shown.columns:
        shown["reasons"] = reasons_in(shown["reasons"], lang())
    shown = shown.round({"hub_distance_m": 0, "station_distance_m": 0, "river_distance_m": 0})
    shown = shown.astype(object).where(shown.notna(), "")
    titles = {c: t(BATCH_COLUMNS[c]) for c in BATCH_COLUMNS}
    for c in ("hub_distance_m", "station_distance_m"):
        titles[c] = f"{titles[c]} · {t('距离(米)')}"
    table(shown, column_config=header_labels(titles))


def report_panel(
    upload: UploadedFile,
    c: Controls,
    token: str,
    settings: SitingSettings,
    layers: LayerSet,
    note: str,
) -> None:
    """The report of the uploaded candidates: make it (optionally with PDFs), download the zip."""
    with st.form("site_report_form", border=False):
        pdf = st.checkbox(t("同时生成 PDF（较慢）"), key="site_report_pdf", value=False)
        make = st.form_submit_button(t("生成评估报告"))
    if make:
        with st.status(t("正在生成评估报告…"), expanded=False) as status:
            data, n_pages, n_pdfs = batch_report(
                f"{token}|{c.datum}",
                upload.name,
                c.datum,
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
