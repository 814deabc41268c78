"""What the command line prints: aligned tables, one point evaluated, a site explained."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from typing import Any, Literal

import geopandas as gpd
import pandas as pd
from pyproj import CRS

from geoapp.geo import DATUMS, convert_lonlat, outside_city
from geoapp.io import terminal_text
from geoapp.layers import LayerSet
from geoapp.report._format import DATA_NOTE_EN, _fmt, _km_text
from geoapp.settings import DEFAULT_SITING, STORAGE_CRS, SitingSettings
from geoapp.siting import evaluate_sites, explain_site


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, right: bool) -> str:
    fill = " " * max(width - _width(text), 0)
    return fill + text if right else text + fill


def _cut(text: str, max_width: int) -> str:
    if _width(text) <= max_width:
        return text
    while _width(text) > max_width - 1:
        text = text[:-1]
    return text + "…"


def text_table(frame: pd.DataFrame, *, digits: int = 2, max_width: int = 40) -> str:
    """Format a table as aligned plain text for a terminal.

    Chinese (wide) characters count as two columns; numbers are right-aligned;
    geometry columns are skipped; long cells are cut with "…".

    Parameters
    ----------
    frame
        The table.
    digits
        Decimals of float columns.
    max_width
        Longest cell, in terminal columns.

    Returns
    -------
    str
        A header line, a rule and one line per row.
    """
    columns = [c for c in frame.columns if not isinstance(frame[c].dtype, gpd.array.GeometryDtype)]
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in columns]
    body = [
        [_cut(terminal_text(_fmt(v, digits=digits, empty="")), max_width) for v in values]
        for values in frame[columns].itertuples(index=False)
    ]
    rows = [[terminal_text(c) for c in columns], *body]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(columns))]
    lines = []
    for n, r in enumerate(rows):
        cells = (_pad(c, widths[i], right=numeric[i]) for i, c in enumerate(r))
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def evaluate_point(
    lon: float,
    lat: float,
    *,
    chain: str | None = None,
    name: str = "候选地块",
    datum: Literal["wgs84", "gcj02", "bd09"] = "wgs84",
    crs: str | int | None = None,
    layers: LayerSet,
    settings: SitingSettings = DEFAULT_SITING,
) -> gpd.GeoDataFrame:
    """Evaluate one candidate point (a one-row :func:`geoapp.siting.evaluate_sites`).

    Parameters
    ----------
    lon, lat
        Longitude and latitude in degrees; or easting and northing in the
        units of ``crs`` when it is a projected CRS (e.g. EPSG:4547 metres).
    chain
        The project's industrial chain (e.g. ``"聚碳新材料"``), or None.
    name
        The site's name.
    datum
        {"wgs84", "gcj02", "bd09"}: lon/lat from AMap/Tencent (GCJ-02) or
        Baidu (BD-09) are converted to WGS-84 first.
    crs
        CRS of the coordinates (default EPSG:4326).
    layers
        The layer bundle (:class:`geoapp.layers.LayerSet`).
    settings
        Rules, weights and thresholds.

    Returns
    -------
    geopandas.GeoDataFrame
        One row in EPSG:4326 with ``name``, ``chain`` and the evaluation columns.

    Raises
    ------
    ValueError
        On an unknown ``datum``, a datum other than WGS-84 with a projected
        ``crs``, coordinates that are not finite numbers, metres given as
        degrees, or a point outside 濮阳市 (more than
        :data:`geoapp.geo.spatial.CITY_TOLERANCE_M` from every county; swapped lon/lat is named
        as such).
    """
    if datum not in DATUMS:
        msg = f"`datum` was {datum!r} but must be one of {DATUMS}."
        raise ValueError(msg)
    if not (math.isfinite(float(lon)) and math.isfinite(float(lat))):
        msg = f"`lon` and `lat` must be finite numbers, got {lon!r}, {lat!r}."
        raise ValueError(msg)
    source = CRS.from_user_input(crs if crs is not None else "EPSG:4326")
    if datum != "wgs84":
        if not source.is_geographic:
            msg = (
                f"`datum` {datum!r} applies to longitude/latitude only, but `crs` is "
                f"{source.to_string()}; drop one of them."
            )
            raise ValueError(msg)
        lon, lat = (float(v) for v in convert_lonlat(lon, lat, source=datum, target="wgs84"))
    if source.is_geographic and 90 < abs(float(lat)) <= 180 and abs(float(lon)) <= 90:
        msg = (
            f"--lat {lat} is not a latitude (beyond ±90°). Longitude and latitude look "
            f"swapped: did you mean --lon {lat} --lat {lon}?"
        )
        raise ValueError(msg)
    if source.is_geographic and max(abs(float(lon)), abs(float(lat))) > 180:
        msg = (
            f"--lon {lon} --lat {lat} look like projected metres, not degrees. Pass the CRS "
            "they are in: --crs EPSG:4547 (CGCS2000 GK CM 114E, easting about 400 000–600 000 m"
            "), or --crs EPSG:4526 if the easting has 8 digits starting with 38."
        )
        raise ValueError(msg)
    point = gpd.GeoSeries(gpd.points_from_xy([lon], [lat]), crs=source).to_crs(STORAGE_CRS)
    _check_in_city(point, layers)
    site = gpd.GeoDataFrame({"name": [name], "chain": [chain]}, geometry=point)
    return evaluate_sites(site, layers=layers, settings=settings, chain_col="chain")


def site_text(
    row: Mapping[str, Any],
    *,
    settings: SitingSettings = DEFAULT_SITING,
    rules: Mapping[str, Any] | None = None,
) -> str:
    """A plain-text explanation of one evaluated site, for the terminal.

    Parameters
    ----------
    row
        One row of :func:`geoapp.siting.evaluate_sites`.
    settings
        The settings it was evaluated with.
    rules
        Rule registry (default :data:`geoapp.rules.RULES`).

    Returns
    -------
    str
        Position, county and zone, the criteria table (criterion, value,
        weight, points), the failed rules with their legal basis, nearest
        hub and station, score and verdict.
    """
    ex = explain_site(row, settings=settings, rules=rules)
    geom: Any = row.get("geometry")
    near = ex["nearest"]
    lines = [
        f"{ex['name'] or '候选地块'}  ({geom.x:.6f}, {geom.y:.6f} WGS-84)",
        (
            f"县区 County: {_fmt(ex['county'], empty='市域外 / outside 濮阳市')}    "
            f"园区 Zone: {_fmt(ex['zone'], empty='不在园区内 / outside any zone')}"
        ),
        f"产业链 Chain: {_fmt(ex['chain'], empty='未注明')}"
        + (" (化工类 chemical)" if ex["chemical"] else ""),
        "",
    ]
    crit = pd.DataFrame(
        {
            "criterion": [f"{c['title_zh']} {c['criterion']}" for c in ex["criteria"]],
            "value": [c["raw_text"] for c in ex["criteria"]],
            "weight": [c["weight"] for c in ex["criteria"]],
            "points": [c["points"] for c in ex["criteria"]],
        }
    )
    lines.append(text_table(crit, digits=1, max_width=60))
    lines.append("")
    if ex["rules_failed"]:
        lines.append("违反硬约束 Rules failed:")
        lines += [f"  - {r['id']}: {r['title_zh']}\n    法律依据 {r['legal_basis']}"
                  for r in ex["rules_failed"]]  # fmt: skip
    else:
        lines.append("硬约束 Rules: none failed / 未违反")
    hub_km = _km_text(near["hub"]["distance_m"])
    station_km = _km_text(near["station"]["distance_m"])
    lines += [
        f"最近物流枢纽 Nearest hub: {_fmt(near['hub']['name'])}"
        + (f", {hub_km} km" if hub_km else ""),
        f"最近监测站点 Nearest station: {_fmt(near['station']['name'])}"
        + (f", {station_km} km" if station_km else ""),
        _river_line(near["river_distance_m"], near["river_buffer_m"]),
        f"理由 Reasons: {_fmt(ex['reasons'], empty='—')}",
        f"Score: {_fmt(ex['score'], digits=1)} / 100",
        f"Verdict: {ex['verdict']} ({ex['verdict_zh']})",
        "",
        "Note: " + DATA_NOTE_EN,
    ]
    return "\n".join(lines)


def _river_line(distance: Any, buffer_m: float) -> str:
    """The river distance to 0.1 m and the rule boundary (≤ the control distance is inside)."""
    try:
        d = float(distance)
    except (TypeError, ValueError):
        d = math.nan
    if not math.isfinite(d):
        return f"距黄河 Yellow River: — (control distance {buffer_m:g} m)"
    side = "≤" if d <= buffer_m else ">"
    inside = "inside the control area" if d <= buffer_m else "outside the control area"
    return (
        f"距黄河 Yellow River: {d:,.1f} m {side} {buffer_m:,.1f} m, {inside} "
        "(rule: distance ≤ control distance is inside, 1公里范围内)"
    )


def _check_in_city(point: gpd.GeoSeries, layers: Any) -> None:
    """Refuse a point outside 濮阳市 (see :func:`geoapp.geo.spatial.outside_city`)."""
    if "counties" not in layers:
        return
    problem = outside_city(point, layers["counties"])
    if problem:
        raise ValueError(problem)
