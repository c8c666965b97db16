"""``tips``, ``services`` and ``numbers``: reference lists, their results and JSON."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

from awsmap.base.errors import NotFoundError, UsageError
from awsmap.catalog.designs import NUMBER_GROUPS, Number, Tip
from awsmap.catalog.kinds import (
    AWS_SERVICE,
    NUMBER,
    TECHNOLOGY,
    TIP,
)
from awsmap.catalog.models import STATUSES, AwsService, Technology
from awsmap.catalog.reader import Catalog
from awsmap.commands.designs import Names, service_json
from awsmap.commands.lookup import number_json
from awsmap.find.resolve import resolve

if TYPE_CHECKING:
    from awsmap.commands.context import Context

JSON = dict[str, Any]


class TipsResult(NamedTuple):
    tips: tuple[Tip, ...]
    group: str | None = None

    def to_json(self) -> JSON:
        return {
            "kind": TIP.key,
            "group": self.group,
            "tips": [
                {
                    "id": t.id,
                    "title": t.title,
                    "aliases": list(t.aliases),
                    "group": t.group,
                    "text": t.text,
                    "items": list(t.items),
                    "source": t.source,
                    "corrections": [c.to_dict() for c in t.corrections],
                }
                for t in self.tips
            ],
        }


class ServicesResult(NamedTuple):
    services: tuple[AwsService, ...]
    successors: dict[str, AwsService]
    status: str | None = None  # the filter asked for: a status, "retired", or None for all

    def to_json(self) -> JSON:
        return {
            "status": self.status,
            "services": [
                {
                    "id": s.id,
                    "name": s.name,
                    "status": s.lifecycle.status,
                    "date": s.lifecycle.date,
                    "successors": [
                        {"id": i, "name": self.successors[i].name if i in self.successors else i}
                        for i in s.lifecycle.successors
                    ],
                    "note": s.lifecycle.note,
                    "source": s.lifecycle.source,
                }
                for s in self.services
            ],
        }


class NumbersResult(NamedTuple):
    numbers: tuple[Number, ...]  # in NUMBER_GROUPS order, data order within a group
    service: AwsService | None = None  # when asked for one service
    names: Names | None = None  # service names
    group: str | None = None  # the --group asked for
    technology: Technology | None = None  # when asked for a technology: its AWS equivalents'

    def to_json(self) -> JSON:
        tech = self.technology
        names = self.names or {}
        return {
            "service": service_json(self.service) if self.service else None,
            "technology": {
                "id": tech.id,
                "name": tech.name,
                "services": [
                    {"id": eq.service, "name": names.get(eq.service, eq.service)}
                    for eq in tech.aws_equivalents
                ],
            }
            if tech
            else None,
            "group": self.group,
            "numbers": [number_json(n) for n in self.numbers],
        }


RETIRED = "retired"  # the `services` filter for every status but available
TIP_GROUPS = ("tip", "cap", "strategy")  # not a kind: the groups of tips


def tips_result(
    catalog: Catalog, group: str | None = None, pick: random.Random | None = None
) -> TipsResult:
    """Every tip (of one group), or with ``pick`` one chosen at random."""
    if group is not None and group not in TIP_GROUPS:
        raise UsageError(f"--group is one of {', '.join(TIP_GROUPS)}")
    shown = [t for t in catalog.all(TIP) if group is None or t.group == group]
    if pick is not None and shown:
        shown = [pick.choice(shown)]
    return TipsResult(tuple(shown), group)


def services_result(catalog: Catalog, status: str | None = None) -> ServicesResult:
    """The AWS service catalog, optionally only one status or every retired one."""
    if status is not None and status not in (*STATUSES, RETIRED):
        raise UsageError(f"--status is one of {', '.join(STATUSES)} (or use --retired)")
    every = catalog.all(AWS_SERVICE)
    shown = tuple(
        s
        for s in every
        if status is None
        or s.lifecycle.status == status
        or (status == RETIRED and s.lifecycle.retired)
    )
    wanted = sorted({i for s in shown for i in s.lifecycle.successors})
    return ServicesResult(shown, catalog.many(AWS_SERVICE, wanted) if wanted else {}, status)


def numbers_result(
    catalog: Catalog, name: str | None = None, group: str | None = None
) -> NumbersResult:
    """The figures for back-of-envelope maths: all of them, one AWS service's limits, or a
    technology's (its own rules of thumb and its AWS equivalents' limits); ``group`` keeps one
    group. Groups come in ``NUMBER_GROUPS`` order."""
    if group is not None and group not in NUMBER_GROUPS:
        raise UsageError(f"--group is one of {', '.join(NUMBER_GROUPS)}")

    def kept(found: list[Number]) -> tuple[Number, ...]:
        shown = [n for n in found if group is None or n.group == group]
        return tuple(sorted(shown, key=lambda n: NUMBER_GROUPS.index(n.group)))

    if name is None:
        every = kept(catalog.all(NUMBER))
        ids = sorted({n.service for n in every if n.service})
        names = {i: s.name for i, s in catalog.many(AWS_SERVICE, ids).items()}
        return NumbersResult(every, None, names, group)
    match = resolve(catalog, name, (AWS_SERVICE, TECHNOLOGY))
    if match.kind == TECHNOLOGY.key:
        tech = catalog.get(TECHNOLOGY, match.id)
        ids = list(dict.fromkeys(eq.service for eq in tech.aws_equivalents))
        found = catalog.referrers(TECHNOLOGY, tech.id, NUMBER)
        for service_id in ids:
            found += catalog.referrers(AWS_SERVICE, service_id, NUMBER)
        names = {i: s.name for i, s in catalog.many(AWS_SERVICE, ids).items()}
        numbers = kept(found)
        if not numbers:
            _none_for(catalog, f"{tech.name} or its AWS equivalents", group)
        return NumbersResult(numbers, None, names, group, tech)
    svc = catalog.get(AWS_SERVICE, match.id)
    numbers = kept(catalog.referrers(AWS_SERVICE, svc.id, NUMBER))
    if not numbers:
        _none_for(catalog, svc.name, group)
    return NumbersResult(numbers, svc, {svc.id: svc.name}, group)


def _none_for(catalog: Catalog, name: str, group: str | None) -> NoReturn:
    """No figures for this name (in this group): say which services and technologies have some."""
    every = [n for n in catalog.all(NUMBER) if group is None or n.group == group]
    having = {n.service for n in every if n.service} | {n.technology for n in every if n.technology}
    where = f" in the {group} group" if group else ""
    hint = (
        f"services and technologies with numbers{where}: {', '.join(sorted(having))}"
        if having
        else f"'awsmap numbers --group {group}' lists them all"
    )
    raise NotFoundError(f"no numbers for {name}{where} yet; {hint}")


def tips(ctx: Context, group: str | None, pick: bool) -> TipsResult:
    return tips_result(ctx.catalog(), group, random.Random() if pick else None)


def services(ctx: Context, status: str | None, retired: bool) -> ServicesResult:
    if retired and status is not None:
        raise UsageError("use --status or --retired, not both")
    return services_result(ctx.catalog(), RETIRED if retired else status)


def numbers(ctx: Context, name: list[str], group: str | None) -> NumbersResult:
    return numbers_result(ctx.catalog(), " ".join(name) if name else None, group)
