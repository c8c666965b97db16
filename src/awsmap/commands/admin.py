"""``validate`` and ``cache``: checking user files and the index cache."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from awsmap.base.errors import DataError, ExitCode, UsageError
from awsmap.base.problems import Problem
from awsmap.base.text import quoted

if TYPE_CHECKING:
    from awsmap.commands.context import Context

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

    @property
    def exit_code(self) -> int:
        """3 when a file is not valid, as for bad data anywhere."""
        return ExitCode.OK if self.valid else ExitCode.DATA

    def to_json(self) -> JSON:
        return {
            "valid": self.valid,
            "files": list(self.files),
            "counts": self.counts,
            "problems": [p.to_json() for p in self.problems],
        }


def validate_result(paths: Sequence[Path]) -> ValidateResult:
    """Every problem in the given user files, checked alone and against the bundled data."""
    from awsmap.catalog import loader
    from awsmap.catalog.bundled import bundled_paths
    from awsmap.catalog.kinds import KINDS

    if not paths:
        raise UsageError("give at least one data file to validate")
    documents, problems = loader.collect_documents(paths)
    counts: dict[str, int] = {}
    if not problems:
        bundled = loader.read_documents(map(Path, bundled_paths()), bundled=True)
        try:
            loader.merge([*bundled, *documents], len(bundled))  # checked against the bundled data
        except DataError as exc:
            problems.extend(exc.problems)
        else:
            counts = {
                kind.plural: sum(len(d.get(kind.plural) or ()) for _p, d in documents)
                for kind in KINDS
            }
    return ValidateResult(tuple(map(str, paths)), tuple(problems), counts)


def cache_result(user_paths: Sequence[str], clear: bool = False) -> CacheResult:
    """The cache directory and awsmap's files in it; with ``clear``, the files just removed."""
    from datetime import datetime, timezone

    from awsmap.base.paths import cache_dir
    from awsmap.catalog import cachefiles, index

    current = index.index_path(user_paths)
    files = cachefiles.clear() if clear else cachefiles.cache_files()
    if clear and (left := cachefiles.cache_files()):
        raise DataError(
            f"could not remove {len(left)} file{'s' if len(left) != 1 else ''} from "
            f"{quoted(str(cache_dir()))} (is it read-only?): {', '.join(f.name for f in left[:3])}"
        )
    return CacheResult(
        str(cache_dir()),
        tuple(
            CacheFileInfo(
                f.name,
                f.size,
                datetime.fromtimestamp(f.modified, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                f.path == current and not clear,
            )
            for f in files
        ),
        cleared=clear,
    )


def validate(ctx: Context, paths: list[str]) -> ValidateResult:
    """Exit 3 when a file is not valid (``ValidateResult.exit_code``)."""
    return validate_result([Path(p) for p in paths])


def cache(ctx: Context) -> CacheResult:
    return cache_result(ctx.data())


def cache_clear(ctx: Context) -> CacheResult:
    return cache_result(ctx.data(), clear=True)
