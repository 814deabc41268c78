"""`geoapp import / layers / report / scenarios / log --workspace W` on both back ends."""

from __future__ import annotations

import csv
import hashlib
import os
import subprocess

import pyogrio
import pytest
from typer.testing import CliRunner

from geoapp import cli
from geoapp.layers import LayerSet
from geoapp.workspace import open_workspace

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(cli.app, list(args))


def gbk_csv(path, header, rows):
    text = "\r\n".join(",".join(r) for r in [header, *rows]) + "\r\n"
    path.write_bytes(text.encode("gbk"))
    return path


def read_csv(path):
    return list(csv.DictReader(path.read_bytes().decode("utf-8-sig").splitlines()))


@pytest.mark.slow
def test_import_then_report_uses_the_imported_layer(ws_target, tmp_path):
    hubs = gbk_csv(
        tmp_path / "枢纽.csv",
        ["名称", "经度", "纬度", "类型"],
        [["测试枢纽", "115.10", "35.70", "物流园"]],
    )
    cands = gbk_csv(
        tmp_path / "候选.csv",
        ["名称", "经度", "纬度", "产业链"],
        [["氢能装备制造园", "115.10", "35.70", "氢能"], ["远点", "115.03", "35.76", "氢能"]],
    )
    res = invoke("import", str(hubs), "--layer", "logistics_hubs", "--workspace", ws_target)
    assert res.exit_code == 0, res.output
    assert "loaded 1 rows, rejected 0" in res.output
    assert "Layer logistics_hubs: version 2 (1 features, replace)" in res.output

    out = tmp_path / "report"
    res = invoke("report", str(cands), "-o", str(out), "--no-progress", "--workspace", ws_target)
    assert res.exit_code == 0, res.output
    rows = {r["name"]: r for r in read_csv(out / "summary.csv")}
    assert rows["氢能装备制造园"]["nearest_hub"] == "测试枢纽"
    assert float(rows["氢能装备制造园"]["hub_distance_km"]) == 0.0
    assert rows["远点"]["nearest_hub"] == "测试枢纽"  # the only hub there is now

    res = invoke("layers", "--workspace", ws_target)
    assert res.exit_code == 0, res.output
    line = next(ln for ln in res.output.splitlines() if ln.startswith("logistics_hubs"))
    assert " workspace " in line and " 2 " in line
    assert next(ln for ln in res.output.splitlines() if ln.startswith("projects")).count("shipped")

    log_csv = tmp_path / "log.csv"
    res = invoke("log", "--csv", str(log_csv), "--workspace", ws_target)
    assert res.exit_code == 0, res.output
    log = read_csv(log_csv)
    assert [r["command"] for r in log] == ["cli:import", "cli:report"]
    assert log[0]["input_name"] == "枢纽.csv"
    assert log[0]["input_sha256"] == hashlib.sha256(hubs.read_bytes()).hexdigest()
    assert log[1]["input_sha256"] == hashlib.sha256(cands.read_bytes()).hexdigest()
    assert '"n_evaluated": 2' in log[1]["result"]


def test_import_append_keeps_the_old_rows_as_a_new_version(ws_target, tmp_path, shipped):
    hubs = gbk_csv(tmp_path / "h.csv", ["名称", "经度", "纬度"], [["新枢纽", "115.0", "35.8"]])
    res = invoke("import", str(hubs), "-l", "logistics_hubs", "--mode", "append", "-w", ws_target)
    assert res.exit_code == 0, res.output
    with open_workspace(ws_target) as ws:
        now = ws.load_layer("logistics_hubs")
        assert len(now) == len(shipped["logistics_hubs"]) + 1
        assert now["name"].iloc[-1] == "新枢纽"
        assert ws.versions("logistics_hubs")["source"].tolist() == ["shipped", "h.csv"]
    out = tmp_path / "hubs.geojson"
    res = invoke("export", "logistics_hubs", "-o", str(out), "-w", ws_target)
    assert res.exit_code == 0, res.output
    exported = pyogrio.read_dataframe(out)  # GDAL reads the file back
    assert len(exported) == len(shipped["logistics_hubs"]) + 1
    assert "新枢纽" in set(exported["name"])


