"""Siting evaluation of candidate sites: where, what is near, which rules fail, score, verdict.

:func:`evaluate_sites` takes candidate points (a click, an uploaded spreadsheet,
a grid of a million cells) or drawn parcels and returns, per candidate, its
county and innermost development zone, whether the zone leads the candidate's
chain, the nearest logistics hub and monitoring station, the number of
same-chain projects around it, its distance to the Yellow River, the hard rules
it fails (:mod:`geoapp.rules`) with their legal basis, a 0–100 score with one
column per criterion, a verdict and a short Chinese explanation.
:func:`explain_site` turns one result row into the tables of the per-site
report page.

The function is vectorised: pass all candidates in one call, as one
GeoDataFrame (avoid loops). Nothing loops over candidates in Python; the loops
that remain run over the few polygons of a layer, the chains, or the distinct
combinations of failed rules. Layers are reprojected to EPSG:4547 once and
their indexes built lazily, on first use, and kept inside the
:class:`geoapp.layers.LayerSet` bundle, which an app builds once and shares.

The package reads top to bottom as::

    index      the prepared metric indexes of a layer bundle (built once per bundle)
    river      the exact tiled point-to-river distance index
    scoring    criteria, weights, points, verdicts and the Chinese reasons
    evaluate   evaluate_sites: the vectorised evaluation, RESULT_COLUMNS
    explain    explain_site: the tables of one site's report page

How each column is computed (all in EPSG:4547 metres)
------------------------------------------------------
``county``, ``zone``
    Point-in-polygon (boundary excluded, like ``sjoin(predicate="within")``)
    against prepared polygons: a bounding-box filter, then
    :func:`shapely.contains_xy`. The zone is the smallest containing zone by
    area (the innermost 区中园). A parcel is located by
    :func:`shapely.point_on_surface`.
``hub_*``, ``station_*``
    Nearest facility by :class:`scipy.spatial.cKDTree` on metric coordinates.
``same_chain_nearby``
    One KD-tree per chain of the project layer;
    ``query_ball_point(..., return_length=True)`` counts projects of the
    candidate's chain at distance <= ``same_chain_radius_m``.
``river_distance_m``
    Exact, for every candidate. Points are grouped in 2 km tiles; per tile a
    provable upper bound of the distance (the best segment's worst tile corner)
    prunes the river's segments to the few that can be nearest, and NumPy
    computes the exact point-to-segment distances to those (the GEOS formula;
    it agrees with :func:`shapely.distance` to 1e-9 m). A line of more than
    5 000 segments uses ``STRtree.query_nearest`` over its segments instead
    (exact too, ~4 µs a point). Parcels get :func:`shapely.distance` of the
    polygon itself. No densified vertices and no buffer polygon (whose arcs are
    chords) are involved, so the rule at the buffer edge is exact.
``violations``
    The Yellow River rule compares that exact distance with
    ``river_buffer_m`` (no buffer polygon, whose arcs are approximated by
    chords, is involved); user constraint polygons are tested with
    :func:`shapely.intersects_xy` / ``STRtree.query(predicate="intersects")``,
    boundary included.

Examples
--------
>>> from geoapp.layers import LayerSet
>>> from geoapp.siting import evaluate_sites
>>> layers = LayerSet.shipped()  # doctest: +SKIP
>>> result = evaluate_sites(candidates, layers=layers)  # doctest: +SKIP
>>> result[["name", "zone", "score", "verdict"]]  # doctest: +SKIP

See Also
--------
geoapp.rules : the rule registry and user constraint layers.
geoapp.settings.SitingSettings : weights, radii and thresholds.
"""

from geoapp.siting.evaluate import RESULT_COLUMNS, evaluate_sites
from geoapp.siting.explain import explain_site
from geoapp.siting.index import POSITION_LAYERS, rules_of, siting_index
from geoapp.siting.scoring import CRITERIA, VERDICT_ZH, VERDICTS, rank_sites, reasons_in

__all__ = [
    "CRITERIA",
    "POSITION_LAYERS",
    "RESULT_COLUMNS",
    "VERDICTS",
    "VERDICT_ZH",
    "evaluate_sites",
    "explain_site",
    "rank_sites",
    "reasons_in",
    "rules_of",
    "siting_index",
]
