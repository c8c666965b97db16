"""The kinds of things a command takes: its words and its options, each with its help.

Each option is declared once, here or in the command table (``cli/table.py``), with its names,
range, default, metavar and help. The parser (``cli/parse.py``), Typer's help and completion
(``cli/app.py``) and the README check are all built from these declarations.

Plain classes with slots rather than NamedTuples or dataclasses: the table is built on every run,
and on Python 3.11 creating a NamedTuple class costs about 0.2-0.4 ms against 15 us for these.
"""

from __future__ import annotations

from collections.abc import Callable

Completer = Callable[[str], list[tuple[str, str]]]


# How a command's help introduces its examples (Rich markup).
EXAMPLES = "[bold]Examples[/]: "


class Flag:
    """An on/off option; off unless given."""

    __slots__ = ("help", "names", "param")
    default = False

    def __init__(self, names: tuple[str, ...], param: str, help: str) -> None:
        self.names = names
        self.param = param  # the keyword it sets in the command's function
        self.help = help


class NumberOption:
    """A number from ``low`` up to ``high`` (no limit when None): a whole one unless ``whole``
    is False."""

    __slots__ = ("default", "help", "high", "low", "names", "param", "whole")

    def __init__(
        self,
        names: tuple[str, ...],
        param: str,
        help: str,
        low: float,
        high: float | None,
        default: float,
        whole: bool = True,
    ) -> None:
        self.names = names
        self.param = param
        self.help = help
        self.low = low
        self.high = high
        self.default = default
        self.whole = whole


class TextOption:
    """Any text; what it must be is the command's to check. A ``repeat`` option may be given
    several times: the function gets the tuple of its values (empty when it is not given)."""

    __slots__ = ("default", "help", "metavar", "names", "param", "repeat")

    def __init__(
        self,
        names: tuple[str, ...],
        param: str,
        help: str,
        metavar: str,
        default: str | None = None,
        repeat: bool = False,
    ) -> None:
        self.names = names
        self.param = param
        self.help = help
        self.metavar = metavar
        self.default: str | tuple[str, ...] | None = () if repeat else default
        self.repeat = repeat


class ChoiceOption:
    """One of ``choices``; anything else is a usage error naming them."""

    __slots__ = ("choices", "default", "help", "names", "param")

    def __init__(
        self,
        names: tuple[str, ...],
        param: str,
        help: str,
        choices: tuple[str, ...],
        default: str,
    ) -> None:
        self.names = names
        self.param = param
        self.help = help
        self.choices = choices
        self.default = default

    @property
    def metavar(self) -> str:
        return f"[{'|'.join(self.choices)}]"


Option = Flag | NumberOption | TextOption | ChoiceOption


class Words:
    """The command's words: a name of several words, several names, or one word (``many``
    False); ``choices`` limits a single word."""

    __slots__ = ("choices", "complete", "help", "many", "metavar", "param", "required")

    def __init__(
        self,
        param: str,
        metavar: str,
        help: str,
        required: bool = True,
        many: bool = True,
        choices: tuple[str, ...] = (),
        complete: Completer | None = None,
    ) -> None:
        self.param = param
        self.metavar = metavar
        self.help = help
        self.required = required
        self.many = many
        self.choices = choices
        self.complete = complete


# Output: how a command's result is printed. JSON sets "json"; FORMAT names any format.
JSON_OPTION = "--json"
FORMAT_OPTION = "--format"
FORMATS = ("table", "json", "markdown", "mermaid", "dot")
JSON = Flag((JSON_OPTION,), "as_json", "Print one JSON document (see README).")
FORMAT = ChoiceOption(
    (FORMAT_OPTION,),
    "fmt",
    "table (default), json, markdown (pastes into a design doc), mermaid (renders on GitHub) "
    "or dot (Graphviz).",
    FORMATS,
    "table",
)
BRIEF = Flag(
    ("--brief",),
    "brief",
    "Only the essentials: no notes or explanations (the table view; --json is unchanged).",
)
OUTPUT_PARAMS = (JSON.param, FORMAT.param, BRIEF.param)


