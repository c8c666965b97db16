"""The study commands' queries: open the progress store, pick cards, stats, reset, export."""

from __future__ import annotations

import itertools
import os
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from awsmap.base.errors import UsageError
from awsmap.base.paths import NOW_ENV, progress_db
from awsmap.catalog.kinds import CATEGORY
from awsmap.catalog.reader import Catalog
from awsmap.find.resolve import resolve
from awsmap.study import cardcache
from awsmap.study import stats as stats_maker
from awsmap.study.model import Card
from awsmap.study.records import now_iso
from awsmap.study.results import ExportResult, ProgressResult, StatsResult
from awsmap.study.store import ReadOnlyProgress, Store

if TYPE_CHECKING:
    from pathlib import Path


EARLIEST = datetime(2000, 1, 1, tzinfo=timezone.utc)  # a pretended time within reason: FSRS
LATEST = datetime(2200, 1, 1, tzinfo=timezone.utc)  # adds intervals of years to it


def now() -> datetime:
    """The current time, UTC; ``AWSMAP_NOW`` (ISO 8601) pretends another, for tests and demos."""
    fixed = os.environ.get(NOW_ENV)
    if fixed:
        try:
            moment = datetime.fromisoformat(fixed.replace("Z", "+00:00"))
        except ValueError:
            raise UsageError(
                f"{NOW_ENV} must be an ISO 8601 time, e.g. 2026-12-01T09:00:00Z"
            ) from None
        moment = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
        if not EARLIEST <= moment <= LATEST:
            raise UsageError(
                f"{NOW_ENV} must be between {EARLIEST.year} and {LATEST.year - 1}, not {fixed!r}"
            )
        return moment.astimezone(timezone.utc)  # any offset, converted: the scheduler wants UTC
    return datetime.now(timezone.utc)


def open_store() -> tuple[Store, str | None]:
    """The progress store, or an in-memory one and the reason when the file cannot be written.
    A damaged or foreign file is not a reason to fall back: that raises, and is left alone."""
    path = progress_db()
    try:
        return Store.open(path), None
    except ReadOnlyProgress as exc:
        return Store.copy_in_memory(path), f"progress is not saved ({exc})"
    except OSError as exc:
        return Store.in_memory(), f"progress is not saved ({exc})"


def category_id(catalog: Catalog, name: str | None) -> str | None:
    return resolve(catalog, name, (CATEGORY,)).id if name else None


def study_cards(catalog: Catalog, category: str | None = None) -> list[Card]:
    cards = cardcache.cards(catalog)
    return [c for c in cards if category is None or category in c.categories]


def stats(catalog: Catalog, store: Store, saved: bool) -> StatsResult:
    cards = study_cards(catalog)
    names = catalog.names(CATEGORY)
    moment = now()
    computed = stats_maker.compute(
        cards, store.states(), store.reviews(), names, moment, store.lapses(), len(store.drills())
    )
    return StatsResult(computed, saved, now_iso(moment))


def describe(path: str | None = None) -> ProgressResult:
    """The progress file, read without creating it."""
    path = path or progress_db()
    if not os.path.exists(path):
        return ProgressResult(str(path), False, None, 0, 0, 0, None)
    store = Store.open(path)
    try:
        reviews = store.reviews()
        return ProgressResult(
            str(path),
            True,
            store.version(),
            os.path.getsize(path),
            len(store.states()),
            len(reviews),
            reviews[-1].reviewed_at if reviews else None,
        )
    finally:
        store.close()


def reset() -> ProgressResult:
    """Back the progress up next to it, then empty it."""
    path = progress_db()
    before = describe(path)
    if not before.exists:
        return before._replace(reset=True)
    backup = _new_backup_name(path, now().strftime("%Y%m%dT%H%M%SZ"))
    store = Store.open(path)
    try:
        store.backup(backup)
        store.reset()
    finally:
        store.close()
    return describe(path)._replace(backup=str(backup), reset=True)


def _new_backup_name(path: str, stamp: str) -> str:
    """A backup file name no other file has, reserved by creating it empty and exclusively: two
    resets in the same second keep two backups, never one over the other."""
    stem, suffix = os.path.splitext(path)
    for n in itertools.count(1):
        name = f"{stem}-{stamp}{'' if n == 1 else f'-{n}'}.backup{suffix}"
        try:
            os.close(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            continue
        return name
    raise AssertionError("unreachable")


def export(
    catalog: Catalog, fmt: str, path: Path, force: bool, category: str | None
) -> ExportResult:
    from awsmap.study.export import (
        FORMATS,
        apkg,
        cheatsheet,
        csv_text,
        deck_name,
        tsv,
        write_atomically,
    )

    if fmt not in FORMATS:
        raise UsageError(f"the format is one of {', '.join(FORMATS)}")
    names = catalog.names(CATEGORY)
    cards = study_cards(catalog, category)
    if fmt == "anki":
        write_atomically(path, force, lambda tmp: apkg(cards, names, tmp))
        decks = tuple(sorted({deck_name(c, names) for c in cards}))
        return ExportResult(str(path), fmt, len(cards), decks, len(cards))
    entries = len(cards)
    if fmt == "markdown":
        text, entries = cheatsheet(catalog, category)
    else:
        text = tsv(cards, names) if fmt == "tsv" else csv_text(cards, names)

    def produce(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    write_atomically(path, force, produce)
    return ExportResult(str(path), fmt, len(cards), entries=entries)
