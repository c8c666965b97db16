"""Answering commands before Typer is imported.

Importing Typer (and Click, which it bundles) costs more than a warm lookup does. The common shapes
of argv for every command with a ``shape`` in the registry (``lookup``, ``aws``, ``category``,
``compare``, ``search`` and all others but ``validate``, ``export``, ``progress`` and ``cache``)
are recognised here and answered through the same functions the Typer commands call
(``awsmap.actions``, ``runtime``), so both paths print the same bytes and exit with the same code;
tests/test_fastpath.py proves it over a corpus and with hypothesis.

The recogniser only accepts what it is sure Typer would parse the same way, and declines
everything else (``None``): help, completion, ``--``, unknown options, option values Typer would
reject, a missing name, a first word that is close to a command. Words and option names come from
the command registry (``commands.options``), which the Typer commands are built from too.
``AWSMAP_NO_FAST_PATH=1`` (any value but 0) turns the fast path off.
"""

import os
from collections.abc import Sequence

from awsmap.argv import hoist_global_options, missing_value
from awsmap.commands import (
    BY_NAME,
    COLOR_MODES,
    COLOR_OPTION,
    COMPLETE_VAR,
    DATA_OPTION,
    DEFAULT,
    GLOBAL_OPTIONS,
    near_miss,
)
from awsmap.commands.options import (
    ChoiceOption,
    Flag,
    NumberOption,
    Option,
    Shape,
    TextOption,
)
from awsmap.paths import NO_FAST_PATH_ENV

Value = bool | int | float | str
STDIN = "-"  # the one option value that may start with a dash


class Call:
    """A recognised command line: what to run, with what, under which global options."""

    __slots__ = ("arguments", "color", "command", "data")

    def __init__(
        self, command: str, arguments: dict[str, Value | list[str]], data: list[str], color: str
    ) -> None:
        self.command = command  # the function in ``awsmap.actions``
        self.arguments = arguments  # its keyword arguments: the words, the options
        self.data = data
        self.color = color


def recognise(argv: Sequence[str]) -> Call | None:
    """The call argv makes, when the fast path can answer it exactly as Typer would."""
    if os.environ.get(NO_FAST_PATH_ENV, "0") != "0" or COMPLETE_VAR in os.environ:
        return None
    if missing_value(argv, GLOBAL_OPTIONS):
        return None
    args = hoist_global_options(argv, GLOBAL_OPTIONS)
    front = _global_options(args)
    if front is None or front[2] == len(args):
        return None
    data, color, at = front
    spec = BY_NAME.get(args[at])
    if spec is None:  # `awsmap kafka`, unless the word looks like a mistyped command
        if near_miss(args[at]):
            return None
        spec, rest = BY_NAME[DEFAULT], args[at:]
    else:
        rest = args[at + 1 :]
    parsed = _command_args(rest, spec.shape) if spec.shape is not None else None
    if parsed is None:
        return None
    return Call(spec.module, parsed, data, color)


def _global_options(args: Sequence[str]) -> tuple[list[str], str, int] | None:
    """``--data`` files and the ``--color`` mode (all up front once hoisted), and where the
    command word is; None for a value Typer would read differently or reject."""
    data: list[str] = []
    color = "auto"
    i = 0
    while i < len(args) and args[i].startswith("-"):
        name, eq, value = args[i].partition("=")
        if name not in GLOBAL_OPTIONS:
            return None
        if not eq:
            i += 1
            if i == len(args) or args[i].startswith("-"):
                return None
            value = args[i]
        if name == DATA_OPTION:
            data.append(value)
        elif name == COLOR_OPTION and value in COLOR_MODES:
            color = value
        else:
            return None
        i += 1
    return data, color, i


def _command_args(args: Sequence[str], shape: Shape) -> dict[str, Value | list[str]] | None:
    """The action's keyword arguments; None for anything out of the ordinary."""
    split = _split(args, {name: spec for spec in shape.options for name in spec.names})
    if split is None:
        return None
    words, options = split
    if shape.words is None:
        return None if words else {**options}
    if shape.words.required and not words:
        return None
    return {shape.words.param: words, **options} if words else {**options}


def _split(
    args: Sequence[str], known: dict[str, Option]
) -> tuple[list[str], dict[str, Value]] | None:
    """Words and options, interspersed as Click allows."""
    words: list[str] = []
    options: dict[str, Value] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if not arg.startswith("-"):
            words.append(arg)
            continue
        name, eq, value = arg.partition("=")
        spec = known.get(name)
        if spec is None:  # an unknown option, "-", "--"
            return None
        if isinstance(spec, Flag):
            if eq:  # a flag given a value
                return None
            options[spec.param] = True
            continue
        if not eq:
            if i == len(args):
                return None
            value = args[i]
            i += 1
        parsed = _value(spec, value)
        if parsed is None:
            return None
        options[spec.param] = parsed
    return words, options


def _value(spec: Option, text: str) -> Value | None:
    """An option's value as Typer would convert it, or None when Typer might read it otherwise
    or reject it (then Typer answers, with its own message)."""
    if text.startswith("-") and text != STDIN:
        return None
    if isinstance(spec, NumberOption):
        return _number(spec, text)
    if isinstance(spec, ChoiceOption):
        return text if text in spec.choices else None
    assert isinstance(spec, TextOption)
    return text


def _number(spec: NumberOption, text: str) -> int | float | None:
    """Plain decimal digits (``0.85`` for a fraction) within range; nothing Click might read
    differently (``+5``, ``05``, ``1e1``, ``5_0``, `` 5``)."""
    whole, dot, fraction = text.partition(".")
    number: int | float
    if spec.whole:
        plain = not dot and whole.isascii() and whole.isdigit() and len(whole) <= 6
        if not plain or (whole.startswith("0") and whole != "0"):
            return None
        number = int(whole)
    else:
        if whole not in ("0", "1") or not (fraction.isascii() and fraction.isdigit()):
            return None
        number = float(text)
    above = spec.high is not None and number > spec.high
    return None if number < spec.low or above else number


def answer(call: Call) -> int:
    """Run a recognised call; its exit code."""
    from awsmap import actions, runtime

    runtime.configure(call.data, call.color)  # type: ignore[arg-type]
    action = getattr(actions, call.command)
    return runtime.guard(lambda: action(**call.arguments))
