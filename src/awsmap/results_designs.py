"""What the design-library commands answer: patterns, architectures, questions, tips, the AWS
service catalog and its numbers. ``to_json`` of each is the JSON contract in the README."""

from typing import Any, NamedTuple

from awsmap.designs import Architecture, Number, Pattern, Question, Tip
from awsmap.domain import first_available
from awsmap.graphs import Cluster, Edge, Graph, Node
from awsmap.kinds import ARCHITECTURE, AWS_SERVICE, PATTERN, QUESTION, TECHNOLOGY, Kind
from awsmap.match import Match
from awsmap.models import AwsService
from awsmap.results import number_json

JSON = dict[str, Any]
Names = dict[str, str]  # id -> display name
# The kinds a question refers to; its fields are named after their plurals.
QUESTION_REFERENCES: tuple[Kind[Any], ...] = (TECHNOLOGY, AWS_SERVICE, PATTERN, ARCHITECTURE)


def _named(ids: tuple[str, ...], names: Names) -> list[JSON]:
    return [{"id": i, "name": names.get(i, i)} for i in ids]


def _service(svc: AwsService) -> JSON:
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
            "aws": [{"service": _service(self.services[w.target]), "how": w.how} for w in p.aws],
            "aws_answer": _service(answer) if answer else None,
            "pitfalls": list(p.pitfalls),
            "interview_phrases": list(p.interview_phrases),
            "related": _named(p.related, self.related),
            "corrections": [c.to_dict() for c in p.corrections],
            "match": self.match.to_json(),
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
                    "aws": _service(answer) if answer else None,
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
                    "aws_services": [_service(self.services[s]) for s in c.aws_services],
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


class TipsResult(NamedTuple):
    tips: tuple[Tip, ...]
    group: str | None = None

    def to_json(self) -> JSON:
        return {
            "group": self.group,
            "tips": [
                {
                    "id": t.id,
                    "title": t.title,
                    "group": t.group,
                    "text": t.text,
                    "items": list(t.items),
                    "source": t.source,
                    "corrections": [c.to_dict() for c in t.corrections],
                }
                for t in self.tips
            ],
        }


class ServicesResult(NamedTuple):
    services: tuple[AwsService, ...]
    successors: dict[str, AwsService]
    status: str | None = None  # the filter asked for: a status, "retired", or None for all

    def to_json(self) -> JSON:
        return {
            "status": self.status,
            "services": [
                {
                    "id": s.id,
                    "name": s.name,
                    "status": s.lifecycle.status,
                    "date": s.lifecycle.date,
                    "successors": [
                        {"id": i, "name": self.successors[i].name if i in self.successors else i}
                        for i in s.lifecycle.successors
                    ],
                    "note": s.lifecycle.note,
                    "source": s.lifecycle.source,
                }
                for s in self.services
            ],
        }


class NumbersResult(NamedTuple):
    numbers: tuple[Number, ...]
    service: AwsService | None = None  # when asked for one service
    names: Names | None = None  # service names

    def to_json(self) -> JSON:
        return {
            "service": _service(self.service) if self.service else None,
            "numbers": [number_json(n) for n in self.numbers],
        }
