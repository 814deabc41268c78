"""The planner's everyday map in real Chromium at 1366×768, in Chinese and English (issue 10).

Uses the app server of ``tests/test_browser.py`` (loopback only, every other host
aborted). On a laptop screen the map and its whole legend fit without scrolling
and the expanded layer list is not covered by the legend; the scale bar is
metric only; the cursor readout, the Draw and Measure tools and a zone's popup
speak the UI language (the popup cites the document, no compiler notes or seed
file names); "go to" moves the map; the county filter's count agrees with the
markers on the map; a click outside 濮阳市 is answered with "outside the city".
"""

from __future__ import annotations

import pytest

from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, LOOPBACK, MAP_IFRAME, server  # noqa: F401

pytestmark = pytest.mark.browser

TEXT = {
    "zh": {
        "goto": "定位到 经度, 纬度",
        "go": "定位",
        "county": "县区",
        "readout": "经纬度 (WGS-84)",
        "measure": "测量",
        "draw": "绘制地块（多边形）",
        "outside": "该位置在濮阳市域外",
        "chain": "候选项目产业链",
        "popup": ("名称", "类型", "县区", "主导产业链", "来源"),
    },
    "en": {
        "goto": "Go to lon, lat",
        "go": "Go",
        "county": "County",
        "readout": "Lon, lat (WGS-84)",
        "measure": "Measure",
        "draw": "Draw a polygon",
        "outside": "outside Puyang city",
        "chain": "Chain of the candidate",
        "popup": ("Name", "Kind", "County", "Leading chains", "Source"),
    },
}
LEGEND = """() => { const l = document.querySelector('.geoapp-legend');
  const r = l.getBoundingClientRect();
  return {scroll: l.scrollHeight, client: l.clientHeight, bottom: r.bottom, win: innerHeight}; }"""
COVERED = """() => { const c = document.querySelector('.leaflet-control-layers');
  const r = c.getBoundingClientRect();
  const pts = [[r.left + 10, r.bottom - 4], [r.right - 10, r.bottom - 4]];
  return pts.every(([x, y]) => c.contains(document.elementFromPoint(x, y))); }"""


def _open(page, url):
    page.goto(url)
    frame = page.frame_locator(MAP_IFRAME)
    frame.locator("path.geoapp-county").nth(5).wait_for(timeout=90_000)
    page.wait_for_timeout(1200)
    return frame, frame.locator("body")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_everyday_map_at_laptop_size(server, lang):  # noqa: F811
    from playwright.sync_api import sync_playwright

    text = TEXT[lang]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            ctx = browser.new_context(viewport={"width": 1366, "height": 768})
            ctx.route(
                "**/*", lambda r: r.continue_() if r.request.url.startswith(LOOPBACK) else r.abort()
            )
            page = ctx.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            for path in ("", "coverage"):
                frame, body = _open(page, f"{server}/{path}?lang={lang}")
                box = page.locator(MAP_IFRAME).bounding_box()
                assert box and box["y"] + box["height"] <= 768, (path, box)
                legend = body.evaluate(LEGEND)
                assert legend["scroll"] <= legend["client"] + 1, (path, legend)  # no scrolling
                assert legend["bottom"] <= legend["win"], (path, legend)
                frame.locator(".leaflet-control-layers").hover()
                page.wait_for_timeout(400)
                assert body.evaluate(COVERED), f"{path}: the legend covers the layer list"
                page.mouse.move(5, 5)
                assert frame.locator(".leaflet-control-scale-line").count() == 1  # metric only
                assert "km" in frame.locator(".leaflet-control-scale-line").inner_text()

            # overview: cursor readout, tools, a zone's popup, go to, county count
            frame, body = _open(page, f"{server}/?lang={lang}")
            box = page.locator(MAP_IFRAME).bounding_box()
            page.mouse.move(box["x"] + box["width"] * 0.4, box["y"] + box["height"] * 0.5)
            page.wait_for_timeout(300)
            readout = frame.locator(".geoapp-mouse").inner_text()
            assert readout.startswith(text["readout"]) and "115." in readout, readout
            measure = frame.locator(".leaflet-control-measure a").first.get_attribute("title")
            assert (
                text["measure"]
                in (measure or "") + frame.locator(".leaflet-control-measure").inner_text()
            )
            popups = body.evaluate(
                "() => { const out = []; window.map.eachLayer(l => { const c = l.options &&"
                " l.options.className; if (c && /geoapp-(zone|park)/.test(c) && l.getPopup &&"
                " l.getPopup()) { l.openPopup(); const e = l.getPopup().getElement();"
                " out.push(e ? e.innerText : ''); l.closePopup(); } }); return out; }"
            )
            assert len(popups) >= 30, len(popups)
            for field in text["popup"]:  # the county where the documents state it
                assert any(field in shown for shown in popups), field
            for shown in popups:
                assert text["popup"][0] in shown and text["popup"][-1] in shown, shown
                for dev in ("seeds/", ".txt", "备注", "Note", "None", "nan", "placed_in"):
                    assert dev not in shown, (dev, shown)
            page.wait_for_timeout(1500)
            page.get_by_test_id("stMultiSelect").filter(has_text=text["county"]).locator(
                "input"
            ).click()
            page.get_by_role("option", name="清丰县").click()
            page.keyboard.press("Escape")
            metric = page.get_by_test_id("stMetricValue").first
            page.wait_for_function(
                "() => document.querySelector('[data-testid=stMetricValue]').innerText.trim()"
                " !== '116'",
                timeout=30_000,
            )
            page.wait_for_timeout(1500)
            n = int(metric.inner_text().strip())
            assert frame.locator("path.geoapp-project").count() == n

            page.mouse.move(5, 5)
            goto = page.get_by_test_id("stTextInput").filter(has_text=text["goto"])
            goto.locator("input").fill("115.03, 35.76")
            page.get_by_role("button", name=text["go"], exact=True).click()
            body.evaluate(
                "() => new Promise((ok, no) => { const t0 = Date.now(); (function poll() {"
                " const c = window.map.getCenter();"
                " if (Math.abs(c.lat - 35.76) < 0.01 && Math.abs(c.lng - 115.03) < 0.01) ok();"
                " else if (Date.now() - t0 > 30000) no('the map did not go there');"
                " else setTimeout(poll, 100); })(); })"
            )
            assert body.evaluate("() => window.map.getZoom()") >= 13
            # siting: the Draw tool's texts; a click outside the city is answered as such
            frame, body = _open(page, f"{server}/siting?lang={lang}")
            titles = body.evaluate(
                "() => [...document.querySelectorAll('.leaflet-draw a')].map(a => a.title)"
            )
            assert text["draw"] in titles, titles
            page.get_by_test_id("stSelectbox").filter(has_text=text["chain"]).click()
            page.get_by_role("option").first.click()
            page.wait_for_timeout(1500)
            box = page.locator(MAP_IFRAME).bounding_box()
            page.mouse.click(box["x"] + box["width"] * 0.92, box["y"] + box["height"] * 0.12)
            page.get_by_text(text["outside"]).first.wait_for(timeout=30_000)
            assert page.get_by_test_id("stMetric").filter(has_text="结论").count() == 0
            assert page.get_by_test_id("stException").count() == 0
            assert not errors, errors
        finally:
            browser.close()
