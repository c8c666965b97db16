"""The interview phrases and parallels of every technology meet the bar a senior engineer sets.

An interview phrase is a decision with its reason, a trade-off or a pitfall tied to the AWS answer;
the weak form this rejects is a bare comparison ("Kafka provides event streaming similar to
Kinesis", "For IaC, Terraform (like CDK) defines resources as code"), which tells an interviewer
nothing about why. The rules are deliberately mechanical, so that a failure names the phrase and
the rule it broke:

* ``parenthetical comparison``: a parenthesis that is only a comparison or a bare product name
  standing in for the AWS answer: "(like RDS)", "(similar to Neptune)", "Redis (ElastiCache)".
* ``bare comparison``: the phrase compares ("similar to", "comparable to", "just like",
  "works like", "the same as", or "like" before a capitalised name) but carries no reason, decision
  or condition: none of "because", "since", "so", "unless", "instead", "rather than", "whereas",
  "while", "only", "trade-off", "I'd", "I would", "we'd", "we would", and no ";" or ":".
* ``too thin``: fewer than ``MIN_WORDS`` words, too short to hold a reason.

Parallels must not repeat themselves: two aspects of one technology are the same when their
normalised words (case, punctuation and a plural "s" ignored) are equal, or when one is the other
plus only generic words (``FILLER``: "In-Memory" and "In-Memory Storage", "Persistence" and
"Persistence Options"); two details are the same when their normalised words are equal.

The most-asked technologies (``MOST_ASKED``: those of the source guide plus the modern ones
candidates name most often) must have at least three phrases.
"""

import re

import pytest

from awsmap.catalog import loader
from awsmap.catalog.kinds import TECHNOLOGY
from awsmap.catalog.models import Technology

MIN_WORDS = 12
MIN_PHRASES_MOST_ASKED = 3

# fmt: off
MOST_ASKED: tuple[str, ...] = (
    # relational, document, key-value and wide-column stores, caches
    "postgresql", "mysql", "mariadb", "sqlite", "mongodb", "redis", "valkey", "memcached",
    "cassandra", "cockroachdb", "neo4j", "influxdb", "timescaledb", "hbase",
    # warehouses, query engines, search
    "clickhouse", "snowflake", "bigquery", "presto", "trino", "hive", "elasticsearch", "solr",
    "kibana", "logstash",
    # messaging and streaming
    "kafka", "rabbitmq", "pulsar", "nats", "activemq", "celery",
    # big data processing
    "spark", "hadoop", "hdfs", "flink", "storm", "airflow", "dbt", "temporal",
    # containers, proxies, service mesh, coordination
    "kubernetes", "docker", "docker-swarm", "helm", "nginx", "haproxy", "envoy", "traefik",
    "istio", "linkerd", "consul", "etcd", "zookeeper", "kong", "grpc", "websockets", "cloudflare",
    # storage
    "minio", "ceph",
    # observability
    "prometheus", "grafana", "jaeger", "zipkin", "opentelemetry", "loki", "fluentd", "datadog",
    # security and identity
    "vault", "keycloak", "auth0", "okta",
    # CI/CD and infrastructure as code
    "jenkins", "github-actions", "gitlab-ci", "argo-cd", "terraform", "ansible",
    # change data capture, ML, vector search and IoT
    "debezium", "mlflow", "ray", "pinecone", "mosquitto",
)
# fmt: on

PARENTHETICAL = re.compile(
    r"\((?:like|similar to|comparable to|same as)\b[^)]*\)"  # "(like RDS)", "(similar to RDS)"
    r"|\b[A-Z][\w.+-]*\s\((?:Amazon |AWS )?[A-Z][\w-]*(?: [A-Z][\w-]*){0,2}\)(?=\s+[a-z])",
    # ^ "Redis (ElastiCache) provides ...": a product name in parentheses standing in for a reason
)
COMPARISON = re.compile(
    r"\b(?:similar to|comparable to|just like|works like|the same as)\b|\blike (?:the )?[A-Z]",
)
REASON = re.compile(
    r"[;:]|\b(?:because|since|so|unless|instead|rather than|whereas|while|only|trade-?offs?"
    r"|I'd|I would|we'd|we would)\b",
)


