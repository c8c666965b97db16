"""Measure awsmap's start-up and scale targets against their baselines.

Usage: python benchmarks/bench.py [--runs N] [--skip-scale] [--only N [N ...]]

Each target is timed side by side with its baseline: runs alternate (target, baseline, target,
...) so that both see the same machine state, and the median of the run-by-run ratios is compared
with the target. The installed ``awsmap`` script next to this Python is measured, with a private
cache directory; the ``tldr`` client (pip install ".[bench]") is target 2's yardstick. See
benchmarks/README.md for the targets and the latest numbers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
AWSMAP = str(Path(PY).with_name("awsmap"))
TLDR = str(Path(PY).with_name("tldr"))  # pip install ".[bench]"
TYPER = [PY, "-c", "import typer"]
LOOKUP = [AWSMAP, "lookup", "kafka"]
COLD_LIMIT_S = 8  # the first run over 11,000 user entries, an absolute limit (issue 16)
# What the tldr client renders for target 2: a page of about the same size as a lookup's text.
TLDR_PAGE = """# kafka

> Distributed event streaming platform: durable, partitioned, replicated logs of records.
> More information: <https://kafka.apache.org/documentation/>.

- Start a producer that sends messages to a topic:

`kafka-console-producer.sh --topic {{topic}} --bootstrap-server {{localhost:9092}}`

- Start a consumer that reads a topic from the beginning:

`kafka-console-consumer.sh --topic {{topic}} --from-beginning --bootstrap-server {{localhost:9092}}`

- List the topics of a cluster:

`kafka-topics.sh --list --bootstrap-server {{localhost:9092}}`

- Describe a consumer group and its lag:

