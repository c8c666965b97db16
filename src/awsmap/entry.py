"""Console-script entry point: what only a real, short-lived process needs.

Garbage collection is off for the life of the process and the heap is frozen before exit: a
lookup creates no cycles worth collecting, and the collector's passes during start-up and at
interpreter shutdown cost more time than the lookup itself (measured in benchmarks/README.md).
Building the index switches it back on, since that does make garbage.
"""

import gc
import os
import sys


def main() -> None:
    gc.disable()
    if sys.stdout is None:  # started with fd 1 closed: nothing can be answered
        if sys.stderr is not None:
            sys.stderr.write("awsmap: error: standard output is closed\n")
        sys.exit(74)
    from awsmap.cli import app

    code: int | str | None = 0
    try:
        app(prog_name="awsmap")
    except SystemExit as exc:
        code = exc.code
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 141
    except OSError:
        code = 74
    gc.freeze()
    sys.exit(code)
