"""Benchmark of batch siting reports: seconds per site, against baselines run in this process.

What is measured
----------------
1. ``report``: :func:`geoapp.report.build_report` end to end on 1,000 seeded
   random candidates inside 濮阳市 (CSV in, full folder out, no PDF).
2. ``report --pdf``: the same on the first 100 candidates with one PDF per site
   and ``report.pdf`` (WeasyPrint), with the default PDF workers and with
   ``workers=1``.

Baselines (same process, same candidates)
-----------------------------------------
- ``evaluation only``: :func:`geoapp.siting.evaluate_sites` on the 1,000
  candidates in one vectorised call. The ratio ``report / evaluation`` says
  how much the pages (maps, HTML, CSV, GeoJSON) cost on top of the analysis.
- ``naive pages``: what a straightforward implementation does per site — a new
  matplotlib figure that redraws every vector layer, labels and the legend
  (:func:`geoapp.mapping.static.site_map`) plus the HTML page — timed on
  ``--naive`` sites against the report's way, one
  :class:`geoapp.mapping.static.SiteMapRenderer` that renders the city's base map
  once to pixels and, per site, crops it and draws only the site's marks.
  The ratio ``naive / reused`` is the speed-up of the page-rendering step,
  which dominates a report without PDF.
- ``PDF one document per page``: the earlier way, ``weasyprint.HTML(string=page)
  .write_pdf(target, font_config=fonts)`` for each of ``--naive-pdf`` site pages
  (each laid out, subset and written on its own, one font configuration for
  all) against :func:`geoapp.report.pdf.write_pdf_batch` on the same pages
  (laid out one by one, written and subset once, split per site), both in this
  process, alternated twice, the smaller CPU time of each kept; CPU seconds a
  page. Both get the same HTML (the site page's fixed-width tables included).

The report lines also print sites per second (goals of issue 14: ≥ 50 without
PDF, ≥ 5 with PDF) and the process's peak RSS at the end.

Run::

    .venv/bin/python benchmarks/bench_report.py            # 1,000 / 100 PDF / 100 naive
    .venv/bin/python benchmarks/bench_report.py --n 200 --n-pdf 20 --naive 30   # quick

The machine may be shared: every line also gives CPU seconds (this process
and its finished PDF workers), which do not depend on the load.

Timings depend on the machine and on its load; compare ratios, not seconds.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from geoapp.geo import random_points
from geoapp.layers import LayerSet, load_layer
from geoapp.mapping import SITE_WINDOW_M, BaseLayers, SiteMapRenderer, site_map
from geoapp.report import (
    build_report,
    read_candidates,
    render_site_page,
    site_context,
    write_pdf_batch,
)
from geoapp.siting import evaluate_sites, rules_of
from geoapp.vocab import chains

SEED = 20261121


def make_candidates(n: int, path: Path) -> Path:
    """Write ``n`` seeded random candidates inside the city as a UTF-8 CSV with Chinese headers."""
    city = load_layer("city").geometry.iloc[0]
    rng = np.random.default_rng(SEED)
    x, y = random_points(city, n, rng=rng)
    frame = pd.DataFrame(
        {
            "名称": [f"候选项目{i + 1:04d}" for i in range(n)],
            "经度": x.round(6),
            "纬度": y.round(6),
            "产业链": rng.choice(chains.chain_names(), n),
            "投资额(亿元)": rng.uniform(0.5, 50, n).round(2),
        }
    )
    frame.to_csv(path, index=False, encoding="utf-8")
    return path


CPU: dict[str, float] = {}


def cpu_seconds() -> float:
    """CPU seconds of this process and of its finished children (the PDF workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    """Wall seconds of one call; its CPU seconds (own + children) go to ``CPU[fn name + n]``."""
    c0, t0 = cpu_seconds(), time.perf_counter()
    out = fn(*args, **kwargs)
    wall = time.perf_counter() - t0
    CPU[f"{getattr(fn, '__name__', fn)}:{len(CPU)}"] = cpu_seconds() - c0
    return wall, out


def pages(evaluated, base: BaseLayers, layers: LayerSet, *, naive: bool) -> float:
    """Seconds to draw the map and render the HTML of every row of ``evaluated``."""
    rows = [r.to_dict() for _, r in evaluated.iterrows()]
    rules = rules_of(layers)
    t0 = time.perf_counter()
    if naive:
        for row in rows:
            g = row["geometry"]
            png = site_map(g.x, g.y, base, label=row["name"], verdict=row["verdict"])
            render_site_page(site_context(row, rules=rules), png)
    else:
        with SiteMapRenderer(base, window_m=SITE_WINDOW_M) as render:
            for row in rows:
                g = row["geometry"]
                png = render(g.x, g.y, label=row["name"], verdict=row["verdict"])
                render_site_page(site_context(row, rules=rules), png)
    return time.perf_counter() - t0


def pdf_baseline(htmls: list[str], folder: Path) -> tuple[float, float]:
    """CPU seconds for ``htmls`` as one PDF document each, and with ``write_pdf_batch``."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    (folder / "one").mkdir()
    (folder / "batch").mkdir()
    one, batch = [], []
    for _ in range(2):
        c0 = time.process_time()
        for i, html in enumerate(htmls):
            weasyprint.HTML(string=html).write_pdf(folder / "one" / f"{i}.pdf", font_config=fonts)
        one.append(time.process_time() - c0)
        c0 = time.process_time()
        write_pdf_batch([(h, folder / "batch" / f"{i}.pdf") for i, h in enumerate(htmls)])
        batch.append(time.process_time() - c0)
    return min(one), min(batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=1000, help="candidates without PDF")
    parser.add_argument("--n-pdf", type=int, default=100, help="candidates with PDF")
    parser.add_argument("--naive", type=int, default=100, help="sites for the page baseline")
    parser.add_argument("--naive-pdf", type=int, default=20, help="pages for the PDF baseline")
    args = parser.parse_args()

    layers = LayerSet.shipped()
    base = BaseLayers.from_layers(layers)
    with tempfile.TemporaryDirectory(prefix="geoapp-bench-") as folder:
        folder = Path(folder)
        src = make_candidates(args.n, folder / "candidates.csv")
        src_pdf = make_candidates(args.n_pdf, folder / "candidates_pdf.csv")
        # Warm-up: layer indexes, fonts, templates, WeasyPrint in this process (not counted).
        warm = make_candidates(3, folder / "warm.csv")
        build_report(warm, folder / "warm", layers=layers, pdf=True)

        cands = read_candidates(src)
        t_eval, evaluated = timed(evaluate_sites, cands.sites, layers=layers)
        t_report, res = timed(build_report, src, folder / "report", layers=layers)
        sub = evaluated.head(args.naive)
        t_reused = pages(sub, base, layers, naive=False)
        t_naive = pages(sub, base, layers, naive=True)
        t_pdf, res_pdf = timed(build_report, src_pdf, folder / "pdf", layers=layers, pdf=True)
        t_pdf1, _ = timed(build_report, src_pdf, folder / "pdf1", layers=layers, pdf=True,
                          workers=1)  # fmt: skip
        size = sum(p.stat().st_size for p in (folder / "report").rglob("*")) / 1e6
        size_pdf = sum(p.stat().st_size for p in res_pdf.pdfs) / 1e6
        size_all = res_pdf.report_pdf.stat().st_size / 1e6
        htmls = [p.read_text(encoding="utf-8") for p in res_pdf.pages[: args.naive_pdf]]
        k_pdf = len(htmls)
        cpu_one, cpu_batch = pdf_baseline(htmls, folder)

    n, m, k = res.n_evaluated, res_pdf.n_evaluated, len(sub)
    print(f"candidates: {n} (report), {m} (report --pdf), {k} (page baseline)")
    print(f"{'step':<40}{'total s':>10}{'s / site':>12}{'sites / s':>12}")
    lines = [
        ("evaluation only (vectorised)", t_eval, n),
        ("report, no PDF (all files)", t_report, n),
        ("report --pdf (default workers)", t_pdf, m),
        ("report --pdf (workers=1)", t_pdf1, m),
        ("pages: reused renderer (report's way)", t_reused, k),
        ("pages: naive (new figure per site)", t_naive, k),
    ]
    for label, secs, count in lines:
        print(f"{label:<40}{secs:>10.2f}{secs / count:>12.4f}{count / secs:>12.1f}")
    print(f"report folder size for {n} sites: {size:.1f} MB; with PDF, {m} site PDFs "
          f"{size_pdf:.1f} MB + report.pdf {size_all:.1f} MB")  # fmt: skip
    print(f"ratio report / evaluation only: {t_report / t_eval:.1f}x per site")
    print(f"ratio naive / reused page rendering: {t_naive / t_reused:.2f}x (speed-up)")
    cpu = list(CPU.values())  # evaluate, report, report --pdf, report --pdf workers=1
    print(f"CPU seconds per site (load-independent; own + PDF workers): report {cpu[1] / n:.4f}, "
          f"--pdf {cpu[2] / m:.4f}, --pdf workers=1 {cpu[3] / m:.4f}")  # fmt: skip
    print(f"PDF CPU s a page, {k_pdf} pages in this process: one document per page "
          f"{cpu_one / k_pdf:.3f}, one batch split per site {cpu_batch / k_pdf:.3f}; "
          f"ratio {cpu_one / cpu_batch:.2f}x (speed-up)")  # fmt: skip
    print(f"report without PDF: {n / t_report:.1f} sites/s (goal >= 50); "
          f"with PDF: {m / t_pdf:.1f} sites/s (goal >= 5), "
          f"workers=1 {m / t_pdf1:.1f} sites/s")  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MB; load average {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} CPUs")  # fmt: skip


if __name__ == "__main__":
    main()
