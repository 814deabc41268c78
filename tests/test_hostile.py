"""Bad and hostile input (issue 13): every input is built here, in tmp_path; nothing is copied.

One section per class: output paths, the text policy, bounded work, failing safe on the
law, files planners really send, edge geometry.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import zipfile
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import pytest
import shapely
from typer.testing import CliRunner

from geoapp import cli
from geoapp.errors import InputFileError, OutputPathError
from geoapp.geo import to_metric
from geoapp.io import (
    REPORT_MARKER,
    check_report_dir,
    clean_stale,
    csv_bytes,
    read_user_layer,
    terminal_text,
    xlsx_bytes,
)
from geoapp.layers import LayerSet
from geoapp.settings import DEFAULT_LIMITS, DEFAULT_SITING
from geoapp.vocab import match_chains, normalise_chain

runner = CliRunner()
HUALONG = (115.03, 35.76)
PUYANG_XIAN = (115.03, 35.71)
FAN_XIAN = (115.50, 35.85)


def invoke(*args: str):
    return runner.invoke(cli.app, [str(a) for a in args])


def write_csv(
    path: Path, rows: list[list[object]], header=("名称", "经度", "纬度", "产业链")
) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


@pytest.fixture(scope="module")
def river_m():
    return to_metric(LayerSet.shipped()["yellow_river"]).union_all()


@pytest.fixture(scope="module")
def city_m():
    return to_metric(LayerSet.shipped()["city"]).union_all()


def point_at(river_m, city_m, distance: float) -> tuple[float, float]:
    """A WGS-84 point inside the city about ``distance`` m from the river (exact value differs)."""
    band = city_m.intersection(river_m.buffer(3000)).difference(river_m.buffer(2000))
    c = band.representative_point()
    q = shapely.ops.nearest_points(river_m, c)[0]
    v = np.array([c.x - q.x, c.y - q.y])
    p = np.array([q.x, q.y]) + v / np.linalg.norm(v) * distance
    ll = gpd.GeoSeries([shapely.Point(p)], crs=4547).to_crs(4326).iloc[0]
    return ll.x, ll.y


# --------------------------------------------------------------------------- 1. output paths


@pytest.fixture()
def cands(tmp_path):
    return write_csv(tmp_path / "cands.csv", [["甲", *HUALONG, "氢能"], ["乙", *FAN_XIAN, "氢能"]])


def test_report_refuses_a_folder_of_user_files_and_leaves_it(tmp_path, cands):
    docs = tmp_path / "我的文档"
    (docs / "子目录").mkdir(parents=True)
    (docs / "合同.docx").write_bytes(b"contract")
    (docs / "子目录" / "照片.jpg").write_bytes(b"photo")
    res = invoke("report", cands, "-o", docs)
    assert res.exit_code == 2
    assert "not an earlier report" in res.output and "合同.docx" in res.output
    assert (docs / "合同.docx").read_bytes() == b"contract"
    assert (docs / "子目录" / "照片.jpg").read_bytes() == b"photo"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cands.csv", "我的文档"]


@pytest.mark.parametrize("target", ["precious.txt", "cands.csv"])
def test_report_refuses_an_existing_file_or_the_input(tmp_path, cands, target):
    path = tmp_path / target
    if not path.exists():
        path.write_text("keep me")
    before = path.read_bytes()
    res = invoke("report", cands, "-o", path)
    assert res.exit_code == 2
    assert "Traceback" not in res.output and len(res.output.strip().splitlines()) == 1
    assert path.read_bytes() == before
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())


def test_report_refuses_the_current_folder(tmp_path, cands, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for target in (".", str(tmp_path), ".."):
        res = invoke("report", cands, "-o", target)
        assert res.exit_code == 2, target
        assert "Error: -o" in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cands.csv"]


@pytest.mark.slow
def test_report_replaces_an_earlier_report_or_an_empty_folder(tmp_path, cands):
    out = tmp_path / "rep"
    assert invoke("report", cands, "-o", out).exit_code == 0
    assert (out / REPORT_MARKER).exists()
    (out / "stale.txt").write_text("from the earlier report")
    assert invoke("report", cands, "-o", out).exit_code == 0
    assert not (out / "stale.txt").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert invoke("report", cands, "-o", empty).exit_code == 0
    assert (empty / "index.html").exists()


def test_report_output_under_a_file_is_one_line(tmp_path, cands):
    (tmp_path / "afile").write_text("x")
    res = invoke("report", cands, "-o", tmp_path / "afile" / "rep")
    assert res.exit_code == 2
    assert "is a file, not a folder" in res.output and "Traceback" not in res.output


def test_read_only_parent_is_refused_in_one_line(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(ro, os.W_OK):  # root can write anyway: then the folder is usable
            assert check_report_dir(ro / "rep") == ro / "rep"
        else:
            with pytest.raises(OutputPathError, match=r"read-only.*Choose a folder"):
                check_report_dir(ro / "rep")
    finally:
        ro.chmod(stat.S_IRWXU)


@pytest.mark.slow
def test_leftovers_of_a_killed_run_are_removed(tmp_path, cands):
    dead = 2**22 + 12345  # above the default pid_max: no such process
    (tmp_path / f".rep.geoapp-tmp-{dead}-abcd").mkdir()
    (tmp_path / f".rep.geoapp-tmp-{os.getpid()}-live").mkdir()  # a live run: kept
    (tmp_path / ".rep.k3j4h5g6").mkdir()  # older versions' names
    (tmp_path / ".rep.old").mkdir()
    (tmp_path / ".out.a1b2c3d4.gpkg-journal").write_bytes(b"")
    (tmp_path / ".rep.notes").write_text("a user's hidden file: not ours")
    assert invoke("report", cands, "-o", tmp_path / "rep").exit_code == 0
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    assert left == sorted(
        [".out.a1b2c3d4.gpkg-journal", ".rep.notes", f".rep.geoapp-tmp-{os.getpid()}-live"]
    )
    removed = clean_stale(tmp_path, "out.gpkg")
    assert [p.name for p in removed] == [".out.a1b2c3d4.gpkg-journal"]


def test_export_output_errors_are_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    for target in ("folder", "."):
        res = invoke("export", "counties", "-f", "csv", "-o", target)
        assert res.exit_code == 2, res.output
        assert res.output.startswith("Error: -o") and len(res.output.strip().splitlines()) == 1
    assert invoke("export", "counties", "-f", "csv", "-o", "c.csv").exit_code == 0
    assert invoke("export", "counties", "-f", "csv", "-o", "c.csv").exit_code == 0  # replaced


# --------------------------------------------------------------------------- 2. text policy

FORMULAS = ["-2+3", '=HYPERLINK("http://x","y")', "@SUM(A1)", "\tlead", "\rcr", "+1+1"]


def test_one_csv_writer_neutralises_formulas_and_keeps_numbers():
    frame = pd.DataFrame({"text": [*FORMULAS, "-3.5", "普通"], "n": [-1.5] * 8})
    raw = csv_bytes(frame)
    assert raw.startswith(b"\xef\xbb\xbf")
    got = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [r[0] for r in got[1:]] == ["'" + f for f in FORMULAS] + ["-3.5", "普通"]
    assert {r[1] for r in got[1:]} == {"-1.5"}


def test_export_and_app_downloads_neutralise_formulas(tmp_path):
    from geoapp.app.presentation import planner_csv
    from geoapp.io import export_layer, to_bytes

    gdf = gpd.GeoDataFrame(
        {"name": FORMULAS, "v": range(6)}, geometry=gpd.points_from_xy([115.0] * 6, [35.7] * 6),
        crs=4326,
    )  # fmt: skip
    res = export_layer(gdf, tmp_path / "x.csv", fmt="csv")
    back = pd.read_csv(res.path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert back["name"].tolist() == ["'" + f for f in FORMULAS]
    data, _, _ = to_bytes(gdf, fmt="csv")  # what the export offers
    assert (
        pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str)["name"]
        .str.startswith("'")
        .all()
    )
    # what every CSV download button of the app serves (the planner's titled table)
    for lang in ("zh", "en"):
        raw = planner_csv(gdf, lang=lang)
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert [r[0] for r in rows[1:]] == ["'" + f for f in FORMULAS]
        assert [r[1] for r in rows[1:]] == [str(i) for i in range(6)]  # numbers stay numbers


def test_xlsx_writer_neutralises_formulas():
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(pd.DataFrame({"a": ["=1+1", "x", 3]}))))
    cells = [c.value for c in wb.active["A"]][1:]
    assert cells == ["'=1+1", "x", 3]
    assert all(c.data_type != "f" for c in wb.active["A"])


def test_terminal_text_strips_every_control_sequence():
    hostile = (
        "甲\x1b]0;owned\x07乙\x1b]52;c;ZXZpbA==\x07丙\x1b[31m丁\x1b[0m\x9b2J戊\x1bP+q\x1b\\己"
        "\x07\x08\x7f\x85\r庚"
    )
    assert terminal_text(hostile) == "甲乙丙丁戊己庚"
    assert terminal_text("tab\tand\nnewline") == "tab\tand\nnewline"


@pytest.mark.slow
def test_cli_prints_no_control_sequences_from_user_text(tmp_path):
    src = write_csv(
        tmp_path / "e.csv", [["x\x1b]52;c;ZXZpbA==\x07y\x1b]0;t\x07", *HUALONG, "氢能"]]
    )
    res = invoke("report", src, "-o", tmp_path / "rep")
    assert res.exit_code == 0
    assert "\x1b" not in res.output and "\x07" not in res.output
    assert "xy" in res.output


# --------------------------------------------------------------------------- 3. bounded work


def test_row_limit_names_the_option(tmp_path):
    src = write_csv(tmp_path / "many.csv", [["a", *HUALONG, ""]] * 50)
    with pytest.raises(InputFileError, match=r"50 data rows.*limit of 10.*--max-rows"):
        read_user_layer(src, limits=replace(DEFAULT_LIMITS, max_rows=10))
    res = invoke("report", src, "-o", tmp_path / "r", "--max-rows", "10")
    assert res.exit_code == 1 and "--max-rows" in res.output


def test_zip_bomb_and_xlsx_expansion_are_refused_before_inflating(tmp_path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.csv", b"lon,lat\n" + b"0" * (8 * 1024 * 1024))
    with pytest.raises(InputFileError, match="zip bomb"):
        read_user_layer(bomb)
    book = tmp_path / "b.xlsx"
    book.write_bytes(xlsx_bytes(pd.DataFrame({"经度": [HUALONG[0]], "纬度": [HUALONG[1]]})))
    expanded = sum(i.file_size for i in zipfile.ZipFile(book).infolist())
    with pytest.raises(InputFileError, match=rf"expands to {expanded:,} bytes.*workbook"):
        read_user_layer(book, limits=replace(DEFAULT_LIMITS, max_expanded_bytes=expanded - 1))
    assert len(read_user_layer(book).gdf) == 1


@pytest.mark.slow
def test_long_cells_are_rejected_by_row_and_long_names_shortened_on_pages(tmp_path):
    from geoapp.report import build_report

    long_name = "长" * 600
    src = write_csv(
        tmp_path / "l.csv",
        [
            [long_name, *HUALONG, "氢能"],
            ["x" * 50, *FAN_XIAN, "氢能"],
            ["短", *PUYANG_XIAN, "氢能"],
        ],
    )
    res = build_report(
        src,
        tmp_path / "rep",
        layers=LayerSet.shipped(),
        limits=replace(DEFAULT_LIMITS, max_cell_chars=100),
    )
    assert res.errors["row"].tolist() == [2]
    assert res.errors["reason"].iloc[0].startswith("文本过长")
    res = build_report(src, tmp_path / "rep2", layers=LayerSet.shipped())
    page = next(p for p in res.pages if p.stem == "002").read_text(encoding="utf-8")
    assert long_name not in page and "长" * 79 + "…" in page
    summary = pd.read_csv(tmp_path / "rep2" / "summary.csv", encoding="utf-8-sig")
    assert long_name in summary["name"].tolist()  # the CSV keeps the full text


@pytest.mark.slow
def test_pages_are_capped_while_every_site_is_evaluated(tmp_path):
    from geoapp.report import build_report

    rows = [[f"s{i}", *HUALONG, "氢能"] for i in range(5)]
    src = write_csv(tmp_path / "five.csv", rows)
    res = build_report(
        src,
        tmp_path / "rep",
        layers=LayerSet.shipped(),
        limits=replace(DEFAULT_LIMITS, max_pages=2),
    )
    assert len(res.pages) == 2 and res.n_evaluated == 5
    assert len(list((tmp_path / "rep" / "sites").glob("*.html"))) == 2
    assert len(json.loads((tmp_path / "rep" / "results.geojson").read_text())["features"]) == 5
    assert any("--max-pages" in w for w in res.warnings)
    index = (tmp_path / "rep" / "index.html").read_text(encoding="utf-8")
    assert index.count('href="sites/') == 4  # two rows, two links each


# ----------------------------------------------------------------------- 4. fail safe on the law


def test_chain_names_are_normalised_and_matched_with_suggestions():
    got = match_chains(
        ["聚 碳新材料", "聚碳\u3000新材料", "PC新材料", "ＰＣ新材料", "電子化學品", "高端聚稀烃",
         "綠色塗料", "", None, "PCB板"]
    )  # fmt: skip
    assert got["chain"].tolist()[:4] == ["聚碳新材料"] * 4
    assert got["known"].tolist() == [True] * 4 + [False, False, True, False, False, False]
    assert got["chain"].iloc[4] == "电子化学品" and got["chain"].iloc[6] == "绿色涂料"
    assert got["suggestion"].iloc[5] == "高端聚烯烃"
    assert normalise_chain(["PCB板"]).iloc[0] == "PCB板"  # not an alias inside a word


def test_misspelt_chain_beside_the_river_is_never_better_than_needs_review(river_m, city_m):
    from geoapp.siting import evaluate_sites

    lon, lat = point_at(river_m, city_m, 500.0)
    chains = ["高端聚稀烃", "電子化學品", "聚 碳新材料", "聚碳\u3000新材料", "PC新材料", None,
              "面包",
              "光伏及风电"]  # fmt: skip
    sites = gpd.GeoDataFrame(
        {"name": [f"s{i}" for i in range(len(chains))], "chain": chains},
        geometry=gpd.points_from_xy([lon] * len(chains), [lat] * len(chains)), crs=4326,
    )  # fmt: skip
    got = evaluate_sites(sites, layers=LayerSet.shipped())
    d = river_m.distance(to_metric(sites.geometry.iloc[:1]).iloc[0])
    assert d < DEFAULT_SITING.river_buffer_m
    expected = ["needs_review"] + ["prohibited"] * 4 + ["needs_review"] * 2
    assert got["verdict"].tolist()[:7] == expected
    assert got["verdict"].iloc[7] != "needs_review"  # a known non-chemical chain is decided
    assert (
        got["review_text"].iloc[0].startswith("待核实")
        and "yellow_river_chemical" in got["review_text"].iloc[0]
    )


def test_unknown_chain_inside_a_user_constraint_needs_review():
    from geoapp.siting import evaluate_sites

    site = gpd.GeoDataFrame(
        {"name": ["a", "b"], "chain": ["未知产业", "聚碳新材料"]},
        geometry=gpd.points_from_xy([FAN_XIAN[0]] * 2, [FAN_XIAN[1]] * 2), crs=4326,
    )  # fmt: skip
    red = gpd.GeoDataFrame(
        {"name": ["生态保护红线"], "applies_to": ["chemical"]},
        geometry=[shapely.Point(FAN_XIAN).buffer(0.01)], crs=4326,
    )  # fmt: skip
    got = evaluate_sites(site, layers=LayerSet.shipped().with_constraints(red))
    assert got["verdict"].tolist() == ["needs_review", "prohibited"]


@pytest.mark.slow
def test_report_and_cli_show_needs_review(tmp_path, river_m, city_m):
    lon, lat = point_at(river_m, city_m, 500.0)
    src = write_csv(tmp_path / "n.csv", [["近河", lon, lat, "高端聚稀烃"]])
    res = invoke("report", src, "-o", tmp_path / "rep")
    assert res.exit_code == 0 and "needs_review 1" in res.output
    assert "高端聚烯烃" in res.output  # the suggestion
    summary = pd.read_csv(tmp_path / "rep" / "summary.csv", encoding="utf-8-sig")
    assert summary["verdict"].tolist() == ["needs_review"]
    assert "yellow_river_chemical" in summary["violations"].iloc[0]
    assert "待核实" in (tmp_path / "rep" / "index.html").read_text(encoding="utf-8")
    res = invoke("site", "--lon", lon, "--lat", lat, "--chain", "電子化學品")
    assert res.exit_code == 0 and "Verdict: prohibited" in res.output


# --------------------------------------------------------------------------- 5. files planners send


def test_full_width_comma_tsv_and_unit_headers_load(tmp_path):
    p = tmp_path / "fw.csv"
    p.write_text("名称，经度(°E)，纬度(°N)\n甲，115.03，35.76\n", encoding="utf-8")
    assert len(read_user_layer(p).gdf) == 1
    p = tmp_path / "t.tsv"
    p.write_text("name\tLongitude (WGS84)\tLatitude (WGS84)\na\t115.03\t35.76\n", encoding="utf-8")
    assert len(read_user_layer(p).gdf) == 1


def test_dms_and_decimal_commas(tmp_path):
    p = tmp_path / "dms.csv"
    p.write_text(
        "名称,经度,纬度\n"
        "a,115°01'48\",35°45'36\"\n"
        "b,115度01分48秒,35度45分36秒\n"
        "c,E115°01.8',35°45.6'N\n",
        encoding="utf-8",
    )
    got = read_user_layer(p).gdf
    expected = (115 + 1 / 60 + 48 / 3600, 35 + 45 / 60 + 36 / 3600)
    np.testing.assert_allclose(shapely.get_coordinates(got.geometry.values), [expected] * 3)
    p = tmp_path / "semi.csv"
    p.write_text("名称;经度;纬度\na;115,03;35,76\n", encoding="utf-8")
    np.testing.assert_allclose(
        shapely.get_coordinates(read_user_layer(p).gdf.geometry.values), [HUALONG]
    )


def test_xlsx_data_sheet_merged_header_and_total_row(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "填表说明"
    ws.append(["请在第二个表中填写候选地块"])
    data = wb.create_sheet("候选地块")
    data.append(["2026年候选地块汇总表"])
    data.merge_cells("A1:D1")
    data.append(["序号", "名称", "坐标", None])
    data.merge_cells("C2:D2")
    data.append([None, None, "经度", "纬度"])
    data.append([1, "甲", HUALONG[0], HUALONG[1]])
    data.append([2, "乙", FAN_XIAN[0], FAN_XIAN[1]])
    data.append(["合计", "2个", None, None])
    path = tmp_path / "表.xlsx"
    wb.save(path)
    res = read_user_layer(path)
    assert res.gdf["名称"].tolist() == ["甲", "乙"]
    assert res.gdf["source_row"].tolist() == [4, 5]  # the Excel row numbers
    assert res.rejected["row"].tolist() == [6]
    assert res.rejected["reason"].iloc[0].startswith("合计行")
    assert any("候选地块" in w and "填表说明" in w for w in res.warnings)


def test_renamed_files_say_what_they_are(tmp_path):
    pdf = tmp_path / "a.csv"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    with pytest.raises(InputFileError, match="really a PDF document"):
        read_user_layer(pdf)
    x = tmp_path / "b.csv"
    x.write_bytes(xlsx_bytes(pd.DataFrame({"经度": [1.0]})))
    with pytest.raises(InputFileError, match=r"really an Excel \.xlsx workbook.*b\.xlsx"):
        read_user_layer(x)
    t = tmp_path / "c.xlsx"
    t.write_text("经度,纬度\n115.03,35.76\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"text file.*c\.csv"):
        read_user_layer(t)


def test_zip_symlink_member_and_lying_header_and_missing_shx(tmp_path):
    z = tmp_path / "link.zip"
    with zipfile.ZipFile(z, "w") as zf:
        info = zipfile.ZipInfo("data.csv")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(InputFileError, match="symbolic link"):
        read_user_layer(z)
    # a header that lies: the stored size says 10 bytes, the stream holds more
    good = tmp_path / "g.zip"
    with zipfile.ZipFile(good, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a.csv", "经度,纬度\n115.03,35.76\n" * 20)
    raw = bytearray(good.read_bytes())
    cd = raw.rfind(b"PK\x01\x02")
    raw[cd + 24 : cd + 28] = (10).to_bytes(4, "little")  # uncompressed size in the directory
    lying = tmp_path / "lying.zip"
    lying.write_bytes(bytes(raw))
    with pytest.raises(InputFileError):
        read_user_layer(lying)
    # a zipped Shapefile without .shx
    shp_dir = tmp_path / "shp"
    shp_dir.mkdir()
    gpd.GeoDataFrame({"a": [1]}, geometry=[shapely.Point(HUALONG)], crs=4326).to_file(
        shp_dir / "p.shp"
    )
    noshx = tmp_path / "noshx.zip"
    with zipfile.ZipFile(noshx, "w") as zf:
        for part in shp_dir.iterdir():
            if part.suffix != ".shx":
                zf.write(part, part.name)
    with pytest.raises(InputFileError, match=r"no \.shx"):
        read_user_layer(noshx)
    res = invoke("report", noshx, "-o", tmp_path / "rep")
    assert res.exit_code == 1 and "Traceback" not in res.output


def test_lat_lon_geojson_is_detected_and_fixed(tmp_path):
    doc = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"name": "a"},
             "geometry": {"type": "Point", "coordinates": [HUALONG[1], HUALONG[0]]}},
        ],
    }  # fmt: skip
    p = tmp_path / "latlon.geojson"
    p.write_text(json.dumps(doc), encoding="utf-8")
    res = read_user_layer(p)
    assert len(res.gdf) == 0 and res.rejected["reason"].iloc[0].startswith("经纬度颠倒")
    fixed = read_user_layer(p, fix_swapped=True)
    assert (fixed.gdf.geometry.iloc[0].x, fixed.gdf.geometry.iloc[0].y) == pytest.approx(HUALONG)
    assert fixed.gdf["coord_fixed"].notna().all()


@pytest.mark.slow
def test_layer_option_on_the_cli(tmp_path):
    gpkg = tmp_path / "two.gpkg"
    pts = gpd.GeoDataFrame({"名称": ["甲"]}, geometry=[shapely.Point(HUALONG)], crs=4326)
    pts.to_file(gpkg, layer="一", driver="GPKG")
    pts.to_file(gpkg, layer="二", driver="GPKG", mode="a")
    res = invoke("report", gpkg, "-o", tmp_path / "r1")
    assert res.exit_code == 1 and "--layer" in res.output
    assert invoke("report", gpkg, "-o", tmp_path / "r2", "--layer", "二").exit_code == 0


def test_unbalanced_quote_is_reported_by_line(tmp_path):
    p = tmp_path / "q.csv"
    p.write_text(
        '名称,经度,纬度\n甲,115.03,35.76\n"乙,115.5,35.85\n丙,115.03,35.71\n丁",115.1,35.9\n'
        "戊,115.03,35.76\n",
        encoding="utf-8",
    )
    with pytest.raises(InputFileError, match=r"line 3: a quote.*lines 3–5"):
        read_user_layer(p)
    p.write_text('名称,经度,纬度,地址\n甲,115.03,35.76,"河南省濮阳市,\n华龙区"\n', encoding="utf-8")
    assert len(read_user_layer(p).gdf) == 1  # a quoted two-line address is fine
    p.write_text('名称,经度,纬度\n甲,115.03,35.76\n"乙,115.5,35.85\n', encoding="utf-8")
    with pytest.raises(InputFileError, match=r"line 3: a quote .* never closed"):
        read_user_layer(p)


# --------------------------------------------------------------------------- 6. edge geometry


def test_a_point_on_a_shared_county_border_belongs_to_exactly_one_county(counties):
    from geoapp.siting import evaluate_sites

    hua = counties.loc[counties["name"] == "华龙区"].geometry.iloc[0]
    pu = counties.loc[counties["name"] == "濮阳县"].geometry.iloc[0]
    shared = shapely.intersection(hua.boundary, pu.boundary)
    xy = shapely.get_coordinates(shared)
    sites = gpd.GeoDataFrame(
        {"name": ["a", "b", "c"]}, geometry=gpd.points_from_xy(*xy[[3, 40, 90]].T), crs=4326
    )
    got = evaluate_sites(sites, layers=LayerSet.shipped(), chain_col=None)
    vm = to_metric(sites.geometry)
    cm = to_metric(counties.geometry)
    covering = [sorted(counties["adcode"][cm.intersects(p.buffer(1e-6))]) for p in vm]
    assert all(len(c) >= 2 for c in covering)  # really on the border (in metres too)
    lowest = [counties.set_index("adcode").loc[c[0], "name"] for c in covering]
    assert got["county"].tolist() == lowest


def test_site_outside_the_city_or_swapped_is_refused():
    res = invoke("site", "--lon", "2.3522", "--lat", "48.8566", "--chain", "氢能")
    assert res.exit_code == 1 and "outside 濮阳市" in res.output
    res = invoke("site", "--lon", HUALONG[1], "--lat", HUALONG[0], "--chain", "氢能")
    assert res.exit_code == 1 and "swapped" in res.output
    res = invoke("site", "--lon", "512345", "--lat", "3951234", "--chain", "氢能")
    assert res.exit_code == 1 and "--crs EPSG:4547" in res.output


@pytest.mark.slow
def test_duplicates_are_flagged_and_rows_numbered(tmp_path):
    from geoapp.report import build_report

    rows = [["甲", *HUALONG, "氢能"], ["乙", *FAN_XIAN, "氢能"], ["甲", *HUALONG, "氢能"]]
    res = build_report(
        write_csv(tmp_path / "d.csv", rows), tmp_path / "rep", layers=LayerSet.shipped()
    )
    s = pd.read_csv(tmp_path / "rep" / "summary.csv", encoding="utf-8-sig").set_index("row")
    assert sorted(s.index) == [2, 3, 4]
    assert s.loc[4, "duplicate_of"] == 2 and s[["duplicate_of"]].loc[[2, 3]].isna().all().all()
    assert any("duplicate_of" in w for w in res.warnings)


def test_river_boundary_is_inclusive_and_shown_to_the_decimetre(river_m, city_m):
    from geoapp.report import evaluate_point, site_text

    lon, lat = point_at(river_m, city_m, 999.6)
    pt = to_metric(gpd.GeoSeries([shapely.Point(lon, lat)], crs=4326)).iloc[0]
    d = river_m.distance(pt)
    at_d = replace(DEFAULT_SITING, river_buffer_m=float(d))  # exactly at the boundary: ≤
    row = evaluate_point(
        lon, lat, chain="聚碳新材料", settings=at_d, layers=LayerSet.shipped()
    ).iloc[0]
    assert row["verdict"] == "prohibited"
    just_below = replace(DEFAULT_SITING, river_buffer_m=float(d) - 0.05)
    row2 = evaluate_point(
        lon, lat, chain="聚碳新材料", settings=just_below, layers=LayerSet.shipped()
    ).iloc[0]
    assert row2["verdict"] != "prohibited"
    text = site_text(row2, settings=just_below)
    assert f"{d:,.1f} m >" in text
