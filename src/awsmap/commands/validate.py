"""``awsmap validate FILE...``: check user data files."""

from pathlib import Path
from typing import Annotated

import typer

from awsmap.commands.common import JsonOpt, emit, guarded
from awsmap.errors import ExitCode


@guarded
def validate(
    paths: Annotated[list[Path], typer.Argument(metavar="FILE...", help="User data files.")],
    as_json: JsonOpt = False,
) -> None:
    """Check user data files and list every problem with file, line and field.

    Exit 0 when valid, 3 when not.

    [bold]Example[/]: awsmap validate my-tech.yaml
    """
    from awsmap import admin

    result = admin.validate(paths)
    emit(result, "json" if as_json else "table")
    if not result.valid:
        raise typer.Exit(ExitCode.DATA)
