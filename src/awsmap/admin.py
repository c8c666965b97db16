"""``validate`` and ``cache``: checking user data files, and the cache directory."""

from collections.abc import Sequence
from pathlib import Path

from awsmap.errors import DataError, UsageError
from awsmap.results_admin import CacheFileInfo, CacheResult, ValidateResult


def validate(paths: Sequence[Path]) -> ValidateResult:
    """Every problem in the given user files, checked alone and against the bundled data."""
    from awsmap import loader
    from awsmap.bundled import bundled_paths
    from awsmap.kinds import KINDS

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


def cache(user_paths: Sequence[str], clear: bool = False) -> CacheResult:
    """The cache directory and awsmap's files in it; with ``clear``, the files just removed."""
    from datetime import datetime, timezone

    from awsmap import index
    from awsmap.paths import cache_dir

    current = index.index_path(user_paths)
    files = index.clear() if clear else index.cache_files()
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
