"""The planners' map app: page config, session state, navigation over the pages, sidebar.

``geoapp app`` serves this file (:data:`geoapp.settings.APP_MAIN`, also in a wheel
install); ``streamlit run streamlit_app.py`` at the top of a checkout calls the same
:func:`run`. Every page is a function (``page()`` of a module in ``views/``). Every
map asset is served by the app itself (``static/vendor`` beside the main script that
Streamlit runs, see :mod:`geoapp.app.offline`), so the app works without internet;
basemap tiles are optional.
"""

from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from geoapp.app.common import full_run, init_state, sidebar_frame, t, timed
from geoapp.app.offline import VENDOR_DIR, ensure_offline_assets
from geoapp.app.views import (
    chainmap,
    clustering,
    coverage,
    data,
    overview,
    pipeline,
    scenarios,
    siting,
    suitability,
)
from geoapp.app.workspace import sidebar as workspace_sidebar

#: Compact page top, so a page's controls and map fit a 1366×768 laptop screen.
PAGE_STYLE = (
    "<style>.block-container{padding-top:1.6rem;padding-bottom:2rem}"
    "h1{font-size:1.6rem !important;padding-top:0 !important}"
    "[data-testid=stMetricValue]{font-size:1.5rem}</style>"
)


def vendor_dir() -> Path:
    """``static/vendor`` beside the main script Streamlit runs (served as ``app/static/vendor``).

    The main script is ``streamlit_app.py`` at the top of a checkout or this
    file (``geoapp app``); outside a Streamlit run, :data:`geoapp.app.offline.VENDOR_DIR`.
    """
    ctx = get_script_run_ctx()
    if ctx is None or not ctx.main_script_path:
        return VENDOR_DIR
    return Path(ctx.main_script_path).resolve().parent / "static" / "vendor"


def pages() -> list[st.Page]:
    """The app's pages, in the navigation's order (titles in the session's language)."""
    return [
        st.Page(overview.page, title=t("地图总览"), url_path="overview", default=True),
        st.Page(clustering.page, title=t("聚类分析"), url_path="clustering"),
        st.Page(coverage.page, title=t("覆盖分析"), url_path="coverage"),
        st.Page(siting.page, title=t("选址评估"), url_path="siting"),
        st.Page(suitability.page, title=t("适宜性评价"), url_path="suitability"),
        st.Page(chainmap.page, title=t("招商图谱"), url_path="chainmap"),
        st.Page(pipeline.page, title=t("项目推进"), url_path="pipeline"),
        st.Page(data.page, title=t("数据"), url_path="data"),
        st.Page(scenarios.page, title=t("方案对比"), url_path="scenarios"),
    ]


def run() -> None:
    """One run of the app: page config, offline assets, state, navigation, sidebar, the page."""
    # No page icons: an emoji or material favicon would be fetched from a CDN.
    st.set_page_config(page_title="濮阳市产业选址规划平台", layout="wide")
    ensure_offline_assets(vendor_dir())
    st.html(PAGE_STYLE)
    init_state()
    full_run()  # fragment reruns do not pass here (the maps' kept views use this)
    page = st.navigation(pages())
    sidebar_frame()
    workspace_sidebar()
    with timed("app"):
        page.run()


if __name__ == "__main__":
    run()
