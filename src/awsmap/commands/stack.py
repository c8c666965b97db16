"""``awsmap stack NAME...``: a whole design translated to AWS, component by component."""

from typing import Annotated

from awsmap import actions
from awsmap.commands.common import (
    FormatOpt,
    JsonOpt,
    checked_format,
    guarded,
    name_argument,
    option,
)
from awsmap.commands.options import FILE
from awsmap.kinds import AWS_SERVICE, TECHNOLOGY


@guarded
def stack(
    names: Annotated[
        list[str] | None,
        name_argument(
            "[NAME...]",
            "Components: technologies or AWS services; quote multi-word names or separate "
            "them with commas.",
            TECHNOLOGY,
            AWS_SERVICE,
        ),
    ] = None,
    file: Annotated[
        str | None,
        option(
            FILE,
            "Read the components from a docker-compose file (by image) or a list of names, "
            "one per line; '-' reads standard input.",
            "PATH",
        ),
    ] = None,
    fmt: FormatOpt = "table",
    as_json: JsonOpt = False,
) -> int | None:
    """Your design on AWS: each component's recommended AWS service, relation and warnings.

    The recommendation is the best current answer: never a retired service where an available one
    is listed; managed before compatible before analogous unless the data says why. Exit 0 when at
    least one component maps, 1 when none does.

    [bold]Examples[/]: awsmap stack postgres redis kafka elasticsearch k8s ·
    awsmap stack "apache kafka", flink --format markdown ·
    awsmap stack --file docker-compose.yml --format mermaid
    """
    return actions.stack(names, file, checked_format(fmt), as_json)
