"""The records of study mode: cards, the events of a quiz, and stats. A leaf module, so that
result objects and renderers need none of the index, the store or the scheduler."""

from datetime import datetime
from typing import NamedTuple

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4  # FSRS ratings
RATING_WORDS = {AGAIN: "again", HARD: "hard", GOOD: "good", EASY: "easy"}


# Card kinds. New cards are drawn across them (study/interleave.py), weighted by KIND_WEIGHTS.
TO_AWS = "to-aws"
SUCCESSOR = "successor"
RELATION = "relation"
FROM_AWS = "from-aws"
PARALLEL = "parallel"
PRACTICE = "practice"
NUMBER = "number"  # not a kind: a card kind, named after the data it drills
PATTERN = "pattern"  # not a kind: a card kind, named after the data it drills
COMPARISON = "comparison"  # not a kind: a card kind (the data it drills)
CARD_KINDS = (
    TO_AWS,
    NUMBER,
    PATTERN,
    COMPARISON,
    FROM_AWS,
    SUCCESSOR,
    PRACTICE,
    PARALLEL,
    RELATION,
)
# What interviews ask most: the AWS answer for a technology, the numbers behind an estimate, the
# building blocks and the "X or Y" choices; the taxonomy itself least.
KIND_WEIGHTS = {
    TO_AWS: 5,
    NUMBER: 3,
    PATTERN: 3,
    COMPARISON: 2,
    FROM_AWS: 2,
    SUCCESSOR: 1,
    PRACTICE: 1,
    PARALLEL: 2,
    RELATION: 1,
}

# How a card is graded: by resolving the answer to an entry, by a relation word, by a quantity
# with its unit, or by the learner against the model answer (SELF), or an outline to recall
# (OUTLINE: flip, compare with the key points, grade yourself).
STRATEGY = "strategy"  # the group of tips that holds the study strategy
RESOLVE = "resolve"
WORD = "word"
QUANTITY = "quantity"
SELF = "self"
OUTLINE = "outline"
DRILL = "drill"  # the card kind and review mode of a design drill's roles (study/drill.py)
LEECH_LAPSES = 6  # a card failed this many times is a leech: skipped unless asked for


class Accepted(NamedTuple):
    """A right answer: an entry's id, and for AWS services the relation and note."""

    id: str
    name: str
    relation: str = ""
    note: str = ""


class Card(NamedTuple):
    id: str
    kind: str
    prompt: str
    answer: str  # the expected answer, as shown after grading
    grading: str
    accepted: tuple[Accepted, ...] = ()
    answer_kind: str = ""  # key of the kind a typed answer resolves to
    categories: tuple[str, ...] = ()  # category ids, for --category and per-category stats
    best: str = ""  # for RESOLVE cards: the relation of the best answer (managed first)
    detail: str = ""  # why the answer is right, shown after grading and exported on the back
    choices: tuple[str, ...] = ()  # choice mode: the wrong options, plausible and never right

    @property
    def back(self) -> str:
        """The whole back of the card: the answer, then why."""
        return f"{self.answer}\n{self.detail}" if self.detail else self.answer

    @property
    def digest(self) -> str:
        text = "\0".join([self.prompt, self.answer, *(a.id for a in self.accepted)])
        if self.detail:  # cards without one keep the digest they had before details existed
            text += "\0" + self.detail
        import hashlib  # only a quiz needs digests: stats and lists start faster without it

        return hashlib.sha1(text.encode()).hexdigest()[:12]


class Verdict(NamedTuple):
    rating: int
    message: str  # one line for the learner
    matched: Accepted | None = None


class Shown(NamedTuple):
    """A card as put to the learner."""

    card: Card
    number: int
    total: int
    updated: bool  # its content changed since it was last reviewed
    options: tuple[str, ...] = ()  # choice mode
    leech: int = 0  # the lapses of a leech (a card failed LEECH_LAPSES times or more)


class Outcome(NamedTuple):
    card: Card
    answer: str
    verdict: Verdict
    due: str
    reviewed_at: str = ""


class Summary(NamedTuple):
    reviewed: int
    ratings: dict[int, int]
    planned: int
    saved: bool
    interrupted: bool = False


class CategoryMastery(NamedTuple):
    id: str
    name: str
    cards: int
    seen: int
    mastered: int


class Weak(NamedTuple):
    card: Card
    retrievability: float
    lapses: int  # times failed after its first review
    difficulty: float | None = None  # FSRS difficulty, 1 (easy) to 10 (hard)
    due: str = ""
    last_rating: int | None = None  # the rating of its latest review
    last_review: str = ""

    @property
    def leech(self) -> bool:
        return self.lapses >= LEECH_LAPSES


class Stats(NamedTuple):
    cards: int
    seen: int
    reviews: int
    due: tuple[int, int, int]  # today, tomorrow, within the week
    retention: float | None  # share of reviews of seen cards not failed, last 30 days
    streak_days: int
    calendar: tuple[tuple[str, int], ...]  # (date, reviews), oldest first
    by_category: tuple[CategoryMastery, ...]
    weakest: tuple[Weak, ...]  # most lapses, then hardest
    leeches: tuple[Weak, ...] = ()  # every leech, skipped by the quiz unless --leeches
    drills: int = 0  # design drills run
    drill_reviews: int = 0  # roles answered in them (counted in ``reviews`` too)


def until_due(due: str, since: str) -> str:
    """'10 minutes', '3 days': how long until a card comes round again."""
    if not since:
        return due
    seconds = (datetime.fromisoformat(due) - datetime.fromisoformat(since)).total_seconds()
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            count = round(seconds / size)
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return "less than a minute"
