"""Cards about technologies and AWS services: technology -> AWS, AWS -> technology, retired
service -> successor, the relation of the main answer, and parallels worth a card.

Ids are ``kind:entry:facet`` and never change when the text does (progress is keyed by them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awsmap.catalog.domain import RELATION_ORDER, Equivalent, recommended
from awsmap.catalog.kinds import AWS_SERVICE, TECHNOLOGY
from awsmap.catalog.models import AwsService, Technology
from awsmap.study.distractors import Chooser
from awsmap.study.model import (
    FROM_AWS,
    PARALLEL,
    RELATION,
    RESOLVE,
    SELF,
    SUCCESSOR,
    TO_AWS,
    WORD,
    Accepted,
    Card,
)
from awsmap.study.sources import Sources, short_name

MIN_SELF_BACK = 40  # a self-graded back shorter than this does not answer its front
MIN_PARALLEL = 60  # a parallel shorter than this is a slogan ("Reliable processing")
EXPECTED = 3  # an AWS -> technology card expects at most three names; the rest are "also"
ALSO_SHOWN = 5
_SLOGAN = re.compile(r"^[^()]{0,45}\(like [^)]*\)$")  # "Replication (like S3 durability)"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "x"


def technology_text(tech: Technology, options: tuple[Equivalent, ...]) -> str:
    """Everything the data says about a technology: what a wrong option must not appear in."""
    parts = [tech.what_it_is, *tech.interview_phrases, *tech.key_features, *tech.use_cases]
    parts += [p.detail for p in tech.parallels] + [eq.note for eq in options]
    return "\n".join(parts)


def technology_cards(tech: Technology, sources: Sources, chooser: Chooser) -> Iterator[Card]:
    options = sources.options[tech.id]
    live = [eq for eq in options if eq.available] or list(options)
    main = recommended(options)
    if main is None:
        return
    card_id = f"{TO_AWS}:{tech.id}:main"
    yield Card(
        card_id,
        TO_AWS,
        f"{tech.name} on AWS?",
        "; ".join(f"{eq.service.name} ({eq.relation})" for eq in live),
        RESOLVE,
        tuple(Accepted(eq.service.id, eq.service.name, eq.relation, eq.note) for eq in live),
        AWS_SERVICE.key,
        tech.categories,
        main.relation,
        choices=chooser.services(
            card_id,
            tech.categories,
            [eq.service.id for eq in options],
            technology_text(tech, options),
            (tech.name, *tech.aliases),
        ),
    )
    if len(main.note) >= MIN_SELF_BACK:  # the relation of the main answer, with its reason
        yield Card(
            f"{RELATION}:{tech.id}:{main.service.id}",
            RELATION,
            f"{main.service.name} for {tech.name}: managed, compatible or analogous?",
            f"{main.relation}: {main.note}",
            WORD,
            (Accepted(main.relation, main.relation),),
            categories=tech.categories,
        )
    yield from _parallel_cards(tech)


def _parallel_cards(tech: Technology) -> Iterator[Card]:
    facets: set[str] = set()
    seen: set[str] = set()
    for par in tech.parallels:
        facet = slug(par.aspect)
        while facet in facets:  # two parallels with one aspect: the later gets a suffix
            facet += "-2"
        facets.add(facet)
        detail = " ".join(par.detail.split())
        heading = " ".join(par.aspect.split()).lower()
        worth = (
            len(detail) >= MIN_PARALLEL
            and not _SLOGAN.match(detail)
            and detail.lower().rstrip(".") != heading
            and detail not in seen
        )
        seen.add(detail)
        if worth:
            yield Card(
                f"{PARALLEL}:{tech.id}:{facet}",
                PARALLEL,
                f"{tech.name}, {par.aspect}: what is it like on AWS?",
                par.detail,
                SELF,
                categories=tech.categories,
            )


def successor_cards(svc: AwsService, sources: Sources, chooser: Chooser) -> Iterator[Card]:
    life = svc.lifecycle
    after = [sources.services[s] for s in life.successors if s in sources.services]
    if not (life.retired and after):
        return
    words = life.status.replace("-", " ")
    when = f" since {life.date}" if life.date and life.status == "closed-to-new-customers" else ""
    when = when or (f" on {life.date}" if life.date else "")
    card_id = f"{SUCCESSOR}:{svc.id}:successors"
    categories = sources.service_categories[svc.id]
    yield Card(
        card_id,
        SUCCESSOR,
        f"{svc.name} is {words}: what replaces it?",
        ", ".join(s.name for s in after),
        RESOLVE,
        tuple(Accepted(s.id, s.name) for s in after),
        AWS_SERVICE.key,
        categories,
        detail=f"{svc.name}: {words}{when}." + (f" {life.note}" if life.note else ""),
        choices=chooser.services(
            card_id, categories, [svc.id, *life.successors], f"{svc.description}\n{life.note}"
        ),
    )


def from_aws_card(
    svc: AwsService, links: list[tuple[Technology, Equivalent]], sources: Sources, chooser: Chooser
) -> Card:
    """AWS -> technology: three are expected (those of the study strategy first, then the closest
    relation), any linked technology is right."""
    ranked = sorted(
        links,
        key=lambda link: (
            link[0].id not in sources.strategy,
            RELATION_ORDER.get(link[1].relation, 9),
            sources.place[link[0].id],
        ),
    )
    expected, also = ranked[:EXPECTED], ranked[EXPECTED:]
    detail = ""
    if also:
        more = len(also) - ALSO_SHOWN
        detail = "Also: " + ", ".join(t.name for t, _eq in also[:ALSO_SHOWN])
        detail += f" and {more} more" if more > 0 else ""
    card_id = f"{FROM_AWS}:{svc.id}:technologies"
    categories = sources.categories_of([svc.id])
    return Card(
        card_id,
        FROM_AWS,
        f"{svc.name} is the AWS answer for which open-source technology?",
        "; ".join(f"{t.name} ({eq.relation})" for t, eq in expected),
        RESOLVE,
        tuple(Accepted(t.id, t.name, eq.relation, eq.note) for t, eq in ranked),
        TECHNOLOGY.key,
        categories,
        detail=detail,
        choices=chooser.technologies(
            card_id,
            categories,
            [t.id for t, _eq in links],
            "\n".join([svc.description, *(eq.note for _t, eq in links)]),
            (svc.name, short_name(svc), *svc.aliases),
        ),
    )
