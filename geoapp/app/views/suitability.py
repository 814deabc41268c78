"""适宜性评价: the city scored for a chain on a grid; weights, transformations, top regions.

The page's controls and its map are one ``st.fragment``. The chain and the
resolution choose the criteria grids, computed once per chain, resolution and
layer set; moving a weight, a transformation or a region setting recombines the
cached grids and sends only the new surface image (and regions) to the page's
stable map, which keeps its view.
"""

from dataclasses import dataclass
from functools import partial
from typing import cast

import numpy as np
import streamlit as st

from geoapp import mapping
from geoapp.app.common import (
    exclude_schematic_box,
    go_to_box,
    lang,
    map_options,
    schematic_layers_note,
    session_layers,
    stable_map,
    t,
    table,
    timed,
)
from geoapp.geo import metric_transformer
from geoapp.io import Format, to_bytes
from geoapp.settings import DEFAULT_SITING, DEFAULT_SUITABILITY, STORAGE_CRS
from geoapp.siting import POSITION_LAYERS
from geoapp.suitability import (
    CRITERIA,
    CRITERIA_TITLES,
    Categories,
    Inverse,
    Linear,
    SurfaceSpec,
    Threshold,
    Transform,
    criteria_grid,
    display_grid,
    histogram,
    legend_html,
    regions_from_arrays,
    regions_table,
    summary_tables,
    surface_bytes,
    surface_layers,
    surface_png,
)
from geoapp.vocab import VERDICT, chain_names

MAP_KEY = "suit_map"
DISTANCE = ("hub_access", "station_access", "river_distance")

#: Resolutions offered on the page, in metres.
RESOLUTIONS = [100, 200, 250, 500, 1000]
#: The best regions' table: column -> Chinese title.
REGION_TITLES = {
    "rank": "排名",
    "area_ha": "面积(公顷)",
    "mean_score": "平均得分",
    "min_score": "最低得分",
    "county": "县区",
    "zone": "园区",
    "limiting": "限制因素",
    "schematic_used": "所用要素中示意位置数",
}
#: The transformations a distance criterion may take.
KINDS = {"linear": "线性", "threshold": "阈值", "inverse": "反比"}


@dataclass(frozen=True)
class RegionSettings:
    """How the best regions are found: score threshold, count, smallest area, smallest gap."""

    threshold: float
    k: int
    min_area: float
    min_gap: float


def page() -> None:
    """The 适宜性评价 page."""
    st.title(t("适宜性评价"))
    st.caption(
        t(
            "全市按网格评价某一产业链的适宜性：各准则转换为 0–1 后按权重加权为 0–100 分；"  # noqa: E501
            "灰色为违反硬性规则的网格。"
        )
    )
    surface_page()


def titles() -> dict[str, str]:
    """The criteria's titles in the session's language."""
    zh = lang() == "zh"
    return {c: (CRITERIA_TITLES[c][0] if zh else CRITERIA_TITLES[c][1]) for c in CRITERIA}


def controls() -> tuple[dict[str, float], dict[str, Transform], RegionSettings]:
    """Weights, transformations and region settings (in the fragment's control column)."""
    title = titles()
    st.markdown(f"**{t('权重')}**")
    defaults = {**dict(DEFAULT_SITING.weights), "river_distance": 0.0}
    weights = {
        c: float(st.slider(title[c], 0, 100, int(defaults[c]), 5, key=f"suit_w_{c}"))
        for c in CRITERIA
    }
    with st.expander(t("转换函数")):
        transforms = transform_controls(title)
    return weights, transforms, region_controls()


def transform_controls(title: dict[str, str]) -> dict[str, Transform]:
    """The transformation of each criterion (inside the 转换函数 expander)."""
    s = DEFAULT_SITING
    dist_defaults = {
        "hub_access": (s.hub_full_score_m, s.hub_zero_score_m),
        "station_access": (s.station_full_score_m, s.station_zero_score_m),
        "river_distance": (s.river_buffer_m + 4000.0, s.river_buffer_m),
    }
    transforms: dict[str, Transform] = {}
    for c in DISTANCE:
        found = distance_transform(c, title[c], *dist_defaults[c])
        if found is not None:
            transforms[c] = found
    full_count = st.number_input(
        t("同链项目满分数量"), 1, 50, s.agglomeration_full_count, key="suit_agg"
    )
    transforms["chain_agglomeration"] = Linear(float(full_count), 0.0)
    no_zone = st.slider(t("园区外得分(0–1)"), 0.0, 1.0, 0.0, 0.05, key="suit_nozone")
    transforms["in_zone"] = Categories({0: no_zone, 1: 1.0})
    return transforms


