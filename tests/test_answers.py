"""Answers the user typed are kept, and every failure is one line with a documented exit code:
bad stdin, a pretended time with an offset or out of range, NaN, a full disk, a busy or read-only
progress file, a damaged schema."""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from awsmap.base.errors import ExitCode
from awsmap.study import progress
from awsmap.study.records import CardState, Review
from awsmap.study.store import ProgressBusy, Store
from tests.harness import invoke


def awsmap(
    tmp_path: Path, *args: str, stdin: str | bytes | None = "", **env: str
) -> subprocess.CompletedProcess[bytes]:
    full = {**os.environ, "AWSMAP_STATE_DIR": str(tmp_path / "state"), "COLUMNS": "100", **env}
    return subprocess.run(
        [sys.executable, "-m", "awsmap", *args],
        input=stdin.encode() if isinstance(stdin, str) else stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
        capture_output=True,
        env=full,
        cwd=tmp_path,
        check=False,
    )


def reviews(tmp_path: Path) -> int:
    out = awsmap(tmp_path, "stats", "--json")
    count: int = json.loads(out.stdout)["reviews"]
    return count


def test_answers_that_are_not_utf8_are_graded_not_a_crash(tmp_path: Path) -> None:
    result = awsmap(tmp_path, "quiz", "--count", "1", "--cram", stdin=b"\xff\xfe\n")
    assert result.returncode == 0, result.stderr
    assert reviews(tmp_path) == 1


@pytest.mark.parametrize(
    ("now", "code"),
    [
        ("2026-12-01T09:00:00-05:00", 0),  # an offset is converted
        ("2026-12-01T14:00:00+09:30", 0),
        ("9999-12-31T23:59:59Z", ExitCode.USAGE),
        ("0001-01-01", ExitCode.USAGE),
        ("yesterday", ExitCode.USAGE),
    ],
)
def test_a_pretended_time(tmp_path: Path, now: str, code: int) -> None:
    result = awsmap(tmp_path, "quiz", "--count", "1", "--cram", stdin="rds\n", AWSMAP_NOW=now)
    assert result.returncode == code, result.stderr
    assert code == 0 or result.stderr.decode().count("\n") == 1


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_retention_must_be_a_number_in_range(tmp_path: Path, value: str) -> None:
    result = awsmap(tmp_path, "quiz", "--retention", value)
    assert result.returncode == ExitCode.USAGE
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["quiz"], ["stack", "--file", "-"]])
def test_a_closed_standard_input_is_one_line(tmp_path: Path, args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "awsmap", *args],
        capture_output=True,
        env={**os.environ, "AWSMAP_STATE_DIR": str(tmp_path / "state")},
        close_fds=True,
        stdin=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(0),
        check=False,
    )
    assert result.returncode == ExitCode.USAGE
    assert result.stderr.decode().strip().count("\n") == 0 and b"closed" in result.stderr


def test_a_full_disk_keeps_the_answers_given_and_exits_74(tmp_path: Path) -> None:
    assert awsmap(tmp_path, "quiz", "--count", "1", "--cram", stdin="rds\n").returncode == 0

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))

    answers = "rds\nkeyspaces\ndocumentdb\nelasticache\nmsk\n" * 4
    result = subprocess.run(
        [sys.executable, "-m", "awsmap", "quiz", "--count", "20", "--cram"],
        input=answers.encode(),
        capture_output=True,
        env={**os.environ, "AWSMAP_STATE_DIR": str(tmp_path / "state"), "COLUMNS": "100"},
        preexec_fn=small_files,
        check=False,
    )
    assert result.returncode == ExitCode.OUTPUT, result.stderr
    line = result.stderr.decode().strip()
    assert "\n" not in line and "disk is full" in line
    graded = result.stdout.decode().count("  ✓ ") + result.stdout.decode().count("  ✗ ")
    graded += result.stdout.decode().count("  ~ ")
    assert reviews(tmp_path) == 1 + graded  # every answer shown as graded was saved


def _one_review(store: Store, card: str) -> None:
    store.record(
        CardState(card, 1, 0, 1.0, 5.0, "2026-12-01T09:00:00+00:00", None, None, None),
        Review(card, 3, "rds", "2026-12-01T09:00:00+00:00", 100, "type"),
    )


def test_a_lock_held_too_long_keeps_the_answers_and_saves_them_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _path, store, holder = _busy(tmp_path, monkeypatch)
    assert store.record(*_review("b")) is False  # kept: the file is busy
    assert store.record(*_review("c")) is False
    holder.execute("ROLLBACK")
    assert store.record(*_review("d")) is True  # the file is free: b, c and d are committed
    assert [r.card_id for r in store.reviews()] == ["a", "b", "c", "d"]
    store.close()


def test_a_lock_held_past_the_end_leaves_a_journal_the_next_run_saves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, store, holder = _busy(tmp_path, monkeypatch)
    assert store.record(*_review("b")) is False
    with pytest.raises(ProgressBusy) as caught:
        store.close()
    holder.execute("ROLLBACK")
    holder.close()
    assert caught.value.exit_code == ExitCode.BUSY == 75
    assert "1 answer(s) are kept in" in caught.value.message
    assert "Move it aside" not in caught.value.message
    (journal,) = tmp_path.glob("progress.sqlite3.pending-*.json")
    again = Store.open(path)  # commits the journal, then deletes it: awsmap wrote it
    assert [r.card_id for r in again.reviews()] == ["a", "b"]
    assert not journal.exists()
    again.close()


