"""Running the CLI in-process the way the installed script does: through ``entry.run`` (the fast
path when it recognises the arguments, else Typer), inside CliRunner's isolation (stdin, stdout,
stderr and environment)."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence

from typer.testing import CliRunner, Result

from awsmap import entry


def invoke(
    args: Sequence[str], *, stdin: str | bytes | None = None, env: Mapping[str, str] | None = None
) -> Result:
    """Exceptions that escape the CLI are not caught: a test sees the traceback."""
    runner = CliRunner()
    with runner.isolation(input=stdin, env=env) as (out, err, mixed):
        status = entry.run(list(args))
        if status is None:
            status = 0
        elif not isinstance(status, int):  # sys.exit("message") prints it and exits 1
            sys.stdout.write(f"{status}\n")
            status = 1
        sys.stdout.flush()
        sys.stderr.flush()
        return Result(
            runner=runner,
            stdout_bytes=out.getvalue(),
            stderr_bytes=err.getvalue(),
            output_bytes=mixed.getvalue(),
            return_value=None,
            exit_code=status,
            exception=None,
        )
