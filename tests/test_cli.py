"""The commands end to end, in-process through ``entry.run`` as the script runs them (the
table-driven reader or Typer), with stdout and stderr apart: names, JSON keys, user data, output."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from awsmap.catalog.reader import Catalog
from awsmap.cli.completion import names_of
from awsmap.commands import lookup as queries
from awsmap.render.rich import render
from tests.conftest import FLUME, Cli, write

ESCAPE = "\x1b["
EQUIVALENT_KEYS = {"id", "name", "full_name", "aliases", "relation", "status", "successors", "note"}
LOOKUP_KEYS = {
    "kind",
    "id",
    "name",
    "aliases",
    "categories",
    "what_it_is",
    "aws_equivalents",
    "parallels",
    "interview_phrases",
    "key_features",
    "use_cases",
    "sections",
    "architectures",
    "comparisons",
    "corrections",
    "match",
    "images",
    "patterns",
}
SUMMARY_KEYS = {
    "id",
    "name",
    "categories",
    "what_it_is",
    "aws_equivalents",
    "main_aws_equivalent",
    "use_case",
}


# -- lookup -------------------------------------------------------------------------------------


def test_lookup_text(cli: Cli) -> None:
    result = cli("lookup", "kafka")
    assert result.exit_code == 0
    out = result.stdout
    for text in (
        "Apache Kafka",
        "AWS equivalents",
        "Amazon MSK",
        "managed",
        "analogous",
        "Key parallels",
        "Interview phrases",
        "awsmap lookup kafka --full",
    ):
        assert text in out
    assert ESCAPE not in out
    assert result.stderr == ""


def test_lookup_json_contract(cli: Cli) -> None:
    data = cli.json("lookup", "kafka")
    assert set(data) == LOOKUP_KEYS
    assert data["kind"] == "technology"
    assert data["id"] == "kafka"
    assert data["categories"] == [{"id": "messaging", "name": "Message Queues & Event Streaming"}]
    assert [e["id"] for e in data["aws_equivalents"]] == ["msk", "kinesis-data-streams"]
    for eq in data["aws_equivalents"]:
        assert set(eq) == EQUIVALENT_KEYS
    assert set(data["parallels"][0]) == {"aspect", "detail"}
    assert data["match"] == {"query": "kafka", "method": "exact", "score": 100.0}
    assert {c["id"] for c in data["comparisons"]} == {
        "kafka-vs-kinesis",
        "kafka-vs-sqs",
        "kafka-vs-rabbitmq",
    }


def test_lookup_full_adds_features_use_cases_and_corrections(cli: Cli) -> None:
    out = cli("lookup", "mysql", "--full").stdout
    for text in ("Key features", "Use cases", "Corrections to the source guide", "8.0"):
        assert text in out


@pytest.mark.parametrize(
    ("words", "expected", "method"),
    [
        (["apache", "kafka"], "kafka", "normalized"),
        (["Apache Kafka"], "kafka", "exact"),
        (["KAFKA"], "kafka", "normalized"),
        (["kafak"], "kafka", "fuzzy"),
        (["k8s"], "kubernetes", "exact"),
        (["pg"], "postgresql", "exact"),
        (["mongo"], "mongodb", "normalized"),
        (["postgress"], "postgresql", "fuzzy"),
        (["elasticserch"], "elasticsearch", "fuzzy"),
        (["rabbit", "mq"], "rabbitmq", "normalized"),
        (["grafan"], "grafana", "prefix"),
        (["jaeger"], "jaeger", "exact"),
        (["Zipkin"], "zipkin", "exact"),
        (["trino"], "trino", "exact"),
        (["ambassador"], "emissary-ingress", "normalized"),
    ],
)
def test_lookup_forgives(cli: Cli, words: list[str], expected: str, method: str) -> None:
    data = cli.json("lookup", *words)
    assert data["id"] == expected
    assert data["match"]["method"] == method


@pytest.mark.parametrize(
    ("name", "service"),
    [
        ("dynamodb", "dynamodb"),
        ("ddb", "dynamodb"),
        ("kinesis data analytics", "managed-flink"),
        ("Amazon EMR (Elastic MapReduce)", "emr"),
        ("app mesh", "app-mesh"),
    ],
)
def test_lookup_of_an_aws_name_shows_the_reverse_view(cli: Cli, name: str, service: str) -> None:
    data = cli.json("lookup", name)
    assert data["kind"] == "aws_service"
    assert data["service"]["id"] == service


@pytest.mark.parametrize("query", ["banana", "hello world", "zzzzzz", "qwertyuiop"])
def test_nonsense_is_not_found(cli: Cli, query: str) -> None:
    result = cli("lookup", *query.split(), "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("awsmap: error: ")
    assert lines[0].count("'") <= 2 + 2 * 3  # the query and at most three suggestions


@pytest.mark.parametrize(
    ("words", "suggested"),
    [
        (["redis", "cache"], "'Redis'"),
        (["graphana", "dash"], "'Grafana'"),
        (["rabbit", "queue"], "'RabbitMQ'"),
        (["nat"], "'NATS'"),  # too short to be taken for a name, but worth suggesting
    ],
)
def test_suggestions_are_on_topic(cli: Cli, words: list[str], suggested: str) -> None:
    result = cli("lookup", *words)
    assert result.exit_code == 1
    assert f"did you mean {suggested}" in result.stderr or suggested in result.stderr


@pytest.mark.parametrize("name", ["banana", "kafkaesque", "hello world"])
def test_unrelated_names_get_no_suggestion(cli: Cli, name: str) -> None:
    result = cli("lookup", name)
    assert result.exit_code == 1
    assert "did you mean" not in result.stderr


def test_several_prefix_matches_are_ambiguous_not_guessed(cli: Cli) -> None:
    result = cli("lookup", "red", "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "'red' is ambiguous: it starts several names: 'Redis', 'Redash'" in result.stderr


def test_an_ambiguous_name_lists_candidates_even_when_many(cli: Cli) -> None:
    result = cli("lookup", "elastic")
    assert result.exit_code == 1
    assert "is ambiguous" in result.stderr
    assert "'Elasticsearch'" in result.stderr and "more; say which" in result.stderr


def test_a_prefix_whose_name_the_others_extend_wins(cli: Cli) -> None:
    data = cli.json("lookup", "dynamo")  # DynamoDB, not DynamoDB Streams
    assert data["service"]["id"] == "dynamodb"
    assert data["match"]["method"] == "prefix"


def test_fuzzy_ties_are_ambiguous(cli: Cli, tmp_path: Path) -> None:
    two = FLUME + FLUME.split("technologies:\n", 1)[1].replace("tributary", "tributory").replace(
        "Tributary", "Tributory"
    )
    data = write(tmp_path / "two.yaml", two)
    result = cli("--data", str(data), "lookup", "tributry")
    assert result.exit_code == 1
    assert "ambiguous" in result.stderr
    assert "Apache Tributary" in result.stderr and "Apache Tributory" in result.stderr


# -- aws ----------------------------------------------------------------------------------------


def test_aws_text_shows_lifecycle_and_successors(cli: Cli) -> None:
    out = cli("aws", "app", "mesh", env={"COLUMNS": "150"}).stdout
    for text in (
        "AWS App Mesh",
        "end of support",
        "2026-09-30",
        "Amazon ECS Service Connect",
        "Amazon VPC Lattice",
        "Istio",
    ):
        assert text in out


def test_aws_json_contract(cli: Cli) -> None:
    data = cli.json("aws", "msk")
    assert set(data) == {"kind", "service", "technologies", "match", "patterns", "numbers"}
    assert set(data["service"]) == {
        "id",
        "name",
        "full_name",
        "aliases",
        "description",
        "sdk_ids",
        "status",
        "date",
        "successors",
        "note",
        "source",
    }
    assert "kafka" in data["service"]["sdk_ids"]
    assert data["technologies"][0] == {
        "id": "kafka",
        "name": "Apache Kafka",
        "relation": "managed",
        "note": data["technologies"][0]["note"],
    }


def test_aws_groups_technologies_by_relation(cli: Cli) -> None:
    relations = [t["relation"] for t in cli.json("aws", "dynamodb")["technologies"]]
    order = {"managed": 0, "compatible": 1, "analogous": 2}
    assert relations == sorted(relations, key=order.__getitem__)


def test_aws_with_a_technology_name_points_to_lookup(cli: Cli) -> None:
    result = cli("aws", "kafka")
    assert result.exit_code == 1
    assert "awsmap lookup kafka" in result.stderr


# -- category and categories ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("databases", "databases"),
        ("cache", "caching"),
        ("queues", "messaging"),
        ("db", "databases"),
        ("Service Mesh", "service-mesh"),
    ],
)
def test_category_resolves_fuzzily(cli: Cli, name: str, expected: str) -> None:
    data = cli.json("category", *name.split())
    assert set(data) == {"kind", "category", "technologies", "match"}
    assert data["category"]["id"] == expected
    assert data["technologies"]
    assert set(data["technologies"][0]) == SUMMARY_KEYS


def test_category_text(cli: Cli) -> None:
    out = cli("category", "caching").stdout
    assert "Caching Solutions" in out and "Redis" in out and "Amazon ElastiCache" in out


def test_unknown_category_is_not_found(cli: Cli) -> None:
    result = cli("category", "spaceships")
    assert result.exit_code == 1
    assert result.stdout == ""


def test_categories(cli: Cli) -> None:
    data = cli.json("categories")
    assert set(data) == {"categories"}
    assert all(set(c) == {"id", "name", "description", "count"} for c in data["categories"])
    assert all(c["count"] > 0 for c in data["categories"])
    text = cli("categories").stdout
    assert "Databases" in text and "Count" in text


# -- compare ------------------------------------------------------------------------------------


def test_compare_curated_pair(cli: Cli) -> None:
    data = cli.json("compare", "redis", "memcached")
    assert set(data) == {
        "kind",
        "technologies",
        "comparison",
        "source",
        "rows",
        "verdicts",
        "included",
        "verdict",
        "decision_guide",
    }
    assert data["source"] == "curated"
    assert data["comparison"]["id"] == "redis-vs-memcached"
    assert data["rows"][1]["values"] == [
        "Strings up to 512 MB",
        "1 MB per item by default (configurable)",
    ]
    assert data["verdict"].startswith("Pick Redis (or Valkey) when")
    assert data["decision_guide"]["title"] == "Choosing an AWS database service"


def test_compare_keeps_argument_order(cli: Cli) -> None:
    data = cli.json("compare", "memcached", "redis")
    assert data["rows"][1]["values"] == [
        "1 MB per item by default (configurable)",
        "Strings up to 512 MB",
    ]
    assert [t["id"] for t in data["technologies"]] == ["memcached", "redis"]


def test_compare_technology_with_aws_service(cli: Cli) -> None:
    data = cli.json("compare", "kafka", "kinesis")
    assert [t["kind"] for t in data["technologies"]] == ["technology", "aws_service"]
    assert data["comparison"]["id"] == "kafka-vs-kinesis"
    relation = [r for r in data["rows"] if r["aspect"] == "Relation to Apache Kafka"]
    assert relation and relation[0]["values"][1].startswith("analogous")


def test_compare_derives_rows_without_a_curated_comparison(cli: Cli) -> None:
    data = cli.json("compare", "postgresql", "mysql", "mongodb")
    assert data["source"] == "derived"
    assert data["comparison"] is None
    aspects = [r["aspect"] for r in data["rows"]]
    assert {"What it is", "AWS equivalents", "Key features", "Use cases"} <= set(aspects)
    assert all(len(r["values"]) == 3 for r in data["rows"])
    assert cli("compare", "postgresql", "mysql").exit_code == 0


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["kafka"], 2),
        (["kafka", "kafka"], 2),
        (["kafka", "apache kafka"], 2),
        (["kafka", "banana"], 1),
    ],
)
def test_compare_errors(cli: Cli, args: list[str], code: int) -> None:
    result = cli("compare", *args, "--json")
    assert result.exit_code == code
    assert result.stdout == ""
    assert result.stderr.startswith("awsmap: error: ")


def test_compare_text(cli: Cli) -> None:
    out = cli("compare", "kafka", "kinesis").stdout
    assert "Kafka vs Kinesis" in out and "Streams split into" in out
    assert "Verdict: Pick Kinesis Data Streams" in out
    assert "AWS Decision Guide: Choosing an AWS application integration service" in out


# -- search -------------------------------------------------------------------------------------


def test_search_limit_and_text(cli: Cli) -> None:
    assert len(cli.json("search", "database", "-n", "2")["results"]) == 2
    out = cli("search", "queue").stdout
    assert "Message queue" in out and "Amazon SQS" in out


@pytest.mark.parametrize(
    ("args", "code"),
    [([" "], 2), (["the", "of"], 1), (["xyzzyplugh"], 1), (["kafka", "-n", "0"], 2)],
)
def test_search_errors(cli: Cli, args: list[str], code: int) -> None:
    result = cli("search", *args)
    assert result.exit_code == code
    assert result.stdout == ""


# -- list ---------------------------------------------------------------------------------------


def test_list(cli: Cli) -> None:
    data = cli.json("list")
    assert set(data) == {"technologies"}
    assert len(data["technologies"]) >= 105
    assert all(set(t) == SUMMARY_KEYS for t in data["technologies"])
    istio = next(t for t in data["technologies"] if t["id"] == "istio")
    assert istio["main_aws_equivalent"]["status"] == "available"  # not the retired App Mesh
    out = cli("list", env={"COLUMNS": "150"}).stdout
    assert "Quick reference" in out and "Main AWS equivalent" in out


# -- validate and user data ---------------------------------------------------------------------


def test_validate_ok(cli: Cli, tmp_path: Path) -> None:
    result = cli("validate", str(write(tmp_path / "tributary.yaml", FLUME)))
    assert result.exit_code == 0
    assert "ok" in result.stdout and "1 technologies" in result.stdout


def test_validate_lists_every_problem_with_line_and_field(cli: Cli, tmp_path: Path) -> None:
    bad = FLUME.replace("relation: analogous", "relation: similar").replace(
        "    what_it_is: Distributed", "    colour: blue\n    what_it_is: Distributed"
    )
    path = write(tmp_path / "bad.yaml", bad)
    result = cli("validate", str(path))
    assert result.exit_code == 3
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "2 problems"
    assert re.search(
        r"bad\.yaml:7:5: technology 'tributary' field 'colour': unknown field", lines[0]
    )
    assert re.search(
        r"bad\.yaml:11:19: technology 'tributary' field "
        r"'aws_equivalents\[0\]\.relation': expected one of managed",
        lines[1],
    )
    data = json.loads(cli("validate", str(path), "--json").stdout)
    assert data["valid"] is False
    assert [p["line"] for p in data["problems"]] == [7, 11]
    assert set(data["problems"][0]) == {"file", "line", "column", "entry", "field", "message"}


def test_user_data_with_the_option_and_the_environment(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path / "tributary.yaml", FLUME)
    assert cli.json("--data", str(path), "lookup", "tributary")["id"] == "tributary"
    assert cli.json("lookup", "tributary", env={"AWSMAP_DATA": str(path)})["id"] == "tributary"
    assert cli("lookup", "tributary").exit_code == 1


def test_user_override_prints_a_notice_on_stderr(cli: Cli, tmp_path: Path) -> None:
    path = write(
        tmp_path / "k.yaml",
        FLUME.replace("id: tributary", "id: kafka").replace("[Tributary]", "[Kafka]"),
    )
    result = cli("--data", str(path), "lookup", "kafka", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["name"] == "Apache Tributary"
    assert "replaces the one from streaming-analytics.yaml" in result.stderr


# -- global options, help, completion ------------------------------------------------------------


def test_version(cli: Cli) -> None:
    from awsmap import __version__

    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"awsmap {__version__}"


def test_color_modes(cli: Cli) -> None:
    assert ESCAPE in cli("--color", "always", "lookup", "kafka").stdout
    assert ESCAPE not in cli("--color", "never", "lookup", "kafka").stdout
    assert ESCAPE not in cli("lookup", "kafka").stdout  # not a terminal
    assert ESCAPE not in cli("--color", "always", "lookup", "kafka", "--json").stdout
    assert cli("--color", "pink", "lookup", "kafka").exit_code == 2


def test_no_color_and_dumb_terminal(cli: Cli) -> None:
    for env in ({"NO_COLOR": "1"}, {"TERM": "dumb"}):
        assert ESCAPE not in cli("lookup", "kafka", env=env).stdout


def test_no_command_prints_help(cli: Cli) -> None:
    result = cli()
    assert "lookup" in result.stdout


def test_unknown_command_is_a_usage_error(cli: Cli) -> None:
    assert cli("lokup", "kafka").exit_code == 2


def test_completion_offers_names() -> None:
    names = dict(names_of("TECHNOLOGY", "AWS_SERVICE")("kaf"))
    assert (
        names.items()
        >= {
            "kafka": "Apache Kafka",
            "kafka-connect": "Kafka Connect",
            "kafka-streams": "Kafka Streams",
        }.items()
    )
    assert all(i.startswith("kaf") or n.casefold().startswith("kaf") for i, n in names.items())
    assert "caching" in dict(names_of("CATEGORY")("cach"))
    assert "dynamodb" in dict(names_of("AWS_SERVICE")("Amazon Dyn"))


# -- a rendered table at a fixed width ----------------------------------------------------------

KAFKA_EQUIVALENTS_AT_100 = """\
AWS equivalents
Service                       Relation    Status      Note
────────────────────────────────────────────────────────────────────────────────────────────────────
Amazon MSK                    managed     available   AWS runs Apache Kafka brokers for you;
                                                      clients, Kafka Connect and the Kafka APIs work
                                                      unchanged.
