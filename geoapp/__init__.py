"""geoapp: spatial planning and industrial siting for 濮阳市.

Modules, one per concern::

    geoapp.settings    configuration (CRSs, radii, weights, limits) — the one documented place
    geoapp.layers      LayerSet: the one layer bundle every analysis, map and report takes
    geoapp.vocab       the one vocabulary: verdicts, stages, clusters, location quality
    geoapp.places      the one rule for a feature's county and zone
    geoapp.errors      the public error types
    geoapp.atomic      outputs written whole or not at all; safe output paths
    geoapp.coords      GCJ-02 / BD-09 / WGS-84 conversion and the metric CRS
    geoapp.catalog     layer declarations (resources/layers/*.toml) and validated loading
    geoapp.chains      the 6 clusters / 20 chains taxonomy from the seeds
    geoapp.spatial     vectorised county / innermost-zone look-ups shared by the analyses
    geoapp.io          import of user layers (GeoJSON, GPKG, SHP, CSV, XLSX) with row reports
    geoapp.export      GeoJSON / GeoPackage / Shapefile / CSV export
    geoapp.filters     project filters and pipeline summaries
    geoapp.clustering  DBSCAN / HDBSCAN of project sites, Gi* hot spots
    geoapp.coverage    nearest facility and covered shares by county / zone / chain
    geoapp.placement   where to add facilities: MCLP / LSCP (sparse, HiGHS) with a feasibility check
    geoapp.milp        the sparse MCLP / LSCP models solved by HiGHS with a time limit and gap
    geoapp.milp_presolve exact reductions of the covering models before they are solved
    geoapp.rules       hard rules with their legal basis
    geoapp.siting      rule check, score and verdict of candidate sites
    geoapp.mapping     folium maps (no Streamlit)
    geoapp.offline     map JS/CSS served locally (no internet needed)
    geoapp.serve       the one Streamlit command line that serves the app; its health check
    geoapp.i18n        Chinese / English UI strings
    geoapp.staticmap   matplotlib maps for reports
    geoapp.report      batch siting reports (HTML, PDF)
    geoapp.suitability city-wide suitability surface on a grid (COG), best regions, batch GeoParquet
    geoapp.tiles       the tiled executor: a pure tile function in process or on Dask
    geoapp.workspace   a planner's workspace (GeoPackage or PostGIS): layer versions, scenarios, log
    geoapp.cli         the `geoapp` command line
    geoapp.textsafe    one text policy: safe CSV / XLSX cells, terminal text without controls
    geoapp.pipeline    project roll-ups, the 三个一批 funnel, the cited targets and shares reached
    geoapp.chainmap    chain nodes (present / gap / target), gaps by chain and zone, zones for a gap
    geoapp.chainexport chain map and pipeline as XLSX (Chinese headers, formula-safe cells)
    geoapp.chainreport the "两图一表" chain page as HTML / PDF
    geoapp.presentation tables as a planner reads them: translated codes, blank empties, titled CSV
    geoapp.sources     citations as the document's title and line (not seeds/<file>.txt)
    geoapp.uploads     an upload keeps its good rows; unknown coded values listed by file line
    geoapp.app         the Streamlit app (main.py, common.py, views/); stablemap: one stable map
                       per page (cached base, dynamic layers, kept view)
"""

__version__ = "0.1.0"
