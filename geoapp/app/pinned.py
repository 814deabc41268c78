"""The workspace this server uses and the layer versions a session pinned.

The workspace is the one named by ``GEOAPP_WORKSPACE`` (``geoapp app
--workspace W`` sets it) or the default GeoPackage
(:func:`geoapp.settings.default_workspace`). A session *pins* the layer
versions it loaded (``st.session_state["ws_versions"]``): it keeps seeing them
until the planner reloads. :mod:`geoapp.app.common` builds the session's layers
from them and :mod:`geoapp.app.workspace` checks them on every write.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st

from geoapp.layers import LayerSet
from geoapp.settings import default_workspace
from geoapp.workspace import Workspace, open_workspace


def target() -> str:
    """The workspace this server uses (a ``.gpkg`` path or a ``postgresql://`` URL)."""
    return default_workspace()


@contextmanager
def opened() -> Iterator[Workspace]:
    """The workspace, opened for one operation and closed after it."""
    ws = open_workspace(target())
    try:
        yield ws
    finally:
        ws.close()


def session_versions() -> dict[str, int]:
    """The layer versions this session loaded (pinned until :func:`reload`)."""
    if "ws_versions" not in st.session_state:
        with opened() as ws:
            st.session_state["ws_versions"] = ws.version_numbers()
    return st.session_state["ws_versions"]


def reload() -> None:
    """Load the workspace's current versions into this session."""
    st.session_state.pop("ws_versions", None)


@st.cache_resource(show_spinner=False, max_entries=8)
def _bundle(where: str, key: tuple[tuple[str, int], ...]) -> LayerSet:
    ws = open_workspace(where)
    try:
        return ws.layers(LayerSet.shipped(), versions=dict(key))
    finally:
        ws.close()


def session_base() -> tuple[tuple[str, ...], LayerSet]:
    """(cache key, bundle): the shipped layers with this session's workspace versions."""
    key = tuple(sorted((n, v) for n, v in session_versions().items() if v > 0))
    return ("ws", target(), *(f"{n}:v{v}" for n, v in key)), _bundle(target(), key)


def scenario_layers(scenario: Any) -> LayerSet:
    """The layers a saved scenario used (the workspace versions it recorded)."""
    versions = {n: int(v) for n, v in scenario.layer_versions.items() if int(v) > 0}
    return _bundle(target(), tuple(sorted(versions.items())))


def layer_key(name: str) -> str:
    """Cache identity of the session's version of a workspace layer."""
    version = session_versions().get(name, 0)
    return f"shipped:{name}" if version == 0 else f"ws:{target()}:{name}:v{version}"
