"""One run of one command, whichever parser read its arguments: the settings the global options
set, the catalog with its notices, the output, and the one error boundary.

Typer-free on purpose: the Typer commands (through ``commands.common``) and the fast path
(``fastpath.py``) share every step after parsing, so the two cannot answer differently.
"""

import errno
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from awsmap import console
from awsmap.errors import AwsmapError, ExitCode
from awsmap.paths import DEBUG_ENV, user_data_paths

if TYPE_CHECKING:
    from awsmap.catalog import Catalog

_data: list[str] = []


def configure(data: list[str], color: console.ColorMode = "auto") -> None:
    """Set from the global options: ``--data`` files (after ``$AWSMAP_DATA``) and ``--color``."""
    _data[:] = user_data_paths(data)
    console.set_color(color)


def settings_data() -> list[str]:
    """The user data files in effect: ``$AWSMAP_DATA`` then ``--data``."""
    return list(_data)


def catalog() -> "Catalog":
    """The catalog of the bundled data and the user's files; its notices go to stderr."""
    from awsmap.catalog import Catalog

    cat = Catalog.open(_data)
    for note in cat.notices():
        console.error_line("note", note)
    return cat


def emit(result: Any, fmt: str = "table") -> None:
    """Draw a result in the format asked for."""
    from awsmap import render

    render.emit(result, fmt)


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
    if isinstance(exc, OSError) and exc.errno == errno.EPIPE:  # BrokenPipeError among them
        _silence_stdout()
        return ExitCode.BROKEN_PIPE
    if isinstance(exc, OSError) and exc.errno == errno.EBADF:
        console.error_line("error", "cannot write to standard output (is it closed?)")
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
