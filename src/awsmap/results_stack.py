"""What ``awsmap stack`` answers: each component of a design and what it becomes on AWS.

``to_json`` is the JSON contract documented in the README; ``graph`` is the diagram drawn by the
Mermaid and DOT formats.
"""

from typing import Any, NamedTuple

from awsmap.domain import Equivalent, status_words
from awsmap.graphs import Cluster, Edge, Graph, Node
from awsmap.match import Match
from awsmap.models import AwsService, Technology
from awsmap.text import counted

JSON = dict[str, Any]


def service_json(service: AwsService, relation: str | None) -> JSON:
    return {
        "id": service.id,
        "name": service.name,
        "relation": relation,
        "status": service.lifecycle.status,
    }


class Component(NamedTuple):
    """One component of the design: what was asked, what it is, and its AWS answer.

    ``technology`` is None when the component named an AWS service, which is kept as it is
    (``service`` is then that service, with no relation)."""

    query: str
    match: Match
    service: AwsService
    relation: str | None
    technology: Technology | None = None
    alternatives: tuple[Equivalent, ...] = ()
    successors: tuple[AwsService, ...] = ()  # of a retired AWS service asked for directly
    warnings: tuple[str, ...] = ()
    phrase: str | None = None
    origin: str | None = None  # the compose service it came from, if any

    def to_json(self) -> JSON:
        tech = self.technology
        alternatives = [e.brief() for e in self.alternatives]
        alternatives += [service_json(s, None) for s in self.successors]
        return {
            "query": self.query,
            "technology": {"id": tech.id, "name": tech.name} if tech else None,
            "aws": service_json(self.service, self.relation),
            "alternatives": alternatives,
            "warnings": list(self.warnings),
            "phrase": self.phrase,
            "match": self.match.to_json(),
            "origin": self.origin,
        }


class Unmapped(NamedTuple):
    query: str
    suggestions: tuple[str, ...] = ()
    reason: str = ""
    origin: str | None = None

    def to_json(self) -> JSON:
        return {
            "query": self.query,
            "suggestions": list(self.suggestions),
            "reason": self.reason,
            "origin": self.origin,
        }


class StackResult(NamedTuple):
    components: tuple[Component, ...]
    unmapped: tuple[Unmapped, ...]
    source: str | None = None  # the file the components came from

    @property
    def services(self) -> list[AwsService]:
        """The distinct AWS services of the answer, first use first."""
        return list({c.service.id: c.service for c in self.components}.values())

    def summary(self) -> JSON:
        return {
            "components": len(self.components) + len(self.unmapped),
            "mapped": len(self.components),
            "services": len(self.services),
            "warnings": sum(len(c.warnings) for c in self.components),
            "unmapped": len(self.unmapped),
        }

    def summary_words(self) -> list[str]:
        """The summary as the table and the Markdown say it: '1 component', '2 AWS services'."""
        s = self.summary()
        return [
            counted(s["components"], "component"),
            counted(s["services"], "AWS service"),
            counted(s["warnings"], "warning"),
            f"{s['unmapped']} unmapped",
        ]

    def to_json(self) -> JSON:
        return {
            "components": [c.to_json() for c in self.components],
            "unmapped": [u.to_json() for u in self.unmapped],
            "summary": self.summary(),
            "source": self.source,
        }

    def graph(self) -> Graph:
        """Your design on the left, AWS on the right, each component linked to its service by
        an edge labelled with the relation; retired services marked."""
        design = tuple(
            Node(f"c{i}", c.technology.name if c.technology else c.query)
            for i, c in enumerate(self.components, 1)
        )
        node_of = {s.id: f"s{i}" for i, s in enumerate(self.services, 1)}
        aws = tuple(
            Node(node_of[s.id], _service_label(s), retired=s.lifecycle.retired)
            for s in self.services
        )
        edges = tuple(
            Edge(f"c{i}", node_of[c.service.id], c.relation or "same service", dashed=True)
            for i, c in enumerate(self.components, 1)
        )
        return Graph(
            (Cluster("design", "Your design", design), Cluster("aws", "On AWS", aws)), edges
        )


def _service_label(service: AwsService) -> str:
    if service.lifecycle.retired:
        return f"{service.name}: {status_words(service)}"
    return service.name
