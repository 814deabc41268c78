"""End to end: the real app in headless Chromium, with every non-loopback request aborted.

A module fixture starts ``streamlit run geoapp/app/main.py`` on a free loopback
port and waits for ``/_stcore/health``. The test drives Chromium (Debian's
``/usr/bin/chromium`` through Playwright) with all requests to other hosts
aborted and counted, and checks that Leaflet drew the six county polygons and
the project markers, that a stage filter redraws the projects in the same map
(the map is not mounted again and keeps its zoom, also inside the page's
``st.fragment``), that the coverage page shows its table, and that on the
siting page a click and a typed coordinate each yield a verdict; and that
``streamlit run streamlit_app.py`` from the repository top serves the same map with
its assets written beside that main script. It saves
screenshots to ``artifacts/`` and reports the time to the first map and the map
payload (printed, and written to ``artifacts/browser_metrics.json``). It never skips.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from geoapp.app.offline import vendor_assets
from geoapp.app.serve import free_port, server_command, wait_healthy
from geoapp.layers import load_layer
from geoapp.settings import APP_MAIN

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
#: Projects in the shipped layer: every one is drawn as a marker.
N_PROJECTS = len(load_layer("projects"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
LOOPBACK = (
    "http://127.0.0.1",
    "ws://127.0.0.1",
    "http://localhost",
    "ws://localhost",
    "data:",
    "blob:",
    "about:",
)
N_PROJECTS = len(load_layer("projects"))
VERDICTS_ZH = {"推荐", "可行", "不建议", "待核实", "禁止"}


@contextlib.contextmanager
def serving(script: str | Path = APP_MAIN, name: str = "streamlit_server"):
    """``streamlit run <script>`` from the repository top on a free loopback port; yields the URL."""
    port = free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / f"{name}.log"
    log = log_path.open("wb")
    # this checkout's geoapp, whatever is installed
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)}
    cmd = server_command(port, address="127.0.0.1", script=script)
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_healthy(base, proc, log=log_path, timeout_s=60)
        except RuntimeError as exc:
            pytest.fail(str(exc))
        yield base
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def server():
    """``streamlit run`` on a free loopback port; yields the base URL, stops it at the end."""
    vendor_assets()  # what `geoapp app` / geoapp/app/main.py do on start (cheap when present)
    with serving() as base:
        yield base


def test_app_in_a_browser_without_network(server):
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is required (apt-get install chromium)"
    blocked: list[str] = []
    finished = []
    ws_bytes = {"total": 0, "map": 0}
    errors: list[str] = []

    def route(r):
        url = r.request.url
        if url.startswith(LOOPBACK):
            r.continue_()
        else:
            blocked.append(url)
            r.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            ctx.route("**/*", route)
            page = ctx.new_page()
            page.on("requestfinished", lambda r: finished.append(r))
            page.on("pageerror", lambda e: errors.append(str(e)))

            def on_frame(payload) -> None:
                data = payload.encode() if isinstance(payload, str) else payload
                ws_bytes["total"] += len(data)
                if b"streamlit_folium" in data and b"geoapp.shapes" in data:
                    ws_bytes["map"] = max(ws_bytes["map"], len(data))  # the map's HTML/JSON delta

            page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
            frame = page.frame_locator(MAP_IFRAME)

            # --- overview: six counties and the project markers drawn by Leaflet
            t0 = time.perf_counter()
            page.goto(server + "/")
            frame.locator("path.leaflet-interactive.geoapp-county").nth(5).wait_for(timeout=60_000)
            time_to_map = time.perf_counter() - t0
            ws_to_map, map_args_bytes = ws_bytes["total"], ws_bytes["map"]
            assert frame.locator("path.leaflet-interactive.geoapp-county").count() == 6
            frame.locator("path.geoapp-project").nth(N_PROJECTS - 1).wait_for(timeout=10_000)
            assert frame.locator("path.geoapp-project").count() == N_PROJECTS
            assert frame.locator(".geoapp-hubs").count() == 12
            assert (
                frame.locator(".geoapp-label:not(.geoapp-label-zone)")
                .get_by_text("濮阳县", exact=True)
                .count()
                == 1
            )
            assert frame.locator(".geoapp-legend", has_text="图例").count() == 1
            assert frame.locator(".leaflet-control-layers").count() == 1
            assert frame.locator(".leaflet-control-zoom-fullscreen, .fullscreen-icon").count() >= 1
            assert frame.locator(".leaflet-control-measure").count() == 1
            page.wait_for_timeout(500)
            page.screenshot(path=str(ARTIFACTS / "browser_overview.png"))
            # a second visit (a new session; caches warm)
            t1 = time.perf_counter()
            page.reload()
            frame.locator("path.leaflet-interactive.geoapp-county").nth(5).wait_for(timeout=60_000)
            time_to_map_warm = time.perf_counter() - t1
            component = [r for r in finished if "/component/streamlit_folium" in r.url]
            vendor = [r for r in finished if "/app/static/vendor/" in r.url]
            assert vendor, "the map assets should come from the app's static/vendor"
            sizes = {r.url: r.sizes()["responseBodySize"] for r in component + vendor}

            # --- a stage filter redraws the projects in the same map, which keeps its zoom
            body = frame.locator("body")
            body.evaluate(
                "() => { window.__sameMap = true; window.map.setView([35.72, 115.05], 11); }"
            )
            page.wait_for_timeout(1500)  # the view goes back to the server (a fragment run)
            page.get_by_test_id("stMultiSelect").filter(has_text="阶段").click()
            page.get_by_role("option", name="投产", exact=True).click()
            page.keyboard.press("Escape")
            page.wait_for_function(
                "() => [...document.querySelectorAll('[data-testid=stMetricValue]')]"
                ".some(e => e.innerText.trim() === '26')",
                timeout=30_000,
            )
            body.evaluate(
                "() => new Promise((ok, no) => { const t0 = Date.now(); (function poll() {"
                " if (document.querySelectorAll('path.geoapp-project').length === 26) ok();"
                " else if (Date.now() - t0 > 30000) no('projects not redrawn');"
                " else setTimeout(poll, 50); })(); })"
            )
            page.wait_for_timeout(800)
            assert body.evaluate("() => window.__sameMap === true"), "the map was mounted again"
            assert body.evaluate("() => window.map.getZoom()") == 11
            page.screenshot(path=str(ARTIFACTS / "browser_filtered.png"))
            # --- the legend follows the layers switched on, also across a dynamic update
            legend_on = (
                "(_, name) => { const e = document.querySelector("
                "'.geoapp-legend [data-layer=\"' + name + '\"]'); "
                "return e !== null && e.style.display !== 'none'; }"
            )
            assert body.evaluate(legend_on, "物流枢纽") and not body.evaluate(legend_on, "周边县区")
            frame.locator(".leaflet-control-layers").hover()
            frame.locator(".leaflet-control-layers-overlays label", has_text="物流枢纽").click()
            page.wait_for_timeout(300)
            assert not body.evaluate(legend_on, "物流枢纽")
            assert frame.locator(".geoapp-hubs").count() == 0
            page.mouse.move(5, 5)
            n = body.evaluate("() => window.geoappDynamicCount")
            page.get_by_test_id("stRadio").filter(has_text="着色依据").get_by_text("阶段").click()
            body.evaluate(
                "(_, n) => new Promise((ok, no) => { const t0 = Date.now();"
                " (function poll() { if (window.geoappDynamicCount > n) ok();"
                " else if (Date.now() - t0 > 30000) no('no update');"
                " else setTimeout(poll, 50); })(); })",
                n,
            )
            assert not body.evaluate(legend_on, "物流枢纽") and body.evaluate(legend_on, "项目")
            assert body.evaluate("() => window.map.getZoom()") == 11

            # --- coverage page: the analysis runs on load and shows its table
            page.get_by_test_id("stSidebarNav").get_by_text("覆盖分析").click()
            page.get_by_text("分组覆盖率").wait_for(timeout=90_000)
            page.get_by_test_id("stDataFrame").first.wait_for(timeout=30_000)
            share = page.get_by_test_id("stMetric").filter(has_text="覆盖率(按数量)").inner_text()
            assert "%" in share
            frame.locator("path.geoapp-county").nth(5).wait_for(timeout=30_000)
            frame.locator("path.geoapp-service").first.wait_for(timeout=10_000)
            page.wait_for_timeout(500)
            page.screenshot(path=str(ARTIFACTS / "browser_coverage.png"))

            # --- siting page: choose the chain, click a point on the map, get a verdict
            page.get_by_test_id("stSidebarNav").get_by_text("选址评估").click()
            page.get_by_text("先选择产业链").first.wait_for(timeout=30_000)
            page.get_by_test_id("stSelectbox").filter(has_text="候选项目产业链").click()
            page.get_by_role("option").first.click()
            page.wait_for_timeout(1000)
            frame.locator("path.geoapp-county").nth(5).wait_for(timeout=30_000)
            page.wait_for_timeout(800)
            box = page.locator(MAP_IFRAME).bounding_box()
            county = frame.locator("path.geoapp-county").nth(5).bounding_box()
            assert box and county
            page.mouse.click(
                county["x"] + county["width"] * 0.5, county["y"] + county["height"] * 0.5
            )
            verdict = page.get_by_test_id("stMetric").filter(has_text="结论")
            verdict.wait_for(timeout=30_000)
            text = verdict.inner_text().split("\n")[-1].strip()
            assert text in VERDICTS_ZH, text
            frame.locator(".geoapp-site").first.wait_for(timeout=10_000)
            page.mouse.move(5, 5)
            page.wait_for_timeout(500)
            page.screenshot(path=str(ARTIFACTS / "browser_siting.png"))
            page.get_by_text("评分明细").first.scroll_into_view_if_needed()
            page.wait_for_timeout(300)
            page.screenshot(path=str(ARTIFACTS / "browser_siting_result.png"))
            # --- a typed coordinate (degrees-minutes-seconds) gives a verdict too
            page.get_by_test_id("stTextInput").filter(has_text="坐标 经度, 纬度").locator(
                "input"
            ).fill("115°01'48\"E 35°37'12\"N")
            page.get_by_role("button", name="评估此坐标").click()
            page.get_by_text("115.03000, 35.62000").first.wait_for(timeout=30_000)
            typed = verdict.inner_text().split("\n")[-1].strip()
            assert typed in VERDICTS_ZH, typed
            assert page.get_by_test_id("stException").count() == 0
        finally:
            browser.close()

    metrics = {
        "time_to_first_map_s": round(time_to_map, 2),
        "time_to_first_map_warm_s": round(time_to_map_warm, 2),
        "component_iframe_bytes": sum(v for k, v in sizes.items() if "/component/" in k),
        "vendor_asset_bytes": sum(v for k, v in sizes.items() if "/app/static/vendor/" in k),
        "vendor_asset_files": len([k for k in sizes if "/app/static/vendor/" in k]),
        "component_args_bytes": map_args_bytes,
        "websocket_bytes_to_first_map": ws_to_map,
        "external_requests_blocked": len(blocked),
        "siting_verdict": text,
    }
    metrics["map_payload_bytes"] = (
        metrics["component_iframe_bytes"]
        + metrics["vendor_asset_bytes"]
        + metrics["component_args_bytes"]
    )
    (ARTIFACTS / "browser_metrics.json").write_text(
        json.dumps(metrics, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    print("\nbrowser metrics:", json.dumps(metrics, ensure_ascii=False))
    assert map_args_bytes > 0, "the map's HTML/JSON was not seen on the websocket"
    assert not errors, errors
    assert blocked == [], f"the app asked for remote resources: {blocked}"


def test_escaped_names_show_as_text_in_leaflet(tmp_path):
    """A project named ``<script>…`` appears as text in its tooltip and popup, and runs nothing."""
    from playwright.sync_api import sync_playwright

    from geoapp import mapping
    from geoapp.app.offline import IFRAME_PREFIX, patch_folium
    from geoapp.layers import LayerSet, load_layer

    patch_folium()
    xss = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    projects = load_layer("projects").head(3).copy()
    projects.loc[projects.index[0], "name"] = xss
    html = (
        mapping.build_map(LayerSet({"counties": load_layer("counties"), "projects": projects}))
        .get_root()
        .render()
    )
    # the page sits where st_folium's iframe would, so the relative asset URLs resolve
    page_dir = tmp_path / "component" / "st_folium"
    page_dir.mkdir(parents=True)
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "static").symlink_to(vendor_assets().parent, target_is_directory=True)
    assert IFRAME_PREFIX == "../../app/static/vendor/"
    (page_dir / "map.html").write_text(html, encoding="utf-8")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 700})
            dialogs, remote = [], []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.route(
                "**/*",
                lambda r: (
                    r.continue_()
                    if r.request.url.startswith(("file:", "data:"))
                    else (remote.append(r.request.url), r.abort())
                ),
            )
            page.goto((page_dir / "map.html").as_uri())
            marker = page.locator("path.geoapp-project").first
            marker.wait_for(timeout=20_000)
            marker.click(force=True)
            popup = page.locator(".leaflet-popup-content")
            popup.wait_for(timeout=10_000)
            assert xss in popup.inner_text()
            assert popup.locator("script, img").count() == 0
            page.wait_for_timeout(300)
            assert dialogs == [] and remote == []
        finally:
            browser.close()


def test_streamlit_app_at_the_top_serves_the_map_offline():
    """``streamlit run streamlit_app.py`` from the repository top: the overview map, assets local.

    Streamlit serves ``static/`` beside the main script; the app writes the map assets
    there (``<repo>/static/vendor``, git-ignored) on its first run, so the map draws
    with every request to another host aborted.
    """
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    errors: list[str] = []
    finished = []

    def route(r):
        if r.request.url.startswith(LOOPBACK):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    with (
        serving("streamlit_app.py", name="streamlit_app_server") as base,
        sync_playwright() as p,
    ):
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            ctx.route("**/*", route)
            page = ctx.new_page()
            page.on("requestfinished", lambda r: finished.append(r))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(base + "/")
            frame = page.frame_locator(MAP_IFRAME)
            frame.locator("path.leaflet-interactive.geoapp-county").nth(5).wait_for(timeout=90_000)
            assert frame.locator("path.leaflet-interactive.geoapp-county").count() == 6
            frame.locator("path.geoapp-project").nth(N_PROJECTS - 1).wait_for(timeout=10_000)
            assert frame.locator("path.geoapp-project").count() == N_PROJECTS
            assert page.get_by_role("heading", name="地图总览").count() == 1
            assert page.get_by_test_id("stException").count() == 0
            vendor = {
                r.url.split("/app/static/vendor/", 1)[1]: r.response().status
                for r in finished
                if "/app/static/vendor/" in r.url
            }
        finally:
            browser.close()
    leaflet = "cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
    assert vendor.get(leaflet) == 200, vendor
    assert all(status == 200 for status in vendor.values()), vendor
    assert (ROOT / "static" / "vendor" / leaflet).is_file()  # beside streamlit_app.py
    assert not errors, errors
    assert blocked == [], f"the app asked for remote resources: {blocked}"
