"""A flipped bit in a cache file is found where it is read, and the file is rebuilt (issue #17).

Every value the query side decodes is sealed with its CRC-32 (``indexformat.seal``); a value
that fails it rebuilds the index once and the command answers from the rebuilt one. Damage is
made deterministically: one bit of one stored byte, found by its content.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from awsmap.catalog import index, indexformat
from awsmap.catalog.kinds import ARCHITECTURE, TECHNOLOGY
from awsmap.catalog.reader import Catalog
from awsmap.find.search import search
from tests.harness import invoke


@pytest.fixture
def cache(private_cache: Path) -> Path:
    """A cache of the test's own holding a sound copy of the session's index."""
    return private_cache


def index_file(cache: Path) -> Path:
    (found,) = cache.glob("index-*.sqlite3")
    return found


def flip_bit(path: Path, needle: bytes, offset: int = 2) -> None:
    """Flip the lowest bit of one byte of the first occurrence of ``needle`` in the raw file."""
    raw = bytearray(path.read_bytes())
    at = raw.index(needle) + offset
    raw[at] ^= 1
    path.write_bytes(bytes(raw))


def test_seal_round_trips_and_catches_any_one_bit() -> None:
    sealed = indexformat.seal('{"name":"Apache Kafka"}')
    assert indexformat.unseal(sealed) == '{"name":"Apache Kafka"}'
    for at in range(len(sealed)):
        damaged = sealed[:at] + chr(ord(sealed[at]) ^ 1) + sealed[at + 1 :]
        with pytest.raises(indexformat.Damaged):
            indexformat.unseal(damaged)
    blob = indexformat.seal_bytes(b"\x01\x02postings")
    assert indexformat.unseal_bytes(blob) == b"\x01\x02postings"
    with pytest.raises(indexformat.Damaged):
        indexformat.unseal_bytes(blob[:-1] + b"x")


def test_a_flipped_bit_in_a_record_body_is_rebuilt_not_trusted(cache: Path) -> None:
    path = index_file(cache)
    flip_bit(path, b'"name":"Apache Kafka"', offset=10)
    result = invoke(["lookup", "kafka", "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["name"] == "Apache Kafka"
    # the damaged file was replaced by a sound one: the next run reads it as it is
    catalog = Catalog(index.open_index())
    assert catalog.get(TECHNOLOGY, "kafka").name == "Apache Kafka"
    assert not catalog._index._rebuilt


def test_damaged_postings_counts_and_briefs_are_rebuilt(cache: Path) -> None:
    path = index_file(cache)
    with sqlite3.connect(path) as conn:  # damage that keeps the SQLite file well-formed
        (blob,) = conn.execute("SELECT postings FROM terms WHERE term = 'stream'").fetchone()
        conn.execute(
            "UPDATE terms SET postings = ? WHERE term = 'stream'",
            (blob[:-1] + bytes([blob[-1] ^ 1]),),
        )
        (counts,) = conn.execute("SELECT value FROM meta WHERE key = 'counts'").fetchone()
        conn.execute("UPDATE meta SET value = ? WHERE key = 'counts'", (counts.replace("1", "7"),))
        conn.execute(  # one letter of an architecture's brief (its name and components)
            "UPDATE entries SET brief = replace(brief, 'Kafka', 'Kafkb') "
            "WHERE kind = 'architecture' AND brief LIKE '%Kafka%'"
        )
    catalog = Catalog(index.open_index())
    _query, hits = search(catalog, "stream processing")
    assert hits
    assert catalog.count(TECHNOLOGY) == len(catalog.all(TECHNOLOGY))
    designs = catalog.referrer_documents(TECHNOLOGY, "kafka", ARCHITECTURE)
    assert designs and not any("Kafkb" in str(d) for d in designs)
    assert catalog._index._rebuilt


def test_damage_that_survives_a_rebuild_is_not_hidden(cache: Path) -> None:
    catalog = Catalog(index.open_index())
    catalog._index._rebuilt = True  # its one rebuild already spent

    def always_damaged(_rows: object) -> object:
        raise indexformat.Damaged("still damaged")

    with pytest.raises(indexformat.Damaged):
        catalog._index.read("SELECT 1", (), always_damaged)
