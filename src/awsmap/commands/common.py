"""What every command module shares: the error boundary, the catalog, options and output.

This is the one place where an :class:`AwsmapError` becomes a message and an exit code. Annotations
are real objects here and in the command modules (no ``from __future__ import annotations``) so
that Typer need not evaluate strings.
"""

import errno
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn, ParamSpec

import typer

from awsmap import console
from awsmap.commands import FORMAT_OPTION, JSON_OPTION
from awsmap.errors import AwsmapError, ExitCode
from awsmap.paths import DEBUG_ENV, user_data_paths

if TYPE_CHECKING:
    from awsmap.catalog import Catalog
    from awsmap.kinds import Kind

P = ParamSpec("P")
Format = Literal["table", "json", "markdown", "mermaid", "dot"]

_settings: dict[str, list[str]] = {"data": []}


def configure(data: list[Path] | None) -> None:
    """Called by the root command with the global options."""
    _settings["data"] = user_data_paths([str(p) for p in data or ()])


def settings_data() -> list[str]:
    """The user data files in effect: ``$AWSMAP_DATA`` then ``--data``."""
    return _settings["data"]


def guarded(command: Callable[P, None]) -> Callable[P, None]:
    """The one error boundary: what a command raises becomes one line and an exit code."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except AwsmapError as exc:
            fail(exc.message, exc.exit_code)
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
                fail("cannot write to standard output (is it closed?)", ExitCode.OUTPUT)
            _internal(exc)
        except Exception as exc:
            _internal(exc)

    return run


def _internal(exc: Exception) -> NoReturn:
    if os.environ.get(DEBUG_ENV):
        raise exc
    fail(
        f"internal error: {type(exc).__name__}: {exc}. This is a bug; run again with "
        f"{DEBUG_ENV}=1 to see the traceback and report it",
        ExitCode.INTERNAL,
    )


def fail(message: str, code: int) -> NoReturn:
    console.error_line("error", message)
    raise typer.Exit(code)


def _silence_stdout() -> None:
    """After a reader went away, make the final flush at exit a no-op instead of a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def catalog() -> "Catalog":
    from awsmap.catalog import Catalog

    cat = Catalog.open(_settings["data"])
    for note in cat.notices():
        console.error_line("note", note)
    return cat


def emit(result: Any, fmt: Format = "table") -> None:
    """Draw a result in the format asked for."""
    from awsmap import render

    render.emit(result, fmt)


def complete(*kinds: "Kind[Any]") -> Callable[[str], list[tuple[str, str]]]:
    """Shell completion from the names of entries of ``kinds``."""

    def names(incomplete: str) -> list[tuple[str, str]]:
        try:
            from awsmap.catalog import Catalog

            cat = Catalog.open(user_data_paths())
            prefix = incomplete.casefold()
            out: dict[str, str] = {}
            for kind in kinds:
                for entry_id, name in cat.names(kind).items():
                    if entry_id.startswith(prefix) or name.casefold().startswith(prefix):
                        out.setdefault(entry_id, name)
            return sorted(out.items())[:200]
        except Exception:
            return []

    return names


def name_argument(metavar: str, help_text: str, *kinds: "Kind[Any]") -> Any:
    """A name argument of one or more words, completed from the names of entries of ``kinds``."""
    return typer.Argument(
        metavar=metavar, help=help_text, autocompletion=complete(*kinds) if kinds else None
    )


def words(parts: list[str]) -> str:
    return " ".join(parts)


JsonOpt = Annotated[bool, typer.Option(JSON_OPTION, help="Print one JSON document (see README).")]
FormatOpt = Annotated[
    str,
    typer.Option(
        FORMAT_OPTION,
        metavar="[table|json|markdown|mermaid|dot]",
        help="table (default), json, markdown (pastes into a design doc), mermaid (renders on "
        "GitHub) or dot (Graphviz).",
    ),
]
TagOpt = Annotated[
    str | None, typer.Option("--tag", metavar="TAG", help="Only the entries with this tag.")
]


def output_format(as_json: bool, fmt: str = "table") -> Format:
    """``--json`` is ``--format json``."""
    if as_json:
        return "json"
    if fmt not in ("table", "json", "markdown", "mermaid", "dot"):
        raise typer.BadParameter("use table, json, markdown, mermaid or dot", param_hint="--format")
    return fmt  # type: ignore[return-value]
