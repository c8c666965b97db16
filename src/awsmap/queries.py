"""``lookup`` and ``aws``, and the equivalents every other query builds on: arguments in, a result
object out. Nothing here prints."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from awsmap.catalog import Catalog
from awsmap.domain import RELATION_ORDER, Equivalent
from awsmap.errors import NotFoundError
from awsmap.kinds import (
    ARCHITECTURE,
    AWS_SERVICE,
    CATEGORY,
    COMPARISON,
    NUMBER,
    PATTERN,
    TECHNOLOGY,
)
from awsmap.match import Match
from awsmap.models import Pipeline, Technology
from awsmap.resolve import exact, resolve
from awsmap.results import Link, LookupResult, Named, ServiceResult
from awsmap.text import quoted

EQUIVALENT_PATH = "aws_equivalents[].service"


def equivalents(catalog: Catalog, techs: Sequence[Technology]) -> list[tuple[Equivalent, ...]]:
    """Each technology's AWS equivalents, with services and successors fetched in two queries."""
    services = catalog.many(
        AWS_SERVICE, sorted({eq.service for t in techs for eq in t.aws_equivalents})
    )
    wanted = {s for svc in services.values() for s in svc.lifecycle.successors} - services.keys()
    if wanted:
        services.update(catalog.many(AWS_SERVICE, sorted(wanted)))

    def one(tech: Technology) -> tuple[Equivalent, ...]:
        return tuple(
            Equivalent(
                services[eq.service],
                eq.relation,
                eq.note,
                tuple(services[s] for s in services[eq.service].lifecycle.successors),
                eq.preferred_because,
            )
            for eq in tech.aws_equivalents
        )

    return [one(t) for t in techs]


def lookup(catalog: Catalog, name: str, full: bool = False) -> LookupResult | ServiceResult:
    """A technology by name; an AWS service name gives the reverse view instead of failing."""
    match = resolve(catalog, name, (TECHNOLOGY, AWS_SERVICE))
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
    techs = catalog.names_for(TECHNOLOGY, sorted({t for c in parts for t in c.get(tech_field, ())}))
    svcs = catalog.names_for(AWS_SERVICE, sorted({s for c in parts for s in c.get(svc_field, ())}))

    def side(names: dict[str, str], ids: list[str], role: str) -> str:
        return " / ".join(names[i] for i in ids) or role

    return [
        Pipeline(
            design["name"],
            tuple(side(techs, c.get(tech_field, []), c["role"]) for c in design["components"]),
            tuple(side(svcs, c.get(svc_field, []), c["role"]) for c in design["components"]),
        )
        for design in designs
    ]


def aws(catalog: Catalog, name: str) -> ServiceResult:
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
    links = []
    for tech in catalog.referrers(AWS_SERVICE, service.id, TECHNOLOGY, EQUIVALENT_PATH):
        for eq in tech.aws_equivalents:
            if eq.service == service.id:
                links.append(Link(tech.id, tech.name, eq.relation, eq.note))
                break
    links.sort(key=lambda link: RELATION_ORDER.get(link.relation, len(RELATION_ORDER)))
    patterns = tuple(
        Link(p.id, p.name, "", next(w.how for w in p.aws if w.service == service.id))
        for p in catalog.referrers(AWS_SERVICE, service.id, PATTERN, "aws[].service")
    )
    numbers = tuple(catalog.referrers(AWS_SERVICE, service.id, NUMBER))
    return ServiceResult(service, successors, tuple(links), match, patterns, numbers)
