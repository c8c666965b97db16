"""What each command answers, as objects that both renderers draw from.

``to_json`` of each result is the JSON contract documented in the README and pinned by the tests;
keys may be added in a minor release, never renamed or removed.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from awsmap.designs import Number, Pattern
from awsmap.domain import Equivalent, key_use_case, recommended
from awsmap.kinds import AWS_SERVICE, TECHNOLOGY
from awsmap.match import Match
from awsmap.models import AwsService, Category, Comparison, ComparisonRow, Pipeline, Technology
from awsmap.problems import Problem

JSON = dict[str, Any]


def ref_json(entry: AwsService | Technology | Category | Pattern) -> JSON:
    return {"id": entry.id, "name": entry.name}


class TechSummary(NamedTuple):
    technology: Technology
    equivalents: tuple[Equivalent, ...]

    def to_json(self) -> JSON:
        tech = self.technology
        main = recommended(self.equivalents)
        return {
            "id": tech.id,
            "name": tech.name,
            "categories": list(tech.categories),
            "what_it_is": tech.what_it_is,
            "aws_equivalents": [e.brief() for e in self.equivalents],
            "main_aws_equivalent": main.brief() if main else None,
            "use_case": key_use_case(tech),
        }


class LookupResult(NamedTuple):
    technology: Technology
    categories: tuple[Category, ...]
    equivalents: tuple[Equivalent, ...]
    comparisons: tuple[Comparison, ...]
    match: Match
    full: bool = False
    patterns: tuple[Pattern, ...] = ()
    pipelines: tuple[Pipeline, ...] = ()  # the technology's own, then its architectures'

    def to_json(self) -> JSON:
        tech = self.technology
        return {
            "kind": TECHNOLOGY.key,
            "id": tech.id,
            "name": tech.name,
            "aliases": list(tech.aliases),
            "categories": [ref_json(c) for c in self.categories],
            "what_it_is": tech.what_it_is,
            "aws_equivalents": [e.to_json() for e in self.equivalents],
            "parallels": [p.to_dict() for p in tech.parallels],
            "interview_phrases": list(tech.interview_phrases),
            "key_features": list(tech.key_features),
            "use_cases": list(tech.use_cases),
            "sections": [s.to_dict() for s in tech.sections],
            "architectures": [a.to_dict() for a in self.pipelines],
            "comparisons": [comparison_ref(c) for c in self.comparisons],
            "corrections": [c.to_dict() for c in tech.corrections],
            "match": self.match.to_json(),
            "images": list(tech.images),
            "patterns": [ref_json(p) for p in self.patterns],
        }


def comparison_ref(comp: Comparison) -> JSON:
    return {
        "id": comp.id,
        "title": comp.title,
        "sides": [{"kind": s.kind, "id": s.target, "label": s.label} for s in comp.sides],
    }


class Link(NamedTuple):
    """One entry's tie to an AWS service, seen from the service: a technology that maps to it
    (with the relation), or a pattern that uses it (relation empty, ``note`` says how)."""

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
    links: tuple[Link, ...]
    match: Match
    patterns: tuple[Link, ...] = ()
    numbers: tuple[Number, ...] = ()

    def to_json(self) -> JSON:
        svc = self.service
        life = svc.lifecycle
        return {
            "kind": AWS_SERVICE.key,
            "service": {
                "id": svc.id,
                "name": svc.name,
                "full_name": svc.full_name,
                "aliases": list(svc.aliases),
                "description": svc.description,
                "sdk_ids": list(svc.sdk_ids),
                "status": life.status,
                "date": life.date,
                "successors": [ref_json(s) for s in self.successors],
                "note": life.note,
                "source": life.source,
            },
            "technologies": [link.to_json() for link in self.links],
            "match": self.match.to_json(),
            "patterns": [{"id": p.id, "name": p.name, "how": p.note} for p in self.patterns],
            "numbers": [number_json(n) for n in self.numbers],
        }


def number_json(number: Number) -> JSON:
    return {
        "service": number.service,
        "name": number.name,
        "value": number.value,
        "unit": number.unit,
        "note": number.note,
        "source": number.source,
        "checked": number.checked,
        "id": number.id,
        "adjustable": number.adjustable,
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


class Verdict(NamedTuple):
    """When to choose one subject of a comparison, where a curated comparison says."""

    kind: str
    id: str
    name: str
    choose_when: str | None

    def to_json(self) -> JSON:
        return {
            "kind": self.kind,
            "id": self.id,
            "name": self.name,
            "choose_when": self.choose_when,
        }


class CompareResult(NamedTuple):
    subjects: tuple[Subject, ...]
    rows: tuple[ComparisonRow, ...]
    comparison: Comparison | None
    verdicts: tuple[Verdict, ...] = ()
    included: tuple[Comparison, ...] = ()  # curated pairs whose rows a derived table keeps

    def to_json(self) -> JSON:
        return {
            "technologies": [s.to_json() for s in self.subjects],
            "comparison": comparison_ref(self.comparison) if self.comparison else None,
            "source": "curated" if self.comparison else "derived",
            "rows": [r.to_dict() for r in self.rows],
            "verdicts": [v.to_json() for v in self.verdicts],
            "included": [comparison_ref(c) for c in self.included],
        }


class Hit(NamedTuple):
    """One search result: what it is, and the AWS answer where it has one."""

    kind: str  # the key of the entry's kind
    id: str
    name: str
    score: float
    field: str
    aws: JSON | None = None  # {id, name, status} and, for a technology, its relation

    def to_json(self) -> JSON:
        return {
            "kind": self.kind,
            "id": self.id,
            "name": self.name,
            "score": round(self.score, 1),
            "field": self.field,
            "aws": self.aws,
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


class CacheFileInfo(NamedTuple):
    name: str
    size: int
    modified: str  # ISO 8601, UTC
    current: bool  # the index of the data in use now

    def to_json(self) -> JSON:
        return {
            "name": self.name,
            "bytes": self.size,
            "modified": self.modified,
            "current": self.current,
        }


class CacheResult(NamedTuple):
    """What the cache directory holds, or what ``cache clear`` removed."""

    directory: str
    files: tuple[CacheFileInfo, ...]
    cleared: bool = False

    @property
    def total(self) -> int:
        return sum(f.size for f in self.files)

    def to_json(self) -> JSON:
        return {
            "directory": self.directory,
            "files": [f.to_json() for f in self.files],
            "total_bytes": self.total,
            "cleared": self.cleared,
        }


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
    | CacheResult
)
