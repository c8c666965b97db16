"""The command-line shape of the commands the fast path answers: their words and options.

One spelling for both parsers: the Typer commands build their options from these (through
``commands.common.option``) and the fast path (``fastpath.py``) reads the same, so the two cannot
disagree on a name; tests/test_fastpath.py checks each Typer command against its shape.
"""

# Plain classes with slots rather than NamedTuples: these are built on every run, and on
# Python 3.11 creating a NamedTuple class costs about 0.2-0.4 ms against 15 us for these.


class Flag:
    """An on/off option."""

    __slots__ = ("names", "param")

    def __init__(self, names: tuple[str, ...], param: str) -> None:
        self.names = names
        self.param = param  # the keyword it sets, in the Typer command and in ``awsmap.actions``


class NumberOption:
    """A number from ``low`` up to ``high`` (no limit when None): a whole one unless ``whole``
    is False."""

    __slots__ = ("default", "high", "low", "names", "param", "whole")

    def __init__(
        self,
        names: tuple[str, ...],
        param: str,
        low: float,
        high: float | None,
        default: float,
        whole: bool = True,
    ) -> None:
        self.names = names
        self.param = param
        self.low = low
        self.high = high
        self.default = default
        self.whole = whole


class TextOption:
    """Any text; what it must be is the command's to check, on both paths alike."""

    __slots__ = ("default", "names", "param")

    def __init__(self, names: tuple[str, ...], param: str, default: str | None = None) -> None:
        self.names = names
        self.param = param
        self.default = default


class ChoiceOption:
    """One of ``choices``; the Typer command rejects anything else with its usage error."""

    __slots__ = ("choices", "default", "names", "param")

    def __init__(
        self, names: tuple[str, ...], param: str, choices: tuple[str, ...], default: str
    ) -> None:
        self.names = names
        self.param = param
        self.choices = choices
        self.default = default


Option = Flag | NumberOption | TextOption | ChoiceOption


class Words:
    """The command's words (a name of several words, or several names)."""

    __slots__ = ("param", "required")

    def __init__(self, param: str, required: bool = True) -> None:
        self.param = param
        self.required = required


class Shape:
    """What a command takes: its words (None: no words) and its options."""

    __slots__ = ("options", "words")

    def __init__(self, words: Words | None, options: tuple[Option, ...]) -> None:
        self.words = words
        self.options = options


JSON_OPTION = "--json"
FORMAT_OPTION = "--format"
FORMATS = ("table", "json", "markdown", "mermaid", "dot")

JSON = Flag((JSON_OPTION,), "as_json")
FULL = Flag(("--full",), "full")
LIMIT = NumberOption(("--limit", "-n"), "limit", 1, 500, 10)
FORMAT = ChoiceOption((FORMAT_OPTION,), "fmt", FORMATS, "table")
TAG = TextOption(("--tag",), "tag")
ANSWER = Flag(("--answer",), "answer")
GROUP = TextOption(("--group",), "group")
RANDOM = Flag(("--random",), "pick")
STATUS = TextOption(("--status",), "status")
RETIRED = Flag(("--retired",), "retired")
FILE = TextOption(("--file", "-f"), "file")
COUNT = NumberOption(("--count", "-n"), "count", 1, None, 20)
MODE = TextOption(("--mode",), "mode", "type")
CATEGORY = TextOption(("--category",), "category")  # not a kind: the option's keyword
NEW = NumberOption(("--new",), "new", 0, None, 10)
CRAM = Flag(("--cram",), "cram")
RETENTION = NumberOption(("--retention",), "retention", 0.7, 0.99, 0.9, whole=False)
UNTIL = TextOption(("--until",), "until")


def only(*options: Option) -> Shape:
    """A command without words."""
    return Shape(None, options)


def named(param: str, *options: Option, required: bool = True) -> Shape:
    """A command that takes words."""
    return Shape(Words(param, required), options)
