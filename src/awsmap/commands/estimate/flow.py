"""Checks for the services that move requests and events: Kinesis, SQS, SNS, Lambda, API Gateway
and MSK.

Writes are what producers put in; ``--fanout`` readers consume each write from a stream or topic;
``--duration`` is the work per request, which turns a rate into concurrency (Little's law).
"""

from __future__ import annotations

from fractions import Fraction

from .limits import Limit, bytes_of
from .needs import Context, quota_need, units_need
from .result import Need
from .units import ceil, duration_words, num, size_words

Checked = tuple[tuple[Need, ...], tuple[str, ...]]


def shards(demand: Fraction, per_shard: Fraction) -> int:
    """Shards for one dimension of a stream's load: demand over per-shard capacity, rounded up."""
    return max(1, ceil(demand / per_shard))


def concurrency(rate_per_s: Fraction, duration_s: Fraction) -> Fraction:
    """Requests in flight: arrival rate times time in the system (Little's law)."""
    return rate_per_s * duration_s


def _size_need(ctx: Context, number_id: str, what: str) -> Need:
    limit = ctx.limit(number_id)
    return quota_need(
        what,
        ctx.item,
        "bytes",
        limit,
        bytes_of(limit),
        f"{size_words(ctx.item)} vs {num(limit.value)} {limit.unit} ({num(bytes_of(limit))} bytes)",
    )


def _per_shard(limit: Limit) -> str:
    return f"{num(limit.value)} {limit.unit} ({num(bytes_of(limit))} bytes/s)"


def kinesis(ctx: Context) -> Checked:
    """Shards from bytes in, records in and bytes out to ``fanout`` consumers."""
    write_bytes = ctx.limit("kinesis-shard-write-bytes")
    write_records = ctx.limit("kinesis-shard-write-records")
    read_shared = ctx.limit("kinesis-shard-read-shared")
    polls = ctx.limit("kinesis-getrecords-calls-per-shard")
    efo = ctx.limit("kinesis-efo-throughput")
    efo_max = ctx.limit("kinesis-efo-consumers-per-stream")
    fanout = ctx.request.fanout
    records = ctx.writes.peak
    needs: list[Need] = []
    if records:
        bytes_in = records * ctx.item
        bytes_out = bytes_in * fanout
        needs += [
            units_need(
                "shards for bytes in",
                bytes_in,
                bytes_of(write_bytes),
                write_bytes,
                "shards",
                f"{num(records)} records/s × {size_words(ctx.item)} = {size_words(bytes_in)}/s",
                _per_shard(write_bytes),
                "writes",
            ),
            units_need(
                "shards for records in",
                records,
                write_records.value,
                write_records,
                "shards",
                f"{num(records)} records/s at peak",
                f"{num(write_records.value)} {write_records.unit}",
                "records written",
            ),
            units_need(
                "shards for bytes out (shared polling)",
                bytes_out,
                bytes_of(read_shared),
                read_shared,
                "shards",
                f"{size_words(bytes_in)}/s × {fanout} consumer{'s' if fanout > 1 else ''} = "
                f"{size_words(bytes_out)}/s",
                _per_shard(read_shared),
                f"reads by {fanout} polling consumer{'s' if fanout > 1 else ''}",
            ),
        ]
    if fanout > 1:
        needs.append(
            quota_need(
                "polling consumers per shard",
                Fraction(fanout),
                "consumers",
                polls,
                polls.value,
                f"{fanout} consumers polling each shard about once a second vs "
                f"{num(polls.value)} {polls.unit}",
                phrase="polling consumers per shard",
            )
        )
        needs.append(
            quota_need(
                "enhanced fan-out consumers (if used)",
                Fraction(fanout),
                "consumers",
                efo_max,
                efo_max.value,
                f"{fanout} consumers registered for enhanced fan-out vs {num(efo_max.value)} "
                f"{efo_max.unit}",
                phrase="enhanced fan-out consumers",
            )
        )
    needs.append(_size_need(ctx, "kinesis-max-record-size", "record size per item"))
    start = ctx.limit("kinesis-on-demand-initial-write")
    notes = (
        f"Kinesis: enhanced fan-out gives each registered consumer its own {num(efo.value)} "
        f"{efo.unit}, so reads stop sharing the {num(read_shared.value)} {read_shared.unit}; "
        "use it from 2-3 consumers or when latency matters.",
        f"Kinesis: on-demand mode needs no shard count but starts at {num(start.value)} "
        f"{start.unit} of writes and scales with traffic; provisioned mode needs the shard count.",
    )
    return tuple(needs), notes


