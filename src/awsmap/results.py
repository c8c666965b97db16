"""What ``lookup`` and ``aws`` answer, and the JSON helpers every result shares.

Results are split by command group (results_lists, results_compare, results_search,
results_admin, results_designs, results_stack) so that a command defines only the types it
uses: defining a NamedTuple costs about as much as a warm lookup's query. ``to_json`` of each is
the JSON contract documented in the README; keys may be added, never renamed or removed."""

from typing import TYPE_CHECKING, Any, NamedTuple

from awsmap.domain import Equivalent
from awsmap.kinds import AWS_SERVICE, TECHNOLOGY
from awsmap.match import Match
from awsmap.models import AwsService, Category, Comparison, Pipeline, Technology

if TYPE_CHECKING:
    from awsmap.designs import Number, Pattern

JSON = dict[str, Any]


def ref_json(entry: "AwsService | Technology | Category | Pattern") -> JSON:
    return {"id": entry.id, "name": entry.name}


class Named(NamedTuple):
    """An entry referred to by id and name only."""

    id: str
    name: str


class LookupResult(NamedTuple):
    technology: Technology
    categories: tuple[Category, ...]
    equivalents: tuple[Equivalent, ...]
    comparisons: tuple[Comparison, ...]
    match: Match
    full: bool = False
    patterns: tuple[Named, ...] = ()  # the building blocks the technology serves
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
            "patterns": [p._asdict() for p in self.patterns],
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
    numbers: "tuple[Number, ...]" = ()

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


def number_json(number: "Number") -> JSON:
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
