"""Small UI helpers shared by the pages: session state, cached loaders and analyses, widgets.

A page's map is a *stable map* (:func:`stable_map`): the base is drawn once,
the layers that follow the page's controls are sent as dynamic layers, and the
view is kept. Put the controls and the map in one ``st.fragment`` so a change
re-runs only that part::

    @st.fragment
    def body():
        ctrl, right = st.columns([1, 3.3])
        with ctrl:
            filters = project_filters(st.container())
            go_to_box("my_map", st.container())
        projects = filtered_projects(filters)
        with right:
            stable_map(
                "base",
                lambda: [mapping.projects_layer(projects, **map_context())],
                key="my_map",
                dynamic_key=filters_token(filters),
                river_buffer=True,
            )

    body()

Only thin glue lives here: reading widgets, calling :mod:`geoapp`, caching and
rendering. Analyses are cached with ``st.cache_data`` keyed by *tokens* (the
layer name, or a hash of the user's upload) and parameters; GeoDataFrames are
passed as ``_``-prefixed arguments, which Streamlit does not hash. The
session's layers are one :class:`geoapp.layers.LayerSet` (immutable, kept in
``st.cache_resource`` per combination of uploads).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import time
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, cast

import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geoapp import mapping
from geoapp.app.pinned import layer_key, session_base
from geoapp.app.presentation import blank_missing_numbers, display_frame, planner_csv
from geoapp.app.stablemap import go_to, view
from geoapp.app.stablemap import stable_map as render_stable_map
from geoapp.geo import Datum, parse_lonlat
from geoapp.io import MIME_TYPES, ExportCRS, Format, to_bytes
from geoapp.layers import (
    CONSTRAINTS,
    LAYER_NAMES,
    LayerSet,
    county_labels,
    get_spec,
    schematic_mask,
)
from geoapp.layers import drop_schematic as drop_schematic_features
from geoapp.layers import schematic_note as layers_schematic_note
from geoapp.projects import UNSTATED, filter_projects
from geoapp.settings import COUNTY_ADCODES, DEFAULT_SITING, ROOT
from geoapp.vocab import CLUSTERS, LANGS, STAGES, message_text, translate
from geoapp.vocab import import_summary as vocab_import_summary

#: Layers the app shows and lets the user replace / download.
SHOWN_LAYERS = LAYER_NAMES
#: Layers a user may replace or extend on the 数据 page (plus ``constraints``).
REPLACEABLE = ("projects", "logistics_hubs", "monitoring_stations", "zones", "constraints")
MAP_HEIGHT = 540  # with the page's controls beside it, fits a 1366×768 laptop

_DEFAULTS: dict[str, Any] = {
    "lang": "zh",
    "user_layers": {},  # name -> {"gdf", "token", "source"}
    "results": {},  # name -> {"title", "gdf", "token"}
    "site": None,  # {"kind": "point", "lon", "lat"} or {"kind": "parcel", "wkt"}
    "site_seen": {},
    "widget_store": {},  # name -> value of persisted widgets (see `persist`)
}


def init_state() -> None:
    """Initialise every session-state key the app uses, once per session.

    The language may come from the URL (``?lang=en``), so a link keeps it.
    """
    for key, value in _DEFAULTS.items():
        if key not in st.session_state:
            st.session_state[key] = value.copy() if isinstance(value, dict) else value
    if "_lang_read_from_url" not in st.session_state:  # once per session
        st.session_state["_lang_read_from_url"] = True
        if st.query_params.get("lang") in LANGS:
            st.session_state["lang"] = st.query_params["lang"]
    if "tianditu_key" not in st.session_state:
        st.session_state["tianditu_key"] = os.environ.get("TIANDITU_TK", "")


def persist(widget, name: str, default: Any, *args: Any, **kwargs: Any) -> Any:
    """Render ``widget(*args, key=…, **kwargs)`` and keep its value across pages and languages.

    Streamlit forgets the state of widgets a page does not render, and a
    selectbox keeps showing an option's old label after the language changes.
    So each widget gets one key per language (``name:zh`` / ``name:en``),
    started from the value last chosen, which is kept under ``name`` in
    ``st.session_state["widget_store"]``.

    Returns
    -------
    The widget's value.
    """
    store = st.session_state["widget_store"]
    key = f"{name}:{lang()}"
    if key not in st.session_state:
        st.session_state[key] = store.get(name, default)
    value = widget(*args, key=key, **kwargs)
    store[name] = value
    return value


def stored(name: str, default: Any = None) -> Any:
    """The last value of a widget rendered with :func:`persist`."""
    return st.session_state["widget_store"].get(name, default)


def lang() -> str:
    """The UI language of this session (``"zh"`` or ``"en"``)."""
    return st.session_state.get("lang", "zh")


def t(text: str) -> str:
    """Translate a Chinese UI string to the session's language."""
    return translate(text, lang())


