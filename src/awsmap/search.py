"""Ranked full-text search over technologies, from the term index the compiler built.

A term scores by the most telling field it appears in (a name says more than a phrase) times how
rare it is; a technology whose field holds the whole query as a phrase gets a bonus. Scores are
scaled to 0-100 against the best a query could score, so they compare across queries.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from awsmap.catalog import Catalog
from awsmap.errors import NotFoundError, UsageError
from awsmap.models import Technology
from awsmap.results import Hit, SearchResult
from awsmap.text import clean, echo, terms

# How much a match in each field says about a technology. The order gives each field its code.
FIELD_WEIGHTS = {
    "name": 10.0,
    "aliases": 8.0,
    "what_it_is": 4.0,
    "categories": 3.0,
    "use_cases": 3.0,
    "key_features": 2.0,
    "parallels": 2.0,
    "interview_phrases": 1.0,
    "sections": 1.0,
}
FIELDS = tuple(FIELD_WEIGHTS)
FIELD_CODES = {field: code for code, field in enumerate(FIELDS)}
_CODE_BITS = 4
PHRASE_BONUS = 0.5
MIN_PREFIX = 4
PHRASE_POOL = 30


def posting(ordinal: int, code: int) -> int:
    """One technology and the best field a term occurs in, packed into an int."""
    return (ordinal << _CODE_BITS) | code


def search_fields(tech: Technology, category_names: dict[str, str]) -> Iterator[tuple[str, str]]:
    """The searchable text of a technology, field by field."""
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


def search(catalog: Catalog, text: str, limit: int = 10) -> SearchResult:
    query = " ".join(clean(text).split())
    if not query:
        raise UsageError('the search text is empty; try e.g. awsmap search "stream processing"')
    wanted = list(dict.fromkeys(terms(query)))
    if not wanted:
        raise NotFoundError(f"nothing to search for in {echo(query)}: it has only common words")
    total = max(catalog.technology_count(), 1)
    scores: dict[int, float] = {}
    best_field: dict[int, tuple[float, str]] = {}
    matched: dict[int, int] = {}
    ceiling = 0.0
    for term in wanted:
        per_tech: dict[int, float] = {}
        fields: dict[int, str] = {}
        for packed in catalog.postings(term, prefix=len(term) >= MIN_PREFIX):
            ordinal, field = packed >> _CODE_BITS, FIELDS[packed & ((1 << _CODE_BITS) - 1)]
            if FIELD_WEIGHTS[field] > per_tech.get(ordinal, 0.0):
                per_tech[ordinal] = FIELD_WEIGHTS[field]
                fields[ordinal] = field
        idf = math.log(1 + total / max(len(per_tech), 1))
        ceiling += FIELD_WEIGHTS["name"] * idf
        for ordinal, weight in per_tech.items():
            gain = weight * idf
            scores[ordinal] = scores.get(ordinal, 0.0) + gain
            matched[ordinal] = matched.get(ordinal, 0) + 1
            if ordinal not in best_field or best_field[ordinal][0] < gain:
                best_field[ordinal] = (gain, fields[ordinal])
    # technologies that match every term come first, then by score; phrases are looked for in a
    # pool a few times larger than what is shown, so that a phrase match can climb into view
    order = sorted(scores, key=lambda o: (-matched[o], -scores[o], o))
    pool = order[: max(3 * limit, PHRASE_POOL)]
    techs = catalog.technologies_by_ord(pool) if pool else {}
    if len(wanted) > 1:
        ceiling *= 1 + PHRASE_BONUS
        _phrase_bonus(catalog, query, techs, scores, best_field, matched, len(wanted))
    ranked = sorted(pool, key=lambda o: (-matched[o], -scores[o], o))[:limit]
    hits = tuple(
        Hit(techs[o].id, techs[o].name, min(100.0, 100.0 * scores[o] / ceiling), best_field[o][1])
        for o in ranked
    )
    return SearchResult(query, hits)


def _phrase_bonus(
    catalog: Catalog,
    query: str,
    techs: dict[int, Technology],
    scores: dict[int, float],
    best_field: dict[int, tuple[float, str]],
    matched: dict[int, int],
    wanted: int,
) -> None:
    """Raise the technologies among the shown ones that hold the query as a phrase."""
    phrase = f" {' '.join(terms(query))} "
    names = {c.id: c.name for c in catalog.categories()}
    for ordinal, tech in techs.items():
        if matched[ordinal] < wanted:
            continue
        for field, text in search_fields(tech, names):
            if phrase in f" {' '.join(terms(text))} ":
                scores[ordinal] *= 1 + PHRASE_BONUS
                best_field[ordinal] = (math.inf, field)
                break
