"""The deck: every kind of card, each worth keeping (its back answers its front), interleaved from
the first session; grading by what an answer names, numbers with their units, choice options that
are never right."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone

import pytest

from awsmap.catalog.reader import Catalog
from awsmap.study import cards as card_maker
from awsmap.study.grading import grade
from awsmap.study.model import (
    AGAIN,
    CARD_KINDS,
    GOOD,
    HARD,
    OUTLINE,
    SELF,
    Card,
)
from awsmap.study.quantity import matches
from awsmap.study.session import Settings, options_for, plan
from awsmap.study.techcards import MIN_SELF_BACK

T0 = datetime(2026, 12, 1, 9, tzinfo=timezone.utc)
MIN_BACK = 15  # any back shorter than this does not answer its front


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.open()


@pytest.fixture(scope="module")
def deck(catalog: Catalog) -> list[Card]:
    return card_maker.generate(catalog)


@pytest.fixture(scope="module")
def by_id(deck: list[Card]) -> dict[str, Card]:
    return {c.id: c for c in deck}


# -- the deck ---------------------------------------------------------------------------------


def test_every_card_is_worth_keeping(deck: list[Card]) -> None:
    """No back under a minimum length or equal to a heading; no duplicates; every card has a
    category; a graded card knows its right answers."""
    assert {c.kind for c in deck} == set(CARD_KINDS)
    prompts = Counter(c.prompt for c in deck)
    assert [p for p, n in prompts.items() if n > 1] == []
    assert len({c.id for c in deck}) == len(deck)
    backs = Counter((c.kind, c.back) for c in deck if c.grading in (SELF, OUTLINE))
    assert [b for b, n in backs.items() if n > 1] == []
    for card in deck:
        assert card.categories, card.id
        assert len(card.back) >= MIN_BACK, (card.id, card.back)
        if card.grading in (SELF, OUTLINE):
            assert len(card.back) >= MIN_SELF_BACK, (card.id, card.back)
            heading = card.prompt.split(", ", 1)[-1].split(":")[0].strip().lower()
            assert card.back.strip(" .").lower() != heading, card.id
        else:
            assert card.accepted, card.id


def test_aws_to_technology_cards_expect_at_most_three_names(deck: list[Card]) -> None:
    for card in (c for c in deck if c.kind == "from-aws"):
        assert card.answer.count(";") <= 2, card.id
        if len(card.accepted) > 3:
            assert card.detail.startswith("Also: "), card.id
    assert any(len(c.accepted) >= 6 for c in deck if c.kind == "from-aws")  # all still right


def test_the_new_kinds(by_id: dict[str, Card]) -> None:
    number = by_id["number:dynamodb-partition-max-writes:value"]
    assert number.prompt == "DynamoDB: maximum write throughput of one partition?"
    assert number.answer.startswith("1,000 write units/s")
    assert by_id["pattern:leader-election:aws"].prompt == "Leader election on AWS?"
    streams = "comparison:sqs-vs-sns-vs-eventbridge-vs-kinesis:kinesis-data-streams"
    assert "ordered, replayable" in by_id[streams].prompt
    assert by_id[streams].prompt.startswith("SQS, SNS, EventBridge or Kinesis Data Streams ")
    practice = next(c for c in by_id.values() if c.kind == "practice")
    assert practice.grading == OUTLINE and practice.answer.startswith("Services: ")
    assert all(len(line) <= 120 for line in practice.answer.splitlines()[1:])


def test_comparison_fronts_do_not_give_the_answer_away(deck: list[Card]) -> None:
    for card in (c for c in deck if c.kind == "comparison"):
        labels = [card.answer, *card.choices]
        assert all(card.prompt.find(label) >= 0 for label in labels), card.id
        condition = card.prompt[max(card.prompt.find(lb) + len(lb) for lb in labels) :]
        assert f" {card.answer} " not in f" {condition} ", card.id


# -- interleaving -----------------------------------------------------------------------------


def test_new_cards_are_interleaved_from_the_first_session(deck: list[Card]) -> None:
    assert deck[0].id == "to-aws:postgresql:main"  # the study strategy still leads
    assert len({c.kind for c in deck[:50]}) >= 5
    assert len({c.kind for c in deck[:20]}) >= 5
    assert len({c.categories[0] for c in deck[:50]}) >= 5
    first = [c.kind for c in deck[:100]]
    assert first.count("to-aws") > first.count("relation")  # weighted toward interviews


def test_kind_and_category_select(deck: list[Card]) -> None:
    settings = Settings(size=30, new=30, kinds=("number", "pattern"), category="databases")
    chosen = plan(deck, {}, 0, settings, T0, lambda s: 0.0)
    assert chosen and {c.kind for c in chosen} == {"number", "pattern"}
    assert all("databases" in c.categories for c in chosen)
    practice = plan(deck, {}, 0, Settings(new=50, kinds=("practice",)), T0, lambda s: 0.0)
    assert practice and all(c.categories for c in practice)


# -- grading ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "rating"),
    [
        ("msk, kinesis", GOOD),  # several names, all right: the best of them
        ("kinesis, msk", GOOD),
        ("I'd use MSK", GOOD),  # filler words ignored
        ("I would go with Amazon MSK because it is managed", GOOD),
        ("kinesis", HARD),
        ("msk and sqs", GOOD),  # the first name counts
        ("sqs, msk", AGAIN),
        ("Amazon MQ", AGAIN),
    ],
)
def test_names_in_an_answer(
    catalog: Catalog, by_id: dict[str, Card], answer: str, rating: int
) -> None:
    verdict = grade(catalog, by_id["to-aws:kafka:main"], answer)
    assert verdict.rating == rating, verdict.message


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("1000 wcu", True),
        ("1k", True),
        ("1,000 write units/s", True),
        ("about 1000 WCU per second", True),
        ("1 MB/s", False),  # another kind of unit, whatever the number
        ("1000 rcu", False),
        ("3000", False),
        ("lots", False),
    ],
)
def test_numbers_are_graded_with_units_and_a_tolerance(
    catalog: Catalog, by_id: dict[str, Card], answer: str, right: bool
) -> None:
    verdict = grade(catalog, by_id["number:dynamodb-partition-max-writes:value"], answer)
    assert (verdict.rating == GOOD) is right, verdict.message


@pytest.mark.parametrize(
    ("typed", "value", "unit", "right"),
    [
        ("0.4 MB", 400, "KB", True),
        ("400 KiB", 400, "KB", True),
        ("4 MB", 400, "KB", False),
        ("900 s", 15, "minutes", True),
        ("15m", 15, "minutes", True),
        ("1 hour", 15, "minutes", False),
        ("1.25 GB/s", 10, "Gbps", True),
        ("1.5M", 1_500_000, "requests", True),
        ("3500 rps", 3500, "PUT/COPY/POST/DELETE req/s", True),
    ],
)
def test_units_convert(typed: str, value: float, unit: str, right: bool) -> None:
    assert matches(typed, value, unit)[0] is right


def test_patterns_are_graded_by_the_services_named(
    catalog: Catalog, by_id: dict[str, Card]
) -> None:
    card = by_id["pattern:leader-election:aws"]
    assert grade(catalog, card, "DynamoDB lease with conditional writes").rating == GOOD
    assert grade(catalog, card, "zookeeper on ec2").rating == AGAIN


def test_comparisons_take_a_side_or_its_managed_form(
    catalog: Catalog, by_id: dict[str, Card]
) -> None:
    kafka = by_id["comparison:kafka-vs-kinesis:kafka"]
    assert grade(catalog, kafka, "msk").rating == GOOD
    assert grade(catalog, kafka, "Kinesis Data Streams").rating == AGAIN
    aurora = by_id["comparison:dynamodb-vs-aurora:aurora-postgresql"]
    assert grade(catalog, aurora, "Aurora / PostgreSQL").rating == GOOD  # an option, as shown


def test_choice_options_are_plausible_and_never_right(deck: list[Card]) -> None:
    snowflake = next(c for c in deck if c.id == "to-aws:snowflake:main")
    assert "Amazon Athena" not in snowflake.choices  # its own notes name Athena
    postgres = next(c for c in deck if c.id == "to-aws:postgresql:main")
    assert "Amazon Aurora DSQL" not in postgres.choices  # "PostgreSQL-compatible"
    for card in deck:
        options = options_for(card) if card.accepted else ()
        right = {a.name for a in card.accepted}
        if card.kind in ("to-aws", "pattern", "successor", "from-aws", "comparison"):
            assert len(options) == len(set(options)) >= 2, card.id
            assert len(right & set(options)) == 1 or card.kind == "comparison", card.id
            assert not right & set(card.choices), card.id


def test_choice_options_come_from_the_card_s_category(catalog: Catalog, deck: list[Card]) -> None:
    """Plausible: most wrong options of "X on AWS?" are the main AWS answer of another
    technology of X's category (the rest are other services filed under that category)."""
    from awsmap.catalog.domain import recommended
    from awsmap.study.sources import gather

    sources = gather(catalog)
    answers: dict[str, set[str]] = {}
    for tech in sources.techs:
        main = recommended(sources.options[tech.id])
        for cat in tech.categories:
            answers.setdefault(cat, set()).update([main.service.name] if main else [])
    shown = same = 0
    for card in (c for c in deck if c.kind == "to-aws"):
        pool = set().union(*(answers.get(cat, set()) for cat in card.categories))
        shown += len(card.choices)
        same += sum(choice in pool for choice in card.choices)
    assert same / shown >= 0.85


def test_number_fronts_keep_the_capitals_of_names(deck: list[Card]) -> None:
    fronts = {c.prompt for c in deck if c.kind == "number"}
    assert "DynamoDB: maximum item size?" in fronts  # a plain word is lowered
    assert "API Gateway: WebSocket frame size?" in fronts  # a name is not
    assert "Aurora: Aurora Replicas per DB cluster?" in fronts
