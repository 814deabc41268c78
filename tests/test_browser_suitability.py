"""End to end: on 适宜性评价, moving a weight replaces the surface image in the same map.

Real Chromium (Debian's ``/usr/bin/chromium`` through Playwright) against the
app served on loopback (the ``server`` fixture of ``tests/test_browser.py``),
every other host refused. Opens the page at 100 m, zooms the map, moves one
weight slider and checks that the surface image changed, that the map was not
mounted again (a marker set on ``window`` survives) and that the zoom was kept.
No timing is asserted (``benchmarks/bench_app.py`` times it).
"""

from __future__ import annotations

import pytest
from test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, LOOPBACK, MAP_IFRAME
from test_browser import server as server  # noqa: F401 - the module's app server

pytestmark = pytest.mark.browser

SURFACE = "document.querySelector('img.geoapp-surface')"
POLL = (
    "(_, expr) => new Promise((ok, no) => { const t0 = Date.now(); (function poll() {"
    " let v = false; try { v = eval(expr); } catch (e) {}"
    " if (v) ok(v); else if (Date.now() - t0 > 120000) no('never: ' + expr);"
    " else setTimeout(poll, 50); })(); })"
)


def test_a_weight_step_replaces_the_surface_and_keeps_the_map(server):  # noqa: F811
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            blocked: list[str] = []
            ctx.route(
                "**/*",
                lambda r: (
                    r.continue_()
                    if r.request.url.startswith(LOOPBACK)
                    else (blocked.append(r.request.url), r.abort())
                ),
            )
            page = ctx.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(server + "/suitability")
            page.locator(MAP_IFRAME).wait_for(timeout=180_000)
            body = page.frame_locator(MAP_IFRAME).locator("body")
            body.wait_for(timeout=60_000)
            body.evaluate(POLL, f"window.map && {SURFACE} !== null && {SURFACE}.complete")
            assert body.evaluate(f"() => {SURFACE}.src").startswith("data:image/png;base64,")
            body.evaluate(
                "() => { window.__sameMap = true; window.map.setView([35.72, 115.05], 11); }"
            )
            page.wait_for_timeout(1500)  # the view goes back to the server (a fragment run)
            body.evaluate(f"() => {{ window.__src0 = {SURFACE}.src; }}")
            n = body.evaluate("() => window.geoappDynamicCount")
            mean = page.get_by_test_id("stMetric").filter(has_text="平均得分")
            before_mean = mean.inner_text()

            slider = page.locator(".st-key-suit_w_hub_access").get_by_role("slider")
            slider.focus()
            slider.press("ArrowRight")
            slider.press("ArrowRight")
            body.evaluate(
                POLL,
                f"window.geoappDynamicCount > {n} && {SURFACE} !== null && {SURFACE}.complete"
                f" && {SURFACE}.src !== window.__src0",
            )
            page.wait_for_timeout(1000)
            assert body.evaluate("() => window.__sameMap === true"), "the map was mounted again"
            assert body.evaluate("() => window.map.getZoom()") == 11
            assert body.evaluate(f"() => {SURFACE}.src !== window.__src0")
            assert mean.inner_text() != before_mean
            assert page.get_by_test_id("stException").count() == 0
            page.screenshot(path=str(ARTIFACTS / "browser_suitability.png"))
            assert not errors, errors
            assert blocked == [], blocked
        finally:
            browser.close()
