"""What each command does once its arguments are parsed, whichever parser read them.

The Typer commands (``awsmap.commands``) and the fast path (``fastpath.py``) both call these, so a
command has one body. Each takes the command's words first, then its options by the names in the
registry (``commands.options``), and returns an exit code when it is not 0. Arguments are checked
here when the check is the domain's (an unknown tag, a bad date); a value the parser itself must
reject (``--format nope``) never reaches an action.
"""

from datetime import date
from typing import Any

from awsmap import runtime
from awsmap.errors import ExitCode, UsageError

STDIN = "-"


def _emit(result: Any, as_json: bool, fmt: str = "table") -> None:
    runtime.emit(result, "json" if as_json else fmt)


def lookup(name: list[str], full: bool = False, as_json: bool = False) -> None:
    from awsmap import queries

    _emit(queries.lookup(runtime.catalog(), " ".join(name), full), as_json)


def aws(service: list[str], as_json: bool = False) -> None:
    from awsmap import queries

    _emit(queries.aws(runtime.catalog(), " ".join(service)), as_json)


def category(name: list[str], as_json: bool = False) -> None:
    from awsmap import lists

    _emit(lists.category(runtime.catalog(), " ".join(name)), as_json)


def categories(as_json: bool = False) -> None:
    from awsmap import lists

    _emit(lists.categories(runtime.catalog()), as_json)


def compare(names: list[str], as_json: bool = False) -> None:
    from awsmap.compare import compare as side_by_side

    _emit(side_by_side(runtime.catalog(), names), as_json)


def search(text: list[str], limit: int = 10, as_json: bool = False) -> None:
    from awsmap.search import search_result

    _emit(search_result(runtime.catalog(), " ".join(text), limit), as_json)


def listing(as_json: bool = False) -> None:
    from awsmap import lists

    _emit(lists.listing(runtime.catalog()), as_json)


def stack(
    names: list[str] | None = None,
    file: str | None = None,
    fmt: str = "table",
    as_json: bool = False,
) -> int | None:
    """Exit 1 when no component maps."""
    import sys
    from pathlib import Path

    from awsmap import compose
    from awsmap import stack as translate

    entries: list[compose.Entry] = []
    source = None
    if file is not None:
        source = "<stdin>" if file == STDIN else file
        text = sys.stdin.read() if file == STDIN else None
        entries = compose.read_entries(Path(source), text)
    result = translate.stack(runtime.catalog(), translate.split_names(names or []), entries, source)
    _emit(result, as_json, fmt)
    return None if result.components else ExitCode.NOT_FOUND


def patterns(tag: str | None = None, as_json: bool = False) -> None:
    from awsmap import library

    _emit(library.patterns(runtime.catalog(), tag), as_json)


def pattern(name: list[str], as_json: bool = False) -> None:
    from awsmap import library

    _emit(library.pattern(runtime.catalog(), " ".join(name)), as_json)


def architectures(tag: str | None = None, as_json: bool = False) -> None:
    from awsmap import library

    _emit(library.architectures(runtime.catalog(), tag), as_json)


def architecture(name: list[str], fmt: str = "table", as_json: bool = False) -> None:
    from awsmap import library

    _emit(library.architecture(runtime.catalog(), " ".join(name)), as_json, fmt)


def questions(tag: str | None = None, as_json: bool = False) -> None:
    from awsmap import library

    _emit(library.questions(runtime.catalog(), tag), as_json)


def question(name: list[str], answer: bool = False, as_json: bool = False) -> None:
    from awsmap import library

    _emit(library.question(runtime.catalog(), " ".join(name), answer), as_json)


def tips(group: str | None = None, pick: bool = False, as_json: bool = False) -> None:
    import random

    from awsmap import library

    _emit(library.tips(runtime.catalog(), group, random.Random() if pick else None), as_json)


def services(status: str | None = None, retired: bool = False, as_json: bool = False) -> None:
    from awsmap import library

    if retired and status is not None:
        raise UsageError("use --status or --retired, not both")
    _emit(library.services(runtime.catalog(), library.RETIRED if retired else status), as_json)


def numbers(service: list[str] | None = None, as_json: bool = False) -> None:
    from awsmap import library

    _emit(library.numbers(runtime.catalog(), " ".join(service) if service else None), as_json)


def quiz(
    count: int = 20,
    mode: str = "type",
    category: str | None = None,
    new: int = 10,
    cram: bool = False,
    retention: float = 0.9,
    until: str | None = None,
    as_json: bool = False,
) -> int | None:
    """Exit 130 when the session was interrupted (every answer given is saved)."""
    from awsmap import console
    from awsmap.render.quiz import make_ui, summary_text
    from awsmap.study import progress, session

    if mode not in session.MODES:
        raise UsageError("--mode is type, flip or choice")
    deadline = _date(until)
    cat = runtime.catalog()
    chosen = progress.category_id(cat, category)
    settings = session.Settings(mode, count, new, chosen, cram, retention, deadline)
    store, notice = progress.open_store()
    if notice:
        console.error_line("note", notice)
    try:
        ui = make_ui(as_json)
        summary = session.run(
            cat, store, progress.study_cards(cat, chosen), settings, ui, progress.now
        )
    finally:
        store.close()
    where = str(store.path) if store.path else None
    if not summary.planned:
        console.error_line("note", "nothing is due; come back later, or use --cram or --new")
    else:
        ui.out.write("\n" + summary_text(summary, where) + "\n")
    return ExitCode.INTERRUPTED if summary.interrupted else None


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--until takes a date like 2026-12-15, not {text!r}") from None


def stats(as_json: bool = False) -> None:
    from awsmap import console
    from awsmap.study import progress

    store, notice = progress.open_store()
    if notice:
        console.error_line("note", notice)
    try:
        _emit(progress.stats(runtime.catalog(), store, notice is None), as_json)
    finally:
        store.close()
