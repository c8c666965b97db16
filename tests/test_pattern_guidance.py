"""Patterns under AWS's own names: every AWS Prescriptive Guidance cloud design pattern resolves by
its AWS name and links its page, former names still resolve, and the Well-Architected ids and
guidance pages a pattern cites have the right shape and come from the verified list below."""

from __future__ import annotations

import re
from typing import Any

import jsonschema
import pytest
import yaml

from awsmap.catalog import loader
from awsmap.catalog.bundled import DATA_DIR
from awsmap.catalog.designs import Pattern
from awsmap.catalog.kinds import PATTERN
from awsmap.catalog.validation import schema
from tests.conftest import Cli
from tests.test_phrases import weakness

PG = "https://docs.aws.amazon.com/prescriptive-guidance/latest/cloud-design-patterns/"

# AWS Prescriptive Guidance "Cloud design patterns": the name AWS uses, the pattern it resolves to,
# and its page. The saga, publish-subscribe and outbox entries keep the ids they had before.
AWS_PATTERNS = [
    ("anti-corruption layer", "anti-corruption-layer", "acl.html"),
    ("API routing", "api-routing", "api-routing.html"),
    ("circuit breaker", "circuit-breaker", "circuit-breaker.html"),
    ("event sourcing", "event-sourcing", "event-sourcing.html"),
    ("hexagonal architecture", "hexagonal-architecture", "hexagonal-architecture.html"),
    ("publish-subscribe", "pub-sub-fan-out", "publish-subscribe.html"),
    ("retry with backoff", "retry-with-backoff", "retry-backoff.html"),
    ("saga", "saga", "saga.html"),
    ("saga choreography", "saga-choreography", "saga-choreography.html"),
    ("saga orchestration", "saga-orchestration", "saga-orchestration.html"),
    ("scatter-gather", "scatter-gather", "scatter-gather.html"),
    ("strangler fig", "strangler-fig", "strangler-fig.html"),
    ("transactional outbox", "transactional-outbox", "transactional-outbox.html"),
]

# Other names people use, and the names these entries had before they took AWS's.
ALIASES = [
    ("hostname routing", "api-routing"),
    ("path routing", "api-routing"),
    ("HTTP header routing", "api-routing"),
    ("ports and adapters", "hexagonal-architecture"),
    ("exponential backoff", "retry-with-backoff"),
    ("Circuit breaker and retries with backoff", "circuit-breaker"),
    ("Pub/sub fan-out", "pub-sub-fan-out"),
    ("Sharding and consistent hashing", "sharding"),
    ("consistent hashing", "consistent-hashing"),
    ("2PC", "two-phase-commit"),
    ("valet key", "blob-storage-presigned-urls"),
    ("deployment stamps", "cell-based-architecture"),
]

# Every Well-Architected id the data may cite, each read in the current AWS Well-Architected
# Framework (docs.aws.amazon.com/wellarchitected/latest/framework/): a new citation is added
# here only after its page has been read.
VERIFIED_WELL_ARCHITECTED = {
    "REL03-BP01": "Choose how to segment your workload",
    "REL03-BP02": "Build services focused on specific business domains and functionality",
    "REL04-BP02": "Implement loosely coupled dependencies",
    "REL04-BP04": "Make mutating operations idempotent",
    "REL05-BP01": "Implement graceful degradation to transform hard dependencies into soft ones",
    "REL05-BP02": "Throttle requests",
    "REL05-BP03": "Control and limit retry calls",
    "REL05-BP04": "Fail fast and limit queues",
    "REL05-BP05": "Set client timeouts",
    "REL05-BP07": "Implement emergency levers",
    "REL07-BP01": "Use automation when obtaining or scaling resources",
    "REL07-BP03": "Obtain resources upon detection that more resources are needed",
    "REL09-BP01": "Identify and back up all data that needs to be backed up",
    "REL09-BP03": "Perform data backup automatically",
    "REL09-BP04": "Perform periodic recovery of the data to verify backup integrity",
    "REL10-BP01": "Deploy the workload to multiple locations",
    "REL10-BP03": "Use bulkhead architectures to limit scope of impact",
    "REL11-BP01": "Monitor all components of the workload to detect failures",
    "REL11-BP02": "Fail over to healthy resources",
    "REL11-BP04": "Rely on the data plane and not the control plane during recovery",
    "REL11-BP05": "Use static stability to prevent bimodal behavior",
    "COST08-BP02": "Implement a buffer or throttle to manage demand",
}
ID_FORMAT = re.compile(r"^[A-Z]{3,4}[0-9]{2}-BP[0-9]{2}$")
AWS_URL = re.compile(r"^https://(docs\.aws\.amazon\.com|aws\.amazon\.com)/\S+$")


@pytest.fixture(scope="module")
def patterns() -> tuple[Pattern, ...]:
    return loader.load().dataset.of(PATTERN)


@pytest.mark.parametrize(("name", "entry", "page"), AWS_PATTERNS)
def test_aws_pattern_names_resolve_and_link_their_page(
    cli: Cli, name: str, entry: str, page: str
) -> None:
    data = cli.json("pattern", *name.split())
    assert data["id"] == entry
    assert data["name"].lower() == name.lower()  # AWS's name is the entry's name, not an alias
    assert data["aws_guidance"]["url"] == PG + page


