"""Two first sessions at once on a fresh state directory: both open, migrate and record, every
time. The opening waits for another process's lock; it never calls a locked file damaged."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from awsmap.study.records import CardState, Review
from awsmap.study.store import ProgressBusy, Store, _patiently

PAIRS = 50


def _first_session(path: str, gate: object, number: int) -> str:
    gate.wait()  # type: ignore[attr-defined]
    try:
        store = Store.open(path)
        card = f"card-{number}"
        store.record(
            CardState(card, 1, 0, 1.0, 5.0, "2026-12-01T09:00:00+00:00", None, None, None),
            Review(card, 3, "rds", "2026-12-01T09:00:00+00:00", 1000, "type"),
        )
        store.close()
    except Exception as exc:  # reported to the parent, which fails the test with it
        return f"{type(exc).__name__}: {exc}"
    return "ok"


def test_fifty_pairs_of_first_sessions_all_succeed(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    failures = []
    with context.Manager() as manager, context.Pool(2) as pool:
        for pair in range(PAIRS):
            path = str(tmp_path / f"state-{pair}" / "progress.sqlite3")
            gate = manager.Barrier(2)
            results = [pool.apply_async(_first_session, (path, gate, n)) for n in (1, 2)]
            outcomes = [r.get(timeout=60) for r in results]
            failures += [o for o in outcomes if o != "ok"]
            store = Store.open(path)
            assert len(store.reviews()) == 2, pair
            store.close()
    assert failures == []


def test_a_lock_held_past_the_timeout_says_busy_not_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("awsmap.study.store.BUSY_TIMEOUT_MS", 200)
    calls = []

    def locked() -> None:
        calls.append(1)
        raise sqlite3.OperationalError("database is locked")

    with pytest.raises(ProgressBusy, match="another awsmap is using it") as caught:
        _patiently(str(tmp_path / "p.sqlite3"), locked)
    assert "Move it aside" not in str(caught.value)
    assert len(calls) > 1  # it waited and tried again


def test_other_errors_are_not_retried(tmp_path: Path) -> None:
    calls = []

    def broken() -> None:
        calls.append(1)
        raise sqlite3.DatabaseError("file is not a database")

    with pytest.raises(sqlite3.DatabaseError):
        _patiently(str(tmp_path / "p.sqlite3"), broken)
    assert calls == [1]
