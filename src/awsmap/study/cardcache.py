"""The study cards, kept beside the index they were generated from.

Generating the cards decodes every technology and AWS service: about 30 ms, most of what
``awsmap stats`` does and a fifth of a quiz's start. The cards depend only on the dataset and this
code, so once generated they are written next to the index file (its name plus ``.cards``, pruned
and cleared with it) under a key made of the index's fingerprint, which names the data files and
the awsmap version, and ``CARDS_FORMAT``. A file that is missing, unreadable, damaged or keyed
otherwise is ignored and written again; a cache that cannot be written only costs the speed. The
file starts with the CRC-32 of the rest: a flipped byte that would still unmarshal (a wrong field
on every exported card) fails the check and the cards are generated again.
tests/test_study.py pins that the cards read back are the cards generated, and the damage cases.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import zlib
from typing import Any

from awsmap.catalog.reader import Catalog
from awsmap.study.model import Accepted, Card

CARDS_FORMAT = "4"  # bump whenever cards.py changes what it generates
SUFFIX = ".cards"


def cards(catalog: Catalog) -> list[Card]:
    """Every card, from the file beside the index when it is current, else generated (and kept)."""
    where = catalog.derived_file(SUFFIX)
    if where is None:
        return _generate(catalog)
    path, fingerprint = where
    key = f"{fingerprint}\ncards {CARDS_FORMAT}"
    found = _read(path, key)
    if found is not None:
        return found
    made = _generate(catalog)
    _write(path, key, made)
    return made


def _generate(catalog: Catalog) -> list[Card]:
    from awsmap.study.cards import generate  # imported only when needed: it needs the designs

    return generate(catalog)


def _read(path: str, key: str) -> list[Card] | None:
    try:
        with open(path, "rb") as f:
            data = (
                f.read()
            )  # then loads: marshal.load on a file reads it in small pieces, 5x slower
        if int.from_bytes(data[:4], "big") != zlib.crc32(data[4:]):
            return None
        stored_key, rows = marshal.loads(data[4:])
        if stored_key != key:
            return None
        return [_card(r) for r in rows]
    except (OSError, EOFError, ValueError, TypeError, IndexError):
        return None


def _card(r: tuple[Any, ...]) -> Card:
    """A card from its row (marshal keeps tuples as tuples); built with tuple.__new__, which
    skips the NamedTuple constructor's argument handling: a fifth of the time over 3,000 cards."""
    if len(r) != len(Card._fields) or any(len(a) != len(Accepted._fields) for a in r[5]):
        raise ValueError("a row of another shape")
    accepted = tuple([tuple.__new__(Accepted, a) for a in r[5]])
    return tuple.__new__(Card, (*r[:5], accepted, *r[6:]))


def _write(path: str, key: str, made: list[Card]) -> None:
    """Keep the cards beside the index: an exclusive temporary file renamed into place (a cache
    that cannot be written only costs speed)."""
    from awsmap.base.files import write_bytes

    rows = [(*c[:5], tuple(tuple(a) for a in c.accepted), *c[6:]) for c in made]
    with contextlib.suppress(OSError):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        blob = marshal.dumps((key, rows))
        write_bytes(path, zlib.crc32(blob).to_bytes(4, "big") + blob, mode=0o600)
