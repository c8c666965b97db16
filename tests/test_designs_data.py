"""The worked interview designs (designs/interview-designs.yaml): complete walk-throughs whose
estimates cite awsmap's own numbers, and practice questions that point at existing designs."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest
import yaml

from awsmap.catalog.bundled import DATA_DIR, bundled_names
from awsmap.catalog.kinds import ARCHITECTURE, AWS_SERVICE, NUMBER, QUESTION
from awsmap.catalog.reader import Catalog

DESIGNS = "designs/interview-designs.yaml"
STEPS = ("requirements", "estimates", "api", "data_model", "high_level", "deep_dives")
CITED_NUMBER = re.compile(r"\bawsmap ([a-z0-9]+(?:-[a-z0-9]+)+)")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    """The compiled index every command reads (built once per session)."""
    return Catalog.open()


@pytest.fixture(scope="module")
def designs() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DATA_DIR / DESIGNS).read_text(encoding="utf-8"))
    return data


def test_the_designs_file_ships_and_loads(designs: dict[str, Any], catalog: Catalog) -> None:
    assert DESIGNS in bundled_names()
    loaded_architectures = {a.id for a in catalog.all(ARCHITECTURE)}
    loaded_questions = {q.id for q in catalog.all(QUESTION)}
    assert {a["id"] for a in designs["architectures"]} <= loaded_architectures
    assert {q["id"] for q in designs["questions"]} <= loaded_questions


def test_the_designs_add_enough_entries(designs: dict[str, Any]) -> None:
    assert len(designs["architectures"]) >= 14
    assert len(designs["questions"]) >= 20


def test_designs_do_not_repeat_an_id(catalog: Catalog) -> None:
    for ids in (
        Counter(a.id for a in catalog.all(ARCHITECTURE)),
        Counter(q.id for q in catalog.all(QUESTION)),
    ):
        assert [i for i, n in ids.items() if n > 1] == []


def test_every_design_has_a_complete_walkthrough(catalog: Catalog, designs: dict[str, Any]) -> None:
    records = {a.id: a for a in catalog.all(ARCHITECTURE)}
    for entry in designs["architectures"]:
        walkthrough = records[entry["id"]].walkthrough
        assert walkthrough is not None, entry["id"]
        for step in STEPS:
            points = getattr(walkthrough, step)
            assert 3 <= len(points) <= 6, (entry["id"], step)
            for point in points:
                assert len(point) <= 200, (entry["id"], step, point)


def test_estimates_are_arithmetic_on_awsmaps_own_numbers(
    catalog: Catalog, designs: dict[str, Any]
) -> None:
    numbers = {n.id for n in catalog.all(NUMBER)}
    for entry in designs["architectures"]:
        estimates = entry["walkthrough"]["estimates"]
        assert all(re.search(r"\d", point) for point in estimates), entry["id"]
        cited = [m for point in estimates for m in CITED_NUMBER.findall(point)]
        assert cited, f"{entry['id']}: no estimate names an awsmap number"
        assert set(cited) <= numbers, (entry["id"], set(cited) - numbers)


def test_every_design_is_complete(catalog: Catalog, designs: dict[str, Any]) -> None:
    services = {s.id: s for s in catalog.all(AWS_SERVICE)}
    for entry in designs["architectures"]:
        assert "interview" in entry["tags"], entry["id"]
        assert entry["source"] and len(entry["tradeoffs"]) >= 2, entry["id"]
        assert len(entry["patterns"]) >= 3, entry["id"]
        assert 4 <= len(entry["components"]) <= 10, entry["id"]
        assert any(c.get("technologies") for c in entry["components"]), entry["id"]
        for component in entry["components"]:
            for sid in component.get("aws_services", []):
                assert not services[sid].lifecycle.retired, (entry["id"], sid)


def test_questions_link_to_existing_designs(catalog: Catalog, designs: dict[str, Any]) -> None:
    architectures = {a.id for a in catalog.all(ARCHITECTURE)}
    services = {s.id: s for s in catalog.all(AWS_SERVICE)}
    for question in designs["questions"]:
        assert question["architectures"], question["id"]
        assert set(question["architectures"]) <= architectures, question["id"]
        for field in ("tradeoffs", "technologies", "aws_services", "patterns", "source"):
            assert question.get(field), (question["id"], field)
        for side in ("open_source", "aws"):
            assert len(question["answer"][side]) <= 600, (question["id"], side, "an outline")
        for sid in question["aws_services"]:
            assert not services[sid].lifecycle.retired, (question["id"], sid)


def test_every_new_design_has_a_question(catalog: Catalog, designs: dict[str, Any]) -> None:
    asked = {a for q in catalog.all(QUESTION) for a in q.architectures}
    assert [a["id"] for a in designs["architectures"] if a["id"] not in asked] == []


@pytest.mark.parametrize(
    ("design", "alias"),
    [
        ("ticket-booking", "Ticketmaster"),
        ("photo-sharing", "Instagram"),
        ("online-judge", "LeetCode"),
    ],
)
def test_designs_answer_to_the_names_interviewers_use(
    catalog: Catalog, design: str, alias: str
) -> None:
    assert alias in {a.id: a for a in catalog.all(ARCHITECTURE)}[design].aliases
