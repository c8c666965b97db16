"""The read API over a compiled index: typed records in, nothing printed."""

from __future__ import annotations

import json
import marshal
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from awsmap.errors import NotFoundError
from awsmap.index import Index, open_index
from awsmap.models import AwsService, Category, Comparison, Technology

TECHNOLOGY = "technology"
AWS_SERVICE = "aws_service"
CATEGORY = "category"


class Key(NamedTuple):
    """A name, alias or id as resolution sees it."""

    key: str
    kind: str
    id: str
    label: str


class Link(NamedTuple):
    """One technology's mapping to an AWS service, seen from the service."""

    technology: str
    name: str
    relation: str
    note: str


class Catalog:
    def __init__(self, index: Index) -> None:
        self._index = index

    @classmethod
    def open(cls, user_paths: Sequence[Path] = ()) -> Catalog:
        return cls(open_index(user_paths))

    def notices(self) -> list[str]:
        raw = self._index.meta("notices")
        return [str(n) for n in json.loads(raw)] if raw else []

    # -- single entries -------------------------------------------------------------------------

    def _body(self, kind: str, entry_id: str) -> dict[str, Any]:
        rows = self._index.rows(
            "SELECT body FROM entries WHERE kind = ? AND id = ?", (kind, entry_id)
        )
        if not rows:
            raise NotFoundError(f"no {kind.replace('_', ' ')} with id '{entry_id}'")
        body: dict[str, Any] = json.loads(rows[0][0])
        return body

    def technology(self, entry_id: str) -> Technology:
        return Technology.from_dict(self._body(TECHNOLOGY, entry_id))

    def service(self, entry_id: str) -> AwsService:
        return AwsService.from_dict(self._body(AWS_SERVICE, entry_id))

    def category(self, entry_id: str) -> Category:
        return Category.from_dict(self._body(CATEGORY, entry_id))

    def comparison(self, entry_id: str) -> Comparison:
        return Comparison.from_dict(self._body("comparison", entry_id))

    def services(self, ids: Sequence[str]) -> dict[str, AwsService]:
        marks = ",".join("?" * len(ids))
        rows = self._index.rows(
            f"SELECT body FROM entries WHERE kind = 'aws_service' AND id IN ({marks})", tuple(ids)
        )
        found = (AwsService.from_dict(json.loads(r[0])) for r in rows)
        return {s.id: s for s in found}

    # -- collections ----------------------------------------------------------------------------

    def _all(self, kind: str) -> list[dict[str, object]]:
        rows = self._index.rows("SELECT body FROM entries WHERE kind = ? ORDER BY ord", (kind,))
        return [json.loads(r[0]) for r in rows]

    def technologies(self) -> list[Technology]:
        return [Technology.from_dict(b) for b in self._all(TECHNOLOGY)]

    def categories(self) -> list[Category]:
        return [Category.from_dict(b) for b in self._all(CATEGORY)]

    def category_counts(self) -> dict[str, int]:
        rows = self._index.rows("SELECT category, COUNT(*) FROM members GROUP BY category")
        return {str(r[0]): int(r[1]) for r in rows}

    def members(self, category_id: str) -> list[Technology]:
        rows = self._index.rows(
            "SELECT e.body FROM members m JOIN entries e ON e.kind = 'technology' "
            "AND e.id = m.technology WHERE m.category = ? ORDER BY m.ord",
            (category_id,),
        )
        return [Technology.from_dict(json.loads(r[0])) for r in rows]

    def links(self, service_id: str) -> list[Link]:
        rows = self._index.rows(
            "SELECT l.technology, e.name, l.relation, l.note FROM links l JOIN entries e "
            "ON e.kind = 'technology' AND e.id = l.technology WHERE l.service = ? ORDER BY l.ord",
            (service_id,),
        )
        return [Link(*map(str, r)) for r in rows]

    def comparisons_of(self, kind: str, entry_id: str) -> list[Comparison]:
        rows = self._index.rows(
            "SELECT DISTINCT comparison FROM pairs WHERE a = ? ORDER BY comparison",
            (f"{kind}:{entry_id}",),
        )
        return [self.comparison(str(r[0])) for r in rows]

    def comparison_between(self, a: tuple[str, str], b: tuple[str, str]) -> Comparison | None:
        rows = self._index.rows(
            "SELECT comparison FROM pairs WHERE a = ? AND b = ? ORDER BY comparison",
            (f"{a[0]}:{a[1]}", f"{b[0]}:{b[1]}"),
        )
        return self.comparison(str(rows[0][0])) if rows else None

    # -- resolution and search support -----------------------------------------------------------

    def keys_exact(self, level: int, key: str, kinds: Sequence[str]) -> list[Key]:
        marks = ",".join("?" * len(kinds))
        rows = self._index.rows(
            "SELECT key, kind, id, label FROM keys WHERE level = ? AND key = ? "
            f"AND kind IN ({marks})",
            (level, key, *kinds),
        )
        return [Key(*map(str, r)) for r in rows]

    def keys_prefix(self, prefix: str, kinds: Sequence[str]) -> list[Key]:
        marks = ",".join("?" * len(kinds))
        rows = self._index.rows(
            "SELECT key, kind, id, label FROM keys WHERE level = 1 AND key >= ? AND key < ? "
            f"AND kind IN ({marks})",
            (prefix, prefix + "\uffff", *kinds),
        )
        return [Key(*map(str, r)) for r in rows]

    def key_rows(self, kinds: Sequence[str]) -> list[tuple[str, str, str]]:
        """Every normal-form key of the given kinds as (key, kind, id): the fuzzy choices."""
        marks = ",".join("?" * len(kinds))
        return self._index.rows(
            f"SELECT key, kind, id FROM keys WHERE level = 1 AND kind IN ({marks})", tuple(kinds)
        )

    def typo_rows(
        self, variants: Sequence[str], kinds: Sequence[str]
    ) -> list[tuple[str, str, str]]:
        """(key, kind, id) of every key that shares a deletion variant with the query."""
        marks = ",".join("?" * len(variants))
        kind_marks = ",".join("?" * len(kinds))
        return self._index.rows(
            "SELECT DISTINCT k.key, k.kind, k.id FROM typos t JOIN keys k "
            f"ON k.level = 1 AND k.key = t.key WHERE t.variant IN ({marks}) "
            f"AND k.kind IN ({kind_marks})",
            (*variants, *kinds),
        )

    def names_of(self, refs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
        out: dict[tuple[str, str], str] = {}
        for kind, entry_id in refs:
            rows = self._index.rows(
                "SELECT name FROM entries WHERE kind = ? AND id = ?", (kind, entry_id)
            )
            if rows:
                out[(kind, entry_id)] = str(rows[0][0])
        return out

    def names(self, kind: str) -> dict[str, str]:
        rows = self._index.rows("SELECT id, name FROM entries WHERE kind = ? ORDER BY ord", (kind,))
        return {str(r[0]): str(r[1]) for r in rows}

    def postings(self, term: str, prefix: bool) -> list[int]:
        """Encoded (technology ordinal, field) postings of a term, or of every term it starts."""
        if prefix:
            rows = self._index.rows(
                "SELECT postings FROM terms WHERE term >= ? AND term < ?", (term, term + "\uffff")
            )
        else:
            rows = self._index.rows("SELECT postings FROM terms WHERE term = ?", (term,))
        return [p for r in rows for p in marshal.loads(r[0])]

    def technologies_by_ord(self, ords: Sequence[int]) -> dict[int, Technology]:
        marks = ",".join("?" * len(ords))
        rows = self._index.rows(
            f"SELECT ord, body FROM entries WHERE kind = 'technology' AND ord IN ({marks})",
            tuple(ords),
        )
        return {int(r[0]): Technology.from_dict(json.loads(r[1])) for r in rows}

    def technology_count(self) -> int:
        return int(self._index.meta("technologies") or 0)
