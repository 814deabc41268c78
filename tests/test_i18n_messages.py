"""The readers' warnings and errors, rejected-row reasons and import summaries in the UI language.

Every ``message(...)`` call in :mod:`geoapp.io` (and the layer checks and the
workspace import) must have a planner text in both languages in
:mod:`geoapp.vocab.i18n`, and every error a planner can meet there is built with it
(both checked on the source, so a new warning or error cannot ship
untranslated); real files give warnings and errors that read in Chinese in the
Chinese UI, with the file's row, column and value, and without option names.
"""

from __future__ import annotations

import ast
import pickle
import re
import string
from pathlib import Path

import pytest

from geoapp.io import read_user_layer
from geoapp.vocab import Message, i18n, import_summary, message_text, reason_text

GEOAPP = Path(i18n.__file__).parents[1]
IO = GEOAPP / "io"
DEV_TEXT = re.compile(r"`|--\w|\w=\W|coord_fixed|GB18030")
#: What a planner's text never holds: code, option names, declaration files, server paths.
PLANNER_BANNED = re.compile(
    r"`|--|\w=\W|layer=|\.toml|coord_fixed|GB18030|(?<![\w.])/[\w.\-]+/|[A-Za-z]:\\"
)
#: The modules whose errors and warnings reach a planner through an upload or an import.
SOURCES = [
    *sorted(IO.glob("*.py")),
    GEOAPP / "layers" / "catalog.py",
    GEOAPP / "rules.py",
    GEOAPP / "workspace/imports.py",
]
#: Errors a planner sees: they must be built with ``message(...)``.
PLANNER_ERRORS = {"InputFileError", "LayerValidationError", "WorkspaceError"}


