"""A quiz session: which cards to show, how each answer is graded, and saving every review.

The session talks to the learner only through a :class:`Ui` (given by the command), so the same
loop serves a terminal, piped standard input and JSON Lines output, and the tests drive it with a
script of answers. Every review is committed before the next card is shown.
"""

import random
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import NamedTuple, Protocol

from awsmap.catalog.kinds import BY_KEY
from awsmap.catalog.reader import Catalog
from awsmap.study import schedule
from awsmap.study.grading import RELATION_WORDS, grade, self_rating
from awsmap.study.model import AGAIN, RESOLVE, SELF, WORD, Card, Outcome, Shown, Summary, Verdict
from awsmap.study.store import CardState, Review, Store, now_iso

MODES = ("type", "flip", "choice")
CHOICES = 4


class Settings(NamedTuple):
    mode: str = "type"
    size: int = 20  # cards in the session
    new: int = 10  # new cards a day
    category: str | None = None  # category id
    cram: bool = False
    retention: float = schedule.DEFAULT_RETENTION
    until: date | None = None
    fuzz: bool = True


class Ui(Protocol):
    def show(self, shown: Shown) -> None: ...
    def ask(self, label: str) -> str | None: ...  # None: the learner is gone (end of input)
    def reveal(self, card: Card) -> None: ...  # the model answer of a self-graded card
    def outcome(self, outcome: Outcome) -> None: ...


def plan(
    cards: Sequence[Card],
    states: dict[str, CardState],
    new_today: int,
    settings: Settings,
    moment: datetime,
    strength: Callable[[CardState], float],
) -> list[Card]:
    """Due cards (oldest first), then new ones up to today's allowance; or, cramming, the
    weakest seen cards first whatever their due date, then new ones."""
    pool = [c for c in cards if settings.category is None or settings.category in c.categories]
    seen = [c for c in pool if c.id in states]
    fresh = [c for c in pool if c.id not in states]
    if settings.cram:
        weakest = sorted(seen, key=lambda c: (strength(states[c.id]), c.id))
        return (weakest + fresh)[: settings.size]
    now = now_iso(moment)
    due = sorted((c for c in seen if states[c.id].due <= now), key=lambda c: states[c.id].due)
    allowance = max(0, settings.new - new_today)
    return (due + fresh[:allowance])[: settings.size]


def distractors(cards: Sequence[Card]) -> dict[str, dict[str, str]]:
    """For each (card kind, category): the answers of cards of that kind in that category, so
    that wrong choices are plausible (other databases' services for a database card)."""
    pools: dict[str, dict[str, str]] = {}
    for card in cards:
        for cat in card.categories or ("",):
            pool = pools.setdefault(f"{card.kind}:{cat}", {})
            pool.update((a.id, a.name) for a in card.accepted)
    return pools


def options_for(
    card: Card, pools: dict[str, dict[str, str]], names: dict[str, str]
) -> tuple[str, ...]:
    """Four choices (or the three relation words), the same for a card every time: wrong ones
    from the answers of related cards first, then from every name of the answer's kind."""
    if card.grading == WORD:
        return RELATION_WORDS
    right = {a.id for a in card.accepted}
    rng = random.Random(card.id)
    related: dict[str, str] = {}
    for cat in card.categories or ("",):
        related.update(pools.get(f"{card.kind}:{cat}", {}))
    picked: list[str] = []
    for pool in (related, names):
        wrong = sorted(set(pool) - right - set(picked))
        take = min(CHOICES - 1 - len(picked), len(wrong))
        picked += rng.sample(wrong, take) if take > 0 else []
    choices = [card.accepted[0].name, *(related.get(i) or names.get(i, i) for i in picked)]
    rng.shuffle(choices)
    return tuple(choices)


def run(
    catalog: Catalog,
    store: Store,
    cards: Sequence[Card],
    settings: Settings,
    ui: Ui,
    clock: Callable[[], datetime],
) -> Summary:
    start = clock()
    states = store.states()
    today = now_iso(start.replace(hour=0, minute=0, second=0, microsecond=0))
    new_today = len({r.card_id for r in store.reviews(since=today)} - _seen_before(store, today))

    def strength(state: CardState) -> float:
        return schedule.retrievability(state, start)

    chosen = plan(cards, states, new_today, settings, start, strength)
    names_by_kind: dict[str, dict[str, str]] = {}
    pools = distractors(cards) if settings.mode == "choice" else {}
    ratings = {1: 0, 2: 0, 3: 0, 4: 0}
    reviewed = 0
    try:
        for number, card in enumerate(chosen, 1):
            previous = states.get(card.id)
            options: tuple[str, ...] = ()
            gradable = card.grading in (RESOLVE, WORD) and settings.mode != "flip"
            if gradable and settings.mode == "choice":
                kind = card.answer_kind
                if kind and kind not in names_by_kind:
                    names_by_kind[kind] = catalog.names(BY_KEY[kind])
                options = options_for(card, pools, names_by_kind.get(kind, {}))
            updated = previous is not None and previous.content_hash not in (None, card.digest)
            ui.show(Shown(card, number, len(chosen), updated, options))
            began = time.monotonic()
            answer = ui.ask("answer")
            if answer is None:
                break
            answer = _chosen(answer, options)
            verdict = grade(catalog, card, answer) if gradable else _self_graded(ui, card, answer)
            if verdict is None:
                break
            moment = clock()
            state = schedule.review(
                card.id,
                previous,
                verdict.rating,
                moment,
                card.digest,
                settings.retention,
                settings.until,
                settings.fuzz,
            )
            duration = int((time.monotonic() - began) * 1000)
            store.record(
                state,
                Review(card.id, verdict.rating, answer, now_iso(moment), duration, settings.mode),
            )
            states[card.id] = state
            ratings[verdict.rating] += 1
            reviewed += 1
            ui.outcome(Outcome(card, answer, verdict, state.due, state.last_review or ""))
    except KeyboardInterrupt:
        return Summary(reviewed, ratings, len(chosen), store.saved, interrupted=True)
    return Summary(reviewed, ratings, len(chosen), store.saved)


def _seen_before(store: Store, day_start: str) -> set[str]:
    return {r.card_id for r in store.reviews() if r.reviewed_at < day_start}


def _chosen(answer: str, options: tuple[str, ...]) -> str:
    """In choice mode a number picks an option; anything else is taken as typed."""
    text = answer.strip()
    if options and text.isdigit() and 1 <= int(text) <= len(options):
        return options[int(text) - 1]
    return text


def _self_graded(ui: Ui, card: Card, answer: str) -> Verdict | None:
    """Show the model answer and take the learner's own grade; an empty answer is Again."""
    ui.reveal(card)
    if not answer.strip() and card.grading == SELF:
        return Verdict(AGAIN, "no answer")
    while True:
        text = ui.ask("grade")
        if text is None:
            return None
        rating = self_rating(text)
        if rating is not None:
            return Verdict(rating, "self-graded")
