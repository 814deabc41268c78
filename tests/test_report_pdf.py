"""PDFs of a batch report: per-site files split from one batch, and report.pdf with every site."""

from __future__ import annotations

import base64
import io
import re
import subprocess

import numpy as np
import pypdf
import pytest
from PIL import Image

from geoapp.layers import LayerSet
from geoapp.report import build_report, write_pdf
from geoapp.vocab import terms as vocab

NAMES = ["甲醇储运项目", "聚碳新材料扩建", "氢能示范站", "物流分拨中心", "生物基材料园"]
POINTS = [(115.03, 35.76), (115.1, 35.7), (115.2, 35.8), (114.95, 35.75), (115.35, 35.85)]


@pytest.fixture(scope="module")
def layers():
    return LayerSet.shipped()


def _pdftotext(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    return "".join(out.split())  # CJK text may be spaced by the layout


def _images(path) -> list[np.ndarray]:
    """The pixels of every image the pages of the PDF can draw (each object once)."""
    found = {}
    for page in pypdf.PdfReader(path).pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj["/Subtype"] == "/Image" and ref.idnum not in found:
                size = (int(obj["/Width"]), int(obj["/Height"]))
                found[ref.idnum] = np.asarray(Image.frombytes("RGB", size, obj.get_data()))
    return list(found.values())


def _map_of(html_path) -> np.ndarray:
    """The site map embedded in a site's HTML page."""
    b64 = re.search(r'src="data:image/png;base64,([^"]+)"', html_path.read_text("utf-8"))[1]
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(b64))).convert("RGB"))


@pytest.fixture(scope="module", params=[1, 2], ids=["in-process", "two-workers"])
def pdf_report(request, tmp_path_factory, layers):
    folder = tmp_path_factory.mktemp(f"pdf{request.param}")
    rows = [f"{n},{x},{y},聚碳新材料" for n, (x, y) in zip(NAMES, POINTS, strict=True)]
    src = folder / "c.csv"
    src.write_text("名称,经度,纬度,产业链\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return build_report(src, folder / "out", layers=layers, pdf=True, workers=request.param)


@pytest.mark.slow
def test_every_site_has_its_own_pdf_with_its_own_content(pdf_report):
    res = pdf_report
    assert len(res.pdfs) == len(res.pages) == len(NAMES)
    for html, pdf, (_, site) in zip(res.pages, res.pdfs, res.summary.iterrows(), strict=True):
        assert pdf.stem == html.stem == site["site_id"]
        text = _pdftotext(pdf)
        assert site["name"] in text
        assert all(other not in text for other in NAMES if other != site["name"])
        assert vocab.VERDICT[site["verdict"]].zh in text
        assert f"Score{site['score']:.1f}/100" in text
        assert "数据说明" in text
        # The same page written on its own has as many pages, numbered from 1.
        alone = write_pdf(html.read_text("utf-8"), pdf.with_suffix(".alone.pdf"))
        n_pages = len(pypdf.PdfReader(alone).pages)
        alone.unlink()
        reader = pypdf.PdfReader(pdf)
        assert len(reader.pages) == n_pages
        assert f"1/{n_pages}" in text and f"{n_pages}/{n_pages}" in text
        # Its one image is its own map, pixel for pixel (not the batch's other maps).
        (image,) = _images(pdf)
        np.testing.assert_array_equal(image, _map_of(html))
        assert reader.metadata["/Title"] == f"{site['name']} — 选址评价"
        assert [o.title for o in reader.outline if not isinstance(o, list)] == [site["name"]]
        links = [a.get_object()["/A"]["/URI"] for p in reader.pages for a in p.get("/Annots", [])]
        assert links == ["../index.html"]


def test_pdffonts_shows_the_cjk_font_embedded(pdf_report):
    for pdf in (pdf_report.report_pdf, pdf_report.pdfs[0]):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]  # fmt: skip
        cjk = [f.split() for f in fonts if "Noto-Sans-CJK-SC" in f or "NotoSansCJKSC" in f]
        assert cjk, fonts
        assert all(f[-5] == "yes" and f[-4] == "yes" for f in cjk), cjk  # embedded, subset


def test_report_pdf_holds_every_site_page_in_ranking_order(pdf_report):
    res = pdf_report
    assert res.report_pdf == res.path / "report.pdf" and res.report_pdf.is_file()
    reader = pypdf.PdfReader(res.report_pdf)
    per_site = [len(pypdf.PdfReader(p).pages) for p in res.pdfs]
    assert len(reader.pages) == sum(per_site)
    # one bookmark per site, in ranking order, on the site's first page
    tops = [o for o in reader.outline if not isinstance(o, list)]
    assert [o.title for o in tops] == list(res.summary["name"])
    starts = np.cumsum([0, *per_site[:-1]])
    assert [reader.get_destination_page_number(o) for o in tops] == list(starts)
    text = _pdftotext(res.report_pdf)
    at = [text.index(name) for name in res.summary["name"]]
    assert at == sorted(at)
    for _, site in res.summary.iterrows():
        assert vocab.VERDICT[site["verdict"]].zh in text
        assert f"Score{site['score']:.1f}/100" in text
    assert len(_images(res.report_pdf)) == len(res.pdfs)
    links = {a.get_object()["/A"]["/URI"] for p in reader.pages for a in p.get("/Annots", [])}
    assert links == {"index.html"}  # the file lies beside index.html
    assert 'href="report.pdf"' in res.index.read_text("utf-8")


@pytest.mark.slow
def test_no_pdf_writes_no_report_pdf(tmp_path, layers):
    src = tmp_path / "c.csv"
    src.write_text("名称,经度,纬度\n甲,115.03,35.76\n", encoding="utf-8")
    res = build_report(src, tmp_path / "out", layers=layers)
    assert res.report_pdf is None and res.pdfs == ()
    assert not (tmp_path / "out" / "report.pdf").exists()
    assert "report.pdf" not in res.index.read_text("utf-8")
