"""Building needs against limits, and choosing the one that bites first.

Shared by the per-service checks so that every need says its formula, its limit and its headroom
the same way, and so that "bites first" means one thing: an exceeded quota before anything else,
then the scaling dimension that needs the most units, then the quota closest to its ceiling.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import NamedTuple

from .limits import Limit, require
from .request import Request
from .result import Need, Rate
from .units import ceil, num, size_words


class Context(NamedTuple):
    """What every service check reads: the request, the load and the limits."""

    request: Request
    writes: Rate
    reads: Rate
    bytes_total: Fraction | None
    limits: Mapping[str, Limit]

    def limit(self, number_id: str) -> Limit:
        return require(self.limits, number_id)

    @property
    def item(self) -> Fraction:
        return self.request.item_bytes

    @property
    def requests_peak(self) -> Fraction:
        """Reads and writes together: what a front door (API, function) sees at peak."""
        return self.writes.peak + self.reads.peak


def soft_words(limit: Limit) -> str:
    """How movable a limit is, in the words a candidate would use."""
    if limit.hard is False:
        return "a soft quota: ask AWS to raise it"
    if limit.hard:
        return "a hard limit: design around it"
    return "check whether it can be raised"


def units_need(
    what: str,
    demand: Fraction,
    per_unit: Fraction,
    limit: Limit,
    unit: str,
    demand_words: str,
    per_unit_words: str,
    on: str,
) -> Need:
    """How many scaling units (shards, partitions...) a demand needs at ``per_unit`` each."""
    units = max(1, ceil(demand / per_unit))
    exact = num(demand / per_unit, 2)
    per = (
        ""
        if " per " in f" {limit.unit} "
        else f" per {unit.removesuffix('es' if unit.endswith('xes') else 's')}"
    )
    formula = f"{demand_words} ÷ {per_unit_words} = {exact} → {num(units)} {unit}"
    return Need(
        what=what,
        value=units,
        unit=unit,
        formula=formula,
        limit=limit,
        headroom=units * per_unit / demand,
        kind="units",
        said=f"{num(units)} {unit}, bound by {num(limit.value)} {limit.unit}{per} on {on}",
    )


def quota_need(
    what: str,
    value: Fraction,
    unit: str,
    limit: Limit,
    ceiling: Fraction,
    formula: str,
    ceiling_words: str | None = None,
    phrase: str | None = None,
) -> Need:
    """One figure against one ceiling (an account quota, a size limit).

    ``phrase`` follows the figure in the sentence a candidate says ("RCU at peak"); by default
    it is the unit and the tail of ``what`` that places the figure.
    """
    ceiling_words = ceiling_words or f"{num(limit.value)} {limit.unit}"
    headroom = ceiling / value
    figure = size_words(value) if unit == "bytes" else num(value)
    phrase = phrase or f"{'' if unit == 'bytes' else unit + ' '}{_tail(what)}".strip()
    if headroom < 1:
        said = f"{figure} {phrase}, over the {ceiling_words} limit ({soft_words(limit)})"
    else:
        share = value * 100 / ceiling
        percent = f"{num(round(share))}%" if share >= 1 else "under 1%"
        said = f"{figure} {phrase}, {percent} of the {ceiling_words} limit"
    return Need(
        what=what,
        value=value,
        unit=unit,
        formula=formula,
        limit=limit,
        headroom=headroom,
        kind="quota",
        said=said,
    )


def _tail(what: str) -> str:
    """``at peak`` from ``write capacity units at peak``: the words that place the figure."""
    for tail in ("at peak", "per item", "per message", "per request", "stored"):
        if what.endswith(tail):
            return tail
    return what


def binding_need(needs: tuple[Need, ...]) -> Need | None:
    """What bites first: an exceeded quota, else the most units, else the tightest quota."""
    exceeded = [need for need in needs if need.kind == "quota" and need.exceeded]
    if exceeded:
        return min(exceeded, key=lambda need: need.headroom)
    units = [need for need in needs if need.kind == "units"]
    if units:
        return max(units, key=lambda need: (need.value, -need.headroom))
    quotas = [need for need in needs if need.kind == "quota"]
    return min(quotas, key=lambda need: need.headroom) if quotas else None


def bites_first(name: str, needs: tuple[Need, ...], fallback: str) -> tuple[str, Need | None]:
    """The sentence a candidate can say, and the need it is about."""
    need = binding_need(needs)
    if need is None:
        return f"{name}: {fallback}", None
    return f"{name}: {need.said}", need