# --------------------------------------------------------------------------- sidebar frame
def sidebar_frame() -> None:
    """Language switch, basemap and Tianditu key (shown on every page)."""

    def keep_lang_in_url() -> None:
        st.query_params["lang"] = st.session_state["lang"]

    st.sidebar.radio(
        "语言 / Language",
        ["zh", "en"],
        key="lang",
        horizontal=True,
        format_func=lambda v: "中文" if v == "zh" else "English",
        on_change=keep_lang_in_url,
    )
    key = st.session_state.get("tianditu_key", "").strip()
    options = [b for b in mapping.BASEMAPS if key or not b.startswith("tianditu")]
    if stored("basemap", "none") not in options:
        st.session_state["widget_store"]["basemap"] = "none"
        st.session_state.pop(f"basemap:{lang()}", None)
    basemap = persist(
        st.sidebar.selectbox,
        "basemap",
        "none",
        t("底图"),
        options,
        format_func=lambda b: t(mapping.BASEMAPS[b]),
    )
    st.sidebar.text_input(t("天地图密钥 tk"), key="tianditu_key", type="password")
    if not key:
        st.sidebar.caption(t("填写天地图密钥后可选天地图底图。"))
    if basemap == "gaode":
        st.sidebar.caption(
            t("高德底图为 GCJ-02 坐标，图层已在显示时偏移约 500 米以对齐；数据本身仍为 WGS-84。")
        )


def map_options() -> dict[str, Any]:
    """``basemap``, ``lang`` and ``tianditu_key`` for :func:`geoapp.mapping.build_map`."""
    return {
        "basemap": stored("basemap", "none"),
        "lang": lang(),
        "tianditu_key": st.session_state.get("tianditu_key") or None,
    }


# --------------------------------------------------------------------------- layers
@st.cache_resource(show_spinner=False)
def _shipped() -> LayerSet:
    return LayerSet.shipped()


@st.cache_resource(show_spinner=False, max_entries=8)
def _bundle(key: tuple[Any, ...], _user: dict[str, Any], _base: LayerSet) -> LayerSet:
    bundle = _base  # the shipped layers with the session's workspace versions
    for name, _token in key[1:]:
        gdf = _user[name]["gdf"]
        if name == CONSTRAINTS:
            bundle = bundle.with_constraints(gdf)
        else:
            bundle = bundle.replace(name, gdf, origin="user")
    return bundle


def session_layers() -> LayerSet:
    """The session's :class:`geoapp.layers.LayerSet`: shipped, with the workspace's layers.

    One bundle per combination of uploads is kept for the process (its
    metric indexes are built once and shared by every session).
    """
    user = st.session_state.get("user_layers", {})
    base_key, base = session_base()
    key = (base_key, *sorted((name, entry["token"]) for name, entry in user.items()))
    return _bundle(key, user, base)


def layer(name: str) -> gpd.GeoDataFrame | None:
    """The session's version of a layer (None for absent constraints)."""
    layers = session_layers()
    if name == CONSTRAINTS:
        return layers.constraints
    return layers[name]


def layer_token(name: str) -> str:
    """A hashable identity of the session's version of a layer, for cache keys."""
    user = st.session_state.get("user_layers", {}).get(name)
    return user["token"] if user is not None else layer_key(name)


def content_token(data: bytes) -> str:
    """Identity of uploaded bytes."""
    return hashlib.sha1(data).hexdigest()[:16]


def store_result(name: str, title: str, gdf: gpd.GeoDataFrame, token: str) -> None:
    """Keep an analysis result for the 数据 page's download list."""
    st.session_state.setdefault("results", {})[name] = {"title": title, "gdf": gdf, "token": token}


# --------------------------------------------------------------------------- filters
@dataclass(frozen=True)
class Filters:
    """The sidebar's project filters (hashable: a cache key)."""

    counties: tuple[str, ...] | None = None
    clusters: tuple[str, ...] | None = None
    chains: tuple[str, ...] | None = None
    stages: tuple[str, ...] | None = None
    investment: tuple[float, float] | None = None


