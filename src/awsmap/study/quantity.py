"""Quantities typed as answers to number cards: a number, a multiplier, a unit.

"1000 wcu", "1k", "1,000 write units/s" and "~1000" are all 1,000 write units per second; "1 MB/s"
is a throughput in bytes, another kind of unit, so it is wrong for a limit in write units even when
the number happens to match. A unit of the same kind is converted ("0.4 MB" for 400 KB, "900 s" for
15 minutes); a bare number is read in the card's own unit. A value within TOLERANCE is right.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from awsmap.base.text import plain_number as shown

TOLERANCE = 0.1  # 10 %: enough for 1,000 vs 1,024 (KB vs KiB), not for 3,000 vs 1,000
BYTES = "bytes"
TIME = "time"

_SIZES = {"": 1, "k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12, "p": 1e15}
_SPELLED = {"": 1, "kilo": 1e3, "mega": 1e6, "giga": 1e9, "tera": 1e12}
_BINARY = {"k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40, "p": 2**50}
_TIMES = {
    "ms": 1e-3, "millisecond": 1e-3, "s": 1, "sec": 1, "secs": 1, "second": 1, "m": 60,
    "min": 60, "mins": 60, "minute": 60, "hrs": 3600, "days": 86400,
    "h": 3600, "hr": 3600, "hour": 3600, "d": 86400, "day": 86400, "week": 604800,
    "y": 31536000, "yr": 31536000, "year": 31536000,
}  # fmt: skip
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}
# Words for the same counted thing: the first is the family's name.
_FAMILIES = (
    ("write unit", "wcu", "wru", "write capacity unit", "write request unit", "write"),
    ("read unit", "rcu", "rru", "read capacity unit", "read request unit", "read"),
    ("request unit", "ru"),
    ("request", "req", "rps", "qps", "query", "call", "put/copy/post/delete req", "get/head req"),
    ("transaction", "tps", "txn"),
    ("message", "msg", "mps"),
    ("record",),
    ("connection", "conn"),
    ("partition",),
    ("shard",),
)
_NUMBER = re.compile(r"(\d[\d,_]*(?:\.\d+)?|\.\d+)")


class Unit(NamedTuple):
    family: str  # BYTES, TIME, a counted thing ("write unit"), or "" (none given)
    scale: float = 1.0  # to the family's base: bytes, seconds, or 1


class Quantity(NamedTuple):
    value: float
    unit: Unit


def _singular(word: str) -> str:
    if len(word) <= 3 or word in _TIMES:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses") or word.endswith("xes"):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def unit_of(text: str) -> Unit:
    """The kind and scale of a unit as written ("MiB/s per shard", "write units/s", "hours")."""
    words = text.strip().lower()
    head = re.split(r"\s+per\s+|/(?=s\b|sec)", words, maxsplit=1)[0].strip() if words else ""
    size = re.fullmatch(r"([kmgtp]?)(i?)(b|bytes?|bits?|bps)", head.replace(" ", ""))
    if size:
        prefix, binary, what = size.groups()
        scale = _BINARY[prefix] if binary and prefix else _SIZES[prefix]
        if what.startswith("bit") or what == "bps":
            scale /= 8
        return Unit(BYTES, scale)
    spelled = re.fullmatch(r"(kilo|mega|giga|tera)?bytes?", head)
    if spelled:
        return Unit(BYTES, _SPELLED[spelled[1] or ""])
    singular = _singular(head)
    if singular in _TIMES:
        return Unit(TIME, _TIMES[singular])
    for family in _FAMILIES:
        if singular in family or head in family:
            return Unit(family[0])
    words_only = re.sub(r"[^a-z ]", " ", singular).split()
    for family in _FAMILIES:
        if words_only and " ".join(words_only[:3]) in family:
            return Unit(family[0])
    return Unit(_singular(words_only[-1]) if words_only else "")


def parse(text: str, expected: Unit) -> Quantity | None:
    """The quantity typed, or None when it holds no number. A lone "m" after the number is
    minutes when the card asks for a time, else a million; "M" is always a million."""
    found = _NUMBER.search(text)
    if found is None:
        return None
    value = float(found.group(1).replace(",", "").replace("_", ""))
    rest = text[found.end() :].strip()
    multiplier = re.match(r"(k|K|M|thousand|million|mn|billion|bn)\b", rest)
    lone_m = re.match(r"m\b", rest)
    if lone_m and expected.family != TIME:
        value *= 1e6
        rest = rest[1:].strip()
    elif multiplier and not re.match(r"(k|K|M)i?[bB]", rest):
        word = multiplier.group(1)
        value *= 1e6 if word == "M" else _MULTIPLIERS[word.lower()]
        rest = rest[multiplier.end() :].strip()
    rest = re.sub(r"^(per|a|an)\s+", "", rest)
    return Quantity(value, unit_of(rest) if rest else Unit(""))


def compatible(typed: Unit, expected: Unit) -> bool:
    """A unit of the same kind, or none at all; a counted thing only for the same thing (a
    word we do not know, such as "units", is let through)."""
    if not typed.family or typed.family == expected.family:
        return True
    known = {BYTES, TIME, *(f[0] for f in _FAMILIES)}
    return typed.family not in known and expected.family not in (BYTES, TIME)


def matches(text: str, value: float, unit_text: str) -> tuple[bool, str]:
    """Whether ``text`` states ``value`` ``unit_text`` within the tolerance, and why not."""
    expected = unit_of(unit_text)
    typed = parse(text, expected)
    if typed is None:
        return False, "no number"
    if not compatible(typed.unit, expected):
        return False, "another kind of unit"
    amount = typed.value
    if typed.unit.family == expected.family and typed.unit.family:
        amount = typed.value * typed.unit.scale / expected.scale
    if abs(amount - value) <= TOLERANCE * abs(value):
        return True, ""
    return False, f"{shown(amount)} is {'too high' if amount > value else 'too low'}"
