"""Flashcards generated from the dataset, never written by hand.

Every card has a stable id ``kind:entry:facet`` (``to-aws:kafka:main``): progress is keyed by it,
so editing the data never resets a card. Its ``digest`` changes when its content does, which is
how a changed card is shown as updated with its progress kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awsmap.catalog.designs import Question
from awsmap.catalog.domain import Equivalent, recommended
from awsmap.catalog.kinds import AWS_SERVICE, CATEGORY, QUESTION, TECHNOLOGY, TIP
from awsmap.catalog.models import AwsService, Technology
from awsmap.catalog.reader import Catalog
from awsmap.find.equivalents import equivalents
from awsmap.study.model import (
    CARD_KINDS,
    FROM_AWS,
    PARALLEL,
    PRACTICE,
    RELATION,
    RESOLVE,
    SELF,
    STRATEGY,
    SUCCESSOR,
    TO_AWS,
    WORD,
    Accepted,
    Card,
)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "x"


def generate(catalog: Catalog) -> list[Card]:
    """Every card of the dataset, in the order new cards are introduced: the technologies of the
    study strategy's phases first (as its tips list them), then the rest by category order."""
    order = {c.id: i for i, c in enumerate(catalog.all(CATEGORY))}
    phases = [t for tip in catalog.all(TIP) if tip.group == STRATEGY for t in tip.technologies]
    first = {tech_id: i for i, tech_id in enumerate(dict.fromkeys(phases))}
    techs = catalog.all(TECHNOLOGY)
    techs.sort(
        key=lambda t: (
            first.get(t.id, len(first)),
            min((order.get(c, len(order)) for c in t.categories), default=len(order)),
        )
    )
    options = dict(zip((t.id for t in techs), equivalents(catalog, techs), strict=True))
    services = catalog.all(AWS_SERVICE)
    by_kind: dict[str, list[Card]] = {kind: [] for kind in CARD_KINDS}
    for tech in techs:
        for card in _technology_cards(tech, options[tech.id]):
            by_kind[card.kind].append(card)
    by_id = {s.id: s for s in services}
    mapped: dict[str, list[tuple[Technology, Equivalent]]] = {}
    for tech in techs:
        for eq in options[tech.id]:
            mapped.setdefault(eq.service.id, []).append((tech, eq))
    for svc in services:
        by_kind[SUCCESSOR].extend(_successor_cards(svc, by_id))
        if svc.id in mapped and not svc.lifecycle.retired:
            by_kind[FROM_AWS].append(_from_aws_card(svc, mapped[svc.id]))
    by_kind[PRACTICE].extend(_question_card(q) for q in catalog.all(QUESTION))
    return [card for kind in CARD_KINDS for card in by_kind[kind]]


def _technology_cards(tech: Technology, options: tuple[Equivalent, ...]) -> Iterator[Card]:
    live = [eq for eq in options if eq.available] or list(options)
    main = recommended(options)
    if main is not None:
        yield Card(
            f"{TO_AWS}:{tech.id}:main",
            TO_AWS,
            f"{tech.name} on AWS?",
            "; ".join(f"{eq.service.name} ({eq.relation})" for eq in live),
            RESOLVE,
            tuple(Accepted(eq.service.id, eq.service.name, eq.relation, eq.note) for eq in live),
            AWS_SERVICE.key,
            tech.categories,
            main.relation,
        )
    for eq in options:
        yield Card(
            f"{RELATION}:{tech.id}:{eq.service.id}",
            RELATION,
            f"{eq.service.name} for {tech.name}: managed, compatible or analogous?",
            f"{eq.relation}: {eq.note}",
            WORD,
            (Accepted(eq.relation, eq.relation),),
            categories=tech.categories,
        )
    facets: set[str] = set()
    for par in tech.parallels:
        facet = slug(par.aspect)
        while facet in facets:  # two parallels with one aspect: the later gets a suffix
            facet += "-2"
        facets.add(facet)
        yield Card(
            f"{PARALLEL}:{tech.id}:{facet}",
            PARALLEL,
            f"{tech.name}, {par.aspect}: what is it like on AWS?",
            par.detail,
            SELF,
            categories=tech.categories,
        )


def _successor_cards(svc: AwsService, by_id: dict[str, AwsService]) -> Iterator[Card]:
    life = svc.lifecycle
    after = [by_id[s] for s in life.successors if s in by_id]
    if life.retired and after:
        words = life.status.replace("-", " ")
        yield Card(
            f"{SUCCESSOR}:{svc.id}:successors",
            SUCCESSOR,
            f"{svc.name} is {words}: what replaces it?",
            ", ".join(s.name for s in after),
            RESOLVE,
            tuple(Accepted(s.id, s.name) for s in after),
            AWS_SERVICE.key,
        )


def _from_aws_card(svc: AwsService, links: list[tuple[Technology, Equivalent]]) -> Card:
    return Card(
        f"{FROM_AWS}:{svc.id}:technologies",
        FROM_AWS,
        f"{svc.name} is the AWS answer for which open-source technology?",
        "; ".join(f"{t.name} ({eq.relation})" for t, eq in links),
        RESOLVE,
        tuple(Accepted(t.id, t.name, eq.relation, eq.note) for t, eq in links),
        TECHNOLOGY.key,
        tuple(dict.fromkeys(c for t, _eq in links for c in t.categories)),
    )


def _question_card(q: Question) -> Card:
    return Card(
        f"{PRACTICE}:{q.id}:answer",
        PRACTICE,
        q.prompt,
        f"Open source: {q.answer.open_source}\nOn AWS: {q.answer.aws}",
        SELF,
    )
