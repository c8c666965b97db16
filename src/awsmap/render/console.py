"""The one stdout console and the one stderr console, created on first use.

Rich is imported only when something is drawn with it, so the JSON path never pays for it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from rich.console import Console

ColorMode = Literal["auto", "always", "never"]

_mode: ColorMode = "auto"
_consoles: dict[str, Console] = {}
_pager = [True]  # False after --no-pager


def set_color(mode: ColorMode) -> None:
    global _mode
    _mode = mode
    _consoles.clear()


def set_pager(allowed: bool) -> None:
    _pager[0] = allowed


def pager_allowed() -> bool:
    """Whether a long page may go through the pager: not after ``--no-pager``, and only when
    stdout is a terminal (never into a pipe or a file, whatever ``--color`` says)."""
    if not _pager[0]:
        return False
    try:
        return sys.stdout.isatty()
    except (ValueError, AttributeError):  # closed or replaced by an object without it
        return False


def _make(stream: Literal["stdout", "stderr"]) -> Console:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # Rich would exit 1 here; the CLI's error boundary exits 141 and silences stdout
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    file = sys.stdout if stream == "stdout" else sys.stderr
    _tolerate_narrow_encoding(file)
    no_color = _mode == "never" or (_mode == "auto" and "NO_COLOR" in os.environ)
    return _Console(
        file=file,
        width=_usable_width(),
        force_terminal=True if _mode == "always" else None,
        no_color=no_color,
        color_system=None if no_color else "auto",
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


MIN_WIDTH = 20  # narrower than this (COLUMNS=0, 5) nothing useful fits: Rich's own default applies
DEFAULT_WIDTH = 80


def _usable_width() -> int | None:
    """``COLUMNS`` as Rich would read it, unless it is too small to print anything (``COLUMNS=0``
    printed nothing at all, errors included): then the default width."""
    text = os.environ.get("COLUMNS", "")
    if not text.strip().isdigit():
        return None  # unset or not a number: Rich decides (the terminal's size, or 80)
    return DEFAULT_WIDTH if int(text) < MIN_WIDTH else None


def text_width() -> int:
    """The width plain text wraps to (the quiz and the drill write lines, not Rich tables):
    ``COLUMNS``, else the terminal's, else 80; never below ``MIN_WIDTH``."""
    import shutil

    width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return width if width >= MIN_WIDTH else DEFAULT_WIDTH


def _tolerate_narrow_encoding(stream: object) -> None:
    """On an ASCII or Latin-1 stdout, show what cannot be encoded as escapes, never crash."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
    reconfigure = getattr(stream, "reconfigure", None)
    if not encoding.startswith("utf") and reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):  # a stream that will not be changed
            reconfigure(errors="backslashreplace")


def stdout() -> Console:
    if "stdout" not in _consoles or _consoles["stdout"].file is not sys.stdout:
        _consoles["stdout"] = _make("stdout")
    return _consoles["stdout"]


def stderr() -> Console:
    if "stderr" not in _consoles or _consoles["stderr"].file is not sys.stderr:
        _consoles["stderr"] = _make("stderr")
    return _consoles["stderr"]


def error_line(label: Literal["error", "note"], message: str) -> None:
    """One line on stderr: 'awsmap: error: ...' or 'awsmap: note: ...', never wrapped."""
    from rich.text import Text

    from awsmap.base.text import safe

    style = "bold red" if label == "error" else "yellow"
    stderr().print(Text.assemble((f"awsmap: {label}: ", style), safe(message)), soft_wrap=True)


def write_stdout(text: str) -> None:
    """Plain text to stdout (the JSON path): no Rich, and no crash on a narrow encoding."""
    _tolerate_narrow_encoding(sys.stdout)
    sys.stdout.write(text)
    sys.stdout.flush()
