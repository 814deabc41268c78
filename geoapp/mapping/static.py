"""Static PNG maps for reports: offline, no tiles, Chinese labels.

Reports are read on government intranets and printed, so their maps are
drawn with matplotlib (Agg backend, no display, no internet): county
boundaries, development zones, the Yellow River and its shoreline control
buffer, logistics hubs, monitoring stations and the candidate sites coloured by
verdict. Everything is drawn in the metric CRS (:data:`geoapp.settings.METRIC_CRS`,
EPSG:4547) so a 15 km window is 15 km wide and the scale bar is true.

Drawing is vectorised: each layer is one ``GeoDataFrame.plot`` / ``scatter``
call whatever the number of features; a Python loop only places the few
dozen text labels of named features.

:class:`SiteMapRenderer` renders the background of the whole city once, to
pixels at the site maps' scale, and for every site crops it and adds only the
site's own marks (marker, label, lines to the nearest hub and station) in one
reused figure, saving the PNG at a fast zlib level: that is what makes
50 report pages a second possible. :func:`site_map` is the one-off version,
which draws every layer as vectors.

Examples
--------
>>> base = BaseLayers.from_layers(LayerSet.shipped())  # doctest: +SKIP
>>> png = overview_map(evaluated_sites, base)  # doctest: +SKIP
>>> with SiteMapRenderer(base) as render:  # doctest: +SKIP
...     png = render(115.03, 35.76, label="候选 1", verdict="feasible")
"""

from __future__ import annotations

import io
import logging
import struct
import zlib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Self

import matplotlib

matplotlib.use("Agg", force=False)  # never needs a display; a no-op if already Agg

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.artist import Artist  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from mpl_toolkits.axes_grid1.anchored_artists import AnchoredSizeBar
from pyproj import Transformer

from geoapp.errors import CRSError  # noqa: E402
from geoapp.layers import LayerSet
from geoapp.settings import DEFAULT_SITING, METRIC_CRS, STORAGE_CRS, SitingSettings  # noqa: E402
from geoapp.vocab import VERDICT, colors, labels

if TYPE_CHECKING:
    from collections.abc import Mapping

logger = logging.getLogger(__name__)

__all__ = [
    "CJK_FONT_CANDIDATES",
    "VERDICT_COLORS",
    "VERDICT_LABELS",
    "BaseLayers",
    "SiteMapRenderer",
    "cjk_font_family",
    "overview_map",
    "site_map",
]

#: Font families tried, in order, for Chinese labels.
CJK_FONT_CANDIDATES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Noto Serif CJK SC",
)
#: Verdict -> marker colour (the one palette of :data:`geoapp.vocab.VERDICT`).
VERDICT_COLORS: Mapping[str, str] = colors(VERDICT)
#: Verdict -> Chinese label.
VERDICT_LABELS: Mapping[str, str] = labels(VERDICT, "zh")
#: Width and height of the site-map window, in metres.
SITE_WINDOW_M = 15_000.0

_COUNTY_EDGE = "#4a4a4a"
_ZONE_FACE = "#fb9a99"
_ZONE_EDGE = "#e31a1c"
_RIVER = "#1f78b4"
_BUFFER = "#a6cee3"
_HUB = "#1b9e77"
_STATION = "#d95f02"


@cache
def cjk_font_family() -> str | None:
    """Return the first installed font family that renders Chinese, or ``None``.

    Looks through :data:`CJK_FONT_CANDIDATES` in matplotlib's font list. When
    none is installed, labels render as boxes; a warning says which package to
    install.

    Returns
    -------
    str or None
        A family name such as ``"Noto Sans CJK SC"``.
    """
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FONT_CANDIDATES:
        if family in installed:
            return family
    logger.warning(
        "No CJK font found for map labels (tried %s); Chinese text will not render. "
        "Install one, e.g. `apt-get install fonts-noto-cjk`.",
        ", ".join(CJK_FONT_CANDIDATES),
    )
    return None


def _rc() -> Any:
    family = cjk_font_family()
    rc: dict[str, object] = {"axes.unicode_minus": False}
    if family:
        rc["font.family"] = [family, "DejaVu Sans"]
    return rc


def _to_metric(gdf: gpd.GeoDataFrame | gpd.GeoSeries | None, name: str):
    if gdf is None:
        return None
    if gdf.crs is None:
        msg = f"`{name}` has no CRS. Set one with `.set_crs(4326)` before drawing it."
        raise CRSError(msg)
    return gdf.to_crs(METRIC_CRS)


