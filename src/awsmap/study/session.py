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

from awsmap.catalog.domain import RELATION_ORDER
from awsmap.catalog.reader import Catalog
from awsmap.study import schedule
from awsmap.study.grading import RELATION_WORDS, grade, self_rating
from awsmap.study.model import (
    AGAIN,
    DRILL,
    LEECH_LAPSES,
    OUTLINE,
    QUANTITY,
    RESOLVE,
    SELF,
    WORD,
    Card,
    Outcome,
    Shown,
    Summary,
    Verdict,
)
from awsmap.study.records import CardState, Review, now_iso
from awsmap.study.store import Store

MODES = ("type", "flip", "choice")
GRADED = (RESOLVE, WORD, QUANTITY)  # graded from what is typed; the others by the learner


class Settings(NamedTuple):
    mode: str = "type"
    size: int = 20  # cards in the session
    new: int = 10  # new cards a day
    category: str | None = None  # category id
    cram: bool = False
    retention: float = schedule.DEFAULT_RETENTION
    until: date | None = None
    fuzz: bool = True
    kinds: tuple[str, ...] = ()  # card kinds to study (all when empty)
    leeches: bool = False  # study the leeches (skipped otherwise), first


class Ui(Protocol):
    def show(self, shown: Shown) -> None: ...
    def ask(self, label: str) -> str | None: ...  # None: the learner is gone (end of input)
    def ask_again(self, why: str) -> None: ...  # the answer cannot be taken: why
    def reveal(self, card: Card) -> None: ...  # the model answer of a self-graded card
    def outcome(self, outcome: Outcome) -> None: ...


def plan(
    cards: Sequence[Card],
    states: dict[str, CardState],
    new_today: int,
    settings: Settings,
    moment: datetime,
    strength: Callable[[CardState], float],
    leeches: frozenset[str] = frozenset(),
) -> list[Card]:
    """Due cards (oldest first), then new ones up to today's allowance; or, cramming, the
    weakest seen cards first whatever their due date, then new ones. Leeches are left out; with
    ``--leeches`` they come first, weakest first, whatever their due date."""
    pool = [c for c in cards if _selected(c, settings)]
    mine = [c for c in pool if c.id in leeches and c.id in states] if settings.leeches else []
    mine.sort(key=lambda c: (strength(states[c.id]), c.id))
    pool = [c for c in pool if c.id not in leeches]
    seen = [c for c in pool if c.id in states]
    fresh = [c for c in pool if c.id not in states]
    if settings.cram:
        weakest = sorted(seen, key=lambda c: (strength(states[c.id]), c.id))
        return (mine + weakest + fresh)[: settings.size]
    now = now_iso(moment)
    due = sorted((c for c in seen if states[c.id].due <= now), key=lambda c: states[c.id].due)
    return (mine + due + fresh[: allowance(new_today, settings)])[: settings.size]


def allowance(new_today: int, settings: Settings) -> int:
    """New cards still allowed today."""
    return max(0, settings.new - new_today)


def _selected(card: Card, settings: Settings) -> bool:
    return (settings.category is None or settings.category in card.categories) and (
        not settings.kinds or card.kind in settings.kinds
    )


def options_for(card: Card) -> tuple[str, ...]:
    """The options of choice mode, the same for a card every time: the right answer (the best
    one) among the card's plausible wrong ones; the relation words for a relation card."""
    if card.grading == WORD:
        return RELATION_WORDS
    if card.grading == QUANTITY:
        right = card.answer
    else:
        right = min(card.accepted, key=lambda a: RELATION_ORDER.get(a.relation, 9)).name
    choices = [right, *card.choices]
    random.Random(card.id).shuffle(choices)
    return tuple(choices)


def run(
    catalog: Catalog,
    store: Store,
    cards: Sequence[Card],
    settings: Settings,
    ui: Ui,
    clock: Callable[[], datetime],
    notify: Callable[[str], None] | None = None,
) -> Summary:
    """Put the planned cards to the learner, saving each review before the next card.
    ``notify`` hears, before the first card, why fewer cards are planned than asked for."""
    start = clock()
    states = store.states()
    today = now_iso(start.replace(hour=0, minute=0, second=0, microsecond=0))
    new_today = len(_reviewed(store, today) - _seen_before(store, today))
    lapses = store.lapses()
    leeches = frozenset(i for i, n in lapses.items() if n >= LEECH_LAPSES)

    def strength(state: CardState) -> float:
        return schedule.retrievability(state, start)

    chosen = plan(cards, states, new_today, settings, start, strength, leeches)
    if notify is not None and chosen and len(chosen) < settings.size and not settings.cram:
        left = allowance(new_today, settings)
        fresh = sum(1 for c in cards if c.id not in states and _selected(c, settings))
        if fresh > left:
            notify(
                f"{len(chosen)} of the {settings.size} cards asked for: new cards are capped at "
                f"{settings.new} a day ({left} left today); --new raises the cap"
            )
    ratings = {1: 0, 2: 0, 3: 0, 4: 0}
    reviewed = 0
    kept_said = False
    try:
        for number, card in enumerate(chosen, 1):
            previous = states.get(card.id)
            gradable = card.grading in GRADED and settings.mode != "flip"
            options = options_for(card) if gradable and settings.mode == "choice" else ()
            updated = previous is not None and previous.content_hash not in (None, card.digest)
            lapsed = lapses.get(card.id, 0) if card.id in leeches else 0
            ui.show(Shown(card, number, len(chosen), updated, options, lapsed))
            began = time.monotonic()
            answer = _answer(ui, options, "outline" if card.grading == OUTLINE else "answer")
            if answer is None:
                break
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
            saved = store.record(
                state,
                Review(card.id, verdict.rating, answer, now_iso(moment), duration, settings.mode),
            )
            if not saved and not kept_said and notify is not None:
                kept_said = True
                notify(
                    "another awsmap is using your progress file: your answers are kept and "
                    "saved as soon as it is free"
                )
            states[card.id] = state
            ratings[verdict.rating] += 1
            reviewed += 1
            ui.outcome(Outcome(card, answer, verdict, state.due, state.last_review or ""))
    except KeyboardInterrupt:
        return Summary(reviewed, ratings, len(chosen), store.saved, interrupted=True)
    return Summary(reviewed, ratings, len(chosen), store.saved)


def _reviewed(store: Store, day_start: str) -> set[str]:
    """The quiz cards reviewed since ``day_start`` (a design drill's roles are not new cards)."""
    return {r.card_id for r in store.reviews(since=day_start) if r.mode != DRILL}


def _seen_before(store: Store, day_start: str) -> set[str]:
    return {r.card_id for r in store.reviews() if r.reviewed_at < day_start}


def _answer(ui: Ui, options: tuple[str, ...], label: str) -> str | None:
    """The answer typed; in choice mode a number picks an option, and a number that picks none
    is asked again (anything else is taken as typed)."""
    while True:
        answer = ui.ask(label)
        if answer is None or not options:
            return answer
        text = answer.strip()
        if not (text.isascii() and text.isdigit()):
            return text
        picked = int(text) if len(text) <= len(str(len(options))) else 0  # never a 5,000-digit int
        if 1 <= picked <= len(options):
            return options[picked - 1]
        ui.ask_again(f"pick 1 to {len(options)}, or type the answer")


def _self_graded(ui: Ui, card: Card, answer: str) -> Verdict | None:
    """Show the model answer and take the learner's own grade; an empty answer is Again, except
    for an outline, where Enter only turns the card over."""
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
