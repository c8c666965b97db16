"""Turning what a user typed into one entry, or a clear 'not found'.

Order: the exact id, name or alias; then the same in normal form (case, spacing, punctuation and an
"Apache"/"Amazon"/"AWS" prefix folded); then the start of exactly one entry's name ("graf" is
Grafana); then fuzzy matching with rapidfuzz's ratio.

A short typo ("kafak") is scored without importing rapidfuzz, whose import costs more than the
rest of a lookup: the index holds every key's two-character deletions, so the keys within two
edits of the query are found directly and scored exactly. Any key further away scores at most
``100 * (1 - 3 / (2n + 3))`` for a query of n characters; when the best nearby key beats that
bound by the ambiguity margin, the full rapidfuzz scan could not answer otherwise, and is skipped.

Fuzzy matching has a score floor so that nonsense finds nothing, and refuses to choose between
two different entries that score within a small margin of each other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from awsmap.catalog import Catalog, Key
from awsmap.errors import NotFoundError, UsageError
from awsmap.text import clean, compact, deletions, echo, normalize, similarity

FUZZY_FLOOR = 78.0
SUGGESTION_FLOOR = 55.0
AMBIGUITY_MARGIN = 3.0
MAX_SUGGESTIONS = 3
MIN_PREFIX = 3
TYPO_DEPTH = 2  # deletions stored per key
TYPO_MAX_KEY = 12  # keys longer than this have none stored
TYPO_MAX_QUERY = TYPO_MAX_KEY - TYPO_DEPTH  # so every key within two edits is covered
KIND_WORDS = {"technology": "technology", "aws_service": "AWS service", "category": "category"}


class Match(NamedTuple):
    """How a query was resolved: what it found, by which method, and how sure we are."""

    query: str
    kind: str
    id: str
    label: str  # the entry's display name
    method: str  # exact | normalized | prefix | fuzzy
    score: float

    def to_json(self) -> dict[str, object]:
        return {"query": self.query, "method": self.method, "score": round(self.score, 1)}


def clean_query(words: str | Sequence[str]) -> str:
    text = clean(words if isinstance(words, str) else " ".join(words))
    text = " ".join(text.split())
    if not text:
        raise UsageError("the name is empty; try 'awsmap list' to see every technology")
    return text


def resolve(catalog: Catalog, query: str, kinds: Sequence[str], what: str = "") -> Match:
    """The single best entry of one of ``kinds`` (earlier kinds win ties) for ``query``."""
    text = clean_query(query)
    # "Amazon EMR (Elastic MapReduce)" is Amazon EMR: a parenthesis only qualifies a name
    bare = compact(re.sub(r"\([^)]*\)", " ", text)) if "(" in text else ""
    for level, key in ((0, text), (1, compact(text)), (1, bare)):
        if not key:
            continue
        found = catalog.keys_exact(level, key, kinds)
        if found:
            best = min(found, key=lambda k: kinds.index(k.kind))
            method = "exact" if level == 0 else "normalized"
            name = catalog.names_of([(best.kind, best.id)]).get((best.kind, best.id), best.label)
            return Match(text, best.kind, best.id, name, method, 100.0)
    what = what or " or ".join(KIND_WORDS[k] for k in kinds)
    return (
        _prefix(catalog, text, kinds)
        or _near(catalog, text, kinds)
        or _fuzzy(catalog, text, kinds, what)
    )


def _best(
    query: str, scored: list[tuple[float, Key]], kinds: Sequence[str]
) -> list[tuple[float, Key]]:
    return sorted(scored, key=lambda s: (-s[0], kinds.index(s[1].kind), s[1].id))


def _near(catalog: Catalog, query: str, kinds: Sequence[str]) -> Match | None:
    """The fuzzy answer for a short typo, when it is provably the one a full scan would give."""
    key = compact(query)
    if not 2 <= len(key) <= TYPO_MAX_QUERY:
        return None
    scored: dict[tuple[str, str], tuple[float, Key]] = {}
    for choice, kind, entry_id in catalog.typo_rows(sorted(deletions(key, TYPO_DEPTH)), kinds):
        score = similarity(key, choice)
        if (kind, entry_id) not in scored or scored[(kind, entry_id)][0] < score:
            scored[(kind, entry_id)] = (score, Key(choice, kind, entry_id, choice))
    ranked = _best(query, list(scored.values()), kinds)
    if not ranked:
        return None
    best_score, best = ranked[0]
    farther = 100.0 * (1 - 3 / (2 * len(key) + 3))
    if best_score < max(FUZZY_FLOOR, farther + AMBIGUITY_MARGIN):
        return None
    if len(ranked) > 1 and best_score - ranked[1][0] <= AMBIGUITY_MARGIN:
        return None  # ambiguous: the full scan words the message
    name = catalog.names_of([(best.kind, best.id)]).get((best.kind, best.id), best.label)
    return Match(query, best.kind, best.id, name, "fuzzy", best_score)


def _prefix(catalog: Catalog, query: str, kinds: Sequence[str]) -> Match | None:
    """The one entry whose name starts with the query; several such entries is ambiguity."""
    key = compact(query)
    if len(key) < MIN_PREFIX:
        return None
    found = catalog.keys_prefix(key, kinds)
    targets = {(k.kind, k.id): k for k in sorted(found, key=lambda k: len(k.key), reverse=True)}
    # "dyna" starts DynamoDB and DynamoDB Streams: the one whose name the others extend wins
    stems = [
        k
        for k in targets.values()
        if all(any(o.key.startswith(k.key) for o in found if (o.kind, o.id) == t) for t in targets)
    ]
    if len(targets) == 1 or len(stems) == 1:
        best = stems[0] if len(stems) == 1 else next(iter(targets.values()))
        name = catalog.names_of([(best.kind, best.id)]).get((best.kind, best.id), best.label)
        return Match(query, best.kind, best.id, name, "prefix", 100.0 * len(key) / len(best.key))
    if 1 < len(targets) <= 8:
        shortest_first = sorted(targets, key=lambda t: (len(targets[t].key), t))
        names = catalog.names_of(shortest_first)
        close = tuple(dict.fromkeys(names.get(t, t[1]) for t in shortest_first))
        raise NotFoundError(
            f"{echo(query)} is the start of several names: {_or(close[:6])}; say which",
            suggestions=close[:MAX_SUGGESTIONS],
        )
    return None


def _score_all(query: str, rows: list[tuple[str, str, str]]) -> list[tuple[float, Key]]:
    """Best fuzzy score of each entry; rows are (key, kind, id) and stay plain tuples for speed."""
    from rapidfuzz import fuzz, process

    squashed = normalize(query).replace(" ", "")
    scored: dict[tuple[str, str], tuple[float, Key]] = {}
    hits = process.extract(
        squashed, [r[0] for r in rows], scorer=fuzz.ratio, limit=25, score_cutoff=SUGGESTION_FLOOR
    )
    for choice, score, idx in hits:
        _key, kind, entry_id = rows[idx]
        slot = (kind, entry_id)
        if slot not in scored or scored[slot][0] < score:
            scored[slot] = (float(score), Key(choice, kind, entry_id, choice))
    return list(scored.values())


def _fuzzy(catalog: Catalog, query: str, kinds: Sequence[str], what: str) -> Match:
    ranked = _best(
        query, _score_all(query, catalog.key_rows(kinds)) if compact(query) else [], kinds
    )
    shown = ranked[:MAX_SUGGESTIONS]
    names = catalog.names_of([(k.kind, k.id) for _s, k in shown])

    def _suggest(key: Key) -> str:
        return names.get((key.kind, key.id), key.label)

    suggestions = tuple(_suggest(k) for _s, k in shown)
    if not ranked or ranked[0][0] < FUZZY_FLOOR:
        hint = f"; did you mean {_or(suggestions)}?" if suggestions else ""
        raise NotFoundError(f"no {what} matches {echo(query)}{hint}", suggestions=suggestions)
    best_score, best = ranked[0]
    rivals = [k for s, k in ranked[1:] if best_score - s <= AMBIGUITY_MARGIN]
    if rivals:
        close = (_suggest(best), *(_suggest(k) for k in rivals[: MAX_SUGGESTIONS - 1]))
        raise NotFoundError(
            f"{echo(query)} is ambiguous: it is as close to {_or(close)}; say which",
            suggestions=close,
        )
    return Match(query, best.kind, best.id, _suggest(best), "fuzzy", best_score)


def _or(names: Sequence[str]) -> str:
    quoted = [f"'{n}'" for n in names]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
