"""Writing a merged dataset into the SQLite tables that ``catalog`` reads.

Everything a command needs is precomputed here, once per data change: the name keys for resolution,
reverse links from AWS services to technologies, category membership, comparison pairs and the
search terms, so that a warm run touches only the rows it prints.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from awsmap.loader import Loaded
from awsmap.models import Technology
from awsmap.search import FIELD_WEIGHTS
from awsmap.text import compact, terms

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
CREATE TABLE terms(term TEXT, technology TEXT, field TEXT, weight REAL);
CREATE INDEX terms_by_term ON terms(term);
CREATE TABLE texts(technology TEXT, field TEXT, terms TEXT);
CREATE INDEX texts_by_technology ON texts(technology);
"""

def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _search_fields(tech: Technology, category_names: dict[str, str]) -> Iterator[tuple[str, str]]:
    yield "name", tech.name
    for alias in tech.aliases:
        yield "aliases", alias
    yield "what_it_is", tech.what_it_is
    for cat in tech.categories:
        yield "categories", category_names.get(cat, cat)
    for use in tech.use_cases:
        yield "use_cases", use
    for feature in tech.key_features:
        yield "key_features", feature
    for par in tech.parallels:
        yield "parallels", f"{par.aspect}: {par.detail}"
    for phrase in tech.interview_phrases:
        yield "interview_phrases", phrase
    for section in tech.sections:
        for item in section.items:
            yield "sections", f"{item.name or ''} {item.detail}"


def write(conn: sqlite3.Connection, loaded: Loaded, fingerprint: str) -> None:
    """Fill an empty database; the fingerprint goes in last so a torn write never looks current."""
    data = loaded.dataset
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    entries: list[tuple[str, str, int, str, str]] = []
    keys: list[tuple[int, str, str, str, str]] = []

    def add(kind: str, ord_: int, entry_id: str, name: str, body: Any, names: tuple[str, ...]) -> None:
        entries.append((kind, entry_id, ord_, name, _dumps(body)))
        for label in dict.fromkeys(names):
            keys.append((0, label, kind, entry_id, label))
        for label in dict.fromkeys(names):
            keys.append((1, compact(label), kind, entry_id, label))

    for i, cat in enumerate(data.categories):
        add("category", i, cat.id, cat.name, cat.to_dict(), (cat.id, cat.name, *cat.aliases))
    for i, svc in enumerate(data.aws_services):
        add("aws_service", i, svc.id, svc.name, svc.to_dict(),
            (svc.id, svc.name, svc.full_name, *svc.aliases))
    for i, comp in enumerate(data.comparisons):
        entries.append(("comparison", comp.id, i, comp.title, _dumps(comp.to_dict())))
    category_names = {c.id: c.name for c in data.categories}
    links, members, term_rows, texts = [], [], [], []
    for i, tech in enumerate(data.technologies):
        add("technology", i, tech.id, tech.name, tech.to_dict(), (tech.id, tech.name, *tech.aliases))
        for j, eq in enumerate(tech.aws_equivalents):
            links.append((eq.service, tech.id, eq.relation, eq.note, i * 100 + j))
        members.extend((cat, tech.id, i) for cat in tech.categories)
        best: dict[tuple[str, str], float] = {}
        for field, text in _search_fields(tech, category_names):
            found = terms(text)
            texts.append((tech.id, field, " ".join(found)))
            for term in found:
                key = (term, field)
                best[key] = max(best.get(key, 0.0), FIELD_WEIGHTS[field])
        term_rows.extend((term, tech.id, field, w) for (term, field), w in best.items())
    pairs = []
    for comp in data.comparisons:
        a, b = (f"{s.kind}:{s.target}" for s in comp.sides)
        pairs.extend([(a, b, comp.id), (b, a, comp.id)])
    conn.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?)", entries)
    conn.executemany("INSERT INTO keys VALUES (?, ?, ?, ?, ?)", keys)
    conn.executemany("INSERT INTO links VALUES (?, ?, ?, ?, ?)", links)
    conn.executemany("INSERT INTO members VALUES (?, ?, ?)", members)
    conn.executemany("INSERT INTO pairs VALUES (?, ?, ?)", pairs)
    conn.executemany("INSERT INTO terms VALUES (?, ?, ?, ?)", term_rows)
    conn.executemany("INSERT INTO texts VALUES (?, ?, ?)", texts)
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("notices", _dumps(loaded.notices)), ("technologies", str(len(data.technologies)))],
    )
    conn.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
    conn.commit()
