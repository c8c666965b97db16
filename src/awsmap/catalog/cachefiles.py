"""awsmap's own files in the cache directory: listing them, pruning the old, clearing them all.

Only the names awsmap writes are ever pruned or cleared: an index (``PREFIX`` + 8 hex digits +
``SUFFIX``), a file derived from one (its name plus a suffix, such as the study cards), and the
exclusive temporary files they are written through (base/files.py: "." + name + random). The
pattern is compiled on first use: a run that only reads the index never needs it.
"""

from __future__ import annotations

import os
import re
import time

from awsmap.base.files import TEMP_SUFFIX
from awsmap.base.paths import cache_dir

PREFIX = "index-"
SUFFIX = ".sqlite3"
DAY = 86400.0
MAX_AGE_DAYS = 30
KEEP = 8
TEMP_MAX_AGE = 3600.0


_OWN: re.Pattern[str] | None = None


def own_file(name: str) -> bool:
    """Whether awsmap writes files of this name."""
    global _OWN
    if _OWN is None:
        index = rf"{re.escape(PREFIX)}[0-9a-f]{{8}}{re.escape(SUFFIX)}(?:\.cards)?"
        _OWN = re.compile(rf"(?:{index}|\.{index}\.[a-z0-9_]{{8}}{re.escape(TEMP_SUFFIX)})")
    return _OWN.fullmatch(name) is not None


class CacheFile:
    """One of awsmap's files: a slotted class, not a NamedTuple, whose creation every lookup
    would pay on import (the index imports this module for the names above)."""

    __slots__ = ("modified", "path", "size")

    def __init__(self, path: str, size: int, modified: float) -> None:
        self.path = path
        self.size = size
        self.modified = modified

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    def __repr__(self) -> str:
        return f"CacheFile({self.path!r}, {self.size}, {self.modified})"


def cache_files(directory: str | None = None) -> list[CacheFile]:
    """awsmap's own files in the cache directory (index files and leftover temporary files)."""
    directory = directory or cache_dir()
    found = []
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                if own_file(entry.name) and entry.is_file(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    found.append(CacheFile(entry.path, st.st_size, st.st_mtime))
    except OSError:
        return []
    return sorted(found, key=lambda f: f.name)


def prune(directory: str, keep: str | None = None, now: float | None = None) -> list[str]:
    """Delete index files unused for MAX_AGE_DAYS, those beyond the KEEP newest, and stale
    temporary files; never ``keep``. Returns what was deleted; failures are skipped."""
    now = time.time() if now is None else now
    files = cache_files(directory)
    indexes = sorted((f for f in files if f.name.endswith(SUFFIX)), key=lambda f: -f.modified)
    doomed = [
        f.path
        for i, f in enumerate(indexes)
        if f.path != keep and (i >= KEEP or now - f.modified > MAX_AGE_DAYS * DAY)
    ]
    # files derived from a doomed index (its path plus a suffix) go with it
    doomed += [
        f.path
        for f in files
        if not f.name.endswith(TEMP_SUFFIX) and any(f.path.startswith(d + ".") for d in doomed)
    ]
    doomed += [
        f.path for f in files if f.name.endswith(TEMP_SUFFIX) and now - f.modified > TEMP_MAX_AGE
    ]
    deleted = []
    for path in doomed:
        try:
            os.unlink(path)
            deleted.append(path)
        except OSError:
            pass
    return deleted


def clear(directory: str | None = None) -> list[CacheFile]:
    """Delete every awsmap file in the cache directory; returns the ones deleted."""
    deleted = []
    for f in cache_files(directory):
        try:
            os.unlink(f.path)
            deleted.append(f)
        except OSError:
            pass
    return deleted