def test_import_of_a_file_without_usable_rows_writes_nothing(ws_target, tmp_path):
    bad = gbk_csv(tmp_path / "bad.csv", ["名称", "经度", "纬度"], [["x", "", ""]])
    res = invoke("import", str(bad), "--layer", "logistics_hubs", "-w", ws_target)
    assert res.exit_code == 1
    assert "No usable row in bad.csv" in res.output
    with open_workspace(ws_target) as ws:
        assert ws.versions().empty


def test_analyses_append_to_the_log_with_the_os_user(ws_target):
    from geoapp.workspace import os_user

    assert invoke("coverage", "--radius-m", "15000", "-w", ws_target).exit_code == 0
    assert invoke("cluster", "--eps-m", "5000", "-w", ws_target).exit_code == 0
    res = invoke("site", "--lon", "115.03", "--lat", "35.76", "--chain", "氢能", "-w", ws_target)
    assert res.exit_code == 0, res.output
    with open_workspace(ws_target) as ws:
        log = ws.log()
    assert log["command"].tolist() == ["cli:coverage", "cli:cluster", "cli:site"]
    assert set(log["user"]) == {os_user()}
    assert '"radius_m": 15000.0' in log["parameters"].iloc[0]
    assert '"share_count"' in log["result"].iloc[0]


def test_scenarios_list_show_delete(ws_target, shipped):
    with open_workspace(ws_target) as ws:
        sid = ws.save_scenario(
            "选址 1 km",
            analysis="siting",
            parameters={"river_buffer_m": 1000},
            figures={"n_prohibited": 1},
            results={"sites": shipped["projects"].head(3)},
        )
    res = invoke("scenarios", "-w", ws_target)
    assert res.exit_code == 0 and "选址 1 km" in res.output
    res = invoke("scenarios", "show", str(sid), "-w", ws_target)
    assert res.exit_code == 0, res.output
    assert '{"river_buffer_m": 1000}' in res.output and "sites (3)" in res.output
    assert invoke("scenarios", "delete", str(sid), "-w", ws_target).exit_code == 0
    res = invoke("scenarios", "show", str(sid), "-w", ws_target)
    assert res.exit_code == 1 and f"No scenario {sid}" in res.output


def test_default_workspace_comes_from_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "env.gpkg"
    monkeypatch.setenv("GEOAPP_WORKSPACE", str(path))
    hubs = gbk_csv(tmp_path / "h.csv", ["名称", "经度", "纬度"], [["新枢纽", "115.0", "35.8"]])
    assert invoke("import", str(hubs), "-l", "logistics_hubs").exit_code == 0
    with open_workspace(path) as ws:
        assert ws.layers(LayerSet.shipped())["logistics_hubs"]["name"].tolist() == ["新枢纽"]


@pytest.mark.browser
def test_app_passes_the_workspace_to_the_server(tmp_path):
    """`geoapp app --workspace W` serves the app on W: its sidebar names W (a real browser)."""
    import subprocess
    import sys
    import urllib.request

    from playwright.sync_api import sync_playwright
    from test_browser import CHROMIUM, CHROMIUM_ARGS

    from geoapp.app.serve import free_port, wait_healthy
    from geoapp.workspace import describe

    port = free_port()
    target = tmp_path / "团队工作空间.gpkg"
    log = (tmp_path / "app.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "geoapp", "app", "--port", str(port), "--workspace", str(target)],
        stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path, start_new_session=True,
    )  # fmt: skip
    try:
        wait_healthy(f"http://127.0.0.1:{port}", proc, log=tmp_path / "app.log")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/", timeout=90_000)
            # the sidebar names the workspace by its file name, never the server's path
            page.get_by_text(describe(target)).wait_for(timeout=90_000)
            assert str(tmp_path) not in page.content()
            browser.close()
        assert target.exists()  # the server opened (and so created) W
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
    with pytest.raises(OSError):  # stopping `geoapp app` stopped its server: no orphan
        urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5)