def _literal(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literal(node.body) + _literal(node.orelse)
    return []


def _message_calls() -> list[tuple[str, set[str], str]]:
    calls = []
    # layers.py: one planner error; workspace/base.py: the "changed since you loaded it"
    # conflict and a layer no workspace holds (its other errors are the command line's)
    for path in [*SOURCES, GEOAPP / "layers" / "layerset.py", GEOAPP / "workspace/base.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "message"
            ):
                templates = _literal(node.args[0])
                assert templates, f"{path.name}:{node.lineno}: message() needs a literal template"
                keys = {k.arg for k in node.keywords if k.arg}
                calls += [(t, keys, f"{path.name}:{node.lineno}") for t in templates]
    return calls


def test_every_reader_message_has_planner_text_in_both_languages():
    calls = _message_calls()
    assert len(calls) >= 18
    for template, keys, where in calls:
        assert template in i18n._MESSAGES, f"{where}: no planner text for {template!r}"
        zh, en = i18n._MESSAGES[template]
        fields = {f for text in (zh, en) for _, f, _, _ in string.Formatter().parse(text) if f}
        derived = {"what_zh", "shown_zh", "shown_en", "rows_zh", "rows_en", "missing_zh"}
        derived |= {"type_zh", "type_en", "problems_text"}
        words = ("what", "missing", "type", "kind", "suffix")  # translated by message_text
        derived |= {f"{k}_{lang}" for k in words if k in keys for lang in ("zh", "en")}
        assert fields <= keys | derived, (where, fields - keys)
        assert re.search(r"[\u4e00-\u9fff]", zh), zh
        assert not PLANNER_BANNED.search(zh) and not PLANNER_BANNED.search(en), (zh, en)
    assert {t for t, _, _ in calls} == set(i18n._MESSAGES)  # no stale entry


def _fields(text: str) -> dict[str, str]:
    """A text's fields (``_zh``/``_en`` endings dropped) -> their format spec."""
    return {
        re.sub(r"_(zh|en)$", "", f): spec or ""
        for _, f, spec, _ in string.Formatter().parse(text)
        if f
    }


def test_both_planner_texts_carry_the_same_fields():
    # English grammar (a plural "s", "about ", "more than ") has no Chinese counterpart;
    # a column is named by its Chinese title in Chinese and by its name in English
    grammar = {"plural", "about", "more"}
    for template, (zh, en) in i18n._MESSAGES.items():
        fz, fe = ({("col" if f == "title" else f) for f in _fields(t)} - grammar for t in (zh, en))
        assert fz == fe, (template, fz ^ fe)


def test_every_call_renders_in_both_languages():
    # each call site's own fields are enough for both texts (no KeyError in the app)
    for template, keys, where in _message_calls():
        specs = {**_fields(template), **{k: v for t in i18n._MESSAGES[template] for k, v in
                                        _fields(t).items()}}  # fmt: skip
        values: dict[str, object] = {k: (2 if specs.get(k) else "x") for k in keys}
        if "rows_values" in keys:
            values["rows_values"] = [(2, "x")]
        if "problems" in keys:
            values["problems"] = [i18n.message("row {row}: invalid polygon repaired ({why})",
                                               row=2, why="x")]  # fmt: skip
        msg = i18n.message(template, **values)
        for lang in ("zh", "en"):
            text = message_text(msg, lang)
            assert text and "{" not in text, (where, lang, text)


def _built_from_message(value: ast.expr, assigned: list[ast.expr]) -> bool:
    """Whether ``value`` is a ``message(...)`` call, or a name whose ``assigned`` values all are."""
    if isinstance(value, ast.Call):
        return isinstance(value.func, ast.Name) and value.func.id == "message"
    if isinstance(value, ast.Name):
        return bool(assigned) and all(_built_from_message(v, []) for v in assigned)
    return False


def _planner_raises(tree: ast.AST):
    """Each ``raise <PlannerError>(arg)``, with the values assigned to ``arg`` since the last raise.

    ``msg = ...; raise InputFileError(msg)`` (also in if/else branches) is how errors are
    built here; a later ``msg = f"..."`` for a programming error's raise is not counted.
    """
    for func in ast.walk(tree):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        nodes = sorted(
            (n for n in ast.walk(func) if isinstance(n, (ast.Raise, ast.Assign, ast.AnnAssign))),
            key=lambda n: n.lineno,
        )
        pending: dict[str, list[ast.expr]] = {}
        for node in nodes:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        pending.setdefault(target.id, []).append(node.value)
            elif isinstance(node, ast.AnnAssign):
                if isinstance(node.target, ast.Name) and node.value is not None:
                    pending.setdefault(node.target.id, []).append(node.value)
            else:
                call = node.exc
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in PLANNER_ERRORS
                ):
                    arg = call.args[0] if call.args else ast.Constant("")
                    name = arg.id if isinstance(arg, ast.Name) else ""
                    yield node, call.func.id, arg, pending.get(name, [])
                pending = {}


def test_every_planner_error_is_built_with_message():
    """``raise InputFileError(...)`` (and the layer and import errors) never from a plain string.

    Programming errors (TypeError / ValueError on a Python caller's argument) stay English.
    """
    checked = 0
    for path in SOURCES:
        for node, error, arg, assigned in _planner_raises(ast.parse(path.read_text("utf-8"))):
            checked += 1
            assert _built_from_message(arg, assigned), (
                f"{path.name}:{node.lineno}: {error} from a plain string; build it with "
                "geoapp.vocab.i18n.message(...) and add its planner texts"
            )
    assert checked >= 55, checked


def test_the_scan_catches_a_plain_string():
    source = (
        "def f(name, bad):\n"
        "    if bad:\n"
        "        msg = message('{name} is bad', name=name)\n"
        "    else:\n"
        "        msg = message('{name} is odd', name=name)\n"
        "    raise InputFileError(msg)\n"
        "    msg = f'{name} is wrong'\n"
        "    raise TypeError(msg)\n"
        "    msg = f'{name} is empty'\n"
        "    raise InputFileError(msg)\n"
        "    raise LayerValidationError('plain')\n"
    )
    found = [
        (error, _built_from_message(arg, assigned))
        for _, error, arg, assigned in _planner_raises(ast.parse(source))
    ]
    assert found == [
        ("InputFileError", True),
        ("InputFileError", False),
        ("LayerValidationError", False),
    ]


