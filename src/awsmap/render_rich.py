"""The terminal renderer: Rich tables drawn from result objects.

Every string from the data or from argv goes through ``Text`` (never markup) after ``safe``, so
neither Rich markup nor escape sequences in a user's file can style or control the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from awsmap.models import AwsService, Technology
from awsmap.resolve import Match
from awsmap.results import (
    CategoriesResult,
    CategoryResult,
    CompareResult,
    Equivalent,
    ListResult,
    LookupResult,
    Result,
    SearchResult,
    ServiceResult,
    ValidateResult,
    key_use_case,
    main_equivalent,
)
from awsmap.text import safe

STATUS_STYLE = {
    "available": "green",
    "closed-to-new-customers": "yellow",
    "end-of-support": "red",
    "discontinued": "red",
}
RELATION_STYLE = {"managed": "bold green", "compatible": "cyan", "analogous": "magenta"}


def t(value: str | None, style: str = "") -> Text:
    """Data as inert text."""
    return Text(safe(value or ""), style=style)


def _table(title: str, *columns: str, **kwargs: object) -> Table:
    table = Table(
        title=Text(title, style="bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        expand=False,
        **kwargs,  # type: ignore[arg-type]
    )
    for name in columns:
        table.add_column(name, overflow="fold")
    return table


def status_text(service: AwsService, successors: Sequence[AwsService] = ()) -> Text:
    life = service.lifecycle
    out = t(life.status.replace("-", " "), STATUS_STYLE.get(life.status, ""))
    if life.retired and life.date:
        out.append(f" ({life.date})", style="dim")
    if successors:
        out.append(" → " if life.retired else " successor: ", style="dim")
        out.append_text(t(", ".join(s.name for s in successors), "bold"))
    return out


def _match_line(match: Match, name: str) -> Text | None:
    if match.method == "exact":
        return None
    return Text.assemble(
        t(match.query, "italic"),
        (" → ", "dim"),
        t(name, "bold"),
        (f" ({match.method}, {match.score:.0f})", "dim"),
    )


def _bullets(title: str, items: Iterable[str], quote: bool = False) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right", style="dim")
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row("•", t(f"“{item}”" if quote else item))
    return Group(Text(title, style="bold"), grid)


def _equivalents_table(equivalents: Sequence[Equivalent]) -> Table:
    table = _table("AWS equivalents", "Service", "Relation", "Status", "Note")
    for eq in equivalents:
        table.add_row(
            t(eq.service.name, "bold"),
            t(eq.relation, RELATION_STYLE.get(eq.relation, "")),
            status_text(eq.service, eq.successors),
            t(eq.note),
        )
    return table


def _lookup(result: LookupResult) -> list[RenderableType]:
    tech = result.technology
    out: list[RenderableType] = []
    head = Text.assemble(
        t(tech.name, "bold cyan"),
        ("  ·  ", "dim"),
        t(" · ".join(c.name for c in result.categories), "dim"),
    )
    out.append(head)
    out.append(t(tech.what_it_is))
    if tech.aliases:
        out.append(Text.assemble(("Also: ", "dim"), t(", ".join(tech.aliases))))
    line = _match_line(result.match, tech.name)
    if line:
        out.append(line)
    out.append(_equivalents_table(result.equivalents))
    if tech.parallels:
        table = _table("Key parallels", "Aspect", "Detail")
        for par in tech.parallels:
            table.add_row(t(par.aspect, "bold"), t(par.detail))
        out.append(table)
    if tech.interview_phrases:
        out.append(_bullets("Interview phrases", tech.interview_phrases, quote=True))
    if result.full:
        out.extend(_full_sections(result))
    else:
        more = [
            w
            for w, present in (
                ("key features", tech.key_features),
                ("use cases", tech.use_cases),
                ("comparisons", result.comparisons),
                ("corrections", tech.corrections),
            )
            if present
        ]
        if more:
            out.append(
                Group(
                    Text(f"More: awsmap lookup {tech.id} --full ({', '.join(more)})", style="dim")
                )
            )
    return out


def _full_sections(result: LookupResult) -> list[RenderableType]:
    tech = result.technology
    out: list[RenderableType] = []
    if tech.key_features:
        out.append(_bullets("Key features", tech.key_features))
    if tech.use_cases:
        out.append(_bullets("Use cases", tech.use_cases))
    for section in tech.sections:
        table = _table(section.title, "Item", "Detail")
        for item in section.items:
            table.add_row(t(item.name or "", "bold"), t(item.detail))
        out.append(table)
    for arch in tech.architectures:
        out.append(
            Group(
                Text(arch.title, style="bold"),
                Text.assemble(("  open source: ", "dim"), t(" → ".join(arch.open_source))),
                Text.assemble(("  on AWS:      ", "dim"), t(" → ".join(arch.aws))),
            )
        )
    if result.comparisons:
        lines = [Text("Comparisons", style="bold")]
        for comp in result.comparisons:
            ids = " ".join(s.target for s in comp.sides)
            lines.append(
                Text.assemble(("  • ", "dim"), t(comp.title), (f"   awsmap compare {ids}", "dim"))
            )
        out.append(Group(*lines))
    if tech.corrections:
        table = _table("Corrections to the source guide", "The guide said", "True now", "Source")
        for c in tech.corrections:
            table.add_row(t(c.was, "dim"), t(c.now), t(c.source, "dim"))
        out.append(table)
    return out


def _service(result: ServiceResult) -> list[RenderableType]:
    svc = result.service
    life = svc.lifecycle
    out: list[RenderableType] = [
        Text.assemble(
            t(svc.name, "bold cyan"),
            ("  ", ""),
            t(svc.full_name if svc.full_name != svc.name else "", "dim"),
        ),
        t(svc.description),
    ]
    line = _match_line(result.match, svc.name)
    if line:
        out.append(line)
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column()
    facts.add_row("Status", status_text(svc, result.successors))
    if life.note:
        facts.add_row("Note", t(life.note))
    facts.add_row("Source", t(life.source))
    if svc.aliases:
        facts.add_row("Also", t(", ".join(svc.aliases)))
    if svc.sdk_ids:
        facts.add_row("SDK ids", t(", ".join(svc.sdk_ids)))
    out.append(facts)
    if result.links:
        table = _table("Technologies that map to it", "Technology", "Relation", "Note")
        for link in result.links:
            table.add_row(
                t(link.name, "bold"),
                t(link.relation, RELATION_STYLE.get(link.relation, "")),
                t(link.note),
            )
        out.append(table)
    else:
        out.append(Text("No technology in the data maps to it.", style="dim"))
    return out


def _equivalent_names(equivalents: Sequence[Equivalent]) -> Text:
    out = Text()
    for i, eq in enumerate(equivalents):
        if i:
            out.append(", ")
        out.append_text(
            t(eq.service.name, "" if eq.service.lifecycle.status == "available" else "strike dim")
        )
        out.append(f" ({eq.relation})", style="dim")
    return out


def _category(result: CategoryResult) -> list[RenderableType]:
    cat = result.category
    out: list[RenderableType] = [t(cat.name, "bold cyan"), t(cat.description)]
    line = _match_line(result.match, cat.name)
    if line:
        out.append(line)
    table = _table(
        f"{len(result.technologies)} technologies", "Technology", "AWS equivalents", "What it is"
    )
    for summary in result.technologies:
        table.add_row(
            t(summary.technology.name, "bold"),
            _equivalent_names(summary.equivalents),
            t(summary.technology.what_it_is),
        )
    out.append(table)
    return out


def _categories(result: CategoriesResult) -> list[RenderableType]:
    table = _table("Categories", "Id", "Name", "Count", "Description")
    table.columns[2].justify = "right"
    for cat, count in result.categories:
        table.add_row(t(cat.id, "bold"), t(cat.name), str(count), t(cat.description, "dim"))
    return [table]


def _compare(result: CompareResult) -> list[RenderableType]:
    title = result.comparison.title if result.comparison else "Side by side (from the data)"
    headers = [s.name for s in result.subjects]
    if result.comparison:
        by_id = {(s.kind, s.target): s.label for s in result.comparison.sides}
        headers = [by_id.get((s.kind, s.id), s.name) for s in result.subjects]
    table = _table(title, "", *[safe(h) for h in headers], show_lines=True)
    for row in result.rows:
        table.add_row(t(row.aspect, "bold"), *[t(v) for v in row.values])
    out: list[RenderableType] = []
    for s in result.subjects:
        line = _match_line(s.match, s.name)
        if line:
            out.append(line)
    out.append(table)
    return out


def _search(result: SearchResult) -> list[RenderableType]:
    table = _table(f"Search: {safe(result.query)}", "#", "Technology", "Id", "Score", "Matched in")
    table.columns[3].justify = "right"
    for i, hit in enumerate(result.hits, 1):
        table.add_row(
            str(i),
            t(hit.name, "bold"),
            t(hit.id, "dim"),
            f"{hit.score:.0f}",
            t(hit.field.replace("_", " ")),
        )
    return [table]


def _list(result: ListResult) -> list[RenderableType]:
    table = _table(
        f"Quick reference: {len(result.technologies)} technologies",
        "Technology",
        "Category",
        "Main AWS equivalent",
        "Key use case",
    )
    for summary in result.technologies:
        tech: Technology = summary.technology
        main = main_equivalent(summary.equivalents)
        table.add_row(
            t(tech.name, "bold"),
            t(", ".join(tech.categories)),
            t(main.service.name if main else "-"),
            t(key_use_case(tech) or "-"),
        )
    return [table]


def _validate(result: ValidateResult) -> list[RenderableType]:
    if result.valid:
        counts = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in result.counts.items() if n)
        return [
            Text.assemble(
                ("ok", "bold green"), ": ", t(", ".join(result.files)), f" ({counts or 'nothing'})"
            )
        ]
    # one problem a line, never wrapped, so that it can be grepped and clicked in an editor
    out: list[RenderableType] = [
        Text(safe(str(p)), no_wrap=True, overflow="ignore") for p in result.problems
    ]
    out.append(
        Text(
            f"{len(result.problems)} problem{'s' if len(result.problems) != 1 else ''}",
            style="bold red",
        )
    )
    return out


_RENDERERS = {
    LookupResult: _lookup,
    ServiceResult: _service,
    CategoryResult: _category,
    CategoriesResult: _categories,
    CompareResult: _compare,
    SearchResult: _search,
    ListResult: _list,
    ValidateResult: _validate,
}


NARROW = 60


def _stacked(table: Table) -> Group:
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


def render(result: Result, console: Console) -> None:
    parts = _RENDERERS[type(result)](result)  # type: ignore[operator]
    if console.width < NARROW:
        parts = [_stacked(p) if isinstance(p, Table) and p.title is not None else p for p in parts]
    for i, part in enumerate(parts):
        # a blank line before each titled block, none before the first
        if i and isinstance(part, (Table, Group)) and not _is_grid(part):
            console.print()
        console.print(part, soft_wrap=isinstance(part, Text) and part.no_wrap is True)


def _is_grid(part: RenderableType) -> bool:
    return isinstance(part, Table) and part.title is None
