"""geoapp: spatial planning and industrial siting for 濮阳市.

One subpackage per concern, each with its public API in its ``__init__``; from the
ground up (a package imports only those above it in this list)::

    geoapp.settings     the one settings tree: CRSs, radii, weights, limits, data home
    geoapp.errors       the public error types
    geoapp.executor     the tiled executor: a pure tile function in process or on Dask
    geoapp.vocab        the one vocabulary: terms, chain taxonomy, UI messages, citations
    geoapp.geo          GCJ-02 / BD-09 / WGS-84, the metric CRS, vectorised spatial look-ups
    geoapp.rules        hard rules with their legal basis (river shoreline, constraint layers)
    geoapp.layers       declarations, LayerSet (the one layer bundle), a feature's place
    geoapp.io           reading planners' files, exports, atomic writes, the one text policy
    geoapp.projects     project filters, pipeline roll-ups, the funnel and the cited targets
    geoapp.siting       rule check, score and verdict of candidate sites
    geoapp.clustering   DBSCAN / HDBSCAN of project sites, Gi* hot spots
    geoapp.coverage     coverage by facilities; MCLP / LSCP placement on HiGHS
    geoapp.mapping      folium web maps and matplotlib report maps (no Streamlit)
    geoapp.suitability  city-wide suitability surface (COG), best regions, batch GeoParquet
    geoapp.workspace    a planner's workspace (GeoPackage or PostGIS): versions, scenarios, log
    geoapp.report       batch siting reports (HTML, PDF, CSV, GeoJSON, GeoParquet)
    geoapp.chainmap     the chain map: nodes, gaps, zones for a gap, XLSX and PDF
    geoapp.app          the Streamlit app (pages in app/views) and the server command
    geoapp.cli          the ``geoapp`` command line, one module per command group

The data live beside the package at the top of the repository: ``layers/`` (one TOML
declaration per layer) and ``data/`` (shipped layers, seed tables, their build scripts);
a wheel carries them as package data (see :data:`geoapp.settings.ROOT`).
"""

__version__ = "0.1.0"
