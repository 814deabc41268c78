"""Showing a surface on a web map (no Streamlit): an RGBA image in Web Mercator, legend, histogram.

Leaflet stretches an image overlay linearly between two latitude/longitude
corners, i.e. in Web Mercator, while the surface's grid is in EPSG:4547. So
:func:`display_grid` builds, once per grid, a Web-Mercator pixel grid over the
surface and the index of the surface cell under each pixel centre (the
nearest-neighbour look-up GDAL's warp would do); :func:`surface_rgba` then only
gathers and colours (:func:`surface_png`: the same colours as a one-byte-a-pixel
palette image), which takes milliseconds — the app recolours on every weight
change and sends only the new image to its stable map (:func:`surface_layers`).
On a Gaode basemap the pixels are placed in GCJ-02.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass

import numpy as np
import pandas as pd
from PIL import Image
from pyproj import Transformer

from geoapp.geo import convert_lonlat
from geoapp.mapping import image_layer, regions_layer
from geoapp.settings import METRIC_CRS, STORAGE_CRS
from geoapp.suitability.grid import Grid

#: Colour of cells where a hard rule fails (grey) and the colour ramp's stops (red → green).
PROHIBITED_RGBA = (110, 110, 110, 200)
RAMP: tuple[tuple[float, str], ...] = (
    (0.0, "#a50026"),
    (0.25, "#f46d43"),
    (0.5, "#fee08b"),
    (0.75, "#a6d96a"),
    (1.0, "#006837"),
)


@dataclass(frozen=True)
class DisplayGrid:
    """Web-Mercator pixels over a surface and the surface cell under each (-1: none)."""

    index: np.ndarray  # (height, width) flat index into the surface grid, -1 outside
    bounds: list[list[float]]  # [[south, west], [north, east]] for folium ImageOverlay


def display_grid(grid: Grid, *, datum: str = "wgs84", max_side: int = 1400) -> DisplayGrid:
    """The Web-Mercator pixel grid over ``grid`` and the cell under each pixel.

    Parameters
    ----------
    grid
        The surface's grid (EPSG:4547).
    datum
        ``"wgs84"``, or ``"gcj02"`` for a Gaode basemap.
    max_side
        Largest image side in pixels (coarser surfaces keep about one pixel a cell).
    """
    to_ll = Transformer.from_crs(METRIC_CRS, STORAGE_CRS, always_xy=True)
    minx, miny, maxx, maxy = grid.bounds
    ex = np.array([minx, maxx, minx, maxx, (minx + maxx) / 2, (minx + maxx) / 2])
    ey = np.array([miny, miny, maxy, maxy, miny, maxy])
    lon, lat = to_ll.transform(ex, ey)
    if datum == "gcj02":
        lon, lat = convert_lonlat(lon, lat, source="wgs84", target="gcj02")
    merc = Transformer.from_crs(STORAGE_CRS, "EPSG:3857", always_xy=True)
    mx, my = merc.transform(lon, lat)
    x0, x1, y0, y1 = mx.min(), mx.max(), my.min(), my.max()
    side = min(max_side, max(grid.width, grid.height))
    step = max(x1 - x0, y1 - y0) / side
    w, h = int(np.ceil((x1 - x0) / step)), int(np.ceil((y1 - y0) / step))
    px = x0 + (np.arange(w) + 0.5) * step
    py = y1 - (np.arange(h) + 0.5) * step
    PX, PY = np.meshgrid(px, py)
    plon, plat = merc.transform(PX.ravel(), PY.ravel(), direction="INVERSE")
    if datum == "gcj02":
        plon, plat = convert_lonlat(plon, plat, source="gcj02", target="wgs84")
    cx, cy = Transformer.from_crs(STORAGE_CRS, METRIC_CRS, always_xy=True).transform(plon, plat)
    row, col = grid.cell_of(cx, cy)
    ok = (row >= 0) & (row < grid.height) & (col >= 0) & (col < grid.width)
    index = np.where(ok, row * grid.width + col, -1).reshape(h, w)
    west, south = merc.transform(x0, y1 - h * step, direction="INVERSE")
    east, north = merc.transform(x0 + w * step, y1, direction="INVERSE")
    return DisplayGrid(
        index=index, bounds=[[float(south), float(west)], [float(north), float(east)]]
    )


def _lut() -> np.ndarray:
    stops = np.array([s for s, _ in RAMP])
    rgb = np.array([[int(c[i : i + 2], 16) for i in (1, 3, 5)] for _, c in RAMP], dtype=float)
    t = np.linspace(0, 1, 256)
    return np.column_stack([np.interp(t, stops, rgb[:, k]) for k in range(3)]).astype(np.uint8)


_LUT = _lut()


def surface_rgba(
    score: np.ndarray, rule: np.ndarray, disp: DisplayGrid, *, alpha: int = 190
) -> np.ndarray:
    """RGBA image (uint8) of a surface: red (0) to green (100), grey where a rule fails.

    Cells with no data (score < 0) and pixels outside the grid are transparent.
    """
    flat_s = score.ravel()
    flat_r = rule.ravel()
    idx = disp.index
    valid = idx >= 0
    s = np.where(valid, flat_s[np.maximum(idx, 0)], -1.0)
    r = np.where(valid, flat_r[np.maximum(idx, 0)], -1.0)
    out = np.zeros((*idx.shape, 4), dtype=np.uint8)
    have = s >= 0
    out[have, :3] = _LUT[np.clip(np.round(s[have] * 2.55), 0, 255).astype(np.intp)]
    out[have, 3] = alpha
    out[have & (r > 0)] = PROHIBITED_RGBA
    return out


def legend_html(*, title: str, prohibited: str, nodata: str) -> str:
    """A small HTML legend: the colour ramp 0–100 and the grey of failed rules (escaped)."""
    stops = ", ".join(f"{c} {int(s * 100)}%" for s, c in RAMP)
    grey = "rgba({},{},{},{:.2f})".format(*PROHIBITED_RGBA[:3], PROHIBITED_RGBA[3] / 255)
    return (
        f'<div style="font-size:0.85rem">{html.escape(title)}'
        f'<div style="height:12px;background:linear-gradient(to right, {stops});'
        'border:1px solid #999;margin:2px 0"></div>'
        '<div style="display:flex;justify-content:space-between"><span>0</span><span>50</span>'
        "<span>100</span></div>"
        f'<span style="display:inline-block;width:12px;height:12px;background:{grey};'
        f'vertical-align:middle"></span> {html.escape(prohibited)} · {html.escape(nodata)}</div>'
    )


def histogram(score: np.ndarray, rule: np.ndarray, *, bins: int = 20) -> pd.DataFrame:
    """Cells per score class (``bin`` = lower edge), split by whether a rule fails."""
    s = score[score >= 0]
    r = rule[score >= 0]
    edges = np.linspace(0, 100, bins + 1)
    k = np.clip(np.digitize(s, edges) - 1, 0, bins - 1)
    return pd.DataFrame(
        {
            "bin": edges[:-1],
            "allowed": np.bincount(k[r == 0], minlength=bins),
            "prohibited": np.bincount(k[r > 0], minlength=bins),
        }
    )


def surface_png(score: np.ndarray, rule: np.ndarray, disp: DisplayGrid, *, alpha: int = 190) -> str:
    """The surface as a palette PNG ``data:`` URL: the colours of :func:`surface_rgba`.

    One byte a pixel (254 score classes, the grey of failed rules, transparent
    for no data) instead of four: about a quarter of the bytes to encode, send
    and decode, which is what a weight change costs the app.
    """
    idx = disp.index
    valid = idx >= 0
    s = np.where(valid, score.ravel()[np.maximum(idx, 0)], -1.0)
    r = np.where(valid, rule.ravel()[np.maximum(idx, 0)], 0)
    out = np.zeros(idx.shape, dtype=np.uint8)  # 0: transparent
    have = s >= 0
    out[have] = 1 + np.clip(np.round(s[have] * (_LEVELS - 1) / 100), 0, _LEVELS - 1).astype(
        np.uint8
    )
    out[have & (r > 0)] = _LEVELS + 1
    img = Image.fromarray(out, mode="P")
    img.putpalette(_PALETTE.tobytes())
    buf = io.BytesIO()
    img.save(buf, format="PNG", compress_level=1, transparency=_alphas(alpha))
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


_LEVELS = 254  # score classes of the palette image (index 1..254; 0 none, 255 prohibited)


def _palette() -> np.ndarray:
    lut = _LUT[np.round(np.linspace(0, 255, _LEVELS)).astype(np.intp)]
    return np.vstack([[0, 0, 0], lut, [PROHIBITED_RGBA[:3]]]).astype(np.uint8)


_PALETTE = _palette()


def _alphas(alpha: int) -> bytes:
    return bytes([0, *([alpha] * _LEVELS), PROHIBITED_RGBA[3]])


def ramp_swatch() -> str:
    """A legend swatch of the colour ramp (0 → 100) for the map's legend."""
    stops = ", ".join(f"{c} {int(s * 100)}%" for s, c in RAMP)
    return (
        '<span style="display:inline-block;width:44px;height:12px;border:1px solid #999;'
        f'background:linear-gradient(to right, {stops})"></span>'
    )


def surface_layers(
    url: str,
    disp: DisplayGrid,
    regions: object | None,
    *,
    name: str,
    region_name: str,
    lang: str = "zh",
    datum: str = "wgs84",
) -> list:
    """The dynamic layers of the surface on a stable map: the image, then the regions.

    Parameters
    ----------
    url
        From :func:`surface_png`.
    disp
        Its :class:`DisplayGrid` (built for ``datum``).
    regions
        GeoDataFrame from :func:`~geoapp.suitability.find_regions` (or None);
        ``limiting`` as the planner should read it.
    name, region_name
        Layer names (the UI language).
    lang
        ``{"zh", "en"}`` (popup labels).
    datum
        ``"gcj02"`` shifts the regions for a Gaode basemap.

    Returns
    -------
    list of geoapp.mapping.GeoappLayer
    """
    out = [
        image_layer(
            url,
            disp.bounds,
            name=name,
            legend=[(ramp_swatch(), html.escape(f"{name} 0–100"))],
        )
    ]
    if regions is not None and len(regions):  # type: ignore[arg-type]
        out.append(
            regions_layer(
                regions,
                lang=lang,
                datum="gcj02" if datum == "gcj02" else "wgs84",
                name=region_name,
            )
        )
    return out
