"""Building blocks of the terminal views: inert text, tables, lifecycle and match lines.

Every string from the data or from argv goes through :func:`inert` (``Text``, never markup) after
``safe``, so neither Rich markup nor escape sequences in a user's file can style or control the
terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from awsmap.domain import RELATION_MEANINGS
from awsmap.match import Match
from awsmap.models import AwsService
from awsmap.text import safe

STATUS_STYLE = {
    "available": "green",
    "closed-to-new-customers": "yellow",
    "end-of-support": "red",
    "discontinued": "red",
}
RELATION_STYLE = {"managed": "bold green", "compatible": "cyan", "analogous": "magenta"}


def inert(value: str | None, style: str = "") -> Text:
    """Data or user input as text that cannot style or control the terminal."""
    return Text(safe(value or ""), style=style)


def table(title: str, *columns: str, **kwargs: object) -> Table:
    out = Table(
        title=Text(title, style="bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        expand=False,
        **kwargs,  # type: ignore[arg-type]
    )
    for name in columns:
        out.add_column(name, overflow="fold")
    return out


def facts(rows: Iterable[tuple[str, Text | None]]) -> Table:
    """A two-column grid of labelled facts; rows whose value is None are left out."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim")
    grid.add_column()
    for label, value in rows:
        if value is not None:
            grid.add_row(label, value)
    return grid


def status_text(service: AwsService, successors: Sequence[AwsService] = ()) -> Text:
    life = service.lifecycle
    out = inert(life.status.replace("-", " "), STATUS_STYLE.get(life.status, ""))
    if life.retired and life.date:
        out.append(f" ({life.date})", style="dim")
    if successors:
        out.append(" → " if life.retired else " successor: ", style="dim")
        out.append_text(inert(", ".join(s.name for s in successors), "bold"))
    return out


def relation_text(relation: str) -> Text:
    return inert(relation, RELATION_STYLE.get(relation, ""))


def relation_legend(relations: Iterable[str]) -> Text:
    """One line that explains the relation words shown above it."""
    present = set(relations)
    shown = [r for r in RELATION_MEANINGS if r in present]
    out = Text(style="dim")
    for i, relation in enumerate(shown):
        out.append("  ·  " if i else "")
        out.append(relation, style=RELATION_STYLE[relation])
        out.append(f": {RELATION_MEANINGS[relation]}")
    return out


def match_line(match: Match, name: str) -> Text | None:
    """'kafak → Apache Kafka (fuzzy, 80)' when the name was not given exactly."""
    if match.method == "exact":
        return None
    return Text.assemble(
        inert(match.query, "italic"),
        (" → ", "dim"),
        inert(name, "bold"),
        (f" ({match.method}, {match.score:.0f})", "dim"),
    )


def bullet_list(items: Iterable[str], quote: bool = False) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right", style="dim")
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row("•", inert(f"“{item}”" if quote else item))
    return grid


def bullets(title: str, items: Iterable[str], quote: bool = False) -> RenderableType:
    return Group(Text(title, style="bold"), bullet_list(items, quote))


def hint(text: str) -> Group:
    """A dim line pointing at the next command to try."""
    return Group(Text(text, style="dim"))
