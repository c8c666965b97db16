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
    """One table, a heading row for each first category; a technology's other categories follow
    its name."""
    grid = table(
        f"Quick reference: {len(result.technologies)} technologies",
        "Technology",
        "Main AWS equivalent",
        "Key use case",
    )
    names = dict(result.categories)
    group = None
    for summary in result.technologies:
        tech = summary.technology
        first, *others = tech.categories or ("",)
        if first != group:
            if group is not None:
                grid.add_row("", "", "")
            grid.add_row(inert(names.get(first, first), "bold cyan"), "", "")
            group = first
        name = inert(tech.name, "bold")
        if others:
            name.append_text(inert(f" (also {', '.join(others)})", "dim"))
        main = recommended(summary.equivalents)
        grid.add_row(
            name,
            inert(main.service.name if main else "-"),
            inert(key_use_case(tech) or "-"),
        )
    return [grid]


VIEWS: dict[type[Any], View] = {
    CategoryResult: _category,
    CategoriesResult: _categories,
    ListResult: _list,
}
