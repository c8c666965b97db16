"""Progress in numbers, from the card states and the review log (no plotting dependency)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta

from awsmap.study.model import AGAIN, DRILL, HARD, Card, CategoryMastery, Stats, Weak
from awsmap.study.records import CardState, Review, now_iso
from awsmap.study.schedule import retrievability

CALENDAR_DAYS = 84  # twelve weeks
RETENTION_DAYS = 30
MATURE_DAYS = 21.0  # a card whose stability reaches three weeks counts as mastered
WEAKEST = 5


def compute(
    cards: Sequence[Card],
    states: dict[str, CardState],
    reviews: Sequence[Review],
    categories: dict[str, str],
    moment: datetime,
    lapses: dict[str, int] | None = None,
    drills: int = 0,
) -> Stats:
    """``lapses``: each card's lapses (``Store.lapses``); ``drills``: design drills run."""
    known = {c.id for c in cards}
    states = {k: v for k, v in states.items() if k in known}
    weak = _weakest(cards, states, reviews, moment, lapses or {})
    per_day = Counter(r.reviewed_at[:10] for r in reviews)
    today = moment.date()
    calendar = tuple(
        (
            (today - timedelta(days=n)).isoformat(),
            per_day.get((today - timedelta(days=n)).isoformat(), 0),
        )
        for n in range(CALENDAR_DAYS - 1, -1, -1)
    )
    return Stats(
        cards=len(cards),
        seen=len(states),
        reviews=len(reviews),
        due=next_due(states, moment),
        retention=_retention(reviews, moment),
        streak_days=_streak(per_day, moment),
        calendar=calendar,
        by_category=_mastery(cards, states, categories),
        weakest=weak[:WEAKEST],
        leeches=tuple(w for w in weak if w.leech),
        drills=drills,
        drill_reviews=sum(1 for r in reviews if r.mode == DRILL),
    )


def _retention(reviews: Sequence[Review], moment: datetime) -> float | None:
    since = now_iso(moment - timedelta(days=RETENTION_DAYS))
    first: set[str] = set()
    passed = total = 0
    for r in reviews:  # oldest first: a card's first review is learning, not recall
        if r.card_id not in first:
            first.add(r.card_id)
            continue
        if r.reviewed_at >= since:
            total += 1
            passed += r.rating != AGAIN
    return passed / total if total else None


def _streak(per_day: Counter[str], moment: datetime) -> int:
    day = moment.date()
    if not per_day.get(day.isoformat()):
        day -= timedelta(days=1)  # a streak survives until today is over
    streak = 0
    while per_day.get(day.isoformat()):
        streak += 1
        day -= timedelta(days=1)
    return streak


def _mastery(
    cards: Sequence[Card], states: dict[str, CardState], categories: dict[str, str]
) -> tuple[CategoryMastery, ...]:
    out = []
    by_category: dict[str, list[Card]] = {cat_id: [] for cat_id in categories}
    for card in cards:  # one pass over the deck, not one per category (thousands of cards)
        for cat_id in card.categories:
            if cat_id in by_category:
                by_category[cat_id].append(card)
    for cat_id, name in categories.items():
        mine = by_category[cat_id]
        if not mine:
            continue
        seen = [states[c.id] for c in mine if c.id in states]
        mastered = sum((s.stability or 0) >= MATURE_DAYS for s in seen)
        out.append(CategoryMastery(cat_id, name, len(mine), len(seen), mastered))
    return tuple(out)


def _weakest(
    cards: Sequence[Card],
    states: dict[str, CardState],
    reviews: Sequence[Review],
    moment: datetime,
    lapses: dict[str, int],
) -> tuple[Weak, ...]:
    """Every card ever failed or found hard, the weakest first: most lapses, then hardest (FSRS
    difficulty), then least likely recalled, with when each is due."""
    last = {r.card_id: r for r in reviews}  # oldest first: the latest review of each card wins
    failed = {r.card_id for r in reviews if r.rating <= HARD} | set(lapses)
    by_id = {c.id: c for c in cards}
    ranked = sorted(
        (
            Weak(
                by_id[i],
                retrievability(s, moment),
                lapses.get(i, 0),
                s.difficulty,
                s.due,
                last[i].rating if i in last else None,
                last[i].reviewed_at if i in last else "",
            )
            for i, s in states.items()
            if i in failed
        ),
        key=lambda w: (-w.lapses, -(w.difficulty or 0), w.retrievability, w.card.id),
    )
    return tuple(ranked)


def next_due(states: dict[str, CardState], moment: datetime) -> tuple[int, int, int]:
    """Cards due today, tomorrow and within the week (counting from the start of today)."""
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    bounds = [now_iso(day + timedelta(days=n)) for n in (1, 2, 7)]
    dues = [s.due for s in states.values()]
    return (
        sum(d < bounds[0] for d in dues),
        sum(bounds[0] <= d < bounds[1] for d in dues),
        sum(d < bounds[2] for d in dues),
    )
