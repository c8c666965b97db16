"""The one domain error type and the exit codes it maps to.

Everything below the command line raises :class:`AwsmapError` (or a subclass);
``cli.runtime.guard`` turns it into one line on stderr and the exit code, in one place. The codes
are documented in the README.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awsmap.base.problems import Problem


class ExitCode:
    """Exit codes (plain ints: an IntEnum costs more to create than a warm lookup spends)."""

    OK = 0
    NOT_FOUND = 1
    USAGE = 2
    DATA = 3
    OUTPUT = 74  # EX_IOERR: standard output or an output file cannot be written
    INTERNAL = 70  # EX_SOFTWARE: a bug; AWSMAP_DEBUG=1 shows the traceback
    BUSY = 75  # EX_TEMPFAIL: another awsmap holds the progress file; try again
    INTERRUPTED = 130  # 128 + SIGINT: Ctrl-C
    BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a reader that went away


class AwsmapError(Exception):
    """An expected failure with a message for the user and an exit code."""

    exit_code: int = ExitCode.DATA

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(AwsmapError):
    """Nothing matched well enough, or two candidates were too close to choose."""

    exit_code = ExitCode.NOT_FOUND

    def __init__(self, message: str, *, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.suggestions = suggestions


class UsageError(AwsmapError):
    """The arguments cannot be answered as given (empty name, one name to compare...)."""

    exit_code = ExitCode.USAGE


class OutputError(AwsmapError):
    """A file or stream awsmap was asked to write cannot be written (a missing folder, no
    permission, a full disk): nothing the user had was replaced."""

    exit_code = ExitCode.OUTPUT


class DataError(AwsmapError):
    """A data file is missing, unreadable, malformed or inconsistent."""

    exit_code = ExitCode.DATA

    def __init__(self, message: str, *, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems

    @classmethod
    def of(cls, problems: tuple[Problem, ...]) -> DataError:
        """The first problem as the message, and all of them for ``awsmap validate``."""
        count = len(problems)
        more = (
            f" (and {count - 1} more problem{'s' if count > 2 else ''}; "
            "'awsmap validate FILE' lists them all)"
            if count > 1
            else ""
        )
        return cls(str(problems[0]) + more, problems=problems)
