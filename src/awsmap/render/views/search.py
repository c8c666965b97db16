"""Terminal views of search, found by the result's type."""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.text import Text

from awsmap.base.text import safe
from awsmap.catalog.kinds import BY_KEY
from awsmap.commands.search import SearchResult
from awsmap.render.richtext import (
    View,
    inert,
    table,
)


def _search(result: SearchResult) -> list[RenderableType]:
    found = table(f"Search: {safe(result.query)}", "#", "Result", "Kind", "Score", "AWS answer")
    found.columns[3].justify = "right"
    for i, hit in enumerate(result.hits, 1):
        aws = hit.aws["name"] if hit.aws else ""
        found.add_row(
            str(i),
            Text.assemble(inert(hit.name, "bold"), ("  ", ""), inert(hit.id, "dim")),
            inert(BY_KEY[hit.kind].word),
            f"{round(hit.score, 1):.0f}",  # the one-decimal score results are sorted by
            inert(aws),
        )
    return [found]


VIEWS: dict[type[Any], View] = {
    SearchResult: _search,
}
