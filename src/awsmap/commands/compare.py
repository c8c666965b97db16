"""``awsmap compare A B [C ...]``: technologies or AWS services side by side."""

from typing import Annotated

from awsmap import actions
from awsmap.commands.common import JsonOpt, guarded, name_argument
from awsmap.kinds import AWS_SERVICE, TECHNOLOGY


@guarded
def compare(
    names: Annotated[
        list[str],
        name_argument(
            "NAME...", "Two or more technologies or AWS services.", TECHNOLOGY, AWS_SERVICE
        ),
    ],
    as_json: JsonOpt = False,
) -> None:
    """Side by side: a curated comparison when one covers the names, else one built from the data.

    Quote multi-word names: awsmap compare "apache kafka" kinesis.

    [bold]Examples[/]: awsmap compare redis memcached · awsmap compare sqs sns eventbridge ·
    awsmap compare postgresql mysql mongodb
    """
    actions.compare(names, as_json)
