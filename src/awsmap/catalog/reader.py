"""The read API over a compiled index: kinds and ids in, typed records out, nothing printed."""

import json
import marshal
import os
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, TypeVar

from awsmap.base.errors import NotFoundError
from awsmap.catalog.index import Index, open_index
from awsmap.catalog.indexformat import (
    typo_bucket,
    unpack_bucket,
    unpack_phrases,
    unseal,
    unseal_bytes,
)
from awsmap.catalog.kinds import BY_KEY, Kind

R = TypeVar("R")
T = TypeVar("T")


class Key(NamedTuple):
    """A name, alias or id as resolution sees it."""

    key: str
    kind: str  # the key of the entry's kind
    id: str
    label: str


MAX_MARKS = 900  # parameters in one statement: SQLite before 3.32 allows 999


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def _keys(kinds: Sequence[Kind[Any]]) -> tuple[str, ...]:
    return tuple(k.key for k in kinds)


def _body(value: object) -> Any:
    """An entry's document mapping from its sealed JSON (``indexformat.seal``)."""
    return json.loads(unseal(value))


def _records(kind: Kind[R]) -> "Callable[[list[tuple[Any, ...]]], list[R]]":
    return lambda rows: [kind.record(_body(r[0])) for r in rows]


def _id_names(rows: list[tuple[Any, ...]]) -> dict[str, str]:
    return {str(r[0]): str(r[1]) for r in rows}


