"""Renderers: a result object in, text on stdout out, in the format asked for.

Each format's module is imported only when that format is drawn: the JSON path never imports Rich.
"""

from __future__ import annotations

import sys
from typing import Any

from awsmap.render import console


def emit(result: Any, fmt: str = "table", brief: bool = False, page: bool = False) -> None:
    """Draw ``result`` on stdout. ``brief``: the essentials only (the table view); ``page``: a
    page taller than the terminal may go through the pager (``render/pager.py``)."""
    if fmt == "json":
        from awsmap.render.as_json import dumps

        encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower()
        console.write_stdout(dumps(result, ascii_only=not encoding.startswith("utf")))
    elif fmt == "markdown":
        from awsmap.render.markdown import markdown

        console.write_stdout(markdown(result))
    elif fmt in ("mermaid", "dot"):
        from awsmap.render.graph import graph

        console.write_stdout(graph(result, fmt))
    else:
        from awsmap.render.rich import render

        render(result, console.stdout(), brief, page and console.pager_allowed())
