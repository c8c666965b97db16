"""Roles: the generic words candidates say (object storage, message queue) and their AWS answer.

The data (every role has a default AWS answer or is broad, one-line reasons, no retired service,
ids that no technology or AWS service already uses), the names an interviewer's words resolve
to, and the two commands in both output modes.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from awsmap.base.text import compact
from awsmap.catalog.kinds import AWS_SERVICE, ROLE, TECHNOLOGY, Kind
from awsmap.catalog.reader import Catalog
from awsmap.catalog.roles import Role
from awsmap.catalog.validation import reference_problems
from awsmap.find.resolve import resolve
from tests.conftest import Cli

ROLE_KEYS = {
    "kind", "id", "name", "aliases", "what_it_is", "broad", "aws_answer", "aws", "alternatives",
    "patterns", "related", "source", "match",
}  # fmt: skip
BROAD = {"database", "storage", "compute", "analytics", "messaging"}
ONE_LINE_MAX = 200

# What candidates say -> the role it must name (the list, in its words).
SAID = {
    "object storage": "object-storage",
    "blob storage": "object-storage",
    "block storage": "block-storage",
    "file storage": "file-storage",
    "data warehouse": "data-warehouse",
    "data lake": "data-lake",
    "event bus": "event-router",
    "message queue": "message-queue",
    "pub/sub": "publish-subscribe",
    "stream processing": "stream-processing",
    "batch processing": "batch-processing",
    "cache": "cache",
    "CDN": "cdn",
    "DNS": "dns",
    "load balancer": "load-balancer",
    "API gateway": "api-front-door",
    "key-value store": "key-value-store",
    "document store": "document-store",
    "wide-column store": "wide-column-store",
    "graph database": "graph-database",
    "time-series database": "time-series-database",
    "relational database": "relational-database",
    "vector database": "vector-database",
    "search engine": "search-engine",
    "workflow orchestration": "workflow-orchestration",
    "cron": "scheduler",
    "email": "email",
    "push notifications": "sms-push-notifications",
    "SMS": "sms-push-notifications",
    "secrets": "secrets-management",
    "feature flags": "dynamic-configuration",
    "service mesh": "service-mesh",
    "service discovery": "service-discovery",
    "container orchestration": "container-orchestration",
    "container registry": "container-registry",
    "serverless functions": "serverless-functions",
    "virtual machines": "virtual-machines",
    "user sign-in": "user-authentication",
    "authorization": "access-control",
    "IAM": "access-control",
    "SSO": "enterprise-sso",
    "monitoring": "monitoring",
    "metrics": "monitoring",
    "logging": "logging",
    "tracing": "distributed-tracing",
    "alerting": "alerting",
    "CI/CD": "ci-cd",
    "infrastructure as code": "infrastructure-as-code",
    "artifact repository": "artifact-repository",
    "ETL": "etl",
    "CDC": "change-data-capture",
    "backup": "backup-and-restore",
    "disaster recovery": "disaster-recovery",
    "WAF": "web-firewall",
    "DDoS protection": "ddos-protection",
    "VPN": "vpn",
    "key management": "key-management",
    "certificate management": "certificate-management",
    "rate limiting": "rate-limiter",
    "websockets": "real-time-messaging",
    "GraphQL": "graphql-api",
    "model serving": "ml-platform",
    "LLM": "generative-ai",
    "data catalog": "data-catalog",
    "BI dashboards": "bi-dashboards",
    "distributed lock": "distributed-lock",
    "job queue": "job-queue",
    "static website hosting": "static-website-hosting",
    "video transcoding": "media-transcoding",
    "database": "database",
    "storage": "storage",
    "compute": "compute",
    "analytics": "analytics",
    "messaging": "messaging",
}

# Role names an AWS service or a technology also has. The role keeps the word because it is the
# generic word itself (an interviewer says "a WAF", "an event bus"); lookup and the front door
# give these words to the service or technology, which the data already maps them to.
SHARED_WITH_LOOKUP = {
    "apigateway": "AWS service API Gateway",
    "backup": "AWS service AWS Backup",
    "blobstorage": "technology Azure Blob Storage (alias Blob Storage)",
    "eventbus": "AWS service EventBridge (alias Event Bus)",
    "iam": "AWS service AWS IAM",
    "pubsub": "technology Google Cloud Pub/Sub (alias Pub/Sub)",
    "singlesignon": "AWS service IAM Identity Center (alias AWS Single Sign-On)",
    "sso": "AWS service IAM Identity Center (alias AWS SSO)",
    "waf": "AWS service AWS WAF",
    "webapplicationfirewall": "AWS service AWS WAF",
    "websockets": "technology WebSockets",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.open([])


@pytest.fixture(scope="module")
def roles(catalog: Catalog) -> tuple[Role, ...]:
    return tuple(catalog.all(ROLE))


def test_there_are_at_least_64_roles_and_the_broad_ones_are_marked(roles: tuple[Role, ...]) -> None:
    assert len(roles) >= 64
    assert {r.id for r in roles if r.broad} == BROAD


def test_every_role_has_an_aws_choice_and_one_line_reasons(roles: tuple[Role, ...]) -> None:
    for r in roles:
        assert r.aws, r.id
        assert len(r.aws) >= (2 if r.broad else 1), r.id
        lines = [r.what_it_is, *(c.when for c in r.aws), *(a.when for a in r.alternatives)]
        for line in lines:
            assert "\n" not in line and 10 <= len(line) <= ONE_LINE_MAX, (r.id, line)
        assert r.source.startswith(("https://docs.aws.amazon.com/", "https://aws.amazon.com/"))


def test_no_role_recommends_a_retired_service(catalog: Catalog, roles: tuple[Role, ...]) -> None:
    services = {s.id: s for s in catalog.all(AWS_SERVICE)}
    retired = [
        (r.id, c.service) for r in roles for c in r.aws if services[c.service].lifecycle.retired
    ]
    assert retired == []


def test_role_ids_are_not_names_of_technologies_or_services(
    catalog: Catalog, roles: tuple[Role, ...]
) -> None:
    """An id is the stable key; the front door must never meet it as another entry's name. A
    role's names may share a word with a service or technology only as listed above."""
    kinds: tuple[Kind[Any], ...] = (TECHNOLOGY, AWS_SERVICE)
    taken = {
        compact(n)
        for kind in kinds
        for entry in catalog.all(kind)
        for n in kind.name_values(entry.to_dict())
    }
    assert [r.id for r in roles if compact(r.id) in taken] == []
    shared = {compact(n) for r in roles for n in (r.name, *r.aliases)} & taken
    assert shared == set(SHARED_WITH_LOOKUP)


