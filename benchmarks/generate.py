"""Write a synthetic user dataset in the real schema, shaped like the guide's entries.

Usage: python benchmarks/generate.py COUNT OUTDIR [--per-file N]

Entries are split over files of at most ``--per-file`` technologies (default 1,100), since one
data file may be at most 24 MiB. Deterministic: the same COUNT gives the same files.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

import yaml

from awsmap.catalog import loader
from awsmap.catalog.kinds import AWS_SERVICE, CATEGORY

WORDS = (
    "stream partition replica cache query index shard broker cluster ledger schema lake pipeline "
    "scheduler gateway mesh tracing metrics storage durable latency throughput consensus failover "
    "snapshot compaction tiering federation"
).split()


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def entries(count: int) -> list[dict[str, Any]]:
    data = loader.load().dataset
    categories = [c.id for c in data.of(CATEGORY)]
    services = [s.id for s in data.of(AWS_SERVICE)]
    rng = random.Random(count)
    out = []
    for i in range(1, count + 1):
        out.append(
            {
                "id": f"synth-{i:05d}",
                "name": f"Synthetic Tech {i:05d}",
                "aliases": [f"st{i:05d}", f"synthetic {i:05d}"],
                "categories": rng.sample(categories, 2),
                "what_it_is": _sentence(rng, 14),
                "aws_equivalents": [
                    {
                        "service": svc,
                        "relation": rng.choice(["managed", "compatible", "analogous"]),
                        "note": _sentence(rng, 16),
                    }
                    for svc in rng.sample(services, 2)
                ],
                "parallels": [
                    {"aspect": rng.choice(WORDS).title(), "detail": _sentence(rng, 10)}
                    for _ in range(5)
                ],
                "interview_phrases": [_sentence(rng, 15) for _ in range(2)],
                "key_features": [
                    f"{rng.choice(WORDS).title()}: {_sentence(rng, 8)}" for _ in range(5)
                ],
                "use_cases": [
                    f"{rng.choice(WORDS).title()}: {_sentence(rng, 6)}" for _ in range(4)
                ],
            }
        )
    return out


def write(count: int, outdir: Path, per_file: int = 1100) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    techs = entries(count)
    paths = []
    for n, start in enumerate(range(0, count, per_file), 1):
        path = outdir / f"synthetic-{count}-{n:02d}.yaml"
        body = yaml.safe_dump(
            {"technologies": techs[start : start + per_file]},
            sort_keys=False,
            allow_unicode=True,
            width=100,
        )
        path.write_text(
            "# yaml-language-server: $schema=awsmap-data.schema.json\n" + body, encoding="utf-8"
        )
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--per-file", type=int, default=1100)
    args = parser.parse_args()
    for path in write(args.count, args.outdir, args.per_file):
        print(path)


if __name__ == "__main__":
    main()
