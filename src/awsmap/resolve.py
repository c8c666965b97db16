"""Turning what a user typed into one entry, or a clear 'not found'.

Order: the exact id, name or alias; then the same in normal form (case, spacing, punctuation and an
"Apache"/"Amazon"/"AWS" prefix folded); then the start of exactly one entry's name ("graf" is
Grafana); then fuzzy matching with rapidfuzz, which is imported only here. Fuzzy matching has a score floor so that nonsense finds nothing, and refuses to choose between
two different entries that score within a small margin of each other.
"""

from __future__ import annotations

from typing import NamedTuple

import re
from collections.abc import Sequence

from awsmap.catalog import Catalog, Key
from awsmap.errors import NotFoundError, UsageError
from awsmap.text import clean, compact, echo, normalize

FUZZY_FLOOR = 78.0
SUGGESTION_FLOOR = 55.0
AMBIGUITY_MARGIN = 3.0
MAX_SUGGESTIONS = 3
MIN_PREFIX = 3
KIND_WORDS = {"technology": "technology", "aws_service": "AWS service", "category": "category"}


class Match(NamedTuple):
    """How a query was resolved: what it found, by which method, and how sure we are."""

    query: str
    kind: str
    id: str
    label: str
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
            return Match(text, best.kind, best.id, best.label, method, 100.0)
    what = what or " or ".join(KIND_WORDS[k] for k in kinds)
    return _prefix(catalog, text, kinds) or _fuzzy(catalog, text, kinds, what)


def _prefix(catalog: Catalog, query: str, kinds: Sequence[str]) -> Match | None:
    """The one entry whose name starts with the query; several such entries is ambiguity."""
    key = compact(query)
    if len(key) < MIN_PREFIX:
        return None
    found = catalog.keys_prefix(key, kinds)
    targets = {(k.kind, k.id): k for k in sorted(found, key=lambda k: len(k.key))}
    if len(targets) == 1:
        best = next(iter(targets.values()))
        name = catalog.names(best.kind).get(best.id, best.label)
        return Match(query, best.kind, best.id, name, "prefix", 100.0 * len(key) / len(best.key))
    if 1 < len(targets) <= 8:
        names = {(kind, i): n for kind in kinds for i, n in catalog.names(kind).items()}
        close = tuple(dict.fromkeys(names.get(t, t[1]) for t in targets))
        raise NotFoundError(
            f"{echo(query)} is the start of several names: {_or(close[:6])}; say which",
            suggestions=close[:MAX_SUGGESTIONS],
        )
    return None


def _score_all(query: str, keys: list[Key]) -> list[tuple[float, Key]]:
    from rapidfuzz import fuzz, process

    wanted = normalize(query)
    squashed = wanted.replace(" ", "")
    choices = [k.key for k in keys]
    scored: dict[tuple[str, str], tuple[float, Key]] = {}
    hits = process.extract(squashed, choices, scorer=fuzz.ratio, limit=25,
                           score_cutoff=SUGGESTION_FLOOR)
    for _choice, score, idx in hits:
        key = keys[idx]
        slot = (key.kind, key.id)
        if slot not in scored or scored[slot][0] < score:
            scored[slot] = (float(score), key)
    return sorted(scored.values(), key=lambda s: (-s[0], s[1].label))


def _fuzzy(catalog: Catalog, query: str, kinds: Sequence[str], what: str) -> Match:
    keys = catalog.keys(kinds)
    ranked = _score_all(query, keys) if compact(query) else []
    ranked.sort(key=lambda s: (-s[0], kinds.index(s[1].kind), s[1].label))
    names = {(kind, i): n for kind in kinds for i, n in catalog.names(kind).items()}

    def _suggest(key: Key) -> str:
        return names.get((key.kind, key.id), key.label)

    suggestions = tuple(_suggest(k) for _s, k in ranked[:MAX_SUGGESTIONS])
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
