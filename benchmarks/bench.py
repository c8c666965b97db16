"""Measure awsmap's start-up and scale targets against their baselines.

Usage: python benchmarks/bench.py [--runs N] [--skip-scale]

Each target is timed side by side with its baseline: runs alternate (target, baseline, target,
...) so that both see the same machine state, and the ratio of medians is compared with the
target. The installed ``awsmap`` script next to this Python is measured, with a private cache
directory. See benchmarks/README.md for the targets and the latest numbers.
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
TYPER = [PY, "-c", "import typer"]
TYPER_RICH = [PY, "-c", "import typer, rich.console, rich.table"]


@dataclass
class Outcome:
    name: str
    target: float
    baseline_ms: float
    measured_ms: float
    limit: float

    @property
    def ratio(self) -> float:
        return self.measured_ms / self.baseline_ms

    @property
    def ok(self) -> bool:
        return self.ratio <= self.limit


def _env(cache: Path) -> dict[str, str]:
    env = dict(os.environ, AWSMAP_CACHE_DIR=str(cache), COLUMNS="100")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # let an editable install keep its .pyc files
    env.pop("AWSMAP_DATA", None)
    return env


def _time(cmd: Sequence[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - started) * 1000


def side_by_side(
    cmd: Sequence[str], baseline: Sequence[str], env: dict[str, str], runs: int
) -> tuple[float, float]:
    for _ in range(3):  # warm-up: caches, .pyc files, page cache
        _time(cmd, env)
        _time(baseline, env)
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.append(_time(cmd, env))
        b.append(_time(baseline, env))
    return statistics.median(a), statistics.median(b)


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="timed runs of each command (>= 10)")
    parser.add_argument("--skip-scale", action="store_true", help="skip the 11,000-entry target")
    args = parser.parse_args()
    if not Path(AWSMAP).exists():
        print(f"no awsmap script next to {PY}; run 'pip install .' first", file=sys.stderr)
        return 2
    runs = max(args.runs, 10)
    work = Path(tempfile.mkdtemp(prefix="awsmap-bench-"))
    try:
        env = _env(work / "cache")
        outcomes: list[Outcome] = []
        targets = [
            ("1. lookup kafka --json", [AWSMAP, "lookup", "kafka", "--json"], TYPER, 1.15),
            ("2. lookup kafka (Rich, 100 cols)", [AWSMAP, "lookup", "kafka"], TYPER_RICH, 1.10),
            ("3. lookup kafak --json (fuzzy)", [AWSMAP, "lookup", "kafak", "--json"], TYPER, 1.25),
            (
                '4. search "stream processing" --json',
                [AWSMAP, "search", "stream processing", "--json"],
                TYPER,
                1.30,
            ),
        ]
        for name, cmd, base, limit in targets:
            measured, baseline = side_by_side(cmd, base, env, runs)
            outcomes.append(Outcome(name, limit, baseline, measured, limit))
            print(f"  measured {name}", file=sys.stderr)
        lines = []
        if not args.skip_scale:
            sys.path.insert(0, str(HERE))
            from generate import write

            files = write(11_000, work / "data")
            data_args = [a for f in files for a in ("--data", str(f))]
            scaled = [AWSMAP, *data_args, "lookup", "kafka", "--json"]
            scale_env = _env(work / "scale-cache")
            cold = _time(scaled, scale_env)
            measured, baseline = side_by_side(scaled, targets[0][1], scale_env, runs)
            outcomes.append(
                Outcome("5. target 1 with 11,000 user entries (warm)", 1.5, baseline, measured, 1.5)
            )
            size = sum(f.stat().st_size for f in files) / 1048576
            lines.append(
                f"   cold first run with 11,000 user entries ({len(files)} files, "
                f"{size:.0f} MiB of YAML): {cold / 1000:.1f} s (compiles the index once)"
            )
        rss = peak_rss_mib([AWSMAP, "lookup", "kafka"], env)
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
        rss_ok = rss <= 40
        print(
            f"{'6. peak RSS of lookup kafka (Rich)':46} {'':>10} {rss:7.1f}MiB {'':>7} "
            f"{'40 MiB':>7}  {'pass' if rss_ok else 'FAIL'}"
        )
        print(
            "baselines: 1, 3, 4 and 5's own: python -c 'import typer' (5: target 1 without "
            "user data); 2: python -c 'import typer, rich.console, rich.table'"
        )
        for line in lines:
            print(line)
        return 0 if all(o.ok for o in outcomes) and rss_ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
