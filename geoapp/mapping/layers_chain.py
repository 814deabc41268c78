"""Chain-map overlay: zones highlighted in one colour (the zones leading a chain, its gap zones).

Pass it to :func:`geoapp.mapping.build_map` as an overlay, e.g.
``functools.partial(highlight_zones_layer, gap_zones, name="缺链园区", color="#d73027")``.
"""

from __future__ import annotations

import html

import geopandas as gpd

from geoapp.vocab import translate as _t

from ._pack import _bounds, _props, _rows, _shapes_spec
from ._runtime import GeoappLayer
from .basemaps import Datum, _display
from .legend import _sw_polygon

__all__ = ["highlight_zones_layer"]


def highlight_zones_layer(
    zones: gpd.GeoDataFrame,
    *,
    lang: str = "zh",
    datum: Datum = "wgs84",
    name: str = "重点园区",
    color: str = "#d73027",
    fill_opacity: float = 0.18,
    dashed: bool = False,
    note_col: str | None = None,
) -> GeoappLayer:
    """Zones outlined and filled in ``color``, above the base zone layer.

    Parameters
    ----------
    zones
        Zone polygons with ``name`` (any CRS).
    name
        Layer title (Chinese; translated for ``lang="en"``).
    color
        Outline and fill colour.
    dashed
        Dashed outline.
    note_col
        Optional column shown in the popup (e.g. the number of gap nodes).
    """
    gdf = _display(zones, datum)
    fields = [("名称", "name")] + ([("说明", note_col)] if note_col and note_col in gdf else [])
    style = {"color": color, "weight": 3, "fillColor": color, "fillOpacity": fill_opacity}
    if dashed:
        style["dashArray"] = "6 4"
    title = _t(name, lang)
    spec = _shapes_spec(
        gdf,
        props=_props(gdf, fields, lang),
        style_index=[0] * len(gdf),
        styles=[style],
        pane="geoapp-analysis",
        cls="geoapp-highlight",
        rows=_rows(fields, lang),
        title="name",
        tip="name",
    )
    return GeoappLayer(
        "shapes",
        spec,
        name=title,
        legend=[(_sw_polygon(color, color, 0.35, dashed, 2.0), html.escape(title))],
        bounds=_bounds(gdf),
    )
