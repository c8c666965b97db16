"""Terminal views of the lookup commands: lookup, aws, category, categories, compare, search,
list, validate and cache."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from awsmap.domain import Equivalent, key_use_case, recommended
from awsmap.kinds import BY_KEY, COMPARISON
from awsmap.render.richtext import (
    bullets,
    facts,
    hint,
    inert,
    match_line,
    relation_legend,
    relation_text,
    status_text,
    table,
)
from awsmap.text import safe

if TYPE_CHECKING:  # the views are found by the result's class name: no result module is imported
    from awsmap.designs import Number
    from awsmap.results import LookupResult, ServiceResult
    from awsmap.results_admin import CacheResult, ValidateResult
    from awsmap.results_compare import CompareResult
    from awsmap.results_lists import CategoriesResult, CategoryResult, ListResult
    from awsmap.results_search import SearchResult


def _equivalents_table(equivalents: Sequence[Equivalent]) -> Table:
    grid = table("AWS equivalents", "Service", "Relation", "Status", "Note")
    for eq in equivalents:
        grid.add_row(
            inert(eq.service.name, "bold"),
            relation_text(eq.relation),
            status_text(eq.service, eq.successors),
            inert(eq.note),
        )
    return grid


def _lookup(result: LookupResult) -> list[RenderableType]:
    tech = result.technology
    out: list[RenderableType] = []
    head = Text.assemble(
        inert(tech.name, "bold cyan"),
        ("  ·  ", "dim"),
        inert(" · ".join(c.name for c in result.categories), "dim"),
    )
    out.append(head)
    out.append(inert(tech.what_it_is))
    if tech.aliases:
        out.append(Text.assemble(("Also: ", "dim"), inert(", ".join(tech.aliases))))
    line = match_line(result.match, tech.name)
    if line:
        out.append(line)
    out.append(_equivalents_table(result.equivalents))
    out.append(relation_legend(eq.relation for eq in result.equivalents))
    if tech.parallels:
        grid = table("Key parallels", "Aspect", "Detail")
        for par in tech.parallels:
            grid.add_row(inert(par.aspect, "bold"), inert(par.detail))
        out.append(grid)
    if tech.interview_phrases:
        out.append(bullets("Interview phrases", tech.interview_phrases, quote=True))
    if result.full:
        out.extend(_full_sections(result))
    else:
        more = [
            w
            for w, present in (
                ("key features", tech.key_features),
                ("use cases", tech.use_cases),
                (COMPARISON.plural, result.comparisons),
                ("corrections", tech.corrections),
            )
            if present
        ]
        if more:
            out.append(hint(f"More: awsmap lookup {tech.id} --full ({', '.join(more)})"))
    if result.patterns:
        names = ", ".join(p.name for p in result.patterns)
        out.append(hint(f"Building blocks it serves: {safe(names)} (awsmap pattern NAME)"))
    return out


def _full_sections(result: LookupResult) -> list[RenderableType]:
    tech = result.technology
    out: list[RenderableType] = []
    if tech.key_features:
        out.append(bullets("Key features", tech.key_features))
    if tech.use_cases:
        out.append(bullets("Use cases", tech.use_cases))
    for section in tech.sections:
        grid = table(section.title, "Item", "Detail")
        for item in section.items:
            grid.add_row(inert(item.name or "", "bold"), inert(item.detail))
        out.append(grid)
    for arch in tech.architectures:  # written inside the entry (user data may have them)
        out.append(
            Group(
                Text(arch.title, style="bold"),
                Text.assemble(("  open source: ", "dim"), inert(" → ".join(arch.open_source))),
                Text.assemble(("  on AWS:      ", "dim"), inert(" → ".join(arch.aws))),
            )
        )
    designs = result.pipelines[len(tech.architectures) :]
    if designs:
        names = ", ".join(d.title for d in designs)
        out.append(hint(f"Architectures that use it: {safe(names)} (awsmap architecture NAME)"))
    if result.comparisons:
        lines = [Text("Comparisons", style="bold")]
        for comp in result.comparisons:
            ids = " ".join(s.target for s in comp.sides)
            lines.append(
                Text.assemble(
                    ("  • ", "dim"), inert(comp.title), (f"   awsmap compare {ids}", "dim")
                )
            )
        out.append(Group(*lines))
    if tech.corrections:
        grid = table("Corrections to the source guide", "The guide said", "True now", "Source")
        for c in tech.corrections:
            grid.add_row(inert(c.was, "dim"), inert(c.now), inert(c.source, "dim"))
        out.append(grid)
    return out


def _service(result: ServiceResult) -> list[RenderableType]:
    svc = result.service
    life = svc.lifecycle
    out: list[RenderableType] = [
        Text.assemble(
            inert(svc.name, "bold cyan"),
            ("  ", ""),
            inert(svc.full_name if svc.full_name != svc.name else "", "dim"),
        ),
        inert(svc.description),
    ]
    line = match_line(result.match, svc.name)
    if line:
        out.append(line)
    out.append(
        facts(
            [
                ("Status", status_text(svc, result.successors)),
                ("Note", inert(life.note) if life.note else None),
                ("Source", inert(life.source)),
                ("Also", inert(", ".join(svc.aliases)) if svc.aliases else None),
                ("SDK ids", inert(", ".join(svc.sdk_ids)) if svc.sdk_ids else None),
            ]
        )
    )
    if result.links:
        links = table("Technologies that map to it", "Technology", "Relation", "Note")
        for link in result.links:
            links.add_row(inert(link.name, "bold"), relation_text(link.relation), inert(link.note))
        out.append(links)
        out.append(relation_legend(link.relation for link in result.links))
    else:
        out.append(Text("No technology in the data maps to it.", style="dim"))
    if result.patterns:
        used = table("Building blocks that use it", "Pattern", "How")
        for link in result.patterns:
            used.add_row(inert(link.name, "bold"), inert(link.note))
        out.append(used)
    if result.numbers:
        out.append(numbers_table("Numbers for estimates", result.numbers))
    return out


def numbers_table(title: str, numbers: Sequence[Number], service: bool = False) -> Table:
    """Limits with their value, unit and whether AWS raises them on request."""
    columns = ("Service",) if service else ()
    out = table(title, *columns, "Limit", "Value", "Note")
    out.columns[len(columns) + 1].justify = "right"
    for n in numbers:
        value = f"{n.value:,g} {n.unit}"
        if n.adjustable is not None:
            value += " (adjustable)" if n.adjustable else " (hard limit)"
        cells = [inert(n.service, "dim")] if service else []
        out.add_row(*cells, inert(n.name, "bold"), inert(value), inert(n.note or ""))
    return out


def _equivalent_names(equivalents: Sequence[Equivalent]) -> Text:
    out = Text()
    for i, eq in enumerate(equivalents):
        if i:
            out.append(", ")
        out.append_text(
            inert(
                eq.service.name, "" if eq.service.lifecycle.status == "available" else "strike dim"
            )
        )
        out.append(f" ({eq.relation})", style="dim")
    return out


def _category(result: CategoryResult) -> list[RenderableType]:
    cat = result.category
    out: list[RenderableType] = [inert(cat.name, "bold cyan"), inert(cat.description)]
    line = match_line(result.match, cat.name)
    if line:
        out.append(line)
    grid = table(
        f"{len(result.technologies)} technologies", "Technology", "AWS equivalents", "What it is"
    )
    for summary in result.technologies:
        grid.add_row(
            inert(summary.technology.name, "bold"),
            _equivalent_names(summary.equivalents),
            inert(summary.technology.what_it_is),
        )
    out.append(grid)
    return out


def _categories(result: CategoriesResult) -> list[RenderableType]:
    grid = table("Categories", "Id", "Name", "Count", "Description")
    grid.columns[2].justify = "right"
    for cat, count in result.categories:
        grid.add_row(
            inert(cat.id, "bold"), inert(cat.name), str(count), inert(cat.description, "dim")
        )
    return [grid]


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
    if result.included:
        titles = ", ".join(c.title for c in result.included)
        out.append(hint(f"Includes the curated rows of {safe(titles)}"))
    return out


def _search(result: SearchResult) -> list[RenderableType]:
    found = table(f"Search: {safe(result.query)}", "#", "Result", "Kind", "Score", "AWS answer")
    found.columns[3].justify = "right"
    for i, hit in enumerate(result.hits, 1):
        aws = hit.aws["name"] if hit.aws else ""
        found.add_row(
            str(i),
            Text.assemble(inert(hit.name, "bold"), ("  ", ""), inert(hit.id, "dim")),
            inert(BY_KEY[hit.kind].word),
            f"{hit.score:.0f}",
            inert(aws),
        )
    return [found]


def _list(result: ListResult) -> list[RenderableType]:
    grid = table(
        f"Quick reference: {len(result.technologies)} technologies",
        "Technology",
        "Category",
        "Main AWS equivalent",
        "Key use case",
    )
    for summary in result.technologies:
        tech = summary.technology
        main = recommended(summary.equivalents)
        grid.add_row(
            inert(tech.name, "bold"),
            inert(", ".join(tech.categories)),
            inert(main.service.name if main else "-"),
            inert(key_use_case(tech) or "-"),
        )
    return [grid]


def _validate(result: ValidateResult) -> list[RenderableType]:
    if result.valid:
        counts = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in result.counts.items() if n)
        return [
            Text.assemble(
                ("ok", "bold green"),
                ": ",
                inert(", ".join(result.files)),
                f" ({counts or 'nothing'})",
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


def _cache(result: CacheResult) -> list[RenderableType]:
    verb = "Removed from" if result.cleared else "Cache"
    out: list[RenderableType] = [
        Text.assemble((f"{verb} ", "bold"), inert(result.directory)),
    ]
    if not result.files:
        out.append(Text("No awsmap files." if not result.cleared else "Nothing to remove.", "dim"))
        return out
    files = table(f"{len(result.files)} files, {_size(result.total)}", "File", "Size", "Modified")
    files.columns[1].justify = "right"
    for f in result.files:
        name = inert(f.name, "bold" if f.current else "")
        if f.current:
            name.append("  (in use)", style="green")
        files.add_row(name, _size(f.size), inert(f.modified))
    out.append(files)
    if not result.cleared:
        out.append(hint("awsmap cache clear removes them; they are rebuilt when needed"))
    return out


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} B"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KiB"
    return f"{count / (1024 * 1024):.1f} MiB"


VIEWS = {
    "LookupResult": _lookup,
    "ServiceResult": _service,
    "CategoryResult": _category,
    "CategoriesResult": _categories,
    "CompareResult": _compare,
    "SearchResult": _search,
    "ListResult": _list,
    "ValidateResult": _validate,
    "CacheResult": _cache,
}
