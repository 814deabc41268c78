"""The changing part of a stable map: dynamic feature groups and the legend that goes with them.

A page draws its base map (counties, zones, river, facilities) once and sends
what changes — filtered projects, clusters, service areas, proposed sites, the
river buffer for the current setting — as feature groups that replace the
previous ones without rebuilding the map (streamlit-folium's
``feature_group_to_add``). :func:`dynamic_groups` wraps each
:class:`~geoapp.mapping.GeoappLayer` in its own feature group, joins it to the
base map's layer control and brings a legend for the base and dynamic layers
(only the sections of layers that are switched on are shown).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import folium

from ._runtime import GeoappLayer, _DynamicLayer, _Legend
from .legend import _legend_html, _quality_legend


def dynamic_groups(
    layers: Sequence[GeoappLayer],
    *,
    base_sections: Sequence[tuple[Any, ...]] = (),
    lang: str = "zh",
) -> list[folium.FeatureGroup]:
    """Feature groups for the dynamic layers of a stable map, the legend group first.

    Parameters
    ----------
    layers
        The dynamic layers (built with ``lang`` and the basemap's datum).
    base_sections
        The base map's legend sections (``m.geoapp_legend_sections`` of a map
        from :func:`geoapp.mapping.build_map`).
    lang
        ``{"zh", "en"}``.

    Returns
    -------
    list of folium.FeatureGroup
        For ``st_folium(..., feature_group_to_add=…)``. The first group holds
        the legend (and clears the previous dynamic layers from the layer
        control); each layer follows in its own group, named as in the layer
        control.
    """
    sections = [
        *base_sections,
        *[(lay.legend_title, lay.legend, lay.layer_name, lay.show) for lay in layers],
        _quality_legend(lang),
    ]
    head = folium.FeatureGroup(name="geoapp-legend", control=False)
    _Legend(_legend_html(sections, lang)).add_to(head)
    groups = [head]
    for lay in layers:
        shown = lay.show
        group = folium.FeatureGroup(name=lay.layer_name, control=False, show=True)
        lay.show = True  # on within its group; the group is switched on or off
        lay.add_to(group)
        _DynamicLayer(lay.layer_name, shown).add_to(group)
        groups.append(group)
    return groups