def distance_transform(c: str, label: str, full: float, zero: float) -> Transform | None:
    """The kind and distances of one distance criterion (None: a linear one with no range)."""
    kind = st.selectbox(label, list(KINDS), key=f"suit_k_{c}", format_func=lambda v: t(KINDS[v]))
    if kind == "linear":
        a = st.number_input(t("满分距离(公里)"), 0.0, 100.0, full / 1000, 0.5, key=f"suit_a_{c}")
        b = st.number_input(t("零分距离(公里)"), 0.0, 100.0, zero / 1000, 0.5, key=f"suit_b_{c}")
        return Linear(a * 1000, b * 1000) if a != b else None
    if kind == "threshold":
        a = st.number_input(
            t("阈值距离(公里)"), 0.0, 100.0, min(full, zero) / 1000 + 1, 0.5, key=f"suit_t_{c}"
        )
        return Threshold(a * 1000, above=c == "river_distance")
    a = st.number_input(
        t("满分距离(公里)"), 0.1, 100.0, min(full, zero) / 1000 or 1.0, 0.5, key=f"suit_i_{c}"
    )
    return Inverse(a * 1000)


def region_controls() -> RegionSettings:
    """Score threshold, number, smallest area and smallest gap of the best regions."""
    su = DEFAULT_SUITABILITY
    st.markdown(f"**{t('最佳区域')}**")
    threshold = st.slider(
        t("适宜分数线"), 0, 100, int(DEFAULT_SITING.recommended_min), 5, key="suit_thr"
    )
    k = st.number_input(t("区域个数"), 1, 20, su.app_regions, key="suit_k")
    min_area = st.number_input(
        t("最小面积(公顷)"), 1.0, 10_000.0, su.min_area_ha, 10.0, key="suit_area"
    )
    min_gap = st.number_input(t("最小间距(公里)"), 0.0, 50.0, su.min_gap_km, 0.5, key="suit_gap")
    return RegionSettings(float(threshold), int(k), float(min_area), float(min_gap))


# ----- cached: the criteria grids per chain + resolution + layers; the display grid per grid
@st.cache_resource(show_spinner=False, max_entries=6)
def grids(tokens: tuple[str, ...], chain: str, resolution: float, _layers):
    return criteria_grid(_layers, chain=chain, resolution_m=resolution, settings=DEFAULT_SITING)


@st.cache_resource(show_spinner=False, max_entries=6)
def display(tokens: tuple[str, ...], resolution: float, datum: str, _grid):
    return display_grid(_grid, datum=datum)


def _regions_file(regions, fmt: str) -> bytes:
    return to_bytes(regions, fmt=cast(Format, fmt), crs=STORAGE_CRS, layer_name="regions")[0]


def _regions(key: str, score, rule, cg, spec, k: int, min_area: float, min_gap: float):
    """The best regions, recomputed only when the surface or their settings change."""
    memo = st.session_state.setdefault("_suit_regions", {})
    if memo.get("key") != key:
        memo["key"] = key
        memo["regions"] = regions_from_arrays(
            score,
            rule,
            cg.grid,
            inputs=cg.inputs,
            spec=spec,
            k=k,
            min_area_ha=min_area,
            min_gap_km=min_gap,
            criteria=cg.criteria,
        )
    return memo["regions"]


def limiting_titles(value) -> str:
    """The ``limiting`` criteria codes of a region as the planner reads them."""
    title = titles()
    return "、".join(title.get(c, c) for c in str(value or "").split(";") if c)


