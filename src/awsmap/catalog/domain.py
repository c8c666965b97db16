"""The rules of the domain, defined once: which AWS answer to recommend, how to word a lifecycle.

Pure functions over records: no index, no output. ``list``, ``stack``, search results, the quiz and
the exports all take their "main AWS equivalent" from :func:`recommended`, so they cannot disagree.
"""

from collections.abc import Sequence
from typing import Any, NamedTuple

from awsmap.catalog.models import AwsService, Technology

RELATION_ORDER = {"managed": 0, "compatible": 1, "analogous": 2}
RELATION_MEANINGS = {
    "managed": "AWS runs the same engine",
    "compatible": "another engine behind the same API",
    "analogous": "same role, different interface",
}
AVAILABLE = "available"


class Equivalent(NamedTuple):
    """An AWS service as the equivalent of one technology, with its lifecycle resolved."""

    service: AwsService
    relation: str
    note: str
    successors: tuple[AwsService, ...] = ()
    preferred_because: str | None = None

    @property
    def available(self) -> bool:
        return self.service.lifecycle.status == AVAILABLE

    def to_json(self) -> dict[str, Any]:
        svc = self.service
        return {
            "id": svc.id,
            "name": svc.name,
            "full_name": svc.full_name,
            "aliases": list(svc.aliases),
            "relation": self.relation,
            "status": svc.lifecycle.status,
            "successors": [{"id": s.id, "name": s.name} for s in self.successors],
            "note": self.note,
        }

    def brief(self) -> dict[str, Any]:
        return {
            "id": self.service.id,
            "name": self.service.name,
            "relation": self.relation,
            "status": self.service.lifecycle.status,
        }


def recommended(equivalents: Sequence[Equivalent]) -> Equivalent | None:
    """The best current answer: never a retired service where an available one is listed; an
    equivalent whose data says why it comes first (``preferred_because``); otherwise managed
    before compatible before analogous, then the data's order. None when there is nothing."""
    live = [eq for eq in equivalents if eq.available]
    if not live:
        return equivalents[0] if equivalents else None
    for eq in live:
        if eq.preferred_because:
            return eq
    return min(live, key=lambda eq: RELATION_ORDER.get(eq.relation, len(RELATION_ORDER)))


def key_use_case(tech: Technology) -> str | None:
    """The short name of the first use case ('Session Store' of 'Session Store: ...')."""
    if not tech.use_cases:
        return None
    first = tech.use_cases[0]
    head, sep, _rest = first.partition(": ")
    return head if sep and len(head) <= 40 else first


def status_words(service: AwsService) -> str:
    """'available', or 'end of support (2026-09-30)': the lifecycle as plain words."""
    life = service.lifecycle
    words = life.status.replace("-", " ")
    return f"{words} ({life.date})" if life.retired and life.date else words


def retirement_warning(service: AwsService, successors: Sequence[AwsService] = ()) -> str | None:
    """What to say about a service that should not be recommended today, or None:
    'AWS App Mesh: end of support on 2026-09-30; use Amazon VPC Lattice instead'."""
    life = service.lifecycle
    if not life.retired:
        return None
    text = f"{service.name}: {life.status.replace('-', ' ')}"
    if life.date:
        text += f" {'since' if life.status == 'closed-to-new-customers' else 'on'} {life.date}"
    if successors:
        text += "; use " + " or ".join(s.name for s in successors) + " instead"
    return text


def first_available(services: Sequence[AwsService]) -> AwsService | None:
    """The first service still open to new customers, else the first one."""
    for svc in services:
        if not svc.lifecycle.retired:
            return svc
    return services[0] if services else None
