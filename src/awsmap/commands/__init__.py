"""The registry of commands: each command's name, module and nature, without importing any.

``cli.py`` builds only the command that runs from this table (its module under
``awsmap.commands``); the process layer reads it to decide garbage collection; the fast path
(``fastpath.py``) and the tests read the option names here. A command appears in ``--help``, needs
a README section and a JSON-contract row, and is run by a test, because it is listed here.
"""

from typing import NamedTuple

JSON_OPTION = "--json"
FORMAT_OPTION = "--format"


class Flag(NamedTuple):
    """An on/off option of a command the fast path answers."""

    names: tuple[str, ...]
    param: str  # the keyword it sets, in the Typer command and in ``awsmap.actions``


class IntOption(NamedTuple):
    """An option that takes a whole number between ``low`` and ``high``."""

    names: tuple[str, ...]
    param: str
    low: int
    high: int
    default: int


JSON_FLAG = Flag((JSON_OPTION,), "as_json")
FULL_FLAG = Flag(("--full",), "full")
LIMIT = IntOption(("--limit", "-n"), "limit", 1, 500, 10)


class Command(NamedTuple):
    name: str
    module: str  # under awsmap.commands
    example: tuple[str, ...]  # arguments that run it successfully on the bundled data
    interactive: bool = False  # keeps the garbage collector on: a long-lived session
    json: bool = True  # has --json (or --format json) and a row in the README's JSON contract
    json_lines: bool = False  # --json prints one object per line (the quiz), not one document
    # Answered by the fast path (``fastpath.py``) through ``awsmap.actions.<name>``: the words
    # argument and exactly these options. The Typer command declares the same (a test checks).
    fast: tuple[Flag | IntOption, ...] | None = None


COMMANDS: tuple[Command, ...] = (
    Command("lookup", "lookup", ("kafka",), fast=(FULL_FLAG, JSON_FLAG)),
    Command("aws", "aws", ("dynamodb",), fast=(JSON_FLAG,)),
    Command("category", "category", ("databases",), fast=(JSON_FLAG,)),
    Command("categories", "categories", ()),
    Command("compare", "compare", ("redis", "memcached"), fast=(JSON_FLAG,)),
    Command("search", "search", ("stream", "processing"), fast=(LIMIT, JSON_FLAG)),
    Command("list", "listing", ()),
    Command("validate", "validate", ()),  # needs a file: the tests give it one
    Command("stack", "stack", ("postgres", "redis", "kafka", "elasticsearch", "k8s")),
    Command("patterns", "patterns", ()),
    Command("pattern", "pattern", ("leader", "election")),
    Command("architectures", "architectures", ()),
    Command("architecture", "architecture", ("url-shortener",)),
    Command("questions", "questions", ()),
    Command("question", "question", ("kafka-vs-kinesis",)),
    Command("tips", "tips", ()),
    Command("services", "services", ()),
    Command("numbers", "numbers", ("dynamodb",)),
    Command("quiz", "quiz", ("--count", "1"), interactive=True, json_lines=True),
    Command("stats", "stats", ()),
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