class Command:
    """One command (a plain class, not a NamedTuple: see cli/options.py)."""

    __slots__ = (
        "example",
        "family",
        "function",
        "help",
        "interactive",
        "json_lines",
        "name",
        "options",
        "words",
    )

    def __init__(
        self,
        name: str,
        family: str,
        help: str,
        example: tuple[str, ...],
        words: Words | None = None,
        options: tuple[Option, ...] = (JSON,),
        function: str | None = None,
        interactive: bool = False,
        json_lines: bool = False,
    ) -> None:
        self.name = name  # "progress reset" for a subcommand
        self.family = family  # its module under awsmap.commands
        self.function = function or name.replace(" ", "_")
        self.help = help  # Typer's help: the first paragraph is the summary
        self.example = example  # arguments that run it successfully on the bundled data
        self.words = words
        self.options = options
        self.interactive = interactive  # keeps the garbage collector on: a long-lived session
        self.json_lines = json_lines  # --json prints one object per line (the quiz)

    @property
    def json(self) -> bool:
        """Has --json, and so a row in the README's JSON contract."""
        return JSON in self.options

    @property
    def params(self) -> tuple[str, ...]:
        """The keyword arguments its function takes, in order (output options excepted)."""
        words = (self.words.param,) if self.words else ()
        return words + tuple(o.param for o in self.options if o not in (JSON, FORMAT, BRIEF))


LIMIT = NumberOption(("--limit", "-n"), "limit", "How many results.", 1, 500, 10)
TAG = TextOption(("--tag",), "tag", "Only the entries with this tag.", "TAG")
CATEGORY_OPTION = TextOption(
    ("--category",),
    "category",  # not a kind: the keyword it sets
    "Only one category.",
    "NAME",  # not a kind: the keyword
)


# The longer option lists, one per command (the command table names them).
QUIZ_OPTIONS: tuple[Option, ...] = (
    NumberOption(("--count", "-n"), "count", "Cards in this session.", 1, None, 20),
    TextOption(
        ("--mode",),
        "mode",
        "type the answer (graded by what it names), flip and grade yourself, or pick one of four.",
        "[type|flip|choice]",
        "type",
    ),
    CATEGORY_OPTION,
    TextOption(
        ("--kind",),
        "kinds",
        "Only this kind of card (repeatable): to-aws, number, pattern, comparison, from-aws, "
        "successor, practice, parallel, relation.",
        "KIND",
        repeat=True,
    ),
    NumberOption(("--new",), "new", "New cards a day.", 0, None, 10),
    Flag(("--cram",), "cram", "Ignore due dates: the weakest cards first."),
    NumberOption(("--retention",), "retention", "Desired retention (FSRS).", 0.7, 0.99, 0.9, False),
    TextOption(
        ("--until",),
        "until",
        "Your interview date: no interval reaches past it.",
        "YYYY-MM-DD",
    ),
    Flag(("--leeches",), "leeches", "Study your leeches (cards failed 6+ times), first."),
    JSON,
)
DRILL_OPTIONS: tuple[Option, ...] = (
    NumberOption(
        ("--minutes",),
        "minutes",
        "Run against a clock of N minutes (0: no clock); report the time per role.",
        0,
        120,
        0,
    ),
    JSON,
)
ESTIMATE_OPTIONS: tuple[Option, ...] = (
    TextOption(("--dau",), "dau", "Daily active users (10M, 250k).", "N"),
    TextOption(("--writes",), "writes", "Writes: per user (20/day) or total (5000/s).", "RATE"),
    TextOption(("--reads",), "reads", "Reads: per user (200/day) or total (50k/s).", "RATE"),
    TextOption(("--read-ratio",), "read_ratio", "Reads per write, instead of --reads.", "N"),
    TextOption(("--peak",), "peak", "Peak over average (default 3).", "N"),
    TextOption(("--item",), "item", "Size of one item or message (default 1KB).", "SIZE"),
    TextOption(("--retention",), "retention", "How long data is kept (30d, 5y).", "TIME"),
    TextOption(("--replicas",), "replicas", "Copies of the data kept.", "N"),
    TextOption(("--fanout",), "fanout", "Readers of each write (streams, topics).", "N"),
    TextOption(("--duration",), "duration", "Work per request (200ms), for concurrency.", "TIME"),
    TextOption(
        ("--on",),
        "on",
        "AWS services to size, by name: dynamodb, kinesis, s3, sqs, sqs-fifo, sns, lambda, "
        "api-gateway, elasticache, msk, aurora.",
        "SERVICES",
    ),
    TextOption(
        ("--architecture",),
        "architecture",  # not a kind: the keyword it sets
        "Size the AWS services of one of awsmap's architectures (url-shortener, chat...).",
        "NAME",
    ),
    TextOption(
        ("--stack",),
        "stack",
        'Size the AWS services a stack of names maps to: "postgres redis kafka".',
        "NAMES",
    ),
    JSON,
)