@dataclass(frozen=True)
class BaseLayers:
    """The background of every report map, in the metric CRS (EPSG:4547).

    Attributes
    ----------
    counties
        County polygons (column ``name``).
    zones
        Zone polygons (columns ``name``, optional ``short_name``), or ``None``.
    river
        The Yellow River line(s), or ``None``.
    river_buffer
        The river's shoreline control buffer (a polygon GeoSeries), or ``None``.
    hubs
        Logistics hub points (column ``name``), or ``None``.
    stations
        Monitoring station points (column ``name``), or ``None``.
    river_buffer_m
        Width of the buffer in metres, shown in the legend.
    context
        Polygons drawn in grey beneath everything (the neighbouring counties),
        or ``None``.
    """

    counties: gpd.GeoDataFrame
    zones: gpd.GeoDataFrame | None = None
    river: gpd.GeoDataFrame | None = None
    river_buffer: gpd.GeoSeries | None = None
    hubs: gpd.GeoDataFrame | None = None
    stations: gpd.GeoDataFrame | None = None
    river_buffer_m: float = DEFAULT_SITING.river_buffer_m
    context: gpd.GeoDataFrame | None = None

    @classmethod
    def from_layers(cls, layers: LayerSet, settings: SitingSettings = DEFAULT_SITING) -> BaseLayers:
        """The report background of a layer bundle, in EPSG:4547.

        Parameters
        ----------
        layers
            The bundle: counties, zones, yellow_river, logistics_hubs,
            monitoring_stations and neighbours (drawn as grey context) are used.
        settings
            The siting settings; the river buffer is drawn at
            ``settings.river_buffer_m`` (:meth:`geoapp.layers.LayerSet.river_buffer`,
            the same polygon as the web map).

        Returns
        -------
        BaseLayers
        """

        def metric(name: str) -> gpd.GeoDataFrame | None:
            gdf = layers.metric(name)
            return gdf if len(gdf) else None

        width = float(settings.river_buffer_m)
        buffer = None
        if len(layers["yellow_river"]) and width > 0:
            buffer = layers.river_buffer(width).to_crs(METRIC_CRS)
        return cls(
            counties=layers.metric("counties"),
            zones=metric("zones"),
            river=metric("yellow_river"),
            river_buffer=buffer,
            hubs=metric("logistics_hubs"),
            stations=metric("monitoring_stations"),
            river_buffer_m=width,
            context=metric("neighbours"),
        )

    def bounds(self, margin_m: float = 3_000.0) -> tuple[float, float, float, float]:
        """Bounds of the counties plus ``margin_m`` metres (minx, miny, maxx, maxy)."""
        minx, miny, maxx, maxy = self.counties.total_bounds
        return minx - margin_m, miny - margin_m, maxx + margin_m, maxy + margin_m


# --------------------------------------------------------------------------- drawing


