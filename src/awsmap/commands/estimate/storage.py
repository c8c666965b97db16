"""Checks for the services that hold data: DynamoDB, S3, Aurora and ElastiCache.

Each check returns its needs and notes; the capacity arithmetic is in small pure functions so the
worked examples from AWS's documentation can test it directly.
"""

from __future__ import annotations

from fractions import Fraction

from .limits import bytes_of
from .needs import Context, quota_need, units_need
from .result import Need
from .units import SECONDS_PER_DAY, ceil, num, size_words

Checked = tuple[tuple[Need, ...], tuple[str, ...]]


def capacity_units_per_request(item_bytes: Fraction, unit_bytes: Fraction) -> int:
    """Units one request of an item costs: the size rounded up to the next whole unit."""
    return max(1, ceil(item_bytes / unit_bytes))


def read_units(item_bytes: Fraction, unit_bytes: Fraction, consistency: str = "strong") -> Fraction:
    """Read units per read: eventually consistent reads cost half, transactional reads twice."""
    units = Fraction(capacity_units_per_request(item_bytes, unit_bytes))
    return {"strong": units, "eventual": units / 2, "transactional": units * 2}[consistency]


def throughput_partitions(
    rcu: Fraction, wcu: Fraction, reads_per_partition: Fraction, writes_per_partition: Fraction
) -> int:
    """AWS's partition formula: RCU / 3,000 + WCU / 1,000, rounded up (at least one)."""
    return max(1, ceil(rcu / reads_per_partition + wcu / writes_per_partition))


def dynamodb(ctx: Context) -> Checked:
    """WCU and RCU at peak, the partitions they need, and the item-size limit. (No partition
    count from size: AWS no longer documents a size per partition.)"""
    write_unit = ctx.limit("dynamodb-write-unit-item-size")
    read_unit = ctx.limit("dynamodb-read-unit-item-size")
    table = ctx.limit("dynamodb-on-demand-table-throughput")
    max_item = ctx.limit("dynamodb-max-item-size")
    part_w = ctx.limit("dynamodb-partition-max-writes")
    part_r = ctx.limit("dynamodb-partition-max-reads")
    item = ctx.item
    per_write = capacity_units_per_request(item, bytes_of(write_unit))
    per_read = read_units(item, bytes_of(read_unit))
    wcu = ceil(ctx.writes.peak * per_write)
    rcu = ceil(ctx.reads.peak * per_read)
    needs: list[Need] = [
        quota_need(
            "item size per item",
            item,
            "bytes",
            max_item,
            bytes_of(max_item),
            f"{size_words(item)} item vs the {num(max_item.value)} KB item limit "
            f"({num(bytes_of(max_item))} bytes)",
        )
    ]
    if wcu:
        needs.append(
            quota_need(
                "write capacity units at peak",
                Fraction(wcu),
                "WCU",
                table,
                table.value,
                f"{size_words(item)} item ÷ 1 KB write unit ({num(bytes_of(write_unit))} bytes) → "
                f"{per_write} unit{'s' if per_write > 1 else ''} per write; "
                f"{num(ctx.writes.peak)} writes/s × {per_write} = {num(wcu)} WCU",
                f"{num(table.value)} write request units/s per on-demand table",
            )
        )
    if rcu:
        needs.append(
            quota_need(
                "read capacity units at peak",
                Fraction(rcu),
                "RCU",
                table,
                table.value,
                f"{size_words(item)} item ÷ 4 KB read unit ({num(bytes_of(read_unit))} bytes) → "
                f"{num(per_read)} per strongly consistent read; "
                f"{num(ctx.reads.peak)} reads/s × {num(per_read)} = {num(rcu)} RCU",
                f"{num(table.value)} read request units/s per on-demand table",
            )
        )
    if wcu or rcu:
        exact = Fraction(rcu) / part_r.value + Fraction(wcu) / part_w.value
        partitions = throughput_partitions(Fraction(rcu), Fraction(wcu), part_r.value, part_w.value)
        writes_bind = Fraction(wcu) / part_w.value >= Fraction(rcu) / part_r.value
        binding = part_w if writes_bind else part_r
        many = f"{num(partitions)} partition{'' if partitions == 1 else 's'}"
        needs.append(
            Need(
                what="partitions from throughput",
                value=partitions,
                unit="partitions",
                formula=f"{num(rcu)} RCU ÷ {num(part_r.value)} + {num(wcu)} WCU ÷ "
                f"{num(part_w.value)} = {num(exact, 2)} → {many} at least",
                limit=binding,
                headroom=partitions / exact,
                kind="units",
                said=f"{many} at least, bound by {num(binding.value)} "
                f"{binding.unit} on {'writes' if writes_bind else 'reads'}",
            )
        )
    warm_w = ctx.limit("dynamodb-new-on-demand-warm-writes")
    warm_r = ctx.limit("dynamodb-new-on-demand-warm-reads")
    notes = (
        "DynamoDB: reads are counted strongly consistent; eventually consistent reads cost half "
        f"({num(ceil(ctx.reads.peak * per_read / 2))} RCU), transactional reads twice.",
        "DynamoDB: on-demand needs no capacity planning but a new table takes only "
        f"{num(warm_w.value)} writes/s and {num(warm_r.value)} reads/s at once (pre-warm it for a "
        "launch); provisioned mode with auto scaling is cheaper for steady, predictable load.",
        "DynamoDB: partition counts are minimums for evenly spread keys; one hot key still "
        f"throttles at {num(part_w.value)} WCU / {num(part_r.value)} RCU.",
    )
    return tuple(needs), notes


