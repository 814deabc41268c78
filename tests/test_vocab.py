"""One vocabulary: the web map, the report maps and pages, the PDF and the CLI agree."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from PIL import Image

from geoapp import mapping
from geoapp.layers import LayerSet
from geoapp.mapping import BaseLayers, SiteMapRenderer
from geoapp.mapping import static as staticmap
from geoapp.siting import VERDICT_ZH, VERDICTS, evaluate_sites, rank_sites
from geoapp.vocab import terms as vocab
from geoapp.vocab import translate

ROOT = Path(__file__).resolve().parents[1]


def _hex_rgb(color: str) -> np.ndarray:
    return np.array([int(color[i : i + 2], 16) for i in (1, 3, 5)])


def test_terms_are_complete_and_ranked():
    assert VERDICTS == tuple(vocab.VERDICT) == vocab.VERDICT_CODES
    assert [t.rank for t in vocab.ranked(vocab.VERDICT)] == list(range(len(vocab.VERDICT)))
    for table in (vocab.VERDICT, vocab.STAGE, vocab.CLUSTER, vocab.LOCATION_QUALITY):
        colours = [t.color for t in table.values()]
        assert len(set(colours)) == len(colours)
        assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours)
        for term in table.values():  # the UI translation follows the vocabulary
            assert translate(term.zh, "en") == term.en
    assert vocab.label(vocab.VERDICT, None, "en") == vocab.UNSTATED_EN
    assert vocab.label(vocab.STAGE, "  ", "zh") == vocab.UNSTATED
    assert vocab.label(vocab.VERDICT, "odd", "zh") == "odd"


@pytest.mark.slow
def test_web_map_and_report_maps_share_colours_and_labels(shipped):
    assert dict(mapping.VERDICT_COLORS) == vocab.colors(vocab.VERDICT)
    assert dict(staticmap.VERDICT_COLORS) == vocab.colors(vocab.VERDICT)
    assert dict(staticmap.VERDICT_LABELS) == vocab.labels(vocab.VERDICT, "zh")
    assert dict(VERDICT_ZH) == vocab.labels(vocab.VERDICT, "zh")
    # the web map's candidate layer: its legend swatches and labels
    pts = gpd.GeoDataFrame(
        {"name": list(VERDICTS), "verdict": list(VERDICTS), "score": 50.0},
        geometry=gpd.points_from_xy(np.linspace(115.0, 115.2, len(VERDICTS)), [35.7] * 5),
        crs=4326,
    )
    for lang in ("zh", "en"):
        layer = mapping.candidates_layer(pts, lang=lang)
        legend = " ".join(f"{swatch} {text}" for swatch, text in layer.legend)
        for term in vocab.VERDICT.values():
            assert term.color in legend and term.label(lang) in legend
    # the report's site map: the marker is drawn in the verdict's colour
    base = BaseLayers.from_layers(shipped)
    with SiteMapRenderer(base) as render:
        for code in ("feasible", "prohibited"):
            png = render(115.03, 35.76, label="x", verdict=code)
            img = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).reshape(-1, 3)
            want = _hex_rgb(vocab.VERDICT[code].color)
            assert (np.abs(img.astype(int) - want).max(axis=1) <= 6).sum() > 20


@pytest.mark.slow
def test_report_pdf_and_cli_use_the_vocabulary_labels(shipped, tmp_path):
    from geoapp.report import build_report

    csv = tmp_path / "c.csv"
    csv.write_text("名称,经度,纬度,产业链\n甲,115.03,35.76,聚碳新材料\n", encoding="utf-8")
    res = build_report(csv, tmp_path / "out", layers=shipped, pdf=True)
    verdict = res.summary["verdict"].iloc[0]
    label = vocab.VERDICT[verdict].zh
    assert label in res.index.read_text(encoding="utf-8")
    pdf = next((tmp_path / "out" / "sites").glob("*.pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert label in text
    cli = subprocess.run(
        [sys.executable, "-m", "geoapp", "site", "--lon", "115.03", "--lat", "35.76",
         "--chain", "聚碳新材料"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    assert f"{verdict} ({label})" in cli.stdout


def test_one_ranking(shipped):
    rng = np.random.default_rng(3)
    pts = gpd.GeoDataFrame(
        {"chain": ["聚碳新材料"] * 60},
        geometry=gpd.points_from_xy(rng.uniform(114.9, 115.6, 60), rng.uniform(35.5, 36.1, 60)),
        crs=4326,
    )
    ranked = rank_sites(evaluate_sites(pts, layers=shipped))
    rank = ranked["verdict"].map({c: t.rank for c, t in vocab.VERDICT.items()}).to_numpy()
    assert (np.diff(rank) >= 0).all()
    for code in set(ranked["verdict"]):
        scores = ranked.loc[ranked["verdict"] == code, "score"].to_numpy()
        assert (np.diff(scores) <= 0).all()


def _sources() -> list[Path]:
    return [p for p in ROOT.glob("geoapp/**/*.py") if "resources" not in p.parts]


@pytest.mark.parametrize("table", ["VERDICT", "STAGE", "CLUSTER"])
def test_each_colour_and_label_is_defined_once(table):
    """Grep: a term's colour and its verdict labels are written down in geoapp/vocab/terms.py only.

    The sources and the HTML/PDF templates (geoapp/**/templates/*.html) are scanned.
    """
    terms = getattr(vocab, table).values()
    needles = [f'"{t.code}": "#' for t in terms] + [f'("{t.code}", "#' for t in terms]
    if table == "VERDICT":
        needles += [f'"{t.zh}"' for t in terms] + [f'"{t.en}"' for t in terms]
    found = [
        f"{p.relative_to(ROOT)}: {n}"
        for p in _sources()
        if p != ROOT / "geoapp/vocab/terms.py"
        for n in needles
        if n in p.read_text(encoding="utf-8")
    ]
    # The HTML/PDF templates take the colours and labels from the vocabulary too: no
    # hex colour of a term, no colour rule of their own for a term's class
    # (.verdict-feasible { background: #… }), no verdict label written out.
    templates = sorted(ROOT.glob("geoapp/**/templates/*.html"))
    assert templates
    colours = {t.color.lower() for t in terms}
    codes = "|".join(re.escape(t.code) for t in terms)
    own_rule = re.compile(rf"\.[\w-]*-(?:{codes})\s*\{{[^}}]*#[0-9a-fA-F]{{3,6}}\b")
    for p in templates:
        text = p.read_text(encoding="utf-8")
        rel = p.relative_to(ROOT)
        found += [
            f"{rel}: {c}" for c in re.findall(r"#[0-9a-fA-F]{6}\b", text) if c.lower() in colours
        ]
        found += [f"{rel}: {m}" for m in own_rule.findall(text)]
        if table == "VERDICT":
            found += [f"{rel}: {lab}" for t in terms for lab in (t.zh, t.en) if lab in text]
    assert found == []


def test_one_river_buffer_and_no_shipped_loads_in_analyses():
    """Grep: one buffer of the river; only the catalog and the bundle read the shipped files."""
    buffers, loads = [], []
    for p in _sources():
        code = [ln for ln in p.read_text(encoding="utf-8").splitlines()
                if not ln.lstrip().startswith((">>>", "..."))]  # fmt: skip
        text = "\n".join(code)
        rel = str(p.relative_to(ROOT))
        if re.search(r"river\w*\.(geometry\.)?buffer\(|buffer\(merged", text):
            buffers.append(rel)
        if re.search(r"(?<![.`\w])(?<!def )load_layer\(", text):  # not ws.load_layer
            loads.append(rel)
    assert buffers == ["geoapp/layers/layerset.py"]
    assert sorted(loads) == [
        "geoapp/layers/layerset.py"
    ]  # the catalog defines it; only the bundle calls it


def test_layer_bundle_keeps_one_river_buffer(shipped):
    a = shipped.river_buffer(1000.0)
    assert shipped.river_buffer(1000.0) is a
    base = BaseLayers.from_layers(shipped)
    assert base.river_buffer is not None
    assert base.river_buffer.area.iloc[0] == pytest.approx(a.to_crs(4547).area.iloc[0])
    assert isinstance(shipped, LayerSet)