def _new_figure(width_in: float, height_in: float, dpi: float = 100.0) -> tuple[Figure, Any]:
    fig = Figure(figsize=(width_in, height_in), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    ax.set_aspect("equal")
    return fig, ax


def _draw_base(ax, base: BaseLayers) -> list[object]:
    """Draw the background layers (one call per layer) and return legend handles."""
    return _draw_areas(ax, base) + _draw_points(ax, base)


def _draw_areas(ax, base: BaseLayers) -> list[object]:
    """Draw context, counties, river buffer, zones and river (zorder 0–4); return legend handles."""
    handles: list[object] = []
    if base.context is not None and len(base.context):
        base.context.plot(ax=ax, facecolor="#e9e9e9", edgecolor="#b0b0b0", linewidth=0.6, zorder=0)
    base.counties.plot(ax=ax, facecolor="#f7f7f2", edgecolor=_COUNTY_EDGE, linewidth=1.0, zorder=1)
    handles.append(Patch(facecolor="#f7f7f2", edgecolor=_COUNTY_EDGE, label="县区界"))
    if base.river_buffer is not None:
        base.river_buffer.plot(ax=ax, facecolor=_BUFFER, edgecolor="none", alpha=0.6, zorder=2)
        handles.append(
            Patch(facecolor=_BUFFER, alpha=0.6, label=f"黄河岸线管控 {base.river_buffer_m:,.0f} m")
        )
    if base.zones is not None and len(base.zones):
        base.zones.plot(
            ax=ax, facecolor=_ZONE_FACE, edgecolor=_ZONE_EDGE, alpha=0.35, linewidth=0.6, zorder=3
        )
        handles.append(
            Patch(facecolor=_ZONE_FACE, edgecolor=_ZONE_EDGE, alpha=0.5, label="开发区/园区")
        )
    if base.river is not None and len(base.river):
        base.river.plot(ax=ax, color=_RIVER, linewidth=2.0, zorder=4)
        handles.append(Line2D([], [], color=_RIVER, linewidth=2.0, label="黄河(近似)"))
    return handles


def _draw_points(ax, base: BaseLayers) -> list[object]:
    """Draw hubs and stations (zorder 6); return legend handles."""
    handles: list[object] = []
    for layer, color, marker, text in (
        (base.hubs, _HUB, "^", "物流枢纽"),
        (base.stations, _STATION, "D", "监测站点"),
    ):
        if layer is not None and len(layer):
            ax.scatter(
                layer.geometry.x, layer.geometry.y, s=36, marker=marker, c=color,
                edgecolors="white", linewidths=0.6, zorder=6,
            )  # fmt: skip
            handles.append(
                Line2D([], [], marker=marker, color="none", markerfacecolor=color,
                       markeredgecolor="white", markersize=7, label=text)
            )  # fmt: skip
    return handles


def _label_points(gdf: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray]:
    pts = gdf.geometry
    if not (pts.geom_type == "Point").all():
        pts = pts.representative_point()
    return pts.x.to_numpy(), pts.y.to_numpy()


def _draw_labels(ax, base: BaseLayers, *, size: float) -> tuple[list[object], np.ndarray]:
    """Name counties, zones, hubs and stations; return the labels and their anchors (n × 2)."""
    specs = [
        (base.counties, "name", size + 2, _COUNTY_EDGE, (0, 0), "center"),
        (base.zones, "short_name", size, "#9e1a1a", (0, 0), "center"),
        (base.hubs, "name", size - 1, _HUB, (5, 4), "left"),
        (base.stations, "name", size - 1, _STATION, (5, -8), "left"),
    ]
    artists: list[object] = []
    anchors: list[np.ndarray] = []
    for gdf, col, fontsize, color, offset, ha in specs:
        if gdf is None or not len(gdf):
            continue
        names = gdf[col] if col in gdf.columns else gdf["name"]
        if col != "name" and "name" in gdf.columns:
            names = names.where(names.notna() & (names.astype(str).str.len() > 0), gdf["name"])
        xs, ys = _label_points(gdf)
        anchors.append(np.column_stack([xs, ys]))
        for x, y, text in zip(xs, ys, names.astype(str), strict=True):
            artists.append(
                ax.annotate(
                    text, (x, y), xytext=offset, textcoords="offset points", fontsize=fontsize,
                    color=color, ha=ha, va="center", clip_on=True, zorder=8,
                    annotation_clip=True, parse_math=False,
                )
            )  # fmt: skip
    return artists, (np.vstack(anchors) if anchors else np.empty((0, 2)))


@cache
def _transformer(crs: str):
    return Transformer.from_crs(crs, METRIC_CRS, always_xy=True)


#: zlib level of the PNGs (1: fastest; a map compresses 2–3× less than at the default 6,
#: and saves 4–5× faster).
PNG_COMPRESS_LEVEL = 1


def _png(fig: Figure, dpi: float) -> bytes:
    buf = io.BytesIO()
    fig.savefig(
        buf,
        format="png",
        dpi=dpi,
        facecolor="white",
        metadata={"Software": None},
        pil_kwargs={"compress_level": PNG_COMPRESS_LEVEL},
    )
    return buf.getvalue()


def _png_rgb(rgb: np.ndarray) -> bytes:
    """Encode an (h, w, 3) uint8 array as PNG: no row filter, zlib at :data:`PNG_COMPRESS_LEVEL`.

    Maps are large flat areas, which zlib compresses well without PNG's row
    filters; skipping them makes the encoding about 3× faster than Pillow's at
    the same zlib level, and the file no larger.
    """
    height, width, _ = rgb.shape
    raw = np.empty((height, width * 3 + 1), dtype=np.uint8)
    raw[:, 0] = 0  # filter byte: none
    body = np.ndarray((height, width, 3), np.uint8, buffer=raw, offset=1,
                      strides=(width * 3 + 1, 3, 1))  # fmt: skip
    body[...] = rgb  # one copy, from an RGBA buffer too

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", header),
            chunk(b"IDAT", zlib.compress(raw.tobytes(), PNG_COMPRESS_LEVEL)),
            chunk(b"IEND", b""),
        )
    )