@st.fragment
def surface_page() -> None:
    """Controls and map (one fragment), then the clicked cell, the regions and summaries."""
    ctrl, right = st.columns([1, 3.3])
    with ctrl:  # the page's own controls first: chain and resolution choose the criteria grids
        chain = st.selectbox(t("产业链"), list(chain_names()), key="suit_chain")
        resolution = st.select_slider(
            t("网格分辨率(米)"),
            RESOLUTIONS,
            value=int(DEFAULT_SUITABILITY.resolution_m),
            key="suit_res",
        )
        weights, transforms, regions_at = controls()
        layers = session_layers()
        if exclude_schematic_box():  # the one rule of geoapp.layers, as on the other pages
            layers = layers.without_schematic(POSITION_LAYERS)
        go_to_box(MAP_KEY, st.container())
    tokens = (layers.token,)
    with right:
        st.caption(schematic_layers_note(layers, POSITION_LAYERS)[2])
    with st.spinner(t("计算准则网格（每个产业链和分辨率只算一次）")):
        cg = grids(tokens, chain, float(resolution), layers)
    datum = mapping.basemap_datum(map_options()["basemap"])
    disp = display(tokens, float(resolution), datum, cg.grid)
    if sum(weights.values()) <= 0:
        with right:
            st.warning(t("权重不能全为 0。"))
        return
    with timed("suitability"):
        spec = SurfaceSpec(
            chain,
            resolution_m=float(resolution),
            weights=weights,
            transforms=transforms,
            threshold=regions_at.threshold,
        )
        surface_key = "|".join(
            map(repr, (tokens, chain, float(resolution), sorted(weights.items()), transforms))
        )
        score, rule = cg.score(spec), cg.rule_band
        r = regions_at
        regions_key = f"{surface_key}|{r.threshold}|{r.k}|{r.min_area}|{r.min_gap}"
        regions = _regions(regions_key, score, rule, cg, spec, r.k, r.min_area, r.min_gap)
        by_county, by_zone = summary_tables(cg.criteria, score, cg.inputs, cg.grid, r.threshold)
        with right:
            figures(score, rule, cg, r.threshold, len(regions))
            value = surface_map(f"{regions_key}|{datum}", score, rule, (disp, datum), regions)
            legend_and_histogram(score, rule)
    clicked_cell(value, cg, score, rule, spec)
    regions_and_summaries(regions, by_county, by_zone, cg, score, rule, spec)


def figures(score, rule, cg, threshold: float, n_regions: int) -> None:
    """Mean score, suitable and prohibited areas, the number of best regions."""
    ins = score >= 0
    cell_km2 = cg.grid.res**2 / 1e6
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("平均得分"), f"{score[ins].mean():.1f}")
    m2.metric(t("适宜面积(km²)"), f"{((score >= threshold) & (rule == 0)).sum() * cell_km2:,.1f}")
    m3.metric(t("禁止面积(km²)"), f"{(rule > 0).sum() * cell_km2:,.1f}")
    m4.metric(t("最佳区域"), f"{n_regions}")


def surface_map(dynamic_key: str, score, rule, shown_on: tuple, regions) -> dict:
    """The stable map: the surface image and the regions' outlines as its dynamic layers.

    Returns
    -------
    dict
        The map component's value (the last click).
    """
    disp, datum = shown_on  # the display grid and the basemap's datum it was built for

    def dynamic():  # only for a new surface or new regions: the image and outlines
        shown = regions
        if len(regions):
            shown = regions.assign(limiting=regions["limiting"].map(limiting_titles))
        return surface_layers(
            surface_png(score, rule, disp),
            disp,
            shown,
            name=t("适宜性评价"),
            region_name=t("最佳区域"),
            lang=lang(),
            datum=datum,
        )

    return stable_map(
        "suitability",
        dynamic,
        key=MAP_KEY,
        dynamic_key=dynamic_key,
        returned_objects=["last_clicked"],
        interactive=False,
    )


