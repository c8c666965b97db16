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
SCHEMA_MIRRORS = {
    "catalog.kinds",
    "catalog.models",
    "catalog.designs",
    "catalog.roles",
    "catalog.rules",
    "cli.table",  # command names that are also kind names (pattern, roles)
    "cli.rows_design",
    "cli.rows_study",
}
NOT_A_KIND = "# not a kind"
# The layers, bottom up: a module may import its own layer and those below, never one above.
LAYERS = ("base", "catalog", "find", "study", "commands", "render", "cli", "entry")
TOP = {"": "base", "__main__": "entry", "entry": "entry"}  # the package itself, the process entry
QUERY_SIDE = {"catalog.reader", "find", "commands", "render", "cli"}
SQLITE_LAYER = {"catalog.index", "catalog.reader", "catalog.compiler"}


def layer(module: str) -> int:
    return LAYERS.index(TOP.get(module, module.split(".", maxsplit=1)[0]))


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


def test_no_import_goes_up_a_layer() -> None:
    """base < catalog < find < study < commands < render < cli < entry."""
    g = graph()
    upward = [(m, d) for m, deps in g.items() for d in deps if layer(d) > layer(m)]
    assert upward == []


def test_only_the_process_entry_sits_at_the_top_of_the_package() -> None:
    top = {p.stem for p in SRC.glob("*.py")}
    assert top == {"__init__", "__main__", "entry"}
    assert {p.name for p in SRC.iterdir() if p.is_dir() and p.name != "__pycache__"} == {
        *LAYERS[:-1],
        "data",
    }


def test_the_layer_rule_catches_an_upward_import() -> None:
    g = graph()
    g["catalog.compiler"] = {*g["catalog.compiler"], "commands.lookup"}
    assert any(layer(d) > layer(m) for m, deps in g.items() for d in deps)


def test_the_graph_sees_imports_inside_functions() -> None:
    assert "catalog.compiler" in graph()["catalog.index"]  # imported only inside a function


def test_index_building_does_not_import_the_query_side() -> None:
    g = graph()
    for builder in ("catalog.compiler", "catalog.loader", "catalog.validation"):
        reached = _reach(g, builder)
        hit = {m for m in reached for q in QUERY_SIDE if m == q or m.startswith(q + ".")}
        assert not hit, (builder, hit)


def test_renderers_do_not_touch_the_sqlite_layer() -> None:
    g = graph()
    files = {_module(p): p for p in SRC.rglob("*.py")}
    for module in g:
        if module.startswith("render"):
            assert not g[module] & SQLITE_LAYER, module
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
