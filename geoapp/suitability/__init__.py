"""City-wide suitability surface for a chain, top regions, and the tiled engine behind them.

The whole of 濮阳市 is scored on a regular grid in EPSG:4547 (10–1,000 m
cells, default 100 m), as ArcGIS Pro's Suitability Modeler and the 双评价 grid
evaluations do, with the criteria of the siting evaluation
(:mod:`geoapp.siting`): the chain is led by the innermost zone, distance to the
nearest logistics hub and monitoring station, same-chain projects within the
radius, inside a zone, and distance to the Yellow River. Each criterion's raw
value is turned into 0–1 by a transformation the planner sets
(:mod:`~geoapp.suitability.transforms`: linear between two values, threshold,
inverse, categories) and the weighted sum is scaled to 0–100. With the
default transformations and the weights of
:class:`~geoapp.settings.SitingSettings` a cell's score **equals**
:func:`geoapp.siting.evaluate_sites` at the cell's centre.

Hard rules do not change the score: they are a mask, written as a second band
holding the code of the failed rule (lowest code where several fail):

====  ===========================================================
code  rule
====  ===========================================================
-1    no data (the cell's centre is outside the city)
0     no hard rule fails
1     ``yellow_river_chemical``: 黄河保护法 第二十六条 shoreline control,
      chemical chains only, ``river_buffer_m`` (default 1 km)
2…    the user's constraint rules (:func:`geoapp.rules.constraint_rules`),
      in the order they first appear in the constraint layer
====  ===========================================================

The table of a file is in its metadata (``GEOAPP_RULE_CODES``), with the
parameters (``GEOAPP_PARAMETERS``: chain, resolution, weights,
transformations, distances).

The package reads top to bottom as::

    grid        Grid, Window: the raster frame and its tiles
    transforms  Linear, Threshold, Inverse, Categories; default_transforms
    inputs      prepare_inputs: a chain's layers as arrays (the one link to the siting engine)
    polyraster  exact point-in-polygon of cell centres at raster speed
    criteria    cell_criteria: the tile function (raw criteria, county, zone, rule)
    combine     SurfaceSpec (weights, transformations), combine: the weighted score
    raster      write_cog: the Cloud-Optimized GeoTIFF
    surface     compute_surface (tiled, in process or on Dask), criteria_grid (the app)
    regions     find_regions: the best k contiguous regions
    batch       evaluate_parquet: batch siting of a huge GeoParquet through the same executor

Layers are passed as ``layers=``: a mapping from the catalog's layer names
(``city``, ``counties``, ``zones``, ``projects``, ``logistics_hubs``,
``monitoring_stations``, ``yellow_river``, optional ``constraints``) to
GeoDataFrames; nothing here loads the shipped data.

Examples
--------
>>> from geoapp.suitability import SurfaceSpec, compute_surface, find_regions
>>> spec = SurfaceSpec("聚碳新材料", resolution_m=100)
>>> res = compute_surface(layers, spec, output="out.tif", workers=2)  # doctest: +SKIP
>>> regions = find_regions("out.tif", layers=layers, spec=spec, k=5)  # doctest: +SKIP
"""

from geoapp.suitability.batch import (
    PARQUET_SUFFIXES,
    ROW_COL,
    WKB_COL,
    BatchShared,
    CandidateFile,
    ChunkResult,
    ResultWriter,
    add_counts,
    evaluate_chunk,
    evaluate_parquet,
    evaluated_chunk,
    iter_evaluated,
    layer_frames,
    open_candidates,
)
from geoapp.suitability.combine import CRITERIA, CRITERIA_TITLES, SurfaceSpec, combine
from geoapp.suitability.criteria import CellCriteria, cell_criteria
from geoapp.suitability.display import (
    DisplayGrid,
    display_grid,
    histogram,
    legend_html,
    surface_layers,
    surface_png,
    surface_rgba,
)
from geoapp.suitability.grid import DEFAULT_RESOLUTION_M, Grid, Window
from geoapp.suitability.inputs import (
    REQUIRED_LAYERS,
    RuleCode,
    SurfaceInputs,
    evaluate_points,
    prepare_inputs,
    siting_layers,
)
from geoapp.suitability.polyraster import polygon_codes
from geoapp.suitability.raster import NODATA
from geoapp.suitability.regions import find_regions, regions_from_arrays, regions_table
from geoapp.suitability.surface import (
    CriteriaGrid,
    SurfaceResult,
    compute_surface,
    criteria_grid,
    summary_tables,
    surface_bytes,
)
from geoapp.suitability.transforms import (
    Categories,
    Inverse,
    Linear,
    Threshold,
    Transform,
    default_transforms,
    parse_transform,
    parse_weights,
    transform_from_dict,
    transform_to_dict,
)

__all__ = [
    "BatchShared",
    "CRITERIA",
    "CRITERIA_TITLES",
    "CandidateFile",
    "Categories",
    "CellCriteria",
    "ChunkResult",
    "CriteriaGrid",
    "DEFAULT_RESOLUTION_M",
    "DisplayGrid",
    "Grid",
    "Inverse",
    "Linear",
    "NODATA",
    "PARQUET_SUFFIXES",
    "REQUIRED_LAYERS",
    "ROW_COL",
    "ResultWriter",
    "RuleCode",
    "SurfaceInputs",
    "SurfaceResult",
    "SurfaceSpec",
    "Threshold",
    "Transform",
    "WKB_COL",
    "Window",
    "add_counts",
    "cell_criteria",
    "combine",
    "compute_surface",
    "criteria_grid",
    "default_transforms",
    "display_grid",
    "evaluate_chunk",
    "evaluate_parquet",
    "evaluate_points",
    "evaluated_chunk",
    "find_regions",
    "histogram",
    "iter_evaluated",
    "layer_frames",
    "legend_html",
    "open_candidates",
    "parse_transform",
    "parse_weights",
    "polygon_codes",
    "prepare_inputs",
    "regions_from_arrays",
    "regions_table",
    "siting_layers",
    "summary_tables",
    "surface_bytes",
    "surface_layers",
    "surface_png",
    "surface_rgba",
    "transform_from_dict",
    "transform_to_dict",
]
