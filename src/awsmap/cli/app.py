"""Typer's view of the command table: help, usage errors and shell completion, generated.

Each row of the table (``cli/table.py``) becomes a Typer command whose parameters are built from
its declarations, and whose body hands the parsed arguments to ``runtime.execute``, as the
table-driven reader does. The group
imports and builds only the command that runs (Typer would build every command on each start, and
start-up is most of a lookup). Two conveniences are handled here, before Click parses: the global
options (``--data``, ``--color``) may also follow the command, and a first word that is not a
command is a technology to look up (``awsmap kafka``).
"""

import inspect
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
from typer.core import TyperGroup
from typer.main import get_command_from_info, get_group
from typer.models import CommandInfo

from awsmap import __version__
from awsmap.base.paths import DATA_ENV, PAGER_ENV
from awsmap.cli import completion, runtime
from awsmap.cli.argv import hoist_global_options, missing_value, optional_value
from awsmap.cli.options import (
    FORMAT,
    FORMAT_OPTION,
    Command,
    Flag,
    NumberOption,
    Option,
    TextOption,
    Words,
)
from awsmap.cli.table import (
    BY_NAME,
    COLOR_MODES,
    COLOR_OPTION,
    COMPLETE_VAR,
    DATA_OPTION,
    DEFAULT,
    GLOBAL_OPTIONS,
    NO_PAGER_OPTION,
    TOP_LEVEL,
    near_miss,
    subcommands,
)

PROG = "awsmap"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
INSTALL_COMPLETION = "--install-completion"
SHOW_COMPLETION = "--show-completion"


class LazyGroup(TyperGroup):
    """Builds only the command that runs, from the command table."""

    def list_commands(self, ctx: Any) -> list[str]:
        return [c.name for c in TOP_LEVEL]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        spec = BY_NAME.get(cmd_name)
        if spec is None or " " in cmd_name:
            return None
        return typer_command(spec)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:  # `awsmap` alone: the help, as an answer
            typer.echo(ctx.get_help())
            ctx.exit(0)
        missing = missing_value(args, GLOBAL_OPTIONS)
        if missing:
            ctx.fail(f"Option '{missing}' requires an argument.")
        args = hoist_global_options(args, GLOBAL_OPTIONS)
        # the shell after --install-completion / --show-completion is optional
        args = optional_value(args, (INSTALL_COMPLETION, SHOW_COMPLETION))
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        first = args[0] if args else "-"
        if first not in BY_NAME and not first.startswith("-"):  # "" too: an empty name
            close = None if ctx.resilient_parsing else near_miss(first)  # completion never fails
            if close:
                ctx.fail(f"No such command '{first}'. Did you mean '{close}'?")
            args = [DEFAULT, *args]
        return super().resolve_command(ctx, args)

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        """The first word: the commands that start with it and, once a letter is typed, the
        technologies and AWS services (``awsmap kaf<TAB>`` is ``awsmap kafka``)."""
        from typer._click.shell_completion import CompletionItem

        results: list[Any] = super().shell_complete(ctx, incomplete)
        if incomplete and incomplete[0].isalnum():
            taken = {item.value for item in results}
            results += [
                CompletionItem(value, help=name)
                for value, name in completion.TECH_OR_SERVICE(incomplete)
                if value not in taken
            ]
        return results

    def _main_shell_completion(self, *args: Any, **kwargs: Any) -> None:
        from typer._completion_classes import completion_init

        completion_init()  # Typer's completion scripts speak its own protocol
        try:
            super()._main_shell_completion(*args, **kwargs)
        except Exception:  # a shell's completion must never receive a traceback: no answer
            sys.exit(0)


def _parameter(spec: Option | Words) -> inspect.Parameter:
    """The Typer parameter of a word or option of the table."""
    annotation: Any
    if isinstance(spec, Words):
        kind: Any = list[str] if spec.many else str
        info = typer.Argument(
            metavar=spec.metavar, help=spec.help, autocompletion=spec.complete, show_default=False
        )
        annotation = Annotated[kind if spec.required else kind | None, info]
        default: Any = inspect.Parameter.empty if spec.required else None
    else:
        default = spec.default
        if isinstance(spec, Flag):
            kind = bool
            info = typer.Option(*spec.names, help=spec.help)
        elif isinstance(spec, NumberOption):
            kind = int if spec.whole else float
            info = typer.Option(*spec.names, min=spec.low, max=spec.high, help=spec.help)
        elif isinstance(spec, TextOption) and spec.repeat:
            kind = list[str]
            info = typer.Option(*spec.names, metavar=spec.metavar, help=spec.help)
        else:
            kind = str if default is not None else str | None
            info = typer.Option(*spec.names, metavar=spec.metavar, help=spec.help)
        annotation = Annotated[kind, info]
    return inspect.Parameter(
        spec.param, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
    )


