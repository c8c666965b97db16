"""``tips``, ``services`` and ``numbers``: reference lists, their results and JSON."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any, NamedTuple

from awsmap.base.errors import NotFoundError, UsageError
from awsmap.catalog.designs import Number, Tip
from awsmap.catalog.kinds import (
    AWS_SERVICE,
    NUMBER,
    TIP,
)
from awsmap.catalog.models import STATUSES, AwsService
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
            "group": self.group,
            "tips": [
                {
                    "id": t.id,
                    "title": t.title,
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
    numbers: tuple[Number, ...]
    service: AwsService | None = None  # when asked for one service
    names: Names | None = None  # service names

    def to_json(self) -> JSON:
        return {
            "service": service_json(self.service) if self.service else None,
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


def numbers_result(catalog: Catalog, service: str | None = None) -> NumbersResult:
    """The limits for back-of-envelope maths: every service's, or one service's."""
    if service is None:
        every = catalog.all(NUMBER)
        ids = sorted({n.service for n in every})
        names = {i: s.name for i, s in catalog.many(AWS_SERVICE, ids).items()}
        return NumbersResult(tuple(every), None, names)
    match = resolve(catalog, service, (AWS_SERVICE,))
    svc = catalog.get(AWS_SERVICE, match.id)
    found = tuple(catalog.referrers(AWS_SERVICE, svc.id, NUMBER))
    if not found:
        having = sorted({n.service for n in catalog.all(NUMBER)})
        raise NotFoundError(
            f"no numbers for {svc.name} yet; services with numbers: {', '.join(having)}"
        )
    return NumbersResult(found, svc, {svc.id: svc.name})


def tips(ctx: Context, group: str | None, pick: bool) -> TipsResult:
    return tips_result(ctx.catalog(), group, random.Random() if pick else None)


def services(ctx: Context, status: str | None, retired: bool) -> ServicesResult:
    if retired and status is not None:
        raise UsageError("use --status or --retired, not both")
    return services_result(ctx.catalog(), RETIRED if retired else status)


def numbers(ctx: Context, service: list[str]) -> NumbersResult:
    return numbers_result(ctx.catalog(), " ".join(service) if service else None)
