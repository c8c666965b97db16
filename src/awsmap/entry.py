"""Console-script entry point: what only a real, short-lived process needs.

``run`` answers a command line: read against the command table (``cli/parse.py``) when the
reader is sure of it, else by the Typer application generated from the same table
(``cli/app.py``); both run the command through ``cli.runtime.execute``. The tests drive the
same ``run``.

The process layer alone decides garbage collection. For a quick command it is off for the life
of the process and the heap is frozen before exit: a lookup creates no cycles worth collecting, and
the collector's passes during start-up and at interpreter shutdown cost more time than the lookup
itself (measured in benchmarks/README.md). An interactive command (``interactive`` in the command
registry) keeps it on: it lives for minutes and allocates as it goes. It also defers standard
modules that a quick command imports without using (``deferred.py``).
"""

import gc
import os
import sys

from awsmap.base.errors import ExitCode


def main() -> None:
    if sys.stdout is None:  # started with fd 1 closed: nothing can be answered
        if sys.stderr is not None:
            sys.stderr.write("awsmap: error: standard output is closed\n")
        sys.exit(ExitCode.OUTPUT)
    argv = sys.argv[1:]
    quick = not _interactive(argv)
    if quick:
        gc.disable()
    from awsmap.base.deferred import defer

    defer()
    try:
        code = run(argv)
    except KeyboardInterrupt:  # before or after a command's own boundary: still no traceback
        code = ExitCode.INTERRUPTED
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = ExitCode.BROKEN_PIPE
    except OSError:
        code = ExitCode.OUTPUT
    if quick:
        gc.freeze()
    sys.exit(code)


def run(argv: list[str]) -> int | str | None:
    """Answer one command line; its exit status (as ``sys.exit`` takes it). ``awsmap help
    [COMMAND]`` is the help, as in git."""
    if argv[:1] == ["help"]:
        argv = [*argv[1:], "--help"]
    from awsmap.cli import parse, runtime

    call = parse.recognise(argv)
    if call is not None:
        runtime.configure(call.data, call.color, call.pager)  # type: ignore[arg-type]
        return runtime.execute(call.command, call.arguments, call.near_command)
    from awsmap.cli.app import PROG, app

    def typer_app() -> None:
        app(args=argv, prog_name=PROG)

    try:  # --help and --version print from inside Typer: a full stdout is one line there too
        return runtime.guard(typer_app, passthrough=(SystemExit,))
    except SystemExit as exc:  # Typer ends every call so; its code is the answer
        return exc.code


def _interactive(argv: list[str]) -> bool:
    from awsmap.cli.argv import command_index
    from awsmap.cli.table import BY_NAME, GLOBAL_OPTIONS

    at = command_index(argv, GLOBAL_OPTIONS)
    spec = BY_NAME.get(argv[at]) if at is not None else None
    return spec is not None and spec.interactive
