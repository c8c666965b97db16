"""Terminal views of tips, services and numbers, found by the result's type."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

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
    if result.service is not None:
        return [numbers_table(f"Numbers for estimates: {result.service.name}", result.numbers)]
    return [numbers_table("Numbers for estimates", result.numbers, service=True)]


VIEWS: dict[type[Any], View] = {
    TipsResult: _tips,
    ServicesResult: _services,
    NumbersResult: _numbers,
}