def _function(spec: Command) -> Callable[..., None]:
    """A function whose signature Typer reads as the command's parameters; it runs the command
    through ``runtime.execute``, as the table-driven reader does."""

    def run(**arguments: Any) -> None:
        ctx = _current_context()
        if ctx.invoked_subcommand is not None:  # `progress reset`: the subcommand runs
            return
        words = spec.words
        if words is not None and words.choices and arguments[words.param] not in words.choices:
            raise typer.BadParameter(
                f"use one of {', '.join(words.choices)}", param_hint=words.metavar
            )
        fmt = arguments.get(FORMAT.param)
        if fmt is not None and fmt not in FORMAT.choices:
            raise typer.BadParameter(
                "use table, json, markdown, mermaid or dot", param_hint=FORMAT_OPTION
            )
        if words is not None and words.many and arguments[words.param] is not None:
            arguments[words.param] = list(arguments[words.param])
        elif words is not None and words.many:
            arguments[words.param] = []
        code = runtime.execute(spec, arguments)
        if code:
            raise typer.Exit(code)

    params = [_parameter(spec.words)] if spec.words else []
    params += [_parameter(o) for o in spec.options]
    run.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in params}
    run.__doc__ = spec.help
    run.__name__ = spec.function
    return run


def _current_context() -> Any:
    from typer._click.globals import get_current_context

    return get_current_context()


def typer_command(spec: Command) -> Any:
    """The Click command Typer builds for a row of the table (a group when it has
    subcommands)."""
    subs = subcommands(spec.name)
    if subs:
        group = typer.Typer(name=spec.name, invoke_without_command=True, no_args_is_help=False)
        group.callback(help=spec.help)(_function(spec))
        for sub in subs:
            group.command(sub.name.split(" ", 1)[1], help=sub.help)(_function(sub))
        return get_group(group)
    info = CommandInfo(name=spec.name, callback=_function(spec), help=spec.help)
    return get_command_from_info(
        info, pretty_exceptions_short=True, rich_markup_mode=app.rich_markup_mode
    )


app = typer.Typer(
    cls=LazyGroup,
    name=PROG,
    help="What an open-source technology is on AWS, how it relates, and how to say it in an "
    "interview. Offline, from a curated dataset.",
    epilog="Examples:  awsmap kafka  ·  awsmap compare redis memcached  ·  "
    'awsmap stack postgres redis kafka  ·  awsmap search "leader election"  ·  '
    "awsmap lookup kafka --json",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"{PROG} {__version__}")
        raise typer.Exit()


def _shell(value: str) -> str:
    if value and value not in SHELLS:
        raise typer.BadParameter(f"use one of {', '.join(SHELLS)}")
    return value


def _install_completion(ctx: typer.Context, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer._completion_shared import install

    shell, path = install(shell=_shell(value) or None, prog_name=PROG, complete_var=COMPLETE_VAR)
    print(f"{shell} completion installed in {path}")
    print("Completion will take effect once you restart the terminal")
    raise typer.Exit()


def _show_completion(ctx: typer.Context, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer._completion_shared import _get_shell_name, get_completion_script

    shell = _shell(value) or _get_shell_name() or "bash"
    print(get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell))
    raise typer.Exit()


@app.callback()
def root(
    data: Annotated[
        list[str] | None,
        typer.Option(
            DATA_OPTION,
            metavar="FILE",
            help=f"Add a YAML data file in the bundled schema (repeatable; also ${DATA_ENV}, "
            "paths joined by the OS path separator). Same id as a bundled entry: replaces it.",
        ),
    ] = None,
    color: Annotated[
        str,
        typer.Option(
            COLOR_OPTION,
            metavar="[auto|always|never]",
            help="Colour in tables. auto: only on a terminal, and not with NO_COLOR.",
        ),
    ] = "auto",
    no_pager: Annotated[
        bool,
        typer.Option(
            NO_PAGER_OPTION,
            help=f"Never page a long page on a terminal (also ${PAGER_ENV}=cat).",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    install_completion: Annotated[
        str | None,
        typer.Option(
            INSTALL_COMPLETION,
            metavar="[SHELL]",
            callback=_install_completion,
            expose_value=False,
            is_eager=True,
            help="Install completion for bash, zsh, fish or powershell (default: this shell).",
        ),
    ] = None,
    show_completion: Annotated[
        str | None,
        typer.Option(
            SHOW_COMPLETION,
            metavar="[SHELL]",
            callback=_show_completion,
            expose_value=False,
            is_eager=True,
            help="Print the completion script for a shell, to install it by hand.",
        ),
    ] = None,
) -> None:
    if color not in COLOR_MODES:
        raise typer.BadParameter("use auto, always or never", param_hint=COLOR_OPTION)
    runtime.configure(data or [], color, not no_pager)  # type: ignore[arg-type]
