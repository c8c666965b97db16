"""awsmap estimate: worked examples from AWS documentation and published interview breakdowns,
properties of the arithmetic, bad input, and the numbers the estimator reads."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awsmap.base.errors import UsageError
from awsmap.commands.estimate import (
    CHECKS,
    SERVICES,
    USED_LIMIT_IDS,
    Estimate,
    Limit,
    Need,
    estimate,
    load_limits,
    parse_request,
)
from awsmap.commands.estimate.flow import concurrency, shards
from awsmap.commands.estimate.storage import (
    capacity_units_per_request,
    read_units,
    throughput_partitions,
)
from awsmap.commands.estimate.units import (
    SIZE_UNITS,
    parse_count,
    parse_duration,
    parse_rate,
    parse_size,
)

LIMITS = load_limits()
KIB = 1024


def run(**options: str) -> Estimate:
    return estimate(parse_request(**options), LIMITS)


def need(result: Estimate, service: str, what: str) -> Need:
    return next(n for n in result.service(service).needs if n.what == what)


# --- Worked examples ------------------------------------------------------------------------


def test_dynamodb_write_of_3_5_kb_item_costs_4_wcu() -> None:
    # Amazon DynamoDB Developer Guide, Managing throughput settings on provisioned tables (Write
    # capacity units: BatchWriteItem of a 3.5 KB item rounds to 4 KB); numbers.yaml note.
    assert capacity_units_per_request(Fraction(3500), Fraction(1 * KIB)) == 4
    result = run(writes="1/s", item="3.5KB", on="dynamodb")
    assert need(result, "dynamodb", "write capacity units at peak").value == 3 * 4


def test_dynamodb_80_strong_reads_of_3_kb_need_80_rcu() -> None:
    # DynamoDB Developer Guide, Choosing initial throughput settings: 80 strongly consistent
    # reads/s of 3 KB items, 3 KB / 4 KB = 0.75 -> 1 RCU each, 80 RCU.
    result = run(reads="80/s", item="3KB", peak="1", on="dynamodb")
    assert need(result, "dynamodb", "read capacity units at peak").value == 80


def test_dynamodb_100_writes_of_512_bytes_need_100_wcu() -> None:
    # Same section: 100 writes/s of 512-byte items, 512 bytes / 1 KB = 0.5 -> 1, 100 WCU.
    result = run(writes="100/s", item="512B", peak="1", on="dynamodb")
    assert need(result, "dynamodb", "write capacity units at peak").value == 100


def test_dynamodb_8_kb_read_strong_eventual_transactional() -> None:
    # DynamoDB Developer Guide, Read capacity units: an 8 KB item costs 2 RCU strongly
    # consistent, 1 eventually consistent, 4 transactional (DynamoDB's KB is 1,024 bytes).
    unit = Fraction(4 * KIB)
    assert read_units(Fraction(8 * KIB), unit) == 2
    assert read_units(Fraction(8 * KIB), unit, "eventual") == 1
    assert read_units(Fraction(8 * KIB), unit, "transactional") == 4


def test_dynamodb_rounds_reads_to_4_kb_and_writes_to_1_kb() -> None:
    # GetItem: a 3.5 KB item rounds to 4 KB, a 10 KB item to 12 KB (3 RCU); PutItem: a 1.6 KB
    # item rounds to 2 KB (2 WCU); a 3,500-byte read costs what a 4 KB read does.
    assert capacity_units_per_request(Fraction(3500), Fraction(4 * KIB)) == 1
    assert capacity_units_per_request(Fraction(10 * KIB), Fraction(4 * KIB)) == 3
    assert capacity_units_per_request(Fraction(1600), Fraction(1 * KIB)) == 2


@pytest.mark.parametrize(
    ("rcu", "wcu", "partitions"),
    [(1000, 500, 1), (1000, 1000, 2), (5000, 2000, 4), (8000, 2000, 5)],
)
def test_dynamodb_partitions_from_throughput(rcu: int, wcu: int, partitions: int) -> None:
    # DynamoDB Developer Guide (archived edition), Best Practices for Tables, Understand
    # Partition Behavior: (1,000 / 3,000) + (500 / 1,000) = 0.8333 -> 1; (1,000 / 3,000) +
    # (1,000 / 1,000) = 1.333 -> 2; (5,000 / 3,000) + (2,000 / 1,000) = 3.6667 -> 4.
    # (8,000, 2,000) is the formula's minimum, 4.67 -> 5; the guide's 8 comes from doubling.
    reads = LIMITS["dynamodb-partition-max-reads"].value
    writes = LIMITS["dynamodb-partition-max-writes"].value
    assert throughput_partitions(Fraction(rcu), Fraction(wcu), reads, writes) == partitions


def test_kinesis_shards_max_of_bytes_in_and_bytes_out() -> None:
    # Kinesis Data Streams Developer Guide, Creating a stream: number_of_shards =
    # max(incoming_write_bandwidth_in_KiB / 1024, outgoing_read_bandwidth_in_KiB / 2048), with
    # outgoing = incoming × number_of_consumers. 2,000 records/s of 1 KiB to 3 consumers:
    # in 2,000 KiB/s -> 2 shards, out 6,000 KiB/s -> 3 shards; records 2,000 -> 2 shards.
    result = run(writes="2000/s", item="1KiB", peak="1", fanout="3", on="kinesis")
    assert need(result, "kinesis-data-streams", "shards for bytes in").value == 2
    assert need(result, "kinesis-data-streams", "shards for records in").value == 2
    assert need(result, "kinesis-data-streams", "shards for bytes out (shared polling)").value == 3
    assert result.service("kinesis-data-streams").bites_first.startswith("Kinesis Data Streams: 3")


def test_kinesis_small_records_bind_on_records() -> None:
    # Kinesis quotas: 1,000 records/s per shard binds before 1 MiB/s when records are tiny
    # (5,000 records/s of 100 bytes = 0.5 MB/s -> 1 shard by bytes, 5 by records).
    result = run(writes="5000/s", item="100B", peak="1", on="kinesis")
    assert need(result, "kinesis-data-streams", "shards for records in").value == 5
    assert "on records written" in result.service("kinesis-data-streams").bites_first


def test_s3_ten_prefixes_for_55000_gets() -> None:
    # Amazon S3 User Guide, Best practices design patterns: 5,500 GET/HEAD per second per
    # prefix, so ten prefixes give 55,000 reads per second.
    result = run(reads="55000/s", peak="1", on="s3")
    assert need(result, "s3", "prefixes for reads").value == 10
    more = run(reads="55001/s", peak="1", on="s3")
    assert need(more, "s3", "prefixes for reads").value == 11


@pytest.mark.parametrize(
    ("rate", "duration", "expected"),
    [("100/s", "1s", 100), ("100/s", "500ms", 50), ("5000/s", "200ms", 1000)],
)
def test_lambda_concurrency_examples(rate: str, duration: str, expected: int) -> None:
    # AWS Lambda Developer Guide, Understanding Lambda function scaling (Calculating concurrency):
    # 100 requests/s × 1 s = 100; 100 × 0.5 s = 50; 5,000 × 0.2 s = 1,000.
    result = run(writes=rate, duration=duration, peak="1", on="lambda")
    assert need(result, "lambda", "concurrent executions at peak").value == expected


def test_url_shortener_breakdown() -> None:
    # Alex Xu, System Design Interview vol. 1, Design a URL shortener: 100 million URLs a day
    # -> ~1,160 writes/s; 10:1 reads -> ~11,600 reads/s; 10 years of 100-byte records = 36.5 TB.
    result = run(writes="100M/day", read_ratio="10", item="100B", retention="10y", peak="1")
    assert round(result.writes.avg) == 1157
    assert round(result.reads.avg) == 11574
    assert result.bytes_total.value == 36_500 * 10**9


def test_twitter_breakdown() -> None:
    # Alex Xu, System Design Interview vol. 1, Back-of-the-envelope estimation (Twitter): 150M
    # DAU × 2 tweets/day ≈ 3,500 QPS, peak 2× ≈ 7,000; 10% carry 1 MB media, so 100 KB per tweet
    # on average: 30 TB/day, 55 PB over 5 years.
    result = run(dau="150M", writes="2/day", peak="2", item="100KB", retention="5y")
    assert round(result.writes.avg) == 3472 and round(result.writes.peak) == 6944
    assert result.bytes_per_day.value == 30 * 10**12
    assert result.bytes_total.value == 30 * 10**12 * 365 * 5  # 54.75 PB ≈ 55 PB
    assert result.writes.formula == (
        "150M users × 2 writes/day ÷ 86,400 s = 3,472 writes/s; ×2 peak = 6,944/s"
    )


def test_issue_example_formula_and_kinesis_sentence() -> None:
    # The issue's own example: 10M users × 20 writes/day ÷ 86,400 s = 2,315 writes/s; ×3 peak.
    result = run(dau="10M", writes="20/day", item="2KB", on="kinesis")
    assert result.writes.formula == (
        "10M users × 20 writes/day ÷ 86,400 s = 2,315 writes/s; ×3 peak = 6,944/s"
    )
    assert result.service("kinesis-data-streams").bites_first == (
        "Kinesis Data Streams: 14 shards, bound by 1 MiB/s per shard on writes"
    )
    assert any("peak is 3" in note for note in result.notes)


def test_quota_exceeded_bites_first_and_says_soft() -> None:
    result = run(writes="5000/s", reads="10000/s", duration="200ms", on="lambda,api-gateway")
    assert "over the 1,000 concurrent executions" in result.service("lambda").bites_first
    assert "soft quota" in result.service("api-gateway").bites_first
    limit = need(result, "api-gateway", "requests/s at peak").limit
    assert limit.id == "api-gateway-account-throttle" and limit.hard is False


def test_to_json_contract() -> None:
    result = run(dau="10M", writes="20/day", reads="200/day", item="2KB", retention="5y",
                 on=",".join(SERVICES))  # fmt: skip
    data = result.to_json()
    assert set(data) == {"inputs", "load", "data", "bandwidth", "services", "notes"}
    assert set(data["load"]) == {"writes_per_s", "reads_per_s"}
    assert {"avg", "peak"} <= set(data["load"]["writes_per_s"])
    assert {"bytes_per_day", "bytes_total"} <= set(data["data"])
    assert {"in_bytes_per_s", "out_bytes_per_s"} <= set(data["bandwidth"])
    for service in data["services"]:
        assert set(service) == {"id", "name", "needs", "bites_first"}
        assert service["bites_first"].startswith(service["name"] + ": ")
        for item in service["needs"]:
            assert set(item) == {"what", "value", "unit", "formula", "limit", "headroom"}
            assert set(item["limit"]) == {"id", "value", "unit", "hard", "source"}
            assert item["limit"]["source"] and item["formula"]


# --- The numbers the estimator reads ---------------------------------------------------------


def test_every_used_number_exists_with_a_source() -> None:
    for number_id in USED_LIMIT_IDS:
        assert number_id in LIMITS, number_id
        assert LIMITS[number_id].source.strip(), number_id


class Recording(Mapping[str, Limit]):
    """The limits, remembering every id the estimator asks for."""

    def __init__(self, limits: Mapping[str, Limit]) -> None:
        self.limits = limits
        self.asked: set[str] = set()

    def __getitem__(self, key: str) -> Limit:
        self.asked.add(key)
        return self.limits[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.limits)

    def __len__(self) -> int:
        return len(self.limits)


def test_estimator_reads_only_listed_numbers() -> None:
    recording = Recording(LIMITS)
    request = parse_request(
        dau="1M", writes="10/day", reads="100/day", item="1KB", retention="1y", replicas="3",
        fanout="3", duration="100ms", on=",".join(CHECKS),
    )  # fmt: skip
    estimate(request, recording)
    assert recording.asked == set(USED_LIMIT_IDS)


# --- Properties ------------------------------------------------------------------------------

rates = st.integers(min_value=1, max_value=10**7)
sizes = st.integers(min_value=1, max_value=10**8)


@given(rates, rates, sizes, sizes)
def test_more_load_never_needs_less(w1: int, w2: int, s1: int, s2: int) -> None:
    low_w, high_w = sorted((w1, w2))
    low_s, high_s = sorted((s1, s2))
    on = "dynamodb,kinesis,s3,sqs-fifo,lambda,api-gateway,elasticache"
    common = {"duration": "100ms", "retention": "30d", "fanout": "2", "on": on}
    low = run(writes=f"{low_w}/s", reads=f"{low_w}/s", item=f"{low_s}B", **common)
    high = run(writes=f"{high_w}/s", reads=f"{high_w}/s", item=f"{high_s}B", **common)
    for small, big in zip(low.services, high.services, strict=True):
        for a, b in zip(small.needs, big.needs, strict=True):
            assert a.what == b.what
            assert b.value >= a.value, (a.what, a.value, b.value)


@given(st.integers(min_value=1, max_value=10**12), st.sampled_from(sorted(SIZE_UNITS)))
def test_sizes_round_trip(count: int, unit: str) -> None:
    assert parse_size(f"{count}{unit}") == count * SIZE_UNITS[unit]
    assert parse_size(f"{count * SIZE_UNITS[unit]}B") == parse_size(f"{count}{unit.upper()}")


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["", "k", "M", "B"]))
def test_counts_round_trip(count: int, suffix: str) -> None:
    scale = {"": 1, "k": 10**3, "M": 10**6, "B": 10**9}[suffix]
    assert parse_count(f"{count}{suffix}") == count * scale
    assert parse_count(f"{count * scale:,}") == count * scale


@given(st.integers(min_value=1, max_value=10**6))
def test_rates_per_period_agree(count: int) -> None:
    per_day = parse_rate(f"{count * 24}/day", "--writes")
    per_hour = parse_rate(f"{count}/h", "--writes")
    assert per_day[0] / per_day[1] == per_hour[0] / per_hour[1]
    assert parse_duration(f"{count}d", "--retention") == parse_duration(f"{count * 24}h", "-r")


@given(st.fractions(min_value=1, max_value=10**6), st.fractions(min_value=1, max_value=10**3))
def test_capacity_is_a_ceiling(demand: Fraction, per_unit: Fraction) -> None:
    units = shards(demand, per_unit)
    assert units * per_unit >= demand > (units - 1) * per_unit or units == 1
    assert concurrency(demand, per_unit) == demand * per_unit


# --- Bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "names"),
    [
        ({"dau": "-5", "writes": "1/day"}, "10M"),
        ({"writes": "1/s", "item": "2XB"}, "KiB"),
        ({"writes": "5/fortnight"}, "/day"),
        ({"writes": "1/s", "on": "dynamodb,nosuchdb"}, "kinesis-data-streams"),
        ({"writes": "1/s", "peak": "0.5"}, "at least 1"),
        ({"writes": "1/s", "retention": "5 aeons"}, "5y"),
        ({"writes": "1/s", "replicas": "two"}, "whole number"),
        ({"dau": "10M"}, "--writes"),
        ({"writes": "1/s", "reads": "1/s", "read_ratio": "10"}, "--read-ratio"),
    ],
)
def test_bad_input_is_one_line_naming_the_forms(options: dict[str, str], names: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_request(**options)
    message = caught.value.message
    assert "\n" not in message and names in message
