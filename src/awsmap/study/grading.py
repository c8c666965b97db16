"""Grading an answer to a card: by what it names, never by its spelling.

A typed answer is resolved with the same resolver as ``lookup`` ("msk", "Amazon MSK" and "managed
kafka" are one service) and compared by id. Naming an analogous service where a managed or
compatible one exists is right but weaker: Hard, with the note that explains why. An empty answer
means "I don't know" (Again).
"""

from __future__ import annotations

from awsmap.base.errors import NotFoundError, UsageError
from awsmap.base.text import quoted
from awsmap.catalog.domain import RELATION_ORDER
from awsmap.catalog.kinds import BY_KEY
from awsmap.catalog.reader import Catalog
from awsmap.find.resolve import resolve
from awsmap.study.model import (
    AGAIN,
    GOOD,
    HARD,
    RATING_WORDS,
    RESOLVE,
    WORD,
    Card,
    Verdict,
)

RELATION_WORDS = tuple(RELATION_ORDER)


def grade(catalog: Catalog, card: Card, answer: str) -> Verdict:
    """The rating of a typed (or chosen) answer to a RESOLVE or WORD card."""
    text = " ".join(answer.split())
    if not text:
        return Verdict(AGAIN, "no answer: " + _expected(card))
    if card.grading == WORD:
        return _grade_word(card, text)
    if card.grading != RESOLVE:
        raise ValueError(f"{card.id} is graded by the learner")
    try:
        match = resolve(catalog, text, (BY_KEY[card.answer_kind],))
    except (NotFoundError, UsageError):
        return Verdict(AGAIN, f"{quoted(text)} is not one of them: " + _expected(card))
    found = next((a for a in card.accepted if a.id == match.id), None)
    if found is None:
        return Verdict(AGAIN, f"{match.label} is not one of them: " + _expected(card))
    weaker = (
        found.relation
        and card.best
        and RELATION_ORDER.get(found.relation, 9) > RELATION_ORDER.get(card.best, 9)
        and found.relation == "analogous"
    )
    if weaker:
        closer = next(a for a in card.accepted if a.relation == card.best)
        return Verdict(
            HARD,
            f"{found.name} is analogous ({found.note}); {closer.name} is {closer.relation}",
            found,
        )
    return Verdict(
        GOOD, f"right: {found.name}" + (f" ({found.relation})" if found.relation else ""), found
    )


def _grade_word(card: Card, text: str) -> Verdict:
    word = _relation_word(text)
    if word == card.accepted[0].id:
        return Verdict(GOOD, f"right: {card.answer}", card.accepted[0])
    return Verdict(AGAIN, f"not {word or repr(text)}: it is {card.answer}")


def _relation_word(text: str) -> str:
    lowered = text.lower().strip(" .!")
    for word in RELATION_WORDS:
        if word.startswith(lowered) and lowered:
            return word
    return ""


def _expected(card: Card) -> str:
    return card.answer


def self_rating(text: str) -> int | None:
    """A self-grade typed as 1-4 or again/hard/good/easy (or their first letter)."""
    lowered = text.strip().lower()
    for rating, word in RATING_WORDS.items():
        if lowered in (str(rating), word, word[0]):
            return rating
    return None