def _site_points(sites: gpd.GeoDataFrame) -> gpd.GeoSeries:
    pts = _to_metric(sites, "sites").geometry
    if not (pts.geom_type == "Point").all():
        pts = pts.representative_point()
    return pts


def overview_map(
    sites: gpd.GeoDataFrame,
    base: BaseLayers,
    *,
    verdict_col: str = "verdict",
    width_in: float = 8.0,
    dpi: float = 110.0,
) -> bytes:
    """Draw the city with every candidate coloured by verdict, as PNG bytes.

    Vectorised: one ``scatter`` per verdict, whatever the number of sites.

    Parameters
    ----------
    sites
        Candidate sites with a CRS and a ``verdict_col`` column holding
        ``{"recommended", "feasible", "not_advised", "prohibited"}``.
    base
        The background layers.
    verdict_col
        Name of the verdict column.
    width_in
        Figure width in inches; the height follows the city's shape.
    dpi
        Resolution.

    Returns
    -------
    bytes
        A PNG image.

    Raises
    ------
    CRSError
        If ``sites`` has no CRS.
    """
    minx, miny, maxx, maxy = base.bounds()
    height_in = width_in * (maxy - miny) / (maxx - minx)
    pts = _site_points(sites)
    verdicts = sites[verdict_col].astype(str).to_numpy() if len(sites) else np.array([], str)
    with matplotlib.rc_context(_rc()):
        fig, ax = _new_figure(width_in, height_in)
        handles = _draw_base(ax, base)
        # County names only: zone and hub names would clutter the whole-city view.
        xs, ys = _label_points(base.counties)
        for x, y, text in zip(xs, ys, base.counties["name"].astype(str), strict=True):
            ax.text(x, y, text, fontsize=10, color=_COUNTY_EDGE, ha="center", va="center",
                    zorder=8, alpha=0.8, parse_math=False)  # fmt: skip
        x = pts.x.to_numpy()
        y = pts.y.to_numpy()
        for verdict, color in VERDICT_COLORS.items():
            mask = verdicts == verdict
            if not mask.any():
                continue
            ax.scatter(x[mask], y[mask], s=22, c=color, edgecolors="black", linewidths=0.4,
                       zorder=7)  # fmt: skip
            handles.append(
                Line2D([], [], marker="o", color="none", markerfacecolor=color,
                       markeredgecolor="black", markersize=6,
                       label=f"{VERDICT_LABELS[verdict]} ({int(mask.sum())})")
            )  # fmt: skip
        ax.set_xlim(minx, maxx)
        ax.set_ylim(miny, maxy)
        _scale_bar(ax, 20_000)
        ax.legend(handles=handles, loc="lower right", fontsize=8, framealpha=0.9)
        return _png(fig, dpi)


def _scale_bar(ax, length_m: float):
    label = f"{length_m / 1000:g} km"
    bar = AnchoredSizeBar(
        ax.transData,
        length_m,
        label,
        "lower left",
        pad=0.6,
        frameon=True,
        size_vertical=length_m / 40,
        color="black",
        fontproperties={"size": 8},
    )
    ax.add_artist(bar)  # fmt: skip
    return bar


def _paste_legend(
    fig: Figure, handles: list[object], size_in: float, dpi: float, window_m: float
) -> None:
    """Draw the legend and the scale bar once, as pixels pasted on every render of ``fig``.

    They are the same for every site (the window has a fixed size), and
    laying out a legend's text is the most expensive part of a render.
    """
    overlay, ax = _new_figure(size_in, size_in, dpi=dpi)
    overlay.patch.set_alpha(0.0)
    ax.set_xlim(0, window_m)
    ax.set_ylim(0, window_m)
    legend = ax.legend(handles=handles, loc="upper right", fontsize=7, framealpha=0.9)
    bar = _scale_bar(ax, 5_000 if window_m >= 10_000 else 1_000)
    canvas: Any = overlay.canvas  # FigureCanvasAgg
    canvas.draw()
    rgba = np.asarray(canvas.buffer_rgba())
    height = rgba.shape[0]
    renderer = canvas.get_renderer()
    for artist in (legend, bar):
        box = artist.get_window_extent(renderer)
        x0, y0 = max(int(np.floor(box.x0)) - 1, 0), max(int(np.floor(box.y0)) - 1, 0)
        x1, y1 = int(np.ceil(box.x1)) + 1, int(np.ceil(box.y1)) + 1
        patch = np.ascontiguousarray(rgba[max(height - y1, 0) : height - y0, x0:x1])
        fig.add_artist(_Pixels(patch, xo=x0, yo=y0, zorder=20))
    overlay.clear()


