"""What ``search`` answers."""

from typing import Any, NamedTuple

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
