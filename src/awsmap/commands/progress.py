"""``awsmap progress`` and ``awsmap progress reset``: the study progress file."""

import sys
from typing import Annotated

import typer

from awsmap.commands.common import JsonOpt, emit, guarded
from awsmap.errors import UsageError

group = typer.Typer(name="progress", invoke_without_command=True, no_args_is_help=False)


@group.callback()
@guarded
def progress(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Where your study progress is kept, and what it holds; 'progress reset' starts over.

    Progress lives in the user state directory (AWSMAP_STATE_DIR overrides it), apart from the
    disposable cache.

    [bold]Examples[/]: awsmap progress · awsmap progress --json · awsmap progress reset
    """
    if ctx.invoked_subcommand is not None:
        return
    from awsmap.study import progress as study

    emit(study.describe(), "json" if as_json else "table")


@group.command("reset")
@guarded
def reset(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Start over: back the progress file up next to it, then empty it."""
    from awsmap.study import progress as study

    if not yes:
        if not sys.stdin.isatty():
            raise UsageError("progress reset asks for confirmation; add --yes to reset without it")
        typer.confirm("Reset all study progress (a backup is kept)?", abort=True)
    emit(study.reset(), "json" if as_json else "table")