class _SiteWindow:
    """What both site-map renderers share: the artists that change per site, and ``render``.

    Subclasses draw their background in ``__init__`` (calling
    :meth:`_add_site_artists` on their axes) and implement ``_render_at`` and
    ``close``.
    """

    window_m: float
    dpi: float

    @staticmethod
    def _window(window_m: float) -> float:
        if window_m <= 0:
            msg = f"`window_m` must be a positive number of metres, got {window_m!r}."
            raise ValueError(msg)
        return float(window_m)

    def _add_site_artists(self, ax: Any) -> Line2D:
        """Add the lines, ring, site star and label to ``ax``; return the star's legend handle."""
        self._hub_line = ax.plot([], [], color=_HUB, linestyle="--", linewidth=1.2,
                                 zorder=5)[0]  # fmt: skip
        self._station_line = ax.plot([], [], color=_STATION, linestyle=":", linewidth=1.2,
                                     zorder=5)[0]  # fmt: skip
        self._ring = ax.plot([], [], color="#555555", linewidth=0.8, linestyle="-.",
                             zorder=5)[0]  # fmt: skip
        # A Line2D marker draws faster than a one-point scatter; the same star
        # (scatter's s=160 points² is markersize √160 points).
        self._site = ax.plot([0], [0], linestyle="none", marker="*",
                             markersize=float(np.sqrt(160)), markerfacecolor="#d73027",
                             markeredgecolor="black", markeredgewidth=0.8,
                             zorder=9)[0]  # fmt: skip
        self._label = ax.annotate(
            "", (0, 0), xytext=(8, 8), textcoords="offset points", fontsize=10,
            fontweight="bold", zorder=10, parse_math=False,
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8},
        )  # fmt: skip
        return Line2D([], [], marker="*", color="none", markerfacecolor="#d73027",
                      markeredgecolor="black", markersize=12, label="候选地块")  # fmt: skip

    def _place_site(
        self,
        sx: np.ndarray,
        sy: np.ndarray,
        *,
        label: str | None,
        verdict: str | None,
        hub_xy: tuple[float, float] | None,
        station_xy: tuple[float, float] | None,
        ring_m: float | None,
    ) -> None:
        """Move the per-site artists: ``sx, sy`` are the site, hub and station in metres."""
        self._site.set_data([sx[0]], [sy[0]])
        self._site.set_markerfacecolor(VERDICT_COLORS.get(verdict or "", "#d73027"))
        self._label.xy = (sx[0], sy[0])
        self._label.set_text(label or "")
        for line, i, present in ((self._hub_line, 1, hub_xy), (self._station_line, 2, station_xy)):
            if present is not None and np.isfinite(sx[i]):
                line.set_data([sx[0], sx[i]], [sy[0], sy[i]])
            else:
                line.set_data([], [])
        if ring_m:
            t = np.linspace(0, 2 * np.pi, 121)
            self._ring.set_data(sx[0] + ring_m * np.cos(t), sy[0] + ring_m * np.sin(t))
        else:
            self._ring.set_data([], [])

    def __enter__(self) -> Self:
        """Use the renderer in a ``with`` block; it is closed at the end."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the renderer (its figure and any rendered background)."""
        self.close()

    def close(self) -> None:
        """Release the figures."""
        raise NotImplementedError

    def _render_at(self, x: float, y: float, sx: np.ndarray, sy: np.ndarray, opts: dict) -> bytes:
        raise NotImplementedError

    def render(
        self,
        x: float,
        y: float,
        *,
        crs: str = STORAGE_CRS,
        label: str | None = None,
        verdict: str | None = None,
        hub_xy: tuple[float, float] | None = None,
        station_xy: tuple[float, float] | None = None,
        ring_m: float | None = None,
    ) -> bytes:
        """Render the window around one site as PNG bytes.

        Parameters
        ----------
        x, y
            The site, in ``crs`` (default EPSG:4326 lon/lat).
        crs
            CRS of ``x, y``, ``hub_xy`` and ``station_xy``.
        label
            Text beside the site marker (drawn as text, never interpreted).
        verdict
            Colours the marker; one of :data:`VERDICT_COLORS`.
        hub_xy, station_xy
            The nearest hub / station; a dashed line joins it to the site.
        ring_m
            Radius of a dash-dot circle around the site (e.g. the same-chain
            radius), in metres.

        Returns
        -------
        bytes
            A PNG image.
        """
        nan = (np.nan, np.nan)
        xs, ys = np.array([(x, y), hub_xy or nan, station_xy or nan], dtype="float64").T
        sx, sy = _transformer(crs).transform(xs, ys)
        opts = {"label": label, "verdict": verdict, "hub_xy": hub_xy,
                "station_xy": station_xy, "ring_m": ring_m}  # fmt: skip
        return self._render_at(x, y, sx, sy, {"crs": crs, **opts})

    __call__ = render


