"""Parsing the numbers a candidate types, and writing numbers back as words.

Everything is exact (:class:`fractions.Fraction`): an estimate is checked against limits with
ceilings, and a float that lands a hair above an integer would cost a whole shard or partition.
Parsers take the option strings as typed and raise :class:`UsageError` with one line that names
the accepted forms, because that line is all the candidate sees.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

from awsmap.base.errors import UsageError

SECONDS_PER_DAY = 86_400

# Counts: "10M" users, "50k" requests. Decimal multipliers, as interview prompts use them.
COUNT_SUFFIXES: dict[str, int] = {"": 1, "k": 10**3, "m": 10**6, "b": 10**9, "t": 10**12}

# Sizes: SI prefixes are decimal (KB = 1,000 bytes), IEC prefixes binary (KiB = 1,024 bytes).
SIZE_UNITS: dict[str, int] = {
    "b": 1,
    "kb": 10**3,
    "mb": 10**6,
    "gb": 10**9,
    "tb": 10**12,
    "pb": 10**15,
    "kib": 2**10,
    "mib": 2**20,
    "gib": 2**30,
    "tib": 2**40,
    "pib": 2**50,
}

# Periods, in seconds. A year is 365 days and a month 30, as back-of-envelope maths takes them.
PERIODS: dict[str, int] = {
    "s": 1,
    "sec": 1,
    "second": 1,
    "min": 60,
    "minute": 60,
    "h": 3_600,
    "hr": 3_600,
    "hour": 3_600,
    "d": SECONDS_PER_DAY,
    "day": SECONDS_PER_DAY,
    "w": 7 * SECONDS_PER_DAY,
    "wk": 7 * SECONDS_PER_DAY,
    "week": 7 * SECONDS_PER_DAY,
    "mo": 30 * SECONDS_PER_DAY,
    "month": 30 * SECONDS_PER_DAY,
    "y": 365 * SECONDS_PER_DAY,
    "yr": 365 * SECONDS_PER_DAY,
    "year": 365 * SECONDS_PER_DAY,
}
DURATION_UNITS: dict[str, Fraction] = {
    "ms": Fraction(1, 1000),
    **{name: Fraction(seconds) for name, seconds in PERIODS.items()},
}
RATE_PERIODS = PERIODS

COUNT_FORMS = "a number with an optional k, M, B or T (10M, 50k, 1.5B, 2,000)"
SIZE_FORMS = "a size such as 512B, 2KB, 1.5MB, 4KiB or 1GiB (KB/MB/GB decimal, KiB/MiB/GiB binary)"
RATE_FORMS = "a rate such as 20/day, 5000/s or 50k/s (per s, min, h, day, week, month or year)"
DURATION_FORMS = "a duration such as 200ms, 1.5s, 30d, 12h, 1w, 6mo or 5y"

_NUMBER = r"(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)"
_COUNT_RE = re.compile(rf"^{_NUMBER}\s*([kmbt]?)$", re.IGNORECASE)
_SIZE_RE = re.compile(rf"^{_NUMBER}\s*([a-z]+)$", re.IGNORECASE)
_RATE_RE = re.compile(rf"^{_NUMBER}\s*([kmbt]?)\s*/\s*([a-z]+)$", re.IGNORECASE)
_DURATION_RE = re.compile(rf"^{_NUMBER}\s*([a-z]+)$", re.IGNORECASE)


def _number(text: str) -> Fraction:
    return Fraction(text.replace(",", ""))


def _fail(option: str, typed: str, forms: str) -> UsageError:
    return UsageError(f"{option} {typed!r}: expected {forms}")


def parse_count(typed: str, option: str = "--dau") -> Fraction:
    """A positive count such as ``10M``; a negative or zero count is a typo, not a design."""
    text = typed.strip()
    match = _COUNT_RE.match(text)
    if not match:
        raise _fail(option, typed, f"a positive count: {COUNT_FORMS}")
    value = _number(match.group(1)) * COUNT_SUFFIXES[match.group(2).lower()]
    if value <= 0:
        raise _fail(option, typed, f"a positive count: {COUNT_FORMS}")
    return value


def parse_factor(typed: str, option: str, minimum: int = 1) -> Fraction:
    """A multiplier such as ``--peak 3`` or ``--read-ratio 10:1``, at least ``minimum``."""
    text = typed.strip().lower().removesuffix("x")
    if ":" in text:
        left, _, right = text.partition(":")
        try:
            value = Fraction(left.strip()) / Fraction(right.strip())
        except (ValueError, ZeroDivisionError):
            raise _fail(option, typed, "a number such as 3, 2.5 or a ratio such as 10:1") from None
    else:
        try:
            value = Fraction(text.replace(",", ""))
        except ValueError:
            raise _fail(option, typed, "a number such as 3, 2.5 or a ratio such as 10:1") from None
    if value < minimum:
        raise _fail(option, typed, f"a number of at least {minimum}")
    return value


def parse_whole(typed: str, option: str) -> int:
    """A whole number of at least one, such as ``--replicas 3`` or ``--fanout 5``."""
    text = typed.strip().replace(",", "")
    if not text.isdigit() or int(text) < 1:
        raise _fail(option, typed, "a whole number of at least 1 (1, 3, 20)")
    return int(text)


def parse_size(typed: str, option: str = "--item") -> Fraction:
    """Bytes from a size such as ``2KB`` (decimal) or ``4KiB`` (binary)."""
    match = _SIZE_RE.match(typed.strip())
    unit = match.group(2).lower() if match else ""
    if not match or unit not in SIZE_UNITS:
        raise _fail(option, typed, SIZE_FORMS)
    value = _number(match.group(1)) * SIZE_UNITS[unit]
    if value <= 0:
        raise _fail(option, typed, SIZE_FORMS)
    return value


def parse_rate(typed: str, option: str) -> tuple[Fraction, int]:
    """``(count, period in seconds)`` from a rate such as ``20/day`` or ``50k/s``."""
    match = _RATE_RE.match(typed.strip())
    period = match.group(3).lower().removesuffix("s") if match else ""
    if match and match.group(3).lower() == "s":
        period = "s"
    if not match or period not in RATE_PERIODS:
        raise _fail(option, typed, RATE_FORMS)
    count = _number(match.group(1)) * COUNT_SUFFIXES[match.group(2).lower()]
    if count <= 0:
        raise _fail(option, typed, RATE_FORMS)
    return count, RATE_PERIODS[period]


def parse_duration(typed: str, option: str) -> Fraction:
    """Seconds from a duration such as ``200ms``, ``5y`` or ``30d``."""
    match = _DURATION_RE.match(typed.strip())
    unit = match.group(2).lower() if match else ""
    if unit not in DURATION_UNITS and unit.endswith("s") and unit[:-1] in DURATION_UNITS:
        unit = unit[:-1]  # plurals: 5years, 30days
    if not match or unit not in DURATION_UNITS:
        raise _fail(option, typed, DURATION_FORMS)
    value = _number(match.group(1)) * DURATION_UNITS[unit]
    if value <= 0:
        raise _fail(option, typed, DURATION_FORMS)
    return value


def ceil(value: Fraction) -> int:
    """Capacity comes in whole units: 13.1 shards is 14 shards."""
    return math.ceil(value)


def num(value: Fraction | int, places: int = 0) -> str:
    """``2,315`` for a figure said aloud; small figures keep up to two decimals."""
    value = Fraction(value)
    if value == int(value):
        return f"{int(value):,}"
    if abs(value) < 10 and places == 0:
        places = 2
    text = f"{float(value):,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


_SIZE_WORDS = (("PB", 10**15), ("TB", 10**12), ("GB", 10**9), ("MB", 10**6), ("KB", 10**3))


def size_words(value: Fraction | int) -> str:
    """``30 TB`` from bytes, in decimal units, as an interviewer says them."""
    value = Fraction(value)
    for word, scale in _SIZE_WORDS:
        if value >= scale:
            return f"{num(round(value / scale, 2))} {word}"
    return f"{num(value)} bytes"


def count_words(value: Fraction | int) -> str:
    """``10M`` from ten million: the way the prompt said it."""
    value = Fraction(value)
    for suffix, scale in (("T", 10**12), ("B", 10**9), ("M", 10**6), ("k", 10**3)):
        if value >= scale and (value / scale) * 100 == int((value / scale) * 100):
            return f"{num(value / scale)}{suffix}"
    return num(value)


def period_words(seconds: int) -> str:
    """``day`` for 86,400 s: the period a rate was typed with."""
    names = {1: "s", 60: "min", 3_600: "h", SECONDS_PER_DAY: "day", 7 * SECONDS_PER_DAY: "week"}
    names |= {30 * SECONDS_PER_DAY: "month", 365 * SECONDS_PER_DAY: "year"}
    return names[seconds]


def duration_words(seconds: Fraction) -> str:
    """``200 ms``, ``5 years``: a duration as typed, for formulas."""
    if seconds < 1:
        return f"{num(seconds * 1000)} ms"
    for word, scale in (("year", 365 * SECONDS_PER_DAY), ("day", SECONDS_PER_DAY)):
        if seconds >= scale and (seconds / scale) == int(seconds / scale):
            count = seconds / scale
            return f"{num(count)} {word}{'' if count == 1 else 's'}"
    return f"{num(seconds)} s"
