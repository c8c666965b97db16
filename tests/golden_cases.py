"""The golden corpus: command lines whose whole output (stdout, stderr, exit code) is pinned in
``tests/golden/``. Regenerate after a deliberate change, then review the diff like code:

    python -m tests.golden_cases

Every case runs in-process through ``entry.run`` (as the script does) at 100 columns, in a fresh
state directory, with a private cache, so the files do not depend on the machine.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
NOW = "2026-12-01T09:00:00Z"

# (file name, command line, stdin)
CASES: list[tuple[str, list[str], str | None]] = [
    ("help", ["--help"], None),
    ("help-short", ["-h"], None),
    ("bare", [], None),
    ("version", ["--version"], None),
    ("lookup-kafka", ["lookup", "kafka"], None),
    ("lookup-kafka-json", ["lookup", "kafka", "--json"], None),
    ("lookup-kafka-full", ["lookup", "kafka", "--full"], None),
    ("lookup-kafka-full-json", ["kafka", "--full", "--json"], None),
    ("lookup-typo", ["lookup", "kafak"], None),
    ("lookup-typo-json", ["lookup", "kafak", "--json"], None),
    ("lookup-abbreviation", ["k8s"], None),
    ("lookup-aws-name", ["lookup", "dynamodb"], None),
    ("lookup-nonsense", ["lookup", "zzzzqq"], None),
    ("lookup-nonsense-json", ["lookup", "zzzzqq", "--json"], None),
    ("lookup-ambiguous", ["lookup", "elastic"], None),
    ("lookup-empty", ["lookup", ""], None),
    ("lookup-hostile", ["lookup", "\x1b[31mred\x1b[0m"], None),
    ("lookup-missing-name", ["lookup"], None),
    ("lookup-unknown-option", ["lookup", "kafka", "--nope"], None),
    ("lookup-help", ["lookup", "--help"], None),
    ("mistyped-command", ["lookpu", "kafka"], None),
    ("aws-dynamodb", ["aws", "dynamodb"], None),
    ("aws-dynamodb-json", ["aws", "ddb", "--json"], None),
    ("aws-retired", ["aws", "app", "mesh"], None),
    ("aws-brief", ["aws", "app", "mesh", "--brief"], None),
    ("aws-help", ["aws", "--help"], None),
    ("category-cache", ["category", "cache"], None),
    ("category-json", ["category", "databases", "--json"], None),
    ("categories", ["categories"], None),
    ("categories-json", ["categories", "--json"], None),
    ("compare", ["compare", "redis", "memcached"], None),
    ("compare-json", ["compare", "sqs", "sns", "eventbridge", "--json"], None),
    ("compare-one", ["compare", "redis"], None),
    ("compare-help", ["compare", "--help"], None),
    ("search", ["search", "stream", "processing"], None),
    ("search-json", ["search", "cdc", "-n", "3", "--json"], None),
    ("search-limit-out-of-range", ["search", "x", "-n", "0"], None),
    ("search-help", ["search", "--help"], None),
    ("list", ["list"], None),
    ("list-json", ["list", "--json"], None),
    ("stack", ["stack", "postgres", "redis", "kafka", "elasticsearch", "k8s"], None),
    ("stack-json", ["stack", "postgres,", "redis", "--json"], None),
    ("stack-markdown", ["stack", "apache kafka", "flink", "--format", "markdown"], None),
    ("stack-mermaid", ["stack", "postgres", "redis", "--format", "mermaid"], None),
    ("stack-dot", ["stack", "postgres", "redis", "--format", "dot"], None),
    ("stack-stdin", ["stack", "--file", "-"], "services:\n  db:\n    image: postgres:16\n"),
    ("stack-nothing", ["stack", "nosuchthingzz"], None),
    ("stack-retired", ["stack", "app mesh", "qldb"], None),
    ("stack-compose-v1", ["stack", "--file", "-"], "db:\n  image: postgres:16\nweb:\n  build: .\n"),
    ("stack-bad-format", ["stack", "postgres", "--format", "nope"], None),
    ("stack-help", ["stack", "--help"], None),
    ("patterns", ["patterns"], None),
    ("patterns-tag-json", ["patterns", "--tag", "messaging", "--json"], None),
    ("patterns-unknown-tag", ["patterns", "--tag", "nosuchtag"], None),
    ("pattern", ["pattern", "leader", "election"], None),
    ("pattern-json", ["pattern", "idempotency", "--json"], None),
    ("roles", ["roles"], None),
    ("role-cache", ["role", "cache"], None),
    ("architectures", ["architectures"], None),
    ("architectures-json", ["architectures", "--json"], None),
    ("architecture", ["architecture", "url-shortener"], None),
    ("architecture-json", ["architecture", "url-shortener", "--json"], None),
    ("architecture-markdown", ["architecture", "chat", "--format", "markdown"], None),
    ("architecture-mermaid", ["architecture", "chat", "--format", "mermaid"], None),
    ("questions", ["questions"], None),
    ("questions-json", ["questions", "--json"], None),
    ("question", ["question", "kafka-vs-kinesis"], None),
    ("question-answer", ["question", "kafka-vs-kinesis", "--answer"], None),
    ("question-json", ["question", "kafka-vs-kinesis", "--json"], None),
    ("tips", ["tips"], None),
    ("tips-json", ["tips", "--group", "cap-theorem", "--json"], None),
    ("services", ["services", "--retired"], None),
    ("services-json", ["services", "--json"], None),
    ("services-both", ["services", "--retired", "--status", "available"], None),
    (
        "estimate",
        [
            *("estimate", "--dau", "10M", "--writes", "20/day", "--read-ratio", "10"),
            *("--item", "2KB", "--retention", "5y", "--on", "dynamodb,s3,api-gateway"),
        ],
        None,
    ),
    (
        "estimate-json",
        [
            *("estimate", "--writes", "5000/s", "--item", "1KB", "--fanout", "3"),
            *("--on", "kinesis,lambda,sqs-fifo", "--duration", "200ms", "--json"),
        ],
        None,
    ),
    ("estimate-bad-size", ["estimate", "--writes", "10/s", "--item", "2XB"], None),
    ("estimate-bad-rate", ["estimate", "--writes", "5/fortnight"], None),
    ("estimate-unknown-service", ["estimate", "--writes", "10/s", "--on", "redshift"], None),
    ("estimate-help", ["estimate", "--help"], None),
    ("numbers", ["numbers", "dynamodb"], None),
    ("numbers-json", ["numbers", "kinesis", "--json"], None),
    ("numbers-latency", ["numbers", "--group", "latency"], None),
    ("numbers-kafka", ["numbers", "kafka"], None),
    ("numbers-bad-group", ["numbers", "--group", "speed"], None),
    ("numbers-help", ["numbers", "--help"], None),
    ("quiz", ["quiz", "--count", "2", "--cram"], "msk\n\n"),
    ("quiz-json", ["quiz", "--count", "2", "--cram", "--json"], "msk\nnope\n"),
    ("quiz-choice", ["quiz", "--count", "1", "--mode", "choice", "--cram"], "2\n"),
    ("quiz-bad-mode", ["quiz", "--mode", "nope"], None),
    ("quiz-bad-until", ["quiz", "--until", "tomorrow"], None),
    ("quiz-count-zero", ["quiz", "--count", "0"], None),
    ("quiz-help", ["quiz", "--help"], None),
    ("quiz-until-past", ["quiz", "--until", "2020-01-01"], None),
    ("quiz-numbers", ["quiz", "--kind", "number", "--count", "2"], "0.4 MB\n1000 wcu\n"),
    ("drill", ["drill", "url-shortener"], "cloudfront\napi gateway\n"),
    ("drill-help", ["drill", "--help"], None),
    ("stats", ["stats"], None),
    ("stats-json", ["stats", "--json"], None),
    ("progress-help", ["progress", "--help"], None),
    ("export-help", ["export", "--help"], None),
    ("cache-help", ["cache", "--help"], None),
    ("validate-help", ["validate", "--help"], None),
    ("validate-missing", ["validate", "no-such-file.yaml"], None),
    ("color-always", ["--color", "always", "compare", "redis", "memcached"], None),
    ("color-bad", ["--color", "purple", "lookup", "kafka"], None),
    ("data-missing", ["--data", "no-such-file.yaml", "lookup", "kafka"], None),
]

_TMP = re.compile(r"/[^\s'\"]*?/golden-run[^\s'\"]*")


def run_case(args: list[str], stdin: str | None, cache: str) -> str:
    """One case's output, in the file's format."""
    from tests.harness import invoke

    with tempfile.TemporaryDirectory(prefix="golden-run") as tmp:
        old = Path.cwd()
        os.chdir(tmp)
        try:
            env = {
                "COLUMNS": "100",
                "AWSMAP_CACHE_DIR": cache,
                "AWSMAP_STATE_DIR": "state",
                "AWSMAP_NOW": NOW,
                "AWSMAP_DATA": "",
                "NO_COLOR": "",
                "TERM": "dumb",
            }
            result = invoke(args, stdin=stdin, env=env)
        finally:
            os.chdir(old)
    stdout = result.stdout_bytes.decode("utf-8", "backslashreplace")
    stderr = result.stderr_bytes.decode("utf-8", "backslashreplace")
    shown = " ".join(repr(a) if (not a or " " in a or not a.isprintable()) else a for a in args)
    text = (
        f"$ awsmap {shown}\n--- exit {result.exit_code}\n--- stdout\n{stdout}--- stderr\n{stderr}"
    )
    return _TMP.sub("<tmp>", text)


def _clean_env() -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "AWSMAP_DEBUG", "AWSMAP_DATA"):
        os.environ.pop(name, None)


def main() -> None:
    _clean_env()
    GOLDEN.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as cache:
        for name, args, stdin in CASES:
            (GOLDEN / f"{name}.txt").write_text(run_case(args, stdin, cache), encoding="utf-8")
    stale = {p.stem for p in GOLDEN.glob("*.txt")} - {n for n, _, _ in CASES}
    for name in sorted(stale):
        (GOLDEN / f"{name}.txt").unlink()
    sys.stdout.write(f"wrote {len(CASES)} golden files in tests/golden/\n")


if __name__ == "__main__":
    main()
