"""Study mode end to end, through the real script: scripted sessions, Ctrl-C, two sessions at
once, a damaged database, resets and exports opened back."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import FLUME


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWSMAP_")}
    env.update(
        AWSMAP_STATE_DIR=str(tmp_path / "state"),
        AWSMAP_CACHE_DIR=os.environ["AWSMAP_CACHE_DIR"],
        COLUMNS="100",
    )
    env.update(extra)
    return env


def awsmap(
    tmp_path: Path, *args: str, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "awsmap", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=_env(tmp_path, **env),
        cwd=tmp_path,
        timeout=120,
        check=False,
    )


def test_a_scripted_session_then_stats(tmp_path: Path) -> None:
    quiz = awsmap(tmp_path, "quiz", "--count", "2", stdin="rds\n\n")
    assert quiz.returncode == 0, quiz.stderr
    assert "[1/2] PostgreSQL on AWS?" in quiz.stdout
    assert "answer> rds" in quiz.stdout and "good: right: Amazon RDS (managed)" in quiz.stdout
    assert "again: no answer" in quiz.stdout
    assert "2 reviewed: 1 again, 1 good · progress saved in" in quiz.stdout
    stats = json.loads(awsmap(tmp_path, "stats", "--json").stdout)
    assert stats["reviews"] == 2 and stats["seen"] == 2
    assert set(stats) >= {
        "cards", "seen", "reviews", "due", "retention", "streak_days", "calendar",
        "by_category", "weakest",
    }  # fmt: skip
    assert set(stats["due"]) == {"today", "tomorrow", "week"}
    assert len(stats["calendar"]) == 84 and stats["calendar"][-1]["reviews"] == 2
    assert stats["streak_days"] == 1


def test_json_lines_one_object_per_card(tmp_path: Path) -> None:
    quiz = awsmap(
        tmp_path, "quiz", "--count", "2", "--json", "--kind", "to-aws", stdin="rds\nkeyspaces\n"
    )
    lines = [json.loads(line) for line in quiz.stdout.splitlines()]
    assert [line["rating"] for line in lines] == ["good", "good"]
    assert set(lines[0]) >= {"card", "prompt", "answer", "expected", "rating", "due", "message"}
    assert lines[0]["card"] == "to-aws:postgresql:main"
    assert lines[0]["kind"] == "to-aws" and lines[0]["categories"] == ["databases"]
    assert "[1/2]" in quiz.stderr  # the conversation goes to stderr


def test_end_of_input_keeps_every_answer_given(tmp_path: Path) -> None:
    quiz = awsmap(tmp_path, "quiz", "--count", "5", stdin="rds\n")
    assert quiz.returncode == 0
    assert "1 reviewed: 1 good; 4 left for later" in quiz.stdout
    assert json.loads(awsmap(tmp_path, "stats", "--json").stdout)["reviews"] == 1


def test_ctrl_c_mid_session_keeps_what_was_answered(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "awsmap", "quiz", "--count", "5"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
        cwd=tmp_path,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("rds\n")
    proc.stdin.flush()
    seen = ""
    while "[2/5]" not in seen:  # the first answer is graded and saved, the second card is up
        seen += proc.stdout.readline()
    proc.send_signal(signal.SIGINT)
    out, _err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "1 reviewed: 1 good (interrupted)" in seen + out
    assert json.loads(awsmap(tmp_path, "stats", "--json").stdout)["reviews"] == 1


def test_two_sessions_at_once_lose_nothing(tmp_path: Path) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "awsmap", "quiz", "--count", "4", "--cram"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(tmp_path),
            cwd=tmp_path,
        )
        for _ in range(2)
    ]
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("rds\nkeyspaces\ndocumentdb\nelasticache\n")
        proc.stdin.flush()
    for proc in procs:
        proc.communicate(timeout=120)
        assert proc.returncode == 0
    assert json.loads(awsmap(tmp_path, "stats", "--json").stdout)["reviews"] == 8


def test_a_damaged_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir()
    db = state / "progress.sqlite3"
    db.write_bytes(b"\x00garbage" * 500)
    before = db.read_bytes()
    for args in (("quiz", "--count", "1"), ("stats",)):
        result = awsmap(tmp_path, *args, stdin="rds\n")
        assert result.returncode == 3
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(db) in lines[0] and "Move it aside" in lines[0]
        assert db.read_bytes() == before


def test_an_unwritable_state_directory_still_quizzes(tmp_path: Path) -> None:
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where a directory should be")
    result = awsmap(
        tmp_path, "quiz", "--count", "1", stdin="rds\n", AWSMAP_STATE_DIR=str(blocker / "x")
    )
    assert result.returncode == 0, result.stderr
    assert "progress is not saved" in result.stderr
    assert "progress NOT saved" in result.stdout


def test_progress_survives_a_data_update(tmp_path: Path) -> None:
    assert awsmap(tmp_path, "quiz", "--count", "1", "--cram", stdin="rds\n").returncode == 0
    changed = tmp_path / "pg.yaml"
    text = FLUME.replace("id: tributary", "id: postgresql").replace("[Tributary]", "[Postgres, pg]")
    changed.write_text(text.replace("Apache Tributary", "PostgreSQL"), encoding="utf-8")
    result = awsmap(
        tmp_path, "--data", str(changed), "quiz", "--count", "1", "--cram", stdin="firehose\n"
    )
    assert "(updated since you last saw it)" in result.stdout
    assert "PostgreSQL on AWS?" in result.stdout
    assert json.loads(awsmap(tmp_path, "stats", "--json").stdout)["reviews"] == 2


def test_reset_asks_and_keeps_a_backup(tmp_path: Path) -> None:
    awsmap(tmp_path, "quiz", "--count", "1", stdin="rds\n")
    refused = awsmap(tmp_path, "progress", "reset")
    assert refused.returncode == 2 and "--yes" in refused.stderr
    done = json.loads(awsmap(tmp_path, "progress", "reset", "--yes", "--json").stdout)
    assert done["reset"] and done["reviews"] == 0
    backup = Path(done["backup"])
    assert backup.exists()
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 1
    shown = json.loads(awsmap(tmp_path, "progress", "--json").stdout)
    assert shown["exists"] and shown["schema_version"] == 3


def _apkg_guids(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        inner = "collection.anki21" if "collection.anki21" in names else "collection.anki2"
        data = archive.read(inner)
    db = path.with_suffix(".sqlite3")
    db.write_bytes(data)
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT guid FROM notes"))


def test_anki_export_opens_back_with_stable_guids(tmp_path: Path) -> None:
    first = json.loads(awsmap(tmp_path, "export", "anki", "-o", "a.apkg", "--json").stdout)
    second = awsmap(tmp_path, "export", "anki", "-o", "b.apkg", "--category", "databases")
    assert second.returncode == 0
    guids = _apkg_guids(tmp_path / "a.apkg")
    assert len(guids) == first["cards"] == len(set(guids))
    assert set(_apkg_guids(tmp_path / "b.apkg")) < set(guids)
    again = awsmap(tmp_path, "export", "anki", "-o", "a.apkg")
    assert again.returncode == 2 and "--force" in again.stderr
    assert awsmap(tmp_path, "export", "anki", "-o", "a.apkg", "--force").returncode == 0
    assert _apkg_guids(tmp_path / "a.apkg") == guids
    assert "awsmap::Databases" in first["decks"]


def test_guid_matches_genanki() -> None:
    import genanki

    from awsmap.study.export import guid

    for card_id in ("to-aws:kafka:main", "relation:redis:elasticache", "x"):
        assert guid(card_id) == genanki.guid_for("awsmap", card_id)


def test_text_exports(tmp_path: Path) -> None:
    assert awsmap(tmp_path, "export", "tsv").returncode == 0
    lines = (tmp_path / "awsmap-cards.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["#separator:tab", "#html:false"]
    assert "#guid column:1" in lines and "#tags column:4" in lines
    header = [line for line in lines if line.startswith("#")]
    assert lines[: len(header)] == header  # Anki reads any later '#' line as a comment
    rows = list(csv.reader(lines[len(header) :], delimiter="\t"))
    assert all(len(row) == 4 for row in rows)
    assert awsmap(tmp_path, "export", "csv").returncode == 0
    table = list(csv.DictReader(io.StringIO((tmp_path / "awsmap-cards.csv").read_text())))
    assert table[0]["id"] == "to-aws:postgresql:main" and len(table) == len(rows)
    assert awsmap(tmp_path, "export", "markdown").returncode == 0
    sheet = (tmp_path / "awsmap-cheatsheet.md").read_text(encoding="utf-8")
    assert "## Databases" in sheet and "**Apache Kafka** → Amazon MSK (managed)" in sheet
    assert "## Retired AWS services" in sheet and "AWS App Mesh" in sheet


def test_quiz_options_are_checked(tmp_path: Path) -> None:
    assert awsmap(tmp_path, "quiz", "--mode", "oral").returncode == 2
    assert awsmap(tmp_path, "quiz", "--until", "next week").returncode == 2
    assert awsmap(tmp_path, "quiz", "--category", "bananas").returncode == 1


@pytest.mark.parametrize("mode", ["flip", "choice"])
def test_other_modes(tmp_path: Path, mode: str) -> None:
    answers = "\n3\n" if mode == "flip" else "1\n"
    result = awsmap(tmp_path, "quiz", "--mode", mode, "--count", "1", stdin=answers)
    assert result.returncode == 0, result.stderr
    assert "1 reviewed" in result.stdout
    if mode == "choice":
        assert "  4. " in result.stdout
