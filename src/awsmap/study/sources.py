"""What the card makers read from the catalog, fetched once: the technologies in study order with
their AWS equivalents, the AWS services, and a category for every service.

AWS services carry no category in the data; a service's categories are those of the
technologies it answers for (its main answer counting double), else those of its successors, so
every card (a number of DynamoDB, a retired service) can be studied by category.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from awsmap.catalog.domain import Equivalent, recommended
from awsmap.catalog.kinds import AWS_SERVICE, CATEGORY, TECHNOLOGY, TIP
from awsmap.catalog.models import AwsService, Technology
from awsmap.catalog.reader import Catalog
from awsmap.find.equivalents import equivalents
from awsmap.study.model import STRATEGY

FALLBACK_CATEGORY = "additional-services"
# Categories that say little about a service: kept only when nothing else is known of it.
WEAK_CATEGORIES = frozenset({FALLBACK_CATEGORY, "other-clouds"})
MAX_CATEGORIES = 2  # a service, pattern or question is filed under its two main categories


class Sources(NamedTuple):
    techs: list[Technology]  # the study strategy's technologies first, then by category order
    options: dict[str, tuple[Equivalent, ...]]  # technology id -> its AWS equivalents
    services: dict[str, AwsService]
    service_categories: dict[str, tuple[str, ...]]
    category_order: dict[str, int]
    strategy: frozenset[str]  # technologies of the study strategy's phases
    place: dict[str, int]  # technology id -> its place in ``techs``
    service_names: tuple[str, ...]  # every AWS service's short name and aliases

    def categories_of(self, services: Sequence[str], techs: Sequence[str] = ()) -> tuple[str, ...]:
        """The main categories of a set of services and technologies (a pattern, a question)."""
        votes: Counter[str] = Counter()
        by_id = {t.id: t for t in self.techs}
        for tech_id in techs:
            votes.update(by_id[tech_id].categories if tech_id in by_id else ())
        for svc_id in services:
            votes.update(self.service_categories.get(svc_id, ()))
        return top(votes, self.category_order)


def top(votes: Counter[str], order: dict[str, int]) -> tuple[str, ...]:
    """The categories with the most votes (ties in category order), at most MAX_CATEGORIES."""
    ranked = sorted(votes, key=lambda c: (-votes[c], order.get(c, len(order))))
    strong = [c for c in ranked if c not in WEAK_CATEGORIES]
    return tuple((strong or ranked)[:MAX_CATEGORIES]) or (FALLBACK_CATEGORY,)


def gather(catalog: Catalog) -> Sources:
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
    services = {s.id: s for s in catalog.all(AWS_SERVICE)}
    votes: dict[str, Counter[str]] = {}
    for tech in techs:
        main = recommended(options[tech.id])
        for eq in options[tech.id]:
            weight = 2 if eq is main else 1
            for cat in tech.categories:
                votes.setdefault(eq.service.id, Counter())[cat] += weight
    categories: dict[str, tuple[str, ...]] = {s: top(v, order) for s, v in votes.items()}
    for svc in services.values():
        if svc.id not in categories:
            inherited: Counter[str] = Counter()
            for other in svc.lifecycle.successors:
                inherited.update(categories.get(other, ()))
            categories[svc.id] = top(inherited, order)
    names = tuple(n for s in services.values() for n in (short_name(s), *s.aliases))
    place = {t.id: i for i, t in enumerate(techs)}
    return Sources(techs, options, services, categories, order, frozenset(first), place, names)


def short_name(service: AwsService) -> str:
    """'DynamoDB' for Amazon DynamoDB, 'Lambda' for AWS Lambda: how people say it."""
    return re.sub(r"^(Amazon|AWS)\s+", "", service.name)


def mentions(lowered: str, names: tuple[str, ...]) -> bool:
    """Whether ``lowered`` (a text in lower case) names any of ``names`` as whole words."""
    for name in names:
        word = name.lower().strip()
        if len(word) < 3 or word not in lowered:  # the cheap test first: most names are absent
            continue
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered):
            return True
    return False