def project_filters(where: Any = None) -> Filters:
    """Render the project filters and return them.

    Parameters
    ----------
    where
        The container to render in (a column inside a page's fragment); default
        the sidebar.
    """
    projects = layer("projects")
    assert projects is not None  # only the constraints layer may be absent
    box = st.sidebar if where is None else where
    box.subheader(t("筛选"))

    def multi(label: str, name: str, options: list[str]) -> tuple[str, ...] | None:
        kept = [v for v in stored(name, []) if v in options]
        st.session_state["widget_store"][name] = kept
        key = f"{name}:{lang()}"
        if key in st.session_state:
            st.session_state[key] = [v for v in st.session_state[key] if v in options]
        chosen = persist(
            box.multiselect,
            name,
            kept,
            t(label),
            options,
            placeholder=t("全部"),
            format_func=t,
        )
        return tuple(chosen) if chosen else None

    chains_present = sorted(
        {
            str(c).strip()
            for c in projects.get("chain", pd.Series(dtype=object)).dropna()
            if str(c).strip()
        }
    )
    f_counties = multi("县区", "f_counties", [*COUNTY_ADCODES.values(), UNSTATED])
    f_clusters = multi("产业集群", "f_clusters", [*CLUSTERS, UNSTATED])
    f_chains = multi("产业链", "f_chains", [*chains_present, UNSTATED])
    f_stages = multi("阶段", "f_stages", [*STAGES, UNSTATED])
    inv = pd.to_numeric(projects.get("investment_yi", pd.Series(dtype=float)), errors="coerce")
    top = float(max(1.0, round(float(inv.max()) + 0.5, 0))) if inv.notna().any() else 1.0
    lo, hi = stored("f_investment", (0.0, top))
    clipped = (max(0.0, min(lo, top)), min(max(hi, 0.0), top))
    st.session_state["widget_store"]["f_investment"] = clipped
    key = f"f_investment:{lang()}"
    if key in st.session_state:
        a, b = st.session_state[key]
        st.session_state[key] = (max(0.0, min(a, top)), min(max(b, 0.0), top))
    lo, hi = persist(box.slider, "f_investment", clipped, t("投资额范围(亿元)"), 0.0, top, step=0.5)
    investment = None if (lo <= 0.0 and hi >= top) else (float(lo), float(hi))
    if investment is not None:
        box.caption(t("设定投资额范围时，未注明投资额的项目不显示。"))
    return Filters(f_counties, f_clusters, f_chains, f_stages, investment)


@st.cache_data(show_spinner=False, max_entries=64)
def _filtered(token: str, filters: Filters, _layers: LayerSet) -> gpd.GeoDataFrame:
    inv = filters.investment or (None, None)
    return filter_projects(
        _layers["projects"],
        clusters=filters.clusters,
        chains=filters.chains,
        stages=filters.stages,
        counties=filters.counties,
        investment_min=inv[0],
        investment_max=inv[1],
        layers=_layers,
    )


def filtered_projects(filters: Filters) -> gpd.GeoDataFrame:
    """The session's projects after the filters (cached per layer version and filters)."""
    tokens = "|".join(layer_token(n) for n in ("projects", "counties", "zones"))
    return _filtered(tokens, filters, session_layers())


def filters_token(filters: Filters) -> str:
    """Cache key of the filtered projects."""
    return f"{layer_token('projects')}|{filters!r}"


# --------------------------------------------------------------------------- output
def show_map(
    m, *, key: str, returned_objects: list[str] | None = None, feature_groups=None, goto=None
):
    """Render a folium map with a stable key; only ``returned_objects`` trigger reruns.

    ``goto``: what :func:`go_to_box` returned; the map moves to the point it went to.
    """
    moved = view() if goto is not None else {}
    return st_folium(
        m,
        key=key,
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=returned_objects or [],
        feature_group_to_add=feature_groups,
        center=moved.get("center"),
        zoom=moved.get("zoom"),
    )


@st.cache_data(show_spinner=False, max_entries=64)
def _export(token: str, fmt: str, crs: str, stem: str, _gdf: gpd.GeoDataFrame, ui_lang: str = "zh"):
    if fmt == "csv":
        return planner_csv(_gdf, lang=ui_lang), f"{stem}.csv", "text/csv"
    return to_bytes(_gdf, fmt=cast(Format, fmt), crs=cast(ExportCRS, crs), layer_name=stem)


