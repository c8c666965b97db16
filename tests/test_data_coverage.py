"""What the larger dataset must cover and get right: the names candidates say, other clouds'
services, the main AWS answers, patterns, architectures, questions, tips and numbers."""

from __future__ import annotations

import pytest

from awsmap.catalog import loader
from awsmap.catalog.domain import recommended
from awsmap.catalog.kinds import (
    ARCHITECTURE,
    AWS_SERVICE,
    COMPARISON,
    NUMBER,
    PATTERN,
    QUESTION,
    TECHNOLOGY,
    TIP,
    Dataset,
)
from awsmap.catalog.reader import Catalog
from awsmap.find.equivalents import equivalents
from tests.conftest import Cli

# Every name of issue 9, as a candidate types it, and the entry it must find.
NAMES = {
    "NATS": "nats",
    "ActiveMQ": "activemq",
    "Redpanda": "redpanda",
    "Kafka Connect": "kafka-connect",
    "Kafka Streams": "kafka-streams",
    "Debezium": "debezium",
    "ZeroMQ": "zeromq",
    "Celery": "celery",
    "Valkey": "valkey",
    "MariaDB": "mariadb",
    "Oracle Database": "oracle-database",
    "Microsoft SQL Server": "sql-server",
    "SQLite": "sqlite",
    "CouchDB": "couchdb",
    "Couchbase": "couchbase",
    "CockroachDB": "cockroachdb",
    "YugabyteDB": "yugabytedb",
    "TiDB": "tidb",
    "Vitess": "vitess",
    "ScyllaDB": "scylladb",
    "ClickHouse": "clickhouse",
    "Apache Druid": "druid",
    "Apache Pinot": "pinot",
    "DuckDB": "duckdb",
    "Hazelcast": "hazelcast",
    "Apache Ignite": "ignite",
    "Apache Iceberg": "iceberg",
    "Delta Lake": "delta-lake",
    "Apache Hudi": "hudi",
    "Databricks": "databricks",
    "Apache Beam": "beam",
    "Dask": "dask",
    "Airbyte": "airbyte",
    "Jupyter": "jupyter",
    "pgvector": "pgvector",
    "Milvus": "milvus",
    "Pinecone": "pinecone",
    "Weaviate": "weaviate",
    "Qdrant": "qdrant",
    "Chroma": "chroma",
    "FAISS": "faiss",
    "Ollama": "ollama",
    "vLLM": "vllm",
    "PyTorch": "pytorch",
    "Nomad": "nomad",
    "Linkerd": "linkerd",
    "Cilium": "cilium",
    "Traefik": "traefik",
    "Argo CD": "argo-cd",
    "Helm": "helm",
    "Pulumi": "pulumi",
    "Packer": "packer",
    "Spinnaker": "spinnaker",
    "Varnish": "varnish",
    "Squid": "squid",
    "WireGuard": "wireguard",
    "OpenVPN": "openvpn",
    "OpenTelemetry": "opentelemetry",
    "Grafana Loki": "loki",
    "Grafana Tempo": "tempo",
    "Grafana Mimir": "mimir",
    "Thanos": "thanos",
    "VictoriaMetrics": "victoriametrics",
    "Fluentd": "fluentd",
    "Fluent Bit": "fluent-bit",
    "Splunk": "splunk",
    "Datadog": "datadog",
    "Sentry": "sentry",
    "Auth0": "auth0",
    "OpenLDAP": "openldap",
    "Active Directory": "active-directory",
    "Google Cloud Spanner": "cloud-spanner",
    "Bigtable": "bigtable",
    "Firestore": "firestore",
    "Pub/Sub": "google-pubsub",
    "Cloud Storage": "google-cloud-storage",
    "Cloud Run": "cloud-run",
    "Cloud Functions": "cloud-functions",
    "Dataflow": "dataflow",
    "Dataproc": "dataproc",
    "GKE": "gke",
    "Azure Blob Storage": "azure-blob-storage",
    "Cosmos DB": "cosmos-db",
    "Service Bus": "azure-service-bus",
    "Event Hubs": "azure-event-hubs",
    "Azure Functions": "azure-functions",
    "AKS": "aks",
    "tempo": "tempo",
    "loki": "loki",
}
AWS_NAMES = {
    "Amazon Bedrock": "bedrock",
    "S3 Vectors": "s3-vectors",
    "dsql": "aurora-dsql",
    "Aurora DSQL": "aurora-dsql",
    "DMS": "dms",
    "AppConfig": "appconfig",
    "Global Accelerator": "global-accelerator",
    "QLDB": "qldb",
    "GuardDuty": "guardduty",
    "ACM": "acm",
    "VPC NAT gateway": "vpc-nat-gateway",
    "Glue Schema Registry": "glue",
    "S3 Glacier Deep Archive": "s3-glacier",
    "Glacier": "glacier",
    "S3 Express One Zone": "s3-express-one-zone",
    "FSx for NetApp ONTAP": "fsx-ontap",
    "Fault Injection Service": "fis",
    "SimpleDB": "simpledb",
    "Cloud9": "cloud9",
    "CloudTrail Lake": "cloudtrail",
}
PATTERNS = """rate-limiting leader-election distributed-lock idempotency-keys
exactly-once-processing
change-data-capture transactional-outbox saga event-sourcing cqrs pub-sub-fan-out
work-queue-dlq delayed-jobs workflow-orchestration service-discovery circuit-breaker
api-gateway load-balancing cdn-edge-caching caching-strategies cache-invalidation
read-replicas sharding multi-region-active-active backup-pitr blob-storage-presigned-urls
full-text-search vector-search time-series-storage geospatial-queries leaderboards
counters-at-scale unique-id-generation feature-flags config-and-secrets blue-green-canary
autoscaling observability authn-authz batch-processing stream-processing data-lake""".split()
ARCHITECTURES = """microservices-stack data-pipeline real-time-analytics kafka-streaming-pipeline
log-analytics-pipeline url-shortener news-feed chat ride-sharing video-streaming web-crawler
rate-limiter notification-system payments search-autocomplete metrics-logging-pipeline
file-sync""".split()
COMPARISONS = """sqs-vs-sns-vs-eventbridge-vs-kinesis kafka-vs-sqs dynamodb-vs-aurora ecs-vs-eks
lambda-vs-fargate elasticache-vs-memorydb aurora-vs-rds s3-vs-efs-vs-ebs api-gateway-vs-alb
step-functions-vs-mwaa redshift-vs-athena cloudfront-vs-global-accelerator""".split()
GUIDE_QUESTIONS = [
    "realtime-analytics-dashboard",
    "microservices-logging",
    "recommendation-engine",
    "time-series-metrics",
]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return loader.load().dataset


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.open()


