"""Writing a merged dataset into the SQLite tables that ``catalog`` reads.

Everything a command needs is precomputed here, once per data change, and derived from the
registry of kinds: the name keys for resolution, every reference between entries (so that any entry
can list what points at it), and the search terms, so that a warm run touches only the rows it
prints.

Rows are made entry by entry, independently of every other entry once all names are known, so a
large dataset is cut into contiguous shards made on every core (``base.forked``) and the shards'
rows joined in order: the tables are the ones one process would write (tests/test_compiler.py).
"""

from __future__ import annotations

import json
import marshal
import sqlite3
from collections import Counter
from typing import Any, NamedTuple

from awsmap.base.forked import cores, forked_as_done
from awsmap.base.text import compact, deletions, flat_text, terms
from awsmap.catalog.indexformat import (
    FIELD_WEIGHTS,
    TYPO_MAX_KEY,
    KeyLevel,
    bucket_line,
    pack_bucket,
    pack_phrases,
    posting,
    seal,
    seal_bytes,
    typo_bucket,
    typo_buckets,
    typo_depth,
)
from awsmap.catalog.kinds import KINDS, Kind, values
from awsmap.catalog.loader import Loaded

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries(
    kind TEXT, id TEXT, ord INTEGER, doc INTEGER, name TEXT, body TEXT, brief TEXT,
    PRIMARY KEY(kind, id));
CREATE INDEX entries_by_ord ON entries(kind, ord);
CREATE INDEX entries_by_doc ON entries(doc);
CREATE TABLE keys(level INTEGER, key TEXT, kind TEXT, id TEXT, label TEXT);
CREATE INDEX keys_by_key ON keys(level, key);
CREATE TABLE refs(
    to_kind TEXT, to_id TEXT, from_kind TEXT, from_id TEXT, field TEXT, ord INTEGER, pos INTEGER);
CREATE INDEX refs_by_target ON refs(to_kind, to_id);
CREATE TABLE terms(term TEXT PRIMARY KEY, postings BLOB) WITHOUT ROWID;
CREATE TABLE typos(bucket INTEGER PRIMARY KEY, held TEXT);
CREATE TABLE phrases(doc INTEGER PRIMARY KEY, held TEXT);
"""


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


Names = dict[str, dict[str, str]]  # kind key -> id -> display name
Work = tuple[Kind[Any], int, int, dict[str, Any]]  # kind, ord, document number, body

# Below this many entries the rows are made in this process (forking costs more than it saves);
# the bundled data has about 1,300.
PARALLEL_ENTRIES = 4000
SHARDS_PER_CORE = 2  # so that a core that finishes its first shard early takes another


class _Tables:
    """Rows for each table, collected entry by entry."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, str, int, int, str, str, str | None]] = []
        self.keys: list[tuple[int, str, str, str, str]] = []
        self.refs: list[tuple[str, str, str, str, str, int, int]] = []
        self.postings: dict[str, list[int]] = {}
        self.phrases: list[tuple[int, str]] = []  # (document, its packed phrases)
        self.searchable = 0

    def add(self, kind: Kind[Any], ord_: int, doc: int, body: dict[str, Any], names: Names) -> None:
        entry_id = body["id"]
        name = names[kind.key][entry_id]
        brief = {f: body[f] for f in kind.brief if f in body} if kind.brief else None
        self.entries.append(
            (
                kind.key,
                entry_id,
                ord_,
                doc,
                name,
                seal(_dumps(body)),
                seal(_dumps(brief)) if brief is not None else None,
            )
        )
        labels = kind.name_values(body)
        self.keys.extend((KeyLevel.EXACT, label, kind.key, entry_id, label) for label in labels)
        self.keys.extend(
            (KeyLevel.NORMAL, compact(label), kind.key, entry_id, label) for label in labels
        )
        if kind.images:
            for image in values(body, kind.images):
                self.keys.append((KeyLevel.IMAGE, image, kind.key, entry_id, image))
        for ref in kind.refs:
            for pos, target in enumerate(values(body, ref.path)):
                self.refs.append((ref.target, target, kind.key, entry_id, ref.path, ord_, pos))
        if kind.search:
            self.searchable += 1
            self._index_terms(kind, doc, body, names)

    def join_postings(self, other: _Tables) -> None:
        """Add the postings of the next shard (its documents all come after these)."""
        self.searchable += other.searchable
        postings = self.postings
        for term, found in other.postings.items():
            if term in postings:
                postings[term] += found
            else:
                postings[term] = found

    def _index_terms(self, kind: Kind[Any], doc: int, body: dict[str, Any], names: Names) -> None:
        held: dict[str, set[str]] = {}  # field label -> the terms of its values
        phrases: list[tuple[str, str]] = []
        for field in kind.search:
            label = field.label
            named = names[field.via] if field.via else None
            for value in values(body, field.path):
                text = named.get(value, value) if named is not None else flat_text(value)
                found = terms(text)
                # each searched value's terms in order, for the phrase bonus (search.py)
                phrases.append((label, f" {' '.join(found)} "))
                if label in held:
                    held[label].update(found)
                else:
                    held[label] = set(found)
        if phrases:
            self.phrases.append((doc, pack_phrases(phrases)))
        # A term's posting names the most telling field it occurs in (the heaviest; of equals,
        # the first in the kind's order: sorted() is stable) and in how many fields it occurs.
        # Set operations, not a loop over every word: an 11,000-entry build meets 2 million.
        spread: Counter[str] = Counter()
        taken: set[str] = set()
        postings = self.postings
        for label in sorted(held, key=lambda label: -FIELD_WEIGHTS[label]):
            occurs = held[label]
            spread.update(occurs)
            held[label] = occurs - taken
            taken |= occurs
        for label, first in held.items():
            for term in first:
                posted = posting(doc, label, spread[term])
                if term in postings:
                    postings[term].append(posted)
                else:
                    postings[term] = [posted]


