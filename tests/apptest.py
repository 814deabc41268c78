"""Helpers for the AppTest suites: open a page, read its metrics and its map's arguments."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from geoapp.settings import APP_MAIN

APP = str(APP_MAIN)


def switch_to(at: AppTest, page: str) -> AppTest:
    """Open the page with url path ``page`` on the next run (``AppTest.switch_page`` for function pages).

    The app's pages are functions (``st.Page(overview.page, url_path="overview")``);
    ``AppTest.switch_page`` finds file pages only. Streamlit names a page by the hash of
    its url path, which is what a browser asks for.
    """
    at._page_hash = calc_hash(page)
    return at


def run_page(
    page: str | None = None, *, state: dict | None = None, timeout: float = 120
) -> AppTest:
    """A fresh session, optionally on page ``page`` (its url path), with session state set first."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.run()
    assert not at.exception, at.exception
    if page:
        switch_to(at, page)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    if page or state:
        at.run()
        assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> dict[str, str]:
    """The page's metrics, label -> value."""
    return {m.label: m.value for m in at.metric}


def map_args(at: AppTest) -> dict:
    """The arguments of the page's one st_folium map."""
    comps = [
        c for c in at.get("component_instance") if c.proto.component_name.endswith("st_folium")
    ]
    assert len(comps) == 1
    return json.loads(comps[0].proto.json_args)
