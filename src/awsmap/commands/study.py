"""``quiz``, ``drill``, ``stats``, ``export`` and ``progress``: the study commands. Their results
and JSON live in ``awsmap.study.results`` (the study layer builds them)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from awsmap.base.errors import ExitCode, UsageError
from awsmap.base.paths import STDIN
from awsmap.study.results import ExportResult, ProgressResult, StatsResult

if TYPE_CHECKING:
    from awsmap.commands.context import Context

MODES_HELP = "--mode is type, flip or choice"


def quiz(
    ctx: Context,
    count: int,
    mode: str,
    category: str | None,
    kinds: Sequence[str],
    new: int,
    cram: bool,
    retention: float,
    until: str | None,
    leeches: bool,
) -> int | None:
    """Exit 130 when the session was interrupted (every answer given is saved)."""
    from awsmap.study import progress, session
    from awsmap.study.model import CARD_KINDS

    if mode not in session.MODES:
        raise UsageError(MODES_HELP)
    unknown = [k for k in kinds or () if k not in CARD_KINDS]
    if unknown:
        raise UsageError(f"--kind is one of {', '.join(CARD_KINDS)}, not {unknown[0]!r}")
    deadline = _date(until, progress.now().date())
    cat = ctx.catalog()
    chosen = progress.category_id(cat, category)
    settings = session.Settings(
        mode,
        count,
        new,
        chosen,
        cram,
        retention,
        deadline,
        kinds=tuple(kinds or ()),
        leeches=leeches,
    )
    store, notice = progress.open_store()
    if notice:
        ctx.note(notice)
    ui = ctx.quiz_ui()
    try:
        cards = progress.study_cards(cat, chosen)
        summary = session.run(cat, store, cards, settings, ui.session(), progress.now, ctx.note)
    finally:
        store.close()
    if not summary.planned:
        ctx.note("nothing is due; come back later, or use --cram or --new")
    else:
        ui.finish(summary, str(store.path) if store.path else None)
    return ExitCode.INTERRUPTED if summary.interrupted else None


def drill(ctx: Context, design: list[str], minutes: int) -> int | None:
    """A design drill through standard input; exit 130 when interrupted (answers are saved)."""
    from awsmap.study import drill as drills
    from awsmap.study import progress

    cat = ctx.catalog()
    chosen = drills.design(cat, design) if design else None
    store, notice = progress.open_store()
    if notice:
        ctx.note(notice)
    ui = ctx.quiz_ui()
    try:
        if chosen is None:
            chosen = drills.due_next(drills.designs(cat), store.states(), progress.now())
        if not chosen.roles:
            raise UsageError(f"{chosen.name} has no AWS services to drill; try another")
        summary = drills.run(cat, store, chosen, ui.drill(), progress.now, minutes or None)
    finally:
        store.close()
    ui.finish_drill(summary, str(store.path) if store.path else None)
    return ExitCode.INTERRUPTED if summary.interrupted else None


def _date(text: str | None, today: date) -> date | None:
    """The interview date: a date, and not one already past."""
    if text is None:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--until takes a date like 2026-12-15, not {text!r}") from None
    if day < today:
        raise UsageError(f"--until {text} is in the past (today is {today.isoformat()})")
    return day


def stats(ctx: Context) -> StatsResult:
    from awsmap.study import progress

    store, notice = progress.open_store()
    if notice:
        ctx.note(notice)
    try:
        return progress.stats(ctx.catalog(), store, notice is None)
    finally:
        store.close()


def export(
    ctx: Context, kind: str, output: str | None, force: bool, category: str | None
) -> ExportResult | None:
    """``-o -`` writes the export to standard output (and nothing else there)."""
    from awsmap.study import export as writers
    from awsmap.study import progress

    if output == STDIN and ctx.fmt == "json":
        raise UsageError("-o - writes the export to standard output; --json cannot share it")
    cat = ctx.catalog()
    chosen = progress.category_id(cat, category)
    if output == STDIN:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="awsmap-export-") as work:
            path = Path(work) / writers.default_path(kind).name
            progress.export(cat, kind, path, True, chosen)
            ctx.write_stdout(path.read_bytes())
        return None
    path = Path(output) if output else writers.default_path(kind)
    return progress.export(cat, kind, path, force, chosen)


def progress(ctx: Context) -> ProgressResult:
    from awsmap.study import progress as study

    return study.describe()


def progress_reset(ctx: Context, yes: bool) -> ProgressResult:
    from awsmap.study import progress as study

    if not yes:
        if not ctx.stdin().isatty():
            raise UsageError("progress reset asks for confirmation; add --yes to reset without it")
        if not ctx.confirm("Reset all study progress (a backup is kept)?"):
            raise UsageError("nothing was reset")
    return study.reset()
