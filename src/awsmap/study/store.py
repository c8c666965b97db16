"""The progress database: card state and an append-only review log, in the user state directory.

It is user data, kept apart from the disposable index cache and never deleted or overwritten
behind the user's back: a damaged or foreign file is refused with a message that says how to
recover, and a reset keeps a backup first. Each review is committed as it happens (WAL mode, a
busy timeout), so two quiz sessions at once lose nothing and Ctrl-C loses nothing already answered.
A file another awsmap keeps busy past the timeout costs nothing either: the review is kept and
committed with the next one, or at the end, or by the next run (``study/pending.py``).
"""

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from typing import Any, TypeVar

from awsmap.base.errors import DataError, ExitCode, OutputError
from awsmap.study import pending
from awsmap.study.migrations import APPLICATION_ID, STEPS, VERSION
from awsmap.study.records import CardState, DamagedRow, Drill, R, Review, typed

BUSY_TIMEOUT_MS = 10_000
MEMORY = ":memory:"
FIRST_RETRY_S = 0.02  # then doubling, up to the busy timeout in all
KEPT_RETRY_MS = 200  # once a review is kept, each later one tries this long, not the full timeout
T = TypeVar("T")


class ProgressError(DataError):
    """The progress file is damaged, foreign or from a newer awsmap: refused, left untouched."""


class ProgressBusy(DataError):
    """Another awsmap holds the progress file longer than the busy timeout; nothing is wrong
    with the file, so the message says to wait, never to move it aside."""

    exit_code = ExitCode.BUSY


class ReadOnlyProgress(OSError):
    """The progress file or its folder cannot be written: the quiz runs on a copy, unsaved."""


