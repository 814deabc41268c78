"""The planners' map app: a thin router over the pages in ``app_pages/``.

Run with ``geoapp app`` or ``streamlit run streamlit_app.py``. Every map asset
is served by the app itself (``static/vendor``, see :mod:`geoapp.offline`), so
the app works without internet; basemap tiles are optional.
"""

from pathlib import Path

import streamlit as st

from app_pages._common import full_run, init_state, sidebar_frame, t, timed
from geoapp.offline import ensure_offline_assets

HERE = Path(__file__).resolve().parent

# No page icons: an emoji or material favicon would be fetched from a CDN.
st.set_page_config(page_title="濮阳市产业选址规划平台", layout="wide")
ensure_offline_assets(HERE / "static" / "vendor")
# Compact page top, so a page's controls and map fit a 1366×768 laptop screen.
st.html(
    "<style>.block-container{padding-top:1.6rem;padding-bottom:2rem}"
    "h1{font-size:1.6rem !important;padding-top:0 !important}"
    "[data-testid=stMetricValue]{font-size:1.5rem}</style>"
)
init_state()
full_run()  # fragment reruns do not pass here (the maps' kept views use this)

pages = [
    st.Page("app_pages/overview.py", title=t("地图总览"), url_path="overview", default=True),
    st.Page("app_pages/clustering.py", title=t("聚类分析"), url_path="clustering"),
    st.Page("app_pages/coverage.py", title=t("覆盖分析"), url_path="coverage"),
    st.Page("app_pages/siting.py", title=t("选址评估"), url_path="siting"),
    st.Page("app_pages/data.py", title=t("数据"), url_path="data"),
]
page = st.navigation(pages)
sidebar_frame()
with timed("app"):
    page.run()
