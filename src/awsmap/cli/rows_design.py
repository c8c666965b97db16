"""Rows of the command table (``cli/table.py``) for design: stack, patterns, roles, architectures,
questions, tips, services and numbers."""

from __future__ import annotations

from awsmap.cli import completion
from awsmap.cli.options import (
    BRIEF,
    EXAMPLES,
    FORMAT,
    JSON,
    TAG,
    Command,
    Flag,
    TextOption,
    Words,
)

DESIGN_ROWS: tuple[Command, ...] = (
    Command(
        "stack",
        "stack",
        "Your design on AWS: each component's recommended AWS service, relation and warnings.\n\n"
        "The recommendation is the best current answer: never a retired service where an "
        "available one\nis listed; managed before compatible before analogous unless the data "
        "says why. Exit 0 when at\nleast one component maps, 1 when none does.\n\n"
        f"{EXAMPLES}awsmap stack postgres redis kafka elasticsearch k8s ·\n"
        'awsmap stack "apache kafka", flink --format markdown ·\n'
        "awsmap stack --file docker-compose.yml --format mermaid",
        ("postgres", "redis", "kafka", "elasticsearch", "k8s"),
        Words(
            "names",
            "[NAME...]",
            "Components: technologies or AWS services; quote multi-word names or separate them "
            "with commas.",
            required=False,
            complete=completion.TECH_OR_SERVICE,
        ),
        (
            TextOption(
                ("--file", "-f"),
                "file",
                "Read the components from a docker-compose file (by image) or a list of names, "
                "one per line; '-' reads standard input.",
                "PATH",
            ),
            FORMAT,
            JSON,
        ),
    ),
    Command(
        "patterns",
        "designs",
        "Every building block (rate limiting, leader election, CDC...) with its AWS answer.\n\n"
        f"{EXAMPLES}awsmap patterns · awsmap patterns --tag messaging · awsmap patterns --json",
        (),
        options=(TAG, JSON),
    ),
    Command(
        "pattern",
        "designs",
        "A building block: the AWS way and the open-source way to build it, pitfalls, phrases."
        f"\n\n{EXAMPLES}awsmap pattern leader election · awsmap pattern cdc ·\n"
        'awsmap pattern "rate limiting" --json',
        ("leader", "election"),
        Words(
            "name",
            "NAME...",
            "Pattern name, alias or id (CDC, DLQ...).",
            complete=completion.PATTERN,
        ),
        (BRIEF, JSON),
    ),
    Command(
        "roles",
        "roles",
        "Every role (object storage, message queue, cache...) with its default AWS answer.\n\n"
        f"{EXAMPLES}awsmap roles · awsmap roles --json",
        (),
    ),
    Command(
        "role",
        "roles",
        "A generic word (cache, queue, CDN) and its AWS answer, with when to pick each choice.\n\n"
        "Also the alternatives outside AWS and the building blocks it relates to. A broad role\n"
        "(database, storage, compute, analytics, messaging) lists its choices with no default."
        "\n\n"
        f'{EXAMPLES}awsmap role object storage · awsmap role cache · awsmap role "pub/sub" ·\n'
        "awsmap role database --json",
        ("object", "storage"),
        Words(
            "name",
            "NAME...",
            "Role name or alias (blob storage, queue, CDN...).",
            complete=completion.names_of("ROLE"),
        ),
    ),
    Command(
        "architectures",
        "designs",
        "Classic interview designs, each in its open-source form and its AWS form.\n\n"
        f"{EXAMPLES}awsmap architectures · awsmap architectures --json",
        (),
        options=(TAG, JSON),
    ),
    Command(
        "architecture",
        "designs",
        "A design: its components in open-source and AWS form, the flow and the trade-offs.\n\n"
        f"{EXAMPLES}awsmap architecture url shortener ·\n"
        "awsmap architecture chat --format mermaid · awsmap architecture payments --format "
        "markdown",
        ("url-shortener",),
        Words("name", "NAME...", "Architecture id or name.", complete=completion.ARCHITECTURE),
        (FORMAT, BRIEF, JSON),
    ),
    Command(
        "questions",
        "designs",
        "Practice questions interviewers ask about these technologies.\n\n"
        f"{EXAMPLES}awsmap questions · awsmap questions --tag messaging",
        (),
        options=(TAG, JSON),
    ),
    Command(
        "question",
        "designs",
        "A practice question; think first, then --answer shows the model answer in both forms."
        f"\n\n{EXAMPLES}awsmap question kafka-vs-kinesis · awsmap question kafka-vs-kinesis "
        "--answer",
        ("kafka-vs-kinesis",),
        Words("name", "ID...", "Question id or title.", complete=completion.QUESTION),
        (Flag(("--answer",), "answer", "Add the model answer and the trade-offs."), JSON),
    ),
    Command(
        "tips",
        "reference",
        "Interview tips, CAP theorem notes (corrected) and the study strategy.\n\n"
        f"{EXAMPLES}awsmap tips · awsmap tips --group cap · awsmap tips --random",
        (),
        options=(
            TextOption(("--group",), "group", "Only one group.", "[tip|cap|strategy]"),
            Flag(("--random",), "pick", "Print one tip, chosen at random."),
            JSON,
        ),
    ),
    Command(
        "services",
        "reference",
        "Every AWS service in the catalog with its status, date and successors.\n\n"
        f"{EXAMPLES}awsmap services · awsmap services --retired ·\n"
        "awsmap services --status end-of-support --json",
        (),
        options=(
            TextOption(
                ("--status",),
                "status",
                "Only services with this status.",
                "[available|closed-to-new-customers|end-of-support|discontinued]",
            ),
            Flag(
                ("--retired",), "retired", "Only services not to recommend today (not available)."
            ),
            JSON,
        ),
    ),
    Command(
        "numbers",
        "reference",
        "Figures for back-of-envelope maths, with sources: latencies, throughput, sizes, AWS "
        "limits.\n\nThe latency ladder, network round trips, device throughput, what one server "
        "handles, bytes per object, and AWS service limits. A technology gives its own rules of "
        "thumb and its AWS equivalents' limits.\n\n"
        f"{EXAMPLES}awsmap numbers · awsmap numbers --group latency · awsmap numbers kafka · "
        "awsmap numbers dynamodb · awsmap numbers sqs --json",
        ("kafka",),
        Words(
            "name",
            "[NAME...]",
            "Only this AWS service, or this technology and its AWS equivalents.",
            required=False,
            complete=completion.TECH_OR_SERVICE,
        ),
        (
            TextOption(
                ("--group",),
                "group",
                "Only one group of figures.",
                "[latency|network|throughput|capacity|sizes|aws-limits]",
            ),
            BRIEF,
            JSON,
        ),
    ),
)