def _queue(ctx: Context, in_flight_id: str, label: str) -> list[Need]:
    needs = [_size_need(ctx, "sqs-max-message-size", "message size per message")]
    duration = ctx.request.duration_s
    if duration is not None and ctx.writes.peak:
        limit = ctx.limit(in_flight_id)
        flight = concurrency(ctx.writes.peak, duration)
        needs.append(
            quota_need(
                f"in-flight messages at peak ({label})",
                flight,
                "messages",
                limit,
                limit.value,
                f"{num(ctx.writes.peak)} messages/s × {duration_words(duration)} processing = "
                f"{num(flight)} received but not yet deleted",
                phrase="messages in flight at peak",
            )
        )
    return needs


def sqs(ctx: Context) -> Checked:
    """A standard queue: throughput is nearly unlimited; size and in-flight messages are not."""
    batch = ctx.limit("sqs-batch-size")
    calls = ceil(ctx.writes.peak / batch.value)
    notes = (
        f"SQS: standard queues take nearly unlimited messages/s; batches of {num(batch.value)} "
        f"cut {num(ctx.writes.peak)} sends/s to {num(calls)} calls/s.",
    )
    return tuple(_queue(ctx, "sqs-standard-in-flight", "standard queue")), notes


def sqs_fifo(ctx: Context) -> Checked:
    """A FIFO queue: the batched throughput limit, high throughput mode, size and in-flight."""
    batched = ctx.limit("sqs-fifo-batched-throughput")
    calls_limit = ctx.limit("sqs-fifo-throughput")
    high = ctx.limit("sqs-fifo-high-throughput")
    batch = ctx.limit("sqs-batch-size")
    rate = ctx.writes.peak
    needs = _queue(ctx, "sqs-fifo-in-flight", "FIFO queue")
    if rate:
        calls = Fraction(ceil(rate / batch.value))
        needs += [
            quota_need(
                "messages/s at peak without high throughput",
                rate,
                "messages/s",
                batched,
                batched.value,
                f"{num(rate)} messages/s vs {num(batched.value)} {batched.unit} "
                f"({num(calls_limit.value)} calls/s × {num(batch.value)} per batch)",
                phrase="messages/s at peak without high throughput mode",
            ),
            quota_need(
                "API calls/s at peak in high throughput mode",
                calls,
                "calls/s",
                high,
                high.value,
                f"{num(rate)} messages/s ÷ {num(batch.value)} per batch = {num(calls)} calls/s vs "
                f"{num(high.value)} {high.unit} (largest Regions; fewer elsewhere)",
                phrase="API calls/s at peak in high throughput mode",
            ),
        ]
    duration = ctx.request.duration_s
    groups = (
        f"at least {num(ceil(concurrency(rate, duration)))} message groups for that many "
        "consumers to work in parallel"
        if duration is not None and rate
        else "as many message groups as consumers working in parallel"
    )
    notes = (
        "SQS FIFO: order holds per message group, one message at a time per group, so plan "
        f"{groups}.",
    )
    return tuple(needs), notes


