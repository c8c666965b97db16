"""Typed records of the dataset.

Records are ``NamedTuple`` classes: immutable and typed like frozen dataclasses, but on Python 3.11
a frozen dataclass costs about 0.5 ms to create at import, and the thirty record types of a run
would cost more than the rest of a warm lookup together (measured; see benchmarks/README.md).

``from_dict`` takes a document that already passed the JSON Schema, so it converts rather than
checks; ``to_dict`` gives back the same shape (optional keys left out when empty) so that data
survives load -> dump -> load unchanged.
"""

from typing import Any, Literal, NamedTuple

Relation = Literal["managed", "compatible", "analogous"]
Status = Literal["available", "closed-to-new-customers", "end-of-support", "discontinued"]

RELATIONS: tuple[Relation, ...] = ("managed", "compatible", "analogous")
STATUSES: tuple[Status, ...] = (
    "available",
    "closed-to-new-customers",
    "end-of-support",
    "discontinued",
)


def strings_of(data: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(data.get(key) or ())


def put_if_set(out: dict[str, Any], key: str, value: Any) -> None:
    """Set an optional key only when it carries something."""
    if value is not None and value not in ((), []):
        out[key] = list(value) if isinstance(value, tuple) else value


class Category(NamedTuple):
    id: str
    name: str
    description: str
    aliases: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Category":
        return cls(data["id"], data["name"], data["description"], strings_of(data, "aliases"))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name}
        put_if_set(out, "aliases", self.aliases)
        out["description"] = self.description
        return out


class Lifecycle(NamedTuple):
    status: Status
    source: str
    date: str | None = None
    successors: tuple[str, ...] = ()
    note: str | None = None

    @property
    def retired(self) -> bool:
        return self.status != "available"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Lifecycle":
        return cls(
            status=data["status"],
            source=data["source"],
            date=data.get("date"),
            successors=strings_of(data, "successors"),
            note=data.get("note"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": self.status}
        put_if_set(out, "date", self.date)
        put_if_set(out, "successors", self.successors)
        put_if_set(out, "note", self.note)
        out["source"] = self.source
        return out


class AwsService(NamedTuple):
    id: str
    name: str
    full_name: str
    description: str
    lifecycle: Lifecycle
    aliases: tuple[str, ...] = ()
    sdk_ids: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "AwsService":
        return cls(
            id=data["id"],
            name=data["name"],
            full_name=data["full_name"],
            description=data["description"],
            lifecycle=Lifecycle.from_dict(data["lifecycle"]),
            aliases=strings_of(data, "aliases"),
            sdk_ids=strings_of(data, "sdk_ids"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "full_name": self.full_name}
        put_if_set(out, "aliases", self.aliases)
        out["sdk_ids"] = list(self.sdk_ids)
        out["description"] = self.description
        out["lifecycle"] = self.lifecycle.to_dict()
        return out


class AwsEquivalent(NamedTuple):
    service: str
    relation: Relation
    note: str
    preferred_because: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "AwsEquivalent":
        return cls(data["service"], data["relation"], data["note"], data.get("preferred_because"))

    def to_dict(self) -> dict[str, Any]:
        out = {"service": self.service, "relation": self.relation, "note": self.note}
        put_if_set(out, "preferred_because", self.preferred_because)
        return out


class Parallel(NamedTuple):
    aspect: str
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"aspect": self.aspect, "detail": self.detail}


class SectionItem(NamedTuple):
    detail: str
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        put_if_set(out, "name", self.name)
        out["detail"] = self.detail
        return out


class Section(NamedTuple):
    title: str
    items: tuple[SectionItem, ...]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Section":
        items = tuple(SectionItem(i["detail"], i.get("name")) for i in data["items"])
        return cls(data["title"], items)

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "items": [i.to_dict() for i in self.items]}


class Pipeline(NamedTuple):
    """A pipeline inside a technology entry (the older, free-text form of an architecture)."""

    title: str
    open_source: tuple[str, ...]
    aws: tuple[str, ...]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Pipeline":
        return cls(data["title"], tuple(data["open_source"]), tuple(data["aws"]))

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "open_source": list(self.open_source), "aws": list(self.aws)}


class Correction(NamedTuple):
    was: str
    now: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"was": self.was, "now": self.now, "source": self.source}


def corrections_of(data: dict[str, Any]) -> tuple[Correction, ...]:
    return tuple(Correction(c["was"], c["now"], c["source"]) for c in data.get("corrections") or ())


