"""Writing files without replacing what the user owns.

Every file awsmap writes goes through an exclusive temporary file in the target's own directory
(``mkstemp``: created with O_EXCL and a random name, so a planted symlink or a file of the same
name is never followed or overwritten), renamed into place only over a regular file or nothing. A
target that is a device, a FIFO or a symlink is never renamed over: a symlink is followed to the
file it names, and a device or FIFO is written through (``/dev/stdout``) or refused.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable

TEMP_SUFFIX = ".tmp"


def temp_beside(target: str) -> tuple[int, str]:
    """An exclusive new temporary file next to ``target``: its descriptor and path."""
    import tempfile  # not at import time: a warm lookup imports this module and writes nothing

    folder = os.path.dirname(os.path.abspath(target))
    return tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=TEMP_SUFFIX, dir=folder)


def is_special(path: str) -> bool:
    """A device, FIFO or socket (something to write through, never to replace)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def write_bytes(target: str, data: bytes, mode: int | None = None) -> str:
    """Write ``data`` to ``target`` as one atomic replacement (``produce``); returns the path
    written. A symlink is resolved first (the link stays, the file it names is replaced); a
    device or FIFO is written through. ``mode`` sets the new file's permissions (default: what
    the umask gives a new file, as ``open`` would)."""

    def fill(tmp: str) -> None:
        with open(tmp, "wb") as out:
            out.write(data)

    return produce(target, fill, mode)


def produce(target: str, make: Callable[[str], None], mode: int | None = None) -> str:
    """Write ``target`` through ``make``, which fills a path (an Anki deck, a SQLite index, bytes):
    an exclusive temporary file beside the target that then replaces it, or for a device or FIFO
    a file in a private folder that is then written through."""
    real = os.path.realpath(target)
    if is_special(real):  # made in a private folder (never beside a device), then written through
        import tempfile

        with tempfile.TemporaryDirectory(prefix="awsmap-") as work:
            tmp = os.path.join(work, os.path.basename(real) or "out")
            make(tmp)
            with open(tmp, "rb") as made, open(real, "wb") as out:
                out.write(made.read())
        return real
    fd, tmp = temp_beside(real)
    os.close(fd)
    try:
        make(tmp)
        os.chmod(tmp, default_mode() if mode is None else mode)
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return real


def default_mode() -> int:
    """The permissions ``open`` gives a new file under the current umask (0644 under 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