def test_what_candidates_say_names_the_role(catalog: Catalog) -> None:
    found = {said: resolve(catalog, said, (ROLE,)).id for said in SAID}
    assert found == SAID


def test_object_storage_is_s3(cli: Cli) -> None:
    result = cli("role", "object storage")
    assert result.exit_code == 0
    assert "AWS answer: Amazon S3" in result.stdout
    data = cli.json("role", "blob", "store")
    assert set(data) == ROLE_KEYS
    assert (data["kind"], data["id"], data["aws_answer"]["id"]) == ("role", "object-storage", "s3")
    assert data["aws"][0]["service"] == {"id": "s3", "name": "Amazon S3", "status": "available"}


def test_a_broad_role_lists_choices_without_a_default(cli: Cli) -> None:
    data = cli.json("role", "database")
    assert data["broad"] is True and data["aws_answer"] is None
    assert len(data["aws"]) >= 2 and all(c["when"] for c in data["aws"])
    assert {"aurora", "dynamodb"} <= {c["service"]["id"] for c in data["aws"]}
    assert "it depends on what you store or run" in cli("role", "database").stdout


def test_role_json_names_what_it_refers_to(cli: Cli) -> None:
    data = cli.json("role", "cache")
    assert data["alternatives"][0]["technology"] == {"id": "redis", "name": "Redis"}
    assert {"id": "caching-strategies", "name": "Caching strategies"} in data["patterns"]
    assert {"id": "cdn", "name": "CDN"} in data["related"]
    assert data["match"]["method"] == "exact"


def test_roles_list(cli: Cli, roles: tuple[Role, ...]) -> None:
    data = cli.json("roles")["roles"]
    assert [r["id"] for r in data] == [r.id for r in roles]
    for entry in data:
        assert set(entry) == {"id", "name", "what_it_is", "broad", "aws_answer", "aws"}
        assert (entry["aws_answer"] is None) == entry["broad"], entry["id"]
    text = cli("roles").stdout
    assert f"{len(roles)} roles" in text and "depends: Amazon Aurora" in text


def test_an_unknown_role_is_not_found(cli: Cli) -> None:
    result = cli("role", "zzzzqq")
    assert result.exit_code == 1 and result.stdout == ""
    assert "no role matches 'zzzzqq'" in result.stderr


def _problems(entry: dict[str, Any]) -> list[str]:
    found = reference_problems({ROLE.key: [entry], AWS_SERVICE.key: [{"id": "s3"}]})
    return [f"{p.field}: {p.message}" for p in found]


def test_validation_catches_what_the_schema_cannot() -> None:
    base = {"id": "blob", "name": "Blob", "what_it_is": "x", "source": "y"}
    one = [{"service": "s3", "when": "always"}]
    assert _problems({**base, "aws": one}) == []
    assert _problems({**base, "aws": one, "broad": True}) == [
        "aws: a broad role lists at least two choices"
    ]
    assert _problems({**base, "aws": one * 2}) == ["aws[1].service: 's3' is listed twice"]
    assert _problems({**base, "aws": one, "related": ["blob"]}) == [
        "related: a role is not related to itself"
    ]
    unknown = _problems({**base, "aws": [{"service": "nope", "when": "never"}]})
    assert unknown == ["aws[0].service: unknown AWS service 'nope'"]


def test_a_when_must_be_one_line(tmp_path: Any, cli: Cli) -> None:
    path = tmp_path / "role.yaml"
    path.write_text(
        "# yaml-language-server: $schema=awsmap-data.schema.json\n"
        "roles:\n  - id: blob\n    name: Blob\n    what_it_is: Bytes.\n    source: x\n"
        '    aws:\n      - service: s3\n        when: "first line\\nsecond line"\n',
        encoding="utf-8",
    )
    result = cli("validate", str(path))
    assert result.exit_code == 3
    assert re.search(r"aws\[0\]\.when", result.stdout), result.stdout