Amazon Kinesis Data Streams   analogous   available   Same role (partitioned, replayable stream),
                                                      different API; shards instead of partitions,
                                                      24 h to 365 days of retention."""


def test_rendered_table_at_fixed_width() -> None:
    catalog = Catalog.open()
    out = io.StringIO()
    console = Console(file=out, width=100, color_system=None, highlight=False, markup=False)
    render(queries.lookup_result(catalog, "kafka"), console)
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    start = lines.index("AWS equivalents")
    assert "\n".join(lines[start : start + 9]) == KAFKA_EQUIVALENTS_AT_100
    assert max(len(line) for line in out.getvalue().splitlines()) <= 100


NEW_KINDS = """\
# yaml-language-server: $schema=awsmap-data.schema.json
categories:
  - id: stream-ingest
    name: Stream Ingest
    description: Tools that collect events at the edge.
aws_services:
  - id: fictional-ingest
    name: Amazon Fictional Ingest
    full_name: Amazon Fictional Ingest Service
    description: A service made up for this test.
    lifecycle: {status: available, source: this test}
technologies:
  - id: fluentbit-x
    name: Fluent Bit X
    categories: [stream-ingest]
    what_it_is: A log forwarder made up for this test.
    aws_equivalents:
      - {service: fictional-ingest, relation: analogous, note: Made up.}
