"""``awsmap search TEXT``: ranked search over every kind of entry."""

from typing import Annotated

import typer

from awsmap.commands.common import JsonOpt, catalog, emit, guarded, words

LIMIT_OPTIONS = ("--limit", "-n")


@guarded
def search(
    text: Annotated[list[str], typer.Argument(metavar="TEXT...", help="Words to look for.")],
    limit: Annotated[
        int, typer.Option(*LIMIT_OPTIONS, min=1, max=500, help="How many results.")
    ] = 10,
    as_json: JsonOpt = False,
) -> None:
    """Ranked search over technologies, AWS services, patterns, architectures and questions.

    Each result says what kind it is and, for technologies and patterns, the AWS answer.

    [bold]Examples[/]: awsmap search cdc · awsmap search "leader election" ·
    awsmap search time series -n 5
    """
    from awsmap.search import search_result

    emit(search_result(catalog(), words(text), limit), "json" if as_json else "table")
