"""The order new cards are introduced in: across kinds and categories from the first session.

Studying one kind of card for weeks ("X on AWS?" until the numbers arrive months later) is the
opposite of what interviews test, and mixing kinds and topics (interleaving) is how recall
transfers. So the deck is merged by smooth weighted round robin: every kind gets its share of new
cards from day one (``KIND_WEIGHTS``: the AWS answer, numbers, patterns and choices most), and
within a kind the categories take turns, those interviews ask about most more often. Within a
category the cards keep the data's study order (the study strategy's technologies first).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from awsmap.study.model import CARD_KINDS, KIND_WEIGHTS, Card

T = TypeVar("T")

# What system design interviews ask about most (weight 3), often (2); everything else 1.
CATEGORY_WEIGHTS = {
    **dict.fromkeys(
        (
            "databases", "caching", "messaging", "search", "object-storage", "load-balancers",
            "cdn-edge", "api-gateways", "serverless", "coordination", "container-orchestration",
            "real-time-communication", "workflow-orchestration", "data-warehousing",
        ),
        3,
    ),
    **dict.fromkeys(
        (
            "monitoring", "logging", "auth", "identity", "dns", "service-mesh",
            "time-series-databases", "graph-databases", "vector-databases", "data-integration",
            "data-lake", "distributed-computing", "distributed-file-systems", "ci-cd",
            "configuration-management", "graphql",
        ),
        2,
    ),
}  # fmt: skip


def category_weight(category: str) -> int:
    return CATEGORY_WEIGHTS.get(category, 1)


def merge(groups: Sequence[tuple[int, Sequence[T]]]) -> list[T]:
    """Smooth weighted round robin: each turn, the group furthest behind its share gives its next
    item; a group that runs out drops out. Deterministic: ties go to the earlier group."""
    queues = [(weight, list(items)) for weight, items in groups if items and weight > 0]
    credit = [0] * len(queues)
    taken = [0] * len(queues)
    live = list(range(len(queues)))
    total = sum(weight for weight, _items in queues)
    out: list[T] = []
    while live:
        for i in live:
            credit[i] += queues[i][0]
        best = max(live, key=lambda i: (credit[i], -i))
        credit[best] -= total
        out.append(queues[best][1][taken[best]])
        taken[best] += 1
        if taken[best] == len(queues[best][1]):
            live.remove(best)
            total -= queues[best][0]
    return out


def by_category(cards: Sequence[Card], first: frozenset[str] = frozenset()) -> list[Card]:
    """One kind's cards, categories taking turns by weight; cards of the ``first`` entries (the
    study strategy's technologies) lead, in their order."""
    lead = [c for c in cards if c.id.split(":")[1] in first]
    groups: dict[str, list[Card]] = {}
    for card in cards:
        if card.id.split(":")[1] not in first:
            groups.setdefault(card.categories[0] if card.categories else "", []).append(card)
    return lead + merge([(category_weight(cat), mine) for cat, mine in groups.items()])


def order(cards: Sequence[Card], first: frozenset[str] = frozenset()) -> list[Card]:
    """The whole deck in the order new cards are introduced."""
    kinds: dict[str, list[Card]] = {kind: [] for kind in CARD_KINDS}
    for card in cards:
        kinds[card.kind].append(card)
    return merge([(KIND_WEIGHTS[k], by_category(kinds[k], first)) for k in CARD_KINDS])
