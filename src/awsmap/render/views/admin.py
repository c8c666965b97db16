"""Terminal views of validate and cache, found by the result's type."""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.text import Text

from awsmap.base.text import safe
from awsmap.commands.admin import CacheResult, ValidateResult
from awsmap.render.richtext import (
    View,
    hint,
    inert,
    table,
)


def _validate(result: ValidateResult) -> list[RenderableType]:
    if result.valid:
        counts = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in result.counts.items() if n)
        return [
            Text.assemble(
                ("ok", "bold green"),
                ": ",
                inert(", ".join(result.files)),
                f" ({counts or 'nothing'})",
                no_wrap=True,  # one line, like the problems: a path is never cut in two
                overflow="ignore",
            )
        ]
    # one problem a line, never wrapped, so that it can be grepped and clicked in an editor
    out: list[RenderableType] = [
        Text(safe(str(p)), no_wrap=True, overflow="ignore") for p in result.problems
    ]
    out.append(
        Text(
            f"{len(result.problems)} problem{'s' if len(result.problems) != 1 else ''}",
            style="bold red",
        )
    )
    return out


def _cache(result: CacheResult) -> list[RenderableType]:
    verb = "Removed from" if result.cleared else "Cache"
    out: list[RenderableType] = [
        Text.assemble((f"{verb} ", "bold"), inert(result.directory)),
    ]
    if not result.files:
        out.append(Text("No awsmap files." if not result.cleared else "Nothing to remove.", "dim"))
        return out
    files = table(f"{len(result.files)} files, {_size(result.total)}", "File", "Size", "Modified")
    files.columns[1].justify = "right"
    for f in result.files:
        name = inert(f.name, "bold" if f.current else "")
        if f.current:
            name.append("  (in use)", style="green")
        files.add_row(name, _size(f.size), inert(f.modified))
    out.append(files)
    if not result.cleared:
        out.append(hint("awsmap cache clear removes them; they are rebuilt when needed"))
    return out


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} B"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KiB"
    return f"{count / (1024 * 1024):.1f} MiB"


VIEWS: dict[type[Any], View] = {
    ValidateResult: _validate,
    CacheResult: _cache,
}
