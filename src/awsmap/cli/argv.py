"""Rearranging argv before parsing, shared by the Typer path and the fast path."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def command_index(args: Sequence[str], options: Mapping[str, bool]) -> int | None:
    """Where the command word is: the first argument that is neither an option nor the value of
    a global option (``options`` maps each global option to whether it takes a value)."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            return None
        if not arg.startswith("-") or arg == "-":
            return i
        if options.get(arg):
            i += 1  # skip its value
        i += 1
    return None


def hoist_global_options(args: Sequence[str], options: Mapping[str, bool]) -> list[str]:
    """Move global options that follow the command word to before it.

    Only what follows the command word is moved, never anything after ``--``; ``--opt=value``
    and ``--opt value`` are both understood. Everything else keeps its order.
    """
    args = list(args)
    start = command_index(args, options)
    if start is None:
        return args
    rest = args[start + 1 :]
    kept: list[str] = []
    hoisted: list[str] = []
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg == "--":
            kept.extend(rest[i:])
            break
        name = arg.split("=", 1)[0]
        if name in options:
            if options[name] and "=" not in arg and i + 1 < len(rest):
                hoisted.extend(rest[i : i + 2])
                i += 2
                continue
            hoisted.append(arg)
        else:
            kept.append(arg)
        i += 1
    return [*args[:start], *hoisted, args[start], *kept]


def missing_value(args: Sequence[str], options: Mapping[str, bool]) -> str | None:
    """A global option that takes a value but ends the command line after the command word
    (``awsmap lookup kafka --data``): hoisted, it would take the command word as its value."""
    start = command_index(args, options)
    if start is not None and len(args) > start + 1 and options.get(args[-1]):
        return args[-1]
    return None


def optional_value(args: Sequence[str], options: Sequence[str]) -> list[str]:
    """Give ``options`` an empty value when no value follows them (the end, or another option),
    so that an option whose value is optional (``--install-completion [SHELL]``) can be parsed
    as one that takes a value."""
    out: list[str] = []
    for i, arg in enumerate(args):
        out.append(arg)
        if arg in options and (i + 1 >= len(args) or args[i + 1].startswith("-")):
            out.append("")
    return out
