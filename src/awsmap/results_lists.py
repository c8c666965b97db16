"""What ``category``, ``categories`` and ``list`` answer."""

from typing import Any, NamedTuple

from awsmap.domain import Equivalent, key_use_case, recommended
from awsmap.match import Match
from awsmap.models import Category, Technology

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
    technologies: tuple[TechSummary, ...]

    def to_json(self) -> JSON:
        return {"technologies": [t.to_json() for t in self.technologies]}
