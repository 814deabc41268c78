"""Batch siting reports (geoapp.report) and their static maps (geoapp.mapping.static)."""

from __future__ import annotations

import json
import shutil

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point

from geoapp import report
from geoapp.errors import InputFileError
from geoapp.io import neutralise_frame
from geoapp.layers import LayerSet, load_layer
from geoapp.mapping import BaseLayers, SiteMapRenderer, cjk_font_family, overview_map
from geoapp.report import (
    SUMMARY_COLUMNS,
    build_report,
    evaluate_point,
    read_candidates,
    render_site_page,
    site_context,
    site_text,
    summary_table,
    text_table,
    violations_text,
)
from geoapp.siting import evaluate_sites, rules_of

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def layers():
    return LayerSet.shipped()


@pytest.fixture(scope="module")
def base():
    return BaseLayers.from_layers(LayerSet.shipped())


def river_point(offset_m: float) -> tuple[float, float]:
    """A lon/lat ``offset_m`` metres north of the Yellow River line, inside the city."""
    line = load_layer("yellow_river").to_crs(4547).geometry.union_all()
    city = load_layer("city").to_crs(4547).geometry.iloc[0]
    for fraction in np.linspace(0.1, 0.9, 17):
        at = line.interpolate(fraction, normalized=True)
        p = Point(at.x, at.y + offset_m)
        if city.contains(p) and abs(line.distance(p) - offset_m) < 50:
            ll = gpd.GeoSeries([p], crs=4547).to_crs(4326).iloc[0]
            return ll.x, ll.y
    raise AssertionError("no point found")  # pragma: no cover


