"""What each command answers, as objects that both renderers draw from.

``to_json`` of each result is the JSON contract documented in the README and pinned by the tests;
keys may be added in a minor release, never renamed or removed.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from awsmap.models import AwsService, Category, Comparison, ComparisonRow, Technology
from awsmap.problems import Problem
from awsmap.resolve import Match

JSON = dict[str, Any]


def _ref(entry: AwsService | Technology | Category) -> JSON:
    return {"id": entry.id, "name": entry.name}


class Equivalent(NamedTuple):
    """An AWS service as the equivalent of one technology, with its lifecycle resolved."""

    service: AwsService
    relation: str
    note: str
    successors: tuple[AwsService, ...] = ()

    def to_json(self) -> JSON:
        svc = self.service
        return {
            "id": svc.id,
            "name": svc.name,
            "full_name": svc.full_name,
            "aliases": list(svc.aliases),
            "relation": self.relation,
            "status": svc.lifecycle.status,
            "successors": [_ref(s) for s in self.successors],
            "note": self.note,
        }

    def brief(self) -> JSON:
        return {
            "id": self.service.id,
            "name": self.service.name,
            "relation": self.relation,
            "status": self.service.lifecycle.status,
        }


def main_equivalent(equivalents: tuple[Equivalent, ...]) -> Equivalent | None:
    """The first equivalent still open to new customers, else the first one."""
    for eq in equivalents:
        if eq.service.lifecycle.status == "available":
            return eq
    return equivalents[0] if equivalents else None


class TechSummary(NamedTuple):
    technology: Technology
    equivalents: tuple[Equivalent, ...]

    def to_json(self) -> JSON:
        tech = self.technology
        main = main_equivalent(self.equivalents)
        return {
            "id": tech.id,
            "name": tech.name,
            "categories": list(tech.categories),
            "what_it_is": tech.what_it_is,
            "aws_equivalents": [e.brief() for e in self.equivalents],
            "main_aws_equivalent": main.brief() if main else None,
            "use_case": key_use_case(tech),
        }


def key_use_case(tech: Technology) -> str | None:
    """The short name of the first use case ('Session Store' of 'Session Store: ...')."""
    if not tech.use_cases:
        return None
    first = tech.use_cases[0]
    head, sep, _rest = first.partition(": ")
    return head if sep and len(head) <= 40 else first


class LookupResult(NamedTuple):
    technology: Technology
    categories: tuple[Category, ...]
    equivalents: tuple[Equivalent, ...]
    comparisons: tuple[Comparison, ...]
    match: Match
    full: bool = False

    def to_json(self) -> JSON:
        tech = self.technology
        return {
            "kind": "technology",
            "id": tech.id,
            "name": tech.name,
            "aliases": list(tech.aliases),
            "categories": [_ref(c) for c in self.categories],
            "what_it_is": tech.what_it_is,
            "aws_equivalents": [e.to_json() for e in self.equivalents],
            "parallels": [p.to_dict() for p in tech.parallels],
            "interview_phrases": list(tech.interview_phrases),
            "key_features": list(tech.key_features),
            "use_cases": list(tech.use_cases),
            "sections": [s.to_dict() for s in tech.sections],
            "architectures": [a.to_dict() for a in tech.architectures],
            "comparisons": [comparison_ref(c) for c in self.comparisons],
            "corrections": [c.to_dict() for c in tech.corrections],
            "match": self.match.to_json(),
        }


def comparison_ref(comp: Comparison) -> JSON:
    return {
        "id": comp.id,
        "title": comp.title,
        "sides": [{"kind": s.kind, "id": s.target, "label": s.label} for s in comp.sides],
    }


class ServiceLink(NamedTuple):
    id: str
    name: str
    relation: str
    note: str

    def to_json(self) -> JSON:
        return {"id": self.id, "name": self.name, "relation": self.relation, "note": self.note}


class ServiceResult(NamedTuple):
    """The reverse view: one AWS service, its lifecycle, and what maps to it."""

    service: AwsService
    successors: tuple[AwsService, ...]
    links: tuple[ServiceLink, ...]
    match: Match

    def to_json(self) -> JSON:
        svc = self.service
        life = svc.lifecycle
        return {
            "kind": "aws_service",
            "service": {
                "id": svc.id,
                "name": svc.name,
                "full_name": svc.full_name,
                "aliases": list(svc.aliases),
                "description": svc.description,
                "sdk_ids": list(svc.sdk_ids),
                "status": life.status,
                "date": life.date,
                "successors": [_ref(s) for s in self.successors],
                "note": life.note,
                "source": life.source,
            },
            "technologies": [link.to_json() for link in self.links],
            "match": self.match.to_json(),
        }


class CategoryResult(NamedTuple):
    category: Category
    technologies: tuple[TechSummary, ...]
    match: Match

    def to_json(self) -> JSON:
        cat = self.category
        return {
            "category": {"id": cat.id, "name": cat.name, "description": cat.description},
            "technologies": [t.to_json() for t in self.technologies],
            "match": self.match.to_json(),
        }


class CategoriesResult(NamedTuple):
    categories: tuple[tuple[Category, int], ...]

    def to_json(self) -> JSON:
        return {
            "categories": [
                {"id": c.id, "name": c.name, "description": c.description, "count": n}
                for c, n in self.categories
            ]
        }


class Subject(NamedTuple):
    """One column of a comparison: a technology or an AWS service."""

    kind: str
    id: str
    name: str
    match: Match

    def to_json(self) -> JSON:
        return {"kind": self.kind, "id": self.id, "name": self.name, "match": self.match.to_json()}


class CompareResult(NamedTuple):
    subjects: tuple[Subject, ...]
    rows: tuple[ComparisonRow, ...]
    comparison: Comparison | None

    def to_json(self) -> JSON:
        return {
            "technologies": [s.to_json() for s in self.subjects],
            "comparison": comparison_ref(self.comparison) if self.comparison else None,
            "source": "curated" if self.comparison else "derived",
            "rows": [r.to_dict() for r in self.rows],
        }


class Hit(NamedTuple):
    id: str
    name: str
    score: float
    field: str

    def to_json(self) -> JSON:
        return {
            "id": self.id,
            "name": self.name,
            "score": round(self.score, 1),
            "field": self.field,
        }


class SearchResult(NamedTuple):
    query: str
    hits: tuple[Hit, ...]

    def to_json(self) -> JSON:
        return {"query": self.query, "results": [h.to_json() for h in self.hits]}


class ListResult(NamedTuple):
    technologies: tuple[TechSummary, ...]

    def to_json(self) -> JSON:
        return {"technologies": [t.to_json() for t in self.technologies]}


class ValidateResult(NamedTuple):
    files: tuple[str, ...]
    problems: tuple[Problem, ...]
    counts: dict[str, int]

    @property
    def valid(self) -> bool:
        return not self.problems

    def to_json(self) -> JSON:
        return {
            "valid": self.valid,
            "files": list(self.files),
            "counts": self.counts,
            "problems": [p.to_json() for p in self.problems],
        }


Result = (
    LookupResult
    | ServiceResult
    | CategoryResult
    | CategoriesResult
    | CompareResult
    | SearchResult
    | ListResult
    | ValidateResult
)
