"""Curated comparisons: each carries a verdict, its AWS Decision Guide and a source, and
``compare`` finds it from the names of its sides in any order."""

from __future__ import annotations

import re

import pytest

from awsmap.base.errors import UsageError
from awsmap.catalog import loader
from awsmap.catalog.kinds import COMPARISON, Dataset
from awsmap.catalog.models import Comparison
from awsmap.catalog.reader import Catalog
from awsmap.commands.compare import compare_result
from awsmap.study.export import cheatsheet

GUIDE_URL = re.compile(r"^https://docs\.aws\.amazon\.com/decision-guides/latest/[a-z0-9/-]+\.html$")

# the interview pairs this dataset must answer (issue #20)
REQUIRED = """kafka-vs-rabbitmq postgresql-vs-mysql aurora-mysql-vs-aurora-postgresql
sqs-vs-kinesis-data-streams elasticache-vs-dax opensearch-vs-postgresql-full-text-search
s3-vs-efs-vs-ebs step-functions-vs-mwaa ecs-vs-eks-vs-lambda dynamodb-vs-aurora sns-vs-eventbridge
api-gateway-vs-alb cloudfront-vs-global-accelerator redshift-vs-athena-vs-emr sqs-vs-sns
kinesis-data-streams-vs-msk dynamodb-vs-documentdb redis-vs-memcached fargate-vs-ec2
s3-storage-classes alb-vs-nlb cognito-vs-iam-identity-center secrets-manager-vs-parameter-store
cloudwatch-vs-managed-prometheus-vs-managed-grafana""".split()


@pytest.fixture(scope="module")
def comparisons() -> dict[str, Comparison]:
    dataset: Dataset = loader.load().dataset
    return {c.id: c for c in dataset.of(COMPARISON)}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.open()


def test_enough_curated_comparisons(comparisons: dict[str, Comparison]) -> None:
    assert len(comparisons) >= 42
    assert set(REQUIRED) <= set(comparisons)


def test_every_comparison_has_a_verdict_and_choices(comparisons: dict[str, Comparison]) -> None:
    for comp in comparisons.values():
        assert comp.verdict and comp.verdict.startswith("Pick "), comp.id
        assert comp.source, comp.id
        assert all(side.choose_when for side in comp.sides), comp.id
        assert 4 <= len(comp.rows) <= 9, comp.id
        targets = [(side.kind, side.target) for side in comp.sides]
        assert len(set(targets)) == len(targets), f"{comp.id}: two sides name one entry"
        assert len({side.label.lower() for side in comp.sides}) == len(comp.sides), comp.id


def test_decision_guides_are_aws_decision_guide_pages(comparisons: dict[str, Comparison]) -> None:
    guides = [c.decision_guide for c in comparisons.values() if c.decision_guide]
    assert len(guides) >= len(comparisons) - 2  # infrastructure as code has no Decision Guide
    for guide in guides:
        assert GUIDE_URL.match(guide.url), guide.url
        assert guide.title.strip() == guide.title and guide.title


def test_comparison_round_trips_with_the_new_fields(comparisons: dict[str, Comparison]) -> None:
    comp = comparisons["kafka-vs-rabbitmq"]
    data = comp.to_dict()
    assert list(data)[:5] == ["id", "title", "verdict", "decision_guide", "source"]
    assert Comparison.from_dict(data) == comp
    bare = Comparison.from_dict({k: v for k, v in data.items() if k not in {"verdict", "source"}})
    assert bare.verdict is None and "verdict" not in bare.to_dict()


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["rabbitmq", "kafka"], "kafka-vs-rabbitmq"),
        (["mysql", "postgres"], "postgresql-vs-mysql"),
        (["kinesis", "sqs"], "sqs-vs-kinesis-data-streams"),
        (["dax", "elasticache"], "elasticache-vs-dax"),
        (["eventbridge", "sns"], "sns-vs-eventbridge"),
        (["nlb", "alb"], "alb-vs-nlb"),
        (["lambda", "eks"], "ecs-vs-eks-vs-lambda"),
        (["ecs", "eks"], "ecs-vs-eks"),  # the pair beats the three-way comparison
        (["emr", "athena", "redshift"], "redshift-vs-athena-vs-emr"),
        (["ebs", "ec2"], "s3-vs-efs-vs-ebs"),
        (["aurora postgresql", "aurora mysql"], "aurora-mysql-vs-aurora-postgresql"),
    ],
)
def test_compare_finds_the_curated_comparison_in_any_order(
    catalog: Catalog, names: list[str], expected: str
) -> None:
    result = compare_result(catalog, names)
    assert result.comparison is not None and result.comparison.id == expected
    data = result.to_json()
    assert data["source"] == "curated" and data["verdict"] == result.comparison.verdict
    assert data["decision_guide"] == (
        result.comparison.decision_guide.to_dict() if result.comparison.decision_guide else None
    )
    assert len(result.verdicts) == len(names)
    assert all(v.choose_when for v in result.verdicts)


def test_names_of_one_entry_match_side_labels(catalog: Catalog) -> None:
    result = compare_result(catalog, ["Aurora PostgreSQL", "aurora-mysql"])
    assert [s.name for s in result.subjects] == ["Aurora PostgreSQL", "Aurora MySQL"]
    assert [s.id for s in result.subjects] == ["postgresql", "mysql"]
    assert result.rows[0].values[1].startswith("MySQL-compatible")
    with pytest.raises(UsageError, match="both Amazon Aurora"):
        compare_result(catalog, ["aurora mysql", "aurora"])


def test_derived_comparison_has_no_verdict(catalog: Catalog) -> None:
    data = compare_result(catalog, ["postgresql", "mysql", "mongodb"]).to_json()
    assert data["source"] == "derived" and data["verdict"] is None
    assert data["decision_guide"] is None
    assert "postgresql-vs-mysql" in {c["id"] for c in data["included"]}


def test_cheat_sheet_lists_the_verdicts(catalog: Catalog) -> None:
    sheet, _entries = cheatsheet(catalog)
    assert "## Comparisons: the verdicts" in sheet
    assert "- **Kafka vs RabbitMQ**: Pick Kafka when" in sheet
    assert "## Comparisons" not in cheatsheet(catalog, "databases")[0]


def test_cheat_sheet_lists_the_estimation_numbers(catalog: Catalog) -> None:
    sheet, _entries = cheatsheet(catalog)
    assert "## Numbers for estimates" in sheet
    assert "- **L1 cache reference**: 1 ns" in sheet
    assert "e+" not in sheet.split("## Numbers for estimates")[1]
