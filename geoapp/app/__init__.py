"""The planners' Streamlit app and the server that runs it.

``streamlit run streamlit_app.py`` (a checkout) and ``geoapp app`` (anywhere) serve the
same app, :func:`geoapp.app.main.run`. The package reads as::

    main          run(): page config, session state, navigation, sidebar
    views/        one module a page, each a ``page()`` function split per panel
    common        session glue shared by the pages: language, layers, downloads, maps
    pinned        the layer versions a session works on (the workspace's view of them)
    workspace     the sidebar's workspace panel
    stablemap     one stable map per page (cached base, dynamic layers, kept view)
    presentation  tables as a planner reads them: titled, translated, formula-safe CSV
    offline       the map's JavaScript and CSS served by the app itself (no internet)
    serve         the one Streamlit command line, a free port, the health check

This ``__init__`` stays light (no Streamlit import): the command line imports the
server helpers from it.
"""

from geoapp.app.offline import ensure_offline_assets, vendor_assets
from geoapp.app.serve import free_port, server_command, wait_healthy

__all__ = ["ensure_offline_assets", "free_port", "server_command", "vendor_assets", "wait_healthy"]
