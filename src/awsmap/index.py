"""The compiled index: YAML parsed once, then answered from SQLite on every later run.

Parsing YAML is the slow part of start-up (tens of milliseconds for the bundled data, seconds for
thousands of user entries), so the merged dataset is compiled into a SQLite file in the user cache
directory. The file is keyed by a fingerprint of every source file (path, size, modification and
change times, inode), written to a temporary name and renamed into place, so concurrent first runs
never see half a file. A cache that cannot be written or read costs speed, never correctness: the
index is then built in memory. A corrupt cache file is detected on use and rebuilt.
"""

from __future__ import annotations

import os
import sqlite3
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from awsmap import __version__
from awsmap.bundled import bundled_paths

FORMAT = "3"
CACHE_ENV = "AWSMAP_CACHE_DIR"


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("awsmap", appauthor=False))


def fingerprint(paths: Sequence[Path]) -> str:
    """Cheap identity of the sources: any edit, replace or touch changes it."""
    parts = [f"awsmap {__version__} format {FORMAT}"]
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            from awsmap.yamlio import read_text

            read_text(path)  # raises the DataError that says why
            raise
        parts.append(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}")
    return "\n".join(parts)


class Index:
    """A read-only connection to a compiled index, able to rebuild itself once if it is broken."""

    def __init__(self, conn: sqlite3.Connection, rebuild: Callable[[], sqlite3.Connection]) -> None:
        self._conn = conn
        self._rebuild = rebuild
        self._rebuilt = False

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, args).fetchall()
        except sqlite3.DatabaseError:
            if self._rebuilt:
                raise
            self._rebuilt = True
            self._conn = self._rebuild()
            return self._conn.execute(sql, args).fetchall()

    def meta(self, key: str) -> str | None:
        found = self.rows("SELECT value FROM meta WHERE key = ?", (key,))
        return str(found[0][0]) if found else None


def open_index(user_paths: Sequence[Path] = ()) -> Index:
    """The index of the bundled data plus ``user_paths``, from the cache when it is current."""
    sources = [*bundled_paths(), *(p.absolute() for p in user_paths)]
    wanted = fingerprint(sources)
    name = f"index-{zlib.crc32(chr(0).join(map(str, sources)).encode()):08x}.sqlite3"
    target = cache_dir() / name

    def rebuild() -> sqlite3.Connection:
        return _build_and_store(user_paths, wanted, target)

    conn = _open_current(target, wanted)
    return Index(conn if conn is not None else rebuild(), rebuild)


def _open_current(path: Path, wanted: str) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        row = conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except (sqlite3.Error, OSError, ValueError):
        return None
    if row is None or row[0] != wanted:
        conn.close()
        return None
    return conn


def _build_and_store(user_paths: Sequence[Path], wanted: str, target: Path) -> sqlite3.Connection:
    import gc

    from awsmap import compiler, loader

    gc.enable()  # parsing YAML makes real garbage; the CLI turns collection off for quick runs
    loaded = loader.load(user_paths)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.{id(loaded):x}.tmp")
        try:
            conn = sqlite3.connect(tmp)
            compiler.write(conn, loaded, wanted)
            conn.close()
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        reopened = _open_current(target, wanted)
        if reopened is not None:
            return reopened
    except (OSError, sqlite3.Error):
        pass  # an unwritable or full cache: answer from memory instead
    conn = sqlite3.connect(":memory:")
    compiler.write(conn, loaded, wanted)
    return conn
