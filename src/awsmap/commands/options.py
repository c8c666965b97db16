"""The command-line shape of the commands the fast path answers: their words and options.

One spelling for both parsers: the Typer commands build their options from these (through
``commands.common.option``) and the fast path (``fastpath.py``) reads the same, so the two cannot
disagree on a name; tests/test_fastpath.py checks each Typer command against its shape.
"""

from typing import NamedTuple


class Flag(NamedTuple):
    """An on/off option."""

    names: tuple[str, ...]
    param: str  # the keyword it sets, in the Typer command and in ``awsmap.actions``


class IntOption(NamedTuple):
    """A whole number from ``low`` up to ``high`` (no limit when None)."""

    names: tuple[str, ...]
    param: str
    low: int
    high: int | None
    default: int


class FloatOption(NamedTuple):
    """A number between ``low`` and ``high``."""

    names: tuple[str, ...]
    param: str
    low: float
    high: float
    default: float


class TextOption(NamedTuple):
    """Any text; what it must be is the command's to check, on both paths alike."""

    names: tuple[str, ...]
    param: str
    default: str | None = None


class ChoiceOption(NamedTuple):
    """One of ``choices``; the Typer command rejects anything else with its usage error."""

    names: tuple[str, ...]
    param: str
    choices: tuple[str, ...]
    default: str


Option = Flag | IntOption | FloatOption | TextOption | ChoiceOption


class Words(NamedTuple):
    """The command's words (a name of several words, or several names)."""

    param: str
    required: bool = True


class Shape(NamedTuple):
    words: Words | None
    options: tuple[Option, ...]


JSON_OPTION = "--json"
FORMAT_OPTION = "--format"
FORMATS = ("table", "json", "markdown", "mermaid", "dot")

JSON = Flag((JSON_OPTION,), "as_json")
FULL = Flag(("--full",), "full")
LIMIT = IntOption(("--limit", "-n"), "limit", 1, 500, 10)
FORMAT = ChoiceOption((FORMAT_OPTION,), "fmt", FORMATS, "table")
TAG = TextOption(("--tag",), "tag")
ANSWER = Flag(("--answer",), "answer")
GROUP = TextOption(("--group",), "group")
RANDOM = Flag(("--random",), "pick")
STATUS = TextOption(("--status",), "status")
RETIRED = Flag(("--retired",), "retired")
FILE = TextOption(("--file", "-f"), "file")
COUNT = IntOption(("--count", "-n"), "count", 1, None, 20)
MODE = TextOption(("--mode",), "mode", "type")
CATEGORY = TextOption(("--category",), "category")  # not a kind: the option's keyword
NEW = IntOption(("--new",), "new", 0, None, 10)
CRAM = Flag(("--cram",), "cram")
RETENTION = FloatOption(("--retention",), "retention", 0.7, 0.99, 0.9)
UNTIL = TextOption(("--until",), "until")


def only(*options: Option) -> Shape:
    """A command without words."""
    return Shape(None, options)


def named(param: str, *options: Option, required: bool = True) -> Shape:
    """A command that takes words."""
    return Shape(Words(param, required), options)
