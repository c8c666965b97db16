"""``awsmap services``: every AWS service in the catalog with its lifecycle."""

from typing import Annotated

import typer

from awsmap.commands.common import JsonOpt, catalog, emit, guarded


@guarded
def services(
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            metavar="[available|closed-to-new-customers|end-of-support|discontinued]",
            help="Only services with this status.",
        ),
    ] = None,
    retired: Annotated[
        bool,
        typer.Option("--retired", help="Only services not to recommend today (not available)."),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Every AWS service in the catalog with its status, date and successors.

    [bold]Examples[/]: awsmap services · awsmap services --retired ·
    awsmap services --status end-of-support --json
    """
    from awsmap import library

    if retired and status is not None:
        raise typer.BadParameter("use --status or --retired, not both", param_hint="--retired")
    chosen = library.RETIRED if retired else status
    emit(library.services(catalog(), chosen), "json" if as_json else "table")
