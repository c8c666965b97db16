"""Ranked full-text search over every searchable kind, from the term index the compiler built.

A term scores by the most telling field it appears in (a name or alias says more than a passing
mention in a phrase, see ``indexformat.FIELD_WEIGHTS``), a little more for each further field that
mentions it, times how rare it is (idf). An entry that matches only some of the query's terms keeps
that share of its score; one whose field holds the whole query as a phrase gets a bonus, and one
named exactly what was asked (a name or alias) another. AWS services weigh a little more
(``AWS_BOOST``): for a concept such as "object storage", the AWS answer is what awsmap is for.
Scores are scaled to 0-100 against the best a query could score, so they compare across queries.

Results are ordered by the score they show (rounded to one decimal, as in JSON); ties go to the
kind that comes first in the registry, then to the name in alphabetical order, then to the id.
"""

import math
from collections.abc import Sequence
from typing import Any, NamedTuple

from awsmap.base.errors import NotFoundError, UsageError
from awsmap.base.text import clean, compact, quoted, terms
from awsmap.catalog.indexformat import FIELD_WEIGHTS, MAX_SPREAD, KeyLevel, unpack
from awsmap.catalog.kinds import AWS_SERVICE, KINDS, Kind
from awsmap.catalog.reader import Catalog

PHRASE_BONUS = 0.5
EXACT_BONUS = 0.5
AWS_BOOST = 1.15
SPREAD_BONUS = 0.03  # per further field that mentions a term: a tie-breaker
MIN_PREFIX = 4  # a term this long also matches the terms it starts
PHRASE_POOL = 30  # candidates checked for a phrase match, at least
RANK = {kind.key: i for i, kind in enumerate(KINDS)}
BEST_FIELD = max(FIELD_WEIGHTS.values())


class Scored(NamedTuple):
    kind: Kind[Any]
    record: Any
    score: float  # 0-100
    field: str  # the field that told most


def exact_names(catalog: Catalog, query: str) -> list[Any]:
    """Searchable entries that have the query as a name or alias (in normal form)."""
    key = compact(query)
    kinds = [k for k in KINDS if k.search]
    return catalog.keys_exact(KeyLevel.NORMAL, key, kinds) if key else []


def rank_key(kind: Kind[Any], name: str, entry_id: str, score: float) -> tuple[Any, ...]:
    return (-round(score, 1), RANK[kind.key], name.casefold(), entry_id)


def search(catalog: Catalog, text: str, limit: int = 10) -> tuple[str, list[Scored]]:
    """The query as understood, and the best ``limit`` entries for it, best first."""
    query = " ".join(clean(text).split())
    if not query:
        raise UsageError('the search text is empty; try e.g. awsmap search "stream processing"')
    wanted = list(dict.fromkeys(terms(query)))
    if not wanted:
        raise NotFoundError(f"nothing to search for in {quoted(query)}: it has only common words")
    total = max(catalog.searchable_count(), 1)
    scores: dict[int, float] = {}
    best_field: dict[int, tuple[float, str]] = {}
    matched: dict[int, int] = {}
    ceiling = 0.0
    for term in wanted:
        per_doc: dict[int, tuple[str, int]] = {}
        for packed in catalog.postings(term, prefix=len(term) >= MIN_PREFIX):
            doc, field, spread = unpack(packed)
            if doc not in per_doc or FIELD_WEIGHTS[field] > FIELD_WEIGHTS[per_doc[doc][0]]:
                per_doc[doc] = (field, spread)
        idf = math.log(1 + total / max(len(per_doc), 1))
        ceiling += BEST_FIELD * (1 + SPREAD_BONUS * (MAX_SPREAD - 1)) * idf
        for doc, (field, spread) in per_doc.items():
            gain = FIELD_WEIGHTS[field] * (1 + SPREAD_BONUS * (spread - 1)) * idf
            scores[doc] = scores.get(doc, 0.0) + gain
            matched[doc] = matched.get(doc, 0) + 1
            if doc not in best_field or best_field[doc][0] < gain:
                best_field[doc] = (gain, field)
    for doc in scores:  # an entry that matches part of the query keeps that share of its score
        scores[doc] *= matched[doc] / len(wanted)
    named = {key.kind + "\0" + key.id for key in exact_names(catalog, query)}
    pool = sorted(scores, key=lambda d: (-scores[d], d))[: max(3 * limit, PHRASE_POOL)]
    # the pool is ranked by kind, id and name alone; only the entries shown are decoded
    found = catalog.doc_names(pool) if pool else {}
    if len(wanted) > 1:
        ceiling *= 1 + PHRASE_BONUS
        _phrase_bonus(catalog, wanted, found, scores, best_field, matched)
    ceiling *= 1 + EXACT_BONUS
    for doc, (kind, entry_id, _name) in found.items():
        if kind.key + "\0" + entry_id in named:
            scores[doc] *= 1 + EXACT_BONUS
        if kind is AWS_SERVICE:
            scores[doc] *= AWS_BOOST

    def shown(doc: int) -> float:
        return min(100.0, 100.0 * scores[doc] / ceiling)

    ranked = sorted(found, key=lambda d: rank_key(found[d][0], found[d][2], found[d][1], shown(d)))
    top = ranked[:limit]
    records = catalog.by_docs(top) if top else {}
    return query, [Scored(*records[d], shown(d), best_field[d][1]) for d in top]


def _phrase_bonus(
    catalog: Catalog,
    wanted: Sequence[str],
    found: dict[int, tuple[Kind[Any], str, str]],
    scores: dict[int, float],
    best_field: dict[int, tuple[float, str]],
    matched: dict[int, int],
) -> None:
    """Raise the candidates that hold the whole query, in order, inside one field (the index
    keeps each searched value's terms, so nothing is re-read or stemmed here)."""
    phrase = f" {' '.join(wanted)} "
    whole = [doc for doc in found if matched[doc] == len(wanted)]
    raised: set[int] = set()
    for doc, label, held in catalog.phrases(whole) if whole else ():
        if doc not in raised and phrase in held:
            raised.add(doc)
            scores[doc] *= 1 + PHRASE_BONUS
            best_field[doc] = (math.inf, label)
