"""A planner's upload: keep the good rows, list the bad ones with their line in the file.

:func:`split_unknown_values` takes a layer conformed to the catalog
(:func:`geoapp.layers.conform`) and moves the rows whose coded columns (the
chain, cluster, stage, county, location quality) hold a value the catalog does
not know into a table of rejected rows, with the line number in the file,
the column, the value and the reason in the planner's language, so that the
rest of the file can still be used.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geoapp.layers import get_spec, resolve_allowed
from geoapp.vocab import translate

__all__ = ["split_unknown_values"]


def split_unknown_values(
    gdf: gpd.GeoDataFrame, layer: str, *, lang: str = "zh"
) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """Split a conformed upload into the rows the catalog accepts and the rejected ones.

    Parameters
    ----------
    gdf
        The upload after :func:`geoapp.layers.conform` (catalog column names;
        ``source_row`` is the line in the file when the reader set it).
    layer
        The catalog layer it is meant for (e.g. ``"projects"``); other names
        (``"constraints"``) are returned unchanged.
    lang
        ``{"zh", "en"}`` for the reason.

    Returns
    -------
    (kept, rejected)
        ``kept``: the accepted rows; ``rejected``: one row per rejected
        feature with ``row`` (line in the file), ``column``, ``value`` and
        ``reason``.
    """
    empty = pd.DataFrame(columns=["row", "column", "value", "reason"])
    try:
        spec = get_spec(layer)
    except KeyError:
        return gdf, empty
    bad = pd.Series(False, index=gdf.index)
    parts = []
    for col in spec.columns.values():
        if col.allowed is None or col.name not in gdf.columns:
            continue
        allowed = set(resolve_allowed(col.allowed))
        values = gdf[col.name]
        outside = values.notna() & ~values.isin(allowed) & ~bad
        if not outside.any():
            continue
        bad |= outside
        title = translate(col.title_zh or col.name, lang)
        reason = (
            f"{title}“{{}}”不在目录中"
            if lang == "zh"
            else f"{title} “{{}}” is not in the catalogue"
        )
        rows = gdf.loc[outside]
        line = rows["source_row"] if "source_row" in rows.columns else rows.index.to_series() + 2
        parts.append(
            pd.DataFrame(
                {
                    "row": pd.to_numeric(line, errors="coerce").astype("Int64").to_numpy(),
                    "column": title,
                    "value": rows[col.name].astype(str).to_numpy(),
                    "reason": [reason.format(v) for v in rows[col.name].astype(str)],
                }
            )
        )
    if not parts:
        return gdf, empty
    rejected = pd.concat(parts, ignore_index=True).sort_values("row", ignore_index=True)
    return gdf.loc[~bad].copy(), rejected