@pytest.mark.parametrize(("name", "entry"), ALIASES)
def test_other_and_former_names_still_resolve(cli: Cli, name: str, entry: str) -> None:
    assert cli.json("pattern", *name.split())["id"] == entry


def test_the_library_covers_the_building_blocks_interviews_ask(
    patterns: tuple[Pattern, ...],
) -> None:
    ids = {p.id for p in patterns}
    assert len(ids) >= 58
    assert {
        "backpressure", "two-phase-commit", "bloom-filter", "consistent-hashing",
        "write-ahead-log", "quorum-reads-writes", "cell-based-architecture", "bulkhead",
        "consensus", "gossip-failure-detection", "vector-clocks-crdts", "materialized-view",
        "hot-partition-mitigation", "load-shedding", "queue-based-load-leveling",
    } <= ids  # fmt: skip
    cited = [p for p in patterns if p.aws_guidance or p.well_architected]
    assert len(cited) >= 40


def test_well_architected_ids_have_the_format_and_were_verified(
    patterns: tuple[Pattern, ...],
) -> None:
    for p in patterns:
        assert len(set(p.well_architected)) == len(p.well_architected), p.id
        for best_practice in p.well_architected:
            assert ID_FORMAT.match(best_practice), (p.id, best_practice)
            assert best_practice in VERIFIED_WELL_ARCHITECTED, (p.id, best_practice)


def test_guidance_pages_are_aws_pages(patterns: tuple[Pattern, ...]) -> None:
    for p in patterns:
        if p.aws_guidance:
            assert AWS_URL.match(p.aws_guidance.url), (p.id, p.aws_guidance.url)
            assert p.aws_guidance.title.strip(), p.id
            if p.aws_guidance.url.startswith(PG):  # a cloud design pattern is named as AWS does
                assert p.aws_guidance.title.lower().startswith(p.name.lower()), p.id


def _pattern_doc(**extra: Any) -> dict[str, Any]:
    entry = {
        "id": "x",
        "name": "X",
        "what_it_is": "A thing.",
        "open_source": [{"technology": "kafka", "how": "Somehow."}],
        "aws": [{"service": "sqs", "how": "Somehow."}],
        "pitfalls": ["One."],
        "interview_phrases": ["One."],
        **extra,
    }
    return {"patterns": [entry]}


@pytest.mark.parametrize(
    "extra",
    [
        {"well_architected": ["REL5-BP3"]},
        {"well_architected": ["rel05-bp03"]},
        {"well_architected": ["REL05-BP03", "REL05-BP03"]},
        {"aws_guidance": {"title": "Page", "url": "http://docs.aws.amazon.com/x.html"}},
        {"aws_guidance": {"title": "Page", "url": "https://example.com/aws.amazon.com/x"}},
        {"aws_guidance": {"url": "https://aws.amazon.com/builders-library/x/"}},
    ],
)
def test_the_schema_rejects_malformed_citations(extra: dict[str, Any]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema()).validate(_pattern_doc(**extra))


def test_the_schema_accepts_a_well_formed_citation() -> None:
    doc = _pattern_doc(
        aws_guidance={"title": "Page", "url": "https://aws.amazon.com/builders-library/x/"},
        well_architected=["REL05-BP03", "COST08-BP02"],
    )
    jsonschema.Draft202012Validator(schema()).validate(doc)


def test_the_record_round_trips_the_new_fields(patterns: tuple[Pattern, ...]) -> None:
    retry = next(p for p in patterns if p.id == "retry-with-backoff")
    again = Pattern.from_dict(retry.to_dict())
    assert again == retry
    assert again.well_architected == ("REL05-BP03", "REL05-BP05")


def test_a_pattern_without_citations_says_so_in_json(cli: Cli) -> None:
    data = cli.json("pattern", "leaderboards")
    assert data["aws_guidance"] is None
    assert data["well_architected"] == []


def test_the_view_shows_the_guidance_page_and_ids_in_full(cli: Cli) -> None:
    out = cli("pattern", "retry", "with", "backoff", env={"COLUMNS": "200"}).stdout
    assert "AWS guidance" in out
    assert PG + "retry-backoff.html" in out  # whole, so it can be opened
    assert "Well-Architected: REL05-BP03, REL05-BP05" in out
    plain = cli("pattern", "leaderboards", env={"COLUMNS": "200"}).stdout
    assert "AWS guidance" not in plain


NEW_FILES = ("patterns/resilience-integration.yaml", "patterns/scale-consistency.yaml")


@pytest.mark.parametrize("name", NEW_FILES)
def test_new_patterns_carry_three_strong_phrases(name: str) -> None:
    data = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
    for entry in data["patterns"]:
        phrases = entry["interview_phrases"]
        assert len(phrases) == 3, entry["id"]
        assert [p for p in phrases if weakness(p)] == [], entry["id"]
        assert len(entry["pitfalls"]) >= 3, entry["id"]
