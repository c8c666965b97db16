"""The command table: every command, its words, its options and the function that runs it.

This is the one place a command is declared. The parser (``cli/parse.py``) reads argv against
it; Typer's help, usage errors and shell completion (``cli/app.py``) are generated from it; the
process layer reads ``interactive``; the tests read it to check the README and the JSON contract.
A row names its function as ``family`` (a module of ``awsmap.commands``) and ``function``; the
module is imported only when its command runs (``tests/test_commands.py`` resolves every row).
"""

from __future__ import annotations

from awsmap.cli import completion
from awsmap.cli.options import (
    BRIEF,
    CATEGORY_OPTION,
    DRILL_OPTIONS,
    ESTIMATE_OPTIONS,
    FORMAT,
    JSON,
    LIMIT,
    QUIZ_OPTIONS,
    TAG,
    Command,
    Flag,
    TextOption,
    Words,
)

_EXAMPLES = "[bold]Examples[/]: "

COMMANDS: tuple[Command, ...] = (
    Command(
        "show",
        "front",
        "The entry of any kind these words name: what `awsmap WORDS` does.\n\n"
        "A technology, AWS service, role, pattern, architecture, practice question, category,\n"
        "comparison (`s3 vs efs`) or tip, shown as its own command shows it; a name awsmap does\n"
        "not know is 'not found', with the search hits that come closest.\n\n"
        f"{_EXAMPLES}awsmap kafka · awsmap idempotency · awsmap s3 vs efs ·\n"
        "awsmap show cap theorem --json | jq .kind",
        ("idempotency",),
        Words(
            "words",
            "WORDS...",
            "A name of anything awsmap knows; several words ok.",
            complete=completion.TECH_OR_SERVICE,
        ),
        (
            Flag(("--full",), "full", "A technology's features, use cases and comparisons."),
            BRIEF,
            JSON,
        ),
    ),
    Command(
        "lookup",
        "lookup",
        "AWS equivalents, key parallels and interview phrases for a technology.\n\n"
        "Forgives typos and abbreviations; an AWS service name shows the reverse view.\n"
        "`awsmap kafka` finds the same technology (and entries of every other kind).\n\n"
        f"{_EXAMPLES}awsmap lookup kafka · awsmap lookup apache kafka --full ·\n"
        "awsmap lookup k8s · awsmap lookup kafka --json | jq .aws_equivalents",
        ("kafka",),
        Words(
            "name",
            "NAME...",
            "Technology or AWS service; several words ok.",
            complete=completion.TECH_OR_SERVICE,
        ),
        (
            Flag(("--full",), "full", "Add features, use cases, comparisons, corrections."),
            BRIEF,
            JSON,
        ),
    ),
    Command(
        "aws",
        "lookup",
        "Reverse lookup: an AWS service, its lifecycle, and every technology that maps to it.\n\n"
        "Also the building blocks (patterns) that use it and its numbers for estimates.\n\n"
        f"{_EXAMPLES}awsmap aws ddb · awsmap aws kinesis data analytics · awsmap aws app mesh",
        ("dynamodb",),
        Words(
            "service",
            "SERVICE...",
            "AWS service: name, abbreviation or former name.",
            complete=completion.SERVICE,
        ),
        (BRIEF, JSON),
    ),
    Command(
        "category",
        "lists",
        "Every technology of a category with its AWS equivalents.\n\n"
        f"{_EXAMPLES}awsmap category databases · awsmap category cache · awsmap category queues",
        ("databases",),
        Words("name", "NAME...", "Category id, name or alias.", complete=completion.CATEGORY),
        (BRIEF, JSON),
    ),
    Command(
        "categories",
        "lists",
        "Every category with how many technologies it holds.\n\n"
        "[bold]Example[/]: awsmap categories",
        (),
    ),
    Command(
        "compare",
        "compare",
        "Side by side: a curated comparison when one covers the names, else one built from the "
        'data.\n\nQuote multi-word names: awsmap compare "apache kafka" kinesis.\n\n'
        f"{_EXAMPLES}awsmap compare redis memcached · awsmap compare sqs sns eventbridge ·\n"
        "awsmap compare postgresql mysql mongodb",
        ("redis", "memcached"),
        Words(
            "names",
            "NAME...",
            "Two or more technologies or AWS services.",
            complete=completion.TECH_OR_SERVICE,
        ),
    ),
    Command(
        "search",
        "search",
        "Ranked search over technologies, AWS services, patterns, architectures and questions.\n\n"
        "Each result says what kind it is and, for technologies and patterns, the AWS answer.\n\n"
        f'{_EXAMPLES}awsmap search cdc · awsmap search "leader election" ·\n'
        "awsmap search time series -n 5",
        ("stream", "processing"),
        Words("text", "TEXT...", "Words to look for."),
        (LIMIT, JSON),
    ),
    Command(
        "list",
        "lists",
        "The quick reference: every technology, its category, main AWS equivalent and use "
        f"case.\n\n{_EXAMPLES}awsmap list · awsmap list | grep -i queue · awsmap list --json",
        (),
        function="listing",
    ),
    Command(
        "estimate",
        "estimate.command",
        "Back-of-envelope maths from an interviewer's prompt, checked against AWS's own limits.\n\n"
        "Load, data and bandwidth with the working in words, then what each AWS service needs\n"
        "(capacity units, shards, prefixes, concurrency) and the limit that bites first.\n"
        "Sizes: KB/MB/GB decimal, KiB/MiB/GiB binary; rates: 20/day, 5000/s, 50k/s; durations:\n"
        "200ms, 2s; retention: 30d, 5y.\n\n"
        f"{_EXAMPLES}awsmap estimate --dau 10M --writes 20/day --read-ratio 10 --item 2KB "
        "--on dynamodb ·\nawsmap estimate --writes 5000/s --item 1KB --fanout 3 "
        "--on kinesis,lambda --duration 200ms",
        ("--writes", "1000/s", "--on", "dynamodb"),
        options=ESTIMATE_OPTIONS,
        function="estimate",
    ),
    Command(
        "validate",
        "admin",
        "Check user data files and list every problem with file, line and field.\n\n"
        "Exit 0 when valid, 3 when not.\n\n[bold]Example[/]: awsmap validate my-tech.yaml",
        (),  # needs a file: the tests give it one
        Words("paths", "FILE...", "User data files."),
    ),
    Command(
        "stack",
        "stack",
        "Your design on AWS: each component's recommended AWS service, relation and warnings.\n\n"
        "The recommendation is the best current answer: never a retired service where an "
        "available one\nis listed; managed before compatible before analogous unless the data "
        "says why. Exit 0 when at\nleast one component maps, 1 when none does.\n\n"
        f"{_EXAMPLES}awsmap stack postgres redis kafka elasticsearch k8s ·\n"
        'awsmap stack "apache kafka", flink --format markdown ·\n'
        "awsmap stack --file docker-compose.yml --format mermaid",
        ("postgres", "redis", "kafka", "elasticsearch", "k8s"),
        Words(
            "names",
            "[NAME...]",
            "Components: technologies or AWS services; quote multi-word names or separate them "
            "with commas.",
            required=False,
            complete=completion.TECH_OR_SERVICE,
        ),
        (
            TextOption(
                ("--file", "-f"),
                "file",
                "Read the components from a docker-compose file (by image) or a list of names, "
                "one per line; '-' reads standard input.",
                "PATH",
            ),
            FORMAT,
            JSON,
        ),
    ),
    Command(
        "patterns",
        "designs",
        "Every building block (rate limiting, leader election, CDC...) with its AWS answer.\n\n"
        f"{_EXAMPLES}awsmap patterns · awsmap patterns --tag messaging · awsmap patterns --json",
        (),
        options=(TAG, JSON),
    ),
    Command(
        "pattern",
        "designs",
        "A building block: the AWS way and the open-source way to build it, pitfalls, phrases."
        f"\n\n{_EXAMPLES}awsmap pattern leader election · awsmap pattern cdc ·\n"
        'awsmap pattern "rate limiting" --json',
        ("leader", "election"),
        Words(
            "name",
            "NAME...",
            "Pattern name, alias or id (CDC, DLQ...).",
            complete=completion.PATTERN,
        ),
        (BRIEF, JSON),
    ),
    Command(
        "roles",
        "roles",
        "Every role (object storage, message queue, cache...) with its default AWS answer.\n\n"
        f"{_EXAMPLES}awsmap roles · awsmap roles --json",
        (),
    ),
    Command(
        "role",
        "roles",
        "A generic word (cache, queue, CDN) and its AWS answer, with when to pick each choice.\n\n"
        "Also the alternatives outside AWS and the building blocks it relates to. A broad role\n"
        "(database, storage, compute, analytics, messaging) lists its choices with no default."
        "\n\n"
        f'{_EXAMPLES}awsmap role object storage · awsmap role cache · awsmap role "pub/sub" ·\n'
        "awsmap role database --json",
        ("object", "storage"),
        Words(
            "name",
            "NAME...",
            "Role name or alias (blob storage, queue, CDN...).",
            complete=completion.names_of("ROLE"),
        ),
    ),
    Command(
        "architectures",
        "designs",
        "Classic interview designs, each in its open-source form and its AWS form.\n\n"
        f"{_EXAMPLES}awsmap architectures · awsmap architectures --json",
        (),
        options=(TAG, JSON),
    ),
    Command(
        "architecture",
        "designs",
        "A design: its components in open-source and AWS form, the flow and the trade-offs.\n\n"
        f"{_EXAMPLES}awsmap architecture url shortener ·\n"
        "awsmap architecture chat --format mermaid · awsmap architecture payments --format "
        "markdown",
        ("url-shortener",),
        Words("name", "NAME...", "Architecture id or name.", complete=completion.ARCHITECTURE),
        (FORMAT, BRIEF, JSON),
    ),
    Command(
        "questions",
        "designs",
        "Practice questions interviewers ask about these technologies.\n\n"
        f"{_EXAMPLES}awsmap questions · awsmap questions --tag messaging",
        (),
        options=(TAG, JSON),
    ),
    Command(
        "question",
        "designs",
        "A practice question; think first, then --answer shows the model answer in both forms."
        f"\n\n{_EXAMPLES}awsmap question kafka-vs-kinesis · awsmap question kafka-vs-kinesis "
        "--answer",
        ("kafka-vs-kinesis",),
        Words("name", "ID...", "Question id or title.", complete=completion.QUESTION),
        (Flag(("--answer",), "answer", "Add the model answer and the trade-offs."), JSON),
    ),
    Command(
        "tips",
        "reference",
        "Interview tips, CAP theorem notes (corrected) and the study strategy.\n\n"
        f"{_EXAMPLES}awsmap tips · awsmap tips --group cap · awsmap tips --random",
        (),
        options=(
            TextOption(("--group",), "group", "Only one group.", "[tip|cap|strategy]"),
            Flag(("--random",), "pick", "Print one tip, chosen at random."),
            JSON,
        ),
    ),
    Command(
        "services",
        "reference",
        "Every AWS service in the catalog with its status, date and successors.\n\n"
        f"{_EXAMPLES}awsmap services · awsmap services --retired ·\n"
        "awsmap services --status end-of-support --json",
        (),
        options=(
            TextOption(
                ("--status",),
                "status",
                "Only services with this status.",
                "[available|closed-to-new-customers|end-of-support|discontinued]",
            ),
            Flag(
                ("--retired",), "retired", "Only services not to recommend today (not available)."
            ),
            JSON,
        ),
    ),
    Command(
        "numbers",
        "reference",
        "Figures for back-of-envelope maths, with sources: latencies, throughput, sizes, AWS "
        "limits.\n\nThe latency ladder, network round trips, device throughput, what one server "
        "handles, bytes per object, and AWS service limits. A technology gives its own rules of "
        "thumb and its AWS equivalents' limits.\n\n"
        f"{_EXAMPLES}awsmap numbers · awsmap numbers --group latency · awsmap numbers kafka · "
        "awsmap numbers dynamodb · awsmap numbers sqs --json",
        ("kafka",),
        Words(
            "name",
            "[NAME...]",
            "Only this AWS service, or this technology and its AWS equivalents.",
            required=False,
            complete=completion.TECH_OR_SERVICE,
        ),
        (
            TextOption(
                ("--group",),
                "group",
                "Only one group of figures.",
                "[latency|network|throughput|capacity|sizes|aws-limits]",
            ),
            BRIEF,
            JSON,
        ),
    ),
    Command(
        "quiz",
        "study",
        "Practise recall: cards from the data, scheduled with FSRS, progress saved as you go.\n\n"
        "Nine kinds of card (--kind), mixed from the first session. Answers are graded by what\n"
        'they name ("msk", "I\'d use MSK"; analogous where a managed one exists is Hard), numbers\n'
        'with their unit ("1000 wcu", "1k"); empty means "I don\'t know". Piped input is one\n'
        "answer a line; --json prints JSON Lines. Ctrl-C or end of input ends; answers kept.\n\n"
        f"{_EXAMPLES}awsmap quiz · awsmap quiz --mode choice --category databases ·\n"
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
        f"{_EXAMPLES}awsmap drill · awsmap drill url-shortener · awsmap drill chat --minutes 10 ·\n"
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
        f"spots.\n\n{_EXAMPLES}awsmap stats · awsmap stats --json",
        (),
    ),
    Command(
        "export",
        "study",
        "Export the cards: an Anki deck with stable note GUIDs (re-importing updates notes), "
        "Anki's\nplain-text format, CSV, or a printable Markdown cheat sheet.\n\n"
        f"{_EXAMPLES}awsmap export anki · awsmap export tsv -o cards.tsv ·\n"
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
        f"{_EXAMPLES}awsmap progress · awsmap progress --json · awsmap progress reset",
        (),
    ),
    Command(
        "progress reset",
        "study",
        "Start over: back the progress file up next to it, then empty it.\n\n"
        f"{_EXAMPLES}awsmap progress reset · awsmap progress reset --yes",
        ("--yes",),
        options=(Flag(("--yes", "-y"), "yes", "Do not ask for confirmation."), JSON),
    ),
    Command(
        "cache",
        "admin",
        "The cache directory, its index files and their size; 'cache clear' empties it.\n\n"
        "The cache only holds compiled indexes of the data, rebuilt when needed; it never holds\n"
        f"study progress.\n\n{_EXAMPLES}awsmap cache · awsmap cache --json · awsmap cache clear",
        (),
    ),
    Command(
        "cache clear",
        "admin",
        "Delete every awsmap index file in the cache directory (they are rebuilt when needed)."
        f"\n\n{_EXAMPLES}awsmap cache clear · awsmap cache clear --json",
        (),
    ),
)
BY_NAME = {c.name: c for c in COMMANDS}
TOP_LEVEL = tuple(c for c in COMMANDS if " " not in c.name)
DEFAULT = "show"  # `awsmap kafka` is `awsmap show kafka`: any kind, technologies first

# Options of the root command, also accepted after the command name, and whether each takes a
# value.
DATA_OPTION = "--data"
COLOR_OPTION = "--color"
COLOR_MODES = ("auto", "always", "never")
NO_PAGER_OPTION = "--no-pager"
GLOBAL_OPTIONS = {DATA_OPTION: True, COLOR_OPTION: True, NO_PAGER_OPTION: False}
COMPLETE_VAR = "_AWSMAP_COMPLETE"  # set by the shell when it asks Typer for completions


def subcommands(name: str) -> tuple[Command, ...]:
    """The subcommands of a command (``progress reset``)."""
    return tuple(c for c in COMMANDS if c.name.startswith(name + " "))


def near_miss(word: str) -> str | None:
    """The command a first word that is not one was probably meant to be (``lookpu``), which
    is then an error rather than a technology to look up."""
    import difflib

    close = difflib.get_close_matches(word, [c.name for c in TOP_LEVEL], n=1, cutoff=0.8)
    return close[0] if close else None
