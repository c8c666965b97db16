"""``awsmap cache`` and ``awsmap cache clear``: the compiled indexes in the cache directory."""

import typer

from awsmap.commands.common import JsonOpt, emit, guarded, settings_data

group = typer.Typer(name="cache", invoke_without_command=True, no_args_is_help=False)


@group.callback()
@guarded
def cache(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """The cache directory, its index files and their size; 'cache clear' empties it.

    The cache only holds compiled indexes of the data, rebuilt when needed; it never holds
    study progress.

    [bold]Examples[/]: awsmap cache · awsmap cache --json · awsmap cache clear
    """
    if ctx.invoked_subcommand is not None:
        return
    from awsmap import admin

    emit(admin.cache(settings_data()), "json" if as_json else "table")


@group.command("clear")
@guarded
def clear(as_json: JsonOpt = False) -> None:
    """Delete every awsmap index file in the cache directory (they are rebuilt when needed)."""
    from awsmap import admin

    emit(admin.cache(settings_data(), clear=True), "json" if as_json else "table")