class Catalog:
    def __init__(self, index: Index) -> None:
        self._index = index
        # every key of some kinds, read once per catalog: a fuzzy lookup and its per-word
        # suggestions scan the same rows, and a catalog never changes while it is open
        self._key_rows: dict[tuple[int, tuple[str, ...]], list[tuple[str, str, str, str]]] = {}
        self._buckets: int | None = None  # of the typo table, read on first use

    @classmethod
    def open(cls, user_paths: "Sequence[str | os.PathLike[str]]" = ()) -> "Catalog":
        return cls(open_index(user_paths))

    def derived_file(self, suffix: str) -> tuple[str, str] | None:
        """Where a file derived from this index is kept (beside it), and the key it must carry
        to be valid: the index's fingerprint. None for an index without a cache file."""
        if not self._index.path:
            return None
        return self._index.path + suffix, self._index.fingerprint

    def notices(self) -> list[str]:
        raw = self._index.meta("notices")
        return [str(n) for n in json.loads(raw)] if raw else []

    # -- entries ---------------------------------------------------------------------------------

    def get(self, kind: Kind[R], entry_id: str) -> R:
        found = self._index.read(
            "SELECT body FROM entries WHERE kind = ? AND id = ?",
            (kind.key, entry_id),
            _records(kind),
        )
        if not found:
            raise NotFoundError(f"no {kind.word} with id '{entry_id}'")
        return found[0]

    def many(self, kind: Kind[R], ids: Sequence[str]) -> dict[str, R]:
        """The entries with these ids that exist, by id."""
        return self._index.read(
            f"SELECT id, body FROM entries WHERE kind = ? AND id IN ({_marks(ids)})",
            (kind.key, *ids),
            lambda rows: {str(r[0]): kind.record(_body(r[1])) for r in rows},
        )

    def all(self, kind: Kind[R]) -> list[R]:
        return self._index.read(
            "SELECT body FROM entries WHERE kind = ? ORDER BY ord", (kind.key,), _records(kind)
        )

    def count(self, kind: Kind[Any]) -> int:
        raw = self._index.meta("counts")
        return int(json.loads(raw).get(kind.key, 0)) if raw else 0

    def searchable_count(self) -> int:
        return int(self._index.meta("searchable") or 0)

    def by_docs(self, docs: Sequence[int]) -> dict[int, tuple[Kind[Any], Any]]:
        """Entries by document number (search postings name documents)."""

        def decode(rows: list[tuple[Any, ...]]) -> dict[int, tuple[Kind[Any], Any]]:
            out: dict[int, tuple[Kind[Any], Any]] = {}
            for doc, key, body in rows:
                kind = BY_KEY[key]
                out[int(doc)] = (kind, kind.record(_body(body)))
            return out

        return self._index.read(
            f"SELECT doc, kind, body FROM entries WHERE doc IN ({_marks(docs)})",
            tuple(docs),
            decode,
        )

    def doc_names(self, docs: Sequence[int]) -> dict[int, tuple[Kind[Any], str, str]]:
        """(kind, id, display name) by document number, no record built."""
        return self._index.read(
            f"SELECT doc, kind, id, name FROM entries WHERE doc IN ({_marks(docs)})",
            tuple(docs),
            lambda rows: {int(d): (BY_KEY[k], str(i), str(n)) for d, k, i, n in rows},
        )

    def phrases(self, docs: Sequence[int]) -> list[tuple[int, str, str]]:
        """(document, field, its terms) of every searched value of these documents, in the
        order of the kind's searched fields; each terms string is space-delimited at both ends."""
        return [
            (int(doc), label, found)
            for doc, packed in self._index.rows(
                f"SELECT doc, held FROM phrases WHERE doc IN ({_marks(docs)}) ORDER BY doc",
                tuple(docs),
            )
            for label, found in unpack_phrases(str(packed))
        ]

    def names(self, kind: Kind[Any]) -> dict[str, str]:
        return self._index.read(
            "SELECT id, name FROM entries WHERE kind = ? ORDER BY ord", (kind.key,), _id_names
        )

    def names_for(self, kind: Kind[Any], ids: Sequence[str]) -> dict[str, str]:
        """Display names of the entries of one kind with these ids (no record is built)."""
        return self._index.read(
            f"SELECT id, name FROM entries WHERE kind = ? AND id IN ({_marks(ids)})",
            (kind.key, *ids),
            _id_names,
        )

    def names_of(self, refs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """Display names of (kind key, id) pairs that exist."""
        out: dict[tuple[str, str], str] = {}
        for key, entry_id in refs:
            name = self._index.read(
                "SELECT name FROM entries WHERE kind = ? AND id = ?",
                (key, entry_id),
                lambda rows: str(rows[0][0]) if rows else None,
            )
            if name is not None:
                out[(key, entry_id)] = name
        return out

    # -- references ------------------------------------------------------------------------------

    def referrers(
        self, target: Kind[Any], target_id: str, source: Kind[R], path: str | None = None
    ) -> list[R]:
        """Entries of ``source`` that refer to one entry (through ``path`` only, if given), in
        data order."""
        return self._referrer_rows("e.body", target, target_id, source, path, _records(source))

    def referrer_names(
        self, target: Kind[Any], target_id: str, source: Kind[Any], path: str | None = None
    ) -> list[tuple[str, str]]:
        """(id, name) of the referrers, as ``referrers`` orders them, without building records."""
        return self._referrer_rows(
            "e.id, e.name",
            target,
            target_id,
            source,
            path,
            lambda rows: [(str(r[0]), str(r[1])) for r in rows],
        )

    def referrer_documents(
        self, target: Kind[Any], target_id: str, source: Kind[Any], path: str | None = None
    ) -> list[dict[str, Any]]:
        """The referrers as checked document mappings: for a caller that reads a field or two
        and should not import the record types of their kind. A kind with a ``brief`` gives
        only those fields (an architecture's name and components, not its walk-through)."""
        column = "COALESCE(e.brief, e.body)" if source.brief else "e.body"
        return self._referrer_rows(
            column, target, target_id, source, path, lambda rows: [_body(r[0]) for r in rows]
        )

    def _referrer_rows(
        self,
        columns: str,
        target: Kind[Any],
        target_id: str,
        source: Kind[Any],
        path: str | None,
        decode: "Callable[[list[tuple[Any, ...]]], T]",
    ) -> T:
        sql = (
            f"SELECT {columns} FROM refs r JOIN entries e ON e.kind = r.from_kind "
            "AND e.id = r.from_id WHERE r.to_kind = ? AND r.to_id = ? AND r.from_kind = ?"
        )
        args: tuple[str, ...] = (target.key, target_id, source.key)
        if path is not None:
            sql += " AND r.field = ?"
            args += (path,)
        return self._index.read(
            sql + " GROUP BY e.id ORDER BY MIN(r.ord), MIN(r.pos)", args, decode
        )

    def referrer_counts(self, target: Kind[Any], source: Kind[Any]) -> dict[str, int]:
        """How many entries of ``source`` refer to each entry of ``target``."""
        rows = self._index.rows(
            "SELECT to_id, COUNT(DISTINCT from_id) FROM refs WHERE to_kind = ? AND from_kind = ? "
            "GROUP BY to_id",
            (target.key, source.key),
        )
        return {str(r[0]): int(r[1]) for r in rows}

    def covering(self, source: Kind[R], targets: Sequence[tuple[Kind[Any], str]]) -> list[R]:
        """Entries of ``source`` that refer to every one of ``targets``, fewest references first."""
        pairs = [f"{kind.key}:{entry_id}" for kind, entry_id in targets]
        return self._index.read(
            "SELECT e.body FROM refs r JOIN entries e ON e.kind = r.from_kind AND e.id = r.from_id "
            f"WHERE r.from_kind = ? AND r.to_kind || ':' || r.to_id IN ({_marks(pairs)}) "
            "GROUP BY e.id HAVING COUNT(DISTINCT r.to_kind || ':' || r.to_id) = ? "
            "ORDER BY (SELECT COUNT(*) FROM refs x "
            "WHERE x.from_kind = e.kind AND x.from_id = e.id), e.ord",
            (source.key, *pairs, len(set(pairs))),
            _records(source),
        )

    # -- resolution and search support -----------------------------------------------------------

    def keys_exact(self, level: int, key: str, kinds: Sequence[Kind[Any]]) -> list[Key]:
        rows = self._index.rows(
            "SELECT key, kind, id, label FROM keys WHERE level = ? AND key = ? "
            f"AND kind IN ({_marks(kinds)})",
            (level, key, *_keys(kinds)),
        )
        return [Key(*map(str, r)) for r in rows]

    def keys_prefix(self, level: int, prefix: str, kinds: Sequence[Kind[Any]]) -> list[Key]:
        rows = self._index.rows(
            "SELECT key, kind, id, label FROM keys WHERE level = ? AND key >= ? AND key < ? "
            f"AND kind IN ({_marks(kinds)})",
            (level, prefix, prefix + "\uffff", *_keys(kinds)),
        )
        return [Key(*map(str, r)) for r in rows]

    def key_rows(self, level: int, kinds: Sequence[Kind[Any]]) -> list[tuple[str, str, str, str]]:
        """Every key of the given kinds at one level as (key, kind, id, label): the fuzzy
        choices, with the name each key was made from (its words matter to a typo)."""
        memo = (level, _keys(kinds))
        if memo not in self._key_rows:
            self._key_rows[memo] = self._all_keys(level, kinds)
        return self._key_rows[memo]

    def _all_keys(self, level: int, kinds: Sequence[Kind[Any]]) -> list[tuple[str, str, str, str]]:
        return self._index.rows(
            f"SELECT key, kind, id, label FROM keys WHERE level = ? AND kind IN ({_marks(kinds)})",
            (level, *_keys(kinds)),
        )

    def typo_rows(
        self, level: int, variants: Sequence[str], kinds: Sequence[Kind[Any]]
    ) -> list[tuple[str, str, str, str]]:
        """(key, kind, id, label) of every key that shares a deletion variant with the query:
        the buckets of the query's few variants, then their keys, each found through its
        table's key (tests/test_cache.py pins both plans)."""
        if self._buckets is None:
            self._buckets = int(self._index.meta("typo_buckets") or 0)
        if not self._buckets or not variants:
            return []
        wanted = set(variants)
        ids = sorted({typo_bucket(v, self._buckets) for v in wanted})
        found = {
            key
            for (packed,) in self._index.rows(
                f"SELECT held FROM typos WHERE bucket IN ({_marks(ids)})", tuple(ids)
            )
            for variant, keys in unpack_bucket(str(packed))
            if variant in wanted
            for key in keys
        }
        keys = sorted(found)
        rows: list[tuple[str, str, str, str]] = []
        for start in range(0, len(keys), MAX_MARKS):  # a short variant may be held by thousands
            chunk = keys[start : start + MAX_MARKS]
            rows += self._index.rows(
                "SELECT key, kind, id, label FROM keys WHERE level = ? "
                f"AND key IN ({_marks(chunk)}) AND kind IN ({_marks(kinds)})",
                (level, *chunk, *_keys(kinds)),
            )
        return rows

    def postings(self, term: str, prefix: bool) -> list[int]:
        """Encoded (document, field) postings of a term, or of every term it starts."""

        def decode(rows: list[tuple[Any, ...]]) -> list[int]:
            return [p for r in rows for p in marshal.loads(unseal_bytes(r[0]))]

        if prefix:
            return self._index.read(
                "SELECT postings FROM terms WHERE term >= ? AND term < ?",
                (term, term + "\uffff"),
                decode,
            )
        return self._index.read("SELECT postings FROM terms WHERE term = ?", (term,), decode)
