"""Decks and cheat sheets from the generated cards: Anki (.apkg), Anki plain text, CSV, Markdown.

Anki notes carry a GUID made from the card id, and fixed model and deck ids, so importing a newer
export updates notes in place instead of duplicating them; the package timestamp is the data
release date, so it only grows with the data. Files are written to a temporary name and renamed
into place, and an existing file is never overwritten unless asked.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import tempfile
import zlib
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path

from awsmap import DATA_RELEASED
from awsmap.base.errors import OutputError, UsageError
from awsmap.base.text import quoted
from awsmap.catalog.models import Technology
from awsmap.catalog.reader import Catalog
from awsmap.study.model import Card

FORMATS = {"anki": ".apkg", "tsv": ".tsv", "csv": ".csv", "markdown": ".md"}
DEFAULT_STEM = {"markdown": "awsmap-cheatsheet"}
MODEL_ID = 1607392319  # fixed forever: Anki matches notes to their note type by it
DECK_BASE = 2059400110
PARENT_DECK = "awsmap"
OTHER_DECK = "General"
_BASE91 = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)


def guid(card_id: str) -> str:
    """genanki.guid_for("awsmap", card_id), computed without importing genanki (a test pins the
    two together): the first 8 bytes of SHA-256 in Anki's base-91 alphabet."""
    number = int.from_bytes(hashlib.sha256(f"awsmap__{card_id}".encode()).digest()[:8], "big")
    out = []
    while number > 0:
        number, digit = divmod(number, len(_BASE91))
        out.append(_BASE91[digit])
    return "".join(reversed(out))


def default_path(fmt: str) -> Path:
    return Path(DEFAULT_STEM.get(fmt, "awsmap-cards") + FORMATS[fmt])


def deck_name(card: Card, categories: dict[str, str]) -> str:
    first = next((categories[c] for c in card.categories if c in categories), OTHER_DECK)
    return f"{PARENT_DECK}::{first}"


def deck_id(name: str) -> int:
    return DECK_BASE + zlib.crc32(name.encode()) % 1_000_000


def release_timestamp() -> float:
    """The data release date as a Unix time: the package timestamp of every Anki export."""
    day = datetime.fromisoformat(DATA_RELEASED).replace(tzinfo=timezone.utc)
    return day.timestamp()


def write_atomically(path: Path, force: bool, make: Callable[[Path], None]) -> None:
    """Have ``make`` write an exclusive temporary file next to ``path``, then put it in place
    (base/files.py: a device or FIFO is written through, a symlink followed, never replaced)."""
    from awsmap.base import files

    try:  # a name too long for the file system fails in the first stat already
        if path.is_dir():
            raise UsageError(f"{quoted(str(path))} is a folder; give a file name with -o")
        if os.path.lexists(path) and not force and not files.is_special(str(path)):
            raise UsageError(
                f"{quoted(str(path))} exists; use --force to replace it, or -o to choose a name"
            )
        folder = path.absolute().parent
        if not folder.is_dir():
            raise OutputError(f"cannot write {quoted(str(path))}: the folder does not exist")
        files.produce(str(path), lambda tmp: make(Path(tmp)))
    except OSError as exc:
        raise OutputError(f"cannot write {quoted(str(path))}: {exc.strerror or exc}") from None


def tsv(cards: Sequence[Card], categories: dict[str, str]) -> str:
    """Anki's plain-text import format: a GUID column updates notes on re-import."""
    lines = [
        "#separator:tab",
        "#html:false",
        "#notetype:Basic",
        "#columns:guid\tFront\tBack\ttags",
        "#guid column:1",
        "#tags column:4",
    ]
    for card in cards:
        back = card.back.replace("\n", " · ")  # one line a note: the answer, then why
        fields = [guid(card.id), card.prompt, back, " ".join(tags(card))]
        lines.append("\t".join(_one_line(f) for f in fields))
    return "\n".join(lines) + "\n"


def tags(card: Card) -> list[str]:
    """Anki tags of a card: its kind (awsmap::number) and its categories (databases)."""
    return [f"awsmap::{card.kind}", *card.categories]


def _one_line(text: str) -> str:
    """One field of a line. Anki reads a line that starts with '#' as a comment, and some GUIDs
    start with '#': such a field (and one with a quote) is quoted, as its CSV reader allows."""
    flat = " ".join(text.replace("\t", " ").split())
    if flat.startswith("#") or '"' in flat:
        return '"' + flat.replace('"', '""') + '"'
    return flat


def csv_text(cards: Sequence[Card], categories: dict[str, str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = ["id", "kind", "front", "back", "categories"]  # not a kind: CSV column names
    writer.writerow(header)
    for card in cards:
        names = "; ".join(categories.get(c, c) for c in card.categories)
        writer.writerow([card.id, card.kind, card.prompt, card.back, names])
    return out.getvalue()


def apkg(cards: Sequence[Card], categories: dict[str, str], path: Path) -> None:
    """An Anki package: one subdeck per category, notes with stable GUIDs."""
    import genanki  # about 150 ms to import: only this format needs it

    model = genanki.Model(
        MODEL_ID,
        "awsmap card",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "CardId"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
            }
        ],
    )
    decks: dict[str, object] = {}
    for card in cards:
        name = deck_name(card, categories)
        if name not in decks:
            decks[name] = genanki.Deck(deck_id(name), name)
        note = genanki.Note(
            model=model,
            fields=[_html(card.prompt), _html(card.back), card.id],
            guid=guid(card.id),
            tags=tags(card),
        )
        decks[name].add_note(note)  # type: ignore[attr-defined]
    _write_package(genanki.Package(list(decks.values())), path)


