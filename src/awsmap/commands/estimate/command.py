"""``awsmap estimate``: the command's function; the arithmetic is the rest of this package."""

from __future__ import annotations

from awsmap.base.errors import UsageError
from awsmap.catalog.designs import Number
from awsmap.catalog.kinds import AWS_SERVICE, NUMBER
from awsmap.commands.context import Context
from awsmap.commands.estimate.estimator import estimate as compute
from awsmap.commands.estimate.limits import limits_from_numbers
from awsmap.commands.estimate.request import ALIASES, SERVICES, parse_request
from awsmap.commands.estimate.result import Estimate
from awsmap.find.resolve import resolve


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
) -> Estimate:
    if writes is None and reads is None:
        raise UsageError("give a load: --writes and/or --reads (e.g. --dau 10M --writes 20/day)")
    cat = ctx.catalog()
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
        on=",".join(_service_ids(cat, on)) if on else None,
    )
    numbers: list[Number] = list(cat.all(NUMBER))
    return compute(request, limits_from_numbers(numbers))


def _service_ids(catalog: object, typed: str) -> list[str]:
    """``--on`` names resolved like ``aws`` (``ddb``, ``Kinesis``), plus ``sqs-fifo``."""
    from awsmap.catalog.reader import Catalog

    assert isinstance(catalog, Catalog)
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
