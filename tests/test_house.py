"""The house rules, read from the code's own syntax trees (nothing is imported or run).

- the repository's top level is the user's layout: pyproject.toml, geoapp/, layers/, data/,
  tests/, streamlit_app.py;
- at most 12 plain modules directly in geoapp/, every subpackage declares its API (``__all__``);
- seams: no private (``_``) name imported across subpackages, a subpackage is imported through
  its package API (``from geoapp.layers import LayerSet``), imports stand at module top unless
  deferred on purpose (``# deferred: why`` on the line), and no import cycle, counting the
  imports inside functions;
- small functions: none over 100 code lines, at most 10 over 60.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "geoapp"
MAX_PLAIN_MODULES = 12
LONG, VERY_LONG, MAX_LONG = 60, 100, 10


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


SOURCES = _sources()
SUBPACKAGES = sorted(
    p.parent.name for p in PACKAGE.glob("*/__init__.py") if not p.parent.name.startswith("_")
)


def _owner(module: str) -> str:
    """The top-level unit a module belongs to: ``geoapp.coverage`` for ``geoapp.coverage.milp``."""
    return ".".join(module.split(".")[:2])


@dataclass(frozen=True)
class Import:
    """One ``from X import a, b`` or ``import X`` in a module of geoapp."""

    importer: str
    target: str  # the module named after ``from`` (or after ``import``)
    names: tuple[str, ...]
    line: int
    in_function: bool
    deferred: bool  # ``# deferred: why`` on the line


def _imports(module: str, path: Path) -> Iterator[Import]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]

    def visit(node: ast.AST, in_function: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.ImportFrom):
                target = child.module or ""
                if child.level:
                    base = package.split(".")[: len(package.split(".")) - child.level + 1]
                    target = ".".join([*base, *([target] if target else [])])
                names = tuple(a.name for a in child.names)
            elif isinstance(child, ast.Import):
                target, names = child.names[0].name, ()
            else:
                yield from visit(child, inside)
                continue
            deferred = "# deferred:" in lines[child.lineno - 1]
            yield Import(module, target, names, child.lineno, in_function, deferred)

    yield from visit(ast.parse(text), False)


IMPORTS = [imp for module, path in SOURCES.items() for imp in _imports(module, path)]
OWN = [imp for imp in IMPORTS if imp.target == "geoapp" or imp.target.startswith("geoapp.")]


def _where(imp: Import) -> str:
    return f"{SOURCES[imp.importer].relative_to(ROOT)}:{imp.line}"


# --------------------------------------------------------------------------- layout
def test_top_level_is_the_users_layout():
    for name in ("pyproject.toml", "geoapp", "layers", "data", "tests", "streamlit_app.py"):
        assert (ROOT / name).exists(), f"{name} is missing at the top of the repository"
    assert sorted(p.stem for p in (ROOT / "layers").glob("*.toml")) == [
        "city", "counties", "logistics_hubs", "monitoring_stations", "neighbours", "projects",
        "yellow_river", "zones",
    ]  # fmt: skip
    assert (ROOT / "data" / "seed_tables" / "chain_nodes.csv").is_file()
    # one copy: no second set of declarations or data inside the package
    assert not [p for p in PACKAGE.rglob("*.toml") if (ROOT / "layers" / p.name).exists()]
    assert not list(PACKAGE.rglob("*.geojson"))


def test_few_plain_modules_and_every_subpackage_declares_its_api():
    plain = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(plain) <= MAX_PLAIN_MODULES, plain
    missing = []
    for name in SUBPACKAGES:
        tree = ast.parse((PACKAGE / name / "__init__.py").read_text(encoding="utf-8"))
        assigned = [
            n
            for n in tree.body
            if isinstance(n, ast.Assign)
            and any(getattr(t, "id", "") == "__all__" for t in n.targets)
        ]
        if not assigned:
            missing.append(name)
            continue
        bound = {
            a.asname or a.name for n in tree.body if isinstance(n, ast.ImportFrom) for a in n.names
        }
        bound |= {n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)}
        bound |= {
            t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets
            if isinstance(t, ast.Name)
        }  # fmt: skip
        unbound = set(ast.literal_eval(assigned[0].value)) - bound
        assert not unbound, f"geoapp.{name}.__all__ names what it does not bind: {sorted(unbound)}"
    assert not missing, f"subpackages without __all__ in their __init__: {missing}"


# --------------------------------------------------------------------------- seams
def test_no_private_name_is_imported_across_subpackages():
    bad = [
        f"{_where(imp)}: {name} from {imp.target}"
        for imp in OWN
        if _owner(imp.target) != _owner(imp.importer)
        for name in imp.names
        if name.startswith("_") and name != "__version__"
    ]
    assert not bad, "private names reached across subpackages:\n" + "\n".join(bad)


def test_subpackages_are_imported_through_their_api():
    """``from geoapp.layers.layerset import LayerSet`` outside geoapp.layers is a seam broken."""
    bad = []
    for imp in OWN:
        owner = _owner(imp.target)
        if owner == _owner(imp.importer) or owner.split(".")[-1] not in SUBPACKAGES:
            continue
        if imp.target != owner:
            bad.append(f"{_where(imp)}: {imp.target}")
    assert not bad, "imports past a subpackage's __init__:\n" + "\n".join(bad)


def test_imports_stand_at_module_top_unless_deferred_on_purpose():
    bad = [
        f"{_where(imp)}: {imp.target}" for imp in IMPORTS if imp.in_function and not imp.deferred
    ]
    assert not bad, "imports inside functions without '# deferred: why' on the line:\n" + "\n".join(
        bad
    )


def _graph() -> dict[str, set[str]]:
    """Module -> the geoapp modules its import runs (a package's __init__ included)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for imp in OWN:
        targets = {imp.target} | {
            f"{imp.target}.{n}" for n in imp.names if f"{imp.target}.{n}" in SOURCES
        }
        for target in targets:
            parts = target.split(".")
            # importing geoapp.X.y runs geoapp.X's __init__ first (unless we are inside X)
            for i in range(2, len(parts) + 1):
                step = ".".join(parts[:i])
                if (
                    step in SOURCES
                    and step != imp.importer
                    and not imp.importer.startswith(step + ".")
                ):
                    graph[imp.importer].add(step)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def strongconnect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                strongconnect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in list(graph):
        if v not in index:
            strongconnect(v)
    return found


def test_no_import_cycle_counting_imports_inside_functions():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


# --------------------------------------------------------------------------- one settings tree
#: The CRSs that geoapp.settings names (STORAGE_CRS, METRIC_CRS, CGCS2000_CRS).
CRS_CODES = {4326, 4547, 4490}
CRS_CALLS = {"to_crs", "set_crs", "from_crs", "from_user_input", "from_epsg", "CRS", "GeoSeries",
             "GeoDataFrame", "metric_transformer", "points_from_xy"}  # fmt: skip


def _crs_literals(tree: ast.AST) -> Iterator[ast.AST]:
    """Numbers and ``"EPSG:n"`` strings of the settings' CRSs given to a CRS argument."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        args = [*node.args, *(k.value for k in node.keywords if k.arg in {"crs", "epsg"})]
        if name not in CRS_CALLS:
            args = [k.value for k in node.keywords if k.arg in {"crs", "epsg"}]
        for arg in args:
            value = arg.value if isinstance(arg, ast.Constant) else None
            code = value if isinstance(value, int) else None
            if isinstance(value, str) and value.upper().startswith("EPSG:"):
                code = int(value[5:]) if value[5:].isdigit() else None
            if code in CRS_CODES:
                yield arg


def test_crs_constants_come_from_settings():
    """``to_crs(4547)`` or ``crs="EPSG:4326"`` outside geoapp.settings is a second source of truth."""
    bad = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for module, path in SOURCES.items()
        if module != "geoapp.settings"
        for node in _crs_literals(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not bad, "use geoapp.settings.STORAGE_CRS / METRIC_CRS / CGCS2000_CRS:\n" + "\n".join(
        bad
    )


def test_the_crs_check_finds_literals():
    tree = ast.parse('a.to_crs(4547); b.to_crs(METRIC_CRS); gpd.GeoSeries(g, crs="EPSG:4326")')
    assert len(list(_crs_literals(tree))) == 2


# --------------------------------------------------------------------------- small functions
def _code_lines(node: ast.FunctionDef | ast.AsyncFunctionDef, lines: list[str]) -> int:
    """Body lines that are not blank, not comments, not the docstring."""
    body = node.body
    first = body[0]
    docstring = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    start = (first.end_lineno or first.lineno) + 1 if docstring else first.lineno
    span = lines[start - 1 : node.end_lineno]
    return sum(1 for ln in span if ln.strip() and not ln.strip().startswith("#"))


def _function_lengths() -> list[tuple[int, str]]:
    out = []
    for path in SOURCES.values():
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                where = f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"
                out.append((_code_lines(node, lines), where))
    return sorted(out, reverse=True)


def test_functions_are_small():
    lengths = _function_lengths()
    very_long = [f"{n} {w}" for n, w in lengths if n > VERY_LONG]
    long = [f"{n} {w}" for n, w in lengths if n > LONG]
    assert not very_long, f"functions over {VERY_LONG} code lines:\n" + "\n".join(very_long)
    assert len(long) <= MAX_LONG, f"{len(long)} functions over {LONG} code lines:\n" + "\n".join(
        long
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('def f():\n    """Doc."""\n    a = 1\n\n    # note\n    return a\n', 2),
        ("def f():\n    return (\n        1\n    )\n", 3),
    ],
)
def test_code_lines_are_counted_without_docstring_blanks_and_comments(source, expected):
    node = ast.parse(source).body[0]
    assert isinstance(node, ast.FunctionDef)
    assert _code_lines(node, source.splitlines()) == expected
