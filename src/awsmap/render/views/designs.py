"""Terminal views of patterns, architectures and questions, found by the result's type."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from awsmap.base.text import first_sentence
from awsmap.catalog.designs import Pattern
from awsmap.commands.designs import (
    ArchitectureResult,
    ArchitecturesResult,
    PatternResult,
    PatternsResult,
    QuestionResult,
    QuestionsResult,
    pattern_answer,
)
from awsmap.render.richtext import (
    View,
    add_match_line,
    bullets,
    hint,
    inert,
    service_name,
    status_text,
    table,
)


def _heading(name: str, summary: str, tags: tuple[str, ...] = ()) -> list[RenderableType]:
    head = inert(name, "bold cyan")
    if tags:
        head.append("  ·  ", style="dim")
        head.append_text(inert(", ".join(tags), "dim"))
    return [head, inert(summary)]


def _pattern(result: PatternResult) -> list[RenderableType]:
    p = result.pattern
    out = _heading(p.name, p.what_it_is, p.tags)
    if p.aliases:
        out.append(Text.assemble(("Also: ", "dim"), inert(", ".join(p.aliases))))
    add_match_line(out, result.match, p.name)
    aws = table("The AWS way", "Service", "Status", "How")
    for way in p.aws:
        svc = result.services[way.target]
        aws.add_row(inert(svc.name, "bold"), status_text(svc), inert(way.how))
    out.append(aws)
    oss = table("The open-source way", "Technology", "How")
    for way in p.open_source:
        oss.add_row(inert(result.techs.get(way.target, way.target), "bold"), inert(way.how))
    out.append(oss)
    out.append(bullets("Pitfalls an interviewer probes", p.pitfalls))
    out.append(bullets("Interview phrases", p.interview_phrases, quote=True))
    guidance = _pattern_guidance(p)
    if guidance is not None:
        out.append(guidance)
    if p.related:
        names = ", ".join(result.related.get(r, r) for r in p.related)
        out.append(hint(f"Related: {names} (awsmap pattern NAME)"))
    return out


def _pattern_guidance(p: Pattern) -> RenderableType | None:
    """AWS's own page for the pattern and the Well-Architected best practices it carries out."""
    if p.aws_guidance is None and not p.well_architected:
        return None
    lines: list[RenderableType] = [Text("AWS guidance", style="bold")]
    if p.aws_guidance is not None:
        url = inert(p.aws_guidance.url, "dim")
        url.overflow = "fold"  # a URL cut short with an ellipsis cannot be opened
        lines += [inert(p.aws_guidance.title), url]
    if p.well_architected:
        ids = inert(", ".join(p.well_architected))
        lines.append(Text.assemble(("Well-Architected: ", "dim"), ids))
    return Group(*lines)


def _patterns(result: PatternsResult) -> list[RenderableType]:
    grid = table(f"{len(result.patterns)} building blocks", "Pattern", "AWS answer", "What it is")
    for p in result.patterns:
        svc = pattern_answer(p, result.services)
        grid.add_row(
            inert(p.name, "bold"),
            inert(svc.name if svc else "-"),
            inert(first_sentence(p.what_it_is)),
        )
    return [grid, hint("awsmap pattern NAME shows one: the AWS way, the open-source way, pitfalls")]


def _architecture(result: ArchitectureResult) -> list[RenderableType]:
    """In interview order when the design has a walk-through: steps 1 to 5, the components and the
    flow (the high-level design drawn), then the deep dives and the trade-offs."""
    a = result.architecture
    out = _heading(a.name, a.summary, a.tags)
    add_match_line(out, result.match, a.name)
    steps = (
        [bullets(title, points) for title, points in a.walkthrough.steps()] if a.walkthrough else []
    )
    out += steps[:-1]  # requirements to the high-level design, which the components and flow draw
    out += _architecture_map(result)
    out += steps[-1:]  # the deep dives
    if a.tradeoffs:
        out.append(bullets("Trade-offs that decide it", a.tradeoffs))
    if a.notes:
        out.append(bullets("Notes", a.notes))
    if a.patterns:
        out.append(
            hint("Building blocks: " + ", ".join(result.patterns.get(p, p) for p in a.patterns))
        )
    out.append(hint(f"Diagram: awsmap architecture {a.id} --format mermaid"))
    return out


def _architecture_map(result: ArchitectureResult) -> list[RenderableType]:
    """The components in both forms, and the flow between them."""
    a = result.architecture
    grid = table("Components", "Role", "Open source", "On AWS", "Note")
    for c in a.components:
        aws = Text()
        for i, sid in enumerate(c.aws_services):
            svc = result.services[sid]
            aws.append(", " if i else "")
            aws.append_text(service_name(svc))
        grid.add_row(
            inert(c.role, "bold"),
            inert(", ".join(result.techs.get(t, t) for t in c.technologies) or "-"),
            aws if aws.plain else inert("-"),
            inert(c.note or ""),
        )
    roles = {c.id: c.role for c in a.components}
    flow = [
        f"{roles[e.source]} → {roles[e.target]}" + (f" ({e.label})" if e.label else "")
        for e in a.edges
    ]
    return [grid, bullets("Flow", flow)]


def _architectures(result: ArchitecturesResult) -> list[RenderableType]:
    grid = table(f"{len(result.architectures)} architectures", "Id", "Name", "Summary")
    for a in result.architectures:
        grid.add_row(inert(a.id, "bold"), inert(a.name), inert(first_sentence(a.summary), "dim"))
    return [grid, hint("awsmap architecture ID shows one; --format mermaid draws it")]


def _question(result: QuestionResult) -> list[RenderableType]:
    q = result.question
    out: list[RenderableType] = [inert(q.title, "bold cyan"), inert(q.prompt)]
    add_match_line(out, result.match, q.title)
    if result.show_answer:
        out.append(Group(Text("Open-source answer", style="bold"), inert(q.answer.open_source)))
        out.append(Group(Text("AWS answer", style="bold"), inert(q.answer.aws)))
        if q.tradeoffs:
            out.append(bullets("Trade-offs", q.tradeoffs))
    else:
        out.append(hint(f"Think it through, then: awsmap question {q.id} --answer"))
    return out


def _questions(result: QuestionsResult) -> list[RenderableType]:
    title = f"{len(result.questions)} practice questions" + (
        f" tagged {result.tag}" if result.tag else ""
    )
    grid = table(title, "Id", "Question", "Tags")
    for q in result.questions:
        grid.add_row(inert(q.id, "bold"), inert(q.prompt), inert(", ".join(q.tags), "dim"))
    return [grid, hint("awsmap question ID shows one; --answer adds the model answer")]


VIEWS: dict[type[Any], View] = {
    PatternResult: _pattern,
    PatternsResult: _patterns,
    ArchitectureResult: _architecture,
    ArchitecturesResult: _architectures,
    QuestionResult: _question,
    QuestionsResult: _questions,
}
