"""``awsmap numbers [SERVICE]``: the limits used in back-of-envelope maths."""

from typing import Annotated

from awsmap.commands.common import JsonOpt, catalog, emit, guarded, name_argument, words
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
    from awsmap import library

    name = words(service) if service else None
    emit(library.numbers(catalog(), name), "json" if as_json else "table")
