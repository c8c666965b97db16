"""Writing a merged dataset into the SQLite tables that ``catalog`` reads.

Everything a command needs is precomputed here, once per data change, and derived from the
registry of kinds: the name keys for resolution, every reference between entries (so that any entry
can list what points at it), and the search terms, so that a warm run touches only the rows it
prints.
"""

from __future__ import annotations

import json
import marshal
import sqlite3
from typing import Any

from awsmap.base.text import compact, deletions, flat_text, terms
from awsmap.catalog.indexformat import (
    FIELD_WEIGHTS,
    TYPO_DEPTH,
    TYPO_MAX_KEY,
    KeyLevel,
    posting,
    seal,
    seal_bytes,
)
from awsmap.catalog.kinds import KINDS, Kind, walk
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
CREATE TABLE typos(variant TEXT, key TEXT, PRIMARY KEY(variant, key)) WITHOUT ROWID;
CREATE TABLE phrases(doc INTEGER, pos INTEGER, label TEXT, terms TEXT, PRIMARY KEY(doc, pos))
    WITHOUT ROWID;
"""


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class _Tables:
    """Rows for each table, collected entry by entry."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, str, int, int, str, str, str | None]] = []
        self.keys: list[tuple[int, str, str, str, str]] = []
        self.refs: list[tuple[str, str, str, str, str, int, int]] = []
        self.postings: dict[str, list[int]] = {}
        self.phrases: list[tuple[int, int, str, str]] = []
        self.names: dict[str, dict[str, str]] = {kind.key: {} for kind in KINDS}
        self.searchable = 0

    def add(self, kind: Kind[Any], ord_: int, body: dict[str, Any]) -> None:
        entry_id = body["id"]
        doc = len(self.entries)
        name = kind.name_of(body)
        self.names[kind.key][entry_id] = name
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
            for _at, image in walk(body, kind.images):
                self.keys.append((KeyLevel.IMAGE, image, kind.key, entry_id, image))
        for ref in kind.refs:
            for pos, (_at, target) in enumerate(walk(body, ref.path)):
                self.refs.append((ref.target, target, kind.key, entry_id, ref.path, ord_, pos))
        if kind.search:
            self.searchable += 1
            self._index_terms(kind, doc, body)

    def _index_terms(self, kind: Kind[Any], doc: int, body: dict[str, Any]) -> None:
        best: dict[str, str] = {}  # term -> the most telling field it occurs in
        fields: dict[str, set[str]] = {}  # term -> every field it occurs in
        for field in kind.search:
            for _at, value in walk(body, field.path):
                text = self.names[field.via].get(value, value) if field.via else flat_text(value)
                found = terms(text)
                # each searched value's terms in order, for the phrase bonus (search.py)
                self.phrases.append((doc, len(self.phrases), field.label, f" {' '.join(found)} "))
                for term in found:
                    fields.setdefault(term, set()).add(field.label)
                    if term not in best or FIELD_WEIGHTS[best[term]] < FIELD_WEIGHTS[field.label]:
                        best[term] = field.label
        for term, label in best.items():
            self.postings.setdefault(term, []).append(posting(doc, label, len(fields[term])))


def write(conn: sqlite3.Connection, loaded: Loaded, fingerprint: str) -> None:
    """Fill an empty database; the fingerprint goes in last so a torn write never looks current."""
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    tables = _Tables()
    for kind in KINDS:  # in registry order, so names are known before entries that refer to them
        for ord_, record in enumerate(loaded.dataset.of(kind)):
            tables.add(kind, ord_, record.to_dict())
    conn.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)", tables.entries)
    conn.executemany("INSERT INTO keys VALUES (?, ?, ?, ?, ?)", tables.keys)
    short = {k[1] for k in tables.keys if k[0] == KeyLevel.NORMAL and len(k[1]) <= TYPO_MAX_KEY}
    conn.executemany(
        "INSERT OR IGNORE INTO typos VALUES (?, ?)",
        ((v, key) for key in short for v in deletions(key, TYPO_DEPTH)),
    )
    conn.executemany("INSERT INTO refs VALUES (?, ?, ?, ?, ?, ?, ?)", tables.refs)
    conn.executemany("INSERT INTO phrases VALUES (?, ?, ?, ?)", tables.phrases)
    conn.executemany(
        "INSERT INTO terms VALUES (?, ?)",
        ((term, seal_bytes(marshal.dumps(p))) for term, p in tables.postings.items()),
    )
    counts = {kind: len(found) for kind, found in tables.names.items()}
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("notices", seal(_dumps(loaded.notices))),
            ("counts", seal(_dumps(counts))),
            ("searchable", seal(str(tables.searchable))),
        ],
    )
    conn.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
    conn.commit()
