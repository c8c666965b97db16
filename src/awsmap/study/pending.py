"""Answers kept when the progress file stays busy: written beside it, saved on the next open.

A review that cannot be committed because another awsmap holds the progress file is kept in
memory and committed with the next one. If the file is still busy when the session ends, the
kept reviews are written to a journal beside the database (``progress.sqlite3.pending-*.json``,
created exclusively) and the next ``Store.open`` commits them and deletes the journal, which is
the only file of that name awsmap deletes: it wrote it. A journal it cannot read is left alone.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

# A kept review: the card's new state and the log entry, as the plain tuples ``store`` commits.
Kept = tuple[Sequence[Any], Sequence[Any]]
JOURNAL_FORMAT = 1


def journal_prefix(path: str) -> str:
    return os.path.basename(path) + ".pending-"


def write_journal(path: str, kept: Sequence[Kept]) -> str:
    """The kept reviews in a new journal file beside ``path``; its name."""
    import tempfile

    folder = os.path.dirname(path) or "."
    handle, name = tempfile.mkstemp(prefix=journal_prefix(path), suffix=".json", dir=folder)
    body = {"format": JOURNAL_FORMAT, "kept": [[list(s), list(r)] for s, r in kept]}
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(body, out)
        out.flush()
        os.fsync(out.fileno())
    return name


def journals(path: str) -> list[str]:
    """The journals left beside ``path``, oldest name first."""
    folder = os.path.dirname(path) or "."
    prefix = journal_prefix(path)
    try:
        names = sorted(
            n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".json")
        )
    except OSError:
        return []
    return [os.path.join(folder, n) for n in names]


def read_journal(name: str) -> list[Kept] | None:
    """The reviews of one journal, or None when it is not one awsmap can read."""
    try:
        with open(name, encoding="utf-8") as source:
            body: Any = json.load(source)
        if body.get("format") != JOURNAL_FORMAT:
            return None
        return [(tuple(s), tuple(r)) for s, r in body["kept"]]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def replay(path: str, commit: Callable[[Sequence[Kept]], None]) -> int:
    """Commit every readable journal beside ``path`` (then delete it); how many reviews.
    A journal that fails to commit (the file busy again) is kept for the next time."""
    done = 0
    for name in journals(path):
        kept = read_journal(name)
        if kept is None:
            continue
        try:
            commit(kept)
        except (sqlite3.Error, OSError):
            break
        with contextlib.suppress(OSError):
            os.unlink(name)
        done += len(kept)
    return done
