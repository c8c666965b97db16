"""From YAML files to one checked :class:`Dataset`.

The bundled files are read through ``importlib.resources``; user files (``--data``, ``AWSMAP_DATA``)
are layered on top. The merge rule, documented in the README: a user entry whose id matches an
existing one replaces it (with a notice); any other clash of ids, names or aliases is an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from awsmap.base.errors import DataError
from awsmap.base.problems import Problem
from awsmap.catalog.bundled import DATA_DIR, bundled_paths, read_bundled
from awsmap.catalog.kinds import KINDS, Dataset
from awsmap.catalog.validation import check_document, reference_problems


@dataclass
class Loaded:
    """A merged dataset, where each entry came from, and what the merge wants the user to know."""

    dataset: Dataset
    origins: dict[tuple[str, str], str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def collect_documents(
    paths: Iterable[Path], bundled: bool = False
) -> tuple[list[tuple[Path, dict[str, Any]]], list[Problem]]:
    """Parse and schema-check files: the data of the good ones, every problem of the others."""
    from awsmap.catalog import yamlio

    documents = []
    problems: list[Problem] = []
    for path in paths:
        try:
            if bundled:
                name = path.relative_to(DATA_DIR).as_posix()
                doc = yamlio.load(Path("awsmap/data", name), text=read_bundled(name))
            else:
                doc = yamlio.load(path)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        found = check_document(doc)
        problems.extend(found)
        if not found:
            documents.append((path, doc.data))
    return documents, problems


def read_documents(
    paths: Iterable[Path], bundled: bool = False
) -> list[tuple[Path, dict[str, Any]]]:
    """The data of every file, or a DataError naming every problem."""
    documents, problems = collect_documents(paths, bundled)
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
    return Loaded(Dataset.from_documents(entries), origins, notices)


def load(user_paths: Sequence[Path] = ()) -> Loaded:
    """The bundled data plus the user's files, parsed, checked and merged."""
    bundled = read_documents(map(Path, bundled_paths()), bundled=True)
    return merge([*bundled, *read_documents(user_paths)], len(bundled))
