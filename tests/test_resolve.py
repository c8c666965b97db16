"""Resolution internals: the typo fast path agrees with the full rapidfuzz scan."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from awsmap.base.errors import NotFoundError
from awsmap.base.text import compact, deletions, normalize, similarity, stem, terms
from awsmap.catalog.indexformat import KeyLevel
from awsmap.catalog.kinds import AWS_SERVICE, TECHNOLOGY
from awsmap.catalog.reader import Catalog
from awsmap.find import resolve

KINDS = (TECHNOLOGY, AWS_SERVICE)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.open()


@settings(max_examples=300, deadline=None)
@given(a=st.text(max_size=15), b=st.text(max_size=15))
def test_similarity_is_rapidfuzz_ratio(a: str, b: str) -> None:
    assert similarity(a, b) == pytest.approx(fuzz.ratio(a, b))


def test_deletions() -> None:
    assert deletions("abc", 1) == {"abc", "bc", "ac", "ab"}
    assert "a" in deletions("abc", 2)


def _typo(word: str, seed: int) -> str:
    """One edit: drop, swap, double or change a character."""
    i = seed % len(word)
    op = (seed // len(word)) % 4
    if op == 0:
        return word[:i] + word[i + 1 :]
    if op == 1 and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == 2:
        return word[:i] + word[i] + word[i:]
    return word[:i] + "x" + word[i + 1 :]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    index=st.integers(min_value=0, max_value=10_000),
    seed=st.integers(0, 1000),
    noise=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=10),
)
def test_fast_path_agrees_with_the_full_scan(
    catalog: Catalog, index: int, seed: int, noise: str
) -> None:
    keys = [r[0] for r in catalog.key_rows(KeyLevel.NORMAL, KINDS) if 3 <= len(r[0]) <= 12]
    key = keys[index % len(keys)]
    twice = _typo(_typo(key, seed), seed // 7 + 1)  # two edits: a ten-letter query may be one
    for query in (_typo(key, seed), twice, noise):
        if not compact(query):
            continue
        fast = resolve._near(catalog, query, KINDS)
        if fast is None:
            continue
        try:
            full = resolve._fuzzy(catalog, query, KINDS, "technology")
        except NotFoundError:
            pytest.fail(f"fast path found {fast.id} for {query!r}, the full scan found nothing")
        assert (full.kind, full.id) == (fast.kind, fast.id), query
        assert full.score == pytest.approx(fast.score)


def test_normal_forms() -> None:
    assert normalize("Apache  Kafka") == "kafka"
    assert normalize("AWS Lambda@Edge") == "lambda edge"
    assert compact("Rabbit MQ") == "rabbitmq"
    assert normalize("\uff2b\uff41\uff46\uff4b\uff41") == "kafka"  # full-width letters


def test_terms_and_stems() -> None:
    assert terms("Stream processing of the databases") == ["stream", "process", "databas"]
    assert stem("cache") == stem("caching") == stem("caches") == stem("cached")
    assert stem("processes") == stem("processing") == "process"
    assert stem("series") == stem("series")
