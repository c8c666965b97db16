"""``category``, ``categories`` and ``list``: technologies by category, their results and JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from awsmap.base.match import Match
from awsmap.catalog.domain import Equivalent, key_use_case, recommended
from awsmap.catalog.kinds import CATEGORY, TECHNOLOGY
from awsmap.catalog.models import Category, Technology
from awsmap.catalog.reader import Catalog
from awsmap.find.equivalents import equivalents
from awsmap.find.resolve import resolve

if TYPE_CHECKING:
    from awsmap.commands.context import Context

JSON = dict[str, Any]


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


class CategoryResult(NamedTuple):
    category: Category
    technologies: tuple[TechSummary, ...]
    match: Match

    def to_json(self) -> JSON:
        cat = self.category
        return {
            "kind": CATEGORY.key,
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


class ListResult(NamedTuple):
    """Every technology, by its first category (in the order ``categories`` lists them), then by
    name; ``categories`` names each category id."""

    technologies: tuple[TechSummary, ...]
    categories: tuple[tuple[str, str], ...] = ()  # (id, name) of every category

    def to_json(self) -> JSON:
        return {"technologies": [t.to_json() for t in self.technologies]}


def summaries(catalog: Catalog, techs: Sequence[Technology]) -> tuple[TechSummary, ...]:
    return tuple(TechSummary(t, e) for t, e in zip(techs, equivalents(catalog, techs), strict=True))


def category_result(catalog: Catalog, name: str) -> CategoryResult:
    match = resolve(catalog, name, (CATEGORY,))
    cat = catalog.get(CATEGORY, match.id)
    techs = catalog.referrers(CATEGORY, cat.id, TECHNOLOGY, "categories[]")
    return CategoryResult(cat, summaries(catalog, techs), match)


def categories_result(catalog: Catalog) -> CategoriesResult:
    counts = catalog.referrer_counts(CATEGORY, TECHNOLOGY)
    return CategoriesResult(tuple((c, counts.get(c.id, 0)) for c in catalog.all(CATEGORY)))


def by_category(techs: Sequence[Technology], categories: Sequence[str]) -> list[Technology]:
    """Technologies by their first category, in the order of ``categories``, then by name."""
    rank = {c: i for i, c in enumerate(categories)}

    def key(tech: Technology) -> tuple[int, str, str]:
        first = tech.categories[0] if tech.categories else ""
        return (rank.get(first, len(rank)), tech.name.casefold(), tech.id)

    return sorted(techs, key=key)


def listing_result(catalog: Catalog) -> ListResult:
    names = catalog.names(CATEGORY)
    techs = by_category(catalog.all(TECHNOLOGY), list(names))
    return ListResult(summaries(catalog, techs), tuple(names.items()))


def category(ctx: Context, name: list[str]) -> CategoryResult:
    return category_result(ctx.catalog(), " ".join(name))


def categories(ctx: Context) -> CategoriesResult:
    return categories_result(ctx.catalog())


def listing(ctx: Context) -> ListResult:
    return listing_result(ctx.catalog())
