"""What every command module shares: the error boundary, the catalog, options and output.

The steps after parsing live in ``awsmap.runtime`` (shared with the fast path); this module adapts
them to Typer. Annotations are real objects here and in the command modules (no
``from __future__ import annotations``) so that Typer need not evaluate strings.
"""

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec

import typer

from awsmap.commands.options import (
    FORMAT,
    FORMATS,
    JSON,
    TAG,
    ChoiceOption,
    Flag,
    NumberOption,
    Option,
)
from awsmap.paths import user_data_paths
from awsmap.runtime import catalog, emit, guard, settings_data

if TYPE_CHECKING:
    from awsmap.kinds import Kind

__all__ = ["catalog", "emit", "settings_data"]

P = ParamSpec("P")

# Typer's own exceptions (usage errors, exit, abort) are for Typer to report.
_TYPER = (typer.TyperException, typer.Exit, typer.Abort)


def guarded(command: Callable[P, int | None]) -> Callable[P, None]:
    """The one error boundary (``runtime.guard``) around a Typer command; a command returns
    the exit code of its action."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        code = guard(lambda: command(*args, **kwargs), passthrough=_TYPER)
        if code:
            raise typer.Exit(code)

    return run


def option(spec: Option, help_text: str, metavar: str | None = None) -> Any:
    """The Typer option of an option in ``commands.options``: one spelling for both parsers."""
    if isinstance(spec, NumberOption):
        return typer.Option(*spec.names, min=spec.low, max=spec.high, help=help_text)
    if isinstance(spec, Flag):
        return typer.Option(*spec.names, help=help_text)
    if isinstance(spec, ChoiceOption):
        metavar = metavar or f"[{'|'.join(spec.choices)}]"
    return typer.Option(*spec.names, metavar=metavar, help=help_text)


def complete(*kinds: "Kind[Any]") -> Callable[[str], list[tuple[str, str]]]:
    """Shell completion from the names of entries of ``kinds``."""

    def names(incomplete: str) -> list[tuple[str, str]]:
        try:
            from awsmap.catalog import Catalog

            cat = Catalog.open(user_data_paths())
            prefix = incomplete.casefold()
            out: dict[str, str] = {}
            for kind in kinds:
                for entry_id, name in cat.names(kind).items():
                    if entry_id.startswith(prefix) or name.casefold().startswith(prefix):
                        out.setdefault(entry_id, name)
            return sorted(out.items())[:200]
        except Exception:
            return []

    return names


def name_argument(metavar: str, help_text: str, *kinds: "Kind[Any]") -> Any:
    """A name argument of one or more words, completed from the names of entries of ``kinds``."""
    return typer.Argument(
        metavar=metavar, help=help_text, autocompletion=complete(*kinds) if kinds else None
    )


JsonOpt = Annotated[bool, option(JSON, "Print one JSON document (see README).")]
FormatOpt = Annotated[
    str,
    option(
        FORMAT,
        "table (default), json, markdown (pastes into a design doc), mermaid (renders on "
        "GitHub) or dot (Graphviz).",
    ),
]
TagOpt = Annotated[str | None, option(TAG, "Only the entries with this tag.", "TAG")]


def checked_format(fmt: str) -> str:
    """``--format`` as Typer reports a bad one (the fast path leaves those to Typer)."""
    if fmt not in FORMATS:
        raise typer.BadParameter("use table, json, markdown, mermaid or dot", param_hint="--format")
    return fmt