def utf8_csv(path, header, rows):
    path.write_text("\n".join(",".join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- reading


def test_read_candidates_finds_english_columns(tmp_path):
    src = utf8_csv(
        tmp_path / "c.csv",
        ["project", "industry_chain", "lng", "lat", "name"],
        [["x", "氢能", "115.03", "35.76", "甲"], ["y", "", "115.1", "35.7", ""]],
    )
    cands = read_candidates(src)
    assert cands.chain_col == "industry_chain"
    assert cands.name_col == "name"  # "name" ranks before "项目"-like fallbacks
    assert list(cands.sites["site_id"]) == ["002", "003"]
    assert list(cands.sites["name"]) == ["甲", "候选 3"]  # empty name -> row number
    assert cands.sites["chain"].iloc[1] is None
    assert list(cands.attributes.columns) == ["project", "industry_chain", "lng", "lat", "name"]


def test_read_candidates_options_and_clear_errors(tmp_path):
    src = utf8_csv(tmp_path / "c.csv", ["标题", "行业类别", "X", "Y"],
                   [["甲", "氢能", "115.03", "35.76"]])  # fmt: skip
    cands = read_candidates(src, name_col="标题", chain_col="行业类别")
    assert cands.sites["name"].iloc[0] == "甲" and cands.sites["chain"].iloc[0] == "氢能"
    with pytest.raises(InputFileError, match="`chain_col` was '产业'"):
        read_candidates(src, chain_col="产业")
    plain = read_candidates(src)
    assert plain.chain_col is None
    assert any("no chain column" in w for w in plain.warnings)


@pytest.mark.slow
def test_site_ids_are_row_numbers_never_user_text(tmp_path, layers):
    src = utf8_csv(tmp_path / "c.csv", ["名称", "经度", "纬度", "产业链"],
                   [["../../etc/passwd", "115.03", "35.76", "氢能"]])  # fmt: skip
    res = build_report(src, tmp_path / "out", layers=layers)
    assert [p.name for p in res.pages] == ["002.html"]
    assert sorted(p.name for p in (tmp_path / "out" / "sites").iterdir()) == ["002.html"]


# --------------------------------------------------------------------------- tables


def test_summary_ranks_by_score_with_prohibited_last(layers):
    lon, lat = river_point(500.0)
    sites = gpd.GeoDataFrame(
        {
            "site_id": ["002", "003", "004", "005"],
            "source_row": [2, 3, 4, 5],
            "name": ["化工", "a", "b", "c"],
            "chain": ["聚碳新材料", "氢能", "氢能", "现代家居"],
        },
        geometry=gpd.points_from_xy([lon, 115.03, 115.10, 115.25], [lat, 35.76, 35.70, 35.90]),
        crs=4326,
    )
    evaluated = evaluate_sites(sites, layers=layers)
    table = summary_table(evaluated, rules=rules_of(layers))
    assert list(table.columns[: len(SUMMARY_COLUMNS)]) == list(SUMMARY_COLUMNS)
    assert table["verdict"].iloc[-1] == "prohibited" and table["name"].iloc[-1] == "化工"
    rest = table["score"].iloc[:-1].to_numpy()
    assert (np.diff(rest) <= 0).all()
    assert table["hub_distance_km"].between(0, 200).all()
    text = violations_text(evaluated["violations"], rules=rules_of(layers))
    assert text.iloc[0].startswith("yellow_river_chemical：")
    assert "本次按1000米计" in text.iloc[0]
    assert (text.iloc[1:] == "").all()


def test_csv_formula_text_is_neutralised():
    frame = pd.DataFrame({"name": ["=HYPERLINK(1)", "-3.5", "ok"], "n": [1, 2, 3]})
    safe = neutralise_frame(frame)
    assert list(safe["name"]) == ["'=HYPERLINK(1)", "-3.5", "ok"]


def test_text_table_aligns_wide_characters():
    out = text_table(pd.DataFrame({"县区": ["濮阳县", "范县"], "n": [12, 3]})).splitlines()
    assert len({report._width(line) for line in out}) == 1  # every line equally wide
    assert out[2].endswith("12") and out[3].endswith(" 3")


# --------------------------------------------------------------------------- pages


def test_site_page_escapes_user_text(layers):
    sites = gpd.GeoDataFrame(
        {"site_id": ["002"], "source_row": [2], "name": ['<img src=x onerror="alert(1)">'],
         "chain": ["<b>氢能</b>"]},
        geometry=gpd.points_from_xy([115.03], [35.76]), crs=4326,
    )  # fmt: skip
    row = evaluate_sites(sites, layers=layers).iloc[0]
    ctx = site_context(row, rules=rules_of(layers), attributes={"备注<i>": "<script>x</script>"})
    html = render_site_page(ctx, PNG)
    assert "<img src=x" not in html and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    assert "<b>氢能" not in html and "&lt;b&gt;氢能" in html
    assert "<script>x" not in html and "备注&lt;i&gt;" in html
    assert {c["weight"] for c in ctx["criteria"]} == {"30", "25", "10", "20", "15"}


def test_site_text_and_evaluate_point_gcj02(layers):
    wgs = evaluate_point(115.03, 35.76, chain="氢能", layers=layers)
    gcj = evaluate_point(115.03, 35.76, chain="氢能", datum="gcj02", layers=layers)
    shift = gpd.GeoSeries([wgs.geometry.iloc[0], gcj.geometry.iloc[0]], crs=4326).to_crs(4547)
    assert 400 < shift.iloc[0].distance(shift.iloc[1]) < 700  # GCJ-02 is ~530 m off in Puyang
    text = site_text(wgs.iloc[0])
    assert "Verdict:" in text and "hub_access" in text
    with pytest.raises(ValueError, match="longitude/latitude only"):
        evaluate_point(500_000, 3_960_000, datum="gcj02", crs="EPSG:4547", layers=layers)


# --------------------------------------------------------------------------- build


@pytest.mark.slow
def test_build_report_from_geojson_with_fixed_swaps(tmp_path, layers):
    pts = gpd.GeoDataFrame(
        {"项目名称": ["甲", "乙"], "产业链": ["氢能", "绿色涂料"]},
        geometry=gpd.points_from_xy([115.03, 115.25], [35.76, 35.90]),
        crs=4326,
    )
    src = tmp_path / "c.geojson"
    pts.to_file(src)
    res = build_report(src, tmp_path / "out", layers=layers)
    assert res.n_evaluated == 2 and res.n_rejected == 0
    assert sorted(res.summary["name"]) == ["乙", "甲"]
    errors = (tmp_path / "out" / "errors.csv").read_bytes()
    assert errors.decode("utf-8-sig").strip() == "row,reason,column,value,values"

    swapped = utf8_csv(tmp_path / "s.csv", ["名称", "经度", "纬度", "产业链"],
                       [["丙", "35.76", "115.03", "氢能"]])  # fmt: skip
    fixed = build_report(swapped, tmp_path / "out2", fix_swapped=True, layers=layers)
    assert fixed.n_evaluated == 1
    assert fixed.summary["lon"].iloc[0] == pytest.approx(115.03)
    page = fixed.pages[0].read_text(encoding="utf-8")
    assert "经纬度已交换" in page


@pytest.mark.slow
def test_report_pages_say_how_many_features_used_are_schematic(tmp_path, layers):
    src = utf8_csv(tmp_path / "c.csv", ["名称", "经度", "纬度", "产业链"],
                   [["甲", "115.03", "35.76", "氢能"]])  # fmt: skip
    used = ("zones", "logistics_hubs", "monitoring_stations", "projects")

    def counts(ls):
        k = sum(int(ls[n]["location_quality"].eq("schematic").sum()) for n in used)
        return k, sum(len(ls[n]) for n in used)

    k, n = counts(layers)
    res = build_report(src, tmp_path / "out", layers=layers)
    for html in (res.index.read_text(encoding="utf-8"), res.pages[0].read_text(encoding="utf-8")):
        assert f"所用 {n} 个要素中，{k} 个为示意位置" in html
        assert f"{k} of the {n} features used have schematic positions" in html
    # surveyed hubs (as a city's own layer would be): the count follows the layers used
    hubs = layers["logistics_hubs"].assign(location_quality="surveyed")
    surveyed = layers.replace("logistics_hubs", hubs)
    k2, n2 = counts(surveyed)
    assert k2 == k - int(layers["logistics_hubs"]["location_quality"].eq("schematic").sum())
    res2 = build_report(src, tmp_path / "out2", layers=surveyed)
    assert f"所用 {n2} 个要素中，{k2} 个为示意位置" in res2.index.read_text(encoding="utf-8")


@pytest.mark.slow
def test_build_report_xlsx_and_datum(tmp_path, layers):
    frame = pd.DataFrame({"名称": ["甲"], "经度": [115.03], "纬度": [35.76], "链": ["氢能"]})
    frame.to_excel(tmp_path / "c.xlsx", index=False)
    wgs = build_report(tmp_path / "c.xlsx", tmp_path / "a", layers=layers)
    bd = build_report(tmp_path / "c.xlsx", tmp_path / "b", layers=layers, datum="bd09")
    assert wgs.summary["chain"].iloc[0] == "氢能"
    assert bd.summary["lon"].iloc[0] != pytest.approx(wgs.summary["lon"].iloc[0], abs=1e-4)
    doc = json.loads((tmp_path / "b" / "results.geojson").read_text(encoding="utf-8"))
    assert doc["features"][0]["properties"]["name"] == "甲"


@pytest.mark.slow
def test_unknown_chain_is_reported_not_silently_scored(tmp_path, layers):
    csv_path = utf8_csv(
        tmp_path / "c.csv",
        ["名称", "经度", "纬度", "产业链"],
        [["甲", "115.03", "35.76", "不存在的链"], ["乙", "115.11", "35.90", "氢能"]],
    )
    res = build_report(csv_path, tmp_path / "r", layers=layers)
    assert any("不存在的链" in w and "不在目录中" in w for w in res.warnings)
    assert not any("氢能" in w for w in res.warnings)
    assert "不存在的链" in (tmp_path / "r" / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_failed_build_leaves_previous_report_intact(tmp_path, layers, monkeypatch):
    src = utf8_csv(tmp_path / "c.csv", ["名称", "经度", "纬度", "产业链"],
                   [["甲", "115.03", "35.76", "氢能"], ["乙", "115.1", "35.7", "氢能"]])  # fmt: skip
    out = tmp_path / "report"
    first = build_report(src, out, layers=layers)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    calls = []

    def broken(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return "<html></html>"

    monkeypatch.setattr(report.pages, "render_site_page", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        build_report(src, out, layers=layers)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert first.index.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", "report"]  # no temp left


def test_all_rows_bad_raises_and_writes_nothing(tmp_path, layers):
    src = utf8_csv(tmp_path / "c.csv", ["名称", "经度", "纬度"], [["甲", "abc", "35.7"]])
    with pytest.raises(InputFileError, match=r"No row of c.csv could be evaluated"):
        build_report(src, tmp_path / "out", layers=layers)
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_pdf_text_has_the_chinese_name(tmp_path, layers):
    import pypdf

    assert shutil.which("fc-list"), "fc-list not found: install fontconfig (./dev test does)"
    assert report.cjk_pdf_font_available() is True
    lon, lat = river_point(500.0)
    src = utf8_csv(tmp_path / "c.csv", ["名称", "经度", "纬度", "产业链"],
                   [["聚碳新材料扩建项目", f"{lon:.7f}", f"{lat:.7f}", "聚碳新材料"]])  # fmt: skip
    res = build_report(src, tmp_path / "out", pdf=True, layers=layers)
    (pdf,) = res.pdfs
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    compact = "".join(text.split())
    assert "聚碳新材料扩建项目" in compact
    assert "黄河保护法" in compact and "禁止" in compact
    fonts = {
        str(f["/BaseFont"])
        for page in pypdf.PdfReader(pdf).pages
        for f in page["/Resources"]["/Font"].values()
        if "/BaseFont" in f.get_object()
    }
    assert any("NotoSansCJKSC" in f.replace(" ", "").replace("-", "") for f in fonts), fonts
    links = [
        a.get_object()["/A"]["/URI"]
        for page in pypdf.PdfReader(pdf).pages
        for a in page.get("/Annots", []) or []
    ]
    assert links == ["../index.html"]  # relative, not the temporary build folder


# --------------------------------------------------------------------------- static maps


def test_cjk_font_is_found():
    assert cjk_font_family() is not None


def test_overview_map_is_a_png(base):
    sites = gpd.GeoDataFrame(
        {"verdict": ["recommended", "prohibited", "feasible"]},
        geometry=gpd.points_from_xy([115.03, 115.5, 115.2], [35.76, 35.8, 35.9]),
        crs=4326,
    )
    png = overview_map(sites, base)
    assert png.startswith(PNG) and len(png) > 20_000


def decode(png: bytes) -> np.ndarray:
    """PNG bytes -> (h, w, 3) uint8, read back with Pillow (an independent decoder)."""
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def hex_rgb(color: str) -> np.ndarray:
    return np.array([int(color[i : i + 2], 16) for i in (1, 3, 5)])


SITES = [  # lon, lat, label, verdict, nearest hub, nearest station
    (115.03, 35.76, "候选 1", "feasible", (115.05, 35.80), (115.00, 35.74)),
    (115.60, 35.83, "候选 <b>2</b>", "prohibited", None, (115.62, 35.86)),
    (115.13, 36.10, "候选 3", "not_advised", (115.10, 36.05), None),
    (115.90, 35.97, "$x$ 4", "recommended", None, None),
]


@pytest.fixture(scope="module")
def renders(base):
    """The same sites by the report's renderer (base rendered once) and by fresh figures."""
    from geoapp.mapping import site_map

    with SiteMapRenderer(base) as render:
        reused = [render(x, y, label=t, verdict=v, hub_xy=h, station_xy=s)
                  for x, y, t, v, h, s in SITES]  # fmt: skip
    fresh = [site_map(x, y, base, label=t, verdict=v, hub_xy=h, station_xy=s)
             for x, y, t, v, h, s in SITES]  # fmt: skip
    return reused, fresh


@pytest.mark.slow
def test_site_map_shows_the_site_marker_in_its_verdict_colour(renders):
    from geoapp.mapping import VERDICT_COLORS

    for png, (*_, verdict, _, _) in zip(renders[0], SITES, strict=True):
        assert png.startswith(PNG)
        img = decode(png)
        assert img.shape == (600, 600, 3)
        centre = img[298:303, 298:303].reshape(-1, 3)  # the site is within half a pixel of it
        assert (np.abs(centre - hex_rgb(VERDICT_COLORS[verdict])).max(axis=1) <= 2).any()


def test_site_map_from_the_reused_base_looks_like_a_freshly_drawn_one(renders):
    """County outlines, zones, river buffer, hubs, lines: the same pixels as a new figure,
    up to labels anchored just outside the window and sub-pixel shifts (< 3 % of pixels)."""
    edge = hex_rgb("#4a4a4a")  # county outline colour
    for reused, fresh in zip(*renders, strict=True):
        a, b = decode(reused).astype(int), decode(fresh).astype(int)
        assert a.shape == b.shape
        assert (np.abs(a - b).max(axis=2) > 40).mean() < 0.03
        outline_a = (np.abs(a - edge).max(axis=2) <= 30).sum()
        outline_b = (np.abs(b - edge).max(axis=2) <= 30).sum()
        assert outline_b > 200  # every window shows county outlines
        assert abs(outline_a - outline_b) <= 0.1 * outline_b


@pytest.mark.slow
def test_site_map_outside_the_rendered_base_is_drawn_as_vectors(base):
    from geoapp.mapping import site_map

    far = (118.5, 38.0)  # far outside 濮阳市: beyond the pre-rendered base
    with SiteMapRenderer(base) as render:
        png = render(*far, label="远处", verdict="feasible")
    assert np.array_equal(decode(png), decode(site_map(*far, base, label="远处",
                                                         verdict="feasible")))  # fmt: skip


def test_site_renderer_reuses_one_figure(base):
    with SiteMapRenderer(base, dpi=50) as render:
        a = render(115.03, 35.76, label="$x$ <b>", verdict="feasible", hub_xy=(115.1, 35.7))
        b = render(115.5, 35.8, label="乙")
    assert a.startswith(PNG) and b.startswith(PNG) and a != b
    with pytest.raises(ValueError, match="window_m"):
        SiteMapRenderer(base, window_m=0)