# The entries being compiled, for forked workers to read (``base.forked``): set by ``write`` for
# the length of one compile.
_WORK: tuple[list[Work], Names] | None = None


class _Typos(NamedTuple):
    """The typo rows: the variants in ``buckets`` buckets (``indexformat.typo_bucket``)."""

    buckets: int
    rows: list[tuple[int, str]]


def _rows(part: tuple[int, int] | None) -> _Tables | _Typos:
    """The rows of a range of documents; for None, the typo rows of every entry."""
    assert _WORK is not None
    work, names = _WORK
    if part is None:
        labels = (label for kind, _ord, _doc, body in work for label in kind.name_values(body))
        return _typos({compact(label) for label in labels})
    tables = _Tables()
    for kind, ord_, doc, body in work[part[0] : part[1]]:
        tables.add(kind, ord_, doc, body, names)
    return tables


def _typos(keys: set[str]) -> _Typos:
    """Each deletion variant of the short normal keys, with every key that has it, in buckets
    (11,000 entries: 710,000 pairs, 330,000 variants, 33,000 buckets)."""
    having: dict[str, list[str]] = {}
    for key in sorted(k for k in keys if len(k) <= TYPO_MAX_KEY):
        for variant in deletions(key, typo_depth(len(key))):
            if variant in having:
                having[variant].append(key)
            else:
                having[variant] = [key]
    buckets = typo_buckets(len(having))
    held: dict[int, list[str]] = {}
    for variant, found in having.items():
        line = bucket_line(variant, found)
        bucket = typo_bucket(variant, buckets)
        if bucket in held:
            held[bucket].append(line)
        else:
            held[bucket] = [line]
    return _Typos(buckets, [(bucket, pack_bucket(held[bucket])) for bucket in sorted(held)])


def _parts(count: int, parallel: bool) -> list[tuple[int, int] | None]:
    """The typo rows (the largest piece, so first), then contiguous ranges of documents, a few
    per core (one range when not in parallel)."""
    size = -(-count // (cores() * SHARDS_PER_CORE)) if parallel else count
    return [None, *((start, min(start + size, count)) for start in range(0, count, size or 1))]


def write(conn: sqlite3.Connection, loaded: Loaded, fingerprint: str) -> None:
    """Fill an empty database; the fingerprint goes in last so a torn write never looks current.
    Each range's rows are written, in order, while the workers make the next ones."""
    global _WORK
    work: list[Work] = []
    names: Names = {kind.key: {} for kind in KINDS}
    for kind in KINDS:
        for ord_, body in enumerate(loaded.entries[kind.key]):
            names[kind.key][body["id"]] = kind.name_of(body)
            work.append((kind, ord_, len(work), body))
    parallel = len(work) >= PARALLEL_ENTRIES
    parts = _parts(len(work), parallel)
    tables = _Tables()  # the postings of every range, joined
    early: dict[int, _Tables] = {}  # ranges done before the ones in front of them
    written = 1  # parts[0] is the typo rows
    buckets = 0
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    _WORK = (work, names)
    try:
        for index, rows in forked_as_done(_rows, parts, parallel):
            if isinstance(rows, _Typos):  # written as soon as they come
                conn.executemany("INSERT INTO typos VALUES (?, ?)", rows.rows)
                buckets = rows.buckets
                continue
            early[index] = rows
            while written in early:
                shard = early.pop(written)
                conn.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)", shard.entries)
                conn.executemany("INSERT INTO keys VALUES (?, ?, ?, ?, ?)", shard.keys)
                conn.executemany("INSERT INTO refs VALUES (?, ?, ?, ?, ?, ?, ?)", shard.refs)
                conn.executemany("INSERT INTO phrases VALUES (?, ?)", shard.phrases)
                tables.join_postings(shard)
                written += 1
    finally:
        _WORK = None
    conn.executemany(
        "INSERT INTO terms VALUES (?, ?)",
        # marshal version 2 has no back-references, whose use depends on reference counts:
        # the same postings are the same bytes, however they were made
        ((term, seal_bytes(marshal.dumps(p, 2))) for term, p in sorted(tables.postings.items())),
    )
    counts = {kind: len(found) for kind, found in names.items()}
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("notices", seal(_dumps(loaded.notices))),
            ("counts", seal(_dumps(counts))),
            ("searchable", seal(str(tables.searchable))),
            ("typo_buckets", seal(str(buckets))),
        ],
    )
    conn.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
    conn.commit()
