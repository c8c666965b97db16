"""Terminal views of compare, found by the result's type."""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.text import Text

from awsmap.base.text import safe
from awsmap.commands.compare import CompareResult
from awsmap.render.richtext import (
    View,
    hint,
    inert,
    match_line,
    table,
)


def _compare(result: CompareResult) -> list[RenderableType]:
    title = result.comparison.title if result.comparison else "Side by side (from the data)"
    headers = [s.name for s in result.subjects]
    if result.comparison:
        by_id = {(s.kind, s.target): s.label for s in result.comparison.sides}
        headers = [by_id.get((s.kind, s.id), s.name) for s in result.subjects]
    grid = table(title, "", *[safe(h) for h in headers], show_lines=True)
    for row in result.rows:
        grid.add_row(inert(row.aspect, "bold"), *[inert(v) for v in row.values])
    if any(v.choose_when for v in result.verdicts):
        grid.add_row(
            inert("Choose it when", "bold green"),
            *[inert(v.choose_when or "", "green") for v in result.verdicts],
        )
    out: list[RenderableType] = []
    for s in result.subjects:
        line = match_line(s.match, s.name)
        if line:
            out.append(line)
    out.append(grid)
    if result.verdict:
        out += [Text(), Text.assemble(("Verdict: ", "bold green"), inert(result.verdict))]
    guide = result.decision_guide
    if guide:
        out.append(Text.assemble(("AWS Decision Guide: ", "dim"), inert(guide.title)))
        url = inert(guide.url, "dim")
        url.no_wrap, url.overflow = True, "ignore"  # one line, so it stays a link to copy
        out.append(url)
    if result.included:
        titles = ", ".join(c.title for c in result.included)
        out.append(hint(f"Includes the curated rows of {safe(titles)}"))
    return out


VIEWS: dict[type[Any], View] = {
    CompareResult: _compare,
}
