"""Every UI string the pages pass to ``t(…)`` has an English entry in :mod:`geoapp.vocab.i18n`.

The pages are written in Chinese; ``t`` looks the English up in
``geoapp.vocab.i18n``. This test reads the pages' source (``ast``) and collects the
string literals handed to ``t``: plain strings, both branches of ``a if c else
b``, and the values of a dict indexed inside the call (``t({...}[key])``, or a
module-level dict ``t(NAMES[key])``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from geoapp.settings import APP_MAIN
from geoapp.vocab import translate

APP_DIR = APP_MAIN.parent
PAGES = sorted((APP_DIR / "views").glob("*.py")) + sorted(APP_DIR.glob("*.py"))  # + main, common, …
CJK = re.compile(r"[\u4e00-\u9fff]")


def _module_dicts(tree: ast.Module) -> dict[str, ast.Dict]:
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = node.value
    return out


def _strings(node: ast.AST, dicts: dict[str, ast.Dict]) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body, dicts) + _strings(node.orelse, dicts)
    if isinstance(node, ast.Subscript):
        base = node.value
        if isinstance(base, ast.Name) and base.id in dicts:
            base = dicts[base.id]
        if isinstance(base, ast.Dict):
            return [s for v in base.values for s in _strings(v, dicts)]
    return []


def ui_strings(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    dicts = _module_dicts(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "t"
            and node.args
        ):
            found.update(_strings(node.args[0], dicts))
    return {s for s in found if CJK.search(s)}


def test_the_scan_finds_the_pages_strings():
    found = set().union(*(ui_strings(p) for p in PAGES))
    assert {"地图总览", "覆盖分析", "选址评估", "定位到 经度, 纬度"} <= found
    assert "LSCP（全覆盖，最少设施）" in found  # through a module-level dict
    assert len(found) > 150


def test_every_ui_string_has_an_english_entry():
    missing = {
        f"{p.relative_to(APP_DIR)}: {s}"
        for p in PAGES
        for s in ui_strings(p)
        if translate(s, "en") == s
    }
    assert not missing, "add these to geoapp/vocab/translations/ui_en.toml:\n" + "\n".join(
        sorted(missing)
    )


def test_english_entries_are_english():
    """English entries hold no Chinese, except a term glossed in parentheses ("(到位资金)")."""
    for p in PAGES:
        for s in ui_strings(p):
            en = re.sub(r"\([^()]*\)", "", translate(s, "en"))
            assert not CJK.search(en), (p.name, s, en)


def test_the_scan_covers_every_app_module():
    assert {p.name for p in PAGES} >= {"main.py", "common.py", "stablemap.py", "workspace.py"}


def test_table_titles_and_codes_shown_through_t_have_english_entries():
    """Titles and words the pages pass to ``t`` from geoapp's own tables (issue 10)."""
    from geoapp.app.presentation import COLUMN_TITLES, declared_titles
    from geoapp.chainmap import export as chainexport

    shown = [
        *COLUMN_TITLES.values(),
        *declared_titles().values(),
        *chainexport.ROLLUP_HEADERS.values(),
        *chainexport.TARGET_HEADERS.values(),
        *chainexport.PANORAMA_HEADERS.values(),
        *chainexport.METRIC_ZH.values(),
        *chainexport.MEASURABLE_ZH.values(),
        *chainexport.SCOPE_ZH.values(),
    ]
    missing = sorted({s for s in shown if CJK.search(s) and translate(s, "en") == s})
    assert not missing, "add these to geoapp/vocab/translations/ui_en.toml:\n" + "\n".join(missing)


def test_map_texts_have_english_entries():
    """Every literal the map modules pass to ``_t`` and every popup field title (issue 10)."""
    mapping_dir = APP_DIR.parent / "mapping"
    found: set[str] = set()
    for path in mapping_dir.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_t"
                and node.args
            ):
                found.update(_strings(node.args[0], {}))
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id.endswith("_FIELDS") for t in node.targets
            ):
                for pair in getattr(node.value, "elts", []):
                    if isinstance(pair, ast.Tuple) and pair.elts:
                        found.update(_strings(pair.elts[0], {}))
    found = {s for s in found if CJK.search(s)}
    assert len(found) > 30
    missing = sorted(s for s in found if translate(s, "en") == s)
    assert not missing, "add these to geoapp/vocab/translations/ui_en.toml:\n" + "\n".join(missing)
