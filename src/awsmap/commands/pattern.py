"""``awsmap pattern NAME``: one building block, the AWS way and the open-source way."""

from typing import Annotated

from awsmap.commands.common import JsonOpt, catalog, emit, guarded, name_argument, words
from awsmap.kinds import PATTERN


@guarded
def pattern(
    name: Annotated[
        list[str], name_argument("NAME...", "Pattern name, alias or id (CDC, DLQ...).", PATTERN)
    ],
    as_json: JsonOpt = False,
) -> None:
    """A building block: the AWS way and the open-source way to build it, pitfalls, phrases.

    [bold]Examples[/]: awsmap pattern leader election · awsmap pattern cdc ·
    awsmap pattern "rate limiting" --json
    """
    from awsmap import library

    emit(library.pattern(catalog(), words(name)), "json" if as_json else "table")
