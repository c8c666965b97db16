"""``search``: ranked search over every kind of entry, its result and its JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from awsmap.base.errors import NotFoundError, UsageError
from awsmap.base.text import quoted
from awsmap.catalog.domain import first_available, recommended
from awsmap.catalog.kinds import AWS_SERVICE, PATTERN, ROLE, TECHNOLOGY
from awsmap.catalog.reader import Catalog
from awsmap.commands.roles import role_answer
from awsmap.find import search as ranking
from awsmap.find.equivalents import equivalents

if TYPE_CHECKING:
    from awsmap.commands.context import Context

JSON = dict[str, Any]


class Hit(NamedTuple):
    """One search result: what it is, and the AWS answer where it has one."""

    kind: str  # the key of the entry's kind
    id: str
    name: str
    score: float
    field: str
    aws: JSON | None = None  # {id, name, status} and, for a technology, its relation

    def to_json(self) -> JSON:
        return {
            "kind": self.kind,
            "id": self.id,
            "name": self.name,
            "score": round(self.score, 1),
            "field": self.field,
            "aws": self.aws,
        }


class SearchResult(NamedTuple):
    query: str
    hits: tuple[Hit, ...]

    def to_json(self) -> JSON:
        return {"query": self.query, "results": [h.to_json() for h in self.hits]}


def search_result(catalog: Catalog, text: str, limit: int = 10) -> SearchResult:
    """Ranked results of every searchable kind, each with its AWS answer where it has one."""
    if limit < 1:
        raise UsageError("--limit must be at least 1")
    query, scored = ranking.search(catalog, text, limit)
    if not scored:
        raise NotFoundError(f"nothing matches {quoted(query)}; try fewer or other words")
    techs = [h.record for h in scored if h.kind is TECHNOLOGY]
    answers = {
        t.id: recommended(e) for t, e in zip(techs, equivalents(catalog, techs), strict=True)
    }
    ways = {w.service for h in scored if h.kind in (PATTERN, ROLE) for w in h.record.aws}
    services = catalog.many(AWS_SERVICE, sorted(ways)) if ways else {}
    hits = []
    for h in scored:
        aws = None
        if h.kind is TECHNOLOGY and (main := answers[h.record.id]) is not None:
            aws = main.brief()
        elif h.kind in (PATTERN, ROLE):
            first = (
                first_available([services[w.service] for w in h.record.aws])
                if h.kind is PATTERN
                else role_answer(h.record, services)  # none for a broad role
            )
            aws = (
                {"id": first.id, "name": first.name, "status": first.lifecycle.status}
                if first
                else None
            )
        hits.append(Hit(h.kind.key, h.record.id, h.kind.title_of(h.record), h.score, h.field, aws))
    return SearchResult(query, tuple(hits))


def search(ctx: Context, text: list[str], limit: int) -> SearchResult:
    return search_result(ctx.catalog(), " ".join(text), limit)
