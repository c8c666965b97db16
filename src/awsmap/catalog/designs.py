"""Typed records of design knowledge: numbers, patterns, architectures, practice questions, tips.

Like :mod:`awsmap.models` (whose conventions these follow), records are ``NamedTuple`` classes built
from documents that already passed the JSON Schema, and ``to_dict`` gives the same shape back.
"""

from typing import Any, NamedTuple

from awsmap.catalog.models import Correction, corrections_of, put_if_set, strings_of

AWS_LIMITS = "aws-limits"  # the group of a number that states an AWS service's limit
# Every group of numbers, in the order `awsmap numbers` shows them (the schema's enum)
NUMBER_GROUPS = ("latency", "network", "throughput", "capacity", "sizes", AWS_LIMITS)

# The heading of each group of numbers (NUMBER_GROUPS); AWS limits
# come in one table per service, titled with its name
NUMBER_GROUP_TITLES = {
    "latency": "Latency: how long one operation takes",
    "network": "Network: round trips and bandwidth between machines",
    "throughput": "Throughput: how fast a device or a codec moves data",
    "capacity": "Capacity: what one server handles (rules of thumb)",
    "sizes": "Sizes: bytes per common object",
    "aws-limits": "AWS limits",
}


class Number(NamedTuple):
    """A figure for back-of-envelope maths, with where it is stated and when it was checked: a
    limit of an AWS service (group ``aws-limits``, with its ``service``), or a general figure
    (any other group, no service; ``technology`` names the open-source engine it is about)."""

    id: str
    service: str | None
    name: str
    value: float
    unit: str
    source: str
    checked: str
    adjustable: bool | None = None
    note: str | None = None
    group: str = AWS_LIMITS
    technology: str | None = None

    @property
    def general(self) -> bool:
        """Not an AWS limit: a latency, a throughput, a size..."""
        return self.group != AWS_LIMITS

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Number":
        return cls(
            id=data["id"],
            service=data.get("service"),
            name=data["name"],
            value=data["value"],
            unit=data["unit"],
            source=data["source"],
            checked=data["checked"],
            adjustable=data.get("adjustable"),
            note=data.get("note"),
            group=data.get("group", AWS_LIMITS),
            technology=data.get("technology"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "group": self.group}
        put_if_set(out, "service", self.service)
        put_if_set(out, "technology", self.technology)
        out["name"] = self.name
        out["value"] = self.value
        out["unit"] = self.unit
        put_if_set(out, "adjustable", self.adjustable)
        put_if_set(out, "note", self.note)
        out["source"] = self.source
        out["checked"] = self.checked
        return out


class Way(NamedTuple):
    """How one technology or one AWS service builds a pattern."""

    how: str
    technology: str | None = None
    service: str | None = None

    @property
    def target(self) -> str:
        return self.technology or self.service or ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        put_if_set(out, "technology", self.technology)
        put_if_set(out, "service", self.service)
        out["how"] = self.how
        return out


def _ways(items: list[dict[str, Any]] | None) -> tuple[Way, ...]:
    return tuple(Way(w["how"], w.get("technology"), w.get("service")) for w in items or ())


class Guidance(NamedTuple):
    """The AWS page that describes a pattern (Prescriptive Guidance, Builders' Library...)."""

    title: str
    url: str

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "url": self.url}


class Pattern(NamedTuple):
    """A system-design building block: the open-source way and the AWS way."""

    id: str
    name: str
    what_it_is: str
    open_source: tuple[Way, ...]
    aws: tuple[Way, ...]
    pitfalls: tuple[str, ...]
    interview_phrases: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    corrections: tuple[Correction, ...] = ()
    aws_guidance: Guidance | None = None
    well_architected: tuple[str, ...] = ()  # best-practice ids such as REL05-BP03

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Pattern":
        guidance = data.get("aws_guidance")
        return cls(
            id=data["id"],
            name=data["name"],
            what_it_is=data["what_it_is"],
            open_source=_ways(data["open_source"]),
            aws=_ways(data["aws"]),
            pitfalls=strings_of(data, "pitfalls"),
            interview_phrases=strings_of(data, "interview_phrases"),
            aliases=strings_of(data, "aliases"),
            tags=strings_of(data, "tags"),
            related=strings_of(data, "related"),
            corrections=corrections_of(data),
            aws_guidance=Guidance(guidance["title"], guidance["url"]) if guidance else None,
            well_architected=strings_of(data, "well_architected"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name}
        put_if_set(out, "aliases", self.aliases)
        put_if_set(out, "tags", self.tags)
        out["what_it_is"] = self.what_it_is
        out["open_source"] = [w.to_dict() for w in self.open_source]
        out["aws"] = [w.to_dict() for w in self.aws]
        out["pitfalls"] = list(self.pitfalls)
        out["interview_phrases"] = list(self.interview_phrases)
        put_if_set(out, "related", self.related)
        if self.aws_guidance:
            out["aws_guidance"] = self.aws_guidance.to_dict()
        put_if_set(out, "well_architected", self.well_architected)
        put_if_set(out, "corrections", [c.to_dict() for c in self.corrections])
        return out


class Component(NamedTuple):
    """One box of an architecture, in its open-source form and its AWS form."""

    id: str
    role: str
    technologies: tuple[str, ...] = ()
    aws_services: tuple[str, ...] = ()
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "role": self.role}
        put_if_set(out, "technologies", self.technologies)
        put_if_set(out, "aws_services", self.aws_services)
        put_if_set(out, "note", self.note)
        return out


class Edge(NamedTuple):
    source: str  # "from" in the data; a keyword in Python
    target: str
    label: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"from": self.source, "to": self.target}
        put_if_set(out, "label", self.label)
        return out


