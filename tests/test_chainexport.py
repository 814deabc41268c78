"""Chain map and pipeline exports: XLSX read back with openpyxl, the HTML/PDF page, the CLI."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from geoapp import cli
from geoapp.chainmap import (
    PANORAMA_HEADERS,
    TARGET_HEADERS,
    chain_nodes,
    chain_sheets,
    pipeline_sheets,
    render_chain_report,
    safe_cell,
    write_chain_report,
    write_xlsx,
)
from geoapp.layers import load_layer
from geoapp.vocab import CLUSTERS

NAMES = ("projects", "counties", "zones", "logistics_hubs", "monitoring_stations", "yellow_river")
runner = CliRunner()


@pytest.fixture(scope="module")
def layers():
    return {n: load_layer(n) for n in NAMES}


def rows_of(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_chain_workbook_has_one_sheet_per_cluster_with_chinese_headers(layers, tmp_path):
    path = write_xlsx(chain_sheets(layers), tmp_path / "chains.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [*CLUSTERS, "缺链园区", "说明"]
    nodes = chain_nodes()
    for cluster in CLUSTERS:
        rows = rows_of(wb[cluster])
        assert rows[0] == list(PANORAMA_HEADERS.values())
        assert len(rows) - 1 == int((nodes["cluster"] == cluster).sum())
    new = rows_of(wb["新材料"])
    header = new[0]
    bpa = next(r for r in new if r[header.index("节点")] == "双酚A")
    assert bpa[header.index("状态")] == "缺失"
    assert "seeds/002_df2e7f16f3d346ad.txt:L487" in bpa[header.index("来源")]
    assert rows_of(wb["缺链园区"])[0] == ["园区", "产业链", "环节位置", "节点", "节点状态", "来源"]


def test_one_chain_workbook_holds_only_that_chain(layers, tmp_path):
    path = write_xlsx(chain_sheets(layers, "氢能"), tmp_path / "h.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["新能源装备制造", "缺链园区", "说明"]
    rows = rows_of(wb["新能源装备制造"])
    assert {r[0] for r in rows[1:]} == {"氢能"}


def test_pipeline_workbook_cites_each_target_and_keeps_numbers_numeric(layers, tmp_path):
    path = write_xlsx(pipeline_sheets(layers), tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [
        "阶段漏斗",
        "目标对比",
        "按产业集群",
        "按产业链",
        "按县区",
        "按园区",
        "说明",
    ]
    rows = rows_of(wb["目标对比"])
    header = rows[0]
    assert header == list(TARGET_HEADERS.values())
    ids = [r[0] for r in rows[1:]]
    assert ids == [f"T{i:02d}" for i in range(1, 10)]
    for r in rows[1:]:
        assert r[header.index("来源")].startswith("seeds/")
        assert isinstance(r[header.index("目标值")], int | float)
    t01 = rows[1]
    assert t01[header.index("目标值")] == 158
    funnel = rows_of(wb["阶段漏斗"])
    assert funnel[0][0] == "阶段"
    assert [r[0] for r in funnel[1:]] == ["谋划", "签约", "开工", "在建", "投产", "未注明"]
    assert all(isinstance(r[1], int) for r in funnel[1:])


def test_formula_like_text_is_neutralised_and_numbers_stay_numbers(tmp_path):
    frame = pd.DataFrame(
        {
            "名称": ["=1+1", "+cmd", "-cmd", "@SUM(A1)", "\tx", "\rx", "正常", "-3.5"],
            "数值": [1, -3.5, 0.0, 2, 3, 4, 5, float("nan")],
        }
    )
    path = write_xlsx({"表": frame}, tmp_path / "x.xlsx")
    ws = openpyxl.load_workbook(path)["表"]
    names = [c.value for c in ws["A"][1:]]
    assert names[:5] == ["'=1+1", "'+cmd", "'-cmd", "'@SUM(A1)", "'\tx"]
    assert names[5] == "'\nx"  # "\rx" neutralised; XML reading normalises CR to LF
    assert names[6] == "正常"
    assert names[7] == "-3.5"  # a number as text is not a formula (geoapp.io.textsafe policy)
    assert safe_cell("\rx") == "'\rx"
    values = [c.value for c in ws["B"][1:]]
    assert values[:7] == [1, -3.5, 0, 2, 3, 4, 5] and values[7] is None
    assert all(c.data_type == "n" for c in ws["B"][1:8])
    assert safe_cell(-2) == -2 and safe_cell(float("nan")) is None


def test_xlsx_needs_the_xlsx_suffix(tmp_path):
    with pytest.raises(ValueError, match=r"\.xlsx"):
        write_xlsx({"a": pd.DataFrame({"x": [1]})}, tmp_path / "a.csv")


def test_html_page_has_two_maps_and_a_table(layers):
    html = render_chain_report(layers, "聚碳新材料", generated="test")
    expected = (
        "产业链全景图", "招商图", "目标表", "双酚A", "data:image/png;base64,",
        "全年实施158个亿元以上制造业项目", "seeds/002_df2e7f16f3d346ad.txt:L356",
    )  # fmt: skip
    for text in expected:
        assert text in html, text
    assert "<script" not in html


@pytest.mark.slow
def test_pdf_page_reads_back_with_pdftotext(layers, tmp_path):
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext is missing: apt-get install poppler-utils"
    path = write_chain_report(layers, tmp_path / "c.pdf", "氢能")
    text = subprocess.run(
        [pdftotext, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for word in ("产业链全景图", "膜电极", "目标表"):
        assert word in text.replace(" ", ""), word


def test_cli_chains_writes_the_workbook(tmp_path):
    out = tmp_path / "聚碳.xlsx"
    res = runner.invoke(cli.app, ["chains", "--chain", "聚碳新材料", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "双酚A" in res.output and "缺失" in res.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["新材料", "缺链园区", "说明"]


def test_cli_chains_html_and_bad_suffix(tmp_path):
    res = runner.invoke(cli.app, ["chains", "--chain", "氢能", "-o", str(tmp_path / "h.html")])
    assert res.exit_code == 0, res.output
    assert "膜电极" in (tmp_path / "h.html").read_text(encoding="utf-8")
    bad = runner.invoke(cli.app, ["chains", "-o", str(tmp_path / "h.txt")])
    assert bad.exit_code == 1 and ".xlsx" in bad.output
    unknown = runner.invoke(cli.app, ["chains", "--chain", "不存在"])
    assert unknown.exit_code == 1 and "not in chain_nodes.csv" in unknown.output


def test_cli_pipeline_writes_funnel_and_cited_targets(tmp_path):
    out = tmp_path / "p.xlsx"
    res = runner.invoke(cli.app, ["pipeline", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "seeds/004_6da2452d7dfa6b22.txt:L10-12" in res.output
    assert "到位资金" in res.output
    wb = openpyxl.load_workbook(out)
    assert {"阶段漏斗", "目标对比"} <= set(wb.sheetnames)


@pytest.mark.parametrize("command", ["chains", "pipeline"])
def test_help_has_an_example(command):
    res = runner.invoke(cli.app, [command, "--help"])
    assert res.exit_code == 0
    assert "Example" in res.output and f"geoapp {command}" in res.output
