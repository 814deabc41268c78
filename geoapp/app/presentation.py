"""Tables as a planner reads them: translated values, blank empties, titled CSV files.

:func:`display_frame` turns an analysis table into what the app shows (codes
such as ``schematic`` or ``not_recommended`` as words in the UI language,
empty cells blank rather than ``None``); :func:`planner_csv` writes the CSV a
planner downloads: column titles in the UI language, the WGS-84 longitude and
latitude of each feature next to the input columns, distances in whole
metres, UTF-8 with BOM so Excel opens Chinese correctly.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from types import MappingProxyType

import geopandas as gpd
import numpy as np
import pandas as pd

from geoapp.io import LAT_NAMES, LON_NAMES, csv_bytes
from geoapp.layers import catalog, get_spec
from geoapp.settings import STORAGE_CRS
from geoapp.siting import CRITERIA, reasons_in
from geoapp.vocab import (
    LOCATION_QUALITY,
    STAGE,
    VERDICT,
    cite_column,
    label,
    reason_text,
    translate,
)

__all__ = [
    "COLUMN_TITLES",
    "blank_missing_numbers",
    "declared_titles",
    "display_frame",
    "planner_csv",
]

#: Chinese titles of columns common to layers and analysis results.
COLUMN_TITLES: Mapping[str, str] = {
    "rank": "排名",
    "id": "编号",
    "name": "名称",
    "company": "企业",
    "cluster": "产业集群",
    "chain": "产业链",
    "stage": "阶段",
    "investment_yi": "投资额(亿元)",
    "county": "县区",
    "zone": "园区",
    "kind": "类型",
    "verdict": "结论",
    "score": "得分",
    "violation_text": "违反的规则",
    "hub_name": "最近物流枢纽",
    "hub_distance_m": "最近物流枢纽距离(米)",
    "station_name": "最近监测站",
    "station_distance_m": "最近监测站距离(米)",
    "river_distance_m": "距黄河(米)",
    "distance_m": "距离(米)",
    "facility_name": "最近设施",
    "covered": "已覆盖",
    "cluster_label": "聚类",
    "n_sites_within": "项目数",
    "reasons": "原因",
    "location_quality": "位置精度",
    "source": "来源",
    "note": "备注",
    "chain_known": "产业链在目录中",
    "schematic_used": "所用要素中示意位置数",
    # analysis results (issue 10: every CSV column titled in the UI language)
    "facility_index": "最近设施序号",
    "count": "项目数",
    "dominant_chain": "主要产业链",
    "counties": "所在县区",
    "model": "模型",
    "radius_m": "服务半径(米)",
    "source_row": "行号",
    "coord_fixed": "坐标已纠正",
    "zone_kind": "园区类型",
    "zone_chains": "园区主导产业链",
    "chain_match": "园区主导该产业链",
    "chemical": "化工类项目",
    "same_chain_nearby": "周边同链项目数",
    "violations": "违反的规则编号",
    "review_text": "待核实说明",
    **{f"score_{k}": f"得分·{zh}" for k, (zh, _) in CRITERIA.items()},
}

_VOCABS = {"verdict": VERDICT, "stage": STAGE, "location_quality": LOCATION_QUALITY}
#: Codes of candidate kinds (:func:`geoapp.coverage.candidate_sites`) as a planner names them.
#: The documents' "not stated" (a county, a zone): a word of the UI, translated.
_UNSTATED = "未注明"
_KIND_CODES = {"zone_centroids": "园区代表点", "grid": "规则网格", "user": "候选点"}


def _blank(s: pd.Series) -> pd.Series:
    if s.dtype == object or isinstance(s.dtype, pd.StringDtype):
        return s.astype(object).where(s.notna(), "").map(lambda v: "" if v is None else v)
    return s


def display_frame(df: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """A copy of ``df`` for display: no geometry, codes as words, empty text cells blank.

    Parameters
    ----------
    df
        A table or GeoDataFrame.
    lang
        ``{"zh", "en"}``.

    Returns
    -------
    pandas.DataFrame
    """
    out = (
        pd.DataFrame(df.drop(columns=df.geometry.name))
        if isinstance(df, gpd.GeoDataFrame)
        else df.copy()
    )
    for col in out.columns:
        if col in _VOCABS:
            vocab = _VOCABS[col]
            out[col] = out[col].map(
                lambda v, vocab=vocab: (
                    ""
                    if v is None or (isinstance(v, float) and np.isnan(v))
                    else label(vocab, v, lang)
                )
            )
        elif col == "reason":  # a reader's rejected row: "中文 / English"
            out[col] = out[col].map(lambda v: reason_text(v, lang) if isinstance(v, str) else v)
        elif col == "source":  # the document's title and line, not seeds/<file>.txt
            out[col] = cite_column(out[col].astype(object), lang)
        elif col == "stages" and lang != "zh":  # "签约；在建", "签约(1)、在建(3)"
            words = {s: label(STAGE, s, lang) for s in STAGE}
            words[_UNSTATED] = translate(_UNSTATED, lang)
            pattern = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
            out[col] = (
                out[col]
                .astype(object)
                .where(out[col].notna(), "")
                .astype(str)
                .str.replace(pattern, lambda m, w=words: w[m.group(0)], regex=True)
                .str.replace("；", "; ")
                .str.replace("、", ", ")
            )
        elif col == "reasons":  # the siting explanation
            out[col] = reasons_in(out[col].astype(object).where(out[col].notna(), ""), lang)
        elif col == "kind":
            out[col] = out[col].map(
                lambda v: translate(_KIND_CODES[v], lang) if v in _KIND_CODES else v
            )
        elif pd.api.types.is_bool_dtype(out[col]):
            out[col] = out[col].map({True: translate("是", lang), False: translate("否", lang)})
        elif col in ("cluster",) and lang == "en":
            out[col] = out[col].map(lambda v: translate(v, "en") if isinstance(v, str) else v)
        out[col] = _blank(out[col])
        if lang != "zh" and pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].mask(out[col].eq(_UNSTATED), translate(_UNSTATED, lang))
    return out


def _number_text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    return f"{value:.10g}" if isinstance(value, float) else str(value)


def blank_missing_numbers(df: pd.DataFrame):
    """``df`` styled so that missing numbers show as blank cells (Streamlit shows "None").

    Parameters
    ----------
    df
        A table about to be shown.

    Returns
    -------
    pandas.DataFrame or pandas.io.formats.style.Styler
        ``df`` itself when no numeric column has a missing value; otherwise a
        Styler that keeps the numbers (sorting stays numeric) and shows the
        missing ones as "" and the others with up to 10 significant digits.
    """
    numeric = [
        c
        for c in df.columns
        if pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])
    ]
    if not df.columns.is_unique:
        return df
    mixed = [c for c in df.columns if df[c].dtype == object and bool(df[c].isna().any())]
    if mixed:  # e.g. counts with None: blank text cells
        df = df.assign(**{c: df[c].where(df[c].notna(), "") for c in mixed})
    if not any(bool(df[c].isna().any()) for c in numeric):
        return df
    # every numeric column: a Styler would show the others with six decimals
    return df.style.format(_number_text, subset=numeric)


@functools.cache
def declared_titles() -> Mapping[str, str]:
    """Chinese titles of the layers' columns as the catalog declares them (first one wins).

    Returns
    -------
    Mapping[str, str]
        Column name -> ``title_zh``.
    """
    out: dict[str, str] = {}
    for name in catalog():
        for col, spec in get_spec(name).columns.items():
            if spec.title_zh:
                out.setdefault(col, spec.title_zh)
    return MappingProxyType(out)


def planner_csv(
    gdf: gpd.GeoDataFrame,
    *,
    lang: str = "zh",
    titles: Mapping[str, str] | None = None,
) -> bytes:
    """The CSV a planner downloads (UTF-8 with BOM).

    Parameters
    ----------
    gdf
        Features with a CRS (the geometry is not written; its WGS-84 position
        is, a point inside each polygon).
    lang
        ``{"zh", "en"}``: the language of the titles and of coded values.
    titles
        Extra Chinese column titles (column -> title), on top of
        :data:`COLUMN_TITLES`; English comes from :func:`geoapp.vocab.i18n.translate`.

    Returns
    -------
    bytes
        The columns of ``gdf`` (distances ``*_m`` rounded to whole metres)
        and ``经度(WGS-84)`` / ``纬度(WGS-84)`` (6 decimals, about 0.1 m):
        right after the file's own longitude/latitude columns (e.g. 经度, 纬度
        as typed, perhaps GCJ-02), else at the end.
    """
    if gdf.crs is None:
        msg = "the table has no coordinate system; set one with .set_crs(4326) first"
        raise ValueError(msg)
    wgs = gdf.to_crs(STORAGE_CRS) if gdf.crs.to_epsg() != 4326 else gdf
    geom = wgs.geometry
    pts = geom.where(geom.geom_type == "Point", geom.representative_point())
    out = display_frame(wgs, lang)
    for col in out.columns:
        if str(col).endswith("_m") and pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].round(0).astype("Int64")
        elif str(col).startswith("score") and pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].round(2)
    empty = pts.isna() | pts.is_empty
    # right after the file's own longitude/latitude columns, else at the end
    keys = [str(c).strip().lower() for c in out.columns]
    lon_at = [i for i, k in enumerate(keys) if k in LON_NAMES]
    lat_at = [i for i, k in enumerate(keys) if k in LAT_NAMES]
    at = max(lon_at[0], lat_at[0]) + 1 if lon_at and lat_at else len(out.columns)
    out.insert(at, "经度(WGS-84)", np.where(empty, np.nan, pts.x.round(6)))
    out.insert(at + 1, "纬度(WGS-84)", np.where(empty, np.nan, pts.y.round(6)))
    names = {**declared_titles(), **COLUMN_TITLES, **(titles or {})}
    header = {c: translate(names.get(c, c), lang) for c in out.columns}
    if lang == "en":
        header["经度(WGS-84)"], header["纬度(WGS-84)"] = "lon (WGS-84)", "lat (WGS-84)"
    return csv_bytes(out.rename(columns=header))  # the one formula-safe writer