class _VectorSiteMap(_SiteWindow):
    """Draw the surroundings of sites with vector layers, re-using one figure.

    The background (counties, zones, river and buffer, hubs, stations, their
    labels) is drawn once; each call only moves the view window, the site
    marker and the lines to the nearest hub and station, then renders a PNG.
    Use it as a context manager, or call :meth:`close`.

    Parameters
    ----------
    base
        The background layers.
    window_m
        Width and height of the window around the site, in metres
        (default 15 km).
    size_in
        Figure width and height in inches.
    dpi
        Resolution.

    Examples
    --------
    Every render redraws the vector layers in the window: this is the
    one-off path (:func:`site_map`) and the fallback of
    :class:`SiteMapRenderer` for a window outside its pre-rendered base.
    """

    def __init__(
        self,
        base: BaseLayers,
        *,
        window_m: float = SITE_WINDOW_M,
        size_in: float = 6.0,
        dpi: float = 100.0,
    ) -> None:
        self.base = base
        self.window_m = self._window(window_m)
        self.dpi = float(dpi)
        self._rc = _rc()
        with matplotlib.rc_context(self._rc):
            self._fig, ax = _new_figure(size_in, size_in, dpi=self.dpi)
            handles = _draw_base(ax, base)
            self._labels, self._anchors = _draw_labels(ax, base, size=8)
            handles.append(self._add_site_artists(ax))
            _paste_legend(self._fig, handles, size_in, self.dpi, self.window_m)
            self._ax = ax
        self._visible = np.ones(len(self._labels), dtype=bool)

    def close(self) -> None:
        """Release the figure."""
        self._fig.clear()

    def _render_at(self, x: float, y: float, sx: np.ndarray, sy: np.ndarray, opts: dict) -> bytes:
        half = self.window_m / 2
        ax: Any = self._ax
        ax.set_xlim(sx[0] - half, sx[0] + half)
        ax.set_ylim(sy[0] - half, sy[0] + half)
        # Only the labels anchored in the window are laid out (vectorised test, then a
        # set_visible on the few dozen labels whose state changes).
        margin = 0.02 * self.window_m
        visible = (np.abs(self._anchors[:, 0] - sx[0]) <= half + margin) & (
            np.abs(self._anchors[:, 1] - sy[0]) <= half + margin
        )
        labels: Any = self._labels
        for k in np.flatnonzero(visible != self._visible):
            labels[k].set_visible(bool(visible[k]))
        self._visible = visible
        opts.pop("crs")
        self._place_site(sx, sy, **opts)
        with matplotlib.rc_context(self._rc):
            return _png(self._fig, self.dpi)


class _Pixels(Artist):
    """RGBA pixels (first row on top) pasted at a pixel offset of the canvas, not resampled.

    ``Figure.figimage`` resamples and masks its array on every draw (about
    25 ms for a 600 × 600 map); this hands the array to the renderer as is.
    """

    def __init__(self, rgba: np.ndarray, *, xo: int = 0, yo: int = 0, zorder: float = 0) -> None:
        super().__init__()
        self.rgba = rgba
        self.xo, self.yo = xo, yo
        self.set_zorder(zorder)

    def draw(self, renderer) -> None:
        if not self.get_visible() or self.rgba.size == 0:
            return
        gc = renderer.new_gc()
        renderer.draw_image(gc, self.xo, self.yo, self.rgba[::-1])  # the renderer's rows go up
        gc.restore()
        self.stale = False