def download_buttons(
    gdf: gpd.GeoDataFrame,
    *,
    stem: str,
    token: str,
    key: str,
    formats: tuple[str, ...] = ("geojson", "gpkg", "csv"),
    crs: str = "EPSG:4326",
) -> None:
    """Download buttons for one layer or result; a download does not re-run the page.

    GeoJSON / GeoPackage / Shapefile come from :func:`geoapp.io.export.to_bytes`;
    the CSV is the planner's (:func:`geoapp.app.presentation.planner_csv`: titles
    in the UI language, WGS-84 lon/lat, distances in whole metres).
    """
    labels = {"geojson": "GeoJSON", "gpkg": "GeoPackage", "csv": "CSV", "shp": "Shapefile (zip)"}
    suffix = {"geojson": ".geojson", "gpkg": ".gpkg", "csv": ".csv", "shp": ".zip"}
    ui_lang = lang()
    cols = st.columns(len(formats))
    for col, fmt in zip(cols, formats, strict=True):
        with col:
            # the file is built when the planner clicks, not on every run of the page
            st.download_button(
                f"{t('下载')} {labels[fmt]}",
                data=partial(_download_data, token, fmt, crs, stem, gdf, ui_lang),
                file_name=f"{stem}{suffix[fmt]}",
                mime=MIME_TYPES[fmt],
                key=f"{key}_{fmt}",
                width="stretch",
                on_click="ignore",
            )


def _download_data(token, fmt, crs, stem, gdf, ui_lang) -> bytes:
    return _export(token, fmt, crs, stem, gdf, ui_lang)[0]


def table(df: pd.DataFrame, **kwargs) -> None:
    """A dataframe without the geometry column."""
    if isinstance(df, gpd.GeoDataFrame):
        df = pd.DataFrame(df.drop(columns=df.geometry.name))
    st.dataframe(blank_missing_numbers(df), hide_index=True, **kwargs)