def test_a_message_is_its_english_text_and_survives_pickling():
    m = i18n.message("row {row}: invalid polygon repaired ({why})", row=3, why="Self-intersection")
    assert m == "row 3: invalid polygon repaired (Self-intersection)"
    back = pickle.loads(pickle.dumps(m))  # st.cache_data pickles the reader's result
    assert isinstance(back, Message) and back.values == {"row": 3, "why": "Self-intersection"}
    assert message_text(back, "zh") == "第 3 行：无效多边形已修复（Self-intersection）。"
    assert message_text("plain text", "zh") == "plain text"


def test_a_gbk_csv_with_swapped_rows_and_a_bad_number_warns_in_chinese(tmp_path):
    rows = ["名称,投资额(亿元),经度,纬度"]
    rows += [f"项目{i},{i}.5,115.0{i},35.7{i}" for i in range(1, 8)]
    rows.append("项目八,待定,35.62,115.03")  # swapped, and a non-number investment
    path = tmp_path / "项目.csv"
    path.write_bytes(("\n".join(rows) + "\n").encode("gbk"))
    res = read_user_layer(path, fix_swapped=True)
    assert len(res.gdf) == 8
    zh = [message_text(w, "zh") for w in res.warnings]
    en = [message_text(w, "en") for w in res.warnings]
    assert "项目.csv 不是 UTF-8 编码，已按 GBK 读取" in zh[0]
    swap = next(w for w in zh if "经纬度颠倒" in w)
    assert swap.startswith("第 9 行")  # the spreadsheet row: header = 1
    number = next(w for w in zh if "不是数字" in w)
    assert "“投资额(亿元)”列有 1 个值不是数字" in number and "第 9 行：'待定'" in number
    for text in zh + en:
        assert not DEV_TEXT.search(text), text
    assert any("row 9" in w and "'待定'" in w for w in en)
    # the command line keeps its English text
    assert any("pass `encoding=`" in w for w in res.warnings)


def test_rejected_reasons_and_summary_in_the_ui_language(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("名称,经度,纬度\n甲,,35.7\n乙,35.62,115.03\n丙,115.03,35.62\n", "utf-8")
    res = read_user_layer(path)
    reasons = list(res.rejected["reason"])
    assert [reason_text(r, "zh") for r in reasons] == ["坐标缺失", "经纬度颠倒"]
    en = [reason_text(r, "en") for r in reasons]
    assert en[0] == "missing coordinate" and "--fix" not in en[1] and "swapped" in en[1]
    assert import_summary("p.csv", 1, 2, "zh", encoding="UTF-8") == (
        "p.csv：可用 1 行，被拒绝 2 行（编码 UTF-8）。"
    )
    assert import_summary("p.csv", 1, 2, "en") == "p.csv: 1 rows usable, 2 rejected."


@pytest.mark.app
def test_data_page_shows_the_warnings_and_reasons_in_chinese():
    # (AppTest calls a widget's format_func outside the session, in Chinese, so the
    # English page is checked in the browser test and above, function by function)
    from tests.apptest import run_page

    csv = "名称,投资额(亿元),经度,纬度\n甲,1,115.03,35.62\n乙,2,115.04,35.63\n丙,x,\n"
    at = run_page("data")
    at.file_uploader(key="data_upload").upload("项目.csv", csv.encode("gbk"), "text/csv")
    at.run()
    assert not at.exception, at.exception
    infos = " ".join(i.value for i in at.info)
    tables = [d.value for d in at.dataframe]
    notes = next(d for d in tables if d.columns[0] == "提示")
    shown = " ".join(notes.iloc[:, 0])
    reasons = next(d for d in tables if "reason" in d.columns)["reason"].tolist()
    assert "项目.csv：可用 2 行，被拒绝 1 行（编码 GBK）" in infos
    assert "项目.csv 不是 UTF-8 编码" in shown and "encoding" not in shown
    assert reasons == ["坐标缺失"]


def _two_layer_gpkg() -> bytes:
    import tempfile

    import geopandas as gpd
    import shapely

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "two.gpkg"
        gdf = gpd.GeoDataFrame({"name": ["甲"]}, geometry=[shapely.Point(115.03, 35.62)], crs=4326)
        gdf.to_file(path, layer="a")
        gdf.to_file(path, layer="b")
        return path.read_bytes()


@pytest.mark.app
def test_upload_errors_in_the_ui_language_with_the_files_rows():
    from tests.apptest import run_page

    poly = (
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"甲"},'
        '"geometry":{"type":"Point","coordinates":[115.03,35.62]}},{"type":"Feature",'
        '"properties":{"名称":"乙"},"geometry":{"type":"Polygon","coordinates":'
        "[[[115,35.6],[115.1,35.6],[115.1,35.7],[115,35.6]]]}}]}"
    )
    cases = {
        "nocoords.csv": ("名称,地址\n甲,某路\n".encode(), "nocoords.csv：找不到经度和纬度列"),
        "metres.csv": (
            "名称,x,y\n甲,500000,3950000\n".encode(),
            "metres.csv：列“x”/“y”的坐标看起来是投影坐标（米）",
        ),
        "binary.csv": (bytes(range(128, 256)) * 4, "binary.csv 既不是 UTF-8 也不是 GBK 编码"),
        "poly.geojson": (poly.encode(), "poly.geojson 不符合“项目”图层的要求"),
        "表.xlsx": ("名称,经度,纬度\n甲,115.03,35.62\n".encode(), "表.xlsx 是文本文件（CSV？）"),
        "two.gpkg": (_two_layer_gpkg(), "two.gpkg 含有 2 个图层：['a', 'b']"),
    }
    for name, (data, expected) in cases.items():
        at = run_page("data")
        at.file_uploader(key="data_upload").upload(name, data, "text/plain")
        at.run()
        assert not at.exception, at.exception
        errors = " ".join(e.value for e in at.error)
        assert expected in errors, errors
        assert not re.search(r"`|--\w|\w=[\"'`]|\.toml|/work/|declaration", errors), errors
        if name == "poly.geojson":  # the polygon is the file's feature 2 (numbered from 1)
            assert "几何类型应为 Point：第 2 行：'Polygon'" in errors


