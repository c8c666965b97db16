"""One run of one command, whichever reader read its arguments: the settings the global options
set, the context a command's function gets, the output, and the one error boundary.

Typer-free on purpose: the table-driven reader (``cli/parse.py``) and Typer (``cli/app.py``) both
end in ``execute``, so a command has one body.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from awsmap.base.errors import AwsmapError, ExitCode, NotFoundError, UsageError
from awsmap.base.modules import module
from awsmap.base.paths import DEBUG_ENV, user_data_paths
from awsmap.cli.options import BRIEF, FORMAT, JSON, NumberOption
from awsmap.render import console

if TYPE_CHECKING:
    from awsmap.catalog.reader import Catalog
    from awsmap.cli.options import Command
    from awsmap.commands.context import QuizUi

_data: list[str] = []


def configure(data: list[str], color: console.ColorMode = "auto", pager: bool = True) -> None:
    """Set from the global options: ``--data`` files (after ``$AWSMAP_DATA``), ``--color`` and
    ``--no-pager`` (``pager`` False)."""
    _data[:] = user_data_paths(data)
    console.set_color(color)
    console.set_pager(pager)


class Run:
    """The context of one command run (``commands.context.Context``)."""

    __slots__ = ("fmt",)

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt

    def catalog(self) -> Catalog:
        from awsmap.catalog.reader import Catalog

        cat = Catalog.open(_data)
        for notice in cat.notices():
            self.note(notice)
        return cat

    def data(self) -> list[str]:
        return list(_data)

    def note(self, message: str) -> None:
        console.error_line("note", message)

    def stdin(self) -> TextIO:
        if sys.stdin is None:
            raise UsageError("standard input is closed")
        return sys.stdin

    def write_stdout(self, data: bytes) -> None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()

    def confirm(self, question: str) -> bool:
        sys.stderr.write(f"{question} [y/N]: ")
        sys.stderr.flush()
        return self.stdin().readline().strip().lower() in ("y", "yes")

    def quiz_ui(self) -> QuizUi:
        from awsmap.render.quiz import make_ui

        return make_ui(self.fmt == "json")


def execute(command: Command, arguments: dict[str, Any], near_command: str | None = None) -> int:
    """Run a command's function with its arguments inside the error boundary; its exit code.
    ``near_command``: the first word was not a command but resembles one; when the data has
    nothing for it either, that is the likelier mistake, and a usage error."""
    return guard(lambda: _run(command, dict(arguments), near_command))


def _checked_numbers(command: Command, arguments: dict[str, Any]) -> None:
    """A number either reader let through must still be a finite number in the declared range
    (Click's FloatRange lets ``nan`` through: every comparison with it is false)."""
    for option in command.options:
        if isinstance(option, NumberOption):
            value = arguments.get(option.param)
            high = float("inf") if option.high is None else option.high
            if value is None or not (option.low <= value <= high):
                shown = (
                    f"{option.low:g} to {high:g}"
                    if option.high is not None
                    else f"at least {option.low:g}"
                )
                raise UsageError(f"{option.names[0]} takes a number from {shown}, not {value}")


def _run(command: Command, arguments: dict[str, Any], near: str | None = None) -> int | None:
    _checked_numbers(command, arguments)
    if near is not None:
        try:
            return _run(command, arguments)
        except NotFoundError as exc:
            raise UsageError(
                f"{exc.message.split(';')[0]}, and no command is named so; did you mean "
                f"'awsmap {near}'?"
            ) from None
    fmt = "json" if arguments.pop(JSON.param, False) else arguments.pop(FORMAT.param, "table")
    arguments.pop(FORMAT.param, None)
    brief = bool(arguments.pop(BRIEF.param, False))
    function = getattr(module(f"awsmap.commands.{command.family}"), command.function)
    out = function(Run(fmt), **arguments)
    if out is None or isinstance(out, int):
        return out
    from awsmap import render

    render.emit(out, fmt, brief=brief, page=not command.interactive)
    code: int = getattr(out, "exit_code", ExitCode.OK)
    return code


# Writing the answer failed where it goes: a full device or disk, a quota, an I/O error.
OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def guard(
    action: Callable[[], int | None], passthrough: tuple[type[BaseException], ...] = ()
) -> int:
    """The one error boundary: run ``action``; its exit code, or what it raises as one line on
    stderr and an exit code. ``passthrough`` exceptions belong to the caller (the parser's own)."""
    try:
        code = action()
    except passthrough:
        raise
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except Exception as exc:
        return _reported(exc)
    return code or ExitCode.OK


def _reported(exc: Exception) -> int:
    """Say what went wrong in one line (nothing for a reader that went away); the exit code."""
    if isinstance(exc, AwsmapError):
        console.error_line("error", exc.message)
        return exc.exit_code
    if isinstance(exc, BrokenPipeError) or (isinstance(exc, OSError) and exc.errno == errno.EPIPE):
        _silence_stdout()
        return ExitCode.BROKEN_PIPE
    if isinstance(exc, OSError) and exc.errno == errno.EBADF:
        console.error_line("error", "cannot write to standard output (is it closed?)")
        return ExitCode.OUTPUT
    if isinstance(exc, OSError) and exc.errno in OUTPUT_ERRNOS:  # `> /dev/full`, a full disk
        _silence_stdout()
        console.error_line("error", f"cannot write the output: {exc.strerror or exc}")
        return ExitCode.OUTPUT
    return _internal(exc)


def _internal(exc: Exception) -> int:
    if os.environ.get(DEBUG_ENV):
        raise exc
    console.error_line(
        "error",
        f"internal error: {type(exc).__name__}: {exc}. This is a bug; run again with "
        f"{DEBUG_ENV}=1 to see the traceback and report it",
    )
    return ExitCode.INTERNAL


def _silence_stdout() -> None:
    """After a reader went away, make the final flush at exit a no-op instead of a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
