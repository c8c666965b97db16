"""The wrong options of choice mode: plausible, and never a right answer.

A wrong option for "Snowflake on AWS?" comes from the same category (another data warehousing
service), is open to new customers, is none of the card's accepted answers, and is not named in
the entry's own text (Snowflake's notes say Athena reads its Iceberg tables: Athena would be a
defensible answer, so it is never offered as a wrong one). The options are fixed per card.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from awsmap.catalog.domain import recommended
from awsmap.study.sources import Sources, mentions, short_name

WRONG = 3  # with the right one, four options


class Chooser:
    """Wrong options for the cards of one deck (built once per generation)."""

    def __init__(self, sources: Sources) -> None:
        self._sources = sources
        self._primary: dict[str, list[str]] = {}  # per category: its technologies' main answers
        self._techs: dict[str, list[str]] = {}
        for tech in sources.techs:
            main = recommended(sources.options[tech.id])
            for cat in tech.categories:
                self._techs.setdefault(cat, []).append(tech.id)
                if main is not None and main.available:
                    self._primary.setdefault(cat, []).append(main.service.id)
        self._services: dict[str, list[str]] = {}
        live = [s for s in sources.services.values() if not s.lifecycle.retired]
        for svc in live:
            for cat in sources.service_categories.get(svc.id, ()):
                self._services.setdefault(cat, []).append(svc.id)
        self._live = sorted(s.id for s in live)
        self._tech_names = {t.id: t.name for t in sources.techs}
        self._tech_aliases = {t.id: (t.name, *t.aliases) for t in sources.techs}
        self._tech_blurbs = {t.id: t.what_it_is.lower() for t in sources.techs}
        self._service_names = {s.id: s.name for s in sources.services.values()}
        self._service_aliases = {
            s.id: (s.name, short_name(s), *s.aliases) for s in sources.services.values()
        }
        self._service_blurbs = {s.id: s.description.lower() for s in sources.services.values()}

    def services(
        self,
        card_id: str,
        categories: Sequence[str],
        right: Iterable[str],
        text: str,
        subject: tuple[str, ...] = (),
    ) -> tuple[str, ...]:
        """Names of AWS services of the card's categories that are not right answers: none the
        card's ``text`` names, none whose own description names the ``subject`` (Aurora DSQL
        describes itself as PostgreSQL-compatible: never a wrong answer for PostgreSQL)."""
        pools = (
            lambda: [i for c in categories for i in self._primary.get(c, [])],
            lambda: [i for c in categories for i in self._services.get(c, [])],
            lambda: self._live,
        )
        found = self._pick(
            _Ask(card_id, set(right), text.lower(), subject),
            pools,
            self._service_aliases,
            self._service_blurbs,
        )
        return tuple(self._service_names[i] for i in found)

    def technologies(
        self,
        card_id: str,
        categories: Sequence[str],
        right: Iterable[str],
        text: str,
        subject: tuple[str, ...] = (),
    ) -> tuple[str, ...]:
        """Names of technologies of the card's categories that are not right answers."""
        pools = (
            lambda: [i for c in categories for i in self._techs.get(c, [])],
            lambda: sorted(self._tech_names),
        )
        found = self._pick(
            _Ask(card_id, set(right), text.lower(), subject),
            pools,
            self._tech_aliases,
            self._tech_blurbs,
        )
        return tuple(self._tech_names[i] for i in found)

    @staticmethod
    def _pick(
        ask: _Ask,
        pools: Sequence[Callable[[], list[str]]],
        aliases: dict[str, tuple[str, ...]],
        blurbs: dict[str, str],
    ) -> list[str]:
        rng = random.Random(ask.card_id)
        right_names = {aliases[i][0].lower() for i in ask.right if i in aliases}
        picked: list[str] = []
        for make in pools:  # the card's categories first; any other entry only to make up four
            if len(picked) == WRONG:
                break
            candidates = sorted(set(make()) - ask.right - set(picked))
            rng.shuffle(candidates)
            for i in candidates:
                if len(picked) == WRONG:
                    break
                plausible = (
                    aliases[i][0].lower() not in right_names
                    and not mentions(ask.text, aliases[i])
                    and not mentions(blurbs[i], ask.subject)
                )
                if plausible:
                    picked.append(i)
        return picked


class _Ask(NamedTuple):
    card_id: str
    right: set[str]
    text: str  # the card's entry's text, in lower case
    subject: tuple[str, ...]  # the entry's names


def quantities(card_id: str, value: float, tolerance: float) -> tuple[float, ...]:
    """Three wrong values for a number card, of the same order as the right one and far enough
    from it to be wrong (an order of magnitude off, or a few times off)."""
    rng = random.Random(card_id)
    factors = [0.1, 0.25, 0.5, 2.0, 4.0, 10.0]
    rng.shuffle(factors)
    out: list[float] = []
    whole = float(value).is_integer()
    for factor in factors:
        candidate = nice(value * factor)
        candidate = float(max(1, round(candidate))) if whole else candidate
        close = abs(candidate - value) <= tolerance * value or candidate <= 0
        if not close and candidate not in out:
            out.append(candidate)
        if len(out) == WRONG:
            break
    return tuple(out)


def nice(number: float) -> float:
    """A round number near ``number`` (two significant figures), as people quote limits."""
    if number >= 10:
        digits = len(str(int(number))) - 2
        return float(round(number / 10**digits) * 10**digits)
    return round(number, 1) if number >= 1 else round(number, 2)
