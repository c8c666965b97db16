"""From the option strings a candidate typed to one checked :class:`Request`.

The command layer passes the strings through untouched; parsing lives here so that the forms
accepted, the defaults and the one-line errors are the same wherever an estimate is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any, NamedTuple

from awsmap.base.errors import UsageError

from .units import (
    SECONDS_PER_DAY,
    parse_count,
    parse_duration,
    parse_factor,
    parse_rate,
    parse_size,
    parse_whole,
)

# Peak over average when the prompt gives none: traffic in a day is uneven, and 2-3x is the usual
# interview assumption; the notes say it was assumed so the candidate can say it aloud.
DEFAULT_PEAK = Fraction(3)
# Item size when none is given: the unit DynamoDB and Kinesis price in, stated in the notes.
DEFAULT_ITEM_BYTES = Fraction(1000)

# Estimator targets: AWS service ids, plus sqs-fifo (a queue type whose limits differ from SQS).
SERVICES: dict[str, str] = {
    "dynamodb": "DynamoDB",
    "kinesis-data-streams": "Kinesis Data Streams",
    "s3": "S3",
    "sqs": "SQS",
    "sqs-fifo": "SQS FIFO",
    "sns": "SNS",
    "lambda": "Lambda",
    "api-gateway": "API Gateway",
    "elasticache": "ElastiCache",
    "msk": "MSK",
    "aurora": "Aurora",
}
ALIASES = {"kinesis": "kinesis-data-streams"}


class RateInput(NamedTuple):
    """A rate as typed: an amount per period, per user when ``per_user``."""

    typed: str
    amount: Fraction
    period_s: int
    per_user: bool

    def per_second(self, users: Fraction | None) -> Fraction:
        """Average per second: users x count / period, or count / period for a total."""
        total = self.amount * users if self.per_user and users is not None else self.amount
        return total / self.period_s


class Request(NamedTuple):
    """What to estimate, parsed: every field exact, every default recorded in ``assumed``."""

    dau: Fraction | None
    writes: RateInput | None
    reads: RateInput | None
    read_ratio: Fraction | None
    peak: Fraction
    item_bytes: Fraction
    retention_s: Fraction | None
    replicas: int
    fanout: int
    duration_s: Fraction | None
    services: tuple[str, ...]
    typed: dict[str, str]
    assumed: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The options as typed, the parsed values and the defaults that were assumed."""
        from .limits import as_json_number

        def opt(value: Fraction | None) -> int | float | None:
            return None if value is None else as_json_number(value)

        days = None if self.retention_s is None else self.retention_s / SECONDS_PER_DAY
        return {
            "typed": dict(self.typed),
            "dau": opt(self.dau),
            "writes_per_s_avg": opt(self.writes.per_second(self.dau)) if self.writes else None,
            "reads_per_s_avg": opt(self.reads.per_second(self.dau)) if self.reads else None,
            "read_ratio": opt(self.read_ratio),
            "peak": opt(self.peak),
            "item_bytes": opt(self.item_bytes),
            "retention_days": opt(days),
            "replicas": self.replicas,
            "fanout": self.fanout,
            "duration_s": opt(self.duration_s),
            "services": list(self.services),
            "assumed": list(self.assumed),
        }


def _rate(typed: str, option: str, dau: Fraction | None) -> RateInput:
    count, period = parse_rate(typed, option)
    # Per-second rates are totals (nobody quotes per-user rates per second); slower rates are
    # per user when the prompt gives daily users, and totals otherwise.
    return RateInput(typed, count, period, per_user=dau is not None and period != 1)


def parse_services(typed: str | Sequence[str] | None) -> tuple[str, ...]:
    """Service ids from ``dynamodb,kinesis`` or a list; an unknown one names the accepted ids."""
    if typed is None:
        return ()
    parts = typed.split(",") if isinstance(typed, str) else [p for t in typed for p in t.split(",")]
    found: list[str] = []
    for part in parts:
        name = part.strip().lower()
        if not name:
            continue
        name = ALIASES.get(name, name)
        if name not in SERVICES:
            accepted = ", ".join(SERVICES)
            raise UsageError(f"--on {part.strip()!r}: expected service ids from {accepted}")
        if name not in found:
            found.append(name)
    return tuple(found)


def parse_request(
    *,
    dau: str | None = None,
    writes: str | None = None,
    reads: str | None = None,
    read_ratio: str | None = None,
    peak: str | None = None,
    item: str | None = None,
    retention: str | None = None,
    replicas: str | None = None,
    fanout: str | None = None,
    duration: str | None = None,
    on: str | Sequence[str] | None = None,
) -> Request:
    """A :class:`Request` from the option strings as typed (``None`` for an option not given)."""
    typed = {
        name: value
        for name, value in (
            ("dau", dau), ("writes", writes), ("reads", reads), ("read_ratio", read_ratio),
            ("peak", peak), ("item", item), ("retention", retention), ("replicas", replicas),
            ("fanout", fanout), ("duration", duration),
            ("on", on if on is None or isinstance(on, str) else ",".join(on)),
        )
        if value is not None
    }  # fmt: skip
    assumed: list[str] = []
    users = parse_count(dau, "--dau") if dau is not None else None
    write_rate = _rate(writes, "--writes", users) if writes is not None else None
    read_rate = _rate(reads, "--reads", users) if reads is not None else None
    ratio = parse_factor(read_ratio, "--read-ratio", minimum=0) if read_ratio is not None else None
    if read_rate is not None and ratio is not None:
        raise UsageError(
            "--reads and --read-ratio both given: use one (--reads 200/day or --read-ratio 10)"
        )
    if ratio is not None and write_rate is None:
        raise UsageError(
            "--read-ratio needs --writes: reads = writes × ratio (--writes 20/day --read-ratio 10)"
        )
    if write_rate is None and read_rate is None:
        raise UsageError("give --writes or --reads: 20/day per user with --dau, or 5000/s in total")
    if peak is None:
        assumed.append(f"peak is {DEFAULT_PEAK} x average (default; pass --peak to change it)")
    if item is None:
        assumed.append("item size is 1 KB (default; pass --item to change it)")
    return Request(
        dau=users,
        writes=write_rate,
        reads=read_rate,
        read_ratio=ratio,
        peak=parse_factor(peak, "--peak") if peak is not None else DEFAULT_PEAK,
        item_bytes=parse_size(item, "--item") if item is not None else DEFAULT_ITEM_BYTES,
        retention_s=parse_duration(retention, "--retention") if retention is not None else None,
        replicas=parse_whole(replicas, "--replicas") if replicas is not None else 1,
        fanout=parse_whole(fanout, "--fanout") if fanout is not None else 1,
        duration_s=parse_duration(duration, "--duration") if duration is not None else None,
        services=parse_services(on),
        typed=typed,
        assumed=tuple(assumed),
    )
