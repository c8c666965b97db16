"""The registry of commands: each command's name, module and nature, without importing any.

``cli.py`` builds only the command that runs from this table (its module under
``awsmap.commands``); the process layer reads it to decide garbage collection; the fast path
(``fastpath.py``) and the tests read the option names here. A command appears in ``--help``, needs
a README section and a JSON-contract row, and is run by a test, because it is listed here.
"""

from awsmap.commands.options import (
    ANSWER,
    CATEGORY,
    COUNT,
    CRAM,
    FILE,
    FORMAT,
    FULL,
    GROUP,
    JSON,
    LIMIT,
    MODE,
    NEW,
    RANDOM,
    RETENTION,
    RETIRED,
    STATUS,
    TAG,
    UNTIL,
    Shape,
    named,
    only,
)


class Command:
    """One command (a plain class, not a NamedTuple: see commands/options.py)."""

    __slots__ = ("example", "interactive", "json", "json_lines", "module", "name", "shape")

    def __init__(
        self,
        name: str,
        module: str,
        example: tuple[str, ...],
        interactive: bool = False,
        json: bool = True,
        json_lines: bool = False,
        shape: Shape | None = None,
    ) -> None:
        self.name = name
        self.module = module  # under awsmap.commands; also its function in ``awsmap.actions``
        self.example = example  # arguments that run it successfully on the bundled data
        self.interactive = interactive  # keeps the garbage collector on: a long-lived session
        self.json = json  # has --json (or --format json) and a row in the README's JSON contract
        self.json_lines = json_lines  # --json prints one object per line (the quiz)
        # Answered by the fast path (``fastpath.py``) through ``awsmap.actions``: the words and
        # options it takes. The Typer command declares the same (a test checks). None: Typer only.
        self.shape = shape


COMMANDS: tuple[Command, ...] = (
    Command("lookup", "lookup", ("kafka",), shape=named("name", FULL, JSON)),
    Command("aws", "aws", ("dynamodb",), shape=named("service", JSON)),
    Command("category", "category", ("databases",), shape=named("name", JSON)),
    Command("categories", "categories", (), shape=only(JSON)),
    Command("compare", "compare", ("redis", "memcached"), shape=named("names", JSON)),
    Command("search", "search", ("stream", "processing"), shape=named("text", LIMIT, JSON)),
    Command("list", "listing", (), shape=only(JSON)),
    Command("validate", "validate", ()),  # needs a file: the tests give it one
    Command(
        "stack",
        "stack",
        ("postgres", "redis", "kafka", "elasticsearch", "k8s"),
        shape=named("names", FILE, FORMAT, JSON, required=False),
    ),
    Command("patterns", "patterns", (), shape=only(TAG, JSON)),
    Command("pattern", "pattern", ("leader", "election"), shape=named("name", JSON)),
    Command("architectures", "architectures", (), shape=only(TAG, JSON)),
    Command("architecture", "architecture", ("url-shortener",), shape=named("name", FORMAT, JSON)),
    Command("questions", "questions", (), shape=only(TAG, JSON)),
    Command("question", "question", ("kafka-vs-kinesis",), shape=named("name", ANSWER, JSON)),
    Command("tips", "tips", (), shape=only(GROUP, RANDOM, JSON)),
    Command("services", "services", (), shape=only(STATUS, RETIRED, JSON)),
    Command("numbers", "numbers", ("dynamodb",), shape=named("service", JSON, required=False)),
    Command(
        "quiz",
        "quiz",
        ("--count", "1"),
        interactive=True,
        json_lines=True,
        shape=only(COUNT, MODE, CATEGORY, NEW, CRAM, RETENTION, UNTIL, JSON),
    ),
    Command("stats", "stats", (), shape=only(JSON)),
    Command("export", "export", ("tsv", "-o", "cards.tsv")),
    Command("progress", "progress", ()),
    Command("cache", "cache", ()),
)
BY_NAME = {c.name: c for c in COMMANDS}
DEFAULT = "lookup"  # `awsmap kafka` is `awsmap lookup kafka`

# Options of the root command, also accepted after the command name, and whether each takes a
# value. The Typer root callback declares exactly these (a test checks it).
DATA_OPTION = "--data"
COLOR_OPTION = "--color"
COLOR_MODES = ("auto", "always", "never")
GLOBAL_OPTIONS = {DATA_OPTION: True, COLOR_OPTION: True}
COMPLETE_VAR = "_AWSMAP_COMPLETE"  # set by the shell when it asks Typer for completions


def near_miss(word: str) -> str | None:
    """The command a first word that is not one was probably meant to be (``lookpu``), which
    is then an error rather than a technology to look up."""
    import difflib

    close = difflib.get_close_matches(word, list(BY_NAME), n=1, cutoff=0.8)
    return close[0] if close else None
