"""One function per command: arguments in, a result object out. Nothing here prints."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from awsmap.catalog import AWS_SERVICE, CATEGORY, TECHNOLOGY, Catalog
from awsmap.errors import DataError, NotFoundError, UsageError
from awsmap.models import AwsService, ComparisonRow, Technology
from awsmap.resolve import Match, resolve
from awsmap.results import (
    CategoriesResult,
    CategoryResult,
    CompareResult,
    Equivalent,
    ListResult,
    LookupResult,
    SearchResult,
    ServiceLink,
    ServiceResult,
    Subject,
    TechSummary,
    ValidateResult,
    key_use_case,
    main_equivalent,
)
from awsmap.search import search as _search
from awsmap.text import compact, echo

RELATION_ORDER = {"managed": 0, "compatible": 1, "analogous": 2}


def _equivalents(catalog: Catalog, techs: Sequence[Technology]) -> list[tuple[Equivalent, ...]]:
    """Each technology's AWS equivalents with services and successors fetched in one query."""
    ids = {eq.service for t in techs for eq in t.aws_equivalents}
    services = catalog.services(sorted(ids))
    wanted = {s for svc in services.values() for s in svc.lifecycle.successors} - services.keys()
    if wanted:
        services.update(catalog.services(sorted(wanted)))

    def one(tech: Technology) -> tuple[Equivalent, ...]:
        return tuple(
            Equivalent(
                services[eq.service],
                eq.relation,
                eq.note,
                tuple(services[s] for s in services[eq.service].lifecycle.successors),
            )
            for eq in tech.aws_equivalents
        )

    return [one(t) for t in techs]


def lookup(catalog: Catalog, name: str, full: bool = False) -> LookupResult | ServiceResult:
    """A technology by name; an AWS service name gives the reverse view instead of failing."""
    match = resolve(catalog, name, (TECHNOLOGY, AWS_SERVICE))
    if match.kind == AWS_SERVICE:
        return _service_view(catalog, match)
    return technology_view(catalog, match, full)


def technology_view(catalog: Catalog, match: Match, full: bool = False) -> LookupResult:
    tech = catalog.technology(match.id)
    categories = tuple(catalog.category(c) for c in tech.categories)
    (equivalents,) = _equivalents(catalog, [tech])
    comparisons = tuple(catalog.comparisons_of(TECHNOLOGY, tech.id))
    return LookupResult(tech, categories, equivalents, comparisons, match, full)


def aws(catalog: Catalog, name: str) -> ServiceResult:
    try:
        match = resolve(catalog, name, (AWS_SERVICE,))
    except NotFoundError as exc:
        tech = catalog.keys_exact(1, compact(name), (TECHNOLOGY,))
        if not tech:
            raise
        raise NotFoundError(
            f"{echo(name)} is a technology, not an AWS service; "
            f"'awsmap lookup {tech[0].id}' shows its AWS equivalents",
            suggestions=exc.suggestions,
        ) from None
    return _service_view(catalog, match)


def _service_view(catalog: Catalog, match: Match) -> ServiceResult:
    service = catalog.service(match.id)
    successors = tuple(catalog.services(service.lifecycle.successors).values())
    links = sorted(catalog.links(service.id), key=lambda link: RELATION_ORDER.get(link.relation, 9))
    return ServiceResult(
        service,
        successors,
        tuple(ServiceLink(link.technology, link.name, link.relation, link.note) for link in links),
        match,
    )


def category(catalog: Catalog, name: str) -> CategoryResult:
    match = resolve(catalog, name, (CATEGORY,), what="category")
    cat = catalog.category(match.id)
    techs = catalog.members(cat.id)
    summaries = tuple(
        TechSummary(t, e) for t, e in zip(techs, _equivalents(catalog, techs), strict=True)
    )
    return CategoryResult(cat, summaries, match)


def categories(catalog: Catalog) -> CategoriesResult:
    counts = catalog.category_counts()
    return CategoriesResult(tuple((c, counts.get(c.id, 0)) for c in catalog.categories()))


def listing(catalog: Catalog) -> ListResult:
    techs = catalog.technologies()
    return ListResult(
        tuple(TechSummary(t, e) for t, e in zip(techs, _equivalents(catalog, techs), strict=True))
    )


def search(catalog: Catalog, text: str, limit: int = 10) -> SearchResult:
    if limit < 1:
        raise UsageError("--limit must be at least 1")
    result = _search(catalog, text, limit)
    if not result.hits:
        raise NotFoundError(f"nothing matches {echo(result.query)}; try fewer or other words")
    return result


