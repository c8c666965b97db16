"""``pattern(s)``, ``architecture(s)``, ``question(s)``: the design library, results and JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar

from awsmap.base.errors import NotFoundError
from awsmap.base.graphs import Cluster, Edge, Graph, Node
from awsmap.base.match import Match
from awsmap.base.text import quoted
from awsmap.catalog.designs import Architecture, Pattern, Question
from awsmap.catalog.domain import first_available
from awsmap.catalog.kinds import (
    ARCHITECTURE,
    AWS_SERVICE,
    PATTERN,
    QUESTION,
    TECHNOLOGY,
    Kind,
)
from awsmap.catalog.models import AwsService
from awsmap.catalog.reader import Catalog
from awsmap.find.resolve import resolve

if TYPE_CHECKING:
    from awsmap.commands.context import Context

JSON = dict[str, Any]
Names = dict[str, str]  # id -> display name
# The kinds a question refers to; its fields are named after their plurals.
QUESTION_REFERENCES: tuple[Kind[Any], ...] = (TECHNOLOGY, AWS_SERVICE, PATTERN, ARCHITECTURE)


def _named(ids: tuple[str, ...], names: Names) -> list[JSON]:
    return [{"id": i, "name": names.get(i, i)} for i in ids]


def service_json(svc: AwsService) -> JSON:
    return {"id": svc.id, "name": svc.name, "status": svc.lifecycle.status}


def pattern_answer(pattern: Pattern, services: dict[str, AwsService]) -> AwsService | None:
    """The AWS answer of a pattern: its first AWS way still open to new customers."""
    return first_available([services[w.service] for w in pattern.aws if w.service in services])


class PatternResult(NamedTuple):
    pattern: Pattern
    techs: Names
    services: dict[str, AwsService]
    related: Names
    match: Match

    @property
    def answer(self) -> AwsService | None:
        return pattern_answer(self.pattern, self.services)

    def to_json(self) -> JSON:
        p = self.pattern
        answer = self.answer
        return {
            "kind": PATTERN.key,
            "id": p.id,
            "name": p.name,
            "aliases": list(p.aliases),
            "tags": list(p.tags),
            "what_it_is": p.what_it_is,
            "open_source": [
                {"technology": _named((w.target,), self.techs)[0], "how": w.how}
                for w in p.open_source
            ],
            "aws": [
                {"service": service_json(self.services[w.target]), "how": w.how} for w in p.aws
            ],
            "aws_answer": service_json(answer) if answer else None,
            "pitfalls": list(p.pitfalls),
            "interview_phrases": list(p.interview_phrases),
            "related": _named(p.related, self.related),
            "corrections": [c.to_dict() for c in p.corrections],
            "match": self.match.to_json(),
            "aws_guidance": p.aws_guidance.to_dict() if p.aws_guidance else None,
            "well_architected": list(p.well_architected),
        }


class PatternsResult(NamedTuple):
    patterns: tuple[Pattern, ...]
    services: dict[str, AwsService]

    def to_json(self) -> JSON:
        out = []
        for p in self.patterns:
            answer = pattern_answer(p, self.services)
            out.append(
                {
                    "id": p.id,
                    "name": p.name,
                    "tags": list(p.tags),
                    "what_it_is": p.what_it_is,
                    "aws": service_json(answer) if answer else None,
                }
            )
        return {"patterns": out}


class ArchitectureResult(NamedTuple):
    architecture: Architecture
    techs: Names
    services: dict[str, AwsService]
    patterns: Names
    match: Match

    def to_json(self) -> JSON:
        a = self.architecture
        return {
            "kind": ARCHITECTURE.key,
            "id": a.id,
            "name": a.name,
            "aliases": list(a.aliases),
            "tags": list(a.tags),
            "summary": a.summary,
            "components": [
                {
                    "id": c.id,
                    "role": c.role,
                    "technologies": _named(c.technologies, self.techs),
                    "aws_services": [service_json(self.services[s]) for s in c.aws_services],
                    "note": c.note,
                }
                for c in a.components
            ],
            "edges": [e.to_dict() for e in a.edges],
            "tradeoffs": list(a.tradeoffs),
            "notes": list(a.notes),
            "patterns": _named(a.patterns, self.patterns),
            "source": a.source,
            "corrections": [c.to_dict() for c in a.corrections],
            "walkthrough": a.walkthrough.to_dict() if a.walkthrough else None,
            "match": self.match.to_json(),
        }

    def graph(self) -> Graph:
        """The flow drawn twice: with open-source technologies, and with AWS services."""
        a = self.architecture
        clusters: list[Cluster] = []
        edges: list[Edge] = []
        for prefix, title in (("o", "Open source"), ("a", "On AWS")):
            nodes = []
            for comp in a.components:
                if prefix == "o":
                    names = [self.techs.get(t, t) for t in comp.technologies]
                    retired = False
                else:
                    svcs = [self.services[s] for s in comp.aws_services]
                    names = [s.name for s in svcs]
                    retired = bool(svcs) and all(s.lifecycle.retired for s in svcs)
                label = comp.role + ("\n" + " / ".join(names) if names else "")
                nodes.append(Node(f"{prefix}_{comp.id.replace('-', '_')}", label, retired))
            clusters.append(Cluster(prefix, title, tuple(nodes)))
            edges.extend(
                Edge(
                    f"{prefix}_{e.source.replace('-', '_')}",
                    f"{prefix}_{e.target.replace('-', '_')}",
                    e.label or "",
                )
                for e in a.edges
            )
        return Graph(tuple(clusters), tuple(edges))


class ArchitecturesResult(NamedTuple):
    architectures: tuple[Architecture, ...]

    def to_json(self) -> JSON:
        return {
            "architectures": [
                {"id": a.id, "name": a.name, "tags": list(a.tags), "summary": a.summary}
                for a in self.architectures
            ]
        }


class QuestionResult(NamedTuple):
    question: Question
    names: dict[str, Names]  # kind key -> id -> name, for the entries it references
    show_answer: bool
    match: Match

    def to_json(self) -> JSON:
        q = self.question
        refs = {
            kind.plural: _named(getattr(q, kind.plural), self.names.get(kind.key, {}))
            for kind in QUESTION_REFERENCES
        }
        answer = {"open_source": q.answer.open_source, "aws": q.answer.aws}
        return {
            "kind": QUESTION.key,
            "id": q.id,
            "title": q.title,
            "prompt": q.prompt,
            "tags": list(q.tags),
            "answer": answer if self.show_answer else None,
            "tradeoffs": list(q.tradeoffs) if self.show_answer else None,
            "references": refs,
            "source": q.source,
            "corrections": [c.to_dict() for c in q.corrections],
            "match": self.match.to_json(),
        }


class QuestionsResult(NamedTuple):
    questions: tuple[Question, ...]
    tag: str | None = None
    tags: tuple[str, ...] = ()  # every tag in use, for a hint

    def to_json(self) -> JSON:
        return {
            "tag": self.tag,
            "questions": [
                {"id": q.id, "title": q.title, "tags": list(q.tags), "prompt": q.prompt}
                for q in self.questions
            ],
        }


class _Tagged(Protocol):
    @property
    def tags(self) -> tuple[str, ...]: ...


T = TypeVar("T", bound=_Tagged)


def _with_tag(every: Sequence[T], tag: str | None, what: str) -> tuple[T, ...]:
    """The entries carrying ``tag`` (all without one); an unknown tag is an error that lists
    the tags there are."""
    if tag is None:
        return tuple(every)
    tags = sorted({t for entry in every for t in entry.tags})
    if tag not in tags:
        raise NotFoundError(f"no {what} is tagged {quoted(tag)}; tags: {', '.join(tags)}")
    return tuple(entry for entry in every if tag in entry.tags)


def pattern_result(catalog: Catalog, name: str) -> PatternResult:
    match = resolve(catalog, name, (PATTERN,))
    found = catalog.get(PATTERN, match.id)
    techs = catalog.many(TECHNOLOGY, [w.target for w in found.open_source])
    services = catalog.many(AWS_SERVICE, [w.target for w in found.aws])
    related = catalog.many(PATTERN, found.related)
    return PatternResult(
        found,
        {i: t.name for i, t in techs.items()},
        services,
        {i: p.name for i, p in related.items()},
        match,
    )


def patterns_result(catalog: Catalog, tag: str | None = None) -> PatternsResult:
    shown = _with_tag(catalog.all(PATTERN), tag, PATTERN.word)
    services = catalog.many(AWS_SERVICE, sorted({w.target for p in shown for w in p.aws}))
    return PatternsResult(shown, services)


def architecture_result(catalog: Catalog, name: str) -> ArchitectureResult:
    match = resolve(catalog, name, (ARCHITECTURE,))
    found = catalog.get(ARCHITECTURE, match.id)
    techs = catalog.many(TECHNOLOGY, sorted({t for c in found.components for t in c.technologies}))
    services = catalog.many(
        AWS_SERVICE, sorted({s for c in found.components for s in c.aws_services})
    )
    used = catalog.many(PATTERN, found.patterns)
    return ArchitectureResult(
        found,
        {i: t.name for i, t in techs.items()},
        services,
        {i: p.name for i, p in used.items()},
        match,
    )


def architectures_result(catalog: Catalog, tag: str | None = None) -> ArchitecturesResult:
    return ArchitecturesResult(_with_tag(catalog.all(ARCHITECTURE), tag, ARCHITECTURE.word))


def question_result(catalog: Catalog, name: str, answer: bool = False) -> QuestionResult:
    match = resolve(catalog, name, (QUESTION,))
    found = catalog.get(QUESTION, match.id)
    return QuestionResult(found, _reference_names(catalog, found), answer, match)


def _reference_names(catalog: Catalog, q: Question) -> dict[str, dict[str, str]]:
    """Names of the entries a question refers to, by kind key (its fields are named after the
    kinds' plurals)."""
    out: dict[str, dict[str, str]] = {}
    for kind in QUESTION_REFERENCES:
        ids: tuple[str, ...] = getattr(q, kind.plural)
        found: dict[str, Any] = catalog.many(kind, ids) if ids else {}
        out[kind.key] = {i: kind.title_of(r) for i, r in found.items()}
    return out


def questions_result(catalog: Catalog, tag: str | None = None) -> QuestionsResult:
    every = catalog.all(QUESTION)
    tags = tuple(sorted({t for q in every for t in q.tags}))
    return QuestionsResult(_with_tag(every, tag, QUESTION.word), tag, tags)


def pattern(ctx: Context, name: list[str]) -> PatternResult:
    return pattern_result(ctx.catalog(), " ".join(name))


def patterns(ctx: Context, tag: str | None) -> PatternsResult:
    return patterns_result(ctx.catalog(), tag)


def architecture(ctx: Context, name: list[str]) -> ArchitectureResult:
    return architecture_result(ctx.catalog(), " ".join(name))


def architectures(ctx: Context, tag: str | None) -> ArchitecturesResult:
    return architectures_result(ctx.catalog(), tag)


def question(ctx: Context, name: list[str], answer: bool) -> QuestionResult:
    return question_result(ctx.catalog(), " ".join(name), answer)


def questions(ctx: Context, tag: str | None) -> QuestionsResult:
    return questions_result(ctx.catalog(), tag)