def _read_only(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "unable to open" in text


def _locked(exc: sqlite3.Error) -> bool:
    """SQLite's "database is locked" / "database is busy": another connection holds a lock."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def _patiently(path: str, step: Callable[[], T], timeout_ms: int | None = None) -> T:
    """Run ``step``, retrying while another process holds a lock (some steps, such as switching
    the journal mode while a new file is being created, return "locked" without waiting for
    SQLite's busy timeout), up to the busy timeout (or ``timeout_ms``) in all."""
    deadline = time.monotonic() + (BUSY_TIMEOUT_MS if timeout_ms is None else timeout_ms) / 1000
    pause = FIRST_RETRY_S
    while True:
        try:
            return step()
        except sqlite3.Error as exc:
            if not _locked(exc):
                raise
            if time.monotonic() + pause > deadline:
                raise ProgressBusy(
                    f"{path}: another awsmap is using it (busy for more than "
                    f"{BUSY_TIMEOUT_MS // 1000} s); the file is fine: try again when it is done"
                ) from None
            time.sleep(pause)
            pause *= 2


def _refuse(path: str, why: str) -> ProgressError:
    return ProgressError(
        f"{path}: {why}; it was left untouched. Move it aside to start fresh "
        "(or restore a backup made by 'awsmap progress reset'), or point AWSMAP_STATE_DIR "
        "elsewhere"
    )


class Store:
    """Progress in SQLite; ``Store.open(path)`` creates, migrates or refuses the file."""

    def __init__(self, conn: sqlite3.Connection, path: str | None) -> None:
        self._conn = conn
        self.path = path  # None when progress is kept in memory only (not saved)
        self._kept: list[tuple[CardState, Review]] = []  # reviews a busy file has not taken yet

    @classmethod
    def open(cls, where: "str | os.PathLike[str]") -> "Store":
        path = os.fspath(where)
        folder = os.path.dirname(path) or "."
        if os.path.exists(path) and not (os.access(path, os.W_OK) and os.access(folder, os.W_OK)):
            raise ReadOnlyProgress(f"{path} is read-only")
        try:
            os.makedirs(folder, exist_ok=True)
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise OSError(f"cannot open {path}: {exc}") from exc
        try:
            _prepare(conn, path)
        except sqlite3.Error as exc:
            conn.close()
            if _read_only(exc):
                raise ReadOnlyProgress(f"{path} is read-only") from None
            raise
        except BaseException:
            conn.close()
            raise
        store = cls(conn, path)
        pending.replay(path, lambda kept: store._commit([_records(s, r) for s, r in kept]))
        return store

    @classmethod
    def copy_in_memory(cls, path: str) -> "Store":
        """The progress as it is, in memory: a read-only file is studied from, never written."""
        store = cls.in_memory()
        if os.path.exists(path):
            try:
                with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as source:
                    source.backup(store._conn)
            except sqlite3.Error:
                return store
            _migrate(store._conn, int(store._conn.execute("PRAGMA user_version").fetchone()[0]))
        return store

    @classmethod
    def in_memory(cls) -> "Store":
        conn = sqlite3.connect(MEMORY, isolation_level=None)
        _migrate(conn, 0)
        return cls(conn, None)

    @property
    def saved(self) -> bool:
        return self.path is not None

    def close(self) -> None:
        """Commit any kept reviews first (``settle``), then close."""
        try:
            self.settle()
        finally:
            self._conn.close()

    def settle(self) -> None:
        """Commit the reviews a busy file has not taken yet, waiting up to the busy timeout; if
        it is still busy, write them to a journal beside it, which the next open commits, and
        say so (ProgressBusy, exit 75): no answer is lost."""
        if not self._kept or self.path is None:
            return
        try:
            self._saving(lambda: self._commit(self._kept))
        except ProgressBusy:
            name = pending.write_journal(self.path, self._kept)
            count = len(self._kept)
            self._kept.clear()
            raise ProgressBusy(
                f"{self.path}: another awsmap kept it busy; {count} answer(s) are kept in {name} "
                "and saved the next time awsmap opens your progress"
            ) from None
        self._kept.clear()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:  # a failed COMMIT (a full disk) leaves it open
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
            raise

    # -- reading ---------------------------------------------------------------------------------

    def states(self) -> dict[str, CardState]:
        rows = self._conn.execute(
            "SELECT card_id, state, step, stability, difficulty, due, last_review, content_hash, "
            "first_seen FROM cards"
        ).fetchall()
        return {r[0]: self._typed(CardState, r) for r in rows}

    def reviews(self, since: str | None = None) -> list[Review]:
        sql = "SELECT card_id, rating, answer, reviewed_at, duration_ms, mode FROM reviews"
        args: tuple[str, ...] = ()
        if since is not None:
            sql += " WHERE reviewed_at >= ?"
            args = (since,)
        rows = self._conn.execute(sql + " ORDER BY id", args).fetchall()
        return [self._typed(Review, r) for r in rows]

    def _typed(self, record: "type[R]", row: "tuple[Any, ...]") -> R:
        try:
            return typed(record, row)
        except DamagedRow as exc:
            raise _refuse(self.path or MEMORY, f"damaged: {exc}") from None

    def lapses(self) -> dict[str, int]:
        """Each card's lapses: the times it was failed (Again) after its first review."""
        rows = self._conn.execute(
            "SELECT card_id, COUNT(*) FROM reviews r WHERE rating = 1 AND id > "
            "(SELECT MIN(id) FROM reviews f WHERE f.card_id = r.card_id) GROUP BY card_id"
        ).fetchall()
        return {r[0]: int(r[1]) for r in rows}

    def drills(self) -> list[Drill]:
        rows = self._conn.execute(
            "SELECT design, started_at, minutes, roles, answered, seconds FROM drills ORDER BY id"
        ).fetchall()
        return [self._typed(Drill, r) for r in rows]

    def version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    # -- writing ---------------------------------------------------------------------------------

    def record(self, state: CardState, review: Review) -> bool:
        """One review: the log entry and the card's new state, committed together now; True.
        While another awsmap holds the file past the busy timeout the review is kept, with any
        kept before it, and committed with the next one or by ``settle``: False. A full disk or
        a file that became read-only is one line; every review before this one is committed."""
        self._kept.append((state, review))
        patience = KEPT_RETRY_MS if len(self._kept) > 1 else None
        try:
            self._saving(lambda: self._commit(self._kept), patience)
        except ProgressBusy:
            return False
        self._kept.clear()
        return True

    def _saving(self, step: Callable[[], None], timeout_ms: int | None = None) -> None:
        """Commit ``step`` now, waiting out another awsmap's lock; a full disk or a file that
        became read-only is one line that says the answers before are saved."""
        where = self.path or MEMORY
        if timeout_ms is not None:
            self._conn.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
        try:
            _patiently(where, step, timeout_ms)
        except ProgressBusy as exc:
            raise ProgressBusy(f"{exc.message}; the answers before this one are saved") from None
        except sqlite3.OperationalError as exc:
            if "full" in str(exc).lower() or "disk i/o" in str(exc).lower():
                raise OutputError(
                    f"cannot save progress in {where}: the disk is full; the answers before "
                    "this one are saved"
                ) from None
            if _read_only(exc):
                raise OutputError(
                    f"cannot save progress in {where}: it became read-only; the answers before "
                    "this one are saved"
                ) from None
            raise
        finally:
            if timeout_ms is not None:
                self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def _commit(self, kept: "list[tuple[CardState, Review]]") -> None:
        """Several reviews in one transaction: all of them or none."""
        with self._write():
            for state, review in kept:
                self._record_in(state, review)

    def _record_in(self, state: CardState, review: Review) -> None:
        """Insert one review inside the open transaction."""
        conn = self._conn
        conn.execute(
            "INSERT INTO reviews(card_id, rating, answer, reviewed_at, duration_ms, mode) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            review,
        )
        conn.execute(
            "INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(card_id) DO "
            "UPDATE SET state = excluded.state, step = excluded.step, "
            "stability = excluded.stability, difficulty = excluded.difficulty, "
            "due = excluded.due, last_review = excluded.last_review, "
            "content_hash = excluded.content_hash, "
            "first_seen = COALESCE(cards.first_seen, excluded.first_seen)",
            state,
        )

    def record_drill(self, drill: Drill) -> None:
        """One design drill run (its answers were each saved as they were given)."""

        def insert() -> None:
            with self._write() as conn:
                conn.execute(
                    "INSERT INTO drills(design, started_at, minutes, roles, answered, seconds) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    drill,
                )

        self._saving(insert)

    def backup(self, target: str) -> None:
        """A consistent copy of the whole database (SQLite's online backup)."""
        with closing(sqlite3.connect(target)) as copy:
            self._conn.backup(copy)

    def reset(self) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM reviews")
            conn.execute("DELETE FROM cards")
            conn.execute("DELETE FROM drills")


def _prepare(conn: sqlite3.Connection, path: str) -> None:
    """Check the file is ours (or new), then bring its schema up to date. A lock held by
    another awsmap is waited for; only a file SQLite cannot read is called damaged."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    tables, app, version = _patiently(path, lambda: _identity(conn, path))
    if app != APPLICATION_ID and (tables or version):
        raise _refuse(path, "is not an awsmap progress database")
    if version > VERSION:
        raise _refuse(
            path, f"was written by a newer awsmap (schema {version}, this one knows {VERSION})"
        )
    try:
        _patiently(path, lambda: conn.execute("PRAGMA journal_mode = WAL").fetchall())
        if version < VERSION:
            _patiently(path, lambda: _migrate(conn, version))
        problems = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall() if r[0] != "ok"]
        if not problems:
            _patiently(path, lambda: _has_schema(conn))
    except ProgressBusy:
        raise
    except sqlite3.DatabaseError as exc:
        if _read_only(exc):
            raise
        raise _refuse(path, f"is damaged ({exc})") from None
    if problems:
        raise _refuse(path, f"is damaged ({problems[0]})")


def _has_schema(conn: sqlite3.Connection) -> None:
    """The tables are there with their columns (a dropped table is damage, not a bug)."""
    conn.execute("SELECT card_id, state, due, content_hash, first_seen FROM cards LIMIT 0")
    conn.execute("SELECT card_id, rating, reviewed_at, mode FROM reviews LIMIT 0")
    conn.execute("SELECT design, started_at, roles, answered FROM drills LIMIT 0")


def _identity(conn: sqlite3.Connection, path: str) -> tuple[set[str], int, int]:
    """Tables, application id and schema version, from one snapshot."""
    try:
        # One read transaction, so the three come from one snapshot: another process creating
        # the file at the same moment is seen before or after its first migration, never midway.
        conn.execute("BEGIN")
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            app = int(conn.execute("PRAGMA application_id").fetchone()[0])
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if _locked(exc):
            raise
        raise _refuse(path, f"is not a readable SQLite database ({exc})") from None
    return tables, app, version


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    """Apply each step after ``version`` in its own transaction, with the version bump. A step
    another process applied meanwhile is skipped: the version is read again under the lock."""
    for number, step in enumerate(STEPS[version:], start=version + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if int(conn.execute("PRAGMA user_version").fetchone()[0]) >= number:
                conn.execute("COMMIT")
                continue
            for statement in filter(str.strip, step.split(";")):
                conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def _records(state: "Sequence[Any]", review: "Sequence[Any]") -> tuple[CardState, Review]:
    """A kept review read back from a journal (plain lists) as the records it was."""
    return CardState(*state), Review(*review)
