"""``lookup`` and ``aws``: a technology or an AWS service by name, its result and its JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from awsmap.base.match import Match
from awsmap.catalog.domain import Equivalent
from awsmap.catalog.kinds import AWS_SERVICE, TECHNOLOGY
from awsmap.catalog.models import AwsService, Category, Comparison, Pipeline, Technology

if TYPE_CHECKING:
    from awsmap.catalog.designs import Number, Pattern
    from awsmap.commands.context import Context
from awsmap.base.errors import NotFoundError
from awsmap.base.text import compact, quoted
from awsmap.catalog.domain import RELATION_ORDER
from awsmap.catalog.kinds import (
    ARCHITECTURE,
    CATEGORY,
    COMPARISON,
    NUMBER,
    PATTERN,
)
from awsmap.catalog.reader import Catalog
from awsmap.find.equivalents import EQUIVALENT_PATH, equivalents
from awsmap.find.resolve import clean_query, exact, resolve

JSON = dict[str, Any]


def ref_json(entry: AwsService | Technology | Category | Pattern) -> JSON:
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
        "group": number.group,
        "technology": number.technology,
    }


def lookup_result(catalog: Catalog, name: str, full: bool = False) -> LookupResult | ServiceResult:
    """A technology by name; an AWS service name gives the reverse view instead of failing. A
    name of another kind is "not found" that says which command shows it."""
    try:
        match = resolve(catalog, name, (TECHNOLOGY, AWS_SERVICE))
    except NotFoundError as exc:
        from awsmap.commands.opened import other_kind

        elsewhere = other_kind(catalog, clean_query(name), (TECHNOLOGY.key, AWS_SERVICE.key))
        if elsewhere is None:
            raise
        raise NotFoundError(elsewhere, suggestions=exc.suggestions) from None
    if match.kind == AWS_SERVICE.key:
        return service_view(catalog, match)
    return technology_view(catalog, match, full)


def technology_view(catalog: Catalog, match: Match, full: bool = False) -> LookupResult:
    tech = catalog.get(TECHNOLOGY, match.id)
    categories = tuple(catalog.many(CATEGORY, tech.categories)[c] for c in tech.categories)
    (found,) = equivalents(catalog, [tech])
    comparisons = tuple(catalog.referrers(TECHNOLOGY, tech.id, COMPARISON))
    patterns = tuple(Named(*p) for p in catalog.referrer_names(TECHNOLOGY, tech.id, PATTERN))
    designs = catalog.referrer_documents(TECHNOLOGY, tech.id, ARCHITECTURE)
    pipelines = (*tech.architectures, *_pipelines(catalog, designs))
    return LookupResult(tech, categories, found, comparisons, match, full, patterns, pipelines)


def _pipelines(catalog: Catalog, designs: list[dict[str, Any]]) -> list[Pipeline]:
    """Architectures in the older, flat form of a technology's ``architectures``. Only names are
    needed, so the architectures stay documents (a lookup never imports the design records) and
    the names of all their components come in two queries."""
    parts = [c for d in designs for c in d["components"]]
    # A component lists what fills it under each kind's plural: "technologies", "aws_services".
    tech_field, svc_field = TECHNOLOGY.plural, AWS_SERVICE.plural
    what = "role"  # not a kind: the component's field that says what it does
    techs = catalog.names_for(TECHNOLOGY, sorted({t for c in parts for t in c.get(tech_field, ())}))
    svcs = catalog.names_for(AWS_SERVICE, sorted({s for c in parts for s in c.get(svc_field, ())}))

    def side(names: dict[str, str], ids: list[str], role: str) -> str:
        return " / ".join(names[i] for i in ids) or role

    return [
        Pipeline(
            design["name"],
            tuple(side(techs, c.get(tech_field, []), c[what]) for c in design["components"]),
            tuple(side(svcs, c.get(svc_field, []), c[what]) for c in design["components"]),
        )
        for design in designs
    ]


def aws_result(catalog: Catalog, name: str) -> ServiceResult:
    try:
        match = resolve(catalog, name, (AWS_SERVICE,))
    except NotFoundError as exc:
        tech = exact(catalog, name, (TECHNOLOGY,))
        if tech is None:
            raise
        raise NotFoundError(
            f"{quoted(name)} is a technology, not an AWS service; "
            f"'awsmap lookup {tech.id}' shows its AWS equivalents",
            suggestions=exc.suggestions,
        ) from None
    return service_view(catalog, match)


def service_view(catalog: Catalog, match: Match) -> ServiceResult:
    service = catalog.get(AWS_SERVICE, match.id)
    successors = tuple(catalog.many(AWS_SERVICE, service.lifecycle.successors).values())
    ranked: list[tuple[int, int, int, Link]] = []
    for tech in catalog.referrers(AWS_SERVICE, service.id, TECHNOLOGY, EQUIVALENT_PATH):
        for rank, eq in enumerate(tech.aws_equivalents):
            if eq.service == service.id:
                order = RELATION_ORDER.get(eq.relation, len(RELATION_ORDER))
                # within a relation, the technologies this service is the first answer for
                named = 0 if compact(tech.name) in compact(service.full_name) else 1
                ranked.append(
                    (order, min(rank, 1), named, Link(tech.id, tech.name, eq.relation, eq.note))
                )
                break
    links = [r[3] for r in sorted(ranked, key=lambda r: r[:3])]
    patterns = tuple(
        Link(p.id, p.name, "", next(w.how for w in p.aws if w.service == service.id))
        for p in catalog.referrers(AWS_SERVICE, service.id, PATTERN, "aws[].service")
    )
    numbers = tuple(catalog.referrers(AWS_SERVICE, service.id, NUMBER))
    return ServiceResult(service, successors, tuple(links), match, patterns, numbers)


def lookup(ctx: Context, name: list[str], full: bool) -> LookupResult | ServiceResult:
    return lookup_result(ctx.catalog(), " ".join(name), full)


def aws(ctx: Context, service: list[str]) -> ServiceResult:
    return aws_result(ctx.catalog(), " ".join(service))