class Technology(NamedTuple):
    id: str
    name: str
    categories: tuple[str, ...]
    what_it_is: str
    aws_equivalents: tuple[AwsEquivalent, ...]
    aliases: tuple[str, ...] = ()
    parallels: tuple[Parallel, ...] = ()
    interview_phrases: tuple[str, ...] = ()
    key_features: tuple[str, ...] = ()
    use_cases: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    architectures: tuple[Pipeline, ...] = ()
    corrections: tuple[Correction, ...] = ()
    images: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Technology":
        return cls(
            id=data["id"],
            name=data["name"],
            categories=tuple(data["categories"]),
            what_it_is=data["what_it_is"],
            aws_equivalents=tuple(AwsEquivalent.from_dict(e) for e in data["aws_equivalents"]),
            aliases=strings_of(data, "aliases"),
            parallels=tuple(
                Parallel(p["aspect"], p["detail"]) for p in data.get("parallels") or ()
            ),
            interview_phrases=strings_of(data, "interview_phrases"),
            key_features=strings_of(data, "key_features"),
            use_cases=strings_of(data, "use_cases"),
            sections=tuple(Section.from_dict(s) for s in data.get("sections") or ()),
            architectures=tuple(Pipeline.from_dict(a) for a in data.get("architectures") or ()),
            corrections=corrections_of(data),
            images=strings_of(data, "images"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name}
        put_if_set(out, "aliases", self.aliases)
        out["categories"] = list(self.categories)
        out["what_it_is"] = self.what_it_is
        out["aws_equivalents"] = [e.to_dict() for e in self.aws_equivalents]
        put_if_set(out, "parallels", [p.to_dict() for p in self.parallels])
        put_if_set(out, "interview_phrases", self.interview_phrases)
        put_if_set(out, "key_features", self.key_features)
        put_if_set(out, "use_cases", self.use_cases)
        put_if_set(out, "sections", [s.to_dict() for s in self.sections])
        put_if_set(out, "architectures", [a.to_dict() for a in self.architectures])
        put_if_set(out, "corrections", [c.to_dict() for c in self.corrections])
        put_if_set(out, "images", self.images)
        return out


class ComparisonSide(NamedTuple):
    """One side of a comparison: a technology or an AWS service, with the verdict for it."""

    label: str
    technology: str | None = None
    aws_service: str | None = None
    choose_when: str | None = None

    @property
    def kind(self) -> str:
        """The key of the kind the side names: the schema names each side's field after it."""
        return "technology" if self.technology else "aws_service"

    @property
    def target(self) -> str:
        return self.technology or self.aws_service or ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"label": self.label}
        put_if_set(out, "technology", self.technology)
        put_if_set(out, "aws_service", self.aws_service)
        put_if_set(out, "choose_when", self.choose_when)
        return out


class ComparisonRow(NamedTuple):
    aspect: str
    values: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"aspect": self.aspect, "values": list(self.values)}


class DecisionGuide(NamedTuple):
    """The AWS Decision Guide page that covers a comparison."""

    title: str
    url: str

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "url": self.url}


class Comparison(NamedTuple):
    id: str
    title: str
    sides: tuple[ComparisonSide, ...]
    rows: tuple[ComparisonRow, ...]
    corrections: tuple[Correction, ...] = ()
    verdict: str | None = None  # "Pick X when ...; pick Y when ..."
    decision_guide: DecisionGuide | None = None
    source: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Comparison":
        sides = tuple(
            ComparisonSide(
                s["label"], s.get("technology"), s.get("aws_service"), s.get("choose_when")
            )
            for s in data["sides"]
        )
        rows = tuple(ComparisonRow(r["aspect"], tuple(r["values"])) for r in data["rows"])
        guide = data.get("decision_guide")
        return cls(
            data["id"],
            data["title"],
            sides,
            rows,
            corrections_of(data),
            data.get("verdict"),
            DecisionGuide(guide["title"], guide["url"]) if guide else None,
            data.get("source"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title}
        put_if_set(out, "verdict", self.verdict)
        if self.decision_guide:
            out["decision_guide"] = self.decision_guide.to_dict()
        put_if_set(out, "source", self.source)
        out["sides"] = [s.to_dict() for s in self.sides]
        out["rows"] = [r.to_dict() for r in self.rows]
        put_if_set(out, "corrections", [c.to_dict() for c in self.corrections])
        return out