def compare(catalog: Catalog, names: Sequence[str]) -> CompareResult:
    """Side by side: the curated comparison for a pair when there is one, else rows from data."""
    if len(names) < 2:
        raise UsageError("compare needs at least two names, e.g. awsmap compare redis memcached")
    subjects: list[Subject] = []
    for name in names:
        match = resolve(catalog, name, (TECHNOLOGY, AWS_SERVICE))
        subject = Subject(match.kind, match.id, match.label, match)
        for earlier in subjects:
            if (earlier.kind, earlier.id) == (subject.kind, subject.id):
                raise UsageError(
                    f"{echo(earlier.match.query)} and {echo(name)} are both {subject.name}; "
                    "compare two different things"
                )
        subjects.append(subject)
    if len(subjects) == 2:
        a, b = subjects
        curated = catalog.comparison_between((a.kind, a.id), (b.kind, b.id))
        if curated is not None:
            flip = curated.sides[0].target != a.id or curated.sides[0].kind != a.kind
            rows = tuple(
                ComparisonRow(r.aspect, tuple(reversed(r.values)) if flip else r.values)
                for r in curated.rows
            )
            extra = _relation_rows(catalog, subjects)
            return CompareResult(tuple(subjects), rows + extra, curated)
    return CompareResult(tuple(subjects), _derived_rows(catalog, subjects), None)


def _relation_rows(catalog: Catalog, subjects: Sequence[Subject]) -> tuple[ComparisonRow, ...]:
    """How each AWS subject relates to each technology subject, where the data says."""
    techs = {s.id: catalog.technology(s.id) for s in subjects if s.kind == TECHNOLOGY}
    rows = []
    for s in subjects:
        if s.kind != AWS_SERVICE:
            continue
        for tech in techs.values():
            for eq in tech.aws_equivalents:
                if eq.service == s.id:
                    values = tuple(
                        f"{eq.relation}: {eq.note}"
                        if other.kind == AWS_SERVICE and other.id == s.id
                        else ""
                        for other in subjects
                    )
                    rows.append(ComparisonRow(f"Relation to {tech.name}", values))
    return tuple(rows)


def _join(items: Sequence[str], limit: int = 6) -> str:
    shown = list(items[:limit])
    if len(items) > limit:
        shown.append(f"(+{len(items) - limit} more)")
    return "\n".join(shown) if shown else "-"


def _derived_rows(catalog: Catalog, subjects: Sequence[Subject]) -> tuple[ComparisonRow, ...]:
    columns: list[dict[str, str]] = []
    for s in subjects:
        if s.kind == TECHNOLOGY:
            tech = catalog.technology(s.id)
            (equivalents,) = _equivalents(catalog, [tech])
            cats = [catalog.category(c).name for c in tech.categories]
            columns.append(
                {
                    "Kind": "Technology",
                    "What it is": tech.what_it_is,
                    "Categories": ", ".join(cats),
                    "AWS equivalents": _join(
                        [f"{e.service.name} ({e.relation})" for e in equivalents]
                    ),
                    "Lifecycle": "-",
                    "Key features": _join([f.partition(": ")[0] for f in tech.key_features]),
                    "Use cases": _join([u.partition(": ")[0] for u in tech.use_cases]),
                    "Main use case": key_use_case(tech) or "-",
                    "Main AWS equivalent": (
                        m.service.name if (m := main_equivalent(equivalents)) else "-"
                    ),
                }
            )
        else:
            svc = catalog.service(s.id)
            links = catalog.links(svc.id)
            columns.append(
                {
                    "Kind": "AWS service",
                    "What it is": svc.description,
                    "Categories": "-",
                    "AWS equivalents": "-",
                    "Lifecycle": _status_text(svc),
                    "Key features": "-",
                    "Use cases": "-",
                    "Main use case": "-",
                    "Main AWS equivalent": "-",
                    "Technologies mapped to it": _join(
                        [f"{link.name} ({link.relation})" for link in links]
                    ),
                }
            )
    aspects = list(dict.fromkeys(k for col in columns for k in col))
    rows = [ComparisonRow(a, tuple(col.get(a, "-") for col in columns)) for a in aspects]
    rows.extend(_relation_rows(catalog, subjects))
    return tuple(r for r in rows if any(v not in ("-", "") for v in r.values))


def _status_text(svc: AwsService) -> str:
    life = svc.lifecycle
    text = life.status.replace("-", " ")
    return f"{text} ({life.date})" if life.date else text


def validate(paths: Sequence[Path]) -> ValidateResult:
    """Every problem in the given user files, checked alone and against the bundled data."""
    from awsmap import loader
    from awsmap.bundled import bundled_paths

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
                kind: sum(len(d.get(kind) or ()) for _p, d in documents) for kind in loader.KINDS
            }
    return ValidateResult(tuple(map(str, paths)), tuple(problems), counts)
