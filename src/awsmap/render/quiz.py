"""The quiz's conversation: cards and verdicts out, answers in.

On a terminal the prompts are styled; with standard input from a pipe the same lines are printed
plainly, each answer echoed after its prompt, so a scripted session reads as a transcript. With
``--json`` standard output carries one JSON object per card reviewed (JSON Lines) and everything
meant for people goes to standard error.
"""

from __future__ import annotations

import contextlib
import sys
from collections import Counter
from typing import TYPE_CHECKING, TextIO

from awsmap.base.errors import UsageError
from awsmap.base.text import quoted, safe
from awsmap.render import console
from awsmap.render.as_json import line
from awsmap.study.model import (
    QUANTITY,
    RATING_WORDS,
    RESOLVE,
    WORD,
    Card,
    Outcome,
    Shown,
    Summary,
    until_due,
)
from awsmap.study.results import drill_json, outcome_json, summary_json

if TYPE_CHECKING:
    from awsmap.study.drill import Answered, Asked, Design, DrillSummary

MARKS = {1: "✗", 2: "~", 3: "✓", 4: "✓"}
LABELS = {
    "answer": "answer",
    "aws": "aws",
    "outline": "outline (or Enter to see the key points)",
    "grade": "grade [1 again, 2 hard, 3 good, 4 easy]",
}
GRADED = (RESOLVE, WORD, QUANTITY)  # graded from the answer: the reason follows the verdict


class TextUi:
    """Plain lines on ``out``; answers read from ``source`` (standard input)."""

    def __init__(self, out: TextIO, source: TextIO, as_json: bool = False) -> None:
        self.out = out
        self.source = source
        self.as_json = as_json
        self.typed = source.isatty()

    def session(self) -> TextUi:
        """The conversation itself (``study.session.Ui``)."""
        return self

    def finish(self, summary: Summary, where: str | None) -> None:
        """The closing line: what was reviewed and where it was saved."""
        self.out.write("\n" + safe(summary_text(summary, where)) + "\n")  # a path is data

    def _say(self, text: str = "") -> None:
        self.out.write(safe(text) + "\n")
        self.out.flush()

    def show(self, shown: Shown) -> None:
        updated = "  (updated since you last saw it)" if shown.updated else ""
        leech = f"  (leech: failed {shown.leech} times)" if shown.leech else ""
        self._say()
        self._say(f"[{shown.number}/{shown.total}] {shown.card.prompt}{updated}{leech}")
        for i, option in enumerate(shown.options, 1):
            self._say(f"  {i}. {option}")

    def ask(self, label: str) -> str | None:
        prompt = f"{LABELS.get(label, label)}> "
        if self.typed:
            self.out.write(prompt)
            self.out.flush()
        text = self.source.readline()
        if not text:
            if self.typed:
                self._say()
            return None
        answer = text.rstrip("\r\n")
        if not self.typed:  # echo a piped answer, escaped and cut like any echoed input
            self._say(prompt + quoted(answer)[1:-1])
        return answer

    def ask_again(self, why: str) -> None:
        self._say(f"  {why}")

    def reveal(self, card: Card) -> None:
        for part in card.back.split("\n"):
            self._say(f"  → {part}")

    def outcome(self, outcome: Outcome) -> None:
        verdict = outcome.verdict
        word = RATING_WORDS[verdict.rating]
        self._say(
            f"  {MARKS[verdict.rating]} {word}: {verdict.message} · "
            f"again in {until_due(outcome.due, outcome.reviewed_at)}"
        )
        card = outcome.card
        if card.detail and card.grading in GRADED:  # why, once the answer is graded
            self._wrapped(card.detail, "  · ", "    ")
        if self.as_json:
            console.write_stdout(line(outcome_json(outcome)))

    def drill(self) -> TextUi:
        """The design drill's conversation (``study.drill.DrillUi``)."""
        return self

    def intro(self, design: Design, minutes: int | None) -> None:
        self._say(f"Design drill: {design.name}" + (f" · {minutes} min" if minutes else ""))
        self._wrapped(design.prompt, "", "")
        self._say()
        self._say("Open source, by role:")
        for card in design.roles:
            self._say(f"  {card.prompt}")
        self._say()
        self._say("Name the AWS service of each role, one a line (empty: I don't know).")

    def ask_role(self, asked: Asked) -> str | None:
        clock = ""
        if asked.seconds_left is not None:
            clock = f"  ({duration(asked.seconds_left)} left)"
        self._say()
        self._say(f"[{asked.number}/{asked.total}] {asked.card.prompt}{clock}")
        return self.ask("aws")

    def answered(self, answered: Answered, timed: bool) -> None:
        outcome = answered.outcome
        verdict = outcome.verdict
        took = f" · {duration(answered.seconds)}" if timed else ""
        self._say(
            f"  {MARKS[verdict.rating]} {RATING_WORDS[verdict.rating]}: {verdict.message}{took} · "
            f"again in {until_due(outcome.due, outcome.reviewed_at)}"
        )
        if self.as_json:
            console.write_stdout(line(drill_json(answered)))

    def _wrapped(self, text: str, first: str, rest: str) -> None:
        """One item wrapped to the width of the terminal (or ``COLUMNS``), its lines indented."""
        import textwrap

        width = console.text_width()
        self._say(textwrap.fill(" ".join(text.split()), width, initial_indent=first,
                                subsequent_indent=rest, break_on_hyphens=False))  # fmt: skip

    def reveal_design(self, design: Design) -> None:
        self._say()
        self._say(f"On AWS: {design.name}")
        for card in design.roles:
            self._wrapped(f"{design.role(card)}: {card.answer}", "  ", "    ")
            if card.detail:
                self._wrapped(card.detail, "    ", "    ")
        steps = design.architecture.walkthrough
        if steps is not None:
            self._say()
            self._say("Walk-through")
            for title, items in steps.steps():
                if items:
                    self._say(f"  {title}")
                for item in items:
                    self._wrapped(item, "    - ", "      ")
        if design.architecture.tradeoffs:
            self._say()
            self._say("Trade-offs")
            for item in design.architecture.tradeoffs:
                self._wrapped(item, "  - ", "    ")

    def finish_drill(self, summary: DrillSummary, where: str | None) -> None:
        ratings = Counter(a.outcome.verdict.rating for a in summary.answered)
        counts = ", ".join(f"{ratings[r]} {RATING_WORDS[r]}" for r in sorted(ratings))
        roles = len(summary.design.roles)
        done = f"{len(summary.answered)} of {roles} roles" + (f": {counts}" if counts else "")
        if summary.minutes:
            each = summary.seconds / len(summary.answered) if summary.answered else 0
            done += f" in {duration(summary.seconds)} ({duration(each)} a role)"
        if summary.out_of_time:
            done += "; time is up"
        if summary.interrupted:
            done += " (interrupted)"
        saved = f"progress saved in {where}" if where else "progress NOT saved"
        self.out.write("\n" + safe(f"{done} · {saved}") + "\n")


