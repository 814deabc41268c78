"""Serve every folium / streamlit-folium asset from the app itself (offline intranets).

folium points its JavaScript and CSS at public CDNs; on a government intranet
without internet the map stays blank. This module

1. copies every asset folium 0.20 and its plugins reference into
   ``static/vendor/<cdn-host>/<cdn-path>`` beside the app's main script
   (:func:`vendor_assets`), from
   two PyPI packages that are dependencies of geoapp: ``folium-offline``
   (module ``offlinefolium``: dicts mapping folium's exact CDN URLs to the file
   text) and ``XStatic-Leaflet`` (the pristine ``leaflet.js``, ``leaflet.css``
   and marker images); no network is used;
2. rewrites the URLs in folium's ``default_js`` / ``default_css`` so they
   point at those files (:func:`patch_folium`). Streamlit serves the
   ``static`` folder beside the main script it runs (``streamlit_app.py`` at the
   top of a checkout, or ``geoapp/app/main.py`` for ``geoapp app``) at
   ``<base>/app/static/`` when ``server.enableStaticServing`` is true
   (``.streamlit/config.toml``, and ``geoapp app``'s command line); the
   st_folium iframe lives at
   ``<base>/component/streamlit_folium.st_folium/index.html``, so the relative
   prefix :data:`IFRAME_PREFIX` resolves to the vendored folder, whatever
   ``server.baseUrlPath`` is;
3. rewrites the two d3 URLs that streamlit-folium hard-codes for branca
   colormaps (:func:`patch_streamlit_folium`).

:func:`ensure_offline_assets` does all three and is cheap when the files are
already in place (a stamp file records the package versions).

The patch changes class attributes of folium, once per process; it is
idempotent and the same for every session, so it leaks nothing between users.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from importlib import metadata
from pathlib import Path

from geoapp.settings import APP_MAIN

__all__ = [
    "IFRAME_PREFIX",
    "VENDOR_DIR",
    "ensure_offline_assets",
    "local_path",
    "patch_folium",
    "patch_streamlit_folium",
    "to_local_url",
    "vendor_assets",
]

logger = logging.getLogger(__name__)

#: Where the assets are copied by default: ``static/vendor`` beside ``geoapp/app/main.py``
#: (what ``geoapp app`` serves), which Streamlit serves as ``app/static/vendor``; the
#: app itself writes them beside whichever main script runs (:func:`geoapp.app.main.vendor_dir`).
VENDOR_DIR = APP_MAIN.parent / "static" / "vendor"
#: URL prefix of the vendored files as seen from the st_folium iframe.
IFRAME_PREFIX = "../../app/static/vendor/"
#: Packages whose versions decide whether the vendored copy is current.
_PACKAGES = ("folium", "folium-offline", "XStatic-Leaflet")
_STAMP = ".geoapp-vendor.json"
_FORMAT = 1  # bump when the folder layout changes
_ICON_PATH_JS = "leaflet-icon-path.js"
_LEAFLET_DIR = "cdn.jsdelivr.net/npm/leaflet@1.9.3/dist"


def local_path(url: str) -> str:
    """Relative path of a CDN URL inside the vendor folder.

    ``https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js`` becomes
    ``cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js``. A name without a
    ``.js`` / ``.css`` ending gets one, so the server sends the right MIME type
    (browsers refuse ``octet-stream`` scripts under ``nosniff``).

    Parameters
    ----------
    url
        An ``http(s)://`` URL.

    Returns
    -------
    str
    """
    rel = url.split("://", 1)[1].replace("//", "/")
    if not rel.rsplit("/", 1)[-1].endswith((".js", ".css")):
        rel += ".css" if url.endswith(".css") else ".js"
    return rel


def to_local_url(url: str, prefix: str = IFRAME_PREFIX) -> str:
    """``prefix + local_path(url)`` for ``http(s)`` URLs; other URLs unchanged."""
    if url.startswith(("https://", "http://")):
        return prefix + local_path(url)
    return url


def _versions() -> dict[str, str]:
    out = {"format": str(_FORMAT)}
    for pkg in _PACKAGES:
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            msg = (
                f"`{pkg}` is not installed; it is needed to serve the map assets offline. "
                "Install geoapp's dependencies: `pip install -e .`"
            )
            raise ImportError(msg) from None
    return out


def vendor_assets(dest: str | Path | None = None, *, force: bool = False) -> Path:
    """Copy every folium JS/CSS asset into ``dest`` (default :data:`VENDOR_DIR`).

    Idempotent and fast when the copy is current: a stamp file holding the
    versions of folium, folium-offline and XStatic-Leaflet is compared first.
    The copy is written to a temporary folder beside ``dest`` and renamed into
    place, so a failure never leaves a half-written folder.

    Parameters
    ----------
    dest
        Target folder.
    force
        Copy even when the stamp says the files are current.

    Returns
    -------
    pathlib.Path
        The folder.
    """
    dest = Path(dest) if dest is not None else VENDOR_DIR
    versions = _versions()
    stamp = dest / _STAMP
    if not force and stamp.exists():
        try:
            if json.loads(stamp.read_text(encoding="utf-8")) == versions:
                return dest
        except (OSError, ValueError):
            pass
    import xstatic.pkg.leaflet as xs_leaflet  # deferred: only to write a new copy
    from offlinefolium.elements import _res  # deferred: megabytes of asset text
    from offlinefolium.features import _vres  # deferred: megabytes of asset text

    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".vendor-", dir=dest.parent))
    try:
        for url, text in {**_vres, **_res}.items():
            path = tmp / local_path(url)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text.lstrip("\n"), encoding="utf-8")
        # folium-offline's leaflet.css inlines the images as data-URIs, which breaks
        # Leaflet's icon-path detection; overlay the pristine files of XStatic-Leaflet.
        leaflet_dir = tmp / _LEAFLET_DIR
        base = Path(xs_leaflet.BASE_DIR)
        shutil.copy2(base / "leaflet.js", leaflet_dir / "leaflet.js")
        shutil.copy2(base / "leaflet.css", leaflet_dir / "leaflet.css")
        shutil.copytree(base / "images", leaflet_dir / "images", dirs_exist_ok=True)
        # st_folium adds leaflet.css only after the scripts ran, so Leaflet guesses the
        # marker image folder wrongly (streamlit-folium #275); pin it.
        (tmp / _ICON_PATH_JS).write_text(
            "L.Icon.Default.imagePath = document.currentScript.src.replace(/[^/]*$/, '')"
            f" + '{_LEAFLET_DIR}/images/';\n",
            encoding="utf-8",
        )
        (tmp / _STAMP).write_text(json.dumps(versions), encoding="utf-8")
        if dest.exists():
            old = dest.with_name(dest.name + f".old-{os.getpid()}")
            dest.rename(old)
            tmp.rename(dest)
            shutil.rmtree(old, ignore_errors=True)
        else:
            tmp.rename(dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    logger.info("vendored %d folium assets into %s", len(_res) + len(_vres), dest)
    return dest


def _all_subclasses(cls: type) -> set[type]:
    out: set[type] = set()
    todo: list[type] = [cls]
    while todo:
        subs: list[type] = todo.pop().__subclasses__()
        for sub in subs:
            if sub not in out:
                out.add(sub)
                todo.append(sub)
    return out


def patch_folium(prefix: str = IFRAME_PREFIX) -> None:
    """Point every folium / plugin asset URL at the vendored copy (idempotent).

    Rewrites, in place, the ``default_js`` and ``default_css`` lists of
    :class:`folium.elements.JSCSSMixin` and all its subclasses (every plugin
    is imported first), and inserts ``leaflet-icon-path.js`` right after
    Leaflet.

    Parameters
    ----------
    prefix
        URL prefix of the vendor folder. The default suits the st_folium
        iframe; use e.g. ``"static/vendor/"`` for an HTML file saved in the
        repository root.
    """
    import folium  # deferred: folium and its plugins (0.4 s), not needed to only vendor
    import folium.elements  # deferred: as above
    import folium.plugins  # deferred: as above

    for cls in {folium.elements.JSCSSMixin, *_all_subclasses(folium.elements.JSCSSMixin)}:
        for attr in ("default_js", "default_css"):
            lst = cls.__dict__.get(attr)
            if lst:
                # in place: folium.Map.default_js *is* folium.folium._default_js
                lst[:] = [(name, _relocate(url, prefix)) for name, url in lst]
    js = folium.Map.default_js
    js[:] = [item for item in js if item[0] != "leaflet_icon_path"]
    at = next((i for i, (n, _) in enumerate(js) if n == "leaflet"), 0)
    js.insert(at + 1, ("leaflet_icon_path", prefix + _ICON_PATH_JS))


def _relocate(url: str, prefix: str) -> str:
    """Map a CDN URL or an already patched URL to ``prefix``."""
    if url.startswith(("https://", "http://")):
        return prefix + local_path(url)
    marker = "static/vendor/"
    if marker in url:  # patched before, possibly with another prefix
        return prefix + url.split(marker, 1)[1]
    return url


def patch_streamlit_folium(prefix: str = IFRAME_PREFIX) -> None:
    """Rewrite the CDN links streamlit-folium hands to its iframe (idempotent).

    streamlit-folium adds two d3 URLs of its own when a branca colormap is on
    the map; every remaining ``http(s)`` link in ``js_links`` / ``css_links`` is
    mapped to the vendor folder.
    """
    import streamlit_folium  # deferred: imports streamlit (``streamlit=False`` avoids it)

    if getattr(streamlit_folium._component_func, "_geoapp_offline", False):
        return
    original = streamlit_folium._component_func

    def wrapped(*args, **kwargs):
        for k in ("js_links", "css_links"):
            if kwargs.get(k):
                kwargs[k] = [to_local_url(u, prefix) for u in kwargs[k]]
        return original(*args, **kwargs)

    wrapped._geoapp_offline = True  # type: ignore[attr-defined]
    streamlit_folium._component_func = wrapped


def ensure_offline_assets(dest: str | Path | None = None, *, streamlit: bool = True) -> Path:
    """Vendor the assets if needed and patch folium (and streamlit-folium).

    Cheap when everything is in place: one stamp-file read and a few list
    rewrites.

    Parameters
    ----------
    dest
        Vendor folder (default :data:`VENDOR_DIR`).
    streamlit
        Also patch streamlit-folium (imports streamlit).

    Returns
    -------
    pathlib.Path
        The vendor folder.
    """
    path = vendor_assets(dest)
    patch_folium()
    if streamlit:
        patch_streamlit_folium()
    return path
