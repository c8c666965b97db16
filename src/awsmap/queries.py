"""One function per lookup command: arguments in, a result object out. Nothing here prints."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from awsmap.catalog import Catalog
from awsmap.designs import Architecture
from awsmap.domain import RELATION_ORDER, Equivalent, first_available, recommended
from awsmap.errors import DataError, NotFoundError, UsageError
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
from awsmap.results import (
    CacheFileInfo,
    CacheResult,
    CategoriesResult,
    CategoryResult,
    Hit,
    Link,
    ListResult,
    LookupResult,
    SearchResult,
    ServiceResult,
    TechSummary,
    ValidateResult,
)
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


def summaries(catalog: Catalog, techs: Sequence[Technology]) -> tuple[TechSummary, ...]:
    return tuple(TechSummary(t, e) for t, e in zip(techs, equivalents(catalog, techs), strict=True))


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
    patterns = tuple(catalog.referrers(TECHNOLOGY, tech.id, PATTERN))
    designs = catalog.referrers(TECHNOLOGY, tech.id, ARCHITECTURE)
    pipelines = (*tech.architectures, *(_pipeline(catalog, a) for a in designs))
    return LookupResult(tech, categories, found, comparisons, match, full, patterns, pipelines)


def _pipeline(catalog: Catalog, design: Architecture) -> Pipeline:
    """An architecture in the older, flat form of a technology's ``architectures``."""
    techs = catalog.many(TECHNOLOGY, sorted({t for c in design.components for t in c.technologies}))
    svcs = catalog.many(AWS_SERVICE, sorted({s for c in design.components for s in c.aws_services}))

    def side(names: list[str], role: str) -> str:
        return " / ".join(names) or role

    return Pipeline(
        design.name,
        tuple(side([techs[t].name for t in c.technologies], c.role) for c in design.components),
        tuple(side([svcs[s].name for s in c.aws_services], c.role) for c in design.components),
    )


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


def category(catalog: Catalog, name: str) -> CategoryResult:
    match = resolve(catalog, name, (CATEGORY,))
    cat = catalog.get(CATEGORY, match.id)
    techs = catalog.referrers(CATEGORY, cat.id, TECHNOLOGY, "categories[]")
    return CategoryResult(cat, summaries(catalog, techs), match)


def categories(catalog: Catalog) -> CategoriesResult:
    counts = catalog.referrer_counts(CATEGORY, TECHNOLOGY)
    return CategoriesResult(tuple((c, counts.get(c.id, 0)) for c in catalog.all(CATEGORY)))


def listing(catalog: Catalog) -> ListResult:
    return ListResult(summaries(catalog, catalog.all(TECHNOLOGY)))


def search(catalog: Catalog, text: str, limit: int = 10) -> SearchResult:
    """Ranked results of every searchable kind, each with its AWS answer where it has one."""
    from awsmap.search import search as ranked

    if limit < 1:
        raise UsageError("--limit must be at least 1")
    query, scored = ranked(catalog, text, limit)
    if not scored:
        raise NotFoundError(f"nothing matches {quoted(query)}; try fewer or other words")
    techs = [h.record for h in scored if h.kind is TECHNOLOGY]
    answers = {
        t.id: recommended(e) for t, e in zip(techs, equivalents(catalog, techs), strict=True)
    }
    ways = {w.service for h in scored if h.kind is PATTERN for w in h.record.aws}
    services = catalog.many(AWS_SERVICE, sorted(ways)) if ways else {}
    hits = []
    for h in scored:
        aws = None
        if h.kind is TECHNOLOGY and (main := answers[h.record.id]) is not None:
            aws = main.brief()
        elif h.kind is PATTERN:
            first = first_available([services[w.service] for w in h.record.aws])
            aws = (
                {"id": first.id, "name": first.name, "status": first.lifecycle.status}
                if first
                else None
            )
        hits.append(Hit(h.kind.key, h.record.id, h.kind.title_of(h.record), h.score, h.field, aws))
    return SearchResult(query, tuple(hits))


def validate(paths: Sequence[Path]) -> ValidateResult:
    """Every problem in the given user files, checked alone and against the bundled data."""
    from awsmap import loader
    from awsmap.bundled import bundled_paths
    from awsmap.kinds import KINDS

    if not paths:
        raise UsageError("give at least one data file to validate")
    documents, problems = loader.collect_documents(paths)
    counts: dict[str, int] = {}
    if not problems:
        bundled = loader.read_documents(bundled_paths(), bundled=True)
        try:
            loader.merge([*bundled, *documents], len(bundled))  # checked against the bundled data
        except DataError as exc:
            problems.extend(exc.problems)
        else:
            counts = {
                kind.plural: sum(len(d.get(kind.plural) or ()) for _p, d in documents)
                for kind in KINDS
            }
    return ValidateResult(tuple(map(str, paths)), tuple(problems), counts)


def cache(user_paths: Sequence[Path], clear: bool = False) -> CacheResult:
    """The cache directory and awsmap's files in it; with ``clear``, the files just removed."""
    from datetime import datetime, timezone

    from awsmap import index
    from awsmap.paths import cache_dir

    current = index.index_path(user_paths)
    files = index.clear() if clear else index.cache_files()
    return CacheResult(
        str(cache_dir()),
        tuple(
            CacheFileInfo(
                f.path.name,
                f.size,
                datetime.fromtimestamp(f.modified, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                f.path == current and not clear,
            )
            for f in files
        ),
        cleared=clear,
    )
