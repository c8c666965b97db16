"""The AWS limits an estimate is checked against, as plain records.

The estimator never holds a limit as a constant: every value comes from the numbers data
(``numbers.yaml``) through :func:`limits_from_dataset`, so a limit AWS raises is fixed in one
place, with its source. The arithmetic takes the mapping as plain data and does not import the
loader, which keeps it testable with hand-made limits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any, NamedTuple, Protocol

from awsmap.base.errors import DataError

from .units import SIZE_UNITS


class NumberLike(Protocol):
    """What the loader's number records offer (``awsmap.designs.Number`` has these fields)."""

    @property
    def id(self) -> str: ...
    @property
    def service(self) -> str | None: ...  # None for a general figure (a latency, a size)
    @property
    def value(self) -> float: ...
    @property
    def unit(self) -> str: ...
    @property
    def adjustable(self) -> bool | None: ...
    @property
    def source(self) -> str: ...


class Limit(NamedTuple):
    """One AWS limit: its number id, value and unit, whether it is a soft quota, and its source."""

    id: str
    service: str | None
    value: Fraction
    unit: str
    adjustable: bool | None
    source: str

    @property
    def hard(self) -> bool | None:
        """True for a hard limit, False for a soft quota you can ask to raise, None if unknown."""
        return None if self.adjustable is None else not self.adjustable

    def to_json(self) -> dict[str, Any]:
        """The limit as the result's ``limit`` object names it."""
        return {
            "id": self.id,
            "value": as_json_number(self.value),
            "unit": self.unit,
            "hard": self.hard,
            "source": self.source,
        }


# DynamoDB writes KB, MB and GB but means binary units (its Constraints page: 1 KB = 1024 bytes).
BINARY_SIZE_SERVICES = frozenset({"dynamodb"})


def bytes_of(limit: Limit) -> Fraction:
    """The limit in bytes when its unit starts with a size (``KB``, ``MiB/s per shard``...)."""
    word = limit.unit.split("/")[0].split()[0].lower()
    if word not in SIZE_UNITS:
        raise DataError(f"number {limit.id}: unit {limit.unit!r} is not a size")
    scale = SIZE_UNITS[word]
    if limit.service in BINARY_SIZE_SERVICES and word in {"kb", "mb", "gb", "tb", "pb"}:
        scale = SIZE_UNITS[word.replace("b", "ib")]
    return limit.value * scale


def as_json_number(value: Fraction | int) -> int | float:
    """An integer when the figure is whole, else a float rounded to what a person reads."""
    value = Fraction(value)
    if value.denominator == 1:
        return int(value)
    return round(float(value), 3)


def limit_of(number: NumberLike) -> Limit:
    """One record from a loader number (floats such as 48.8 kept as their decimal text)."""
    return Limit(
        id=number.id,
        service=number.service,
        value=Fraction(str(number.value)),
        unit=number.unit,
        adjustable=number.adjustable,
        source=number.source,
    )


def limits_from_numbers(numbers: Iterable[NumberLike]) -> dict[str, Limit]:
    """Number id -> :class:`Limit`, from any records with the fields of a data number."""
    return {number.id: limit_of(number) for number in numbers}


def limits_from_dataset(dataset: Any) -> dict[str, Limit]:
    """Number id -> :class:`Limit`, from a loaded awsmap dataset (``loader.load().dataset``)."""
    from awsmap.catalog.kinds import NUMBER

    return limits_from_numbers(dataset.of(NUMBER))


def load_limits() -> dict[str, Limit]:
    """The bundled numbers data as limits: what the command passes to :func:`estimate`."""
    from awsmap.catalog import loader

    return limits_from_dataset(loader.load().dataset)


def require(limits: Mapping[str, Limit], number_id: str) -> Limit:
    """A limit the estimator needs; its absence is a data error, never a silent default."""
    try:
        return limits[number_id]
    except KeyError:
        raise DataError(
            f"the numbers data has no {number_id!r}, which awsmap estimate needs"
        ) from None
