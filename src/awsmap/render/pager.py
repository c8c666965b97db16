"""The pager for a page taller than the terminal, as git and gh run one.

The pager is ``$AWSMAP_PAGER``, else ``$PAGER``, else ``less`` when it is installed; an empty value
or ``cat`` means none. It runs through the shell (a value may carry options: ``less -S``), with
``LESS=FRX`` unless ``LESS`` is set (quit when the page fits, keep colours, leave the page on the
screen), as git does. A pager that cannot start is no pager: the page is printed instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from awsmap.base.paths import PAGER_ENV

NOT_FOUND = (126, 127)  # the shell could not run the command


def command() -> str | None:
    """The pager to run, or None."""
    for name in (PAGER_ENV, "PAGER"):
        value = os.environ.get(name)
        if value is not None:
            value = value.strip()
            return None if value in ("", "cat") else value
    return "less" if shutil.which("less") else None


def page(text: str) -> bool:
    """Show ``text`` through the pager; False when there is none or it could not start (the
    caller prints the text then)."""
    cmd = command()
    if cmd is None:
        return False
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    sys.stdout.flush()
    try:
        proc = subprocess.Popen(cmd, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    assert proc.stdin is not None
    try:
        proc.stdin.write(text.encode(encoding, errors="backslashreplace"))
        proc.stdin.close()
    except OSError:  # the reader quit before the end of the page (q in less): fine
        pass
    while True:
        try:
            code = proc.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs, as in git
            continue
    return code not in NOT_FOUND
