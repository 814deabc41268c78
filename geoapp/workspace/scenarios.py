"""Key figures of an analysis run, and the map of a saved scenario.

The app's 聚类分析, 覆盖分析 and 选址评估 pages save a run with the figures
computed here, and the comparison page draws each scenario with
:func:`scenario_map` (no Streamlit in this module).
"""

from __future__ import annotations

import math
from dataclasses import replace
from functools import partial
from typing import Any

import folium
import geopandas as gpd
import pandas as pd

from geoapp import mapping
from geoapp.layers import LayerSet
from geoapp.settings import DEFAULT_SITING
from geoapp.workspace.base import Scenario

__all__ = ["cluster_figures", "coverage_figures", "scenario_map", "siting_figures"]


def _num(value: Any) -> Any:
    """A JSON-friendly number (None for NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def coverage_figures(res: Any, placement: Any = None) -> dict[str, Any]:
    """Key figures of :func:`geoapp.coverage.coverage` (and of a placement, if any).

    Returns
    -------
    dict
        ``n_sites``, ``n_covered``, ``share_count``, ``share_investment``; with
        a placement also ``n_new_facilities`` and ``share_count_after``.
    """
    o = res.overall
    out = {k: _num(o.get(k)) for k in ("n_sites", "n_covered", "share_count", "share_investment")}
    if placement is not None:
        out["n_new_facilities"] = len(placement.chosen)
        out["share_count_after"] = _num(placement.covered_after["share_count"])
    return out


def cluster_figures(result: Any) -> dict[str, Any]:
    """Key figures of :func:`geoapp.clustering.cluster_sites`: clusters, noise, sites."""
    params = result.params
    return {
        "n_clusters": _num(params.get("n_clusters", 0)),
        "n_noise": _num(params.get("n_noise", 0)),
        "n_sites": len(result.sites),
    }


def siting_figures(evaluated: pd.DataFrame) -> dict[str, Any]:
    """Key figures of :func:`geoapp.siting.evaluate_sites`: sites, verdict counts, best score."""
    verdicts = evaluated["verdict"].astype(str).value_counts()
    scores = pd.to_numeric(evaluated.get("score"), errors="coerce")
    out: dict[str, Any] = {"n_sites": len(evaluated)}
    out.update({f"n_{k}": int(v) for k, v in verdicts.items()})
    out["best_score"] = _num(scores.max()) if scores.notna().any() else None
    return out


def scenario_map(scenario: Scenario, layers: LayerSet, **map_options: Any) -> folium.Map:
    """The map of a saved scenario: its result layers over ``layers``.

    Parameters
    ----------
    scenario
        From :meth:`geoapp.workspace.Workspace.load_scenario`.
    layers
        The base layers to draw under the results.
    **map_options
        ``basemap``, ``lang``, ``tianditu_key`` for :func:`geoapp.mapping.build_map`.

    Returns
    -------
    folium.Map
    """
    res = scenario.results
    params = scenario.parameters
    kwargs: dict[str, Any] = {}
    overlays: list[Any] = []
    sites = res.get("sites")
    if scenario.analysis == "coverage" and sites is not None:
        kwargs.update(projects=sites, color_by="covered")
        new = res.get("new_facilities")
        radius = params.get("radius_m")
        if new is not None and len(new):
            if radius:
                overlays.append(
                    partial(mapping.service_area_layer, new, float(radius), proposed=True)
                )
            overlays.append(partial(mapping.facilities_layer, new, kind="new"))
    elif scenario.analysis == "clustering" and sites is not None:
        kwargs.update(projects=sites, color_by="cluster_label")
        hulls = res.get("hulls")
        if hulls is not None and len(hulls):
            overlays.append(partial(mapping.hull_layer, hulls))
    elif scenario.analysis == "siting" and sites is not None and len(sites):
        river = params.get("river_buffer_m")
        if river is not None:
            kwargs["settings"] = replace(DEFAULT_SITING, river_buffer_m=float(river))
        overlays.append(partial(mapping.candidates_layer, _points(sites)))
    return mapping.build_map(layers, overlays=overlays, **kwargs, **map_options)


def _points(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Parcels drawn as their representative point (the candidates layer draws points)."""
    if (gdf.geom_type == "Point").all():
        return gdf
    return gdf.set_geometry(gdf.geometry.representative_point())
