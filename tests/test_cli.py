"""The `geoapp` command line, driven with typer's CliRunner; exports read back with ogrinfo."""

from __future__ import annotations

import csv
import functools
import re
import shutil
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from geoapp import cli
from geoapp.layers import catalog, load_layer

runner = CliRunner()
ogrinfo = shutil.which("ogrinfo")


def needs_ogrinfo(test):
    """Fail, never skip, when GDAL's ogrinfo is missing: `./dev test` installs gdal-bin."""

    def run(*args, **kwargs):
        assert ogrinfo, "ogrinfo not found: install gdal-bin (./dev test does)"
        return test(*args, **kwargs)

    return functools.wraps(test)(run)


COMMANDS = ("layers", "export", "cluster", "coverage", "site", "report", "app")


def invoke(*args: str):
    return runner.invoke(cli.app, list(args))


def ogr_summary(target: str, *options: str, layer: str | None = None) -> str:
    which = ["-al"] if layer is None else []
    out = subprocess.run(
        [ogrinfo, "-so", "-ro", *which, *options, target, *([layer] if layer else [])],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def feature_count(summary: str) -> int:
    return int(re.search(r"Feature Count: (\d+)", summary).group(1))


def epsg_of(summary: str) -> int:
    """The CRS's EPSG code: the last top-level ID["EPSG",n] of the layer's WKT."""
    return int(re.findall(r'^\s{0,4}ID\["EPSG",(\d+)\]\]', summary, flags=re.M)[-1])


# --------------------------------------------------------------------------- help


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    res = invoke(command, "--help")
    assert res.exit_code == 0, res.output
    assert "Example" in res.output
    assert f"geoapp {command}" in res.output


def test_top_level_help_lists_the_commands():
    res = invoke("--help")
    assert res.exit_code == 0
    for command in COMMANDS:
        assert command in res.output


def test_python_dash_m_runs_the_cli():
    res = subprocess.run(
        [sys.executable, "-m", "geoapp", "--help"], capture_output=True, text=True, check=False
    )
    assert res.returncode == 0, res.stderr
    assert "report" in res.stdout


def test_help_does_not_load_the_library():
    """`geoapp --help` stays fast: the commands import GeoPandas and the analyses when they run."""
    code = "import sys, geoapp.cli; print(' '.join(sorted(sys.modules)))"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(res.stdout.split())
    heavy = {"pandas", "geopandas", "shapely", "numpy", "streamlit", "geoapp.io", "geoapp.report"}
    assert not heavy & loaded


def test_option_defaults_are_the_settings():
    from geoapp.settings import DEFAULTS

    commands = typer.main.get_command(cli.app).commands
    default = {(c, p.name): p.default for c, cmd in commands.items() for p in cmd.params}
    s = DEFAULTS.suitability
    assert default["suitability", "resolution"] == s.resolution_m
    assert default["suitability", "tile"] == s.tile
    assert default["suitability", "min_area_ha"] == s.min_area_ha
    assert default["suitability", "min_gap_km"] == s.min_gap_km
    assert default["suitability", "regions"] == s.regions
    assert default["cluster", "min_cluster_size"] == DEFAULTS.clustering.min_cluster_size
    assert default["coverage", "time_limit"] == DEFAULTS.placement.time_limit_s
    assert default["app", "port"] == DEFAULTS.app.port
    assert f"{DEFAULTS.limits.max_rows:,}" in invoke("report", "--help").output


# --------------------------------------------------------------------------- layers


def test_layers_lists_every_declared_layer():
    res = invoke("layers")
    assert res.exit_code == 0, res.output
    for name, spec in catalog().items():
        line = next(ln for ln in res.output.splitlines() if ln.startswith(name + " "))
        assert spec.title_zh in line
        assert spec.title_en in line
        assert re.search(rf"\s{len(load_layer(name))}\s", line)
    assert "schematic" in res.output and "approximate" in res.output
    assert "MultiPolygon" in res.output and "Point" in res.output


# --------------------------------------------------------------------------- export


@needs_ogrinfo
@pytest.mark.parametrize(
    ("fmt", "crs", "name", "epsg"),
    [
        ("geojson", "EPSG:4326", "counties.geojson", 4326),
        ("gpkg", "EPSG:4490", "counties.gpkg", 4490),
        ("shp", "EPSG:4547", "counties.zip", 4547),
    ],
)
def test_export_reads_back_with_ogrinfo(tmp_path, fmt, crs, name, epsg):
    res = invoke("export", "counties", "-f", fmt, "--crs", crs, "-o", str(tmp_path / "counties"))
    assert res.exit_code == 0, res.output
    path = tmp_path / name
    assert path.exists()
    target = f"/vsizip/{path}" if fmt == "shp" else str(path)
    summary = ogr_summary(target)
    assert feature_count(summary) == 6
    assert epsg_of(summary) == epsg
    assert "6 features" in res.output


@needs_ogrinfo
def test_export_csv_gcj02_reads_back_with_ogrinfo(tmp_path):
    res = invoke("export", "logistics_hubs", "-f", "csv", "--crs", "gcj02", "-o",
                 str(tmp_path / "hubs.csv"))  # fmt: skip
    assert res.exit_code == 0, res.output
    summary = ogr_summary(
        str(tmp_path / "hubs.csv"), "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat"
    )
    assert feature_count(summary) == len(load_layer("logistics_hubs"))
    assert "Geometry: Point" in summary
    raw = (tmp_path / "hubs.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel


@needs_ogrinfo
def test_export_all_writes_one_geopackage_with_every_layer(tmp_path):
    out = tmp_path / "puyang.gpkg"
    res = invoke("export", "all", "-f", "gpkg", "--crs", "EPSG:4547", "-o", str(out))
    assert res.exit_code == 0, res.output
    listing = subprocess.run([ogrinfo, "-ro", "-so", str(out)], capture_output=True, text=True,
                             check=True).stdout  # fmt: skip
    listed = re.findall(r"^\d+: (\w+) \(", listing, flags=re.M)
    assert sorted(listed) == sorted(catalog())
    assert epsg_of(ogr_summary(str(out), layer="counties")) == 4547


def test_export_all_needs_gpkg_and_unknown_layer_is_a_clear_error(tmp_path):
    res = invoke("export", "all", "-f", "shp", "-o", str(tmp_path / "x"))
    assert res.exit_code != 0
    assert "gpkg" in res.output
    res = invoke("export", "nosuchlayer", "-f", "gpkg", "-o", str(tmp_path / "x"))
    assert res.exit_code == 1
    assert "nosuchlayer" in res.output and "counties" in res.output
    assert "Traceback" not in res.output
    res = invoke("export", "counties", "-f", "geojson", "--crs", "EPSG:4547", "-o",
                 str(tmp_path / "c"))  # fmt: skip
    assert res.exit_code == 1
    assert "RFC 7946" in res.output


# --------------------------------------------------------------------------- cluster, coverage


def test_cluster_prints_table_and_writes_labelled_sites(tmp_path):
    out = tmp_path / "clusters.csv"
    res = invoke("cluster", "--eps-m", "5000", "--min-samples", "3", "-o", str(out))
    assert res.exit_code == 0, res.output
    assert "cluster_label" in res.output and "C1" in res.output
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(load_layer("projects"))
    assert {"cluster", "cluster_label", "lon", "lat"} <= set(rows[0])


def test_cluster_by_chain():
    res = invoke("cluster", "--chain", "氢能", "--eps-m", "8000", "--min-samples", "2")
    assert res.exit_code == 0, res.output
    assert "氢能" in res.output


def test_cluster_filters_by_cluster_stage_and_county(tmp_path):
    out = tmp_path / "c.csv"
    res = invoke("cluster", "--cluster", "新材料", "--stage", "在建", "--stage", "投产",
                 "--eps-m", "8000", "--min-samples", "2", "-o", str(out))  # fmt: skip
    assert res.exit_code == 0, res.output
    projects = load_layer("projects")
    expected = projects[projects["cluster"].eq("新材料") & projects["stage"].isin(["在建", "投产"])]
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["id"] for r in rows) == sorted(expected["id"])
    res = invoke("cluster", "--stage", "谋划", "--county", "台前县")
    assert res.exit_code == 1 and "no project matches" in res.output


def test_coverage_prints_overall_and_county_table(tmp_path):
    out = tmp_path / "uncovered.geojson"
    res = invoke("coverage", "--facilities", "logistics_hubs", "--radius-m", "15000", "-o",
                 str(out))  # fmt: skip
    assert res.exit_code == 0, res.output
    assert re.search(r"\d+ of \d+ sites covered \(\d+\.\d %", res.output)
    assert "濮阳县" in res.output
    assert out.exists()


def test_coverage_mclp_prints_chosen_facilities():
    res = invoke("coverage", "--facilities", "logistics_hubs", "--add", "2", "--model", "mclp")
    assert res.exit_code == 0, res.output
    assert "MCLP" in res.output and "2 new facilities" in res.output
    table = res.output.split("2 new facilities", 1)[1]
    assert len(re.findall(r"zone_centroids\s+\d+\s+1\d\d\.\d+\s+3\d\.\d+", table)) == 2


def test_coverage_placement_prints_how_good_the_solution_is():
    res = invoke("coverage", "--model", "lscp", "--radius-m", "6000", "--candidates", "grid")
    assert res.exit_code == 0, res.output
    assert "Solution: optimal (proven) / 最优解（已证明）" in res.output
    # 1 ms is far too short to prove anything: the best solution found and its gap are printed
    res = invoke("coverage", "--model", "lscp", "--radius-m", "6000", "--candidates", "grid",
                 "--time-limit", "0.001", "--gap", "0")  # fmt: skip
    assert res.exit_code == 0, res.output
    line = next(x for x in res.output.splitlines() if x.startswith("Solution:"))
    assert "0.001 s time limit" in line and "0.001 秒时间上限" in line
    assert re.search(r"within \d+\.\d % of the best possible \(at most \d+ more", line), line
    assert re.search(r"LSCP \(grid, \d+ candidates\): \d+ new facilities; covered [\d.]+ % -> "
                     r"100\.0 %", res.output)  # fmt: skip


def test_coverage_lscp_infeasible_prints_minimum_radius_and_exits_1():
    res = invoke("coverage", "--model", "lscp", "--radius-m", "500")
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    need = int(re.search(r"minimum radius (\d+) m", res.output).group(1))
    assert need > 500
    # ... and that radius is indeed feasible.
    ok = invoke("coverage", "--model", "lscp", "--radius-m", str(need))
    assert ok.exit_code == 0, ok.output
    assert "LSCP" in ok.output


def test_app_fails_cleanly_without_its_entry_point(monkeypatch, tmp_path):
    import geoapp.settings

    monkeypatch.setattr(geoapp.settings, "APP_MAIN", tmp_path / "main.py")
    res = invoke("app", "--port", "8599")
    assert res.exit_code == 1
    assert "main.py does not exist" in res.output


# --------------------------------------------------------------------------- site


def test_site_prints_criteria_and_verdict():
    res = invoke("site", "--lon", "115.03", "--lat", "35.76", "--chain", "氢能", "--name", "测试点")
    assert res.exit_code == 0, res.output
    assert "测试点" in res.output
    assert "hub_access" in res.output and "weight" in res.output
    assert re.search(r"Verdict: (recommended|feasible|not_advised|prohibited) \(", res.output)


def test_site_near_river_is_prohibited_for_a_chemical_chain():
    lon, lat = point_near_river(500.0)
    res = invoke("site", "--lon", f"{lon:.7f}", "--lat", f"{lat:.7f}", "--chain", "聚碳新材料")
    assert res.exit_code == 0, res.output
    assert "Verdict: prohibited" in res.output
    assert "yellow_river_chemical" in res.output and "黄河保护法" in res.output


def test_site_gcj02_is_converted():
    wgs = invoke("site", "--lon", "115.03", "--lat", "35.76", "--chain", "氢能")
    gcj = invoke("site", "--lon", "115.03", "--lat", "35.76", "--chain", "氢能", "--datum", "gcj02")
    assert gcj.exit_code == 0, gcj.output
    first = lambda out: out.splitlines()[0]  # noqa: E731 - the position line
    assert first(wgs.output) != first(gcj.output)
    assert "115.03000" in first(wgs.output)


# --------------------------------------------------------------------------- report

SUMMARY_HEADER = [
    "row", "name", "lon", "lat", "county", "zone", "chain", "score", "verdict", "violations",
    "nearest_hub", "hub_distance_km", "nearest_station", "station_distance_km",
    "same_chain_nearby", "duplicate_of",
]  # fmt: skip
CHEMICAL = "聚碳化工新材料项目"
SCRIPT = "<script>alert(1)</script>"


def point_near_river(offset_m: float, fraction: float = 0.35) -> tuple[float, float]:
    """A lon/lat ``offset_m`` metres from the Yellow River line, on the city's side."""
    import geopandas as gpd
    import numpy as np
    from shapely.geometry import Point

    line = load_layer("yellow_river").to_crs(4547).geometry.union_all()
    city = load_layer("city").to_crs(4547).geometry.iloc[0]
    at = line.interpolate(fraction, normalized=True)
    ahead = line.interpolate(min(fraction + 0.001, 1.0), normalized=True)
    tx, ty = ahead.x - at.x, ahead.y - at.y
    nx, ny = -ty / np.hypot(tx, ty), tx / np.hypot(tx, ty)  # unit normal
    for sign in (1, -1):
        p = Point(at.x + sign * offset_m * nx, at.y + sign * offset_m * ny)
        if city.contains(p) and abs(line.distance(p) - offset_m) < 50:
            ll = gpd.GeoSeries([p], crs=4547).to_crs(4326).iloc[0]
            return ll.x, ll.y
    raise AssertionError("no point inside the city at that offset")  # pragma: no cover


def write_gbk_csv(path, rows):
    header = ["名称", "经度", "纬度", "产业链", "投资额(亿元)"]
    text = "\r\n".join(",".join(r) for r in [header, *rows]) + "\r\n"
    path.write_bytes(text.encode("gbk"))
    return path


@pytest.fixture(scope="module")
def candidates_csv(tmp_path_factory):
    lon, lat = point_near_river(500.0)
    rows = [
        [CHEMICAL, f"{lon:.7f}", f"{lat:.7f}", "聚碳新材料", "12.5"],  # row 2: prohibited
        [SCRIPT, "115.03", "35.76", "氢能", "3"],  # row 3
        ["缺经度项目", "", "35.70", "氢能", "1"],  # row 4: missing longitude
        ["氢能装备制造园", "115.10", "35.70", "氢能", "5"],  # row 5
        ["坏坐标项目", "abc", "35.70", "氢能", "1"],  # row 6: not a number
        ["郑州项目", "113.62", "34.75", "氢能", "1"],  # row 7: in Zhengzhou
        ["颠倒项目", "35.76", "115.03", "氢能", "1"],  # row 8: lat/lon swapped
        ["南乐生物基材料", "115.20", "36.07", "生物降解材料", "2"],  # row 9
    ]
    return write_gbk_csv(tmp_path_factory.mktemp("in") / "候选地块.csv", rows)


@pytest.fixture(scope="module")
def cli_report(candidates_csv, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "report"
    res = invoke("report", str(candidates_csv), "-o", str(out))
    return res, out


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM for Excel"
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


@pytest.mark.slow
def test_report_exit_code_and_files(cli_report):
    res, out = cli_report
    assert res.exit_code == 0, res.output
    assert "Evaluated 4 sites" in res.output and "4 rows could not be evaluated" in res.output
    for name in ("index.html", "summary.csv", "results.geojson", "errors.csv"):
        assert (out / name).is_file(), name
    pages = sorted(p.name for p in (out / "sites").glob("*.html"))
    assert pages == ["002.html", "003.html", "005.html", "009.html"]
    assert not list((out / "sites").glob("*.pdf"))


def test_report_summary_columns_rows_and_ranking(cli_report):
    _, out = cli_report
    raw = (out / "summary.csv").read_bytes().decode("utf-8-sig")
    assert raw.splitlines()[0].split(",") == SUMMARY_HEADER
    rows = read_csv(out / "summary.csv")
    assert sorted(r["name"] for r in rows) == sorted(
        [CHEMICAL, SCRIPT, "氢能装备制造园", "南乐生物基材料"]
    )
    scores = [float(r["score"]) for r in rows if r["verdict"] != "prohibited"]
    assert scores == sorted(scores, reverse=True)
    assert rows[-1]["name"] == CHEMICAL  # prohibited last


def test_report_chemical_near_river_is_prohibited_with_rule_named(cli_report):
    _, out = cli_report
    chem = next(r for r in read_csv(out / "summary.csv") if r["name"] == CHEMICAL)
    assert chem["verdict"] == "prohibited"
    assert chem["chain"] == "聚碳新材料"
    assert chem["county"] in {"范县", "台前县", "濮阳县"}
    assert "yellow_river_chemical" in chem["violations"]
    assert "黄河保护法" in chem["violations"] and "第二十六条" in chem["violations"]
    others = [r for r in read_csv(out / "summary.csv") if r["name"] != CHEMICAL]
    assert all(r["violations"] == "" for r in others)


def test_report_errors_list_each_bad_row(cli_report):
    _, out = cli_report
    errors = {int(r["row"]): r for r in read_csv(out / "errors.csv")}
    assert sorted(errors) == [4, 6, 7, 8]
    assert "missing" in errors[4]["reason"]
    assert "non-numeric" in errors[6]["reason"] and errors[6]["value"] == "abc"
    assert "outside" in errors[7]["reason"]
    assert "swapped" in errors[8]["reason"]
    assert "郑州项目" in errors[7]["values"]


def test_report_html_escapes_user_text(cli_report):
    _, out = cli_report
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<script" not in index
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index
    assert 'href="sites/003.html"' in index
    assert "data:image/png;base64," in index  # the embedded overview map
    assert "schematic" in index  # the data-quality note
    page = (out / "sites" / "003.html").read_text(encoding="utf-8")
    assert "<script" not in page and "&lt;script&gt;" in page
    chem = (out / "sites" / "002.html").read_text(encoding="utf-8")
    assert CHEMICAL in chem and "黄河保护法" in chem and "data:image/png;base64," in chem


def test_report_geojson_has_the_evaluated_points(cli_report):
    import json

    _, out = cli_report
    doc = json.loads((out / "results.geojson").read_text(encoding="utf-8"))
    assert len(doc["features"]) == 4
    props = doc["features"][0]["properties"]
    assert set(SUMMARY_HEADER) <= set(props)
    assert doc["features"][0]["geometry"]["type"] == "Point"


@pytest.mark.slow
def test_report_pdf_contains_the_chinese_name(tmp_path):
    assert shutil.which("pdftotext"), "pdftotext not found: install poppler-utils (./dev test does)"
    src = write_gbk_csv(tmp_path / "two.csv", [["濮阳氢能示范园", "115.03", "35.76", "氢能", "3"]])
    out = tmp_path / "pdf-report"
    res = invoke("report", str(src), "-o", str(out), "--pdf")
    assert res.exit_code == 0, res.output
    pdf = out / "sites" / "002.pdf"
    assert pdf.is_file()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "濮阳氢能示范园" in text
    assert "数据说明" in text
    assert 'href="sites/002.pdf"' in (out / "index.html").read_text(encoding="utf-8")


def test_report_all_rows_bad_exits_nonzero_and_keeps_existing_dir(tmp_path):
    src = write_gbk_csv(
        tmp_path / "bad.csv",
        [["缺经度", "", "35.7", "氢能", "1"], ["郑州", "113.62", "34.75", "氢能", "1"]],
    )
    out = tmp_path / "report"
    out.mkdir()
    (out / ".geoapp-report").write_text("")  # an earlier report: may be replaced
    (out / "keep.txt").write_text("previous report")
    res = invoke("report", str(src), "-o", str(out))
    assert res.exit_code == 1
    assert "No row of bad.csv could be evaluated" in res.output
    assert "row 2" in res.output and "row 3" in res.output
    assert "Traceback" not in res.output
    assert (out / "keep.txt").read_text() == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "report"]


def test_report_missing_file_is_a_usage_error(tmp_path):
    res = invoke("report", str(tmp_path / "nope.csv"), "-o", str(tmp_path / "out"))
    assert res.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_position_dependent_commands_say_how_many_inputs_are_schematic():
    """site, coverage and cluster name the schematic count of what they used (counted here)."""

    def schematic(name: str) -> tuple[int, int]:
        gdf = load_layer(name)
        return int(gdf["location_quality"].eq("schematic").sum()), len(gdf)

    used = {
        "site": ("zones", "logistics_hubs", "monitoring_stations", "projects"),
        "coverage": ("projects", "logistics_hubs"),
        "cluster": ("projects",),
    }
    args = {"site": ("--lon", "115.08", "--lat", "35.70", "--chain", "氢能")}
    for command, names in used.items():
        res = invoke(command, *args.get(command, ()))
        assert res.exit_code == 0, res.output
        k = sum(schematic(n)[0] for n in names)
        n = sum(schematic(n)[1] for n in names)
        assert f"Note: {k} of the {n} features used have schematic positions" in res.output