@pytest.mark.parametrize(("name", "entry"), sorted(NAMES.items()))
def test_every_name_candidates_say_resolves_to_its_own_entry(
    cli: Cli, name: str, entry: str
) -> None:
    data = cli.json("lookup", *name.split())
    assert data["kind"] == TECHNOLOGY.key and data["id"] == entry, data.get("id")
    assert data["aws_equivalents"]


@pytest.mark.parametrize(("name", "entry"), sorted(AWS_NAMES.items()))
def test_the_new_aws_services_resolve(cli: Cli, name: str, entry: str) -> None:
    assert cli.json("aws", *name.split())["service"]["id"] == entry


def test_new_technologies_have_substance(dataset: Dataset) -> None:
    new = set(NAMES.values())
    for tech in dataset.of(TECHNOLOGY):
        if tech.id in new:
            assert len(tech.parallels) >= 3, tech.id
            assert tech.key_features and tech.use_cases, tech.id


def test_other_clouds_have_their_category(dataset: Dataset) -> None:
    clouds = [t for t in dataset.of(TECHNOLOGY) if "other-clouds" in t.categories]
    assert len(clouds) >= 16


def test_the_main_answer_is_the_first_equivalent(catalog: Catalog, dataset: Dataset) -> None:
    """The data lists the recommended answer first, so `lookup`'s table and `list` agree."""
    techs = list(dataset.of(TECHNOLOGY))
    for tech, options in zip(techs, equivalents(catalog, techs), strict=True):
        assert recommended(options) is options[0], tech.id


def test_no_main_answer_is_retired_while_an_available_one_is_listed(
    catalog: Catalog, dataset: Dataset
) -> None:
    techs = list(dataset.of(TECHNOLOGY))
    for tech, options in zip(techs, equivalents(catalog, techs), strict=True):
        main = recommended(options)
        assert main is not None
        if any(e.available for e in options):
            assert main.available, tech.id


