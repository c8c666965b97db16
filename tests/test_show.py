"""The front door: ``awsmap WORDS`` opens the entry of any kind the words name (issue 18)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from awsmap.base.errors import NotFoundError
from awsmap.catalog.kinds import (
    CATEGORY,
    COMPARISON,
    TIP,
    Kind,
)
from awsmap.catalog.reader import Catalog
from awsmap.commands.front import show_result
from awsmap.commands.opened import ORDER, first_named
from tests.conftest import Cli


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.open([])


def found_id(kind: Kind[Any], data: dict[str, Any]) -> str:
    """The id of the entry a command's JSON shows."""
    if kind is CATEGORY:
        return str(data["category"]["id"])
    if kind is COMPARISON:
        return str((data["comparison"] or {}).get("id"))
    if kind is TIP:
        return str(data["tips"][0]["id"])
    if "service" in data:
        return str(data["service"]["id"])
    return str(data["id"])


# every kind the front door opens but technologies and AWS services (lookup's own tests cover
# those, and their thousands of names and aliases would take the suite a minute)
@pytest.mark.parametrize(
    "kind", [k for k in ORDER if k.key not in ("technology", "aws_service")], ids=lambda k: k.key
)
def test_every_name_of_every_kind_opens_its_entry(catalog: Catalog, kind: Kind[Any]) -> None:
    earlier = ORDER[: ORDER.index(kind)]
    checked = 0
    for record in catalog.all(kind):
        for name in kind.name_values(record.to_dict()):
            if first_named(catalog, name, earlier) is not None:
                continue  # the same name in a kind tried first: that entry is the answer
            data = show_result(catalog, name).to_json()
            assert data["kind"] == kind.key, (name, data["kind"])
            assert found_id(kind, data) == record.id, name
            checked += 1
    assert checked >= 0.9 * len(catalog.all(kind))


@pytest.mark.parametrize(
    ("words", "kind", "entry"),
    [
        ("idempotency", "pattern", "idempotency-keys"),
        ("kafka", "technology", "kafka"),
        ("sqs", "aws_service", "sqs"),
        ("url shortener", "architecture", "url-shortener"),
        ("databases", "category", "databases"),
        ("cap theorem", "tip", "cap-theorem-basics"),
    ],
)
def test_words_open_their_entry_in_json(cli: Cli, words: str, kind: str, entry: str) -> None:
    data = cli.json(*words.split())
    assert data["kind"] == kind
    by_kind = {k.key: k for k in ORDER}
    assert found_id(by_kind[kind], data) == entry


@pytest.mark.parametrize("words", ["s3 vs efs", "sqs vs sns", "Redis versus Memcached"])
def test_x_vs_y_is_a_comparison(cli: Cli, words: str) -> None:
    data = cli.json("show", *words.split())
    assert data["kind"] == COMPARISON.key
    assert len(data["technologies"]) >= 2


def test_a_concept_is_never_turned_into_a_product(catalog: Catalog) -> None:
    with pytest.raises(NotFoundError) as caught:
        show_result(catalog, "kinesis shard throughput")
    message = caught.value.message
    assert message.startswith("nothing in awsmap is named 'kinesis shard throughput'")
    assert "awsmap " in message  # each search hit with the command that opens it


def test_nothing_found_anywhere_is_said_plainly(cli: Cli) -> None:
    result = cli("zzqx", "qqvv")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "nothing in awsmap is named 'zzqx qqvv'" in result.stderr


def test_lookup_of_another_kind_says_which_command_opens_it(cli: Cli) -> None:
    result = cli("lookup", "idempotency")
    assert result.exit_code == 1
    assert "'idempotency' is a pattern: awsmap pattern idempotency-keys" in result.stderr
    result = cli("lookup", "cap", "theorem")
    assert "is a tip: awsmap show cap-theorem-basics" in result.stderr


def test_the_data_comes_before_a_near_command_word(cli: Cli) -> None:
    assert cli.json("postgress")["id"] == "postgresql"
    result = cli("serch", "cdc")
    assert result.exit_code == 2
    assert "awsmap search" in result.stderr


def test_help_is_the_help(cli: Cli) -> None:
    result = cli("help")
    assert result.exit_code == 0
    assert "Usage" in result.stdout
    assert json.dumps(cli.json("kafka")["kind"]) == '"technology"'


def test_stack_maps_roles_to_their_default_answer(cli: Cli) -> None:
    data = cli.json("stack", "load balancer", "cache", "queue", "database", "postgres")
    by_query = {c["query"]: c for c in data["components"]}
    assert by_query["load balancer"]["role"]["name"] == "Load balancer"
    assert by_query["load balancer"]["aws"]["id"] == "alb"
    assert by_query["queue"]["aws"]["id"] == "sqs"
    assert by_query["postgres"]["role"] is None
    broad = by_query["database"]
    assert broad["warnings"] and "broad" in broad["warnings"][0]
    assert broad["phrase"] is None
    assert data["unmapped"] == []


@pytest.mark.parametrize(
    ("words", "role"),
    [("load balancer", "load-balancer"), ("object storage", "object-storage"), ("queue", None)],
)
def test_roles_open_at_the_front_door(cli: Cli, words: str, role: str | None) -> None:
    data = cli.json(*words.split())
    assert data["kind"] == "role"
    if role is not None:
        assert data["id"] == role


@pytest.mark.parametrize("fmt", ["mermaid", "dot", "markdown"])
def test_an_approximate_name_is_marked_in_every_format_of_stack(cli: Cli, fmt: str) -> None:
    out = cli("stack", "kafak", "postgres", "--format", fmt).stdout
    assert "kafak" in out and ("≈" in out or "fuzzy match" in out)


def test_two_technologies_are_never_both_stood_in_for(cli: Cli) -> None:
    data = cli.json("compare", "redis", "valkey")
    assert data["comparison"] is None or data["comparison"]["id"] != "elasticache-vs-memorydb"
