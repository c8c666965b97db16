"""``awsmap stack NAME...``: a whole design translated to AWS, component by component."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from awsmap.commands.common import (
    FormatOpt,
    JsonOpt,
    catalog,
    emit,
    guarded,
    name_argument,
    output_format,
)
from awsmap.errors import ExitCode
from awsmap.kinds import AWS_SERVICE, TECHNOLOGY

STDIN = "-"


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
        typer.Option(
            "--file",
            "-f",
            metavar="PATH",
            help="Read the components from a docker-compose file (by image) or a list of names, "
            "one per line; '-' reads standard input.",
        ),
    ] = None,
    fmt: FormatOpt = "table",
    as_json: JsonOpt = False,
) -> None:
    """Your design on AWS: each component's recommended AWS service, relation and warnings.

    The recommendation is the best current answer: never a retired service where an available one
    is listed; managed before compatible before analogous unless the data says why. Exit 0 when at
    least one component maps, 1 when none does.

    [bold]Examples[/]: awsmap stack postgres redis kafka elasticsearch k8s ·
    awsmap stack "apache kafka", flink --format markdown ·
    awsmap stack --file docker-compose.yml --format mermaid
    """
    from awsmap import compose
    from awsmap import stack as translate

    entries: list[compose.Entry] = []
    source = None
    if file is not None:
        path = Path(file)
        text = sys.stdin.read() if file == STDIN else None
        source = "<stdin>" if file == STDIN else file
        entries = compose.read_entries(Path(source) if file == STDIN else path, text)
    result = translate.stack(catalog(), translate.split_names(names or []), entries, source)
    emit(result, output_format(as_json, fmt))
    if not result.components:
        raise typer.Exit(ExitCode.NOT_FOUND)