def _write_package(package: object, path: Path) -> None:
    """genanki's ``write_to_file`` without its leak: it leaves its SQLite working file in the
    system temporary folder on every export. The same steps, in a folder removed afterwards."""
    import itertools
    import json
    import sqlite3
    import zipfile

    timestamp = release_timestamp()
    with tempfile.TemporaryDirectory(prefix="awsmap-anki-") as work:
        collection = os.path.join(work, "collection.anki2")
        conn = sqlite3.connect(collection)
        try:
            ids = itertools.count(int(timestamp * 1000))
            package.write_to_db(conn.cursor(), timestamp, ids)  # type: ignore[attr-defined]
            conn.commit()
        finally:
            conn.close()
        with zipfile.ZipFile(path, "w") as out:
            out.write(collection, "collection.anki2")
            out.writestr("media", json.dumps({}))


def _html(text: str) -> str:
    from html import escape

    return escape(text).replace("\n", "<br>")


def cheatsheet(catalog: Catalog, category: str | None = None) -> tuple[str, int]:
    """A printable Markdown sheet: per category, each technology's AWS answer (relation) and one
    phrase; then each curated comparison's verdict, and the AWS services not to recommend today,
    with what replaces them. Also how many entries (technologies and retired services) it lists."""
    from awsmap.catalog.domain import recommended, status_words
    from awsmap.catalog.kinds import AWS_SERVICE, CATEGORY, COMPARISON, TECHNOLOGY
    from awsmap.find.equivalents import equivalents

    cats = [c for c in catalog.all(CATEGORY) if category is None or c.id == category]
    techs = catalog.all(TECHNOLOGY)
    answers = dict(zip((t.id for t in techs), equivalents(catalog, techs), strict=True))
    lines = [
        "# awsmap cheat sheet",
        "",
        f"Data of {DATA_RELEASED}. Relation: managed (AWS runs "
        "the same engine), compatible (another engine, same API), analogous (same role).",
        "",
    ]
    for cat in cats:
        mine = sorted((t for t in techs if cat.id in t.categories), key=_by_name)
        if not mine:
            continue
        lines += [f"## {md(cat.name)}", ""]
        for tech in mine:
            main = recommended(answers[tech.id])
            aws = f"{main.service.name} ({main.relation})" if main else "-"
            lines.append(f"- **{md(tech.name)}** → {md(aws)}")
            if tech.interview_phrases:
                lines.append(f"  - “{md(tech.interview_phrases[0])}”")
        lines.append("")
    verdicts = [c for c in catalog.all(COMPARISON) if c.verdict] if category is None else []
    verdicts.sort(key=lambda c: c.title.casefold())
    if verdicts:
        lines += ["## Comparisons: the verdicts", ""]
        lines += [f"- **{md(c.title)}**: {md(c.verdict or '')}" for c in verdicts]
        lines.append("")
    if category is None:
        lines += _numbers_section(catalog)
    retired = [s for s in catalog.all(AWS_SERVICE) if s.lifecycle.retired]
    if retired and category is None:
        names = {s.id: s.name for s in catalog.all(AWS_SERVICE)}
        lines += ["## Retired AWS services: do not recommend these today", ""]
        for svc in retired:
            after = ", ".join(names.get(i, i) for i in svc.lifecycle.successors) or "-"
            lines.append(f"- **{md(svc.name)}**: {md(status_words(svc))} → {md(after)}")
        lines.append("")
    return "\n".join(lines), sum(line.startswith("- **") for line in lines)


def _numbers_section(catalog: Catalog) -> list[str]:
    """The general figures for estimates (latency ladder, round trips, throughput, sizes), by
    group: the AWS limits are per service, in `awsmap numbers SERVICE`."""
    from awsmap.base.text import plain_number
    from awsmap.catalog.designs import NUMBER_GROUP_TITLES
    from awsmap.catalog.kinds import NUMBER

    general = [n for n in catalog.all(NUMBER) if n.general]
    if not general:
        return []
    lines = ["## Numbers for estimates", ""]
    for group, title in NUMBER_GROUP_TITLES.items():
        found = [n for n in general if n.group == group]
        if found:
            lines += [f"### {md(title)}", ""]
            lines += [f"- **{md(n.name)}**: {plain_number(n.value)} {md(n.unit)}" for n in found]
            lines.append("")
    return lines


def _by_name(tech: Technology) -> tuple[str, str]:
    return (tech.name.casefold(), tech.id)


def md(text: str) -> str:
    """Text that Markdown shows as written."""
    from awsmap.base.text import safe

    out = safe(text)
    for ch in "\\`*_[]<>|":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())
