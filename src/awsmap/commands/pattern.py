"""``awsmap pattern NAME``: one building block, the AWS way and the open-source way."""

from typing import Annotated

from awsmap import actions
from awsmap.commands.common import JsonOpt, guarded, name_argument
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
    actions.pattern(name, as_json)