comparisons:
  - id: fluentbit-x-vs-ingest
    title: Fluent Bit X vs Fictional Ingest
    sides:
      - {label: Fluent Bit X, technology: fluentbit-x}
      - {label: Fictional Ingest, aws_service: fictional-ingest}
    rows:
      - {aspect: Runs, values: [On your nodes, Managed]}
"""


def test_user_data_may_add_every_kind_of_entry(cli: Cli, tmp_path: Path) -> None:
    path = str(write(tmp_path / "new.yaml", NEW_KINDS))
    assert cli("validate", path).exit_code == 0
    assert cli.json("--data", path, "category", "stream ingest")["technologies"][0]["id"] == (
        "fluentbit-x"
    )
    assert cli.json("--data", path, "aws", "fictional ingest")["technologies"][0]["id"] == (
        "fluentbit-x"
    )
    data = cli.json("--data", path, "compare", "fluent bit x", "fictional ingest")
    assert data["source"] == "curated"
    assert data["rows"][0] == {"aspect": "Runs", "values": ["On your nodes", "Managed"]}


def test_validate_reports_unreadable_files_and_clashes_once_each(cli: Cli, tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.yaml", "technologies:\n  - id: x\n    name: [unclosed\n")
    clash = write(tmp_path / "clash.yaml", FLUME.replace("[Tributary]", "[k8s]"))
    lines = cli("validate", str(broken), str(tmp_path / "nope.yaml")).stdout.splitlines()
    assert lines[0].startswith(f"{broken}:4:1: YAML error: ")
    assert lines[1] == f"{tmp_path / 'nope.yaml'}: no such file"
    assert lines[2] == "2 problems"
    result = cli("validate", str(clash))
    assert result.exit_code == 3
    assert result.stdout.splitlines()[0].startswith(
        f"{clash}: technology 'tributary' field 'aliases': 'k8s' is also a name of 'kubernetes'"
    )
