"""Terminal view of an estimate: the working in words, then each service's needs and the limit
that bites first, found by the result's type."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from rich.console import RenderableType
from rich.text import Text

from awsmap.commands.estimate.result import Estimate
from awsmap.render.richtext import View, bullets, inert, table


def _plain(value: Fraction | int | float) -> str:
    """A figure as people write it: 1,000 or 2.5, never 1e+07 or a fraction."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{float(value):,.2f}".rstrip("0").rstrip(".")


def _estimate(result: Estimate) -> list[RenderableType]:
    out: list[RenderableType] = []
    working = table("Load, data and bandwidth", "Figure", "Working")
    working.add_row(Text("Writes/s"), inert(result.writes.formula))
    working.add_row(Text("Reads/s"), inert(result.reads.formula))
    for label, figure in (
        ("Data per day", result.bytes_per_day),
        ("Data in total", result.bytes_total),
        ("In at peak", result.in_bytes_per_s),
        ("Out at peak", result.out_bytes_per_s),
    ):
        if figure.formula:
            working.add_row(Text(label), inert(figure.formula))
    out.append(working)
    for service in result.services:
        needs = table(service.name, "Needs", "Value", "Limit", "Headroom")
        for need in service.needs:
            limit = need.limit
            kind = "hard" if limit.hard else "soft"
            needs.add_row(
                inert(need.what),
                Text(f"{_plain(need.value)} {need.unit}"),
                inert(f"{_plain(limit.value)} {limit.unit} ({kind}, {limit.id})"),
                Text(f"{float(need.headroom):.2f}×", style="bold red" if need.exceeded else ""),
            )
        out.append(needs)
        if service.bites_first:
            out.append(Text.assemble(("  Bites first: ", "bold"), inert(service.bites_first)))
    if result.notes:
        out.append(bullets("Notes", result.notes))
    return out


VIEWS: dict[type[Any], View] = {Estimate: _estimate}