def weakness(phrase: str) -> str | None:
    """The rule a phrase breaks, or None when it is a decision, trade-off or pitfall."""
    if PARENTHETICAL.search(phrase):
        return "parenthetical comparison"
    if COMPARISON.search(phrase) and not REASON.search(phrase):
        return "bare comparison"
    if len(phrase.split()) < MIN_WORDS:
        return "too thin"
    return None


def words(text: str) -> tuple[str, ...]:
    """Lowercase words without punctuation, a plural "s" dropped: the shape two texts share."""
    found = re.findall(r"[a-z0-9]+", text.lower())
    return tuple(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in found
    )


FILLER = frozenset(
    words("storage support option capability feature model mode engine system layer functionality")
)


def same_aspect(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Equal, or equal once the generic words of the longer one are set aside."""
    shorter, longer = sorted((one, other), key=len)
    return longer == shorter or (
        longer[: len(shorter)] == shorter and set(longer[len(shorter) :]) <= FILLER
    )


def repeats(technology: Technology) -> list[str]:
    """Pairs of parallels of one technology that say the same thing."""
    found = []
    seen: list[tuple[tuple[str, ...], tuple[str, ...], str]] = []
    for parallel in technology.parallels:
        aspect, detail = words(parallel.aspect), words(parallel.detail)
        for other_aspect, other_detail, other in seen:
            if same_aspect(aspect, other_aspect):
                found.append(f"aspects {other!r} and {parallel.aspect!r}")
            elif detail == other_detail:
                found.append(f"same detail under {other!r} and {parallel.aspect!r}")
        seen.append((aspect, detail, parallel.aspect))
    return found


@pytest.fixture(scope="module")
def technologies() -> tuple[Technology, ...]:
    return loader.load().dataset.of(TECHNOLOGY)


def test_no_weak_interview_phrases(technologies: tuple[Technology, ...]) -> None:
    weak = [
        f"{t.id}: {rule}: {phrase!r}"
        for t in technologies
        for phrase in t.interview_phrases
        if (rule := weakness(phrase))
    ]
    assert not weak, f"{len(weak)} weak interview phrases:\n" + "\n".join(weak)


def test_no_repeated_parallels(technologies: tuple[Technology, ...]) -> None:
    repeated = [f"{t.id}: {pair}" for t in technologies for pair in repeats(t)]
    assert not repeated, "parallels that repeat each other:\n" + "\n".join(repeated)


def test_at_least_three_parallels(technologies: tuple[Technology, ...]) -> None:
    few = [t.id for t in technologies if len(t.parallels) < 3]
    assert not few, f"fewer than 3 parallels: {few}"


def test_most_asked_have_three_phrases(technologies: tuple[Technology, ...]) -> None:
    by_id = {t.id: t for t in technologies}
    assert len(MOST_ASKED) == len(set(MOST_ASKED)) == 80
    missing = [i for i in MOST_ASKED if i not in by_id]
    assert not missing, f"pinned ids with no technology: {missing}"
    few = [
        f"{i} ({len(by_id[i].interview_phrases)})"
        for i in MOST_ASKED
        if len(by_id[i].interview_phrases) < MIN_PHRASES_MOST_ASKED
    ]
    assert not few, (
        f"most-asked technologies with fewer than {MIN_PHRASES_MOST_ASKED} phrases: {few}"
    )


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        (
            "For ACID-compliant relational data, I'd use PostgreSQL (similar to RDS)",
            "parenthetical comparison",
        ),
        ("For IaC, Terraform (like CDK) defines resources as code", "parenthetical comparison"),
        (
            "For session storage, Redis (ElastiCache) provides fast access with replication",
            "parenthetical comparison",
        ),
        (
            "Kafka provides event streaming similar to Kinesis, with message replay capability",
            "bare comparison",
        ),
        ("Kubernetes orchestrates containers, similar to ECS but more flexible", "bare comparison"),
        (
            "Akamai caches content at the edge like CloudFront, cutting latency for users",
            "bare comparison",
        ),
        ("Spark runs on EMR for distributed data processing", "too thin"),
        (
            "Like CockroachDB, DSQL aborts conflicting transactions rather than waiting on locks, "
            "so I'd keep transactions short",
            None,
        ),
        ("I'd use Aurora PostgreSQL because its storage keeps six copies across three AZs", None),
        (
            "Parallel Computing Service (managed Slurm) keeps the job scripts unchanged for HPC "
            "teams",
            None,
        ),
    ],
)
def test_the_weak_form_rule(phrase: str, rule: str | None) -> None:
    assert weakness(phrase) == rule
