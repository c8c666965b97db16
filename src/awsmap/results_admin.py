"""What ``validate`` and ``cache`` answer."""

from typing import Any, NamedTuple

from awsmap.problems import Problem

JSON = dict[str, Any]


class CacheFileInfo(NamedTuple):
    name: str
    size: int
    modified: str  # ISO 8601, UTC
    current: bool  # the index of the data in use now

    def to_json(self) -> JSON:
        return {
            "name": self.name,
            "bytes": self.size,
            "modified": self.modified,
            "current": self.current,
        }


class CacheResult(NamedTuple):
    """What the cache directory holds, or what ``cache clear`` removed."""

    directory: str
    files: tuple[CacheFileInfo, ...]
    cleared: bool = False

    @property
    def total(self) -> int:
        return sum(f.size for f in self.files)

    def to_json(self) -> JSON:
        return {
            "directory": self.directory,
            "files": [f.to_json() for f in self.files],
            "total_bytes": self.total,
            "cleared": self.cleared,
        }


class ValidateResult(NamedTuple):
    files: tuple[str, ...]
    problems: tuple[Problem, ...]
    counts: dict[str, int]

    @property
    def valid(self) -> bool:
        return not self.problems

    def to_json(self) -> JSON:
        return {
            "valid": self.valid,
            "files": list(self.files),
            "counts": self.counts,
            "problems": [p.to_json() for p in self.problems],
        }
