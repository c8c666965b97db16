"""Grading an answer to a card: by what it names, never by its spelling.

A typed answer is resolved with the same resolver as ``lookup`` ("msk", "Amazon MSK" and "managed
kafka" are one service) and compared by id. Words around the name are ignored ("I'd use MSK",
"probably Kinesis because..."). Several names ("msk, kinesis") are graded as the best of them when
all are right; otherwise the first name counts. Naming an analogous service where a managed or
compatible one exists is right but weaker: Hard, with the note that explains why. A number card
takes a quantity with its unit (quantity.py). An empty answer means "I don't know" (Again).
"""

from __future__ import annotations

import re
from typing import Any

from awsmap.base.errors import NotFoundError, UsageError
from awsmap.base.match import Match
from awsmap.base.text import compact
from awsmap.catalog.domain import RELATION_ORDER
from awsmap.catalog.kinds import BY_KEY, Kind
from awsmap.catalog.reader import Catalog
from awsmap.find.resolve import exact, resolve
from awsmap.study import quantity
from awsmap.study.model import (
    AGAIN,
    GOOD,
    HARD,
    QUANTITY,
    RATING_WORDS,
    RESOLVE,
    WORD,
    Accepted,
    Card,
    Verdict,
)

RELATION_WORDS = tuple(RELATION_ORDER)
MAX_NAME_WORDS = 4  # the longest name looked for inside a phrase ("Kinesis Data Streams")
MIN_NAMED = 3  # shorter words in a phrase are never taken for names
# Words said around an answer: "I'd go with", "probably", "on AWS", "because...". Only the start
# and the end of each name are stripped, so a name that contains such a word is kept whole.
_LEADING = re.compile(
    r"^(?:(?:i'?d|i would|i will|i'?ll|we'?d|we would|let'?s|just|probably|maybe|definitely|"
    r"use|using|go|going|with|for|pick|choose|take|it'?s|it is|that'?s|the answer is|answer|"
    r"is|then|also|plus|and|or|a|an|the)\b[\s,:]*)+",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"\s*(?:\b(?:because|since|as it|as they|so that|which|for (?:the|its|this)|on aws|in aws|"
    r"i think|probably|maybe)\b.*|\s[-\u2013\u2014]\s.*|\(.*|[.!?]+)$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s*(?:[,;/+&]|\band\b|\bor\b|\bthen\b|\bplus\b|\bwith\b)\s*", re.I)

# Words of one answer looked through for names: far more than any answer needs, and a bound
# on the work a 50,000-word paste can cause.
MAX_WORDS_READ = 60


def grade(catalog: Catalog, card: Card, answer: str) -> Verdict:
    """The rating of a typed (or chosen) answer to a RESOLVE, WORD or QUANTITY card."""
    text = " ".join(answer.split())
    if not text:
        return Verdict(AGAIN, "no answer: " + card.answer)
    if card.grading == WORD:
        return _grade_word(card, text)
    if card.grading == QUANTITY:
        return _grade_quantity(card, text)
    if card.grading != RESOLVE:
        raise ValueError(f"{card.id} is graded by the learner")
    return _grade_names(catalog, card, text)


def _grade_names(catalog: Catalog, card: Card, text: str) -> Verdict:
    typed = compact(text)
    for option in card.choices:  # an option of choice mode, or a wrong side, by its label
        if compact(option) == typed:
            return Verdict(AGAIN, f"not {option}: it is {card.answer}")
    for accepted in card.accepted:
        if compact(accepted.name) == typed:
            return _rated(card, accepted)
    named = names(catalog, card, text)
    if not named:
        return Verdict(AGAIN, f"{text!r} is not one of them: " + card.answer)
    found = [(match, _accepted(card, match)) for match in named]
    hits = [hit for _m, hit in found if hit is not None]
    if len(hits) == len(found):  # every name is right: graded as the best of them
        return _rated(card, min(hits, key=lambda a: RELATION_ORDER.get(a.relation, 9)))
    first, hit = found[0]
    if hit is None:  # the first name counts
        return Verdict(AGAIN, f"{first.label} is not one of them: " + card.answer)
    wrong = ", ".join(m.label for m, h in found if h is None)
    verdict = _rated(card, hit)
    return verdict._replace(message=f"{verdict.message} ({wrong} is not one of them)")


def names(catalog: Catalog, card: Card, text: str) -> list[Match]:
    """The entries an answer names, in order: the whole answer when it is one name, else each
    piece between commas, "and", "or"... (pieces that name nothing are left out, except that an
    answer naming nothing at all gives an empty list)."""
    kinds = tuple(BY_KEY[k] for k in card.answer_kind.split())
    whole = _bare(text)
    if not whole:
        return []
    try:
        hit = exact(catalog, whole, kinds)
    except UsageError:
        hit = None
    if hit is not None:
        return [hit]
    pieces = [p for p in (_bare(piece) for piece in _SEPARATORS.split(whole)) if p]
    if len(pieces) <= 1:
        pieces = [whole]
    found: list[Match] = []
    for piece in pieces:
        try:
            hits = [resolve(catalog, piece, kinds)]
        except (NotFoundError, UsageError):
            hits = _named_within(catalog, piece, kinds)  # "dynamodb lease with conditions"
        for match in hits:
            if all((m.kind, m.id) != (match.kind, match.id) for m in found):
                found.append(match)
    return found


def _named_within(catalog: Catalog, phrase: str, kinds: tuple[Kind[Any], ...]) -> list[Match]:
    """The names a phrase holds, by exact name or alias, longest first, left to right."""
    words = phrase.split()[:MAX_WORDS_READ]  # an answer is a few words; never scan an essay
    found: list[Match] = []
    i = 0
    while i < len(words):
        for size in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
            chunk = " ".join(words[i : i + size])
            hit = exact(catalog, chunk, kinds) if len(compact(chunk)) >= MIN_NAMED else None
            if hit is not None:
                found.append(hit)
                i += size
                break
        else:
            i += 1
    return found


def _bare(text: str) -> str:
    """A name without the words said around it (or as typed, when it is all such words: the
    answer "Go" is Go)."""
    out = _TRAILING.sub("", _LEADING.sub("", text.strip())).strip(" ,.:;!?\"'")
    if not compact(out):
        out = text.strip(" ,.:;!?\"'")
    return out if compact(out) else ""


def _accepted(card: Card, match: Match) -> Accepted | None:
    keys = (match.id, f"{match.kind}:{match.id}")
    return next((a for a in card.accepted if a.id in keys), None)


def _rated(card: Card, found: Accepted) -> Verdict:
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


def _grade_quantity(card: Card, text: str) -> Verdict:
    expected = card.accepted[0]
    right, why = quantity.matches(text, float(expected.id), expected.name)
    if right:
        return Verdict(GOOD, f"right: {card.answer}", expected)
    return Verdict(AGAIN, f"{why}: it is {card.answer}")


def _relation_word(text: str) -> str:
    lowered = text.lower().strip(" .!")
    for word in RELATION_WORDS:
        if word.startswith(lowered) and lowered:
            return word
    return ""


def self_rating(text: str) -> int | None:
    """A self-grade typed as 1-4 or again/hard/good/easy (or their first letter)."""
    lowered = text.strip().lower()
    for rating, word in RATING_WORDS.items():
        if lowered in (str(rating), word, word[0]):
            return rating
    return None