class SiteMapRenderer(_SiteWindow):
    """Draw the surroundings of many sites from a base map rendered once.

    The background is rendered once, at the scale of the site maps, over the
    whole city (plus half a window around it) into two pixel arrays: the
    areas (neighbours, counties, river buffer, zones, river) and, on a
    transparent layer, the hubs, stations and their labels. Each render crops
    both to the site's window and stacks them in one reused figure with the
    only artists that change — the lines to the nearest hub and station and
    the optional ring beneath the points layer, the site marker and its label
    above it — then pastes the legend and scale bar (also drawn once) and
    encodes the PNG at a fast compression level. The layer order, sizes and
    colours are those of a freshly drawn figure (:func:`site_map`); a window
    reaching beyond the pre-rendered area is drawn the vector way instead.
    Use it as a context manager, or call :meth:`close`.

    Parameters
    ----------
    base
        The background layers.
    window_m
        Width and height of the window around the site, in metres
        (default 15 km).
    size_in
        Figure width and height in inches.
    dpi
        Resolution.

    Examples
    --------
    >>> with SiteMapRenderer(BaseLayers.shipped()) as render:  # doctest: +SKIP
    ...     png = render(115.03, 35.76, label="候选 1", verdict="feasible")
    """

    def __init__(
        self,
        base: BaseLayers,
        *,
        window_m: float = SITE_WINDOW_M,
        size_in: float = 6.0,
        dpi: float = 100.0,
    ) -> None:
        self.base = base
        self.window_m = self._window(window_m)
        self.dpi = float(dpi)
        self.size_in = float(size_in)
        self._rc = _rc()
        self._vector: _VectorSiteMap | None = None
        self._areas: np.ndarray | None = None
        self._points: np.ndarray | None = None
        self._base_figures: tuple[Figure, ...] = ()
        with matplotlib.rc_context(self._rc):
            self._fig = Figure(figsize=(size_in, size_in), dpi=self.dpi)
            self._canvas = FigureCanvasAgg(self._fig)
            self._px = self._canvas_px()
            self._res = self.window_m / self._px  # metres per pixel
            handles = self._render_base()
            # The areas crop is written straight into the canvas (the figure has no
            # background patch); the points crop is pasted at zorder 7, between the lines
            # to the nearest hub / station (5) and the site (9), as in a fresh figure.
            self._fig.patch.set_visible(False)
            ax = self._fig.add_axes((0.0, 0.0, 1.0, 1.0))
            ax.set_axis_off()
            self._ax = ax
            self._points_img = _Pixels(np.zeros((0, 0, 4), np.uint8), zorder=7)
            ax.add_artist(self._points_img)
            handles.append(self._add_site_artists(ax))
            _paste_legend(self._fig, handles, size_in, self.dpi, self.window_m)

    def _canvas_px(self) -> int:
        width, height = self._fig.canvas.get_width_height()
        if width != height:  # pragma: no cover - a square figure
            msg = f"site maps are square; got a {width} x {height} px canvas."
            raise ValueError(msg)
        return int(width)

    def _render_base(self) -> list[object]:
        """Render the areas and the points layers over the whole city, once; return handles.

        Each layer is drawn in its own figure, whose Agg buffer is kept and
        read in place (no copy of the two city-sized pixel arrays). The
        artists are made here; the pixels on the first render that needs them
        (:meth:`_rasterize`).
        """
        half = self.window_m / 2
        minx, miny, maxx, maxy = self.base.bounds()
        self._x0, self._top = minx - half, maxy + half
        width = int(np.ceil((maxx + half - self._x0) / self._res))
        height = int(np.ceil((self._top - (miny - half)) / self._res))

        def axes(transparent: bool):
            # A hair over the integer size so that the canvas is exactly width × height px.
            size = ((width + 0.01) / self.dpi, (height + 0.01) / self.dpi)
            fig = Figure(figsize=size, dpi=self.dpi)
            FigureCanvasAgg(fig)
            if transparent:
                fig.patch.set_alpha(0.0)
            ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
            ax.set_axis_off()
            ax.set_xlim(self._x0, self._x0 + width * self._res)
            ax.set_ylim(self._top - height * self._res, self._top)
            return fig, ax

        areas_fig, ax = axes(transparent=False)
        handles = _draw_areas(ax, self.base)
        points_fig, ax = axes(transparent=True)
        handles += _draw_points(ax, self.base)
        _draw_labels(ax, self.base, size=8)
        self._base_figures = (areas_fig, points_fig)  # their buffers back the arrays
        self._shape = (height, width)
        return handles

    def _rasterize(self) -> tuple[np.ndarray, np.ndarray]:
        """Draw the two base figures to pixels, on the first site inside them."""
        if self._areas is None or self._points is None:
            with matplotlib.rc_context(self._rc):
                layers = []
                for fig in self._base_figures:
                    canvas = FigureCanvasAgg(fig)
                    canvas.draw()
                    layers.append(np.asarray(canvas.buffer_rgba()))
            areas, points = layers
            if areas.shape[:2] != self._shape:  # pragma: no cover - canvas rounding
                msg = f"base canvas is {areas.shape[:2]} px, expected {self._shape}."
                raise RuntimeError(msg)
            self._areas, self._points = areas, points
            logger.debug("site-map base rendered once: %d x %d px", *self._shape[::-1])
            return areas, points
        return self._areas, self._points

    def close(self) -> None:
        """Release the figure and the pre-rendered base."""
        self._fig.clear()
        self._areas = self._points = None
        for fig in self._base_figures:
            fig.clear()
        self._base_figures = ()
        if self._vector is not None:
            self._vector.close()

    def _render_at(self, x: float, y: float, sx: np.ndarray, sy: np.ndarray, opts: dict) -> bytes:
        half, px, res = self.window_m / 2, self._px, self._res
        col = int(np.floor((sx[0] - half - self._x0) / res + 0.5)) if np.isfinite(sx[0]) else -1
        row = int(np.floor((self._top - (sy[0] + half)) / res + 0.5)) if np.isfinite(sy[0]) else -1
        rows, cols = self._shape
        if not (0 <= col <= cols - px and 0 <= row <= rows - px):
            return self._render_vector(x, y, **opts)
        areas, points = self._rasterize()
        self._points_img.rgba = points[row : row + px, col : col + px]
        left, top = self._x0 + col * res, self._top - row * res
        self._ax.set_xlim(left, left + self.window_m)
        self._ax.set_ylim(top - self.window_m, top)
        opts.pop("crs")
        self._place_site(sx, sy, **opts)
        # No rc_context here: every artist drawn per site got its font and styles when
        # it was made (inside one); the PNG is byte-identical without it.
        renderer = self._canvas.get_renderer()
        pixels = np.asarray(renderer.buffer_rgba())
        pixels[...] = areas[row : row + px, col : col + px]  # instead of clear()
        self._fig.draw(renderer)
        return _png_rgb(pixels[..., :3])

    def _render_vector(self, x: float, y: float, **kwargs) -> bytes:
        if self._vector is None:
            self._vector = _VectorSiteMap(
                self.base, window_m=self.window_m, size_in=self.size_in, dpi=self.dpi
            )
        return self._vector.render(x, y, **kwargs)


