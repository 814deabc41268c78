"""The layers: their declarations, the one bundle every analysis takes, and a feature's place.

The package reads top to bottom as::

    catalog    the declarations (``layers/*.toml`` at the top of the repository): file, titles,
               geometry, columns, allowed values, style, provenance; validated loading
    layerset   LayerSet: the immutable bundle of GeoDataFrames (shipped or a planner's),
               its metric views, spatial indexes and the one river buffer; the schematic note
    places     the one rule for a feature's county and zone (stated value, else the stated
               zone's county, else the position — never a schematic position)

Examples
--------
>>> from geoapp.layers import LayerSet
>>> layers = LayerSet.shipped()
>>> sorted(layers)[:3]
['city', 'counties', 'logistics_hubs']
"""

from geoapp.layers.catalog import (
    catalog,
    get_spec,
    load_layer,
    read_layer_file,
    resolve_allowed,
)
from geoapp.layers.layerset import (
    CONSTRAINTS,
    LAYER_NAMES,
    REQUIRED_COLUMNS,
    LayerSet,
    as_layerset,
    conform,
    drop_schematic,
    schematic_mask,
    schematic_note,
)
from geoapp.layers.places import (
    OUTSIDE_COUNTIES,
    OUTSIDE_ZONES,
    county_labels,
    place,
    place_labels,
    zone_labels,
)

__all__ = [
    "CONSTRAINTS",
    "LAYER_NAMES",
    "LayerSet",
    "OUTSIDE_COUNTIES",
    "OUTSIDE_ZONES",
    "REQUIRED_COLUMNS",
    "as_layerset",
    "catalog",
    "conform",
    "county_labels",
    "drop_schematic",
    "get_spec",
    "load_layer",
    "place",
    "place_labels",
    "read_layer_file",
    "resolve_allowed",
    "schematic_mask",
    "schematic_note",
    "zone_labels",
]
