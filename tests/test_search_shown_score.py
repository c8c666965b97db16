"""The Score column shows the score results are sorted by (rounded to one decimal), so two
results tied at 2.5 never show as 2 then 3."""

from __future__ import annotations

import io

from rich.console import Console

from awsmap.commands.search import Hit, SearchResult
from awsmap.render.views.search import VIEWS


def test_tied_scores_show_the_same_number() -> None:
    # 2.54 and 2.46 both sort as 2.5; the first (by name) used to show 3, the second 2
    hits = (
        Hit("technology", "redis", "Redis", 2.54, "name"),
        Hit("technology", "valkey", "Valkey", 2.46, "name"),
        Hit("technology", "doris", "Apache Doris", 1.6, "name"),
    )
    out = io.StringIO()
    console = Console(file=out, width=120, color_system=None)
    for renderable in VIEWS[SearchResult](SearchResult("cache", hits)):
        console.print(renderable)
    rows = [line.split() for line in out.getvalue().splitlines() if line[:1].isdigit()]
    shown = [int(row[-1]) for row in rows]
    assert shown == sorted(shown, reverse=True)
    assert shown[0] == shown[1]
