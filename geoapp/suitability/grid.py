"""The regular grid of the suitability surface, in EPSG:4547, and its tiles.

A :class:`Grid` is the raster frame: origin snapped to a multiple of the
resolution, square cells, north up. Cell ``(row, col)`` has its centre at
``x = left + (col + 0.5) × res``, ``y = top - (row + 0.5) × res``. A
:class:`Window` is a rectangle of cells (a tile) processed at once.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import shapely
from affine import Affine

from geoapp.settings import DEFAULT_SUITABILITY, METRIC_CRS

#: Allowed cell sizes in metres (:class:`geoapp.settings.SuitabilitySettings`).
MIN_RESOLUTION_M = DEFAULT_SUITABILITY.min_resolution_m
MAX_RESOLUTION_M = DEFAULT_SUITABILITY.max_resolution_m
#: Default cell size in metres.
DEFAULT_RESOLUTION_M = DEFAULT_SUITABILITY.resolution_m
#: Default tile side in cells (a multiple of the GeoTIFF block size, 512).
DEFAULT_TILE = DEFAULT_SUITABILITY.tile


def check_resolution(resolution_m: float) -> float:
    """Return ``resolution_m`` as a float, or raise if outside 10–1,000 m."""
    res = float(resolution_m)
    if not (MIN_RESOLUTION_M <= res <= MAX_RESOLUTION_M) or not math.isfinite(res):
        msg = (
            f"`resolution_m` was {resolution_m!r}; use a cell size between "
            f"{MIN_RESOLUTION_M:g} and {MAX_RESOLUTION_M:g} metres (e.g. 100)."
        )
        raise ValueError(msg)
    return res


@dataclass(frozen=True)
class Window:
    """A rectangle of cells: rows ``row0:row0+height``, columns ``col0:col0+width``."""

    row0: int
    col0: int
    height: int
    width: int

    @property
    def slices(self) -> tuple[slice, slice]:
        """``(rows, cols)`` slices into a full-grid array."""
        return slice(self.row0, self.row0 + self.height), slice(self.col0, self.col0 + self.width)

    @property
    def size(self) -> int:
        """Number of cells."""
        return self.height * self.width


@dataclass(frozen=True)
class Grid:
    """A north-up grid of square cells in EPSG:4547.

    Attributes
    ----------
    left, top
        Coordinates of the grid's upper-left corner, metres (multiples of ``res``).
    res
        Cell size, metres.
    width, height
        Number of columns and rows.
    crs
        Always ``"EPSG:4547"`` (:data:`geoapp.settings.METRIC_CRS`).
    """

    left: float
    top: float
    res: float
    width: int
    height: int
    crs: str = METRIC_CRS

    @classmethod
    def covering(cls, bounds: tuple[float, float, float, float], resolution_m: float) -> Grid:
        """The grid with cell size ``resolution_m`` covering ``(minx, miny, maxx, maxy)``.

        The origin is snapped to multiples of the cell size, so grids of the
        same resolution over the same area always align.
        """
        res = check_resolution(resolution_m)
        minx, miny, maxx, maxy = (float(v) for v in bounds)
        left = math.floor(minx / res) * res
        top = math.ceil(maxy / res) * res
        width = max(1, math.ceil((maxx - left) / res))
        height = max(1, math.ceil((top - miny) / res))
        return cls(left=left, top=top, res=res, width=width, height=height)

    @property
    def shape(self) -> tuple[int, int]:
        """``(height, width)``."""
        return self.height, self.width

    @property
    def transform(self) -> Affine:
        """The affine transform of the grid (rasterio convention)."""
        return Affine(self.res, 0.0, self.left, 0.0, -self.res, self.top)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """``(minx, miny, maxx, maxy)`` of the grid's outer edges."""
        return (
            self.left,
            self.top - self.height * self.res,
            self.left + self.width * self.res,
            self.top,
        )

    def window_transform(self, win: Window) -> Affine:
        """The affine transform of a window."""
        return Affine(
            self.res,
            0.0,
            self.left + win.col0 * self.res,
            0.0,
            -self.res,
            self.top - win.row0 * self.res,
        )

    def window_box(self, win: Window) -> shapely.Polygon:
        """The window's outer edges as a polygon."""
        x0 = self.left + win.col0 * self.res
        y1 = self.top - win.row0 * self.res
        return shapely.box(x0, y1 - win.height * self.res, x0 + win.width * self.res, y1)

    def centres(self, win: Window) -> tuple[np.ndarray, np.ndarray]:
        """Cell-centre coordinates of a window, each of shape ``(height, width)``."""
        xs = self.left + (np.arange(win.col0, win.col0 + win.width) + 0.5) * self.res
        ys = self.top - (np.arange(win.row0, win.row0 + win.height) + 0.5) * self.res
        return np.broadcast_to(xs, (win.height, win.width)), np.broadcast_to(
            ys[:, None], (win.height, win.width)
        )

    def cell_of(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(row, col)`` of the cells containing points (may fall outside the grid)."""
        col = np.floor((np.asarray(x, dtype=float) - self.left) / self.res).astype(np.int64)
        row = np.floor((self.top - np.asarray(y, dtype=float)) / self.res).astype(np.int64)
        return row, col

    def full(self) -> Window:
        """The window of the whole grid."""
        return Window(0, 0, self.height, self.width)

    def windows(self, tile: int = DEFAULT_TILE) -> Iterator[Window]:
        """Tiles of at most ``tile × tile`` cells, row by row."""
        if tile < 1:
            msg = f"`tile` must be >= 1 cell, got {tile}."
            raise ValueError(msg)
        for r in range(0, self.height, tile):
            for c in range(0, self.width, tile):
                yield Window(r, c, min(tile, self.height - r), min(tile, self.width - c))
