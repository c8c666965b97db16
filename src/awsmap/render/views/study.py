"""Terminal views of study mode: stats (bars and a calendar heatmap), progress and export,
found by the result's type."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from awsmap.base.text import counted
from awsmap.render.richtext import (
    View,
    facts,
    hint,
    inert,
    table,
)
from awsmap.study.model import RATING_WORDS, Stats, Weak, until_due
from awsmap.study.results import ExportResult, ProgressResult, StatsResult

SHADES = " ░▒▓█"
BAR = "█"
BAR_WIDTH = 30


def bar(value: int, top: int, width: int = BAR_WIDTH) -> str:
    return BAR * (round(width * value / top) if top else 0)


def _stats(result: StatsResult) -> list[RenderableType]:
    s = result.stats
    retention = "-" if s.retention is None else f"{s.retention:.0%}"
    out: list[RenderableType] = [
        Text.assemble(
            ("Study progress", "bold cyan"),
            (f"  {s.seen} of {counted(s.cards, 'card')} seen · ", ""),
            (f"{counted(s.reviews, 'review')}{_drills(s)} · ", ""),
            (f"retention {retention} (30 days) · streak {counted(s.streak_days, 'day')}", ""),
        )
    ]
    if not result.saved:
        out.append(
            Text("progress is not saved here: the state directory is not writable", "yellow")
        )
    today, tomorrow, week = s.due
    top = max(week, 1)
    due = Table.grid(padding=(0, 1))
    due.add_column(style="dim")
    due.add_column(justify="right")
    due.add_column(style="cyan")
    for label, n in (("today", today), ("tomorrow", tomorrow), ("this week", week)):
        due.add_row(label, str(n), bar(n, top))
    out.append(Group(Text("Due", style="bold"), due))
    out.append(Group(Text("Reviews, last 12 weeks", style="bold"), _heatmap(s.calendar)))
    started = [c for c in s.by_category if c.seen]
    if started:
        grid = table("Mastery by category", "Category", "Seen", "Mastered", "")
        for c in started:
            grid.add_row(
                inert(c.name),
                f"{c.seen}/{c.cards}",
                str(c.mastered),
                Text(bar(c.mastered, c.cards, 20), style="green"),
            )
        out.append(grid)
        waiting = len(s.by_category) - len(started)
        if waiting:
            out.append(hint(f"{waiting} more categories not started yet"))
    if s.weakest:
        out.append(_weak_table("Weakest cards", s.weakest, result.now))
    if s.leeches:
        out.append(
            _weak_table(
                "Leeches (skipped by quiz; study them with --leeches)", s.leeches, result.now
            )
        )
    if not s.reviews:
        out.append(hint("No reviews yet: start with awsmap quiz"))
    return out


def _drills(s: Stats) -> str:
    if not s.drills:
        return ""
    return f" ({s.drill_reviews} in {counted(s.drills, 'design drill')})"


def _weak_table(title: str, cards: tuple[Weak, ...], now: str) -> Table:
    """Cards with their lapses, FSRS difficulty, last grade and when they come round again.
    No recall percentage: right after a review FSRS says 100%, even for a card just failed."""
    grid = table(title, "Card", "Lapses", "Difficulty", "Last", "Due")
    for w in cards:
        last = RATING_WORDS.get(w.last_rating or 0, "-")
        grid.add_row(
            inert(w.card.prompt + (" (leech)" if w.leech else "")),
            str(w.lapses),
            "-" if w.difficulty is None else f"{w.difficulty:.1f}/10",
            last,
            "now" if not now or w.due <= now else f"in {until_due(w.due, now)}",
        )
    return grid


def _heatmap(calendar: tuple[tuple[str, int], ...]) -> Text:
    """Seven rows (Monday to Sunday), one column a week, darker for more reviews."""
    top = max((n for _d, n in calendar), default=0)
    first = date.fromisoformat(calendar[0][0]) if calendar else date.today()
    rows = [[" "] * 13 for _ in range(7)]
    offset = first.weekday()
    for i, (_day, n) in enumerate(calendar):
        cell = i + offset
        shade = SHADES[0] if not n else SHADES[min(4, 1 + (3 * n) // max(top, 1))]
        rows[cell % 7][cell // 7] = shade
    names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    text = Text()
    for name, row in zip(names, rows, strict=True):
        text.append(f"{name} ", style="dim")
        text.append("".join(row).rstrip(), style="green")
        text.append("\n")
    text.rstrip()
    return text


def _progress(result: ProgressResult) -> list[RenderableType]:
    head = "Progress reset" if result.reset else "Progress"
    out: list[RenderableType] = [
        Text(head, style="bold cyan"),
        facts(
            [
                ("File", inert(result.path)),
                ("Exists", inert("yes" if result.exists else "no (created by the first quiz)")),
                ("Schema", inert(str(result.version)) if result.version is not None else None),
                ("Cards", inert(str(result.cards))),
                ("Reviews", inert(str(result.reviews))),
                ("Last review", inert(result.last_review) if result.last_review else None),
                ("Backup", inert(result.backup) if result.backup else None),
            ]
        ),
    ]
    if not result.reset:
        out.append(hint("awsmap progress reset starts over (a backup is kept)"))
    return out


def _export(result: ExportResult) -> list[RenderableType]:
    plural = "entries" if result.unit == "entry" else "cards"
    count = counted(result.entries, result.unit, plural)
    line = Text.assemble(("Wrote ", ""), inert(result.path, "bold"), f" ({result.format}, {count})")
    out: list[RenderableType] = [line]
    if result.decks:
        out.append(hint(f"{len(result.decks)} decks, e.g. {result.decks[0]}"))
    return out


VIEWS: dict[type[Any], View] = {
    StatsResult: _stats,
    ProgressResult: _progress,
    ExportResult: _export,
}