`kafka-consumer-groups.sh --describe --group {{group}} --bootstrap-server {{localhost:9092}}`
"""
# A few answers for the study session that gives `stats` some history.
ANSWERS = "msk\n\nrds\nelasticache\nopensearch\n\nkinesis\n\ndynamodb\nsqs\n"


@dataclass
class Outcome:
    name: str
    baseline_ms: float  # median
    measured_ms: float  # median
    ratio: float  # median of the run-by-run ratios
    limit: float

    @property
    def ok(self) -> bool:
        return self.ratio <= self.limit


def _env(cache: Path) -> dict[str, str]:
    env = dict(
        os.environ,
        AWSMAP_CACHE_DIR=str(cache),
        AWSMAP_STATE_DIR=str(cache.parent / "state"),
        COLUMNS="100",
    )
    env.pop("AWSMAP_SHIPPED_INDEX", None)  # measure what users get
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # let an editable install keep its .pyc files
    env.pop("AWSMAP_DATA", None)
    return env


def _time(cmd: Sequence[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        cmd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return (time.perf_counter() - started) * 1000


def side_by_side(
    name: str,
    cmd: Sequence[str],
    baseline: Sequence[str],
    env: dict[str, str],
    runs: int,
    limit: float,
) -> Outcome:
    """Alternating runs; the ratio is the median of each run's ratio to the baseline run next to
    it, which a machine whose speed drifts during the measurement moves less than a ratio of
    medians."""
    for _ in range(3):  # warm-up: caches, .pyc files, page cache
        _time(cmd, env)
        _time(baseline, env)
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.append(_time(cmd, env))
        b.append(_time(baseline, env))
    ratio = statistics.median(x / y for x, y in zip(a, b, strict=True))
    return Outcome(name, statistics.median(b), statistics.median(a), ratio, limit)


def peak_rss_mib(cmd: Sequence[str], env: dict[str, str]) -> float:
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [PY, "-c", probe, *cmd], env=env, capture_output=True, text=True, check=True
    ).stdout
    kib = int(out.strip())
    return kib / 1024 if sys.platform != "darwin" else kib / 1048576


def targets(page: str) -> list[tuple[str, list[str], list[str], float]]:
    """(name, command, baseline, limit): the limits of issues 10 to 13, 18, 21, 22 and the first
    release."""
    return [
        ("1. lookup kafka --json", [*LOOKUP, "--json"], TYPER, 0.60),
        ("2. lookup kafka (Rich, 100 cols, piped)", LOOKUP, [TLDR, "-r", page], 1.00),
        (
            '3. search "stream processing" --json',
            [AWSMAP, "search", "stream processing", "--json"],
            TYPER,
            0.70,
        ),
        ("4. lookup kafak --json (fuzzy)", [AWSMAP, "lookup", "kafak", "--json"], TYPER, 0.70),
        (
            "5. stack of five names",
            [AWSMAP, "stack", "postgres", "redis", "kafka", "elasticsearch", "k8s"],
            LOOKUP,
            1.20,
        ),
        ("6. quiz: first card on screen", [AWSMAP, "quiz", "--count", "1", "--cram"], LOOKUP, 1.50),
        ("7. stats", [AWSMAP, "stats"], LOOKUP, 1.30),
        (
            "11. estimate on three services",
            [
                *(AWSMAP, "estimate", "--dau", "10M", "--writes", "20/day", "--read-ratio", "10"),
                *("--item", "2KB", "--on", "dynamodb,kinesis,s3"),
            ],
            LOOKUP,
            1.20,
        ),
        ("12. front door: idempotency --json", [AWSMAP, "idempotency", "--json"], TYPER, 0.70),
        ("13. drill: first prompt on screen", [AWSMAP, "drill", "url-shortener"], LOOKUP, 1.50),
    ]


def _first_run(work: Path, env: dict[str, str], runs: int) -> Outcome:
    """Target 10: the first run after an install, with an empty cache every time (a wheel ships
    the index of the bundled data; an editable install has none and compiles it each time)."""
    first_cache = work / "first-cache"
    first_env = dict(env, AWSMAP_CACHE_DIR=str(first_cache))
    first = ["sh", "-c", 'rm -rf "$1" && exec "$0" lookup kafka --json', AWSMAP, str(first_cache)]
    name = "10. first run after install (empty cache)"
    outcome = side_by_side(name, first, [*LOOKUP, "--json"], first_env, runs, 1.5)
    print("  measured 10. first run", file=sys.stderr)
    return outcome


def _scale(work: Path, runs: int) -> tuple[Outcome, str, bool]:
    """Target 8 (warm runs over 11,000 user entries) and the cold first run over them."""
    sys.path.insert(0, str(HERE))
    from generate import write

    files = write(11_000, work / "data")
    data_args = [a for f in files for a in ("--data", str(f))]
    scaled = [AWSMAP, *data_args, "lookup", "kafka", "--json"]
    scale_env = _env(work / "scale-cache")
    cold = _time(scaled, scale_env)
    name = "8. target 1 with 11,000 user entries (warm)"
    warm = side_by_side(name, scaled, [*LOOKUP, "--json"], scale_env, runs, 1.5)
    size = sum(f.stat().st_size for f in files) / 1048576
    cold_ok = cold <= COLD_LIMIT_S * 1000
    line = (
        f"   cold first run with 11,000 user entries ({len(files)} files, {size:.0f} MiB of "
        f"YAML, compiles the index once): {cold / 1000:.1f} s, limit {COLD_LIMIT_S} s  "
        f"{'pass' if cold_ok else 'FAIL'}"
    )
    return warm, line, cold_ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="timed runs of each command (>= 10)")
    parser.add_argument("--skip-scale", action="store_true", help="skip the 11,000-entry target")
    parser.add_argument(
        "--only", type=int, nargs="+", metavar="N", help="only these targets (e.g. --only 1 4)"
    )
    args = parser.parse_args()
    wanted = set(args.only or range(1, 20))
    for script, how in ((AWSMAP, "pip install ."), (TLDR, 'pip install ".[bench]"')):
        if not Path(script).exists():
            print(f"no {Path(script).name} script next to {PY}; run '{how}' first", file=sys.stderr)
            return 2
    runs = max(args.runs, 10)
    work = Path(tempfile.mkdtemp(prefix="awsmap-bench-"))
    try:
        env = _env(work / "cache")
        page = work / "kafka.md"
        page.write_text(TLDR_PAGE, encoding="utf-8")
        # some study history for stats (and a warm index for everything)
        subprocess.run(
            [AWSMAP, "quiz", "--count", "10"],
            input=ANSWERS.encode(),
            env=env,
            stdout=subprocess.DEVNULL,
            check=True,
        )
        outcomes: list[Outcome] = []
        for name, cmd, base, limit in targets(str(page)):
            if int(name.split(".")[0]) not in wanted:
                continue
            outcomes.append(side_by_side(name, cmd, base, env, runs, limit))
            print(f"  measured {name}", file=sys.stderr)
        if 10 in wanted:
            outcomes.append(_first_run(work, env, runs))
        lines: list[str] = []
        cold_ok = True
        if not args.skip_scale and 8 in wanted:
            warm, line, cold_ok = _scale(work, runs)
            outcomes.append(warm)
            lines.append(line)
        rss = peak_rss_mib(LOOKUP, env) if 9 in wanted else 0.0
        print()
        print(
            f"awsmap benchmark: medians of {runs} alternating runs, Python "
            f"{sys.version.split()[0]}, {os.cpu_count()} cores"
        )
        print(f"{'target':46} {'baseline':>10} {'awsmap':>10} {'ratio':>7} {'limit':>7}  result")
        for o in outcomes:
            print(
                f"{o.name:46} {o.baseline_ms:8.1f}ms {o.measured_ms:8.1f}ms {o.ratio:7.2f} "
                f"{o.limit:7.2f}  {'pass' if o.ok else 'FAIL'}"
            )
        rss_ok = rss <= 25
        if 9 in wanted:
            print(
                f"{'9. peak RSS of lookup kafka (Rich)':46} {'':>10} {rss:7.1f}MiB {'':>7} "
                f"{'25 MiB':>7}  {'pass' if rss_ok else 'FAIL'}"
            )
        print(
            "baselines: 1, 3, 4: python -c 'import typer'; 2: tldr -r PAGE (the Python tldr "
            "client); 5, 6, 7, 11: awsmap lookup kafka; 8: target 1 without user data; 10: a warm "
            "lookup kafka --json"
        )
        for line in lines:
            print(line)
        return 0 if all(o.ok for o in outcomes) and rss_ok and cold_ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
