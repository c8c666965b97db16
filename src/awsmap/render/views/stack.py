"""Terminal views of stack, found by the result's type."""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.text import Text

from awsmap.commands.stack import Component, StackResult
from awsmap.render.richtext import (
    View,
    bullets,
    inert,
    relation_legend,
    relation_text,
    status_text,
    table,
)


def _service(component: Component) -> Text:
    """The AWS service's name; a retired one's status on the line below."""
    service = component.service
    out = inert(service.name)
    if service.lifecycle.retired:
        out.append("\n")
        out.append_text(status_text(service))
    return out


def _stack(result: StackResult) -> list[RenderableType]:
    grid = table("Your design on AWS", "Component", "AWS service", "Relation", "Also", "Watch out")
    for c in result.components:
        named = c.technology.name if c.technology else c.role.name if c.role else c.query
        asked = inert(named, "bold")
        if c.origin:
            asked.append(f"  ({c.origin})", style="dim")
        others = ", ".join(
            e.service.name if c.role else f"{e.service.name} ({e.relation})" for e in c.alternatives
        )
        others = ", ".join(filter(None, [others, *(s.name for s in c.successors)]))
        if c.relation:
            relation = relation_text(c.relation)
        else:
            relation = inert("role" if c.role else "same service", "dim")  # not a kind
        grid.add_row(
            asked,
            _service(c),
            relation,
            inert(others, "dim"),
            inert("; ".join(c.warnings), "yellow"),
        )
    out: list[RenderableType] = []
    if result.components:  # nothing mapped: no empty table, the reasons below say why
        used = [c.relation for c in result.components if c.relation]
        used += [e.relation for c in result.components if not c.role for e in c.alternatives]
        out += [grid, relation_legend(used)]
    phrases = [
        f"{c.technology.name if c.technology else c.query}: {c.phrase}"
        for c in result.components
        if (c.technology or c.role) and c.phrase
    ]
    if phrases:
        out.append(bullets("How to say it", phrases))
    if result.unmapped:
        lines = []
        for u in result.unmapped:
            label = u.query if not u.origin or u.origin == u.query else f"{u.query} ({u.origin})"
            why = u.reason or "no match"
            if u.suggestions and "did you mean" not in why:  # a resolver's reason says it once
                why += "; did you mean " + ", ".join(u.suggestions) + "?"
            lines.append(f"{label}: {why}")
        out.append(bullets("Not mapped", lines))
    out.append(Text(" · ".join(result.summary_words()), style="dim"))
    return out


VIEWS: dict[type[Any], View] = {
    StackResult: _stack,
}