def legend_and_histogram(score, rule) -> None:
    """The surface's legend and the histogram of the scores, allowed and prohibited."""
    leg, hist_col = st.columns([1, 2])
    leg.markdown(
        legend_html(title=t("适宜性得分"), prohibited=t("违反硬性规则"), nodata=t("市域外无数据")),
        unsafe_allow_html=True,
    )
    hist = histogram(score, rule).melt("bin", var_name="class", value_name="cells")
    names = {"allowed": t("允许"), "prohibited": t(VERDICT["prohibited"].zh)}
    hist_col.vega_lite_chart(  # a plain Vega-Lite spec: no Altair validation per run
        hist.assign(**{"class": hist["class"].map(names)}),
        {
            "mark": "bar",
            "encoding": {
                "x": {"field": "bin", "type": "ordinal", "title": t("适宜性得分")},
                "y": {"field": "cells", "type": "quantitative", "title": None},
                "color": {
                    "field": "class",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": list(names.values()), "range": ["#1f77b4", "#8c8c8c"]},
                },
                "tooltip": [{"field": "bin"}, {"field": "class"}, {"field": "cells"}],
            },
            "height": 140,
        },
        width="stretch",
    )


def clicked_cell(value, cg, score, rule, spec) -> None:
    """The breakdown of the last clicked cell."""
    clicked = (value or {}).get("last_clicked") or st.session_state.get("suit_clicked")
    if not clicked:
        return
    st.session_state["suit_clicked"] = clicked
    lon, lat = mapping.to_wgs84(clicked["lng"], clicked["lat"], basemap=map_options()["basemap"])
    x, y = metric_transformer(STORAGE_CRS).transform(lon, lat)
    row, col = (int(v[0]) for v in cg.grid.cell_of(np.array([x]), np.array([y])))
    if 0 <= row < cg.grid.height and 0 <= col < cg.grid.width and score[row, col] >= 0:
        st.subheader(f"{t('网格明细')} ({lon:.5f}, {lat:.5f})")
        code = int(rule[row, col])
        zh = lang() == "zh"
        names = {r.code: (r.title_zh if zh else r.title_en) for r in cg.inputs.rule_codes}
        c1, c2 = st.columns(2)
        c1.metric(t("得分"), f"{score[row, col]:.1f}")
        c2.metric(t("硬性规则"), names.get(code, t("无")) if code else t("无"))
        bd = cg.breakdown(row, col, spec)
        bd["criterion"] = bd["criterion"].map(titles())
        table(
            bd.rename(
                columns={
                    "criterion": t("准则"),
                    "raw": t("原始值"),
                    "suitability": t("适宜度(0–1)"),
                    "weight": t("权重"),
                    "points": t("得分"),
                }
            ).round(3)
        )
    else:
        st.caption(t("所点位置在市域外。"))


def regions_and_summaries(regions, by_county, by_zone, cg, score, rule, spec) -> None:
    """The regions' table and files, the summaries by county and zone, the GeoTIFF."""
    st.subheader(t("最佳区域"))
    if len(regions):
        shown = regions_table(regions)
        shown["limiting"] = shown["limiting"].map(limiting_titles)
        table(shown.rename(columns={c: t(v) for c, v in REGION_TITLES.items()}))
        for column, (fmt, label) in zip(
            st.columns(2), (("geojson", "GeoJSON"), ("gpkg", "GeoPackage")), strict=True
        ):
            with column:  # files built only when clicked
                st.download_button(
                    f"{t('下载')} {label}",
                    partial(_regions_file, regions, fmt),
                    file_name=f"suitability_regions_{spec.chain}.{fmt}",
                    mime="application/geo+json"
                    if fmt == "geojson"
                    else "application/geopackage+sqlite3",
                    key=f"suit_dl_regions_{fmt}",
                    on_click="ignore",
                )
    else:
        st.info(t("没有满足条件的区域；降低分数线或最小面积。"))
    st.subheader(t("按县区汇总"))
    table(by_county.rename(columns={"county": t("县区")}).round(2))
    with st.expander(t("按园区汇总")):
        table(by_zone.rename(columns={"zone": t("园区")}).round(2))
    st.download_button(  # built only when clicked
        t("下载 GeoTIFF"),
        lambda: surface_bytes(
            cg.grid, score, rule, spec, cg.inputs.rule_codes, cg.inputs.schematic_used
        ),
        file_name=f"suitability_{spec.chain}_{spec.resolution_m:g}m.tif",
        mime="image/tiff",
        key="suit_dl_tif",
        on_click="ignore",
    )