@pytest.mark.parametrize("command", ["import", "scenarios", "log"])
def test_new_commands_have_help_with_an_example(command):
    res = invoke(command, "--help")
    assert res.exit_code == 0 and "Example" in res.output and "--workspace" in res.output


HUB_HEADER = ["名称", "经度", "纬度", "类型"]
HUBS = [
    ["枢纽甲", "115.0312345678901", "35.7612345678901", "物流园"],
    ["枢纽乙", "114.98765432109876", "35.912345678901234", "物流港"],
]


def _import_hubs_twice(ws_target, tmp_path):
    """Issue 23: a hub list imported, then imported again with one more hub (version 3)."""
    for i, rows in enumerate((HUBS[:1], HUBS)):
        hubs = gbk_csv(tmp_path / f"枢纽{i}.csv", HUB_HEADER, rows)
        res = invoke("import", str(hubs), "--layer", "logistics_hubs", "-w", ws_target)
        assert res.exit_code == 0, res.output


def _assert_imported_hubs(path):
    back = pyogrio.read_dataframe(path, layer="logistics_hubs")
    assert back.crs.to_epsg() == 4326 and back["name"].tolist() == ["枢纽甲", "枢纽乙"]
    assert back.geometry.x.tolist() == [float(r[1]) for r in HUBS]
    assert back.geometry.y.tolist() == [float(r[2]) for r in HUBS]


def test_gdal_reads_the_imported_hubs_by_layer_name_exactly(ws_target, tmp_path):
    """Import a hub list twice, then read `logistics_hubs` as a GIS client (GDAL) would."""
    from psycopg.conninfo import conninfo_to_dict

    from geoapp.workspace import split_url

    _import_hubs_twice(ws_target, tmp_path)
    source = ws_target
    if ws_target.startswith("postgresql"):
        libpq, schema, _ = split_url(ws_target)
        words = [f"{k}={v}" for k, v in conninfo_to_dict(libpq).items()]
        source = "PG:" + " ".join([*words, f"schemas={schema}"])
    out = tmp_path / "copy.gpkg"
    done = subprocess.run(
        ["ogr2ogr", "-f", "GPKG", str(out), source, "logistics_hubs"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    _assert_imported_hubs(out)


#: Debian's qgis_process wrapper passes --noversioncheck, which QGIS 3.22 does not know.
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


@pytest.mark.slow
def test_qgis_reads_the_imported_hubs_by_layer_name_exactly(ws_target, tmp_path):
    """QGIS (qgis_process, headless) opens `logistics_hubs` by name in either back end."""
    from psycopg.conninfo import conninfo_to_dict

    from geoapp.workspace import split_url

    _import_hubs_twice(ws_target, tmp_path)
    source = f"{ws_target}|layername=logistics_hubs"
    if ws_target.startswith("postgresql"):
        libpq, schema, _ = split_url(ws_target)
        words = [f"{k}='{v}'" for k, v in conninfo_to_dict(libpq).items()]
        table = f'table="{schema}"."logistics_hubs" (geometry)'
        source = "postgres://" + " ".join([*words, "key='fid'", "srid=4326", "type=Point", table])
    out = tmp_path / "qgis.gpkg"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(tmp_path)}
    done = subprocess.run(
        [QGIS_PROCESS, "run", "native:savefeatures", f"--INPUT={source}", f"--OUTPUT={out}",
         "--LAYER_NAME=logistics_hubs"],
        capture_output=True, text=True, timeout=300, check=False, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    _assert_imported_hubs(out)
