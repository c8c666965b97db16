"""``category``, ``categories`` and ``list``: technologies with their AWS equivalents."""

from collections.abc import Sequence

from awsmap.catalog import Catalog
from awsmap.kinds import CATEGORY, TECHNOLOGY
from awsmap.models import Technology
from awsmap.queries import equivalents
from awsmap.resolve import resolve
from awsmap.results_lists import CategoriesResult, CategoryResult, ListResult, TechSummary


def summaries(catalog: Catalog, techs: Sequence[Technology]) -> tuple[TechSummary, ...]:
    return tuple(TechSummary(t, e) for t, e in zip(techs, equivalents(catalog, techs), strict=True))


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