STEP_TITLES = {
    "requirements": "Requirements",
    "estimates": "Estimates",
    "api": "API",
    "data_model": "Data model",
    "high_level": "High-level design",
    "deep_dives": "Deep dives",
}


class Walkthrough(NamedTuple):
    """A design worked step by step in the order an interview goes."""

    requirements: tuple[str, ...]
    estimates: tuple[str, ...]
    api: tuple[str, ...]
    data_model: tuple[str, ...]
    high_level: tuple[str, ...]
    deep_dives: tuple[str, ...]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Walkthrough":
        return cls(*(strings_of(data, step) for step in cls._fields))

    def to_dict(self) -> dict[str, Any]:
        return {step: list(getattr(self, step)) for step in self._fields}

    def steps(self) -> list[tuple[str, tuple[str, ...]]]:
        """(numbered title, points) in interview order: ('3. API', (...)); deep dives last."""
        return [
            (f"{n}. {STEP_TITLES[step]}", self[n - 1]) for n, step in enumerate(self._fields, 1)
        ]


class Architecture(NamedTuple):
    """A whole design, drawn with open-source technologies and with AWS services."""

    id: str
    name: str
    summary: str
    components: tuple[Component, ...]
    edges: tuple[Edge, ...]
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    tradeoffs: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    source: str | None = None
    corrections: tuple[Correction, ...] = ()
    walkthrough: Walkthrough | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Architecture":
        return cls(
            id=data["id"],
            name=data["name"],
            summary=data["summary"],
            components=tuple(
                Component(
                    c["id"],
                    c["role"],
                    strings_of(c, "technologies"),
                    strings_of(c, "aws_services"),
                    c.get("note"),
                )
                for c in data["components"]
            ),
            edges=tuple(Edge(e["from"], e["to"], e.get("label")) for e in data["edges"]),
            aliases=strings_of(data, "aliases"),
            tags=strings_of(data, "tags"),
            tradeoffs=strings_of(data, "tradeoffs"),
            notes=strings_of(data, "notes"),
            patterns=strings_of(data, "patterns"),
            source=data.get("source"),
            corrections=corrections_of(data),
            walkthrough=(
                Walkthrough.from_dict(data["walkthrough"]) if data.get("walkthrough") else None
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name}
        put_if_set(out, "aliases", self.aliases)
        put_if_set(out, "tags", self.tags)
        out["summary"] = self.summary
        out["components"] = [c.to_dict() for c in self.components]
        out["edges"] = [e.to_dict() for e in self.edges]
        put_if_set(out, "tradeoffs", self.tradeoffs)
        put_if_set(out, "notes", self.notes)
        put_if_set(out, "patterns", self.patterns)
        put_if_set(out, "source", self.source)
        put_if_set(out, "corrections", [c.to_dict() for c in self.corrections])
        if self.walkthrough is not None:
            out["walkthrough"] = self.walkthrough.to_dict()
        return out


class Answer(NamedTuple):
    open_source: str
    aws: str


class Question(NamedTuple):
    """A practice question with its model answer in open-source and in AWS terms."""

    id: str
    title: str
    prompt: str
    tags: tuple[str, ...]
    answer: Answer
    aliases: tuple[str, ...] = ()
    tradeoffs: tuple[str, ...] = ()
    technologies: tuple[str, ...] = ()
    aws_services: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    architectures: tuple[str, ...] = ()
    source: str | None = None
    corrections: tuple[Correction, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Question":
        answer = data["answer"]
        return cls(
            id=data["id"],
            title=data["title"],
            prompt=data["prompt"],
            tags=strings_of(data, "tags"),
            answer=Answer(answer["open_source"], answer["aws"]),
            aliases=strings_of(data, "aliases"),
            tradeoffs=strings_of(data, "tradeoffs"),
            technologies=strings_of(data, "technologies"),
            aws_services=strings_of(data, "aws_services"),
            patterns=strings_of(data, "patterns"),
            architectures=strings_of(data, "architectures"),
            source=data.get("source"),
            corrections=corrections_of(data),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title}
        put_if_set(out, "aliases", self.aliases)
        out["prompt"] = self.prompt
        out["tags"] = list(self.tags)
        out["answer"] = {"open_source": self.answer.open_source, "aws": self.answer.aws}
        for key in ("tradeoffs", "technologies", "aws_services", "patterns", "architectures"):
            put_if_set(out, key, getattr(self, key))
        put_if_set(out, "source", self.source)
        put_if_set(out, "corrections", [c.to_dict() for c in self.corrections])
        return out


class Tip(NamedTuple):
    """Interview advice: a tip, a CAP theorem note, or a step of the study strategy."""

    id: str
    title: str
    group: str
    text: str
    items: tuple[str, ...] = ()
    technologies: tuple[str, ...] = ()
    aws_services: tuple[str, ...] = ()
    source: str | None = None
    corrections: tuple[Correction, ...] = ()
    aliases: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Tip":
        return cls(
            id=data["id"],
            title=data["title"],
            group=data["group"],
            text=data["text"],
            items=strings_of(data, "items"),
            technologies=strings_of(data, "technologies"),
            aws_services=strings_of(data, "aws_services"),
            source=data.get("source"),
            corrections=corrections_of(data),
            aliases=strings_of(data, "aliases"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "group": self.group,
            "text": self.text,
        }
        for key in ("aliases", "items", "technologies", "aws_services", "source"):
            put_if_set(out, key, getattr(self, key))
        put_if_set(out, "corrections", [c.to_dict() for c in self.corrections])
        return out
