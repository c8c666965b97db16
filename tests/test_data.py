"""The bundled dataset: schema, integrity, and the facts the source guide got wrong."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from awsmap.base.text import compact
from awsmap.catalog import loader
from awsmap.catalog.bundled import DATA_DIR, bundled_names
from awsmap.catalog.kinds import AWS_SERVICE, CATEGORY, COMPARISON, KINDS, TECHNOLOGY, Dataset
from awsmap.catalog.models import RELATIONS
from awsmap.catalog.validation import reference_problems, schema

FILES = bundled_names()


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return loader.load().dataset


def _raw(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
    return data


def test_bundled_files_are_the_expected_set() -> None:
    assert "aws_services.yaml" in FILES
    assert "categories.yaml" in FILES
    assert len([f for f in FILES if f.startswith("technologies/")]) >= 5


@pytest.mark.parametrize("name", FILES)
def test_file_validates_against_the_schema(name: str) -> None:
    jsonschema.Draft202012Validator(schema()).validate(_raw(name))


@pytest.mark.parametrize("name", FILES)
def test_file_starts_with_the_language_server_schema_line(name: str) -> None:
    first = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    target = (DATA_DIR / name).parent / first.removeprefix(prefix)
    assert target.resolve() == (DATA_DIR / "schemas" / "awsmap-data.schema.json").resolve()


@pytest.mark.parametrize("name", FILES)
def test_file_is_clean_utf8_without_markdown(name: str) -> None:
    text = (DATA_DIR / name).read_bytes().decode("utf-8")
    assert "**" not in text
    assert "\ufffd" not in text
    assert not any(0x1F300 <= ord(ch) <= 0x1FAFF for ch in text), "emoji are decoration, not data"


def test_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


def test_references_and_names_are_consistent(dataset: Dataset) -> None:
    entries = {k.key: [r.to_dict() for r in dataset.of(k)] for k in KINDS}
    assert reference_problems(entries) == []


def test_ids_are_unique_per_kind(dataset: Dataset) -> None:
    for entries in (
        dataset.of(TECHNOLOGY),
        dataset.of(AWS_SERVICE),
        dataset.of(CATEGORY),
        dataset.of(COMPARISON),
    ):
        ids = Counter(e.id for e in entries)
        assert [i for i, n in ids.items() if n > 1] == []


def test_no_name_or_alias_is_shared(dataset: Dataset) -> None:
    for names in (
        [(t.id, n) for t in dataset.of(TECHNOLOGY) for n in (t.id, t.name, *t.aliases)],
        [
            (s.id, n)
            for s in dataset.of(AWS_SERVICE)
            for n in (s.id, s.name, s.full_name, *s.aliases)
        ],
    ):
        owners: dict[str, set[str]] = {}
        for owner, name in names:
            owners.setdefault(compact(name), set()).add(owner)
        assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_every_sdk_id_exists_in_botocore(dataset: Dataset) -> None:
    import botocore.session

    available = set(botocore.session.get_session().get_available_services())
    missing = {
        s.id: sdk for s in dataset.of(AWS_SERVICE) for sdk in s.sdk_ids if sdk not in available
    }
    assert missing == {}


def test_the_whole_guide_is_there(dataset: Dataset) -> None:
    """88 sections, two-tool sections split, Redis merged, 16 extra tools, architecture tools."""
    ids = {t.id for t in dataset.of(TECHNOLOGY)}
    assert len(ids) >= 105
    for must in (
        "postgresql",
        "kafka",
        "redis",
        "jaeger",
        "zipkin",
        "presto",
        "trino",
        "emissary-ingress",
        "okta",
        "apache-camel",
        "ros",
        "kibana",
        "logstash",
        "docker",
        "satnogs",
    ):
        assert must in ids
    redis = next(t for t in dataset.of(TECHNOLOGY) if t.id == "redis")
    assert set(redis.categories) == {"databases", "caching"}


def test_every_technology_has_substance(dataset: Dataset) -> None:
    for tech in dataset.of(TECHNOLOGY):
        assert tech.aws_equivalents, tech.id
        assert tech.parallels, tech.id
        assert len(tech.interview_phrases) >= 2, tech.id
        assert tech.use_cases, tech.id
        assert all(e.relation in RELATIONS for e in tech.aws_equivalents)


def test_the_guides_comparisons_are_structured(dataset: Dataset) -> None:
    ids = {c.id for c in dataset.of(COMPARISON)}
    assert ids >= {
        "cassandra-vs-dynamodb",
        "redis-vs-memcached",
        "kafka-vs-kinesis",
        "rabbitmq-vs-sqs",
        "snowflake-vs-redshift",
        "bigquery-vs-athena",
        "elasticsearch-vs-opensearch",
    }
    for comp in dataset.of(COMPARISON):
        assert all(len(r.values) == len(comp.sides) for r in comp.rows)


def test_every_category_is_used(dataset: Dataset) -> None:
    used = {c for t in dataset.of(TECHNOLOGY) for c in t.categories}
    assert {c.id for c in dataset.of(CATEGORY)} == used


def _service(dataset: Dataset, service_id: str) -> Any:
    return next(s for s in dataset.of(AWS_SERVICE) if s.id == service_id)


@pytest.mark.parametrize(
    ("service_id", "status", "successors"),
    [
        ("app-mesh", "end-of-support", {"ecs-service-connect", "vpc-lattice"}),
        ("opsworks", "discontinued", {"systems-manager"}),
        ("elastic-transcoder", "end-of-support", {"mediaconvert"}),
        ("robomaker", "end-of-support", {"batch"}),
        ("iot-analytics", "end-of-support", set()),
        ("iot-events", "end-of-support", set()),
        ("app-runner", "closed-to-new-customers", {"ecs-express-mode"}),
        ("cloudsearch", "closed-to-new-customers", {"opensearch"}),
        ("data-pipeline", "closed-to-new-customers", {"mwaa", "step-functions", "glue"}),
        ("timestream-liveanalytics", "closed-to-new-customers", {"timestream-influxdb"}),
        ("kinesis-analytics-sql", "discontinued", {"managed-flink"}),
        ("codecommit", "available", set()),
        ("kendra", "closed-to-new-customers", {"bedrock"}),
        ("pinpoint", "end-of-support", {"end-user-messaging"}),
        ("qldb", "end-of-support", {"aurora"}),
    ],
)
def test_lifecycle_corrections(
    dataset: Dataset, service_id: str, status: str, successors: set[str]
) -> None:
    service = _service(dataset, service_id)
    assert service.lifecycle.status == status
    assert set(service.lifecycle.successors) == successors
    assert service.lifecycle.source


@pytest.mark.parametrize(
    ("service_id", "former"),
    [
        ("managed-flink", "Kinesis Data Analytics"),
        ("firehose", "Kinesis Data Firehose"),
        ("quick-sight", "Amazon QuickSight"),
        ("sagemaker-ai", "Amazon SageMaker"),
        ("iam-identity-center", "AWS SSO"),
        ("memorydb", "MemoryDB for Redis"),
    ],
)
def test_renamed_services_keep_their_former_names_as_aliases(
    dataset: Dataset, service_id: str, former: str
) -> None:
    service = _service(dataset, service_id)
    assert compact(former) in {compact(a) for a in service.aliases}
    assert service.name != former


def test_retired_services_are_flagged_with_a_date(dataset: Dataset) -> None:
    for service in dataset.of(AWS_SERVICE):
        if service.lifecycle.status != "available":
            assert service.lifecycle.date, service.id


def test_mysql_query_cache_is_corrected(dataset: Dataset) -> None:
    mysql = next(t for t in dataset.of(TECHNOLOGY) if t.id == "mysql")
    assert not any(f.startswith("Query cache (similar") for f in mysql.key_features)
    assert any("Query cache" in c.was and "8.0" in c.now for c in mysql.corrections)


def test_kafka_relations_are_the_interview_answer(dataset: Dataset) -> None:
    kafka = next(t for t in dataset.of(TECHNOLOGY) if t.id == "kafka")
    relations = {e.service: e.relation for e in kafka.aws_equivalents}
    assert relations == {"msk": "managed", "kinesis-data-streams": "analogous"}


def test_data_folder_holds_only_known_files() -> None:
    on_disk = sorted(
        p.relative_to(DATA_DIR).as_posix() for p in Path(DATA_DIR).rglob("*") if p.is_file()
    )
    assert on_disk == sorted([*FILES, "schemas/awsmap-data.schema.json"])


# A technology and an AWS service may share a normal-form name only where the shared name means
# the technology (ES is Elasticsearch; the service's old name was Amazon Elasticsearch Service).
SHARED_ON_PURPOSE = {"es"}


def test_no_technology_takes_an_aws_service_name(dataset: Dataset) -> None:
    """Lookup prefers technologies on an exact tie, so a technology alias equal to a service's
    name would hide the service (`lookup DMS` was docker-mailserver)."""
    services = {
        compact(n): s.id for s in dataset.of(AWS_SERVICE) for n in (s.id, s.name, *s.aliases)
    }
    taken = [
        (t.id, n)
        for t in dataset.of(TECHNOLOGY)
        for n in (t.id, t.name, *t.aliases)
        if compact(n) in services and compact(n) not in SHARED_ON_PURPOSE
    ]
    assert taken == []
