"""The rows of the progress database as records: a card's scheduling state, one review, one
design drill; and the one time format they are written in."""

from datetime import datetime, timezone
from typing import NamedTuple


class CardState(NamedTuple):
    card_id: str
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: str  # ISO 8601, UTC
    last_review: str | None
    content_hash: str | None
    first_seen: str | None


class Review(NamedTuple):
    card_id: str
    rating: int
    answer: str | None
    reviewed_at: str
    duration_ms: int | None
    mode: str | None


class Drill(NamedTuple):
    design: str
    started_at: str
    minutes: int | None  # the clock it ran against, if any
    roles: int
    answered: int
    seconds: float


def now_iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")
