"""``awsmap aws SERVICE``: one AWS service, its lifecycle, what maps to it and its limits."""

from typing import Annotated

from awsmap import actions
from awsmap.commands.common import JsonOpt, guarded, name_argument
from awsmap.kinds import AWS_SERVICE


@guarded
def aws(
    service: Annotated[
        list[str],
        name_argument("SERVICE...", "AWS service: name, abbreviation or former name.", AWS_SERVICE),
    ],
    as_json: JsonOpt = False,
) -> None:
    """Reverse lookup: an AWS service, its lifecycle, and every technology that maps to it.

    Also the building blocks (patterns) that use it and its numbers for estimates.

    [bold]Examples[/]: awsmap aws ddb · awsmap aws kinesis data analytics · awsmap aws app mesh
    """
    actions.aws(service, as_json)
