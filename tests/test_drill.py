"""The design drill: roles asked through standard input, graded, scheduled in the progress
database (each answer saved as given), the design due next, the clock, JSON Lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from awsmap.catalog.reader import Catalog
from awsmap.study import drill
from awsmap.study.model import AGAIN, GOOD, HARD
from awsmap.study.records import CardState
from awsmap.study.store import Store
from tests.harness import invoke

NOW = {"AWSMAP_NOW": "2026-12-01T09:00:00Z"}
T0 = datetime(2026, 12, 1, 9, tzinfo=timezone.utc)
URL_ANSWERS = "cloudfront\napi gateway\nlambda\ndynamodb\nelasticache\n\nkinesis\nathena\n"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.open()


def test_a_drill_through_standard_input(tmp_path: Path) -> None:
    result = invoke(["drill", "url-shortener"], stdin=URL_ANSWERS, env=NOW)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Design drill: URL shortener\n")
    assert "Open source, by role:\n  CDN edge cache (Varnish Cache)\n" in out
    assert "[5/8] Redirect cache (Redis)\naws> elasticache\n  ✓ good" in out
    assert "aws> kinesis\n  ~ hard: Amazon Kinesis Data Streams is analogous" in out
    assert "On AWS: URL shortener\n  CDN edge cache: Amazon CloudFront\n" in out
    assert "Trade-offs\n  - DynamoDB vs Aurora" in out
    assert "8 of 8 roles: 1 again, 1 hard, 6 good · progress saved in" in out
    store = Store.open(Path(os.environ["AWSMAP_STATE_DIR"]) / "progress.sqlite3")
    reviews = store.reviews()
    assert [r.mode for r in reviews] == ["drill"] * 8
    assert reviews[0].card_id == "drill:url-shortener:edge"
    assert [(d.design, d.roles, d.answered) for d in store.drills()] == [("url-shortener", 8, 8)]
    assert "drill:url-shortener:edge" in store.states()


def test_drill_json_lines_one_object_per_role() -> None:
    result = invoke(["drill", "url-shortener", "--json"], stdin="cloudfront\nnope\n", env=NOW)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2
    assert set(lines[0]) >= {"design", "role", "expected", "answer", "rating", "due"}
    assert lines[0]["design"] == "url-shortener" and lines[0]["role"] == "CDN edge cache"
    assert lines[0]["expected"] == "Amazon CloudFront" and lines[0]["rating"] == "good"
    assert lines[1]["rating"] == "again"
    assert "[1/8] CDN edge cache" in result.stderr  # the conversation goes to stderr


def test_a_practice_question_is_drilled_on_its_architecture(catalog: Catalog) -> None:
    found = drill.design(catalog, ["realtime-analytics-dashboard"])
    assert found.id == "real-time-analytics"
    assert found.prompt.startswith("Design a real-time analytics dashboard")


def test_any_reference_service_counts_and_analogous_is_hard(catalog: Catalog) -> None:
    from awsmap.study.grading import grade

    roles = {c.id: c for c in drill.design(catalog, ["microservices-stack"]).roles}
    metrics = roles["drill:microservices-stack:metrics"]
    assert grade(catalog, metrics, "amazon managed service for prometheus").rating == GOOD
    assert grade(catalog, metrics, "cloudwatch").rating == HARD  # a managed one exists
    platform = roles["drill:microservices-stack:platform"]
    assert grade(catalog, platform, "eks").rating == GOOD
    assert grade(catalog, platform, "sqs").rating == AGAIN
    shortener = drill.design(catalog, ["url-shortener"]).roles[2]
    assert grade(catalog, shortener, "lambda").rating == GOOD  # the reference, no relation


def test_drill_alone_picks_the_design_due_next(catalog: Catalog) -> None:
    found = drill.designs(catalog)
    first, second = found[0], found[1]

    def state(card_id: str, due: datetime) -> CardState:
        return CardState(card_id, 2, None, 3.0, 5.0, due.isoformat(), T0.isoformat(), None, None)

    assert drill.due_next(found, {}, T0) == first  # nothing drilled: the first design
    later = {c.id: state(c.id, T0 + timedelta(days=3)) for c in first.roles}
    assert drill.due_next(found, later, T0) == second  # not due yet: a design never drilled
    overdue = {**later, second.roles[0].id: state(second.roles[0].id, T0 - timedelta(days=1))}
    assert drill.due_next(found, overdue, T0) == second
    everything = {c.id: state(c.id, T0 + timedelta(days=9)) for d in found for c in d.roles}
    everything[first.roles[0].id] = state(first.roles[0].id, T0 + timedelta(days=2))
    assert drill.due_next(found, everything, T0) == first  # the next to come due


class Learner:
    """Answers from a list; the clock moves ``pace`` seconds per answer."""

    def __init__(self, answers: list[str], clock: list[float], pace: float = 0.0) -> None:
        self.answers, self.clock, self.pace = list(answers), clock, pace
        self.asked: list[drill.Asked] = []

    def intro(self, design: drill.Design, minutes: int | None) -> None:
        pass

    def ask_role(self, asked: drill.Asked) -> str | None:
        self.asked.append(asked)
        self.clock[0] += self.pace
        if self.answers and self.answers[0] == "^C":
            raise KeyboardInterrupt
        return self.answers.pop(0) if self.answers else None

    def answered(self, answered: drill.Answered, timed: bool) -> None:
        pass

    def reveal_design(self, design: drill.Design) -> None:
        pass


def _tick(clock: list[float]) -> Callable[[], float]:
    return lambda: clock[0]


def test_against_the_clock_time_per_role_and_time_up(catalog: Catalog, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.sqlite3")
    clock = [0.0]
    learner = Learner(["cloudfront"] * 8, clock, pace=25.0)
    chosen = drill.design(catalog, ["url-shortener"])
    summary = drill.run(catalog, store, chosen, learner, lambda: T0, 1, _tick(clock))
    assert [a.seconds for a in summary.answered] == [25.0, 25.0, 25.0]
    assert summary.out_of_time and len(store.reviews()) == 3
    assert learner.asked[1].seconds_left == 35.0


def test_an_interrupted_drill_keeps_every_answer_given(catalog: Catalog, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.sqlite3")
    learner = Learner(["cloudfront", "api gateway", "^C"], [0.0])
    chosen = drill.design(catalog, ["url-shortener"])
    summary = drill.run(catalog, store, chosen, learner, lambda: T0)
    assert summary.interrupted and len(summary.answered) == 2
    assert [r.answer for r in store.reviews()] == ["cloudfront", "api gateway"]


def test_the_first_prompt_needs_no_scheduler_fuzzy_matcher_or_typer(tmp_path: Path) -> None:
    """What makes the first role appear as fast as a lookup: nothing heavy is imported first."""
    probe = (
        "import sys, runpy; sys.argv = ['awsmap', 'drill', 'url-shortener']\n"
        "try:\n    runpy.run_module('awsmap', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = [m for m in ('fsrs', 'rapidfuzz', 'typer', 'genanki') if m in sys.modules]\n"
        "sys.stderr.write('HEAVY=' + ','.join(heavy))"
    )
    env = {**os.environ, "AWSMAP_STATE_DIR": str(tmp_path / "state"), **NOW}
    result = subprocess.run(
        [sys.executable, "-c", probe],
        input="",
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert "[1/8] CDN edge cache" in result.stdout, result.stderr
    assert result.stderr.endswith("HEAVY="), result.stderr


def test_the_reveal_shows_the_walkthrough_when_the_design_has_one(catalog: Catalog) -> None:
    import io

    from awsmap.catalog.designs import Walkthrough
    from awsmap.render.quiz import TextUi

    found = drill.design(catalog, ["url-shortener"])
    steps = Walkthrough(("100M new links a month",), ("40 writes/s",), ("POST /links",), (), (), ())
    found = found._replace(architecture=found.architecture._replace(walkthrough=steps))
    out = io.StringIO()
    TextUi(out, io.StringIO()).reveal_design(found)
    text = out.getvalue()
    assert (
        "Walk-through\n  1. Requirements\n    - 100M new links a month\n"
        "  2. Estimates\n    - 40 writes/s\n  3. API\n    - POST /links\n\nTrade-offs" in text
    )
    assert text.index("Walk-through") < text.index("Trade-offs")


def test_a_drill_does_not_use_up_the_new_cards_of_the_day() -> None:
    assert invoke(["drill", "url-shortener"], stdin=URL_ANSWERS, env=NOW).exit_code == 0
    quiz = invoke(["quiz", "--count", "3", "--new", "3", "--json"], stdin="\n\n\n", env=NOW)
    assert len(quiz.stdout.splitlines()) == 3, quiz.stderr