def table_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` as a planner reads it: codes in the UI language, empty cells blank."""
    return display_frame(df, lang())


def header_labels(labels: dict[str, str]) -> dict[str, Any]:
    """``column_config`` showing translated headers while the data keep their column names."""
    return {col: st.column_config.Column(label) for col, label in labels.items()}


def rejected_row_labels() -> dict[str, Any]:
    """Headers of a reader's rejected-rows table (``row``, ``reason``, …)."""
    return header_labels(
        {
            "row": t("行号"),
            "reason": t("原因"),
            "column": t("字段"),
            "value": t("值"),
            "values": t("原始行"),
        }
    )


def column_labels(columns, spec_name: str | None = None) -> dict[str, str]:
    """Chinese (or English) column titles from the layer declaration, where declared."""
    out: dict[str, str] = {}
    if spec_name:
        try:
            spec = get_spec(spec_name)
        except KeyError:
            spec = None
        if spec is not None:
            for c in columns:
                if c in spec.columns and spec.columns[c].title_zh:
                    out[c] = t(spec.columns[c].title_zh)
    return out


def siting_settings(river_buffer_m: float, same_chain_radius_m: float):
    """The default siting settings with the sidebar's distances."""
    return replace(
        DEFAULT_SITING, river_buffer_m=river_buffer_m, same_chain_radius_m=same_chain_radius_m
    )


# --------------------------------------------------------------------------- stable maps
def full_run() -> None:
    """Count a full run of the app (called by the router; fragment reruns are not counted)."""
    st.session_state["_full_run"] = st.session_state.get("_full_run", 0) + 1


def map_first(map_key: str) -> bool:
    """Whether what lies below a page's map may be drawn in this run.

    On the first run of a session (the app opened in a new tab) Streamlit's
    frontend renders every element of the run before the map's frame starts
    loading, and a page's charts and tables cost it about as much as the map.
    So on that run they wait for the map: its component reports its view once
    it is drawn, which re-runs the page's fragment (``st.session_state[map_key]``
    is then set). Every later run draws them at once.
    """
    return st.session_state.get("_full_run", 0) > 1 or st.session_state.get(map_key) is not None


def map_context() -> dict[str, Any]:
    """``lang`` and ``datum`` for the dynamic layers of this session's maps."""
    return {"lang": lang(), "datum": mapping.basemap_datum(stored("basemap", "none"))}


def base_map_key(kind: str, **build: Any) -> str:
    """Identity of a base map: page kind, layer set, basemap, language and build options."""
    opts = map_options()
    tk = hashlib.sha1((opts["tianditu_key"] or "").encode()).hexdigest()[:8]
    extra = "|".join(f"{k}={build[k]!r}" for k in sorted(build))
    return f"{kind}|{session_layers().token}|{opts['basemap']}|{opts['lang']}|{tk}|{extra}"


def stable_map(
    kind: str,
    dynamic=(),
    *,
    key: str,
    dynamic_key: str | None = None,
    returned_objects=(),
    height: int = MAP_HEIGHT,
    **build: Any,
) -> dict[str, Any]:
    """A page's stable map: the base drawn once, the dynamic layers replaced, the view kept.

    The base (counties, zones, river, facilities) is drawn once; the
    ``dynamic`` layers (:class:`geoapp.mapping.GeoappLayer`, built with
    :func:`map_context`) replaced in place; the view is kept (see
    :mod:`geoapp.app.stablemap`).

    Parameters
    ----------
    kind
        Name of the base (e.g. the page); pages with the same ``kind`` and
        ``build`` share the rendered base.
    dynamic
        The layers that change with the page's controls, or a function
        returning them (called only for a new ``dynamic_key``).
    dynamic_key
        Identity of the dynamic layers (see :func:`geoapp.app.stablemap.stable_map`);
        the language and basemap are added here.
    key
        The map's session-state key (its last value: clicks, drawings, view).
    returned_objects
        Interactions that rerun the page or fragment (e.g. ``"last_clicked"``).
    **build
        Keyword arguments of :func:`geoapp.mapping.build_map` for the base
        (``draw=True``, ``interactive=False``, ``show={…}``,
        ``river_buffer=True`` for the default control buffer); the base never
        draws the projects, and draws the river buffer only when asked (a page
        whose buffer follows a control draws it with :func:`river_buffer_layers`).

    Returns
    -------
    dict
        The component's value.
    """
    layers = session_layers()
    opts = map_options()

    def build_base():
        return mapping.build_map(
            layers,
            projects=layers["projects"].iloc[:0],
            legend=False,
            **{"river_buffer": False, **build},
            **opts,
        )

    return render_stable_map(
        base_map_key(kind, **build),
        build_base,
        dynamic if callable(dynamic) else list(dynamic),
        key=key,
        dynamic_key=None
        if dynamic_key is None
        else f"{dynamic_key}|{opts['lang']}|{opts['basemap']}",
        lang=opts["lang"],
        returned_objects=returned_objects,
        height=height,
    )


def river_buffer_layers(distance_m: float) -> list:
    """The Yellow River control buffer at ``distance_m`` as a dynamic layer (none at 0)."""
    if not distance_m:
        return []
    river = layer("yellow_river")
    assert river is not None  # only the constraints layer may be absent
    if len(river) == 0:
        return []
    return [
        mapping.river_buffer_layer(
            session_layers().river_buffer(float(distance_m)),
            float(distance_m),
            interactive=False,
            **map_context(),
        )
    ]


def go_to_box(map_key: str, where: Any = None) -> tuple[float, float] | None:
    """A "go to" box (lon, lat in WGS-84 / GCJ-02 / BD-09, decimal or DMS) that moves the map.

    Returns
    -------
    (lon, lat) in WGS-84 of the point gone to in this run, or None.
    """
    box = st if where is None else where
    with box.form(f"{map_key}_goto", clear_on_submit=False, border=False):
        text = st.text_input(
            t("定位到 经度, 纬度"),
            key=f"{map_key}_goto_text",
            placeholder="115.03, 35.76",
            help=t("经纬度可写成 115.03, 35.76 或 115°01′30″E 35°45′36″N；坐标类型见下。"),
        )
        datum = st.selectbox(
            t("坐标类型"),
            ["wgs84", "gcj02", "bd09"],
            key=f"{map_key}_goto_datum",
            format_func=datum_label,
        )
        go = st.form_submit_button(t("定位"))
    if not go or not text.strip():
        return None
    try:
        lon, lat = parse_lonlat(text, datum=cast(Datum, datum))
    except ValueError as exc:
        st.error(f"{t('无法识别的坐标')}: {exc}")
        return None
    shown = mapping.to_display(lon, lat, basemap=stored("basemap", "none"))
    go_to(map_key, shown[1], shown[0], zoom=13)
    return lon, lat


def datum_label(datum: str) -> str:
    """A planner's name of a coordinate type."""
    return {
        "wgs84": t("WGS-84 / CGCS2000（GPS、天地图）"),
        "gcj02": t("GCJ-02（高德、腾讯）"),
        "bd09": t("BD-09（百度）"),
    }[datum]


def schematic_note(**used: gpd.GeoDataFrame) -> tuple[int, int, str]:
    """How many of the features an analysis used have schematic positions, as a sentence.

    ``used``: the features by layer name, e.g. ``projects=filtered``.

    Returns
    -------
    (n_schematic, n_total, :func:`geoapp.layers.schematic_note` in the UI language)
    """
    k = sum(int(schematic_mask(g).sum()) for g in used.values())
    return k, sum(len(g) for g in used.values()), layers_schematic_note(used, lang())


def exclude_schematic_box(where: Any = None, key: str = "excl_schematic") -> bool:
    """Checkbox: leave features with schematic positions out of the analysis."""
    box = st if where is None else where
    return bool(
        persist(
            box.checkbox,
            key,
            False,
            t("排除示意位置"),
            help=t("示意位置是为演示选定的位置，并非实测坐标；勾选后分析只用实测或近似位置。"),
        )
    )


def drop_schematic(gdf: gpd.GeoDataFrame, exclude: bool) -> gpd.GeoDataFrame:
    """``gdf`` without schematic positions when ``exclude`` (geoapp.layers' one rule)."""
    return drop_schematic_features(gdf) if exclude else gdf


@contextlib.contextmanager
def timed(name: str):
    """Print ``geoapp-timing <name> <seconds>`` to the server log when ``GEOAPP_TIMING`` is set.

    ``benchmarks/bench_app.py`` reads these lines for the server's share of an
    interaction.
    """
    if not os.environ.get("GEOAPP_TIMING"):
        yield
        return
    t0 = time.perf_counter()
    try:
        yield
    finally:
        print(f"geoapp-timing {name} {time.perf_counter() - t0:.4f}", flush=True)


@st.cache_data(show_spinner=False, max_entries=64)
def _county_labels(token: str, _gdf: gpd.GeoDataFrame, _layers: LayerSet) -> pd.Series:
    return county_labels(_gdf, _layers)


def placed_county(gdf: gpd.GeoDataFrame, token: str) -> gpd.GeoDataFrame:
    """``gdf`` with ``county`` by the one rule (schematic positions: unstated), cached by token."""
    if len(gdf) == 0:
        return gdf
    layers = session_layers()
    labels = _county_labels(f"{token}|{layers.token}", gdf, layers)
    return gdf.assign(county=labels.to_numpy())


def planner_problem(text: str) -> str:
    """A reader's or checker's message without the server's paths."""
    text = text.replace(str(ROOT) + "/", "").replace(str(ROOT), "")
    return re.sub(r"(/[\w.\-]+)+/([\w.\-]+)", r"\2", text)


def problem_text(exc: Exception) -> str:
    """An error's message in the UI language (geoapp.vocab.i18n), without the server's paths."""
    first = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
    return import_note(first)


def import_note(text: str) -> str:
    """A reader's warning in the UI language (geoapp.vocab.i18n), without the server's paths."""
    return planner_problem(message_text(text, lang()))


def import_problem(name: str, exc: Exception) -> str:
    """Why an upload could not be read, in the UI language (geoapp.vocab.i18n), without paths."""
    text = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
    shown = planner_problem(message_text(text, lang()))
    return shown if shown.startswith(name) else f"{name}: {shown}"


def import_summary(name: str, n_rows: int, n_rejected: int, encoding: str | None = None) -> str:
    """What an upload gave, in the UI language (geoapp.vocab.i18n)."""
    return vocab_import_summary(name, n_rows, n_rejected, lang(), encoding=encoding)


def schematic_layers_note(layers: LayerSet, names: tuple[str, ...]) -> tuple[int, int, str]:
    """How many features of the layers an analysis used are schematic, as a sentence.

    Returns
    -------
    (n_schematic, n_total, :meth:`geoapp.layers.LayerSet.schematic_note` in the UI language)
    """
    k, n = layers.schematic_used(names)
    return k, n, layers.schematic_note(names, lang())
