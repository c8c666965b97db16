"""The quiz's conversation: cards and verdicts out, answers in.

On a terminal the prompts are styled; with standard input from a pipe the same lines are printed
plainly, each answer echoed after its prompt, so a scripted session reads as a transcript. With
``--json`` standard output carries one JSON object per card reviewed (JSON Lines) and everything
meant for people goes to standard error.
"""

from __future__ import annotations

import contextlib
import sys
from typing import TextIO

from awsmap.base.errors import UsageError
from awsmap.base.text import safe
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
from awsmap.study.results import outcome_json, summary_json

MARKS = {1: "✗", 2: "~", 3: "✓", 4: "✓"}
LABELS = {
    "answer": "answer",
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
        if not self.typed:
            self._say(prompt + answer)
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
            self._say(f"  · {card.detail}")
        if self.as_json:
            console.write_stdout(line(outcome_json(outcome)))


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
