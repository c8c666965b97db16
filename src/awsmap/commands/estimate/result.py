"""The result of an estimate: plain data a view can draw, and the JSON contract.

Every figure carries its formula in words, so the candidate can say how a number was reached, and
every need names the limit it was checked against, so the number can be defended.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Literal, NamedTuple

from .limits import Limit, as_json_number
from .request import Request

NeedKind = Literal["units", "quota"]


class Figure(NamedTuple):
    """A derived number, its unit and how it was derived; ``value`` is None when not derivable."""

    value: Fraction | None
    unit: str
    formula: str

    def json_value(self) -> int | float | None:
        return None if self.value is None else as_json_number(self.value)


class Rate(NamedTuple):
    """Average and peak per second of one kind of request, with the formula for both."""

    avg: Fraction
    peak: Fraction
    formula: str

    def to_json(self) -> dict[str, Any]:
        return {
            "avg": as_json_number(self.avg),
            "peak": as_json_number(self.peak),
            "formula": self.formula,
        }


class Need(NamedTuple):
    """What a service needs for this load, checked against one AWS limit.

    ``units`` needs count scaling units (shards, partitions, prefixes), each good for the limit's
    value; ``quota`` needs are one figure against one ceiling. ``headroom`` is what the limit
    allows over what is needed: below 1 the limit is exceeded. ``said`` is the need as a
    candidate would say it, for the service's ``bites_first`` sentence.
    """

    what: str
    value: Fraction | int
    unit: str
    formula: str
    limit: Limit
    headroom: Fraction
    kind: NeedKind
    said: str = ""

    @property
    def exceeded(self) -> bool:
        return self.headroom < 1

    def to_json(self) -> dict[str, Any]:
        return {
            "what": self.what,
            "value": as_json_number(self.value),
            "unit": self.unit,
            "formula": self.formula,
            "limit": self.limit.to_json(),
            "headroom": as_json_number(round(self.headroom, 3)),
        }


class ServiceEstimate(NamedTuple):
    """One service's needs and the sentence naming the limit that bites first."""

    id: str
    name: str
    needs: tuple[Need, ...]
    bites_first: str
    binding: Need | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "needs": [need.to_json() for need in self.needs],
            "bites_first": self.bites_first,
        }


class Estimate(NamedTuple):
    """A whole estimate: load, data, bandwidth, per-service needs and notes."""

    request: Request
    writes: Rate
    reads: Rate
    bytes_per_day: Figure
    bytes_total: Figure
    in_bytes_per_s: Figure
    out_bytes_per_s: Figure
    services: tuple[ServiceEstimate, ...]
    notes: tuple[str, ...]

    def service(self, service_id: str) -> ServiceEstimate:
        """The estimate for one service id (KeyError when it was not asked for)."""
        for found in self.services:
            if found.id == service_id:
                return found
        raise KeyError(service_id)

    def to_json(self) -> dict[str, Any]:
        """The contract: inputs, load, data, bandwidth, services and notes."""
        return {
            "inputs": self.request.to_json(),
            "load": {"writes_per_s": self.writes.to_json(), "reads_per_s": self.reads.to_json()},
            "data": {
                "bytes_per_day": self.bytes_per_day.json_value(),
                "bytes_total": self.bytes_total.json_value(),
                "formula": {
                    "bytes_per_day": self.bytes_per_day.formula,
                    "bytes_total": self.bytes_total.formula,
                },
            },
            "bandwidth": {
                "in_bytes_per_s": self.in_bytes_per_s.json_value(),
                "out_bytes_per_s": self.out_bytes_per_s.json_value(),
                "formula": {
                    "in_bytes_per_s": self.in_bytes_per_s.formula,
                    "out_bytes_per_s": self.out_bytes_per_s.formula,
                },
            },
            "services": [service.to_json() for service in self.services],
            "notes": list(self.notes),
        }
