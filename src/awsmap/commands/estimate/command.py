"""``awsmap estimate``: the command's function; the arithmetic is the rest of this package."""

from __future__ import annotations

from typing import TYPE_CHECKING

from awsmap.base.errors import UsageError
from awsmap.catalog.designs import Number
from awsmap.catalog.kinds import AWS_SERVICE, NUMBER
from awsmap.catalog.reader import Catalog
from awsmap.commands.estimate.estimator import estimate as compute
from awsmap.commands.estimate.limits import limits_from_numbers
from awsmap.commands.estimate.request import ALIASES, SERVICES, parse_request
from awsmap.commands.estimate.result import Estimate
from awsmap.find.resolve import resolve

if TYPE_CHECKING:
    from awsmap.commands.context import Context


def estimate(
    ctx: Context,
    dau: str | None,
    writes: str | None,
    reads: str | None,
    read_ratio: str | None,
    peak: str | None,
    item: str | None,
    retention: str | None,
    replicas: str | None,
    fanout: str | None,
    duration: str | None,
    on: str | None,
    architecture: str | None,
    stack: str | None,
) -> Estimate:
    if writes is None and reads is None:
        raise UsageError("give a load: --writes and/or --reads (e.g. --dau 10M --writes 20/day)")
    cat = ctx.catalog()
    services = _service_ids(cat, on) if on else []
    if architecture is not None:
        services += _design_services(cat, architecture)
    if stack is not None:
        services += _stack_services(cat, stack)
    request = parse_request(
        dau=dau,
        writes=writes,
        reads=reads,
        read_ratio=read_ratio,
        peak=peak,
        item=item,
        retention=retention,
        replicas=replicas,
        fanout=fanout,
        duration=duration,
        on=",".join(dict.fromkeys(services)) if services else None,
    )
    numbers: list[Number] = list(cat.all(NUMBER))
    return compute(request, limits_from_numbers(numbers))


def _service_ids(catalog: Catalog, typed: str) -> list[str]:
    """``--on`` names resolved like ``aws`` (``ddb``, ``Kinesis``), plus ``sqs-fifo``."""
    found = []
    for part in (p.strip() for p in typed.split(",")):
        if not part:
            continue
        key = ALIASES.get(part.lower(), part.lower())
        if key in SERVICES:
            found.append(key)
            continue
        match = resolve(catalog, part, (AWS_SERVICE,))
        if match.id not in SERVICES:
            raise UsageError(
                f"--on {part!r} is {match.label}, which estimate does not size; "
                f"it sizes {', '.join(SERVICES)}"
            )
        found.append(match.id)
    return found


def _design_services(catalog: Catalog, name: str) -> list[str]:
    """The services an architecture's AWS form uses that estimate can size, in its order."""
    from awsmap.catalog.kinds import ARCHITECTURE

    design = catalog.get(ARCHITECTURE, resolve(catalog, name, (ARCHITECTURE,)).id)
    found = [s for c in design.components for s in c.aws_services if s in SERVICES]
    if not found:
        raise UsageError(f"{design.name} uses none of the services estimate sizes")
    return found


def _stack_services(catalog: Catalog, names: str) -> list[str]:
    """The AWS services a stack of names maps to (as ``awsmap stack`` maps them) that estimate
    can size: ``--stack "postgres redis kafka"``."""
    from awsmap.commands.stack import split_names, stack_result

    result = stack_result(catalog, split_names(names.split()), [], None)
    found = [c.service.id for c in result.components if c.service.id in SERVICES]
    if not found:
        raise UsageError(f"the stack {names!r} maps to none of the services estimate sizes")
    return found
