"""How a query was resolved: shared by resolution (which makes it) and the result objects (which
show it), in a module of its own so that results need not import the resolver and its index."""

from typing import NamedTuple


class Match(NamedTuple):
    """What a query found, by which method, and how sure we are."""

    query: str
    kind: str  # the key of the entry's kind
    id: str
    label: str  # the entry's display name
    method: str  # exact | normalized | prefix | fuzzy
    score: float

    def to_json(self) -> dict[str, object]:
        return {"query": self.query, "method": self.method, "score": round(self.score, 1)}


APPROXIMATE = ("fuzzy", "prefix")  # methods where the name was not given: a guess to check
