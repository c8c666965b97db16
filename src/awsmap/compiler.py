"""Writing a merged dataset into the SQLite tables that ``catalog`` reads.

Everything a command needs is precomputed here, once per data change: the name keys for resolution,
reverse links from AWS services to technologies, category membership, comparison pairs and the
search terms, so that a warm run touches only the rows it prints.
"""

from __future__ import annotations

import json
import marshal
import sqlite3
from typing import Any

from awsmap.loader import Loaded
from awsmap.resolve import TYPO_DEPTH, TYPO_MAX_KEY
from awsmap.search import FIELD_CODES, FIELD_WEIGHTS, FIELDS, posting, search_fields
from awsmap.text import compact, deletions, terms

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries(kind TEXT, id TEXT, ord INTEGER, name TEXT, body TEXT, PRIMARY KEY(kind, id));
CREATE TABLE keys(level INTEGER, key TEXT, kind TEXT, id TEXT, label TEXT);
CREATE INDEX keys_by_key ON keys(level, key);
CREATE TABLE links(service TEXT, technology TEXT, relation TEXT, note TEXT, ord INTEGER);
CREATE INDEX links_by_service ON links(service);
CREATE TABLE members(category TEXT, technology TEXT, ord INTEGER);
CREATE INDEX members_by_category ON members(category);
CREATE TABLE pairs(a TEXT, b TEXT, comparison TEXT);
CREATE INDEX pairs_by_a ON pairs(a);
CREATE INDEX entries_by_ord ON entries(kind, ord);
CREATE TABLE terms(term TEXT PRIMARY KEY, postings BLOB) WITHOUT ROWID;
CREATE TABLE typos(variant TEXT, key TEXT, PRIMARY KEY(variant, key)) WITHOUT ROWID;
"""


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write(conn: sqlite3.Connection, loaded: Loaded, fingerprint: str) -> None:
    """Fill an empty database; the fingerprint goes in last so a torn write never looks current."""
    data = loaded.dataset
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    entries: list[tuple[str, str, int, str, str]] = []
    keys: list[tuple[int, str, str, str, str]] = []

    def add(
        kind: str, ord_: int, entry_id: str, name: str, body: Any, names: tuple[str, ...]
    ) -> None:
        entries.append((kind, entry_id, ord_, name, _dumps(body)))
        for label in dict.fromkeys(names):
            keys.append((0, label, kind, entry_id, label))
        for label in dict.fromkeys(names):
            keys.append((1, compact(label), kind, entry_id, label))

    for i, cat in enumerate(data.categories):
        add("category", i, cat.id, cat.name, cat.to_dict(), (cat.id, cat.name, *cat.aliases))
    for i, svc in enumerate(data.aws_services):
        add(
            "aws_service",
            i,
            svc.id,
            svc.name,
            svc.to_dict(),
            (svc.id, svc.name, svc.full_name, *svc.aliases),
        )
    for i, comp in enumerate(data.comparisons):
        entries.append(("comparison", comp.id, i, comp.title, _dumps(comp.to_dict())))
    category_names = {c.id: c.name for c in data.categories}
    links: list[tuple[str, str, str, str, int]] = []
    members: list[tuple[str, str, int]] = []
    postings: dict[str, list[int]] = {}
    for i, tech in enumerate(data.technologies):
        add(
            "technology", i, tech.id, tech.name, tech.to_dict(), (tech.id, tech.name, *tech.aliases)
        )
        for j, eq in enumerate(tech.aws_equivalents):
            links.append((eq.service, tech.id, eq.relation, eq.note, i * 100 + j))
        members.extend((cat, tech.id, i) for cat in tech.categories)
        best: dict[str, int] = {}  # term -> code of the most telling field it occurs in
        for field, text in search_fields(tech, category_names):
            code = FIELD_CODES[field]
            for term in terms(text):
                if term not in best or FIELD_WEIGHTS[FIELDS[best[term]]] < FIELD_WEIGHTS[field]:
                    best[term] = code
        for term, code in best.items():
            postings.setdefault(term, []).append(posting(i, code))
    pairs = []
    for comp in data.comparisons:
        a, b = (f"{s.kind}:{s.target}" for s in comp.sides)
        pairs.extend([(a, b, comp.id), (b, a, comp.id)])
    conn.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?)", entries)
    conn.executemany("INSERT INTO keys VALUES (?, ?, ?, ?, ?)", keys)
    short = {k[1] for k in keys if k[0] == 1 and len(k[1]) <= TYPO_MAX_KEY}
    conn.executemany(
        "INSERT OR IGNORE INTO typos VALUES (?, ?)",
        ((v, key) for key in short for v in deletions(key, TYPO_DEPTH)),
    )
    conn.executemany("INSERT INTO links VALUES (?, ?, ?, ?, ?)", links)
    conn.executemany("INSERT INTO members VALUES (?, ?, ?)", members)
    conn.executemany("INSERT INTO pairs VALUES (?, ?, ?)", pairs)
    conn.executemany(
        "INSERT INTO terms VALUES (?, ?)",
        ((term, marshal.dumps(p)) for term, p in postings.items()),
    )
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("notices", _dumps(loaded.notices)), ("technologies", str(len(data.technologies)))],
    )
    conn.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
    conn.commit()
