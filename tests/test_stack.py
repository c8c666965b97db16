"""`awsmap stack` and `awsmap architecture`: every output format, compose parsing, the JSON keys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from awsmap.base.errors import DataError
from awsmap.commands.compose import Entry, image_candidates, image_name, read_entries
from tests.conftest import Cli, write

FIVE = ["postgres", "redis", "kafka", "elasticsearch", "k8s"]
COMPONENT_KEYS = {
    "query", "technology", "aws", "alternatives", "warnings", "phrase", "match", "origin", "role"
}  # fmt: skip

# A dozen common images, as compose files write them: tags, digests, registries, variables.
COMPOSE = """\
services:
  web:
    image: nginx:1.27-alpine
  api:
    build: ./api
  db:
    image: docker.io/library/postgres:16@sha256:DIGEST
  cache:
    image: ${CACHE_IMAGE:-redis:7-alpine}
  queue:
    image: rabbitmq:3-management
  search:
    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0
  broker:
    image: bitnami/kafka:3.7
  zk:
    image: zookeeper:3.9
  mongo:
    image: mongo:7
  objects:
    image: quay.io/minio/minio:latest
  grafana:
    image: grafana/grafana:11.0.0
  prometheus:
    image: prom/prometheus:v2.53.0
  vault:
    image: hashicorp/vault:1.17
  memcached: {}
