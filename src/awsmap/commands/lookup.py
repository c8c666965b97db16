"""``awsmap lookup NAME``: a technology's AWS equivalents, parallels and interview phrases."""

from typing import Annotated

from awsmap import actions
from awsmap.commands.common import JsonOpt, guarded, name_argument, option
from awsmap.commands.options import FULL
from awsmap.kinds import AWS_SERVICE, TECHNOLOGY


@guarded
def lookup(
    name: Annotated[
        list[str],
        name_argument(
            "NAME...", "Technology or AWS service; several words ok.", TECHNOLOGY, AWS_SERVICE
        ),
    ],
    full: Annotated[
        bool, option(FULL, "Add features, use cases, comparisons, corrections.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """AWS equivalents, key parallels and interview phrases for a technology.

    Forgives typos and abbreviations; an AWS service name shows the reverse view.
    `awsmap kafka` is short for `awsmap lookup kafka`.

    [bold]Examples[/]: awsmap lookup kafka · awsmap lookup apache kafka --full ·
    awsmap lookup k8s · awsmap lookup kafka --json | jq .aws_equivalents
    """
    actions.lookup(name, full, as_json)
