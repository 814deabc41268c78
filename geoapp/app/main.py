"""The planners' map app: a thin router over the pages in ``views/``.

Run with ``geoapp app``. Every map asset is served by the app itself
(``static/vendor`` beside this file, see :mod:`geoapp.app.offline`), so the app
works without internet; basemap tiles are optional.
"""

from pathlib import Path

import streamlit as st

from geoapp.app.common import full_run, init_state, sidebar_frame, t, timed
from geoapp.app.offline import ensure_offline_assets
from geoapp.app.views import siting
from geoapp.app.workspace import sidebar as workspace_sidebar

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
    st.Page("views/overview.py", title=t("地图总览"), url_path="overview", default=True),
    st.Page("views/clustering.py", title=t("聚类分析"), url_path="clustering"),
    st.Page("views/coverage.py", title=t("覆盖分析"), url_path="coverage"),
    st.Page(siting.page, title=t("选址评估"), url_path="siting"),
    st.Page("views/suitability.py", title=t("适宜性评价"), url_path="suitability"),
    st.Page("views/chainmap.py", title=t("招商图谱"), url_path="chainmap"),
    st.Page("views/pipeline.py", title=t("项目推进"), url_path="pipeline"),
    st.Page("views/data.py", title=t("数据"), url_path="data"),
    st.Page("views/scenarios.py", title=t("方案对比"), url_path="scenarios"),
]
page = st.navigation(pages)
sidebar_frame()
workspace_sidebar()
with timed("app"):
    page.run()
