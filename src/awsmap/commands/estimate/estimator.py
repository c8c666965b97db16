"""The estimate itself: load, data and bandwidth from the request, then each service's needs.

``estimate`` takes the limits as a plain mapping of number id to :class:`Limit`, so it runs on
the bundled numbers data, on a user's data, or on hand-made limits in a test alike.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction

from . import flow, storage
from .limits import Limit
from .needs import Context, bites_first
from .request import SERVICES, RateInput, Request
from .result import Estimate, Figure, Need, Rate, ServiceEstimate
from .units import SECONDS_PER_DAY, count_words, duration_words, num, period_words, size_words

Check = Callable[[Context], tuple[tuple[Need, ...], tuple[str, ...]]]

CHECKS: dict[str, Check] = {
    "dynamodb": storage.dynamodb,
    "kinesis-data-streams": flow.kinesis,
    "s3": storage.s3,
    "sqs": flow.sqs,
    "sqs-fifo": flow.sqs_fifo,
    "sns": flow.sns,
    "lambda": flow.lambda_,
    "api-gateway": flow.api_gateway,
    "elasticache": storage.elasticache,
    "msk": flow.msk,
    "aurora": storage.aurora,
}

# Every number id the estimator reads; a test checks each exists in the data with a source.
USED_LIMIT_IDS: tuple[str, ...] = (
    "dynamodb-write-unit-item-size",
    "dynamodb-read-unit-item-size",
    "dynamodb-on-demand-table-throughput",
    "dynamodb-max-item-size",
    "dynamodb-partition-max-writes",
    "dynamodb-partition-max-reads",
    "dynamodb-new-on-demand-warm-writes",
    "dynamodb-new-on-demand-warm-reads",
    "kinesis-shard-write-bytes",
    "kinesis-shard-write-records",
    "kinesis-shard-read-shared",
    "kinesis-getrecords-calls-per-shard",
    "kinesis-efo-throughput",
    "kinesis-efo-consumers-per-stream",
    "kinesis-max-record-size",
    "kinesis-on-demand-initial-write",
    "s3-write-requests-per-prefix",
    "s3-read-requests-per-prefix",
    "s3-single-put-max",
    "sqs-max-message-size",
    "sqs-batch-size",
    "sqs-standard-in-flight",
    "sqs-fifo-in-flight",
    "sqs-fifo-throughput",
    "sqs-fifo-batched-throughput",
    "sqs-fifo-high-throughput",
    "sns-default-max-message-size",
    "sns-subscriptions-per-standard-topic",
    "sns-fifo-topic-throughput",
    "lambda-concurrent-executions",
    "lambda-scaling-rate",
    "lambda-sync-payload",
    "api-gateway-account-throttle",
    "api-gateway-account-burst",
    "api-gateway-payload-size",
    "elasticache-serverless-max-ecpu",
    "elasticache-serverless-max-storage",
    "msk-partitions-per-large-broker",
    "msk-partitions-per-4xlarge-broker",
    "aurora-max-cluster-volume",
    "aurora-max-replicas",
)


def _rate_words(rate: RateInput, users: Fraction | None, word: str) -> str:
    period = period_words(rate.period_s)
    if rate.per_user and users is not None:
        return (
            f"{count_words(users)} users × {num(rate.amount)} {word}/{period} ÷ "
            f"{num(rate.period_s)} s"
        )
    if rate.period_s == 1:
        return f"{num(rate.amount)} {word}/s given"
    return f"{num(rate.amount)} {word}/{period} ÷ {num(rate.period_s)} s"


def _load(request: Request) -> tuple[Rate, Rate]:
    """Average and peak writes and reads per second, with their formulas."""
    peak = request.peak
    users = request.dau

    def rate(avg: Fraction, how: str, word: str) -> Rate:
        formula = f"{how} = {num(avg)} {word}/s; ×{num(peak)} peak = {num(avg * peak)}/s"
        return Rate(avg, avg * peak, formula)

    if request.writes is not None:
        w_avg = request.writes.per_second(users)
        writes = rate(w_avg, _rate_words(request.writes, users, "writes"), "writes")
    else:
        writes = Rate(Fraction(0), Fraction(0), "no writes given")
    if request.reads is not None:
        r_avg = request.reads.per_second(users)
        reads = rate(r_avg, _rate_words(request.reads, users, "reads"), "reads")
    elif request.read_ratio is not None:
        how = f"{num(writes.avg)} writes/s × {num(request.read_ratio)} reads per write"
        reads = rate(writes.avg * request.read_ratio, how, "reads")
    else:
        reads = Rate(Fraction(0), Fraction(0), "no reads given")
    return writes, reads


def _data(request: Request, writes: Rate) -> tuple[Figure, Figure]:
    """Bytes written per day, and kept over the retention period on every replica."""
    per_day_writes = writes.avg * SECONDS_PER_DAY
    per_day = per_day_writes * request.item_bytes
    daily = Figure(
        per_day,
        "bytes/day",
        f"{num(per_day_writes)} writes/day × {size_words(request.item_bytes)} = "
        f"{size_words(per_day)}/day",
    )
    if request.retention_s is None:
        return daily, Figure(None, "bytes", "give --retention (5y, 90d) for the total")
    days = request.retention_s / SECONDS_PER_DAY
    total = per_day * days * request.replicas
    copies = f"{request.replicas} replica{'s' if request.replicas > 1 else ''}"
    formula = (
        f"{size_words(per_day)}/day × {duration_words(request.retention_s)} "
        f"({num(days)} days) × {copies} = {size_words(total)}"
    )
    return daily, Figure(total, "bytes", formula)


def _bandwidth(request: Request, writes: Rate, reads: Rate) -> tuple[Figure, Figure]:
    item = request.item_bytes
    size = size_words(item)
    bytes_in = writes.peak * item
    bytes_out = reads.peak * item
    in_words = f"{num(writes.peak)} writes/s at peak × {size} = {size_words(bytes_in)}/s"
    out_words = f"{num(reads.peak)} reads/s at peak × {size} = {size_words(bytes_out)}/s"
    return Figure(bytes_in, "bytes/s", in_words), Figure(bytes_out, "bytes/s", out_words)


def _notes(request: Request) -> list[str]:
    notes = list(request.assumed)
    for rate, word in ((request.writes, "writes"), (request.reads, "reads")):
        if rate is None:
            continue
        if rate.per_user:
            notes.append(f"--{word} {rate.typed} is per user, because --dau is given.")
        elif request.dau is not None:
            notes.append(f"--{word} {rate.typed} is a total: per-second rates are never per user.")
    if request.retention_s is not None and request.retention_s >= 365 * SECONDS_PER_DAY:
        notes.append("A year counts 365 days and a month 30.")
    return notes


def estimate(request: Request, limits: Mapping[str, Limit]) -> Estimate:
    """The whole estimate for a parsed request, checked against ``limits``."""
    writes, reads = _load(request)
    daily, total = _data(request, writes)
    bw_in, bw_out = _bandwidth(request, writes, reads)
    ctx = Context(request, writes, reads, total.value, limits)
    notes = _notes(request)
    services: list[ServiceEstimate] = []
    for service_id in request.services:
        needs, service_notes = CHECKS[service_id](ctx)
        name = SERVICES[service_id]
        fallback = service_notes[0].split(": ", 1)[-1] if service_notes else "nothing to check"
        sentence, binding = bites_first(name, needs, fallback)
        services.append(ServiceEstimate(service_id, name, needs, sentence, binding))
        notes.extend(service_notes)
        notes.extend(
            f"{name}: {need.limit.id} is a soft quota ({num(need.limit.value)} {need.limit.unit}); "
            "ask AWS to raise it."
            for need in needs
            if need.kind == "quota" and need.exceeded and need.limit.hard is False
        )
    return Estimate(
        request=request,
        writes=writes,
        reads=reads,
        bytes_per_day=daily,
        bytes_total=total,
        in_bytes_per_s=bw_in,
        out_bytes_per_s=bw_out,
        services=tuple(services),
        notes=tuple(notes),
    )