def duration(seconds: float) -> str:
    """'45 s', '2 min 10 s'."""
    whole = max(0, round(seconds))
    if whole < 60:
        return f"{whole} s"
    return f"{whole // 60} min" + (f" {whole % 60} s" if whole % 60 else "")


def summary_text(summary: Summary, where: str | None) -> str:
    counts = ", ".join(f"{n} {RATING_WORDS[r]}" for r, n in summary.ratings.items() if n)
    done = f"{summary.reviewed} reviewed" + (f": {counts}" if counts else "")
    if summary.interrupted:
        done += " (interrupted)"
    if summary.reviewed < summary.planned and not summary.interrupted:
        done += f"; {summary.planned - summary.reviewed} left for later"
    saved = f"progress saved in {where}" if where else "progress NOT saved"
    return f"{done} · {saved}"


def make_ui(as_json: bool) -> TextUi:
    """People read standard output, unless --json claims it for JSON Lines. Answers that are not
    valid UTF-8 are read with replacement characters (graded as typed), never a crash."""
    if sys.stdin is None:
        raise UsageError("standard input is closed: the quiz reads your answers from it")
    with contextlib.suppress(AttributeError, ValueError, OSError):
        sys.stdin.reconfigure(errors="replace")  # type: ignore[union-attr]
    return TextUi(sys.stderr if as_json else sys.stdout, sys.stdin, as_json)


__all__ = ["TextUi", "make_ui", "summary_json", "summary_text"]
