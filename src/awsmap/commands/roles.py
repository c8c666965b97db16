"""``role`` and ``roles``: the generic words candidates say (object storage, message queue) and
their AWS answer, results and JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from awsmap.base.match import Match
from awsmap.catalog.kinds import AWS_SERVICE, PATTERN, ROLE, TECHNOLOGY
from awsmap.catalog.models import AwsService
from awsmap.catalog.reader import Catalog
from awsmap.catalog.roles import Role
from awsmap.find.resolve import resolve

if TYPE_CHECKING:
    from awsmap.commands.context import Context

JSON = dict[str, Any]
Names = dict[str, str]  # id -> display name


def service_json(svc: AwsService) -> JSON:
    return {"id": svc.id, "name": svc.name, "status": svc.lifecycle.status}


def role_answer(role: Role, services: dict[str, AwsService]) -> AwsService | None:
    """The default AWS answer of a role: its first choice still open to new customers; none for
    a broad role, whose choices depend on what is stored or run."""
    if role.broad:
        return None
    for choice in role.aws:
        svc = services.get(choice.service)
        if svc is not None and not svc.lifecycle.retired:
            return svc
    return None


def _named(ids: tuple[str, ...], names: Names) -> list[JSON]:
    return [{"id": i, "name": names.get(i, i)} for i in ids]


class RoleResult(NamedTuple):
    role: Role
    services: dict[str, AwsService]
    techs: Names
    patterns: Names
    related: Names
    match: Match

    @property
    def answer(self) -> AwsService | None:
        return role_answer(self.role, self.services)

    def to_json(self) -> JSON:
        r = self.role
        answer = self.answer
        return {
            "kind": ROLE.key,
            "id": r.id,
            "name": r.name,
            "aliases": list(r.aliases),
            "what_it_is": r.what_it_is,
            "broad": r.broad,
            "aws_answer": service_json(answer) if answer else None,
            "aws": [
                {"service": service_json(self.services[c.service]), "when": c.when} for c in r.aws
            ],
            "alternatives": [
                {"technology": _named((a.technology,), self.techs)[0], "when": a.when}
                for a in r.alternatives
            ],
            "patterns": _named(r.patterns, self.patterns),
            "related": _named(r.related, self.related),
            "source": r.source,
            "match": self.match.to_json(),
        }


class RolesResult(NamedTuple):
    roles: tuple[Role, ...]
    services: dict[str, AwsService]

    def to_json(self) -> JSON:
        out = []
        for r in self.roles:
            answer = role_answer(r, self.services)
            out.append(
                {
                    "id": r.id,
                    "name": r.name,
                    "what_it_is": r.what_it_is,
                    "broad": r.broad,
                    "aws_answer": service_json(answer) if answer else None,
                    "aws": [service_json(self.services[c.service]) for c in r.aws],
                }
            )
        return {"roles": out}


def role_result(catalog: Catalog, name: str) -> RoleResult:
    match = resolve(catalog, name, (ROLE,))
    found = catalog.get(ROLE, match.id)
    services = catalog.many(AWS_SERVICE, [c.service for c in found.aws])
    techs = catalog.many(TECHNOLOGY, [a.technology for a in found.alternatives])
    patterns = catalog.many(PATTERN, found.patterns)
    related = catalog.many(ROLE, found.related)
    return RoleResult(
        found,
        services,
        {i: t.name for i, t in techs.items()},
        {i: p.name for i, p in patterns.items()},
        {i: r.name for i, r in related.items()},
        match,
    )


def roles_result(catalog: Catalog) -> RolesResult:
    every = tuple(catalog.all(ROLE))
    services = catalog.many(AWS_SERVICE, sorted({c.service for r in every for c in r.aws}))
    return RolesResult(every, services)


def role(ctx: Context, name: list[str]) -> RoleResult:
    return role_result(ctx.catalog(), " ".join(name))


def roles(ctx: Context) -> RolesResult:
    return roles_result(ctx.catalog())
