"""Typed records of roles: the generic words candidates say (object storage, message queue) and
their AWS answer.

Like :mod:`awsmap.catalog.models`, records are ``NamedTuple`` classes built from documents that
already passed the JSON Schema, and ``to_dict`` gives the same shape back.
"""

from typing import Any, NamedTuple

from awsmap.catalog.models import put_if_set, strings_of


class Choice(NamedTuple):
    """One AWS service that fills the role, and when to pick it."""

    service: str
    when: str

    def to_dict(self) -> dict[str, Any]:
        return {"service": self.service, "when": self.when}


class Alternative(NamedTuple):
    """A technology outside AWS that fills the role, and when to pick it."""

    technology: str
    when: str

    def to_dict(self) -> dict[str, Any]:
        return {"technology": self.technology, "when": self.when}


class Role(NamedTuple):
    """A generic building block named by what it does, with its AWS answer.

    The first AWS choice is the default answer, unless the role is ``broad`` (database, storage):
    then the choices are listed side by side and none is the default.
    """

    id: str
    name: str
    what_it_is: str
    aws: tuple[Choice, ...]
    source: str
    aliases: tuple[str, ...] = ()
    broad: bool = False
    alternatives: tuple[Alternative, ...] = ()
    patterns: tuple[str, ...] = ()
    related: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Role":
        return cls(
            id=data["id"],
            name=data["name"],
            what_it_is=data["what_it_is"],
            aws=tuple(Choice(c["service"], c["when"]) for c in data["aws"]),
            source=data["source"],
            aliases=strings_of(data, "aliases"),
            broad=bool(data.get("broad", False)),
            alternatives=tuple(
                Alternative(a["technology"], a["when"]) for a in data.get("alternatives") or ()
            ),
            patterns=strings_of(data, "patterns"),
            related=strings_of(data, "related"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name}
        put_if_set(out, "aliases", self.aliases)
        out["what_it_is"] = self.what_it_is
        if self.broad:
            out["broad"] = True
        out["aws"] = [c.to_dict() for c in self.aws]
        put_if_set(out, "alternatives", [a.to_dict() for a in self.alternatives])
        put_if_set(out, "patterns", self.patterns)
        put_if_set(out, "related", self.related)
        out["source"] = self.source
        return out
