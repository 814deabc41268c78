"""Each analysis page shows its own controls first, in the page, not below the sidebar's frame."""

from __future__ import annotations

import pytest

from tests.apptest import run_page, switch_to

pytestmark = pytest.mark.app

#: page -> keys of its own controls
OWN_CONTROLS = {
    "chainmap": ("chain_cluster:zh", "chain_chain:zh"),
    "pipeline": ("pipeline_class:zh",),
    "siting": ("site_chain:zh",),
    "coverage": ("cov_type",),
    "clustering": ("excl_schematic:zh",),
    "suitability": ("suit_chain", "excl_schematic:zh"),
}


@pytest.mark.parametrize("page", sorted(OWN_CONTROLS))
def test_the_pages_controls_are_in_the_page(page):
    at = run_page(page)
    assert not at.exception, at.exception
    sidebar_keys = {w.key for w in at.sidebar.get("selectbox") + at.sidebar.get("radio")}
    main = at.main
    for key in OWN_CONTROLS[page]:
        assert key not in sidebar_keys, key
        found = [
            w
            for kind in ("selectbox", "radio", "checkbox")
            for w in main.get(kind)
            if getattr(w, "key", None) == key
        ]
        assert found, key


def test_pipeline_investment_classes_read_in_english_too():
    from streamlit.testing.v1 import AppTest

    from tests.apptest import APP

    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = "en"
    switch_to(at, "pipeline")
    at.run()
    assert not at.exception, at.exception
    box = at.selectbox(key="pipeline_class:en")
    assert box.options[0] == "All" and "≥ 100 M CNY" in box.options
    assert not any("亿" in o for o in box.options)


def test_the_sidebar_names_the_workspace_without_a_server_path():
    from geoapp.workspace import describe

    at = run_page()
    captions = [c.value for c in at.sidebar.caption]
    shown = next(c for c in captions if c.startswith(("GeoPackage ·", "PostgreSQL ·")))
    assert "/" not in shown.split("·", 1)[1] or shown.startswith("PostgreSQL")
    assert not any("/root" in c or "/home" in c or ".local/share" in c for c in captions)
    url = "postgresql://planner:secret@db.example:5432/puyang?schema=plans"
    assert describe(url) == "PostgreSQL · db.example/puyang"  # no password
    assert describe("/srv/data/plans.gpkg") == "GeoPackage · plans.gpkg"
