"""Turning what a user typed into one entry, or a clear 'not found'.

Order: the exact id, name or alias; then the same in normal form (case, spacing, punctuation and an
"Apache"/"Amazon"/"AWS" prefix folded); then the start of exactly one entry's name ("graf" is
Grafana); then fuzzy matching with rapidfuzz's ratio.

A short typo ("kafak") is scored without importing rapidfuzz, whose import costs more than the
rest of a lookup: the index holds deletion variants of every short key, enough to find every key
a query of up to ten characters may be a typo of (``indexformat.typo_depth``), and those are the
only keys the full scan may answer with. They are scored exactly; the best is taken when it
clears the floor, the score ``100 * (1 - 3 / (2n + 3))`` that no key three edits from a query of
n characters reaches, and the ambiguity margin. Otherwise the full rapidfuzz scan answers.

Fuzzy matching has a score floor so that nonsense finds nothing, and refuses to choose between
two different entries that score within a small margin of each other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from awsmap.base.errors import NotFoundError, UsageError
from awsmap.base.match import Match
from awsmap.base.text import clean, compact, deletions, normalize, quoted, similarity
from awsmap.catalog.indexformat import TYPO_MAX_QUERY, KeyLevel, typo_depth
from awsmap.catalog.kinds import Kind
from awsmap.catalog.reader import Catalog, Key
from awsmap.find.typos import is_near, is_typo_of_name

FUZZY_FLOOR = 78.0
SUGGESTION_FLOOR = 70.0
AMBIGUITY_MARGIN = 3.0
MAX_SUGGESTIONS = 3
MIN_PREFIX = 3  # a shorter query is never taken as the start of a name
MIN_UNIQUE_PREFIX = 5  # nor, shorter than this, as the start of one name only
PLURAL_ENDINGS = ("es", "s")
MIN_SINGULAR = 4  # "kafkas" is Kafka; "ems" is not "em"
MIN_PREFIX_SHARE = 66.0  # a prefix taken as a name covers two thirds of it ("grafan": Grafana)
MAX_LISTED = 6  # names listed when a query starts several
SHORT_QUERY = 5  # a fuzzy match of a query this short must be about as long as the query
MIN_FUZZY = 4  # a shorter query is never matched fuzzily ("nat" is not NATS), only suggested
# The longest name in the data is under 80 characters. A longer query is not a name, misspelt or
# not: it is answered "not found" after the exact look-up, without fuzzy scans, whose cost grows
# with its length (a 100 KB argument took 27 s); suggestions come from its first words only.
MAX_NAME_QUERY = 160
MAX_SUGGESTING_WORDS = 8
Kinds = Sequence[Kind[Any]]


def clean_query(words: str | Sequence[str]) -> str:
    text = clean(words if isinstance(words, str) else " ".join(words))
    text = " ".join(text.split())
    if not text:
        raise UsageError("the name is empty; try 'awsmap list' to see every technology")
    return text


def exact(catalog: Catalog, query: str, kinds: Kinds, kind_first: bool = False) -> Match | None:
    """The entry named exactly ``query``, as written or in normal form, or None. ("Amazon EMR
    (Elastic MapReduce)" is Amazon EMR: a parenthesis only qualifies a name.) The name as written
    wins over a normal form, then the earlier kind; with ``kind_first`` the earlier kind wins
    first (the front door: the role "Load balancer" before a pattern's alias "load balancer")."""
    text = clean_query(query)
    order = [k.key for k in kinds]
    bare = compact(re.sub(r"\([^)]*\)", " ", text)) if "(" in text else ""
    ranked: list[tuple[int, int, Key]] = []
    for rank, (level, key) in enumerate(
        ((KeyLevel.EXACT, text), (KeyLevel.NORMAL, compact(text)), (KeyLevel.NORMAL, bare))
    ):
        found = catalog.keys_exact(level, key, kinds) if key else []
        ranked += [(order.index(k.kind), rank, k) for k in found]
        if found and not kind_first:
            break
    if not ranked:
        return None
    _place, rank, best = min(ranked, key=lambda r: r[:2] if kind_first else (r[1], r[0]))
    method = "exact" if rank == 0 else "normalized"
    return Match(text, best.kind, best.id, _name(catalog, best), method, 100.0)


def resolve(catalog: Catalog, query: str, kinds: Kinds, what: str = "") -> Match:
    """The single best entry of one of ``kinds`` (earlier kinds win ties) for ``query``."""
    text = clean_query(query)
    what = what or " or ".join(k.word for k in kinds)
    if len(text) > MAX_NAME_QUERY:
        return exact(catalog, text, kinds) or _too_long(catalog, text, kinds, what)
    return (
        exact(catalog, text, kinds)
        or singular(catalog, text, kinds)
        or _prefix(catalog, text, kinds)
        or _near(catalog, text, kinds)
        or _fuzzy(catalog, text, kinds, what)
    )


def _too_long(catalog: Catalog, query: str, kinds: Kinds, what: str) -> Match:
    suggestions = tuple(dict.fromkeys(_word_matches(catalog, query, kinds)))[:MAX_SUGGESTIONS]
    hint = f"; did you mean {either(suggestions)}?" if suggestions else ""
    raise NotFoundError(
        f"no {what} matches {quoted(query)} ({len(query):,} characters: longer than any name)"
        + hint,
        suggestions=suggestions,
    )


def singular(catalog: Catalog, query: str, kinds: Kinds, kind_first: bool = False) -> Match | None:
    """A plural is the name itself ("kafkas" is Kafka), a normal form like case or spacing."""
    for ending in PLURAL_ENDINGS:
        lower = query.lower()
        if lower.endswith("ss"):  # "postgress" is a typo, not a plural
            return None
        if len(query) >= len(ending) + MIN_SINGULAR and lower.endswith(ending):
            found = exact(catalog, query[: -len(ending)], kinds, kind_first)
            if found is not None:
                return Match(query, found.kind, found.id, found.label, "normalized", 100.0)
    return None


def _name(catalog: Catalog, key: Key) -> str:
    return catalog.names_of([(key.kind, key.id)]).get((key.kind, key.id), key.label)


def _ranked(scored: list[tuple[float, Key]], kinds: Kinds) -> list[tuple[float, Key]]:
    order = [k.key for k in kinds]
    return sorted(scored, key=lambda s: (-s[0], order.index(s[1].kind), s[1].id))


def _plausible(query: str, label: str) -> bool:
    """A match is an identity claim: only a typo of a name is taken for it (``find.typos``)."""
    return is_typo_of_name(query, label)


def _near(catalog: Catalog, query: str, kinds: Kinds) -> Match | None:
    """The fuzzy answer for a short typo, when it is provably the one a full scan would give."""
    key = compact(query)
    if not 2 <= len(key) <= TYPO_MAX_QUERY:
        return None
    scored: dict[tuple[str, str], tuple[float, Key]] = {}
    variants = sorted(deletions(key, typo_depth(len(key))))
    for choice, kind, entry_id, label in catalog.typo_rows(KeyLevel.NORMAL, variants, kinds):
        if not _plausible(query, label):
            continue
        score = similarity(key, choice)
        if (kind, entry_id) not in scored or scored[(kind, entry_id)][0] < score:
            scored[(kind, entry_id)] = (score, Key(choice, kind, entry_id, choice))
    ranked = _ranked(list(scored.values()), kinds)
    if not ranked:
        return None
    best_score, best = ranked[0]
    farther = 100.0 * (1 - 3 / (2 * len(key) + 3))
    if best_score < max(FUZZY_FLOOR, farther + AMBIGUITY_MARGIN):
        return None
    if len(ranked) > 1 and best_score - ranked[1][0] <= AMBIGUITY_MARGIN:
        return None  # ambiguous: the full scan words the message
    return Match(query, best.kind, best.id, _name(catalog, best), "fuzzy", best_score)


def _prefix(catalog: Catalog, query: str, kinds: Kinds) -> Match | None:
    """The one entry whose name starts with the query; several such entries is ambiguity."""
    key = compact(query)
    if len(key) < MIN_PREFIX:
        return None
    found = catalog.keys_prefix(KeyLevel.NORMAL, key, kinds)
    targets = {(k.kind, k.id): k for k in sorted(found, key=lambda k: len(k.key), reverse=True)}
    # "dyna" starts DynamoDB and DynamoDB Streams: the one whose name the others extend wins
    stems = [
        k
        for k in targets.values()
        if all(any(o.key.startswith(k.key) for o in found if (o.kind, o.id) == t) for t in targets)
    ]
    if len(key) >= MIN_UNIQUE_PREFIX and (len(targets) == 1 or len(stems) == 1):
        best = stems[0] if len(stems) == 1 else next(iter(targets.values()))
        score = 100.0 * len(key) / len(best.key)
        if score >= MIN_PREFIX_SHARE and _ends_in_a_word(key, best.label):
            return Match(query, best.kind, best.id, _name(catalog, best), "prefix", score)
        return None  # "database" does not start DMS, nor "queues" Queue Storage
    if len(targets) > 1:
        shortest_first = sorted(targets, key=lambda t: (len(targets[t].key), t))
        names = catalog.names_of(shortest_first[: MAX_LISTED + 1])
        close = tuple(dict.fromkeys(names.get(t, t[1]) for t in shortest_first))
        more = len(targets) - MAX_LISTED
        listed = (
            either(close[:MAX_LISTED])
            if more <= 0
            else ", ".join(f"'{n}'" for n in close[:MAX_LISTED]) + f" and {more} more"
        )
        raise NotFoundError(
            f"{quoted(query)} is ambiguous: it starts several names: {listed}; say which",
            suggestions=close[:MAX_SUGGESTIONS],
        )
    return None


def _ends_in_a_word(key: str, label: str) -> bool:
    """A prefix is the start of a one-word name ("grafan": Grafana) or whole words of a longer
    one, two at least ("kinesis data": Kinesis Data Streams); never inside a word of a longer
    name ("progres" is not Progress Chef) nor one letter into the next ("queues")."""
    words = [w for w in (compact(w) for w in normalize(label).split()) if w]
    ends = [sum(len(w) for w in words[: i + 1]) for i in range(len(words))]
    # of a longer name, at least two whole words: "python" does not start python-tuf
    return len(words) <= 1 or len(key) in ends[1:]


Row = tuple[str, str, str, str]  # key, kind, id, label


def _hits(query: str, rows: list[Row]) -> list[tuple[float, Row]]:
    """Every key scoring at least the suggestion floor against the query (one rapidfuzz scan)."""
    from rapidfuzz import fuzz, process

    squashed = normalize(query).replace(" ", "")
    found = process.extract(
        squashed, [r[0] for r in rows], scorer=fuzz.ratio, limit=None, score_cutoff=SUGGESTION_FLOOR
    )
    return [(float(score), rows[idx]) for _choice, score, idx in found]


def _best_per_entry(
    hits: list[tuple[float, Row]], query: str = "", plausible_only: bool = False
) -> list[tuple[float, Key]]:
    """Best score of each entry; with ``plausible_only``, by its best key that the query is a
    typo of (its best-scoring key may be another alias)."""
    scored: dict[tuple[str, str], tuple[float, Key]] = {}
    for score, (choice, kind, entry_id, label) in hits:
        if plausible_only and not _plausible(query, label):
            continue
        slot = (kind, entry_id)
        if slot not in scored or scored[slot][0] < score:
            scored[slot] = (score, Key(choice, kind, entry_id, choice))
    return list(scored.values())


def _fuzzy(catalog: Catalog, query: str, kinds: Kinds, what: str) -> Match:
    key = compact(query)
    hits = _hits(query, catalog.key_rows(KeyLevel.NORMAL, kinds)) if key else []
    ranked = _ranked(_best_per_entry(hits), kinds)
    shown = [(s, k) for s, k in ranked if is_near(key, k.key)][:MAX_SUGGESTIONS]
    names = catalog.names_of([(k.kind, k.id) for _s, k in shown])

    def _suggest(found: Key) -> str:
        return names.get((found.kind, found.id), found.label)

    suggestions = tuple(_suggest(k) for _s, k in shown)
    typos = _ranked(_best_per_entry(hits, query, plausible_only=True), kinds)
    matches = [(s, k) for s, k in typos if s >= FUZZY_FLOOR]
    if not matches:
        suggestions = tuple(dict.fromkeys([*_word_matches(catalog, query, kinds), *suggestions]))
        suggestions = suggestions[:MAX_SUGGESTIONS]
        hint = f"; did you mean {either(suggestions)}?" if suggestions else ""
        raise NotFoundError(f"no {what} matches {quoted(query)}{hint}", suggestions=suggestions)
    best_score, best = matches[0]
    rivals = [k for s, k in matches[1:] if best_score - s <= AMBIGUITY_MARGIN]
    if rivals:
        close = (_suggest(best), *(_suggest(k) for k in rivals[: MAX_SUGGESTIONS - 1]))
        raise NotFoundError(
            f"{quoted(query)} is ambiguous: it is as close to {either(close)}; say which",
            suggestions=close,
        )
    return Match(query, best.kind, best.id, _suggest(best), "fuzzy", best_score)


def _word_matches(catalog: Catalog, query: str, kinds: Kinds) -> list[str]:
    """For a query of several words that matches nothing: the entries its single words name
    ("redis cache" suggests Redis, "graphana dash" Grafana), so suggestions stay on topic."""
    words: list[str] = []
    for word in dict.fromkeys(query.split()):
        if len(compact(word)) >= MIN_FUZZY - 1:
            words.append(word)
            if len(words) == MAX_SUGGESTING_WORDS:
                break
    if len(words) < 2:
        return []
    found: list[str] = []
    for word in words:
        hit = exact(catalog, word, kinds)
        if hit is None and len(compact(word)) >= MIN_FUZZY:
            hits = _hits(word, catalog.key_rows(KeyLevel.NORMAL, kinds))
            near = [(s, k) for s, k in _ranked(_best_per_entry(hits), kinds) if s >= FUZZY_FLOOR]
            best = next((k for _s, k in near if is_near(compact(word), k.key)), None)
            if best is not None:
                found.append(_name(catalog, best))
            continue
        if hit is not None:
            found.append(hit.label)
    return found


def either(names: Sequence[str]) -> str:
    """'A', 'A' or 'B', 'A', 'B' or 'C': names offered in a message."""
    quoted_names = [f"'{n}'" for n in names]
    if len(quoted_names) <= 1:
        return "".join(quoted_names)
    return ", ".join(quoted_names[:-1]) + " or " + quoted_names[-1]
