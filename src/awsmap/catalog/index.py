"""The compiled index: YAML parsed once, then answered from SQLite on every later run.

Parsing YAML is the slow part of start-up (tens of milliseconds for the bundled data, seconds for
thousands of user entries), so the merged dataset is compiled into a SQLite file in the user cache
directory. The file is keyed by a fingerprint of every source file (path, size, modification and
change times, inode), written to a temporary name and renamed into place, so concurrent first runs
never see half a file. A cache that cannot be written or read costs speed, never correctness: the
index is then built in memory. A corrupt cache file is detected on use and rebuilt.

An installed wheel also ships the index of the bundled data (``SHIPPED``, compiled when the wheel
is built, by ``build_shipped``): with no user data it is used as it is, read-only, so the first run
after an install compiles nothing. It is trusted when it names this version, this index format and
the bundled files with their sizes (``shipped_fingerprint``); anything else falls back to the cache.

Each combination of data files gets its own file. Whenever a file is built, the cache is pruned
(``cachefiles.prune``). Using a file refreshes its modification time (at most once a day), which is
how "used" is known. A file deleted under a concurrent run is harmless: that run finds it gone and
rebuilds.
"""

import contextlib
import os
import time
import zlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from awsmap import __version__
from awsmap.base.files import produce
from awsmap.base.paths import SHIPPED_INDEX_ENV, cache_dir
from awsmap.catalog.bundled import bundled_paths
from awsmap.catalog.cachefiles import DAY, PREFIX, SUFFIX, prune
from awsmap.catalog.indexformat import FORMAT, Damaged, seal_bytes, unseal, unseal_bytes

# The C module behind ``sqlite3``, imported directly on the query side: the ``sqlite3`` package
# adds its dbapi2 layer, whose import pulls in ``datetime`` to register date adapters awsmap never
# uses (about 3 ms, the largest avoidable import of a warm lookup). The classes are the same
# objects, so ``sqlite3.Error`` catches what these connections raise (tests/test_cache.py pins
# that a warm lookup never imports datetime).
if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path
else:
    try:
        import _sqlite3 as sqlite3
    except ImportError:  # an implementation without CPython's private module
        import sqlite3

T = TypeVar("T")

SHIPPED = os.path.join(os.path.dirname(__file__), "bundled-index.sqlite3")


def fingerprint(paths: Sequence[str]) -> str:
    """Cheap identity of the sources: any edit, replace or touch changes it."""
    parts = [f"awsmap {__version__} format {FORMAT}"]
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            from pathlib import Path

            from awsmap.catalog.yamlio import read_text

            read_text(Path(path))  # raises the DataError that says why
            raise
        parts.append(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}")
    return "\n".join(parts)


def shipped_fingerprint() -> str:
    """What the shipped index must have been built from: this version and format, and each
    bundled file by name and size (the file times of an installed package mean nothing)."""
    from awsmap.catalog.bundled import DATA_FOLDER, bundled_names

    parts = [f"awsmap {__version__} format {FORMAT} shipped"]
    for name in bundled_names():
        parts.append(f"{name}\0{os.stat(os.path.join(DATA_FOLDER, *name.split('/'))).st_size}")
    return "\n".join(parts)


def build_shipped(target: str) -> None:
    """Compile the bundled data into ``target`` (the wheel's build step calls this), with the
    bundled documents as read and checked (``shipped_documents``)."""
    import marshal

    from awsmap.catalog import compiler, loader
    from awsmap.catalog.bundled import bundled_names

    if os.path.exists(target):
        os.unlink(target)
    conn = sqlite3.connect(target)
    try:
        compiler.write(conn, loader.load(), shipped_fingerprint())
        documents = [data for _path, data in loader.bundled_documents()]
        conn.execute("CREATE TABLE documents(name TEXT PRIMARY KEY, data BLOB)")
        conn.executemany(
            "INSERT INTO documents VALUES (?, ?)",
            [
                (name, seal_bytes(marshal.dumps(data)))
                for name, data in zip(bundled_names(), documents, strict=True)
            ],
        )
        conn.commit()
        conn.execute("VACUUM")
    finally:
        conn.close()


def shipped_documents() -> "list[tuple[Path, dict[str, Any]]] | None":
    """The bundled documents from a current shipped index, as the wheel's build read and checked
    them, or None. Parsing them again costs about 0.8 s of CPU, a tenth of the first run over a
    large user dataset (the only run that needs them: a compile with user data)."""
    import marshal
    from pathlib import Path

    from awsmap.catalog.bundled import DATA_FOLDER, bundled_names

    if os.environ.get(SHIPPED_INDEX_ENV) == "0" or not os.path.exists(SHIPPED):
        return None
    conn = _open_current(SHIPPED, shipped_fingerprint(), touch=False)
    if conn is None:
        return None
    try:
        rows = conn.execute("SELECT name, data FROM documents").fetchall()
        found = {str(name): marshal.loads(unseal_bytes(data)) for name, data in rows}
        names = bundled_names()
        if sorted(found) != sorted(names):
            return None
        return [(Path(DATA_FOLDER, *name.split("/")), found[name]) for name in names]
    except (sqlite3.Error, Damaged, ValueError, EOFError, TypeError):
        return None  # an index without them, or damaged: the files are read instead
    finally:
        conn.close()