def s3(ctx: Context) -> Checked:
    """Prefixes from the per-prefix request rates, and the single-PUT object size."""
    put = ctx.limit("s3-write-requests-per-prefix")
    get = ctx.limit("s3-read-requests-per-prefix")
    single = ctx.limit("s3-single-put-max")
    needs: list[Need] = []
    for rate, limit, word in ((ctx.writes.peak, put, "writes"), (ctx.reads.peak, get, "reads")):
        if rate:
            needs.append(
                units_need(
                    f"prefixes for {word}",
                    rate,
                    limit.value,
                    limit,
                    "prefixes",
                    f"{num(rate)} {word}/s at peak",
                    f"{num(limit.value)} {limit.unit} per prefix",
                    word,
                )
            )
    needs.append(
        quota_need(
            "object size per request",
            ctx.item,
            "bytes",
            single,
            bytes_of(single),
            f"{size_words(ctx.item)} object vs {num(single.value)} {single.unit} in one PUT",
        )
    )
    notes = (
        "S3: the per-prefix rates are what S3 scales each prefix to, gradually; spread keys over "
        "prefixes before launch and retry 503 Slow Down with backoff while it scales.",
    )
    return tuple(needs), notes


def aurora(ctx: Context) -> Checked:
    """The cluster volume against its size limit, and readers against the replica limit."""
    volume = ctx.limit("aurora-max-cluster-volume")
    replicas = ctx.limit("aurora-max-replicas")
    needs: list[Need] = []
    stored = _stored_once(ctx)
    if stored is not None:
        needs.append(
            quota_need(
                "cluster volume stored",
                stored,
                "bytes",
                volume,
                bytes_of(volume),
                f"{size_words(stored)} stored once (the cluster volume is shared by all "
                f"instances) vs {num(volume.value)} {volume.unit}",
            )
        )
    if ctx.request.replicas > 1:
        readers = Fraction(ctx.request.replicas - 1)
        needs.append(
            quota_need(
                "Aurora Replicas (readers)",
                readers,
                "replicas",
                replicas,
                replicas.value,
                f"{ctx.request.replicas} copies = 1 writer + {num(readers)} readers",
                phrase="Aurora Replicas",
            )
        )
    notes = (
        f"Aurora: all {num(ctx.writes.peak)} writes/s at peak go to one writer instance; AWS sets "
        "no writes/s limit, so size the instance class by load test, and shard beyond one writer.",
        "Aurora: the maximum cluster volume depends on the engine version; check it for yours.",
    )
    return tuple(needs), notes


def elasticache(ctx: Context) -> Checked:
    """Requests against a serverless cache's ECPU ceiling, and the data set against its storage."""
    ecpu = ctx.limit("elasticache-serverless-max-ecpu")
    storage = ctx.limit("elasticache-serverless-max-storage")
    requests = ctx.requests_peak
    needs: list[Need] = [
        quota_need(
            "ECPUs per second at peak",
            requests,
            "ECPUs/s",
            ecpu,
            ecpu.value,
            f"{num(ctx.reads.peak)} reads/s + {num(ctx.writes.peak)} writes/s at peak × at least "
            f"1 ECPU each = {num(requests)} ECPUs/s (larger items and complex commands cost more)",
            phrase="ECPUs/s at peak",
        )
    ]
    if ctx.bytes_total is not None:
        needs.append(
            quota_need(
                "cache storage stored",
                ctx.bytes_total,
                "bytes",
                storage,
                bytes_of(storage),
                f"{size_words(ctx.bytes_total)} if the whole data set were cached vs "
                f"{num(storage.value)} {storage.unit} per serverless cache",
            )
        )
    notes = (
        "ElastiCache: cache the hot set, not everything; the storage figure is the whole data "
        "set, an upper bound.",
    )
    return tuple(needs), notes


def _stored_once(ctx: Context) -> Fraction | None:
    """The data kept for the retention period, without the replica copies."""
    retention = ctx.request.retention_s
    if retention is None:
        return None
    per_day = ctx.writes.avg * SECONDS_PER_DAY * ctx.item
    return per_day * retention / SECONDS_PER_DAY
