"""The command table: every command, its words, its options and the function that runs it.

This is the one place a command is declared. The parser (``cli/parse.py``) reads argv against
it; Typer's help, usage errors and shell completion (``cli/app.py``) are generated from it; the
process layer reads ``interactive``; the tests read it to check the README and the JSON contract.
A row names its function as ``family`` (a module of ``awsmap.commands``) and ``function``; the
module is imported only when its command runs (``tests/test_commands.py`` resolves every row).
"""

from __future__ import annotations

from awsmap.cli import completion
from awsmap.cli.options import (
    BRIEF,
    ESTIMATE_OPTIONS,
    EXAMPLES,
    JSON,
    LIMIT,
    Command,
    Flag,
    Words,
)
from awsmap.cli.rows_design import DESIGN_ROWS
from awsmap.cli.rows_study import STUDY_ROWS

COMMANDS: tuple[Command, ...] = (
    Command(
        "show",
        "front",
        "The entry of any kind these words name: what `awsmap WORDS` does.\n\n"
        "A technology, AWS service, role, pattern, architecture, practice question, category,\n"
        "comparison (`s3 vs efs`) or tip, shown as its own command shows it; a name awsmap does\n"
        "not know is 'not found', with the search hits that come closest.\n\n"
        f"{EXAMPLES}awsmap kafka · awsmap idempotency · awsmap s3 vs efs ·\n"
        "awsmap show cap theorem --json | jq .kind",
        ("idempotency",),
        Words(
            "words",
            "WORDS...",
            "A name of anything awsmap knows; several words ok.",
            complete=completion.TECH_OR_SERVICE,
        ),
        (
            Flag(("--full",), "full", "A technology's features, use cases and comparisons."),
            BRIEF,
            JSON,
        ),
    ),
    Command(
        "lookup",
        "lookup",
        "AWS equivalents, key parallels and interview phrases for a technology.\n\n"
        "Forgives typos and abbreviations; an AWS service name shows the reverse view.\n"
        "`awsmap kafka` finds the same technology (and entries of every other kind).\n\n"
        f"{EXAMPLES}awsmap lookup kafka · awsmap lookup apache kafka --full ·\n"
        "awsmap lookup k8s · awsmap lookup kafka --json | jq .aws_equivalents",
        ("kafka",),
        Words(
            "name",
            "NAME...",
            "Technology or AWS service; several words ok.",
            complete=completion.TECH_OR_SERVICE,
        ),
        (
            Flag(("--full",), "full", "Add features, use cases, comparisons, corrections."),
            BRIEF,
            JSON,
        ),
    ),
    Command(
        "aws",
        "lookup",
        "Reverse lookup: an AWS service, its lifecycle, and every technology that maps to it.\n\n"
        "Also the building blocks (patterns) that use it and its numbers for estimates.\n\n"
        f"{EXAMPLES}awsmap aws ddb · awsmap aws kinesis data analytics · awsmap aws app mesh",
        ("dynamodb",),
        Words(
            "service",
            "SERVICE...",
            "AWS service: name, abbreviation or former name.",
            complete=completion.SERVICE,
        ),
        (BRIEF, JSON),
    ),
    Command(
        "category",
        "lists",
        "Every technology of a category with its AWS equivalents.\n\n"
        f"{EXAMPLES}awsmap category databases · awsmap category cache · awsmap category queues",
        ("databases",),
        Words("name", "NAME...", "Category id, name or alias.", complete=completion.CATEGORY),
        (BRIEF, JSON),
    ),
    Command(
        "categories",
        "lists",
        "Every category with how many technologies it holds.\n\n"
        "[bold]Example[/]: awsmap categories",
        (),
    ),
    Command(
        "compare",
        "compare",
        "Side by side: a curated comparison when one covers the names, else one built from the "
        'data.\n\nQuote multi-word names: awsmap compare "apache kafka" kinesis.\n\n'
        f"{EXAMPLES}awsmap compare redis memcached · awsmap compare sqs sns eventbridge ·\n"
        "awsmap compare postgresql mysql mongodb",
        ("redis", "memcached"),
        Words(
            "names",
            "NAME...",
            "Two or more technologies or AWS services.",
            complete=completion.TECH_OR_SERVICE,
        ),
    ),
    Command(
        "search",
        "search",
        "Ranked search over everything: technologies, AWS services, roles, patterns, designs,\n"
        "questions, comparisons, tips and numbers.\n\n"
        "Each result says what kind it is and, for technologies, roles and patterns, the AWS\n"
        "answer.\n\n"
        f'{EXAMPLES}awsmap search cdc · awsmap search "leader election" ·\n'
        "awsmap search kinesis shard throughput · awsmap search time series -n 5",
        ("stream", "processing"),
        Words("text", "TEXT...", "Words to look for."),
        (LIMIT, JSON),
    ),
    Command(
        "list",
        "lists",
        "The quick reference: every technology, its category, main AWS equivalent and use "
        f"case.\n\n{EXAMPLES}awsmap list · awsmap list | grep -i queue · awsmap list --json",
        (),
        function="listing",
    ),
    Command(
        "estimate",
        "estimate.command",
        "Back-of-envelope maths from an interviewer's prompt, checked against AWS's own limits.\n\n"
        "Load, data and bandwidth with the working in words, then what each AWS service needs\n"
        "(capacity units, shards, prefixes, concurrency) and the limit that bites first.\n"
        "Sizes: KB/MB/GB decimal, KiB/MiB/GiB binary; rates: 20/day, 5000/s, 50k/s; durations:\n"
        "200ms, 2s; retention: 30d, 5y.\n\n"
        f"{EXAMPLES}awsmap estimate --dau 10M --writes 20/day --read-ratio 10 --item 2KB "
        "--on dynamodb ·\nawsmap estimate --writes 5000/s --item 1KB --fanout 3 "
        "--on kinesis,lambda --duration 200ms",
        ("--writes", "1000/s", "--on", "dynamodb"),
        options=ESTIMATE_OPTIONS,
        function="estimate",
    ),
    Command(
        "validate",
        "admin",
        "Check user data files and list every problem with file, line and field.\n\n"
        "Exit 0 when valid, 3 when not.\n\n[bold]Example[/]: awsmap validate my-tech.yaml",
        (),  # needs a file: the tests give it one
        Words("paths", "FILE...", "User data files."),
    ),
    *DESIGN_ROWS,
    *STUDY_ROWS,
    Command(
        "cache",
        "admin",
        "The cache directory, its index files and their size; 'cache clear' empties it.\n\n"
        "The cache only holds compiled indexes of the data, rebuilt when needed; it never holds\n"
        f"study progress.\n\n{EXAMPLES}awsmap cache · awsmap cache --json · awsmap cache clear",
        (),
    ),
    Command(
        "cache clear",
        "admin",
        "Delete every awsmap index file in the cache directory (they are rebuilt when needed)."
        f"\n\n{EXAMPLES}awsmap cache clear · awsmap cache clear --json",
        (),
    ),
)
BY_NAME = {c.name: c for c in COMMANDS}
TOP_LEVEL = tuple(c for c in COMMANDS if " " not in c.name)
DEFAULT = "show"  # `awsmap kafka` is `awsmap show kafka`: any kind, technologies first

# Options of the root command, also accepted after the command name, and whether each takes a
# value.
DATA_OPTION = "--data"
COLOR_OPTION = "--color"
COLOR_MODES = ("auto", "always", "never")
NO_PAGER_OPTION = "--no-pager"
GLOBAL_OPTIONS = {DATA_OPTION: True, COLOR_OPTION: True, NO_PAGER_OPTION: False}
COMPLETE_VAR = "_AWSMAP_COMPLETE"  # set by the shell when it asks Typer for completions


def subcommands(name: str) -> tuple[Command, ...]:
    """The subcommands of a command (``progress reset``)."""
    return tuple(c for c in COMMANDS if c.name.startswith(name + " "))


def near_miss(word: str) -> str | None:
    """The command a first word that is not one was probably meant to be (``lookpu``), which
    is then an error rather than a technology to look up."""
    import difflib

    close = difflib.get_close_matches(word, [c.name for c in TOP_LEVEL], n=1, cutoff=0.8)
    return close[0] if close else None
