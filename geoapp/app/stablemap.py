"""One stable map per page: the base drawn once, the changing layers sent as feature groups.

The base map (counties, zones, river, facilities, the plugins) of a page is
built and rendered once per *base key* (page kind, layer set, basemap,
language) and cached as the strings streamlit-folium's component receives;
its component key therefore stays the same and the browser keeps the map (no
blank frame, no lost zoom) while the planner filters or re-runs an analysis.
What changes goes through the component's ``feature_group``
(:func:`geoapp.mapping.dynamic_groups`), which replaces the previous dynamic
layers in place.

The view (centre, zoom) is returned by the component and kept in session
state per map; it is handed back to the component when the map is mounted
again (another page, another language) and when the planner asks to "go to" a
coordinate.

This is the only module that talks to streamlit-folium's component directly
(``streamlit_folium._component_func`` and its string helpers, pinned in
pyproject.toml): ``st_folium`` renders the whole folium map on every call,
which is most of a rerun's server time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import folium
import streamlit as st
import streamlit_folium as sf

from geoapp import mapping

#: Session-state key of the planner's map view, shared by the pages' maps:
#: ``{"center": [lat, lon], "zoom": z, "seq": n}`` plus, per map key, what was last sent.
VIEW = "map_view"


@dataclass(frozen=True)
class BaseMap:
    """The rendered base of a stable map (what the component receives)."""

    script: str
    header: str
    html: str
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    bounds: dict[str, dict[str, float | None]]
    zoom: float | None
    legend_sections: tuple[tuple[Any, ...], ...]


def _links(m: folium.Map) -> tuple[list[str], list[str]]:
    css: list[str] = []
    js: list[str] = []

    def walk(el: Any) -> None:
        css.extend(href for _, href in getattr(el, "default_css", []))
        js.extend(src for _, src in getattr(el, "default_js", []))
        for child in getattr(el, "_children", {}).values():
            walk(child)

    walk(m)
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))


@st.cache_resource(show_spinner=False, max_entries=24)
def _base_map(base_key: str, _build: Callable[[], folium.Map]) -> BaseMap:
    m = _build()
    m.get_root().render()
    m.render()
    html = sf._get_html(m)
    header = sf._get_header(m)
    script = sf._get_map_string(m)
    css, js = _links(m)
    (s, w), (n, e) = m.get_bounds()
    return BaseMap(
        script=script,
        header=header,
        html=html,
        css_links=tuple(css),
        js_links=tuple(js),
        bounds={"_southWest": {"lat": s, "lng": w}, "_northEast": {"lat": n, "lng": e}},
        zoom=_number(m.options.get("zoom")),
        legend_sections=tuple(getattr(m, "geoapp_legend_sections", ())),
    )


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _feature_group_js(groups: Sequence[folium.FeatureGroup]) -> str:
    """The JavaScript of the dynamic groups, as streamlit-folium's ``feature_group`` argument."""
    host = folium.Map(tiles=None)
    host._id = "div"  # the base map's name in the component ("map_div")
    parts = []
    for idx, group in enumerate(groups):
        group._id = f"feature_group_{idx}"
        group.add_to(host)
        group.render()
        js = sf.generate_leaflet_string(group, base_id=f"feature_group_{idx}")
        parts.append(
            js
            + f"\nmap_div.addLayer(feature_group_feature_group_{idx});"
            + "\nwindow.feature_group = window.feature_group || [];"
            + f"\nwindow.feature_group.push(feature_group_feature_group_{idx});\n"
        )
    return "".join(parts)


def view() -> dict[str, Any]:
    """The planner's map view in this session (centre, zoom), shared by every page's map."""
    return st.session_state.setdefault(VIEW, {"sent": {}})


def go_to(map_key: str, lat: float, lon: float, zoom: float | None = None) -> None:
    """Move the maps to a point on the next render (keeps the zoom unless ``zoom`` is larger).

    ``map_key`` is the map that asked; every page's map follows the shared view.
    """
    v = view()
    v["center"] = [float(lat), float(lon)]
    if zoom is not None:
        v["zoom"] = max(float(v.get("zoom") or 0), float(zoom))
    v["seq"] = int(v.get("seq", 0)) + 1


