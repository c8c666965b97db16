"""``awsmap quiz``: spaced-repetition practice from the data, graded by what you name."""

from datetime import date
from typing import Annotated

import typer

from awsmap.commands.common import JsonOpt, catalog, guarded
from awsmap.errors import ExitCode, UsageError


@guarded
def quiz(
    count: Annotated[int, typer.Option("--count", "-n", min=1, help="Cards in this session.")] = 20,
    mode: Annotated[
        str,
        typer.Option(
            "--mode",
            metavar="[type|flip|choice]",
            help="type the answer (graded by what it names), flip and grade yourself, or pick "
            "one of four.",
        ),
    ] = "type",
    category: Annotated[
        str | None, typer.Option("--category", metavar="NAME", help="Only one category.")
    ] = None,
    new: Annotated[int, typer.Option("--new", min=0, help="New cards a day.")] = 10,
    cram: Annotated[
        bool, typer.Option("--cram", help="Ignore due dates: the weakest cards first.")
    ] = False,
    retention: Annotated[
        float,
        typer.Option("--retention", min=0.7, max=0.99, help="Desired retention (FSRS)."),
    ] = 0.9,
    until: Annotated[
        str | None,
        typer.Option(
            "--until",
            metavar="YYYY-MM-DD",
            help="Your interview date: no interval reaches past it.",
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Practise recall: cards from the data, scheduled with FSRS, progress saved as you go.

    Answers are graded by resolving them like lookup: any right equivalent counts ("msk",
    "Amazon MSK", "managed kafka"); an analogous service where a managed one exists is Hard; an
    empty answer means "I don't know". Piped input is read one answer per line; --json prints one
    JSON object per card (JSON Lines). Ctrl-C or end of input ends the session, keeping every
    answer given.

    [bold]Examples[/]: awsmap quiz · awsmap quiz --mode choice --category databases ·
    awsmap quiz --cram --until 2026-12-15 · printf 'msk\\n\\n' | awsmap quiz --count 2
    """
    from awsmap import console
    from awsmap.render.quiz import make_ui, summary_text
    from awsmap.study import progress, session

    if mode not in session.MODES:
        raise UsageError("--mode is type, flip or choice")
    deadline = _date(until)
    cat = catalog()
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
    if summary.interrupted:
        raise typer.Exit(ExitCode.INTERRUPTED)


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--until takes a date like 2026-12-15, not {text!r}") from None