""".replace("DIGEST", "0123456789abcdef" * 4)
EXPECTED = {
    "web": "alb",
    "db": "rds",
    "cache": "elasticache",
    "queue": "amazon-mq",
    "search": "opensearch",
    "broker": "msk",
    "zk": "dynamodb",
    "mongo": "documentdb",
    "objects": "s3",
    "grafana": "managed-grafana",
    "prometheus": "managed-prometheus",
    "vault": "secrets-manager",
    "memcached": "elasticache",
}


def stack_json(cli: Cli, *args: str) -> Any:
    result = cli("stack", *args, "--json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_five_names_get_the_expected_services_and_relations(cli: Cli) -> None:
    data = stack_json(cli, *FIVE)
    components = data["components"]
    assert isinstance(components, list)
    got = {c["query"]: (c["aws"]["id"], c["aws"]["relation"]) for c in components}
    assert got == {
        "postgres": ("rds", "managed"),
        "redis": ("elasticache", "managed"),
        "kafka": ("msk", "managed"),
        "elasticsearch": ("opensearch", "compatible"),
        "k8s": ("eks", "managed"),
    }
    aurora = next(c for c in components if c["query"] == "postgres")["alternatives"]
    assert "aurora" in [a["id"] for a in aurora]


def test_the_json_keys(cli: Cli) -> None:
    data = stack_json(cli, "kafka", "nosuchthingzz", "app mesh")
    assert set(data) == {"components", "unmapped", "summary", "source"}
    components = data["components"]
    assert isinstance(components, list)
    for component in components:
        assert set(component) == COMPONENT_KEYS
        assert set(component["aws"]) == {"id", "name", "relation", "status"}
    (unmapped,) = data["unmapped"]
    assert set(unmapped) == {"query", "suggestions", "reason", "origin"}
    assert data["summary"] == {
        "components": 3, "mapped": 2, "services": 2, "warnings": 1, "unmapped": 1
    }  # fmt: skip


def test_a_retired_service_named_as_a_component_is_kept_with_a_warning(cli: Cli) -> None:
    (component,) = stack_json(cli, "app mesh")["components"]
    assert component["aws"]["id"] == "app-mesh"
    assert component["aws"]["relation"] is None  # an AWS service kept as it is
    assert component["aws"]["status"] == "end-of-support"
    assert "end of support" in component["warnings"][0]


def test_commas_separate_names_and_quotes_keep_them_whole(cli: Cli) -> None:
    data = stack_json(cli, "apache kafka,", "flink, redis")
    assert [c["query"] for c in data["components"]] == ["apache kafka", "flink", "redis"]


@pytest.mark.parametrize(
    ("fmt", "marks"),
    [
        ("table", ["Your design on AWS", "Amazon MSK", "managed: AWS runs the same engine"]),
        ("markdown", ["## On AWS", "| Component | Technology | AWS service |", "| kafka |"]),
        ("mermaid", ["flowchart LR", 'subgraph aws["On AWS"]', '-.->|"managed"|']),
        ("dot", ["digraph", 'label="managed"', "->"]),
    ],
)
def test_every_format(cli: Cli, fmt: str, marks: list[str]) -> None:
    result = cli("stack", *FIVE, "--format", fmt, env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    for mark in marks:
        assert mark in result.stdout, (fmt, mark)
    assert result.stderr == ""


def test_json_wins_over_another_format(cli: Cli) -> None:
    result = cli("stack", "kafka", "--format", "markdown", "--json")
    assert json.loads(result.stdout)["components"][0]["aws"]["id"] == "msk"


def test_an_unknown_format_is_a_usage_error(cli: Cli) -> None:
    result = cli("stack", "kafka", "--format", "html")
    assert result.exit_code == 2
    assert "use table, json, markdown, mermaid or dot" in result.stderr


def test_nothing_mapped_exits_1_without_an_empty_table(cli: Cli) -> None:
    result = cli("stack", "nosuchthingzz", env={"COLUMNS": "100"})
    assert result.exit_code == 1
    assert "Your design on AWS" not in result.stdout
    assert "Not mapped" in result.stdout
    assert "1 component · 0 AWS services" in result.stdout


def test_no_components_is_a_usage_error(cli: Cli) -> None:
    result = cli("stack")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1


# -- compose files --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "name"),
    [
        ("postgres", "postgres"),
        ("postgres:16", "postgres"),
        ("postgres@sha256:abc", "postgres"),
        ("docker.io/library/postgres:16@sha256:abc", "postgres"),
        ("index.docker.io/bitnami/kafka:3.7", "bitnami/kafka"),
        ("registry:5000/org/app:1.2", "registry:5000/org/app"),
        ("localhost:5000/redis", "localhost:5000/redis"),
        ("quay.io/minio/minio:latest", "quay.io/minio/minio"),
        ("GHCR.IO/GetSentry/Sentry:24.1", "ghcr.io/getsentry/sentry"),
        ("${DB_IMAGE:-postgres:16}", "postgres"),
        ("${DB_IMAGE}", ""),
        ("$REGISTRY/redis:7", "redis"),
    ],
)
def test_image_names(reference: str, name: str) -> None:
    assert image_name(reference) == name


def test_image_candidates_go_from_specific_to_short() -> None:
    assert image_candidates("docker.elastic.co/elasticsearch/elasticsearch") == [
        "docker.elastic.co/elasticsearch/elasticsearch",
        "elasticsearch/elasticsearch",
        "elasticsearch",
    ]
    assert image_candidates("bitnami/kafka") == ["bitnami/kafka", "kafka"]


def test_a_compose_file_with_a_dozen_common_images_translates_fully(
    cli: Cli, tmp_path: Path
) -> None:
    path = write(tmp_path / "compose.yaml", COMPOSE)
    data = stack_json(cli, "--file", str(path))
    got = {c["origin"]: c["aws"]["id"] for c in data["components"]}
    assert got == EXPECTED
    (built,) = data["unmapped"]
    assert built == {
        "query": "api", "suggestions": [], "reason": "built from source: your own code",
        "origin": "api",
    }  # fmt: skip
    assert data["source"] == str(path)


def test_services_without_an_image(tmp_path: Path) -> None:
    path = write(tmp_path / "c.yaml", "services:\n  redis: {}\n  app:\n    build: .\n")
    assert read_entries(path) == [Entry("redis"), Entry("app", None, built=True)]


def test_merge_tags_are_read_as_their_values(cli: Cli, tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.yaml",
        "services:\n  db:\n    image: !override postgres:16\n    ports: !reset []\n"
        "    environment: !override {A: b}\n",
    )
    assert [c["aws"]["id"] for c in stack_json(cli, "-f", str(path))["components"]] == ["rds"]


def test_a_list_of_names_from_standard_input(cli: Cli) -> None:
    from tests.harness import invoke

    result = invoke(["stack", "--file", "-", "--json"], stdin="# my design\nkafka\n\nflink\n")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [c["query"] for c in data["components"]] == ["kafka", "flink"]
    assert data["source"] == "<stdin>"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("services: [a, b]\n", "a compose file needs a 'services' mapping"),
        ("services: {}\n", "a compose file needs a 'services' mapping"),
        ("services:\n  db: postgres\n", "service 'db' is not a mapping"),
        ("services:\n  db:\n    image: [postgres]\n", "'image' must be a string"),
        ("services:\n  db:\n    image: postgres\n   bad: indent\n", "YAML error"),
        ("services:\n  db:\n    image: !!python/object:os.system ls\n", "YAML error"),
        ("services:\n  db: &a\n    image: *a\n", "a YAML anchor is used inside itself"),
    ],
)
def test_malformed_compose_files_are_one_line_exit_3(
    cli: Cli, tmp_path: Path, text: str, says: str
) -> None:
    path = write(tmp_path / "bad.yaml", text)
    result = cli("stack", "--file", str(path))
    assert result.exit_code == 3, result.stdout
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert says in result.stderr and "bad.yaml" in result.stderr


def test_a_missing_compose_file_is_exit_3(cli: Cli, tmp_path: Path) -> None:
    result = cli("stack", "--file", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 3
    assert "nope.yaml" in result.stderr and result.stderr.count("\n") == 1


def test_read_entries_raises_a_data_error_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "x.yaml", "services: 3\n")
    with pytest.raises(DataError, match=r"x\.yaml"):
        read_entries(path)


# -- architectures ------------------------------------------------------------------------------

ARCHITECTURE_KEYS = {
    "kind", "id", "name", "aliases", "tags", "summary", "components", "edges", "tradeoffs",
    "notes", "patterns", "source", "corrections", "walkthrough", "match",
}  # fmt: skip


def test_architecture_json(cli: Cli) -> None:
    data = cli.json("architecture", "url-shortener")
    assert set(data) == ARCHITECTURE_KEYS
    assert data["kind"] == "architecture"
    ids = {c["id"] for c in data["components"]}
    for component in data["components"]:
        assert set(component) == {"id", "role", "technologies", "aws_services", "note"}
    for edge in data["edges"]:
        assert {edge["from"], edge["to"]} <= ids


@pytest.mark.parametrize(
    ("fmt", "marks"),
    [
        ("table", ["URL shortener", "Components", "Open source", "On AWS", "Flow"]),
        ("markdown", ["## URL shortener", "| Component | Open source | On AWS |"]),
        ("mermaid", ["flowchart LR", 'subgraph o["Open source"]', 'subgraph a["On AWS"]']),
        ("dot", ["digraph", "subgraph cluster_", "->"]),
    ],
)
def test_architecture_formats(cli: Cli, fmt: str, marks: list[str]) -> None:
    result = cli("architecture", "url", "shortener", "--format", fmt, env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    for mark in marks:
        assert mark in result.stdout, (fmt, mark)


def test_every_architecture_draws_in_every_format(cli: Cli) -> None:
    for entry in cli.json("architectures")["architectures"]:
        for fmt in ("table", "markdown", "mermaid", "dot"):
            result = cli("architecture", entry["id"], "--format", fmt)
            assert result.exit_code == 0, (entry["id"], fmt, result.stderr)
            assert result.stdout.strip()


def test_architectures_list_and_tags(cli: Cli) -> None:
    data = cli.json("architectures")
    assert {"url-shortener", "chat", "payments"} <= {a["id"] for a in data["architectures"]}
    for entry in data["architectures"]:
        assert set(entry) == {"id", "name", "tags", "summary"}
    tagged = cli.json("architectures", "--tag", "streaming")["architectures"]
    assert tagged and all("streaming" in a["tags"] for a in tagged)


def test_an_unknown_architecture_is_not_found(cli: Cli) -> None:
    result = cli("architecture", "nosuchdesign")
    assert result.exit_code == 1
    assert result.stdout == ""
