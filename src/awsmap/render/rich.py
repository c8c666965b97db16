"""The terminal renderer: finds a result's view by its type, then lays it out for the width.

Views (functions from a result to a list of renderables) live in one module per command family
(``render/views/``), keyed by result type; only the family being drawn is imported. Layout rules
that hold for every view are applied here: a table that cannot fit its columns without breaking a
word turns into one block per row (always below ``NARROW`` columns), and output that is not a
terminal carries no trailing spaces.
"""

from __future__ import annotations

import re
from importlib import import_module
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from awsmap.render.richtext import View

NARROW = 60
_TRAILING = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def family(result_type: type[Any]) -> str:
    """A result's command family: ``awsmap.commands.lookup.LookupResult`` -> ``lookup``; the
    study layer's results (``awsmap.study.results``) -> ``study``."""
    parts = result_type.__module__.split(".")
    return parts[2] if parts[1] == "commands" else parts[1]


def view_for(result: Any) -> View:
    """The view of a result, by its type, from its family's module of views (only that module
    is imported: a lookup never loads the design views)."""
    module = import_module(f"awsmap.render.views.{family(type(result))}")
    views: dict[type[Any], View] = module.VIEWS
    return views[type(result)]


def render(result: Any, console: Console) -> None:
    parts = [_fit(p, console) for p in view_for(result)(result)]
    if console.is_terminal:
        _print(parts, console)
        return
    with console.capture() as captured:
        _print(parts, console)
    console.file.write(_TRAILING.sub(r"\1", captured.get()))


def _print(parts: list[RenderableType], console: Console) -> None:
    for i, part in enumerate(parts):
        # a blank line before each titled block, none before the first
        if i and isinstance(part, (Table, Group)) and not _is_grid(part):
            console.print()
        console.print(part, soft_wrap=isinstance(part, Text) and part.no_wrap is True)


def _is_grid(part: RenderableType) -> bool:
    return isinstance(part, Table) and part.title is None


def _fit(part: RenderableType, console: Console) -> RenderableType:
    """A titled table as stacked blocks when its columns cannot share the width whole-word."""
    if not isinstance(part, Table) or part.title is None:
        return part
    if console.width < NARROW:
        return stacked(part)
    needed = Measurement.get(console, console.options, part).minimum
    return stacked(part) if needed > console.width else part


def stacked(table: Table) -> Group:
    """A table as one block per row, for terminals too narrow for columns side by side."""
    columns = table.columns
    lines: list[RenderableType] = [table.title] if isinstance(table.title, Text) else []
    for row in zip(*(list(c.cells) for c in columns), strict=True):
        head, *rest = row
        lines.append(Text.assemble(head, style="bold") if isinstance(head, Text) else head)
        for column, cell in zip(columns[1:], rest, strict=True):
            if isinstance(cell, Text) and not cell.plain:
                continue
            label = f"  {column.header}: " if column.header else "  "
            lines.append(Text.assemble((label, "dim"), cell) if isinstance(cell, Text) else cell)
    return Group(*lines)
