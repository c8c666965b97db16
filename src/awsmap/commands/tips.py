"""``awsmap tips``: interview tips, CAP theorem notes and the study strategy."""

from typing import Annotated

import typer

from awsmap.commands.common import JsonOpt, catalog, emit, guarded


@guarded
def tips(
    group: Annotated[
        str | None,
        typer.Option("--group", metavar="[tip|cap|strategy]", help="Only one group."),
    ] = None,
    pick: Annotated[
        bool, typer.Option("--random", help="Print one tip, chosen at random.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Interview tips, CAP theorem notes (corrected) and the study strategy.

    [bold]Examples[/]: awsmap tips · awsmap tips --group cap · awsmap tips --random
    """
    import random

    from awsmap import library

    chooser = random.Random() if pick else None
    emit(library.tips(catalog(), group, chooser), "json" if as_json else "table")
