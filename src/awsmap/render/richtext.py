"""Building blocks of the terminal views: inert text, tables, lifecycle and match lines.

Every string from the data or from argv goes through :func:`inert` (``Text``, never markup) after
``safe``, so neither Rich markup nor escape sequences in a user's file can style or control the
terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from awsmap.base.match import APPROXIMATE, Match
from awsmap.base.text import plain_number, safe
from awsmap.catalog.domain import RELATION_MEANINGS, Equivalent
from awsmap.catalog.models import AwsService

STATUS_STYLE = {
    "available": "green",
    "closed-to-new-customers": "yellow",
    "end-of-support": "red",
    "discontinued": "red",
}
RELATION_STYLE = {"managed": "bold green", "compatible": "cyan", "analogous": "magenta"}

if TYPE_CHECKING:
    from awsmap.catalog.designs import Number

View = Callable[[Any], list[RenderableType]]  # a result in, renderables out


def inert(value: str | None, style: str = "") -> Text:
    """Data or user input as text that cannot style or control the terminal."""
    return Text(safe(value or ""), style=style)


# Columns under these headings explain rather than name: --brief leaves them out.
DETAIL_COLUMNS = frozenset({"Note", "Note and source", "Detail", "How", "What it is", "Source"})


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
    """'app mesh → AWS App Mesh (normalized, 100)' when the name was written otherwise;
    'kafak ≈ Apache Kafka (fuzzy, 80: not the name you typed)' when it was taken for another."""
    if match.method == "exact":
        return None
    if match.method in APPROXIMATE:
        return Text.assemble(
            inert(match.query, "bold yellow"),
            (" ≈ ", "bold yellow"),
            inert(name, "bold"),
            (f" ({match.method}, {match.score:.0f}: not the name you typed)", "yellow"),
        )
    return Text.assemble(
        inert(match.query, "italic"),
        (" → ", "dim"),
        inert(name, "bold"),
        (f" ({match.method}, {match.score:.0f})", "dim"),
    )


def add_match_line(out: list[RenderableType], match: Match, name: str) -> None:
    """An approximate match goes on the first line of the page, where it cannot be missed; a
    name merely written otherwise is noted under the heading."""
    line = match_line(match, name)
    if line is None:
        return
    if match.method in APPROXIMATE:
        out.insert(0, line)
    else:
        out.append(line)


def bullet_list(items: Iterable[str], quote: bool = False) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right", style="dim")
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row("•", inert(f"“{item}”" if quote else item))
    return grid


class Bullets(Group):
    """A titled list of bullets that remembers its items, so that --brief can shorten it."""

    def __init__(self, title: str, items: Sequence[str], quote: bool = False) -> None:
        super().__init__(Text(title, style="bold"), bullet_list(items, quote))
        self.title = title
        self.items = tuple(items)
        self.quote = quote

    def first(self) -> Bullets:
        """Only the first bullet, and how many more the whole page has."""
        more = len(self.items) - 1
        out = Bullets(self.title, self.items[:1], self.quote)
        if more > 0:
            out.renderables.append(Text(f"    and {more} more", style="dim"))
        return out


def bullets(title: str, items: Iterable[str], quote: bool = False) -> RenderableType:
    return Bullets(title, list(items), quote)


def hint(text: str) -> Group:
    """A dim line pointing at the next command to try."""
    return Group(Text(text, style="dim"))


def equivalents_table(equivalents: Sequence[Equivalent]) -> Table:
    grid = table("AWS equivalents", "Service", "Relation", "Status", "Note")
    for eq in equivalents:
        grid.add_row(
            inert(eq.service.name, "bold"),
            relation_text(eq.relation),
            status_text(eq.service, eq.successors),
            inert(eq.note),
        )
    return grid


def number_value(number: Number) -> str:
    """Value and unit, and for an AWS limit whether AWS raises it on request."""
    value = f"{plain_number(number.value)} {number.unit}"
    if number.adjustable is not None:
        value += " (adjustable)" if number.adjustable else " (hard limit)"
    return value


def numbers_table(
    title: str, numbers: Sequence[Number], service: bool = False, sources: bool = False
) -> Table:
    """Figures with their value and unit, a note, and (``sources``) where each is stated and
    when it was checked, in the note's cell so that the table fits 80 columns."""
    columns = ("Service",) if service else ()
    general = bool(numbers) and all(n.general for n in numbers)
    note = "Note and source" if sources else "Note"
    out = table(title, *columns, "Figure" if general else "Limit", "Value", note)
    name_column, value_column = out.columns[len(columns)], out.columns[len(columns) + 1]
    value_column.justify = "right"
    if sources:  # leave the width to the note and its source
        name_column.max_width, value_column.max_width = 30, 20
    for n in numbers:
        cells = [inert(n.service, "dim")] if service else []
        text = inert(n.note or "")
        if sources:
            if n.note:
                text.append("\n")
            text.append_text(inert(f"{n.source} (checked {n.checked})", "dim"))
        out.add_row(*cells, inert(n.name, "bold"), inert(number_value(n)), text)
    return out


def equivalent_names(equivalents: Sequence[Equivalent]) -> Text:
    """'Amazon MSK (managed), AWS App Mesh (analogous; end of support 2026-09-30)'."""
    out = Text()
    for i, eq in enumerate(equivalents):
        if i:
            out.append(", ")
        retired = retired_words(eq.service)
        out.append_text(inert(eq.service.name, "strike dim" if retired else ""))
        out.append(f" ({eq.relation}", style="dim")
        if retired:
            out.append("; ", style="dim")
            out.append(retired, style="red")
        out.append(")", style="dim")
    return out


def retired_words(service: AwsService) -> str | None:
    """'end of support 2026-09-30' for a service not to recommend today, else None: the mark in
    words that a strike-through alone loses in a pipe or with NO_COLOR."""
    life = service.lifecycle
    if not life.retired:
        return None
    words = life.status.replace("-", " ")
    return f"{words} {life.date}" if life.date else words


def service_name(service: AwsService) -> Text:
    """A service's name; a retired one struck through and marked in words too ('AWS App Mesh
    (end of support 2026-09-30)')."""
    retired = retired_words(service)
    if retired is None:
        return inert(service.name)
    return Text.assemble(inert(service.name, "strike dim"), (f" ({retired})", "red"))
