"""Scheduling with FSRS (the ``fsrs`` package, default parameters), behind one small function.

fsrs costs about 50 ms to import, so it is imported here only, on the first review, never for
listing or showing a card. ``until`` caps every interval so that each card comes round again before
the interview date.
"""

from __future__ import annotations

import zlib
from datetime import date, datetime, timezone
from typing import Any

from awsmap.study.records import CardState, now_iso

DEFAULT_RETENTION = 0.9


def numeric_id(card_id: str) -> int:
    """fsrs wants an int id; a stable one from the card's string id (no 1 ms sleep per card)."""
    return zlib.crc32(card_id.encode()) + 1


def review(
    card_id: str,
    previous: CardState | None,
    rating: int,
    moment: datetime,
    digest: str,
    retention: float = DEFAULT_RETENTION,
    until: date | None = None,
    fuzz: bool = True,
) -> CardState:
    """The card's state after one review at ``moment`` (timezone-aware)."""
    import fsrs

    days_left = (until - moment.date()).days if until else None
    scheduler = fsrs.Scheduler(
        desired_retention=retention,
        maximum_interval=max(1, days_left) if days_left is not None else 36500,
        enable_fuzzing=fuzz,
    )
    card = _to_fsrs(fsrs, card_id, previous)
    updated, _log = scheduler.review_card(card, fsrs.Rating(rating), review_datetime=moment)
    due = updated.due
    if until is not None:  # never past the interview date, whatever the learning steps say
        cap = datetime(until.year, until.month, until.day, tzinfo=timezone.utc)
        due = min(due, max(cap, moment))
    return CardState(
        card_id,
        int(updated.state),
        updated.step,
        updated.stability,
        updated.difficulty,
        now_iso(due),
        now_iso(moment),
        digest,
        previous.first_seen if previous and previous.first_seen else now_iso(moment),
    )


# FSRS-6's forgetting curve with the default parameters: R(t, S) = (1 + F * t / S) ** D, where
# D = -w20 and F = 0.9 ** (1 / D) - 1, t in whole days. Computed here rather than through fsrs so
# that stats and cramming need not import it; a test pins it to fsrs's own result.
DECAY = -0.1542
FACTOR = 0.9 ** (1 / DECAY) - 1


def retrievability(state: CardState, moment: datetime) -> float:
    """The probability of recalling the card at ``moment`` (0.0 for a card never reviewed, as
    fsrs says)."""
    if state.last_review is None or not state.stability:
        return 0.0
    elapsed = max(0, (moment - datetime.fromisoformat(state.last_review)).days)
    return float((1 + FACTOR * elapsed / state.stability) ** DECAY)


def _to_fsrs(fsrs: Any, card_id: str, state: CardState | None) -> Any:
    if state is None:
        return fsrs.Card(card_id=numeric_id(card_id))
    return fsrs.Card(
        card_id=numeric_id(card_id),
        state=fsrs.State(state.state),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=datetime.fromisoformat(state.due),
        last_review=datetime.fromisoformat(state.last_review) if state.last_review else None,
    )
