"""Markdown that pastes into a design document: a table per result, GitHub-flavoured.

Cell text is escaped (pipes, newlines, control characters) so a value from the data can never
break the table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from awsmap.base.text import safe
from awsmap.catalog.domain import status_words
from awsmap.commands.designs import ArchitectureResult
from awsmap.commands.stack import StackResult


def cell(text: str | None) -> str:
    value = safe(text or "").replace("\\", "\\\\").replace("|", "\\|")
    return " ".join(value.split()) or " "


def table(headers: Sequence[str], rows: Iterable[Sequence[str | None]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out.extend("| " + " | ".join(cell(v) for v in row) + " |" for row in rows)
    return out


def _stack(result: StackResult) -> list[str]:
    rows = []
    for c in result.components:
        others = ", ".join(f"{e.service.name} ({e.relation})" for e in c.alternatives)
        others = ", ".join(filter(None, [others, *(s.name for s in c.successors)]))
        rows.append(
            [
                f"{c.origin} ({c.query})" if c.origin and c.origin != c.query else c.query,
                c.technology.name if c.technology else "(AWS service)",
                c.service.name,
                c.relation or "same service",
                status_words(c.service),
                others,
                "; ".join(c.warnings),
            ]
        )
    out = ["## On AWS", ""]
    headers = ["Component", "Technology", "AWS service", "Relation", "Status", "Also", "Watch out"]
    out += table(headers, rows) if rows else ["Nothing in this design maps to AWS."]
    if result.unmapped:
        out += ["", "Not mapped: " + ", ".join(f"`{cell(u.query)}`" for u in result.unmapped)]
    return [*out, "", ", ".join(result.summary_words()) + "."]


def _step(title: str, points: Sequence[str]) -> list[str]:
    return [f"#### {cell(title)}", "", *(f"- {cell(p)}" for p in points)]


def _architecture(result: ArchitectureResult) -> list[str]:
    a = result.architecture
    rows = [
        [
            c.role,
            ", ".join(result.techs.get(t, t) for t in c.technologies),
            ", ".join(result.services[s].name for s in c.aws_services),
            c.note,
        ]
        for c in a.components
    ]
    steps = a.walkthrough.steps() if a.walkthrough else []
    out = [f"## {cell(a.name)}", "", cell(a.summary), ""]
    if steps:
        out += ["### Walk-through", ""]
    for title, points in steps[:-1]:  # requirements to the high-level design, drawn by the table
        out += [*_step(title, points), ""]
    out += table(["Component", "Open source", "On AWS", "Note"], rows)
    for title, points in steps[-1:]:  # the deep dives
        out += ["", *_step(title, points)]
    if a.tradeoffs:
        out += ["", "### Trade-offs", ""] + [f"- {cell(t)}" for t in a.tradeoffs]
    return out


def markdown(result: Any) -> str:
    if isinstance(result, StackResult):
        lines = _stack(result)
    elif isinstance(result, ArchitectureResult):
        lines = _architecture(result)
    else:  # pragma: no cover - the commands offer markdown only for these
        raise TypeError(f"no markdown for {type(result).__name__}")
    return "\n".join(lines) + "\n"
