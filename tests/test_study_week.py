"""Study mode through standard input, in process (fast): a scripted week, selection by kind, the
new-card cap said out loud, an interview date in the past, choice numbers out of range."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from tests.harness import invoke

DAY0 = date(2026, 12, 1)


def _now(day: int) -> dict[str, str]:
    return {"AWSMAP_NOW": f"{(DAY0 + timedelta(days=day)).isoformat()}T09:00:00Z"}


def test_a_scripted_week_meets_every_kind_of_card_early() -> None:
    """Seven daily sessions of 20 cards: at least five kinds in the first three, every answer
    saved (self-graded cards take a second line, the grade; every line here is "3")."""
    kinds_by_day: list[set[str]] = []
    reviewed = 0
    for day in range(7):
        args = ["quiz", "--count", "20", "--new", "20", "--json"]
        result = invoke(args, stdin="3\n" * 60, env=_now(day))
        assert result.exit_code == 0, result.stderr
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        assert len(lines) == 20
        kinds_by_day.append({line["kind"] for line in lines})
        reviewed += len(lines)
    assert len(set().union(*kinds_by_day[:3])) >= 5
    assert len(kinds_by_day[0]) >= 5
    stats = json.loads(invoke(["stats", "--json"], env=_now(6)).stdout)
    assert stats["reviews"] == reviewed == 140


def test_kind_is_repeatable_and_category_reaches_every_kind() -> None:
    args = ["quiz", "--count", "12", "--new", "12", "--json", "--kind", "number"]
    result = invoke([*args, "--kind", "successor"], stdin="\n" * 12, env=_now(0))
    kinds = {json.loads(line)["kind"] for line in result.stdout.splitlines()}
    assert kinds == {"number", "successor"}, result.stderr
    practice = ["quiz", "--kind", "practice", "--category", "databases", "--json", "--new", "20"]
    found = invoke([*practice, "-n", "1"], stdin="\n1\n", env=_now(0))
    assert json.loads(found.stdout)["kind"] == "practice", found.stderr
    bad = invoke(["quiz", "--kind", "flashcard"], env=_now(0))
    assert bad.exit_code == 2 and "--kind is one of" in bad.stderr


def test_a_count_above_the_new_card_cap_says_so() -> None:
    result = invoke(["quiz", "--count", "12", "--new", "5"], stdin="", env=_now(0))
    assert "5 of the 12 cards asked for: new cards are capped at 5 a day" in result.stderr


def test_an_interview_date_in_the_past_is_a_usage_error() -> None:
    result = invoke(["quiz", "--until", "2020-01-01"], env=_now(0))
    assert result.exit_code == 2 and "in the past" in result.stderr
    assert (
        invoke(["quiz", "--until", "2026-12-01", "-n", "1"], stdin="", env=_now(0)).exit_code == 0
    )


def test_a_choice_out_of_range_is_asked_again() -> None:
    args = ["quiz", "--mode", "choice", "--kind", "to-aws", "-n", "1"]
    result = invoke(args, stdin="7\n0\n2\n", env=_now(0))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("pick 1 to 4, or type the answer") == 2
    assert "1 reviewed" in result.stdout


def _failed(card: str, times: int) -> None:
    """A card reviewed once, then failed ``times`` times, in the progress of this test."""
    import os

    from awsmap.study import schedule
    from awsmap.study.records import Review
    from awsmap.study.store import Store

    store = Store.open(os.path.join(os.environ["AWSMAP_STATE_DIR"], "progress.sqlite3"))
    state = None
    for n in range(times + 1):
        moment = datetime(2026, 11, 1 + n, 9, tzinfo=timezone.utc)
        rating = 3 if n == 0 else 1
        state = schedule.review(card, state, rating, moment, "d", fuzz=False)
        store.record(state, Review(card, rating, "x", state.last_review or "", 100, "type"))
    store.close()


def test_a_leech_is_skipped_listed_and_studied_on_request() -> None:
    _failed("to-aws:postgresql:main", 6)
    _failed("to-aws:cassandra:main", 4)
    args = ["quiz", "--kind", "to-aws", "--cram", "-n", "2", "--json"]
    skipped = invoke(args, stdin="\n\n", env=_now(0))
    cards = [json.loads(line)["card"] for line in skipped.stdout.splitlines()]
    assert "to-aws:postgresql:main" not in cards and "to-aws:cassandra:main" in cards
    stats = json.loads(invoke(["stats", "--json"], env=_now(0)).stdout)
    assert [w["card"] for w in stats["leeches"]] == ["to-aws:postgresql:main"]
    first = stats["weakest"][0]
    assert first["card"] == "to-aws:postgresql:main" and first["lapses"] == 6 and first["leech"]
    assert stats["weakest"][1]["lapses"] == 5 and not stats["weakest"][1]["leech"]  # +1 now
    assert all(w["due"] and w["difficulty"] for w in stats["weakest"])
    text = invoke(["stats"], env=_now(0)).stdout
    assert "Leeches" in text and "100%" not in text  # a card just failed is never "Recall 100%"
    studied = invoke(["quiz", "--leeches", "-n", "1"], stdin="rds\n", env=_now(0))
    assert "PostgreSQL on AWS?" in studied.stdout and "(leech: failed 6 times)" in studied.stdout


def test_exports_carry_every_kind_with_kind_and_category_tags(tmp_path: Path) -> None:
    import sqlite3
    import zipfile

    deck = tmp_path / "db.apkg"
    assert invoke(["export", "anki", "-o", str(deck), "--category", "databases"]).exit_code == 0
    with zipfile.ZipFile(deck) as archive:
        (tmp_path / "c.sqlite3").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "c.sqlite3") as conn:
        tags = [r[0].split() for r in conn.execute("SELECT tags FROM notes")]
    kinds = {t[0] for t in tags}
    assert {"awsmap::number", "awsmap::pattern", "awsmap::practice"} <= kinds
    assert all("databases" in t for t in tags)
    tsv = tmp_path / "c.tsv"
    assert invoke(["export", "tsv", "-o", str(tsv)]).exit_code == 0
    rows = [line.split("\t") for line in tsv.read_text().splitlines() if line[0] != "#"]
    number = next(r for r in rows if r[1] == "DynamoDB: maximum item size?")
    assert number[2].startswith("400 KB · ") and number[3].split()[0] == "awsmap::number"
    sheet = invoke(["export", "markdown", "-o", str(tmp_path / "s.md"), "--json"])
    written = json.loads(sheet.stdout)
    assert written["unit"] == "entry" and 0 < written["entries"] < written["cards"]
    text = invoke(["export", "markdown", "-o", str(tmp_path / "s.md"), "--force"]).stdout
    assert f"(markdown, {written['entries']} entries)" in text
