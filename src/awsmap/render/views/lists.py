"""Terminal views of category, categories and list, found by the result's type."""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType

from awsmap.catalog.domain import key_use_case, recommended
from awsmap.commands.lists import CategoriesResult, CategoryResult, ListResult
from awsmap.render.richtext import (
    View,
    add_match_line,
    equivalent_names,
    inert,
    table,
)


def _category(result: CategoryResult) -> list[RenderableType]:
    cat = result.category
    out: list[RenderableType] = [inert(cat.name, "bold cyan"), inert(cat.description)]
    add_match_line(out, result.match, cat.name)
    grid = table(
        f"{len(result.technologies)} technologies", "Technology", "AWS equivalents", "What it is"
    )
    for summary in result.technologies:
        grid.add_row(
            inert(summary.technology.name, "bold"),
            equivalent_names(summary.equivalents),
            inert(summary.technology.what_it_is),
        )
    out.append(grid)
    return out


def _categories(result: CategoriesResult) -> list[RenderableType]:
    grid = table("Categories", "Id", "Name", "Count", "Description")
    grid.columns[2].justify = "right"
    for cat, count in result.categories:
        grid.add_row(
            inert(cat.id, "bold"), inert(cat.name), str(count), inert(cat.description, "dim")
        )
    return [grid]


def _list(result: ListResult) -> list[RenderableType]:
    grid = table(
        f"Quick reference: {len(result.technologies)} technologies",
        "Technology",
        "Category",
        "Main AWS equivalent",
        "Key use case",
    )
    for summary in result.technologies:
        tech = summary.technology
        main = recommended(summary.equivalents)
        grid.add_row(
            inert(tech.name, "bold"),
            inert(", ".join(tech.categories)),
            inert(main.service.name if main else "-"),
            inert(key_use_case(tech) or "-"),
        )
    return [grid]


VIEWS: dict[type[Any], View] = {
    CategoryResult: _category,
    CategoriesResult: _categories,
    ListResult: _list,
}