@pytest.mark.parametrize(
    ("tech", "main"),
    [
        ("grafana", "managed-grafana"),
        ("prometheus", "managed-prometheus"),
        ("istio", "vpc-lattice"),
        ("timescaledb", "rds"),
        ("solr", "opensearch"),
    ],
)
def test_reviewed_main_answers(cli: Cli, tech: str, main: str) -> None:
    summary = next(t for t in cli.json("list")["technologies"] if t["id"] == tech)
    assert summary["main_aws_equivalent"]["id"] == main


def test_every_image_belongs_to_one_technology(dataset: Dataset) -> None:
    owner: dict[str, str] = {}
    for tech in dataset.of(TECHNOLOGY):
        for image in tech.images:
            assert owner.setdefault(image, tech.id) == tech.id, image


@pytest.mark.parametrize(
    ("tech", "service"),
    [
        ("rabbitmq", "eventbridge"),
        ("supabase", "aurora"),
        ("supabase", "rds"),
        ("supabase", "s3"),
        ("supabase", "lambda"),
        ("nginx", "cloudfront"),
        ("nginx", "api-gateway"),
        ("vault", "private-ca"),
    ],
)
def test_reviewed_equivalents_are_there(dataset: Dataset, tech: str, service: str) -> None:
    found = next(t for t in dataset.of(TECHNOLOGY) if t.id == tech)
    assert service in {e.service for e in found.aws_equivalents}


def test_hadoop_note_names_the_s3a_default(dataset: Dataset) -> None:
    hadoop = next(t for t in dataset.of(TECHNOLOGY) if t.id == "hadoop")
    assert any("S3A" in e.note and "7.10" in e.note for e in hadoop.aws_equivalents)


def test_patterns_cover_the_building_blocks(dataset: Dataset) -> None:
    assert {p.id for p in dataset.of(PATTERN)} >= set(PATTERNS)
    services = {s.id: s for s in dataset.of(AWS_SERVICE)}
    for pattern in dataset.of(PATTERN):
        assert not services[pattern.aws[0].target].lifecycle.retired, pattern.id
        for way in pattern.aws:  # every AWS service a pattern names is current
            assert not services[way.target].lifecycle.retired, (pattern.id, way.target)
        assert pattern.pitfalls and pattern.interview_phrases, pattern.id


def test_architectures_cover_the_classic_designs(dataset: Dataset) -> None:
    assert {a.id for a in dataset.of(ARCHITECTURE)} >= set(ARCHITECTURES)
    services = {s.id: s for s in dataset.of(AWS_SERVICE)}
    for arch in dataset.of(ARCHITECTURE):
        assert 4 <= len(arch.components) <= 10, arch.id
        assert arch.tradeoffs, arch.id
        for comp in arch.components:
            for sid in comp.aws_services:
                assert not services[sid].lifecycle.retired, (arch.id, sid)


def test_questions_and_tips(dataset: Dataset) -> None:
    questions = {q.id: q for q in dataset.of(QUESTION)}
    assert len(questions) >= 24
    for qid in GUIDE_QUESTIONS:
        assert questions[qid].source, qid
    assert {t.group for t in dataset.of(TIP)} == {"tip", "cap", "strategy"}


def test_curated_comparisons_with_verdicts(dataset: Dataset) -> None:
    comparisons = {c.id: c for c in dataset.of(COMPARISON)}
    assert set(comparisons) >= set(COMPARISONS)
    for comp in comparisons.values():
        assert all(side.choose_when for side in comp.sides), comp.id
        assert all(len(row.values) == len(comp.sides) for row in comp.rows), comp.id
    assert len(comparisons["sqs-vs-sns-vs-eventbridge-vs-kinesis"].sides) == 4


def test_numbers_are_sourced_and_dated(dataset: Dataset) -> None:
    numbers = dataset.of(NUMBER)
    assert len(numbers) >= 45
    for n in numbers:
        assert n.source and n.checked >= "2026-11", n.id
    covered = {n.service for n in numbers}
    assert covered >= {"dynamodb", "kinesis-data-streams", "sqs", "lambda", "s3", "api-gateway"}


def test_lambda_timeout_is_current(dataset: Dataset) -> None:
    timeout = next(n for n in dataset.of(NUMBER) if n.id == "lambda-max-timeout")
    assert timeout.value == 1800 and timeout.unit == "seconds"
