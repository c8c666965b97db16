"""From YAML files to one checked :class:`Dataset`.

The bundled files are read through ``importlib.resources``; user files (``--data``, ``AWSMAP_DATA``)
are layered on top. The merge rule, documented in the README: a user entry whose id matches an
existing one replaces it (with a notice); any other clash of ids, names or aliases is an error.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from awsmap.base.errors import DataError
from awsmap.base.forked import forked_map
from awsmap.base.problems import Problem
from awsmap.catalog.bundled import DATA_DIR, bundled_paths, read_bundled
from awsmap.catalog.kinds import KINDS, Dataset
from awsmap.catalog.validation import check_document, reference_problems


@dataclass
class Loaded:
    """A merged dataset, where each entry came from, and what the merge wants the user to know.
    ``entries`` holds each kind's checked document entries; the typed records (``dataset``) are
    built on first use: compiling the index reads the documents and never needs them."""

    entries: dict[str, list[dict[str, Any]]]
    origins: dict[tuple[str, str], str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    _dataset: Dataset | None = field(default=None, repr=False, compare=False)

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            self._dataset = Dataset.from_documents(self.entries)
        return self._dataset


# Reading a file (parsing, then the schema check) is independent of every other file and costs
# about half a second per 2 MiB, nearly all of it in PyYAML. Files worth more than PARALLEL_BYTES
# in all are read by one forked process per core (``base.forked``); tests/test_loader.py pins that
# the outcome is the one of reading them in turn.
PARALLEL_BYTES = 4 * 1024 * 1024


def _read_one(path: Path, bundled: bool) -> Read:
    """One file's data if it is good, and its problems."""
    from awsmap.catalog import yamlio

    try:
        if bundled:
            name = path.relative_to(DATA_DIR).as_posix()
            doc = yamlio.load(Path("awsmap/data", name), text=read_bundled(name))
        else:
            doc = yamlio.load(path)
    except DataError as exc:
        return None, list(exc.problems)
    found = check_document(doc)
    return (None if found else doc.data), found


Read = tuple[dict[str, Any] | None, list[Problem]]  # a file's data if good, and its problems


def _read_all(items: list[tuple[Path, bool]]) -> list[Read]:
    """Each (path, is it bundled) file read; in parallel when the user's files are large."""
    parallel = _size([path for path, bundled in items if not bundled]) > PARALLEL_BYTES
    return forked_map(_read, items, parallel)


def _read(item: tuple[Path, bool]) -> Read:
    return _read_one(*item)


def _size(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return total


def collect_documents(
    paths: Iterable[Path], bundled: bool = False
) -> tuple[list[tuple[Path, dict[str, Any]]], list[Problem]]:
    """Parse and schema-check files: the data of the good ones, every problem of the others."""
    paths = list(paths)
    return _documents(paths, _read_all([(path, bundled) for path in paths]))


def _documents(
    paths: list[Path], results: list[Read]
) -> tuple[list[tuple[Path, dict[str, Any]]], list[Problem]]:
    documents = []
    problems: list[Problem] = []
    for path, (data, found) in zip(paths, results, strict=True):
        problems.extend(found)
        if data is not None:
            documents.append((path, data))
    return documents, problems


def read_documents(
    paths: Iterable[Path], bundled: bool = False
) -> list[tuple[Path, dict[str, Any]]]:
    """The data of every file, or a DataError naming every problem."""
    return _checked(collect_documents(paths, bundled))


def _checked(
    read: tuple[list[tuple[Path, dict[str, Any]]], list[Problem]],
) -> list[tuple[Path, dict[str, Any]]]:
    documents, problems = read
    if problems:
        raise DataError.of(tuple(problems))
    return documents


def merge(documents: Sequence[tuple[Path, dict[str, Any]]], bundled_count: int) -> Loaded:
    """Layer documents in order; ids from later user files replace earlier entries."""
    merged: dict[str, dict[str, dict[str, Any]]] = {kind.key: {} for kind in KINDS}
    origins: dict[tuple[str, str], str] = {}
    notices: list[str] = []
    problems: list[Problem] = []
    for index, (path, data) in enumerate(documents):
        is_user = index >= bundled_count
        seen_here: set[tuple[str, str]] = set()
        for kind in KINDS:
            for entry in data.get(kind.plural) or ():
                key = (kind.key, entry["id"])
                label = kind.label(entry["id"])
                if key in seen_here:
                    problems.append(
                        Problem(str(path), "id is used twice in this file", entry=label, field="id")
                    )
                    continue
                seen_here.add(key)
                if key in origins:
                    if not is_user:
                        message = f"id also defined in {origins[key]}"
                        problems.append(Problem(str(path), message, entry=label, field="id"))
                        continue
                    notices.append(
                        f"{path}: {label} replaces the one from {Path(origins[key]).name}"
                    )
                merged[kind.key][entry["id"]] = entry
                origins[key] = str(path)
    if problems:
        raise DataError.of(tuple(problems))
    entries = {key: list(found.values()) for key, found in merged.items()}
    found = reference_problems(entries, origins)
    if found:
        raise DataError.of(tuple(found))
    return Loaded(entries, origins, notices)


# The bundled documents, parsed and checked, kept for the life of the process with the stat of
# their files: a process that compiles more than once (a test session, a tool building indexes
# for several sets of user files) reads the bundled files once. The CLI compiles at most once a
# run, so it never meets a second use. Documents are read-only after loading (merge and the
# record builders copy what they keep); tests/test_loader.py pins both.
_BUNDLED: tuple[tuple[tuple[str, int, int], ...], list[tuple[Path, dict[str, Any]]]] | None = None


def bundled_documents() -> list[tuple[Path, dict[str, Any]]]:
    return _bundled(_bundled_key())


def _bundled(key: tuple[tuple[str, int, int], ...]) -> list[tuple[Path, dict[str, Any]]]:
    """The bundled documents of the files ``key`` names, read once while they are unchanged."""
    global _BUNDLED
    if _BUNDLED is None or _BUNDLED[0] != key:
        paths = [Path(path) for path, _size, _mtime in key]
        _BUNDLED = (key, read_documents(paths, bundled=True))
    return _BUNDLED[1]


def _bundled_key() -> tuple[tuple[str, int, int], ...]:
    return tuple((p, (st := os.stat(p)).st_size, st.st_mtime_ns) for p in bundled_paths())


def load(
    user_paths: Sequence[Path] = (), shipped: list[tuple[Path, dict[str, Any]]] | None = None
) -> Loaded:
    """The bundled data plus the user's files, parsed, checked and merged. ``shipped``: the
    bundled documents, already read and checked (``index.shipped_documents``)."""
    global _BUNDLED
    user = list(user_paths)
    if shipped is not None:
        return merge([*shipped, *read_documents(user)], len(shipped))
    key = _bundled_key()
    read: list[Read] | None = None
    if (_BUNDLED is None or _BUNDLED[0] != key) and _size(user) > PARALLEL_BYTES:
        # a large first read: the bundled files are read by the same workers as the user's,
        # after them (the small files last, so that no worker is left with a large one alone)
        bundled = [Path(path) for path, _size, _mtime in key]
        read = _read_all([*((p, False) for p in user), *((p, True) for p in bundled)])
        _BUNDLED = (key, _checked(_documents(bundled, read[len(user) :])))
    bundled_docs = _bundled(key)  # the bundled files' problems are reported first
    documents = (
        _checked(_documents(user, read[: len(user)])) if read is not None else read_documents(user)
    )
    return merge([*bundled_docs, *documents], len(bundled_docs))
