"""``awsmap quiz``: spaced-repetition practice from the data, graded by what you name."""

from typing import Annotated

from awsmap import actions
from awsmap.commands.common import JsonOpt, guarded, option
from awsmap.commands.options import CATEGORY, COUNT, CRAM, MODE, NEW, RETENTION, UNTIL


@guarded
def quiz(
    count: Annotated[int, option(COUNT, "Cards in this session.")] = 20,
    mode: Annotated[
        str,
        option(
            MODE,
            "type the answer (graded by what it names), flip and grade yourself, or pick one "
            "of four.",
            "[type|flip|choice]",
        ),
    ] = "type",
    category: Annotated[str | None, option(CATEGORY, "Only one category.", "NAME")] = None,
    new: Annotated[int, option(NEW, "New cards a day.")] = 10,
    cram: Annotated[bool, option(CRAM, "Ignore due dates: the weakest cards first.")] = False,
    retention: Annotated[
        float,
        option(RETENTION, "Desired retention (FSRS)."),
    ] = 0.9,
    until: Annotated[
        str | None,
        option(UNTIL, "Your interview date: no interval reaches past it.", "YYYY-MM-DD"),
    ] = None,
    as_json: JsonOpt = False,
) -> int | None:
    """Practise recall: cards from the data, scheduled with FSRS, progress saved as you go.

    Answers are graded by resolving them like lookup: any right equivalent counts ("msk",
    "Amazon MSK", "managed kafka"); an analogous service where a managed one exists is Hard; an
    empty answer means "I don't know". Piped input is read one answer per line; --json prints one
    JSON object per card (JSON Lines). Ctrl-C or end of input ends the session, keeping every
    answer given.

    [bold]Examples[/]: awsmap quiz · awsmap quiz --mode choice --category databases ·
    awsmap quiz --cram --until 2026-12-15 · printf 'msk\\n\\n' | awsmap quiz --count 2
    """
    return actions.quiz(count, mode, category, new, cram, retention, until, as_json)
