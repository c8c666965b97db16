"""Search over every kind: the building-block questions land, ranking follows the shown score."""

from __future__ import annotations

import itertools

import pytest

from awsmap.base.text import terms
from tests.conftest import Cli

RESULT_KEYS = {"kind", "id", "name", "score", "field", "aws"}

# The concept and acronym queries of issue 11, each with the entry that must be in the top three.
PINNED = [
    ("cdc", "pattern", "change-data-capture"),
    ("change data capture", "pattern", "change-data-capture"),
    ("idempotency", "pattern", "idempotency-keys"),
    ("feature flags", "pattern", "feature-flags"),
    ("rate limiting", "pattern", "rate-limiting"),
    ("leader election", "pattern", "leader-election"),
    ("service discovery", "pattern", "service-discovery"),
    ("object storage", "role", "object-storage"),
    ("vector search", "pattern", "vector-search"),
    ("consistent hashing", "pattern", "consistent-hashing"),
    ("strangler fig", "pattern", "strangler-fig"),
    ("REL05-BP03", "pattern", "retry-with-backoff"),
    ("pub sub", "pattern", "pub-sub-fan-out"),
    ("dlq", "pattern", "work-queue-dlq"),
    ("stream processing", "pattern", "stream-processing"),
    ("time series", "pattern", "time-series-storage"),
    ("kafka", "technology", "kafka"),
]


@pytest.mark.parametrize(("text", "kind", "entry"), PINNED)
def test_concept_queries_land_in_the_top_three(cli: Cli, text: str, kind: str, entry: str) -> None:
    data = cli.json("search", *text.split(), "-n", "5")
    top = [(r["kind"], r["id"]) for r in data["results"][:3]]
    assert (kind, entry) in top, top


@pytest.mark.parametrize("text", [*sorted({t for t, _k, _e in PINNED}), "cache", "database"])
def test_ranking_is_monotonic_in_the_shown_score(cli: Cli, text: str) -> None:
    data = cli.json("search", *text.split(), "-n", "25")
    scores = [r["score"] for r in data["results"]]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 100 for s in scores)
    assert all(set(r) == RESULT_KEYS for r in data["results"])
    lines = cli("search", *text.split(), "-n", "25", env={"COLUMNS": "160"}).stdout.splitlines()
    column = next(line for line in lines if "Score" in line).index("Score")
    shown = [int(line[column : column + 5]) for line in lines if line[:1].isdigit()]
    assert shown == sorted(shown, reverse=True)


def test_ties_are_broken_by_kind_then_name(cli: Cli) -> None:
    from awsmap.catalog.kinds import BY_KEY, KINDS

    rank = {k.key: i for i, k in enumerate(KINDS)}
    data = cli.json("search", "cache", "-n", "30")
    results = data["results"]
    for a, b in itertools.pairwise(results):
        if a["score"] == b["score"]:
            assert (rank[a["kind"]], a["name"].casefold()) <= (
                rank[b["kind"]],
                b["name"].casefold(),
            )
    assert all(r["kind"] in BY_KEY for r in results)


def test_results_carry_the_aws_answer(cli: Cli) -> None:
    data = cli.json("search", "change", "data", "capture", "-n", "10")
    by_id = {r["id"]: r for r in data["results"]}
    assert by_id["change-data-capture"]["aws"]["id"] == "dms"
    assert by_id["debezium"]["aws"]["relation"] in {"managed", "compatible", "analogous"}
    assert by_id["dms"]["aws"] is None  # an AWS service is its own answer
    found = cli.json("search", "service", "discovery", "-n", "1")["results"][0]
    assert (found["id"], found["aws"]["id"]) == ("service-discovery", "cloud-map")
    roles = {r["id"]: r for r in cli.json("search", "object", "storage")["results"]}
    assert roles["object-storage"]["aws"]["id"] == "s3"  # a role's default answer
    broad = cli.json("search", "database", "-n", "25")["results"]
    assert next(r for r in broad if r["id"] == "database")["aws"] is None  # a broad role


def test_names_weigh_more_than_passing_mentions(cli: Cli) -> None:
    data = cli.json("search", "cache", "-n", "40")
    score = {r["id"]: r["score"] for r in data["results"]}
    assert score["redis"] > score.get("harbor", 0)


def test_table_shows_kind_and_aws_answer(cli: Cli) -> None:
    out = cli("search", "cdc", env={"COLUMNS": "120"}).stdout
    assert "pattern" in out and "AWS DMS" in out and "AWS answer" in out


def test_search_covers_questions_and_architectures(cli: Cli) -> None:
    kinds = {r["kind"] for r in cli.json("search", "url", "shortener", "-n", "10")["results"]}
    assert "architecture" in kinds


def test_the_index_keeps_the_terms_of_every_searched_value() -> None:
    """The phrase bonus reads each searched value's terms from the index: they are the terms of
    the values as the records hold them, field by field in the kind's order."""
    from awsmap.base.text import flat_text
    from awsmap.catalog.kinds import BY_KEY, KINDS, walk
    from awsmap.catalog.reader import Catalog

    catalog = Catalog.open([])
    docs = list(range(sum(catalog.count(kind) for kind in KINDS)))
    kept: dict[int, list[tuple[str, str]]] = {}
    for doc, label, held in catalog.phrases(docs):
        kept.setdefault(doc, []).append((label, held))
    names = {key: catalog.names(kind) for key, kind in BY_KEY.items()}
    checked = 0
    for doc, (kind, record) in catalog.by_docs(docs).items():
        expected = [
            (
                field.label,
                f" {' '.join(terms(names[field.via].get(v, v) if field.via else flat_text(v)))} ",
            )
            for field in kind.search
            for _at, v in walk(record.to_dict(), field.path)
        ]
        assert kept.get(doc, []) == expected, (kind.key, record.id)
        checked += bool(expected)
    assert checked == catalog.searchable_count()


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("s3 vs efs", "s3-vs-efs-vs-ebs"),
        ("cap theorem", "cap-theorem-basics"),
        ("kinesis shard throughput", "kinesis-shard-read-shared"),
        ("denormalization", "materialized-view"),
        ("back pressure", "backpressure"),
        ("key-value store", "key-value-store"),
    ],
)
def test_search_reaches_every_kind(cli: Cli, query: str, first: str) -> None:
    """Comparisons, tips, numbers, roles and patterns are searchable (issue 20)."""
    assert cli.json("search", *query.split())["results"][0]["id"] == first


def test_asynchronism_meets_asynchronous(cli: Cli) -> None:
    assert cli.json("search", "asynchronism")["results"]
