"""Rows of the command table (``cli/table.py``) for study: quiz, drill, stats, export, progress."""

from __future__ import annotations

from awsmap.cli import completion
from awsmap.cli.options import (
    CATEGORY_OPTION,
    DRILL_OPTIONS,
    EXAMPLES,
    JSON,
    QUIZ_OPTIONS,
    Command,
    Flag,
    TextOption,
    Words,
)

STUDY_ROWS: tuple[Command, ...] = (
    Command(
        "quiz",
        "study",
        "Practise recall: cards from the data, scheduled with FSRS, progress saved as you go.\n\n"
        "Nine kinds of card (--kind), mixed from the first session. Answers are graded by what\n"
        'they name ("msk", "I\'d use MSK"; analogous where a managed one exists is Hard), numbers\n'
        'with their unit ("1000 wcu", "1k"); empty means "I don\'t know". Piped input is one\n'
        "answer a line; --json prints JSON Lines. Ctrl-C or end of input ends; answers kept.\n\n"
        f"{EXAMPLES}awsmap quiz · awsmap quiz --mode choice --category databases ·\n"
        "awsmap quiz --kind number --kind pattern · awsmap quiz --cram --until 2026-12-15 ·\n"
        "printf 'msk\\n\\n' | awsmap quiz --count 2",
        ("--count", "1"),
        options=QUIZ_OPTIONS,
        interactive=True,
        json_lines=True,
    ),
    Command(
        "drill",
        "study",
        "A design drill: name the AWS service of each role of an architecture, against a clock.\n\n"
        "One role a line; any service of the reference counts (analogous where a managed one\n"
        "exists is Hard); then the AWS form, walk-through and trade-offs. Roles are FSRS cards\n"
        "with your quiz progress: no DESIGN drills the one due next. --minutes times each role.\n\n"
        f"{EXAMPLES}awsmap drill · awsmap drill url-shortener · awsmap drill chat --minutes 10 ·\n"
        "printf 'cloudfront\\napi gateway\\n' | awsmap drill url-shortener --json",
        ("url-shortener",),
        Words(
            "design",
            "[DESIGN...]",
            "An architecture or practice question.",
            required=False,
            complete=completion.ARCHITECTURE,
        ),
        DRILL_OPTIONS,
        interactive=True,
        json_lines=True,
    ),
    Command(
        "stats",
        "study",
        "Your study progress: due cards, retention, streak, a 12-week calendar, mastery, weak "
        f"spots.\n\n{EXAMPLES}awsmap stats · awsmap stats --json",
        (),
    ),
    Command(
        "export",
        "study",
        "Export the cards: an Anki deck with stable note GUIDs (re-importing updates notes), "
        "Anki's\nplain-text format, CSV, or a printable Markdown cheat sheet.\n\n"
        f"{EXAMPLES}awsmap export anki · awsmap export tsv -o cards.tsv ·\n"
        "awsmap export markdown --category databases",
        ("tsv", "-o", "cards.tsv"),
        Words(
            "kind",
            "FORMAT",
            "anki (.apkg), tsv (Anki text), csv or markdown.",
            many=False,
            choices=("anki", "tsv", "csv", "markdown"),
        ),
        (
            TextOption(
                ("--output", "-o"),
                "output",
                "Where to write (default: ./awsmap-cards.EXT).",
                "PATH",
            ),
            Flag(("--force",), "force", "Replace an existing file."),
            CATEGORY_OPTION,
            JSON,
        ),
    ),
    Command(
        "progress",
        "study",
        "Where your study progress is kept, and what it holds; 'progress reset' starts over.\n\n"
        "Progress lives in the user state directory (AWSMAP_STATE_DIR overrides it), apart from "
        "the\ndisposable cache.\n\n"
        f"{EXAMPLES}awsmap progress · awsmap progress --json · awsmap progress reset",
        (),
    ),
    Command(
        "progress reset",
        "study",
        "Start over: back the progress file up next to it, then empty it.\n\n"
        f"{EXAMPLES}awsmap progress reset · awsmap progress reset --yes",
        ("--yes",),
        options=(Flag(("--yes", "-y"), "yes", "Do not ask for confirmation."), JSON),
    ),
)
