"""``awsmap numbers``: groups of figures beyond AWS limits, plain printing, --group, a technology
naming its AWS equivalents' numbers, and the rule that a general figure names no service."""

from __future__ import annotations

from pathlib import Path

import pytest

from awsmap.base.text import plain_number
from awsmap.catalog import loader
from awsmap.catalog.designs import AWS_LIMITS, NUMBER_GROUPS, Number
from awsmap.catalog.designs import NUMBER_GROUP_TITLES as GROUP_HEADINGS
from awsmap.catalog.kinds import NUMBER
from awsmap.catalog.validation import schema
from awsmap.cli.options import TextOption
from awsmap.cli.table import BY_NAME
from tests.conftest import Cli, write


@pytest.fixture(scope="module")
def numbers() -> list[Number]:
    return list(loader.load().dataset.of(NUMBER))


def test_plain_number_never_prints_an_exponent() -> None:
    assert plain_number(12500000) == "12,500,000"
    assert plain_number(15000000.0) == "15,000,000"
    assert plain_number(48.8) == "48.8"
    assert plain_number(0.25) == "0.25"
    assert plain_number(1e-05) == "0.00001"
    assert plain_number(1e22) == "10,000,000,000,000,000,000,000"


def test_numbers_output_is_plain(cli: Cli) -> None:
    out = cli("numbers").stdout
    assert "e+" not in out and "e-0" not in out
    assert "12,500,000" in out  # SNS subscriptions per topic, once 1.25e+07
    assert "15,000,000" in out


def test_groups_are_one_list(numbers: list[Number]) -> None:
    definition = schema()["$defs"]["number"]
    assert tuple(definition["properties"]["group"]["enum"]) == NUMBER_GROUPS
    assert set(GROUP_HEADINGS) == set(NUMBER_GROUPS)
    group_option = next(o for o in BY_NAME["numbers"].options if o.param == "group")
    assert isinstance(group_option, TextOption)
    assert group_option.metavar == f"[{'|'.join(NUMBER_GROUPS)}]"
    assert {n.group for n in numbers} == set(NUMBER_GROUPS)  # every group holds figures


def test_general_figures_are_sourced_and_dated(numbers: list[Number]) -> None:
    general = [n for n in numbers if n.general]
    assert len(general) >= 30
    for n in general:
        assert n.service is None and n.adjustable is None, n.id
        assert n.source and n.checked >= "2026-12", n.id
    for n in numbers:
        assert (n.group == AWS_LIMITS) == (n.service is not None), n.id
    ladder = {n.id for n in general if n.group == "latency"}
    assert {"l1-cache-reference", "main-memory-reference", "read-1mb-ssd", "hdd-seek"} <= ladder
    assert {"round-trip-cross-az", "round-trip-us-east-eu-west"} <= {n.id for n in general}


def test_source_and_checked_date_are_shown(cli: Cli) -> None:
    out = cli("numbers", "dynamodb", env={"COLUMNS": "80"}).stdout
    assert "Note and source" in out and "(checked 2026-11-27)" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_group_filter(cli: Cli) -> None:
    data = cli.json("numbers", "--group", "latency")
    assert data["group"] == "latency"
    assert data["numbers"] and {n["group"] for n in data["numbers"]} == {"latency"}
    assert "l1-cache-reference" in {n["id"] for n in data["numbers"]}
    out = cli("numbers", "--group", "latency").stdout
    assert "Latency: how long one operation takes" in out and "AWS limits" not in out
    limits = cli.json("numbers", "--group", "aws-limits")["numbers"]
    assert limits and all(n["service"] for n in limits)
    bad = cli("numbers", "--group", "speed")
    assert bad.exit_code == 2 and "--group is one of latency, network" in bad.stderr


def test_groups_come_in_order_with_headings(cli: Cli) -> None:
    data = cli.json("numbers")
    order = [NUMBER_GROUPS.index(n["group"]) for n in data["numbers"]]
    assert order == sorted(order)
    out = cli("numbers").stdout
    places = [out.index(GROUP_HEADINGS[g]) for g in NUMBER_GROUPS]
    assert places == sorted(places)
    assert "AWS limits: Amazon DynamoDB" in out and "AWS limits: Amazon MSK" in out


def test_a_technology_finds_its_aws_equivalents_numbers(cli: Cli) -> None:
    data = cli.json("numbers", "kafka")
    assert data["service"] is None and data["technology"]["id"] == "kafka"
    assert "msk" in {s["id"] for s in data["technology"]["services"]}
    ids = {n["id"] for n in data["numbers"]}
    assert {"msk-partitions-per-large-broker", "kafka-broker-throughput"} <= ids
    out = cli("numbers", "kafka").stdout
    assert "AWS limits: Amazon MSK" in out and "Apache Kafka" in out
    assert cli.json("numbers", "postgres")["technology"]["id"] == "postgresql"  # an alias
    only = cli.json("numbers", "kafka", "--group", "aws-limits")["numbers"]
    assert only and all(n["group"] == "aws-limits" for n in only)


def test_a_service_still_wins_and_json_keys_only_grow(cli: Cli) -> None:
    data = cli.json("numbers", "dynamodb")
    assert data["service"]["id"] == "dynamodb" and data["technology"] is None
    assert set(data) == {"service", "technology", "group", "numbers"}
    keys = {"service", "name", "value", "unit", "note", "source", "checked", "id", "adjustable"}
    assert set(data["numbers"][0]) == keys | {"group", "technology"}
    none = cli("numbers", "kafka", "--group", "sizes")
    assert none.exit_code == 1 and "awsmap numbers --group sizes" in none.stderr


GENERAL_WITH_SERVICE = """\
numbers:
  - id: odd-latency
    group: latency
    service: dynamodb
    name: A latency that names a service
    value: 1
    unit: ms
    source: Nowhere in particular
    checked: '2026-12-07'
"""
LIMIT_WITHOUT_SERVICE = """\
numbers:
  - id: limit-without-service
    name: A limit of no service
    value: 1
    unit: requests/s
    source: Nowhere in particular
    checked: '2026-12-07'
"""


def test_a_general_figure_names_no_service(cli: Cli, tmp_path: Path) -> None:
    general = cli("validate", str(write(tmp_path / "odd.yaml", GENERAL_WITH_SERVICE)))
    assert general.exit_code == 3
    message = "number 'odd-latency' field 'service': a latency figure is not an AWS limit"
    assert message in general.stdout
    limit = cli("validate", str(write(tmp_path / "limit.yaml", LIMIT_WITHOUT_SERVICE)))
    assert limit.exit_code == 3
    message = "number 'limit-without-service' field 'service': required field is missing"
    assert message in limit.stdout