def stable_map(
    base_key: str,
    build_base: Callable[[], folium.Map],
    dynamic: Sequence[mapping.GeoappLayer] | Callable[[], Sequence[mapping.GeoappLayer]] = (),
    *,
    key: str,
    dynamic_key: str | None = None,
    lang: str = "zh",
    returned_objects: Sequence[str] = (),
    height: int = 560,
) -> dict[str, Any]:
    """Render a page's map: a cached base plus dynamic layers; the view is kept.

    Parameters
    ----------
    base_key
        Identity of everything drawn by ``build_base`` (layer tokens, basemap,
        language, page options). The same key reuses the rendered base.
    build_base
        Builds the base map (:func:`geoapp.mapping.build_map` with
        ``legend=False``); called only for a new ``base_key``.
    dynamic
        The layers that change (:class:`geoapp.mapping.GeoappLayer`), built
        for the basemap's datum and ``lang``; or a function returning them,
        called only when ``dynamic_key`` is new.
    dynamic_key
        Identity of the dynamic layers (filters, parameters, datum, language);
        their JavaScript is kept per session for the last few keys, so a run
        that changes nothing on the map (a pan, a table option) rebuilds
        nothing. None: always build.
    key
        The map's name in session state: its last value (clicks, drawings,
        view) is ``st.session_state[key]``.
    lang
        ``{"zh", "en"}``, for the legend.
    returned_objects
        Interactions that rerun the page (or the fragment the map is in);
        ``"center"`` and ``"zoom"`` are always added so the view is kept.
    height
        Map height in pixels.

    Returns
    -------
    dict
        The component's value (``last_clicked``, ``center``, ``zoom``, …).
    """
    base = _base_map(base_key, build_base)
    fg_js = _dynamic_js(base, (base_key, key, dynamic_key), dynamic, lang)
    returned = list(dict.fromkeys([*returned_objects, "center", "zoom"]))
    hash_key = sf.generate_js_hash(base.script, key, False)
    arg = _view_arg(key)
    v = view()

    def on_change() -> None:
        value = st.session_state.get(hash_key) or {}
        st.session_state[key] = value
        c = value.get("center")
        if c:
            v["center"] = [float(c["lat"]), float(c["lng"])]
        if value.get("zoom") is not None:
            v["zoom"] = float(value["zoom"])

    value = sf._component_func(
        script=base.script,
        header=base.header,
        html=base.html,
        id="map_div",
        key=hash_key,
        height=height,
        width=None,
        returned_objects=returned,
        default=_defaults(base, returned),
        zoom=arg.get("zoom"),
        center=arg.get("center"),
        feature_group=fg_js,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        css_links=list(base.css_links),
        js_links=list(base.js_links),
        on_change=on_change,
        wrap_longitude=False,
    )
    return value or {}


def _dynamic_js(
    base: BaseMap,
    ident: tuple[str, str, str | None],
    dynamic: Sequence[mapping.GeoappLayer] | Callable[[], Sequence[mapping.GeoappLayer]],
    lang: str,
) -> str:
    """The dynamic layers' JavaScript, kept per session for the last few keys."""
    cache = st.session_state.setdefault("_dynamic_js", {})
    dynamic_key = ident[2]
    fg_js = cache.get(ident) if dynamic_key is not None else None
    if fg_js is None:
        layers = dynamic() if callable(dynamic) else dynamic
        groups = mapping.dynamic_groups(layers, base_sections=base.legend_sections, lang=lang)
        fg_js = _feature_group_js(groups)
        if dynamic_key is not None:
            cache[ident] = fg_js
            while len(cache) > 8:  # the last few per session
                cache.pop(next(iter(cache)))
    return fg_js


def _view_arg(key: str) -> dict[str, Any]:
    """The view handed to the component of map ``key`` (``center`` and ``zoom``, or nothing).

    Kept fixed while the map stays mounted (the component moves the map only when
    this argument changes); refreshed from the shared view when the map may have
    been mounted again (a full run: another page, another language) or when the
    planner asked to go somewhere.
    """
    v = view()
    sent = v.setdefault("sent", {}).setdefault(key, {})
    run_id = st.session_state.get("_full_run", 0)
    if sent.get("run") != run_id or sent.get("seq") != v.get("seq"):
        sent["run"], sent["seq"] = run_id, v.get("seq")
        if v.get("center") is not None:
            sent["arg"] = {"center": list(v["center"]), "zoom": v.get("zoom")}
    return sent.get("arg") or {}


def _defaults(base: BaseMap, returned: list[str]) -> dict[str, Any]:
    """The component's value before the browser reports one (only the returned keys)."""
    return {
        k: d
        for k, d in {
            "last_clicked": None,
            "last_object_clicked": None,
            "last_active_drawing": None,
            "all_drawings": None,
            "bounds": base.bounds,
            "zoom": base.zoom,
            "center": None,
        }.items()
        if k in returned
    }
