"""``awsmap numbers [SERVICE]``: the limits used in back-of-envelope maths."""

from typing import Annotated

from awsmap import actions
from awsmap.commands.common import JsonOpt, guarded, name_argument
from awsmap.kinds import AWS_SERVICE


@guarded
def numbers(
    service: Annotated[
        list[str] | None, name_argument("[SERVICE...]", "Only this AWS service.", AWS_SERVICE)
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Limits for back-of-envelope maths (item sizes, throughput, timeouts), with sources.

    [bold]Examples[/]: awsmap numbers · awsmap numbers dynamodb · awsmap numbers sqs --json
    """
    actions.numbers(service, as_json)
