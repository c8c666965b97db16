"""The registry of commands: each command's name, module and nature, without importing any.

``cli.py`` builds only the command that runs from this table (its module under
``awsmap.commands``); the process layer reads it to decide garbage collection; the fast path
(``fastpath.py``) and the tests read the option names here. A command appears in ``--help``, needs
a README section and a JSON-contract row, and is run by a test, because it is listed here.
"""

from typing import NamedTuple


class Command(NamedTuple):
    name: str
    module: str  # under awsmap.commands
    example: tuple[str, ...]  # arguments that run it successfully on the bundled data
    interactive: bool = False  # keeps the garbage collector on: a long-lived session
    json: bool = True  # has --json (or --format json) and a row in the README's JSON contract
    json_lines: bool = False  # --json prints one object per line (the quiz), not one document


COMMANDS: tuple[Command, ...] = (
    Command("lookup", "lookup", ("kafka",)),
    Command("aws", "aws", ("dynamodb",)),
    Command("category", "category", ("databases",)),
    Command("categories", "categories", ()),
    Command("compare", "compare", ("redis", "memcached")),
    Command("search", "search", ("stream", "processing")),
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
GLOBAL_OPTIONS = {DATA_OPTION: True, COLOR_OPTION: True}
JSON_OPTION = "--json"
FORMAT_OPTION = "--format"
