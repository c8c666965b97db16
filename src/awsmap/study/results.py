"""What the study commands answer: a quiz's outcomes, stats, the progress file, an export.

``to_json`` of each is the JSON contract in the README (the quiz prints one ``Outcome`` per line:
JSON Lines).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from awsmap.study.model import RATING_WORDS, Outcome, Stats, Summary, Weak

if TYPE_CHECKING:
    from awsmap.study.drill import Answered

JSON = dict[str, Any]


def outcome_json(outcome: Outcome) -> JSON:
    card = outcome.card
    return {
        "card": card.id,
        "prompt": card.prompt,
        "answer": outcome.answer,
        "expected": card.answer,
        "rating": RATING_WORDS[outcome.verdict.rating],
        "due": outcome.due,
        "message": outcome.verdict.message,
        "kind": card.kind,
        "categories": list(card.categories),
    }


def drill_json(answered: Answered) -> JSON:
    """One role of a design drill, as one line of ``awsmap drill --json``."""
    outcome = answered.outcome
    return {
        "design": answered.design,
        "role": answered.role,
        "expected": outcome.card.answer,
        "answer": outcome.answer,
        "rating": RATING_WORDS[outcome.verdict.rating],
        "due": outcome.due,
        "card": outcome.card.id,
        "message": outcome.verdict.message,
        "seconds": round(answered.seconds, 1),
    }


def summary_json(summary: Summary) -> JSON:
    return {
        "reviewed": summary.reviewed,
        "planned": summary.planned,
        "ratings": {RATING_WORDS[k]: v for k, v in summary.ratings.items()},
        "saved": summary.saved,
        "interrupted": summary.interrupted,
    }


def weak_json(w: Weak) -> JSON:
    return {
        "card": w.card.id,
        "prompt": w.card.prompt,
        "retrievability": round(w.retrievability, 3),
        "lapses": w.lapses,
        "difficulty": None if w.difficulty is None else round(w.difficulty, 2),
        "due": w.due,
        "last_rating": RATING_WORDS.get(w.last_rating or 0),
        "leech": w.leech,
    }


class StatsResult(NamedTuple):
    stats: Stats
    saved: bool = True  # False: the progress file could not be opened for writing
    now: str = ""  # when the stats were computed (ISO 8601, UTC), for "due in 3 days"

    def to_json(self) -> JSON:
        s = self.stats
        return {
            "cards": s.cards,
            "seen": s.seen,
            "reviews": s.reviews,
            "due": {"today": s.due[0], "tomorrow": s.due[1], "week": s.due[2]},
            "retention": None if s.retention is None else round(s.retention, 3),
            "streak_days": s.streak_days,
            "calendar": [{"date": d, "reviews": n} for d, n in s.calendar],
            "by_category": [
                {
                    "id": c.id,
                    "name": c.name,
                    "cards": c.cards,
                    "seen": c.seen,
                    "mastered": c.mastered,
                }
                for c in s.by_category
            ],
            "weakest": [weak_json(w) for w in s.weakest],
            "leeches": [weak_json(w) for w in s.leeches],
            "drills": {"runs": s.drills, "reviews": s.drill_reviews},
        }


class ProgressResult(NamedTuple):
    """The progress file: where it is and what it holds; after a reset, where the backup is."""

    path: str
    exists: bool
    version: int | None
    size: int
    cards: int
    reviews: int
    last_review: str | None
    backup: str | None = None
    reset: bool = False

    def to_json(self) -> JSON:
        return {
            "path": self.path,
            "exists": self.exists,
            "schema_version": self.version,
            "bytes": self.size,
            "cards": self.cards,
            "reviews": self.reviews,
            "last_review": self.last_review,
            "backup": self.backup,
            "reset": self.reset,
        }


class ExportResult(NamedTuple):
    path: str
    format: str
    cards: int  # the cards of the selection (a cheat sheet lists entries, not cards)
    decks: tuple[str, ...] = ()
    entries: int = 0  # what the file holds: cards, or a cheat sheet's entries

    @property
    def unit(self) -> str:
        return "entry" if self.format == "markdown" else "card"

    def to_json(self) -> JSON:
        return {
            "path": self.path,
            "format": self.format,
            "cards": self.cards,
            "decks": list(self.decks),
            "entries": self.entries,
            "unit": self.unit,
        }