def sns(ctx: Context) -> Checked:
    """A standard topic: message size and subscriptions; deliveries are publishes × fanout."""
    subs = ctx.limit("sns-subscriptions-per-standard-topic")
    fifo = ctx.limit("sns-fifo-topic-throughput")
    fanout = ctx.request.fanout
    needs = [
        _size_need(ctx, "sns-default-max-message-size", "message size per message"),
        quota_need(
            "subscriptions per topic",
            Fraction(fanout),
            "subscriptions",
            subs,
            subs.value,
            f"{fanout} subscriber{'s' if fanout > 1 else ''} (--fanout) vs {num(subs.value)} "
            f"{subs.unit} per standard topic",
            phrase="subscriptions per topic",
        ),
    ]
    deliveries = ctx.writes.peak * fanout
    notes = (
        f"SNS: {num(ctx.writes.peak)} publishes/s × {fanout} subscribers = {num(deliveries)} "
        "deliveries/s at peak; the publish rate is a per-Region account quota, so check it.",
        f"SNS: a FIFO topic takes {num(fifo.value)} {fifo.unit} with topic-scoped throughput.",
    )
    return tuple(needs), notes


def lambda_(ctx: Context) -> Checked:
    """Concurrency = requests/s × duration against the account's concurrent executions."""
    limit = ctx.limit("lambda-concurrent-executions")
    scaling = ctx.limit("lambda-scaling-rate")
    needs = [_size_need(ctx, "lambda-sync-payload", "payload size per request")]
    duration = ctx.request.duration_s
    if duration is None:
        return tuple(needs), ("Lambda: give --duration (200ms) to check concurrency.",)
    rate = ctx.requests_peak
    running = concurrency(rate, duration)
    whole = ceil(running)  # an execution environment is whole: 6,944.4 in flight need 6,945
    needs.append(
        quota_need(
            "concurrent executions at peak",
            Fraction(whole),
            "concurrent executions",
            limit,
            limit.value,
            f"{num(rate)} requests/s at peak × {duration_words(duration)} = {num(running)} "
            f"→ {num(whole)} concurrent executions",
            f"{num(limit.value)} concurrent executions per Region (account default)",
        )
    )
    ramp = ceil(running / scaling.value) * 10
    notes = (
        f"Lambda: from cold, a function adds {num(scaling.value)} {scaling.unit}, so reaching "
        f"{num(ceil(running))} takes about {ramp} s; provisioned concurrency removes the ramp.",
    )
    return tuple(needs), notes


def api_gateway(ctx: Context) -> Checked:
    """Requests/s at peak against the account throttle, and the payload limit."""
    throttle = ctx.limit("api-gateway-account-throttle")
    burst = ctx.limit("api-gateway-account-burst")
    rate = ctx.requests_peak
    needs = (
        quota_need(
            "requests/s at peak",
            rate,
            "requests/s",
            throttle,
            throttle.value,
            f"{num(ctx.reads.peak)} reads/s + {num(ctx.writes.peak)} writes/s at peak = "
            f"{num(rate)} requests/s",
            f"{num(throttle.value)} requests/s account throttle",
        ),
        _size_need(ctx, "api-gateway-payload-size", "payload size per request"),
    )
    notes = (
        f"API Gateway: the {num(throttle.value)} requests/s throttle is shared by every API of "
        f"the account in a Region, with a {num(burst.value)}-request burst.",
    )
    return needs, notes


def msk(ctx: Context) -> Checked:
    """MSK publishes no per-partition throughput limit; the partition guidance is in the notes."""
    large = ctx.limit("msk-partitions-per-large-broker")
    big = ctx.limit("msk-partitions-per-4xlarge-broker")
    notes = (
        f"MSK: {size_words(ctx.writes.peak * ctx.item)}/s in and "
        f"{size_words(ctx.writes.peak * ctx.item * ctx.request.fanout)}/s out at peak; size "
        "brokers by instance bandwidth (AWS sets no per-partition limit) and keep partition "
        f"replicas under {num(large.value)} per large broker, {num(big.value)} per 4xlarge.",
    )
    return (), notes