def sources(user_paths: "Sequence[str | os.PathLike[str]]" = ()) -> list[str]:
    return [*bundled_paths(), *(os.path.abspath(p) for p in user_paths)]


def index_path(user_paths: "Sequence[str | os.PathLike[str]]" = ()) -> str:
    """The cache file for this combination of data files."""
    return _cache_file(sources(user_paths))


def _cache_file(paths: Sequence[str]) -> str:
    key = zlib.crc32(chr(0).join(paths).encode())
    return os.path.join(cache_dir(), f"{PREFIX}{key:08x}{SUFFIX}")


class Index:
    """A read-only connection to a compiled index, able to rebuild itself once if it is broken.

    ``path`` is where its cache file is (or would be, when the cache cannot be written) and
    ``fingerprint`` what it was built from: a file derived from the index is kept beside it as
    ``path`` plus a suffix, pruned and cleared with it, and valid for this fingerprint only."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        rebuild: Callable[[], sqlite3.Connection],
        path: str = "",
        fingerprint: str = "",
    ) -> None:
        self._conn = conn
        self._rebuild = rebuild
        self._rebuilt = False
        self.path = path
        self.fingerprint = fingerprint

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.read(sql, args, list)

    def read(
        self, sql: str, args: Sequence[Any], decode: Callable[[list[tuple[Any, ...]]], T]
    ) -> T:
        """``decode`` of the rows of a query. A file SQLite finds damaged, or a value that fails
        its checksum while decoding (``indexformat.Damaged``), rebuilds the index once and reads
        again: a damaged cache costs one compile, never a wrong answer or a failed command."""
        try:
            return decode(self._conn.execute(sql, args).fetchall())
        except (sqlite3.DatabaseError, Damaged):
            if self._rebuilt:
                raise
            self._rebuilt = True
            self._conn = self._rebuild()
            return decode(self._conn.execute(sql, args).fetchall())

    def meta(self, key: str) -> str | None:
        return self.read(
            "SELECT value FROM meta WHERE key = ?",
            (key,),
            lambda found: unseal(found[0][0]) if found else None,
        )


def open_index(user_paths: "Sequence[str | os.PathLike[str]]" = ()) -> Index:
    """The index of the bundled data plus ``user_paths``, from the cache when it is current."""
    paths = sources(user_paths)  # one scan of the data folder serves the name and the fingerprint
    target = _cache_file(paths)

    def rebuild() -> sqlite3.Connection:
        return _build_and_store(user_paths, fingerprint(paths), target)

    if not user_paths and os.environ.get(SHIPPED_INDEX_ENV) != "0" and os.path.exists(SHIPPED):
        shipped = shipped_fingerprint()
        conn = _open_current(SHIPPED, shipped, touch=False)
        if conn is not None:  # derived files (the study cards) still go to the cache
            return Index(conn, rebuild, target, shipped)
    wanted = fingerprint(paths)
    conn = _open_current(target, wanted)
    return Index(conn if conn is not None else rebuild(), rebuild, target, wanted)


def _uri(path: str) -> str:
    """A read-only, immutable SQLite URI for a file (what pathlib's as_uri gives, without it)."""
    absolute = os.path.realpath(path).replace(os.sep, "/")
    quoted = "".join(f"%{ord(c):02X}" if c in "%?#" or ord(c) < 0x20 else c for c in absolute)
    return "file:" + ("" if quoted.startswith("/") else "/") + quoted + "?mode=ro&immutable=1"


def _open_current(path: str, wanted: str, touch: bool = True) -> sqlite3.Connection | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    try:
        conn = sqlite3.connect(_uri(path), uri=True)
        row = conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except (sqlite3.Error, OSError, ValueError):
        return None
    if row is None or row[0] != wanted:
        conn.close()
        return None
    if touch and time.time() - st.st_mtime > DAY:
        _touch(path)
    return conn


def _touch(path: str) -> None:
    """Mark the file as used, for pruning; a read-only cache simply keeps its old time."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _build_and_store(
    user_paths: "Sequence[str | os.PathLike[str]]", wanted: str, target: str
) -> sqlite3.Connection:
    from pathlib import Path

    from awsmap.catalog import compiler, loader

    loaded = loader.load([Path(p) for p in user_paths], shipped=shipped_documents())
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)

        def compile_into(tmp: str) -> None:
            conn = sqlite3.connect(tmp)  # an empty file made exclusively: a new database
            try:
                compiler.write(conn, loaded, wanted)
            finally:
                conn.close()

        produce(target, compile_into, mode=0o600)
        prune(os.path.dirname(target), keep=target)
        reopened = _open_current(target, wanted)
        if reopened is not None:
            return reopened
    except (OSError, sqlite3.Error):
        pass  # an unwritable or full cache: answer from memory instead
    conn = sqlite3.connect(":memory:")
    compiler.write(conn, loaded, wanted)
    return conn
