"""patterns, questions, tips, services and numbers: JSON keys, filters, errors, and the
cross-links between patterns and the technologies and services they name, both ways."""

from __future__ import annotations

import pytest

from awsmap.catalog.kinds import PATTERN
from awsmap.catalog.reader import Catalog
from tests.conftest import Cli

PATTERN_KEYS = {
    "kind", "id", "name", "aliases", "tags", "what_it_is", "open_source", "aws", "aws_answer",
    "pitfalls", "interview_phrases", "related", "corrections", "match", "aws_guidance",
    "well_architected",
}  # fmt: skip


def test_patterns_list(cli: Cli) -> None:
    data = cli.json("patterns")
    assert len(data["patterns"]) >= 40
    for entry in data["patterns"]:
        assert set(entry) == {"id", "name", "tags", "what_it_is", "aws"}
    tagged = cli.json("patterns", "--tag", "messaging")["patterns"]
    assert tagged and all("messaging" in p["tags"] for p in tagged)


def test_pattern_json_and_names(cli: Cli) -> None:
    data = cli.json("pattern", "leader", "election")
    assert set(data) == PATTERN_KEYS
    assert data["id"] == "leader-election"
    assert cli.json("pattern", "cdc")["id"] == "change-data-capture"  # an alias
    assert cli.json("pattern", "DLQ")["id"] == "work-queue-dlq"


def test_patterns_and_what_they_name_link_both_ways(cli: Cli) -> None:
    """Every technology and AWS service a pattern names shows the pattern back."""
    from awsmap.catalog.kinds import PATTERN
    from awsmap.catalog.reader import Catalog

    checked = 0
    for pattern in Catalog.open([]).all(PATTERN):
        for way in pattern.open_source:
            assert way.technology is not None
            shown = cli.json("lookup", way.technology)["patterns"]
            assert pattern.id in [p["id"] for p in shown], (pattern.id, way.technology)
            checked += 1
        for way in pattern.aws:
            assert way.service is not None
            shown = cli.json("aws", way.service)["patterns"]
            assert pattern.id in [p["id"] for p in shown], (pattern.id, way.service)
            checked += 1
    assert checked > 200


def test_related_patterns_exist(cli: Cli) -> None:
    listed = {entry["id"] for entry in cli.json("patterns")["patterns"]}
    catalog = Catalog.open([])
    for pattern in catalog.all(PATTERN):
        assert set(pattern.related) <= listed, pattern.id
    shown = cli.json("pattern", "saga-orchestration")["related"]
    assert shown and all(r["id"] in listed for r in shown)


@pytest.mark.parametrize(("command", "what"), [("patterns", "pattern"), ("questions", "question")])
def test_an_unknown_tag_lists_the_tags(cli: Cli, command: str, what: str) -> None:
    result = cli(command, "--tag", "nosuchtag")
    assert result.exit_code == 1
    assert f"no {what} is tagged 'nosuchtag'; tags: " in result.stderr


def test_questions_and_a_question(cli: Cli) -> None:
    listed = cli.json("questions")
    assert len(listed["questions"]) >= 24
    for entry in listed["questions"]:
        assert set(entry) == {"id", "title", "tags", "prompt"}
    bare = cli.json("question", "kafka-vs-kinesis")
    assert bare["answer"] is None and bare["tradeoffs"] is None
    full = cli.json("question", "kafka-vs-kinesis", "--answer")
    assert set(full["answer"]) == {"open_source", "aws"}
    assert full["tradeoffs"]
    assert set(full["references"]) == {"technologies", "aws_services", "patterns", "architectures"}


def test_tips(cli: Cli) -> None:
    data = cli.json("tips")
    assert {t["group"] for t in data["tips"]} == {"tip", "cap", "strategy"}
    cap = cli.json("tips", "--group", "cap")
    assert cap["group"] == "cap" and all(t["group"] == "cap" for t in cap["tips"])
    assert len(cli.json("tips", "--random")["tips"]) == 1
    bad = cli("tips", "--group", "nope")
    assert bad.exit_code == 2 and "--group is one of tip, cap, strategy" in bad.stderr


def test_services_and_their_filters(cli: Cli) -> None:
    everything = cli.json("services")["services"]
    for entry in everything:
        assert set(entry) == {"id", "name", "status", "date", "successors", "note", "source"}
    retired = cli.json("services", "--retired")["services"]
    assert retired and all(s["status"] != "available" for s in retired)
    assert {s["id"] for s in retired} == {s["id"] for s in everything if s["status"] != "available"}
    eos = cli.json("services", "--status", "end-of-support")
    assert eos["status"] == "end-of-support"
    assert {"app-mesh", "qldb", "pinpoint"} <= {s["id"] for s in eos["services"]}
    both = cli("services", "--status", "available", "--retired")
    assert both.exit_code == 2 and "use --status or --retired, not both" in both.stderr
    bad = cli("services", "--status", "gone")
    assert bad.exit_code == 2


def test_numbers(cli: Cli) -> None:
    every = cli.json("numbers")
    assert every["service"] is None and len(every["numbers"]) >= 80
    lam = cli.json("numbers", "lambda")
    assert lam["service"]["id"] == "lambda"
    timeout = next(n for n in lam["numbers"] if n["id"] == "lambda-max-timeout")
    assert timeout["value"] == 1800
    unknown = cli("numbers", "nosuchservicezz")
    assert unknown.exit_code == 1 and unknown.stdout == ""
