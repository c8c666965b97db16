"""Flashcards generated from the dataset, never written by hand.

Every card has a stable id ``kind:entry:facet`` (``to-aws:kafka:main``): progress is keyed by it,
so editing the data never resets a card. Its ``digest`` changes when its content does, which is
how a changed card is shown as updated with its progress kept. Every card has a category, and a
back that answers its front (tests/test_study_cards.py checks the whole deck).

The makers live by subject: techcards.py (technologies and AWS services), designcards.py
(numbers, patterns, comparisons, practice questions); interleave.py orders the deck.
"""

from __future__ import annotations

from awsmap.catalog.domain import Equivalent
from awsmap.catalog.kinds import COMPARISON, NUMBER, PATTERN, QUESTION
from awsmap.catalog.models import Technology
from awsmap.catalog.reader import Catalog
from awsmap.study import designcards, interleave, techcards
from awsmap.study.distractors import Chooser
from awsmap.study.model import Card
from awsmap.study.sources import gather
from awsmap.study.techcards import slug

__all__ = ["generate", "slug"]


def generate(catalog: Catalog) -> list[Card]:
    """Every card of the dataset, in the order new cards are introduced (interleave.py)."""
    sources = gather(catalog)
    chooser = Chooser(sources)
    made: list[Card] = []
    for tech in sources.techs:
        made.extend(techcards.technology_cards(tech, sources, chooser))
    mapped: dict[str, list[tuple[Technology, Equivalent]]] = {}
    for tech in sources.techs:
        for eq in sources.options[tech.id]:
            mapped.setdefault(eq.service.id, []).append((tech, eq))
    for svc in sources.services.values():
        made.extend(techcards.successor_cards(svc, sources, chooser))
        if svc.id in mapped and not svc.lifecycle.retired:
            made.append(techcards.from_aws_card(svc, mapped[svc.id], sources, chooser))
    for number in catalog.all(NUMBER):
        card = designcards.number_card(number, sources)
        made += [card] if card else []
    for pattern in catalog.all(PATTERN):
        found = designcards.pattern_card(pattern, sources, chooser)
        made += [found] if found else []
    for comparison in catalog.all(COMPARISON):
        made.extend(designcards.comparison_cards(comparison, sources))
    made.extend(designcards.question_card(q, sources) for q in catalog.all(QUESTION))
    return interleave.order(made, sources.strategy)
