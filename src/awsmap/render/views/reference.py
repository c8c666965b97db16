"""Terminal views of tips, services and numbers, found by the result's type."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from awsmap.catalog.designs import NUMBER_GROUP_TITLES, Number
from awsmap.commands.reference import NumbersResult, ServicesResult, TipsResult
from awsmap.render.richtext import (
    View,
    bullet_list,
    inert,
    numbers_table,
    status_text,
    table,
)


def _tips(result: TipsResult) -> list[RenderableType]:
    out: list[RenderableType] = []
    for tip in result.tips:
        parts: list[RenderableType] = [
            Text.assemble((f"{tip.group}  ", "dim"), inert(tip.title, "bold")),
            inert(tip.text),
        ]
        if tip.items:
            parts.append(bullet_list(tip.items))
        out.append(Group(*parts))
    return out


def _services(result: ServicesResult) -> list[RenderableType]:
    what = {None: "AWS services", "retired": "Retired AWS services (do not recommend these today)"}
    title = what.get(result.status, f"AWS services: {result.status}")
    grid = table(f"{title}: {len(result.services)}", "Service", "Status", "Id")
    for svc in result.services:
        after = tuple(
            result.successors[s] for s in svc.lifecycle.successors if s in result.successors
        )
        grid.add_row(inert(svc.name, "bold"), status_text(svc, after), inert(svc.id, "dim"))
    return [grid]


def _numbers(result: NumbersResult) -> list[RenderableType]:
    """One table per group of figures and per AWS service, each row with its source."""
    names = result.names or {}
    out: list[RenderableType] = []
    tech = result.technology
    if tech is not None:
        services = ", ".join(names.get(eq.service, eq.service) for eq in tech.aws_equivalents)
        out.append(
            inert(
                f"Numbers for estimates: {tech.name}"
                + (f" and its AWS equivalents ({services})" if services else ""),
                "bold",
            )
        )
    elif result.service is None:
        where = f" in the {result.group} group" if result.group else ""
        out.append(
            inert(
                f"Numbers for estimates: {len(result.numbers)} figures{where}, "
                "each with its source and the date it was checked",
                "bold",
            )
        )
    tables: dict[tuple[str, str | None], list[Number]] = {}
    for number in result.numbers:
        tables.setdefault((number.group, number.service), []).append(number)
    for (group, service), numbers in tables.items():
        title = NUMBER_GROUP_TITLES[group]
        if service is not None:
            title += f": {names.get(service, service)}"
        out.append(numbers_table(title, numbers, sources=True))
    return out


VIEWS: dict[type[Any], View] = {
    TipsResult: _tips,
    ServicesResult: _services,
    NumbersResult: _numbers,
}
