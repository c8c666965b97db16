"""Terminal views of lookup and aws, found by the result's type."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from awsmap.base.text import safe
from awsmap.catalog.kinds import COMPARISON
from awsmap.commands.lookup import LookupResult, ServiceResult
from awsmap.render.richtext import (
    View,
    add_match_line,
    bullets,
    equivalents_table,
    facts,
    hint,
    inert,
    numbers_table,
    relation_legend,
    relation_text,
    status_text,
    table,
)


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
    add_match_line(out, result.match, tech.name)
    out.append(equivalents_table(result.equivalents))
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
        for comp in result.comparisons:  # `show ID` opens this one, even where two cover a pair
            lines.append(
                Text.assemble(
                    ("  • ", "dim"), inert(comp.title), (f"   awsmap show {comp.id}", "dim")
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
    add_match_line(out, result.match, svc.name)
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


VIEWS: dict[type[Any], View] = {
    LookupResult: _lookup,
    ServiceResult: _service,
}
