"""The terminal renderer: finds a result's view by its type, then lays it out for the width.

Views (functions from a result to a list of renderables) live in one module per command family
(``render/views/``), keyed by result type; only the family being drawn is imported. Layout rules
that hold for every view are applied here: a table's columns are sized so that no word is broken
across lines, a table that cannot fit that way turns into one block per row (always below
``NARROW`` columns), ``--brief`` leaves out what explains rather than names, output that is not a
terminal carries no trailing spaces, and a page taller than the terminal may go to the pager.
"""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.measure import Measurement
from rich.table import Column, Table
from rich.text import Text

from awsmap.base.modules import module
from awsmap.render.richtext import DETAIL_COLUMNS, Bullets, View, table

NARROW = 60
BRIEF_NOTE = "Brief: notes and later items left out; drop --brief for the whole page."
_TRAILING = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def family(result_type: type[Any]) -> str:
    """A result's command family: ``awsmap.commands.lookup.LookupResult`` -> ``lookup``; the
    study layer's results (``awsmap.study.results``) -> ``study``."""
    parts = result_type.__module__.split(".")
    return parts[2] if parts[1] == "commands" else parts[1]


def view_for(result: Any) -> View:
    """The view of a result, by its type, from its family's module of views (only that module
    is imported: a lookup never loads the design views)."""
    found = module(f"awsmap.render.views.{family(type(result))}")
    views: dict[type[Any], View] = found.VIEWS
    return views[type(result)]


def render(result: Any, console: Console, brief: bool = False, page: bool = False) -> None:
    """Draw a result. ``brief``: the essentials only (``briefly``); ``page``: a page
    taller than the terminal goes through the pager when there is one."""
    parts = view_for(result)(result)
    parts = [_fit(p, console) for p in (briefly(parts) if brief else parts)]
    if console.is_terminal and not page:
        _print(parts, console)
        return
    with console.capture() as captured:
        _print(parts, console)
    text = captured.get()
    if not console.is_terminal:
        text = _TRAILING.sub(r"\1", text)
    if page and text.count("\n") >= console.height:
        from awsmap.render import pager  # only on a terminal: subprocess is no quick import

        if pager.page(text):
            return
    console.file.write(text)
    console.file.flush()


def briefly(parts: list[RenderableType]) -> list[RenderableType]:
    """The essentials of a page: each titled table without its columns that explain
    (``DETAIL_COLUMNS``), a table left with one column as one line (its title and the names), and
    the first bullet of each list. A dim line at the end says what was left out."""
    out: list[RenderableType] = []
    for part in parts:
        if isinstance(part, Bullets):
            out.append(part.first() if len(part.items) > 1 else part)
            continue
        if not isinstance(part, Table) or part.title is None:
            out.append(part)
            continue
        keep = [c for c in part.columns if str(c.header) not in DETAIL_COLUMNS]
        if len(keep) == len(part.columns) or not keep:
            out.append(part)
        elif len(keep) == 1:
            names = Text(", ").join(
                c if isinstance(c, Text) else Text(str(c)) for c in keep[0].cells
            )
            out.append(
                Text.assemble(part.title, ": ", names) if isinstance(part.title, Text) else names
            )
        else:
            out.append(_columns(part, keep))
    if len(out) != len(parts) or any(a is not b for a, b in zip(out, parts, strict=True)):
        out.append(Text(BRIEF_NOTE, style="dim"))
    return out


def _columns(source: Table, keep: list[Column]) -> Table:
    """A copy of a titled table with only some of its columns."""
    title = source.title if isinstance(source.title, Text) else Text(str(source.title))
    out = table(title.plain, *(str(c.header) for c in keep))
    for new, old in zip(out.columns, keep, strict=True):
        new.justify = old.justify
    for row in zip(*(list(c.cells) for c in keep), strict=True):
        out.add_row(*row)
    return out


def _print(parts: list[RenderableType], console: Console) -> None:
    for i, part in enumerate(parts):
        # a blank line before each titled block, none before the first
        if i and isinstance(part, (Table, Group)) and not _is_grid(part):
            console.print()
        console.print(part, soft_wrap=isinstance(part, Text) and part.no_wrap is True)


def _is_grid(part: RenderableType) -> bool:
    return isinstance(part, Table) and part.title is None


def _fit(part: RenderableType, console: Console) -> RenderableType:
    """A titled table with widths that break no word, or as stacked blocks when its columns
    cannot share the width whole-word (always below ``NARROW`` columns)."""
    if not isinstance(part, Table) or part.title is None:
        return part
    if console.width < NARROW:
        return stacked(part)
    widths = whole_word_widths(part, console)
    if widths is None:
        return stacked(part)
    for column, width in zip(part.columns, widths, strict=True):
        column.width = width
    title = part.title.cell_len if isinstance(part.title, Text) else 0
    part.min_width = min(title, console.width)  # a title wider than its columns is not wrapped
    return part


def whole_word_widths(table: Table, console: Console) -> list[int] | None:
    """Widths for the columns of ``table`` (without padding) that fit the console and leave
    every word whole, or None when even the longest words of each column do not fit side by
    side. Rich's own layout narrows the widest column first, below its longest word if need be
    ("ElastiCach|e"); here the widest column is narrowed first, but never below its longest word.
    """
    padding = [table._get_padding_width(i) for i in range(len(table.columns))]
    room = console.width - table._extra_width - sum(padding)
    options = console.options.update_width(max(room, 1))
    lows: list[int] = []
    highs: list[int] = []
    for column in table.columns:
        cells = [column.header, *column.cells] if table.show_header else list(column.cells)
        sizes = [Measurement.get(console, options, c) for c in cells if c is not None]
        lows.append(max((m.minimum for m in sizes), default=1))
        highs.append(max((m.maximum for m in sizes), default=1))
    return allot(lows, highs, room)


def allot(lows: list[int], highs: list[int], room: int) -> list[int] | None:
    """Widths between ``lows`` and ``highs`` summing to at most ``room``: each column as wide as
    it wants, then the widest narrowed first, never below its low; None when the lows exceed
    ``room``."""
    if sum(lows) > room:
        return None
    widths = [max(low, high) for low, high in zip(lows, highs, strict=True)]
    excess = sum(widths) - room
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if w > lows[i]]
        widest = max(widths[i] for i in shrinkable)
        tops = [i for i in shrinkable if widths[i] == widest]
        below = max((widths[i] for i in shrinkable if widths[i] < widest), default=0)
        floor = max(below, *(lows[i] for i in tops))
        step = min(widest - floor, -(-excess // len(tops)))  # at least 1: widest > every low
        for i in tops:
            cut = min(step, widths[i] - lows[i], excess)
            widths[i] -= cut
            excess -= cut
    return widths


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