def test_a_journal_awsmap_cannot_read_is_left_alone(tmp_path: Path) -> None:
    path = str(tmp_path / "progress.sqlite3")
    Store.open(path).close()
    foreign = tmp_path / "progress.sqlite3.pending-foreign.json"
    foreign.write_text("not json", encoding="utf-8")
    store = Store.open(path)
    assert store.reviews() == []
    assert foreign.read_text(encoding="utf-8") == "not json"
    store.close()


def _busy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, Store, sqlite3.Connection]:
    """A progress file with one review, held busy by another connection (short timeouts)."""
    monkeypatch.setattr("awsmap.study.store.BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr("awsmap.study.store.KEPT_RETRY_MS", 50)
    path = str(tmp_path / "progress.sqlite3")
    store = Store.open(path)
    _one_review(store, "a")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return path, store, holder


def _review(card: str) -> tuple[CardState, Review]:
    return (
        CardState(card, 1, 0, 1.0, 5.0, "2026-12-01T09:00:00+00:00", None, None, None),
        Review(card, 3, "rds", "2026-12-01T09:00:00+00:00", 100, "type"),
    )


def test_a_read_only_progress_file_is_studied_unsaved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWSMAP_STATE_DIR", str(tmp_path))
    store = Store.open(str(tmp_path / "progress.sqlite3"))
    _one_review(store, "a")
    store.close()
    real_access = os.access
    monkeypatch.setattr(  # read-only, as a normal user would find it (root may write anyway)
        "awsmap.study.store.os.access",
        lambda p, mode: False if mode == os.W_OK else real_access(p, mode),
    )
    opened, notice = progress.open_store()
    assert notice is not None and "not saved" in notice and "read-only" in notice
    assert not opened.saved and [r.card_id for r in opened.reviews()] == ["a"]


def test_a_damaged_schema_is_exit_3_and_left_untouched(tmp_path: Path) -> None:
    assert awsmap(tmp_path, "quiz", "--count", "1", "--cram", stdin="rds\n").returncode == 0
    db = tmp_path / "state" / "progress.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE reviews")
    conn.commit()
    conn.close()  # checkpointed: the file holds everything now
    before = db.read_bytes()
    result = awsmap(tmp_path, "stats")
    assert result.returncode == ExitCode.DATA
    assert b"damaged" in result.stderr and db.read_bytes() == before


def test_a_missing_field_is_one_problem_each(tmp_path: Path) -> None:
    user = tmp_path / "v.yaml"
    user.write_text("technologies:\n  - id: x1\n    name: X One\n", encoding="utf-8")
    result = awsmap(tmp_path, "validate", str(user))
    lines = result.stdout.decode().strip().splitlines()
    assert result.returncode == ExitCode.DATA
    assert lines[-1] == "3 problems" and len(set(lines[:-1])) == 3


@pytest.mark.parametrize("columns", ["0", "5"])
def test_a_tiny_width_still_prints_answers_and_errors(tmp_path: Path, columns: str) -> None:
    found = awsmap(tmp_path, "lookup", "kafka", COLUMNS=columns)
    assert found.returncode == 0 and b"Apache Kafka" in found.stdout
    missing = awsmap(tmp_path, "lookup", "zzzqqq", COLUMNS=columns)
    assert missing.returncode == 1 and b"zzzqqq" in missing.stderr


def test_the_quiz_summary_escapes_the_state_path(tmp_path: Path) -> None:
    state = tmp_path / "st\x1b[31mx"
    result = awsmap(
        tmp_path, "quiz", "--count", "1", "--cram", stdin="rds\n", AWSMAP_STATE_DIR=str(state)
    )
    assert result.returncode == 0
    assert b"\x1b[31m" not in result.stdout and b"\\x1b[31m" in result.stdout


@pytest.mark.parametrize(
    ("table", "change"),
    [
        ("cards", "stability = 'abc'"),
        ("cards", "last_review = 'garbage'"),
        ("reviews", "rating = 'zz'"),
        ("reviews", "reviewed_at = 42"),
    ],
)
def test_wrong_field_types_in_progress_are_damaged_not_a_crash(
    tmp_path: Path, table: str, change: str
) -> None:
    path = tmp_path / "progress.sqlite3"
    store = Store.open(str(path))
    _one_review(store, "a")
    store.close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"UPDATE {table} SET {change}")
    before = path.read_bytes()
    result = invoke(["stats"], env={"AWSMAP_STATE_DIR": str(tmp_path)})
    assert result.exit_code == 3, result.stderr
    assert "damaged" in result.stderr and "left untouched" in result.stderr
    assert path.read_bytes() == before


def test_a_choice_of_five_thousand_digits_is_asked_again(tmp_path: Path) -> None:
    env = {"AWSMAP_STATE_DIR": str(tmp_path)}
    stdin = "9" * 5000 + "\n²\n1\n"
    result = invoke(["quiz", "--count", "1", "--cram", "--mode", "choice"], stdin=stdin, env=env)
    assert result.exit_code == 0, result.stderr
    assert "pick 1 to" in result.stdout + result.stderr


def test_an_export_name_too_long_is_one_line(tmp_path: Path) -> None:
    env = {"AWSMAP_STATE_DIR": str(tmp_path)}
    result = invoke(["export", "tsv", "-o", str(tmp_path / ("a" * 100_000))], env=env)
    assert result.exit_code == 74
    assert result.stderr.startswith("awsmap: error: cannot write") and "too long" in result.stderr
