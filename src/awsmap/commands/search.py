"""``awsmap search TEXT``: ranked search over every kind of entry."""

from typing import Annotated

import typer

from awsmap import actions
from awsmap.commands.common import JsonOpt, guarded, option
from awsmap.commands.options import LIMIT


@guarded
def search(
    text: Annotated[list[str], typer.Argument(metavar="TEXT...", help="Words to look for.")],
    limit: Annotated[int, option(LIMIT, "How many results.")] = 10,
    as_json: JsonOpt = False,
) -> None:
    """Ranked search over technologies, AWS services, patterns, architectures and questions.

    Each result says what kind it is and, for technologies and patterns, the AWS answer.

    [bold]Examples[/]: awsmap search cdc · awsmap search "leader election" ·
    awsmap search time series -n 5
    """
    actions.search(text, limit, as_json)
