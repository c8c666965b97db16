"""Reading argv against the command table, before Typer is imported.

Importing Typer (and the Click it bundles) costs more than a warm lookup does, so ordinary
command lines are read here, from the command table (``cli/table.py``), and run without it. The
reader is strict: anything it is not sure of (help, completion, ``--``, an unknown option, a value
out of range or spelt in a way Click might read differently, a missing word) is declined
(``None``), and Typer, generated from the same table, reads that line
instead: it prints the help or the usage error, or parses the line and runs the same function
through the same ``cli.runtime.execute``. There is one body per command and one declaration of
each name and default; the two readers differ only in what they accept, which
``tests/test_parse.py`` pins.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from awsmap.base.paths import STDIN
from awsmap.cli.argv import hoist_global_options, missing_value
from awsmap.cli.options import ChoiceOption, Command, Flag, NumberOption, Option, TextOption, Words
from awsmap.cli.table import (
    BY_NAME,
    COLOR_MODES,
    COLOR_OPTION,
    COMPLETE_VAR,
    DATA_OPTION,
    DEFAULT,
    GLOBAL_OPTIONS,
    NO_PAGER_OPTION,
    near_miss,
)

Value = bool | int | float | str | tuple[str, ...] | None
Arguments = dict[str, Value | list[str]]


class Call:
    """A command line read: the command, its arguments (every option, defaults filled in) and
    the global options."""

    __slots__ = ("arguments", "color", "command", "data", "near_command", "pager")

    def __init__(
        self,
        command: Command,
        arguments: Arguments,
        data: list[str],
        color: str,
        near_command: str | None = None,
        pager: bool = True,
    ) -> None:
        self.command = command
        self.arguments = arguments
        self.data = data
        self.color = color
        self.pager = pager  # False with --no-pager
        # `awsmap postgress`: looked up first; the command it resembles ('progress') is named
        # only when the data has nothing for it
        self.near_command = near_command


def recognise(argv: Sequence[str]) -> Call | None:
    """The call argv makes, when it can be read here exactly as Typer would read it."""
    if COMPLETE_VAR in os.environ or missing_value(argv, GLOBAL_OPTIONS):
        return None
    args = hoist_global_options(argv, GLOBAL_OPTIONS)
    front = _global_options(args)
    if front is None or front[-1] == len(args):
        return None
    data, color, pager, at = front
    spec = BY_NAME.get(args[at])
    near = None
    if spec is None:  # `awsmap kafka`: the data is tried before a near-miss command word
        near = near_miss(args[at])
        spec, rest = BY_NAME[DEFAULT], args[at:]
    else:
        rest = args[at + 1 :]
        sub = BY_NAME.get(f"{spec.name} {rest[0]}") if rest else None
        if sub is not None:
            spec, rest = sub, rest[1:]
    arguments = command_arguments(rest, spec)
    return None if arguments is None else Call(spec, arguments, data, color, near, pager)


def _global_options(args: Sequence[str]) -> tuple[list[str], str, bool, int] | None:
    """``--data`` files, the ``--color`` mode and whether a pager may run (``--no-pager``), all
    up front once hoisted, and where the command word is; None for a value Typer would read
    differently or reject."""
    data: list[str] = []
    color = "auto"
    pager = True
    i = 0
    while i < len(args) and args[i].startswith("-"):
        name, eq, value = args[i].partition("=")
        if name not in GLOBAL_OPTIONS:
            return None
        if name == NO_PAGER_OPTION:  # the one flag among them
            if eq:
                return None
            pager = False
            i += 1
            continue
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
    return data, color, pager, i


def command_arguments(args: Sequence[str], spec: Command) -> Arguments | None:
    """The function's keyword arguments, defaults filled in; None for anything out of the
    ordinary."""
    split = _split(args, {name: option for option in spec.options for name in option.names})
    if split is None:
        return None
    words, options = split
    arguments: Arguments = {o.param: options.get(o.param, o.default) for o in spec.options}
    if spec.words is None:
        return None if words else arguments
    taken = _words(words, spec.words)
    if taken is None:
        return None
    arguments[spec.words.param] = taken
    return arguments


def _words(words: list[str], spec: Words) -> list[str] | str | None:
    if not words:
        return None if spec.required else ([] if spec.many else None)
    if spec.many:
        return words
    if len(words) != 1 or (spec.choices and words[0] not in spec.choices):
        return None
    return words[0]


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
        if isinstance(spec, TextOption) and spec.repeat:  # --kind a --kind b: both
            given = options.get(spec.param)
            options[spec.param] = (*(given if isinstance(given, tuple) else ()), str(parsed))
            continue
        options[spec.param] = parsed
    return words, options


def _value(spec: Option, text: str) -> Value:
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