def site_map(
    x: float,
    y: float,
    base: BaseLayers,
    *,
    crs: str = STORAGE_CRS,
    label: str | None = None,
    verdict: str | None = None,
    hub_xy: tuple[float, float] | None = None,
    station_xy: tuple[float, float] | None = None,
    window_m: float = SITE_WINDOW_M,
    size_in: float = 6.0,
    dpi: float = 100.0,
) -> bytes:
    """Draw the surroundings of one site as PNG bytes (a new figure each call).

    For many sites use :class:`SiteMapRenderer`, which renders the background
    only once. This draws every layer as vectors in a new figure.

    Parameters
    ----------
    x, y
        The site, in ``crs`` (default EPSG:4326 lon/lat).
    base
        The background layers.
    crs
        CRS of the coordinates.
    label
        Text beside the site.
    verdict
        Colours the marker.
    hub_xy, station_xy
        Nearest hub / station, joined to the site by a line.
    window_m
        Width of the window in metres (default 15 km).
    size_in
        Figure size in inches.
    dpi
        Resolution.

    Returns
    -------
    bytes
        A PNG image.
    """
    renderer = _VectorSiteMap(base, window_m=window_m, size_in=size_in, dpi=dpi)
    try:
        return renderer.render(
            x, y, crs=crs, label=label, verdict=verdict, hub_xy=hub_xy, station_xy=station_xy
        )
    finally:
        renderer.close()