def _shapefile_zip_without_dbf() -> bytes:
    import io
    import tempfile
    import zipfile

    import geopandas as gpd
    import shapely

    with tempfile.TemporaryDirectory() as tmp:
        gdf = gpd.GeoDataFrame({"name": ["甲"]}, geometry=[shapely.Point(115.03, 35.62)], crs=4326)
        gdf.to_file(Path(tmp) / "项目.shp")
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            for part in sorted(Path(tmp).iterdir()):
                if part.suffix != ".dbf":
                    zf.write(part, part.name)
        return buf.getvalue()


def _xlsx_without_coordinates() -> bytes:
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["名称", "地址"])
    ws.append(["甲", "某路"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


#: Broken uploads: name -> (bytes, the data page's inputs, Chinese text, English text).
BROKEN_UPLOADS: dict[str, tuple[bytes, dict[str, str], str, str]] = {
    "空.csv": (
        b"",
        {},
        "空.csv 是空文件。文件需要一行表头和若干数据行",
        "空.csv is empty. It needs a header row and data rows",
    ),
    "项目.zip": (
        _shapefile_zip_without_dbf(),
        {},
        "项目.zip：Shapefile“项目”缺少 .dbf 文件",
        "项目.zip: the Shapefile “项目” has no .dbf file",
    ),
    "表.xlsx": (
        _xlsx_without_coordinates(),
        {},
        "表.xlsx：找不到经度和纬度列；文件中的列为 ['名称', '地址']",
        "表.xlsx: no longitude or latitude column found (columns: ['名称', '地址'])",
    ),
    "报告.csv": (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
        {},
        "报告.csv 实际上是一份 PDF 文档，不是 .csv 表格（文件开头的字节表明了这一点）。"
        "请在生成它的软件中把表格导出为 CSV 或 XLSX 后再上传。",
        "报告.csv is really a PDF document, not a .csv table (its first bytes say so). "
        "Export the table as CSV or XLSX from the program that made it, and upload that.",
    ),
    "坐标.csv": (  # a CRS typed into the page that does not exist
        "名称,经度,纬度\n甲,115.03,35.62\n".encode(),
        {"data_crs": "abc"},
        "坐标.csv: 坐标系“abc”无法识别。请填写 EPSG 编号",
        "坐标.csv: The coordinate system “abc” is not recognised. Enter an EPSG code",
    ),
    "管控.csv": (  # points where the constraint layer needs areas
        "名称,经度,纬度\n生态保护红线,115.03,35.62\n".encode(),
        {"data_target": "constraints"},
        "管控图层无法使用：\n- 几何类型应为面（Polygon/MultiPolygon）：第 2 行：'Point'",
        "The constraint layer cannot be used:\n- the geometry must be areas "
        "(Polygon/MultiPolygon): row 2: 'Point'",
    ),
    "无产业链.csv": (  # a project table without the chain column
        "名称,经度,纬度\n甲,115.03,35.62\n".encode(),
        {},
        "无产业链.csv: “项目”图层缺少“产业链”列。请在文件中添加这些列（以中文标题为列名）后重新上传。",
        "无产业链.csv: The layer “Projects” lacks the column(s) “产业链” (chain). Add them to "
        "the file (named by their Chinese titles) and upload it again.",
    ),
    "米.csv": (  # GCJ-02 chosen for coordinates in metres of EPSG:4547
        "名称,x,y\n甲,500000,3950000\n".encode(),
        {"data_crs": "4547", "data_datum": "gcj02"},
        "米.csv：坐标类型选的是 GCJ-02（网络地图经纬度），但坐标为 EPSG:4547",
        "米.csv: the coordinate type is GCJ-02 (longitude/latitude of a Chinese web map), "
        "but the coordinates are in EPSG:4547",
    ),
}


def _upload_errors(lang: str, name: str) -> str:
    from tests.apptest import run_page

    data, inputs, _, _ = BROKEN_UPLOADS[name]
    # the page opens in Chinese; English is chosen with the upload, through the language
    # switch (AppTest formats a widget's options outside the session, that is in Chinese,
    # so the widgets must have been drawn in Chinese before the run that shows the error)
    at = run_page("data")
    for key, value in inputs.items():
        if key == "data_crs":
            at.text_input(key=key).input(value)
        elif key == "data_target":  # kept across languages by common.persist
            at.selectbox(key=f"{key}:zh").select(value)
        else:
            at.selectbox(key=key).select(value)
    if inputs:
        at.run()
    if lang == "en":
        at.sidebar.radio(key="lang").set_value("en")
    at.file_uploader(key="data_upload").upload(name, data, "application/octet-stream")
    at.run()
    assert not at.exception, at.exception
    return " ".join(e.value for e in at.error)


@pytest.mark.slow
def test_broken_uploads_are_explained_in_chinese():
    for name, (_, _, zh, en) in BROKEN_UPLOADS.items():
        errors = _upload_errors("zh", name)
        assert zh in errors, errors
        assert en not in errors and not PLANNER_BANNED.search(errors), errors
        assert "/tmp" not in errors and "geoapp-" not in errors, errors


@pytest.mark.slow
def test_broken_uploads_are_explained_in_english():
    for name in ("空.csv", "项目.zip", "报告.csv", "米.csv", "管控.csv"):
        _, _, zh, en = BROKEN_UPLOADS[name]
        errors = _upload_errors("en", name)
        assert en in errors, errors
        assert zh not in errors and not PLANNER_BANNED.search(errors), errors


@pytest.mark.app
def test_a_broken_candidate_file_is_explained_on_the_siting_page():
    # the same helper (geoapp.app.common.import_problem) shows it on 选址评估
    from tests.apptest import run_page

    data, _, zh, _ = BROKEN_UPLOADS["项目.zip"]
    at = run_page("siting")
    at.file_uploader(key="site_upload").upload("项目.zip", data, "application/zip")
    at.run()
    assert not at.exception, at.exception
    errors = " ".join(e.value for e in at.error)
    assert zh in errors and not PLANNER_BANNED.search(errors), errors
