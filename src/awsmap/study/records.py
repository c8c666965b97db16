"""The rows of the progress database as records: a card's scheduling state, one review, one
design drill; and the one time format they are written in."""

from datetime import datetime, timezone
from typing import Any, NamedTuple, TypeVar

R = TypeVar("R", "CardState", "Review", "Drill")


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


class DamagedRow(ValueError):
    """A row whose values are not of the types awsmap writes: the file was changed by hand or
    damaged; it is refused rather than half-read."""


_TEXT, _INT, _REAL = (str,), (int,), (float, int)
_OR_NULL = (type(None),)
# The types awsmap writes in each field, in the order of the record's fields.
_TYPES: dict[type, tuple[tuple[type, ...], ...]] = {
    CardState: (_TEXT, _INT, _INT + _OR_NULL, _REAL + _OR_NULL, _REAL + _OR_NULL, _TEXT,
                _TEXT + _OR_NULL, _TEXT + _OR_NULL, _TEXT + _OR_NULL),
    Review: (_TEXT, _INT, _TEXT + _OR_NULL, _TEXT, _INT + _OR_NULL, _TEXT + _OR_NULL),
    Drill: (_TEXT, _TEXT, _INT + _OR_NULL, _INT, _INT, _REAL),
}  # fmt: skip


def typed(record: type[R], row: "tuple[Any, ...]") -> R:
    """The record of a database row, or DamagedRow naming the first field of the wrong type."""
    for name, value, kinds in zip(record._fields, row, _TYPES[record], strict=True):
        if isinstance(value, bool) or not isinstance(value, kinds) or not _time_ok(name, value):
            raise DamagedRow(f"{record.__name__} field '{name}' holds {value!r:.40}")
    found: R = record(*row)
    return found


_TIMES = frozenset({"due", "last_review", "first_seen", "reviewed_at", "started_at"})


def _time_ok(name: str, value: object) -> bool:
    """A time field holds an ISO 8601 time (as ``now_iso`` writes it), or nothing."""
    if name not in _TIMES or not isinstance(value, str):
        return True
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
