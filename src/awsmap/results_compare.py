"""What ``compare`` answers."""

from typing import Any, NamedTuple

from awsmap.match import Match
from awsmap.models import Comparison, ComparisonRow
from awsmap.results import comparison_ref

JSON = dict[str, Any]


class Subject(NamedTuple):
    """One column of a comparison: a technology or an AWS service."""

    kind: str
    id: str
    name: str
    match: Match

    def to_json(self) -> JSON:
        return {"kind": self.kind, "id": self.id, "name": self.name, "match": self.match.to_json()}


class Verdict(NamedTuple):
    """When to choose one subject of a comparison, where a curated comparison says."""

    kind: str
    id: str
    name: str
    choose_when: str | None

    def to_json(self) -> JSON:
        return {
            "kind": self.kind,
            "id": self.id,
            "name": self.name,
            "choose_when": self.choose_when,
        }


class CompareResult(NamedTuple):
    subjects: tuple[Subject, ...]
    rows: tuple[ComparisonRow, ...]
    comparison: Comparison | None
    verdicts: tuple[Verdict, ...] = ()
    included: tuple[Comparison, ...] = ()  # curated pairs whose rows a derived table keeps

    def to_json(self) -> JSON:
        return {
            "technologies": [s.to_json() for s in self.subjects],
            "comparison": comparison_ref(self.comparison) if self.comparison else None,
            "source": "curated" if self.comparison else "derived",
            "rows": [r.to_dict() for r in self.rows],
            "verdicts": [v.to_json() for v in self.verdicts],
            "included": [comparison_ref(c) for c in self.included],
        }
