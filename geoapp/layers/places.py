"""The one rule for a feature's county and zone, used by every filter, summary and analysis.

A feature's county is, in order:

1. its stated ``county`` attribute;
2. else the county stated for its stated ``zone`` (the zone layer's ``county``);
3. else the county its position falls in — but only when the position means
   something: a ``schematic`` position was drawn somewhere chosen, so it says
   nothing about the county, and the feature is :data:`geoapp.vocab.UNSTATED`.

A feature whose position falls in no county is :data:`OUTSIDE_COUNTIES`. The
zone follows the same rule (stated ``zone``; else the innermost zone at a
non-schematic position; else unstated, or :data:`OUTSIDE_ZONES`).

Examples
--------
>>> from geoapp.layers import LayerSet
>>> layers = LayerSet.shipped()  # doctest: +SKIP
>>> county_labels(layers["projects"], layers).value_counts()  # doctest: +SKIP
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geoapp.geo import locate
from geoapp.layers.layerset import LayerSet
from geoapp.vocab import UNSTATED

__all__ = [
    "OUTSIDE_COUNTIES",
    "OUTSIDE_ZONES",
    "county_labels",
    "place",
    "place_labels",
    "zone_labels",
]

#: Label of a located site outside every county of the layer.
OUTSIDE_COUNTIES = "市域外"
#: Label of a located site outside every zone.
OUTSIDE_ZONES = "园区外"


def place(features: gpd.GeoDataFrame, layers: LayerSet) -> pd.DataFrame:
    """County and zone of each feature by the one rule (see the module docstring).

    Parameters
    ----------
    features
        Points or polygons with a CRS (polygons by a point inside them);
        optional ``county``, ``zone`` and ``location_quality`` columns.
    layers
        The bundle whose ``counties`` and ``zones`` locate the features.

    Returns
    -------
    pandas.DataFrame
        Aligned with ``features``: ``county``, ``zone``, ``zone_kind`` (None
        where unknown) and ``county_by`` / ``zone_by`` (``"attribute"``,
        ``"zone"``, ``"location"`` or ``"unstated"``).
    """
    return locate(features, layers["counties"], layers["zones"], prefer_attributes=True)


def county_labels(features: gpd.GeoDataFrame, layers: LayerSet) -> pd.Series:
    """The county of each feature as a label: a name, ``未注明`` or ``市域外``."""
    where = place(features, layers)
    return place_labels(where["county"], where["county_by"], OUTSIDE_COUNTIES)


def zone_labels(features: gpd.GeoDataFrame, layers: LayerSet) -> pd.Series:
    """The innermost zone of each feature as a label: a name, ``未注明`` or ``园区外``."""
    where = place(features, layers)
    return place_labels(where["zone"], where["zone_by"], OUTSIDE_ZONES)


def place_labels(values: pd.Series, by: pd.Series, outside: str) -> pd.Series:
    """Labels of located values: the value, ``未注明`` when unstated, ``outside`` when none.

    Parameters
    ----------
    values
        Counties or zones from :func:`place` (None where not located).
    by
        How each was found (:func:`place`'s ``county_by`` / ``zone_by``).
    outside
        The label of a located feature in no polygon (:data:`OUTSIDE_COUNTIES`
        or :data:`OUTSIDE_ZONES`).

    Returns
    -------
    pandas.Series
        Object dtype, aligned with ``values``.
    """
    text = values.astype(object).where(values.notna(), outside)
    blank = values.notna() & (values.astype(str).str.strip() == "")
    text = text.where(~blank, UNSTATED)
    return text.where(by.ne("unstated"), UNSTATED).astype(object)
