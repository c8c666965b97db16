"""The command line: parse arguments, call ``queries``, hand the result to a renderer.

This is also the one place where an :class:`AwsmapError` becomes a message and an exit code.
Annotations are real objects here (no ``from __future__ import annotations``) so that Typer need
not evaluate strings, and each run builds only the command it runs: start-up is most of a lookup.
"""

import errno
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, ParamSpec

import typer
from typer.core import TyperGroup
from typer.main import get_command_from_info
from typer.models import CommandInfo

from awsmap import __version__, console
from awsmap.errors import AwsmapError, ExitCode
from awsmap.text import safe

if TYPE_CHECKING:
    from awsmap.catalog import Catalog
    from awsmap.results import Result

P = ParamSpec("P")
DATA_ENV = "AWSMAP_DATA"
DEBUG_ENV = "AWSMAP_DEBUG"


_COMMANDS: dict[str, CommandInfo] = {}


class _Group(TyperGroup):
    """Builds only the command that runs (Typer would build all of them on every start)."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(_COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        info = _COMMANDS.get(cmd_name)
        if info is None:
            return None
        return get_command_from_info(
            info, pretty_exceptions_short=True, rich_markup_mode=app.rich_markup_mode
        )


def _guarded(command: Callable[P, None]) -> Callable[P, None]:
    """The one error boundary: what a command raises becomes one line and an exit code."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except AwsmapError as exc:
            _fail(exc.message, exc.exit_code)
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(ExitCode.BROKEN_PIPE) from None
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                _silence_stdout()
                raise typer.Exit(ExitCode.BROKEN_PIPE) from None
            if exc.errno == errno.EBADF:
                _fail("cannot write to standard output (is it closed?)", ExitCode.OUTPUT)
            _internal(exc)
        except Exception as exc:
            _internal(exc)

    return run


def _internal(exc: Exception) -> NoReturn:
    if os.environ.get(DEBUG_ENV):
        raise exc
    _fail(
        f"internal error: {type(exc).__name__}: {exc}. This is a bug; run again with "
        f"{DEBUG_ENV}=1 to see the traceback and report it",
        ExitCode.INTERNAL,
    )


def _fail(message: str, code: int) -> NoReturn:
    from rich.text import Text

    err = console.stderr()
    err.print(Text.assemble(("awsmap: error: ", "bold red"), safe(message)), soft_wrap=True)
    raise typer.Exit(code)


def _silence_stdout() -> None:
    """After a reader went away, make the final flush at exit a no-op instead of a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


app = typer.Typer(
    cls=_Group,
    name="awsmap",
    help="What an open-source technology is on AWS, how it relates, and how to say it in an "
    "interview. Offline, from a curated dataset.",
    epilog="Examples:  awsmap lookup kafka  ·  awsmap compare redis memcached  ·  "
    'awsmap aws dynamodb  ·  awsmap search "stream processing"  ·  awsmap lookup kafka --json',
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state: dict[str, list[Path]] = {"data": []}


def _catalog() -> "Catalog":
    from awsmap.catalog import Catalog

    cat = Catalog.open(_state["data"])
    notices = cat.notices()
    if notices:
        from rich.text import Text

        for note in notices:
            console.stderr().print(
                Text.assemble(("awsmap: note: ", "yellow"), safe(note)), soft_wrap=True
            )
    return cat


def _emit(result: "Result", as_json: bool) -> None:
    if as_json:
        from awsmap.render_json import dumps

        encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower()
        console.write_stdout(dumps(result, ascii_only=not encoding.startswith("utf")))
        return
    from awsmap.render_rich import render

    render(result, console.stdout())


def _complete(kinds: tuple[str, ...]) -> Callable[[str], list[tuple[str, str]]]:
    def complete(incomplete: str) -> list[tuple[str, str]]:
        try:
            from awsmap.catalog import Catalog

            cat = Catalog.open(_user_paths(None))
            prefix = incomplete.casefold()
            out: dict[str, str] = {}
            for kind in kinds:
                for entry_id, name in cat.names(kind).items():
                    if entry_id.startswith(prefix) or name.casefold().startswith(prefix):
                        out.setdefault(entry_id, name)
            return sorted(out.items())[:200]
        except Exception:
            return []

    return complete


def _user_paths(cli_paths: list[Path] | None) -> list[Path]:
    env = os.environ.get(DATA_ENV, "")
    from_env = [Path(p) for p in env.split(os.pathsep) if p.strip()]
    return [*from_env, *(cli_paths or [])]


def _version(value: bool) -> None:
    if value:
        print(f"awsmap {__version__}")
        raise typer.Exit()


def _words(metavar: str, help_text: str, kinds: tuple[str, ...]) -> Any:
    """A name argument of one or more words, completed from the data's names of ``kinds``."""
    return typer.Argument(metavar=metavar, help=help_text, autocompletion=_complete(kinds))


JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document (see README).")]


