"""The shape of the code: acyclic layers, one registry of kinds, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from awsmap.catalog.kinds import KINDS

SRC = Path(__file__).parents[1] / "src" / "awsmap"
MAX_LINES = 400
# Modules whose field names mirror the JSON Schema, where a kind's key is also a field name, and
# the registry of commands, whose names ("categories", "patterns") are commands, not kinds.
SCHEMA_MIRRORS = {"kinds", "models", "designs", "commands"}
NOT_A_KIND = "# not a kind"
QUERY_SIDE = {"catalog", "resolve", "search", "queries", "compare", "results", "render"}
SQLITE_LAYER = {"index", "catalog", "compiler"}


def _module(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """awsmap modules imported anywhere in the file, function bodies included."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("awsmap"):
            base = node.module.removeprefix("awsmap").removeprefix(".")
            for alias in node.names:
                candidate = f"{base}.{alias.name}" if base else alias.name
                as_path = SRC / candidate.replace(".", "/")
                is_module = as_path.is_dir() or as_path.with_suffix(".py").is_file()
                found.add(candidate if is_module else base)
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("awsmap.") for a in node.names if a.name.startswith("awsmap.")
            )
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "import_module":
            arg = node.args[0] if node.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value.removeprefix("awsmap."))
    return {f for f in found if f}


def graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in SRC.rglob("*.py")}
    return {m: {d for d in _imports(p) if d in modules and d != m} for m, p in modules.items()}


def _reach(g: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for dep in g[todo.pop()]:
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


def test_the_import_graph_has_no_cycle() -> None:
    g = graph()
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for dep in sorted(g[node]):
            if state.get(dep) == 1:
                pytest.fail("import cycle: " + " -> ".join([*path[path.index(dep) :], dep]))
            if dep not in state:
                visit(dep)
        path.pop()
        state[node] = 2

    for node in sorted(g):
        if node not in state:
            visit(node)


def test_the_graph_sees_imports_inside_functions() -> None:
    assert "compiler" in graph()["index"]  # imported only inside _build_and_store


def test_index_building_does_not_import_the_query_side() -> None:
    g = graph()
    for builder in ("compiler", "loader", "validation"):
        reached = {m.split(".")[0] for m in _reach(g, builder)}
        assert not reached & QUERY_SIDE, (builder, reached & QUERY_SIDE)


def test_results_and_renderers_do_not_import_the_sqlite_layer() -> None:
    g = graph()
    files = {_module(p): p for p in SRC.rglob("*.py")}
    for module in g:
        if module.startswith(("results", "render")):
            assert not _reach(g, module) & SQLITE_LAYER, module
            assert "sqlite3" not in files[module].read_text(encoding="utf-8")


def _kind_literals(path: Path) -> list[tuple[int, str]]:
    """String constants that spell a kind's key or plural, other than keys of a dict display
    (JSON contract keys) and docstrings."""
    names = {k.key for k in KINDS} | {k.plural for k in KINDS}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            allowed.update(id(k) for k in node.keys if k is not None)
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            allowed.add(id(body[0].value))
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and NOT_A_KIND in lines[node.lineno - 1]:
            continue
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in allowed
        ):
            text = node.value
            if text in names or any(f"'{n}'" in text for n in names):
                found.append((node.lineno, text))
    return found


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(SRC.rglob("*.py")) if _module(p) not in SCHEMA_MIRRORS],
    ids=_module,
)
def test_no_kind_is_spelled_outside_the_registry(path: Path) -> None:
    assert _kind_literals(path) == []


def test_the_literal_check_catches_a_kind_name(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'kind = "technology"\nsql = "WHERE kind = \'pattern\'"\nok = {"category": 1}\n'
    )
    assert [line for line, _text in _kind_literals(sample)] == [1, 2]


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=_module)
def test_no_module_is_over_400_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_comparison_sides_name_registry_kinds() -> None:
    from awsmap.catalog.kinds import AWS_SERVICE, TECHNOLOGY
    from awsmap.catalog.models import ComparisonSide

    assert ComparisonSide("x", technology="a").kind == TECHNOLOGY.key
    assert ComparisonSide("x", aws_service="b").kind == AWS_SERVICE.key
