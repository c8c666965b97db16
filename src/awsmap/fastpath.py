"""Answering the hot commands before Typer is imported.

Importing Typer (and Click, which it bundles) costs more than a warm lookup does. The common shapes
of argv for ``lookup``, ``aws``, ``category``, ``compare`` and ``search`` are recognised here and
answered through the same functions the Typer commands call (``awsmap.actions``, ``runtime``), so
both paths print the same bytes and exit with the same code; tests/test_fastpath.py proves it
over a corpus and with hypothesis.

The recogniser only accepts what it is sure Typer would parse the same way, and declines
everything else (``None``): help, completion, ``--``, unknown options, option values Typer would
reject, an empty name, a first word that is close to a command. Option names come from the
command registry, which the Typer commands are built from too. ``AWSMAP_NO_FAST_PATH=1`` (any
value but 0) turns the fast path off.
"""

import os
from collections.abc import Sequence
from typing import NamedTuple

from awsmap.argv import hoist_global_options
from awsmap.commands import (
    BY_NAME,
    COLOR_MODES,
    COLOR_OPTION,
    COMPLETE_VAR,
    DATA_OPTION,
    DEFAULT,
    GLOBAL_OPTIONS,
    Flag,
    IntOption,
    near_miss,
)
from awsmap.paths import NO_FAST_PATH_ENV


class Call(NamedTuple):
    """A recognised command line: what to run, with what, under which global options."""

    command: str
    words: list[str]
    options: dict[str, bool | int]
    data: list[str]
    color: str


def recognise(argv: Sequence[str]) -> Call | None:
    """The call argv makes, when the fast path can answer it exactly as Typer would."""
    if os.environ.get(NO_FAST_PATH_ENV, "0") != "0" or COMPLETE_VAR in os.environ:
        return None
    args = hoist_global_options(argv, GLOBAL_OPTIONS)
    data: list[str] = []
    color = "auto"
    i = 0
    while i < len(args) and args[i].startswith("-"):  # the global options, now all up front
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
    if i == len(args):
        return None
    spec = BY_NAME.get(args[i])
    if spec is None:  # `awsmap kafka`, unless the word looks like a mistyped command
        if near_miss(args[i]):
            return None
        spec, rest = BY_NAME[DEFAULT], args[i:]
    else:
        rest = args[i + 1 :]
    if spec.fast is None:
        return None
    parsed = _command_args(rest, spec.fast)
    if parsed is None:
        return None
    words, options = parsed
    return Call(spec.name, words, options, data, color)


def _command_args(
    args: Sequence[str], known: tuple[Flag | IntOption, ...]
) -> tuple[list[str], dict[str, bool | int]] | None:
    """Words and options, interspersed as Click allows; None for anything out of the ordinary."""
    by_name = {name: spec for spec in known for name in spec.names}
    words: list[str] = []
    options: dict[str, bool | int] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if not arg.startswith("-"):
            words.append(arg)
            continue
        name, eq, value = arg.partition("=")
        spec = by_name.get(name)
        if isinstance(spec, Flag) and not eq:
            options[spec.param] = True
        elif isinstance(spec, IntOption):
            if not eq:
                if i == len(args):
                    return None
                value = args[i]
                i += 1
            number = _whole_number(value, spec)
            if number is None:
                return None
            options[spec.param] = number
        else:  # an unknown option, "-", "--", a flag given a value
            return None
    return (words, options) if words else None


def _whole_number(text: str, spec: IntOption) -> int | None:
    """Plain decimal digits within range; anything Click might read otherwise goes to Typer."""
    if not (text.isascii() and text.isdigit()) or text.startswith("0") or len(text) > 6:
        return None
    number = int(text)
    return number if spec.low <= number <= spec.high else None


def answer(call: Call) -> int:
    """Run a recognised call; its exit code."""
    from awsmap import actions, runtime

    runtime.configure(call.data, call.color)  # type: ignore[arg-type]
    action = getattr(actions, call.command)
    return runtime.guard(lambda: action(call.words, **call.options))
