"""``awsmap export FORMAT``: the cards as an Anki deck, plain text, CSV or a cheat sheet."""

from pathlib import Path
from typing import Annotated

import typer

from awsmap.commands.common import JsonOpt, catalog, emit, guarded


@guarded
def export(
    fmt: Annotated[
        str,
        typer.Argument(metavar="FORMAT", help="anki (.apkg), tsv (Anki text), csv or markdown."),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="PATH", help="Where to write (default: ./awsmap-cards.EXT)."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    category: Annotated[
        str | None, typer.Option("--category", metavar="NAME", help="Only one category.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Export the cards: an Anki deck with stable note GUIDs (re-importing updates notes), Anki's
    plain-text format, CSV, or a printable Markdown cheat sheet.

    [bold]Examples[/]: awsmap export anki · awsmap export tsv -o cards.tsv ·
    awsmap export markdown --category databases
    """
    from awsmap.study import export as writers
    from awsmap.study import progress

    if fmt not in writers.FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(writers.FORMATS)}", param_hint="FORMAT")
    cat = catalog()
    path = output or writers.default_path(fmt)
    chosen = progress.category_id(cat, category)
    emit(progress.export(cat, fmt, path, force, chosen), "json" if as_json else "table")
