"""Ranked full-text search over technologies, from the term index the compiler built.

A term scores by the most telling field it appears in (a name says more than a phrase) times how
rare it is; a technology whose field holds the whole query as a phrase gets a bonus. Scores are
scaled to 0-100 against the best a query could score, so they compare across queries.
"""

from __future__ import annotations

import math

from awsmap.catalog import TECHNOLOGY, Catalog
from awsmap.errors import NotFoundError, UsageError
from awsmap.results import Hit, SearchResult
from awsmap.text import clean, echo, terms

# How much a match in each field says about a technology, for search ranking.
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


PHRASE_BONUS = 0.5
MIN_PREFIX = 4


def search(catalog: Catalog, text: str, limit: int = 10) -> SearchResult:
    query = " ".join(clean(text).split())
    if not query:
        raise UsageError("the search text is empty; try e.g. awsmap search \"stream processing\"")
    wanted = list(dict.fromkeys(terms(query)))
    if not wanted:
        raise NotFoundError(f"nothing to search for in {echo(query)}: it has only common words")
    total = max(catalog.technology_count(), 1)
    scores: dict[str, float] = {}
    best_field: dict[str, tuple[float, str]] = {}
    matched: dict[str, int] = {}
    ceiling = 0.0
    for term in wanted:
        hits = catalog.term_hits(term, prefix=len(term) >= MIN_PREFIX)
        per_tech: dict[str, tuple[float, str]] = {}
        for tech, field, weight in hits:
            # a prefix hit ('kube' in 'kubernetes') counts, but less than the word itself
            if tech not in per_tech or per_tech[tech][0] < weight:
                per_tech[tech] = (weight, field)
        idf = math.log(1 + total / max(len(per_tech), 1))
        ceiling += FIELD_WEIGHTS["name"] * idf
        for tech, (weight, field) in per_tech.items():
            gain = weight * idf
            scores[tech] = scores.get(tech, 0.0) + gain
            matched[tech] = matched.get(tech, 0) + 1
            if tech not in best_field or best_field[tech][0] < gain:
                best_field[tech] = (gain, field)
    if len(wanted) > 1:
        ceiling *= 1 + PHRASE_BONUS
        phrase = " " + " ".join(terms(query)) + " "
        for tech in [t for t, n in matched.items() if n == len(wanted)]:
            for field, text_terms in catalog.texts(tech):
                if phrase in f" {text_terms} ":
                    scores[tech] *= 1 + PHRASE_BONUS
                    best_field[tech] = (math.inf, field)
                    break
    # technologies that match every term come first, then by score
    ranked = sorted(scores, key=lambda t: (-matched[t], -scores[t], t))[:limit]
    names = catalog.names(TECHNOLOGY)
    hits_out = tuple(
        Hit(t, names.get(t, t), min(100.0, 100.0 * scores[t] / ceiling), best_field[t][1])
        for t in ranked
    )
    return SearchResult(query, hits_out)