@app.callback()
def _root(
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data",
            metavar="FILE",
            help=f"Add a YAML data file in the bundled schema (repeatable; also ${DATA_ENV}, "
            "paths joined by the OS path separator). Same id as a bundled entry: replaces it.",
        ),
    ] = None,
    color: Annotated[
        str,
        typer.Option(
            "--color",
            metavar="[auto|always|never]",
            help="Colour in tables. auto: only on a terminal, and not with NO_COLOR.",
        ),
    ] = "auto",
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    if color not in ("auto", "always", "never"):
        raise typer.BadParameter("use auto, always or never", param_hint="--color")
    console.set_color(color)  # type: ignore[arg-type]
    _state["data"] = _user_paths(data)


@app.command("lookup")
@_guarded
def lookup(
    name: Annotated[
        list[str],
        _words(
            "NAME...", "Technology or AWS service; several words ok.", ("technology", "aws_service")
        ),
    ],
    full: Annotated[
        bool, typer.Option("--full", help="Add features, use cases, comparisons, corrections.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """AWS equivalents, key parallels and interview phrases for a technology.

    Forgives typos and abbreviations; an AWS service name shows the reverse view.

    [bold]Examples[/]: awsmap lookup kafka · awsmap lookup apache kafka --full ·
    awsmap lookup k8s · awsmap lookup kafka --json | jq .aws_equivalents
    """
    from awsmap import queries

    _emit(queries.lookup(_catalog(), " ".join(name), full), as_json)


@app.command("aws")
@_guarded
def aws(
    service: Annotated[
        list[str],
        _words("SERVICE...", "AWS service: name, abbreviation or former name.", ("aws_service",)),
    ],
    as_json: JsonOpt = False,
) -> None:
    """Reverse lookup: an AWS service, its lifecycle, and every technology that maps to it.

    [bold]Examples[/]: awsmap aws ddb · awsmap aws kinesis data analytics · awsmap aws app mesh
    """
    from awsmap import queries

    _emit(queries.aws(_catalog(), " ".join(service)), as_json)


@app.command("category")
@_guarded
def category(
    name: Annotated[
        list[str],
        _words("NAME...", "Category id, name or alias.", ("category",)),
    ],
    as_json: JsonOpt = False,
) -> None:
    """Every technology of a category with its AWS equivalents.

    [bold]Examples[/]: awsmap category databases · awsmap category cache · awsmap category queues
    """
    from awsmap import queries

    _emit(queries.category(_catalog(), " ".join(name)), as_json)


@app.command("categories")
@_guarded
def categories(as_json: JsonOpt = False) -> None:
    """Every category with how many technologies it holds.

    [bold]Example[/]: awsmap categories
    """
    from awsmap import queries

    _emit(queries.categories(_catalog()), as_json)


@app.command("compare")
@_guarded
def compare(
    names: Annotated[
        list[str],
        _words(
            "NAME...", "Two or more technologies or AWS services.", ("technology", "aws_service")
        ),
    ],
    as_json: JsonOpt = False,
) -> None:
    """Side by side: the curated comparison for a pair, else one built from the data.

    Quote multi-word names: awsmap compare "apache kafka" kinesis.

    [bold]Examples[/]: awsmap compare redis memcached · awsmap compare kafka kinesis ·
    awsmap compare postgresql mysql mongodb
    """
    from awsmap import queries

    _emit(queries.compare(_catalog(), names), as_json)


@app.command("search")
@_guarded
def search(
    text: Annotated[list[str], typer.Argument(metavar="TEXT...", help="Words to look for.")],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=500, help="How many results.")
    ] = 10,
    as_json: JsonOpt = False,
) -> None:
    """Ranked search over names, descriptions, parallels, features and use cases.

    [bold]Examples[/]: awsmap search stream processing · awsmap search "leader election" ·
    awsmap search time series -n 5
    """
    from awsmap import queries

    _emit(queries.search(_catalog(), " ".join(text), limit), as_json)


@app.command("list")
@_guarded
def list_(as_json: JsonOpt = False) -> None:
    """The quick reference: every technology, its category, main AWS equivalent and use case.

    [bold]Examples[/]: awsmap list · awsmap list | grep -i queue · awsmap list --json
    """
    from awsmap import queries

    _emit(queries.listing(_catalog()), as_json)


@app.command("validate")
@_guarded
def validate(
    paths: Annotated[list[Path], typer.Argument(metavar="FILE...", help="User data files.")],
    as_json: JsonOpt = False,
) -> None:
    """Check user data files and list every problem with file, line and field.

    Exit 0 when valid, 3 when not.

    [bold]Example[/]: awsmap validate my-tech.yaml
    """
    from awsmap import queries

    result = queries.validate(paths)
    _emit(result, as_json)
    if not result.valid:
        raise typer.Exit(ExitCode.DATA)


# Typer would build every registered command on each run; keep them aside and build one.
_COMMANDS.update((info.name or "", info) for info in app.registered_commands)
app.registered_commands = []
