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

from awsmap.bundled import DATA_DIR, bundled_paths, read_bundled
from awsmap.errors import DataError
from awsmap.models import Dataset
from awsmap.problems import Problem
from awsmap.validation import check_document, reference_problems

KINDS = ("categories", "aws_services", "technologies", "comparisons")
_SINGULAR = {
    "categories": "category",
    "aws_services": "aws_service",
    "technologies": "technology",
    "comparisons": "comparison",
}


@dataclass
class Loaded:
    """A merged dataset, where each entry came from, and what the merge wants the user to know."""

    dataset: Dataset
    origins: dict[tuple[str, str], str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def read_documents(
    paths: Iterable[Path], bundled: bool = False
) -> list[tuple[Path, dict[str, Any]]]:
    """Parse and schema-check files; every problem of every file, or their data."""
    from awsmap import yamlio

    documents = []
    problems: list[Problem] = []
    for path in paths:
        if bundled:
            name = path.relative_to(DATA_DIR).as_posix()
            doc = yamlio.load(Path("awsmap/data", name), text=read_bundled(name))
        else:
            doc = yamlio.load(path)
        found = check_document(doc)
        problems.extend(found)
        if not found:
            documents.append((path, doc.data))
    if problems:
        raise_problems(problems)
    return documents


def raise_problems(problems: Sequence[Problem]) -> None:
    count = len(problems)
    first = str(problems[0])
    more = (
        f" (and {count - 1} more problem{'s' if count > 2 else ''}; "
        "'awsmap validate FILE' lists them all)"
        if count > 1
        else ""
    )
    raise DataError(first + more, details=tuple(str(p) for p in problems))


def merge(documents: Sequence[tuple[Path, dict[str, Any]]], bundled_count: int) -> Loaded:
    """Layer documents in order; ids from later user files replace earlier entries."""
    merged: dict[str, dict[str, dict[str, Any]]] = {kind: {} for kind in KINDS}
    origins: dict[tuple[str, str], str] = {}
    notices: list[str] = []
    problems: list[Problem] = []
    for index, (path, data) in enumerate(documents):
        is_user = index >= bundled_count
        seen_here: set[tuple[str, str]] = set()
        for kind in KINDS:
            for entry in data.get(kind) or ():
                key = (_SINGULAR[kind], entry["id"])
                if key in seen_here:
                    problems.append(
                        Problem(
                            str(path),
                            "id is used twice in this file",
                            entry=f"{key[0].replace('_', ' ')} '{key[1]}'",
                            field="id",
                        )
                    )
                    continue
                seen_here.add(key)
                if entry["id"] in merged[kind]:
                    if not is_user:
                        problems.append(
                            Problem(
                                str(path),
                                f"id also defined in {origins[key]}",
                                entry=f"{key[0]} '{key[1]}'",
                                field="id",
                            )
                        )
                        continue
                    notices.append(
                        f"{path}: {key[0].replace('_', ' ')} '{key[1]}' replaces the "
                        f"one from {Path(origins[key]).name}"
                    )
                merged[kind][entry["id"]] = entry
                origins[key] = str(path)
    if problems:
        raise_problems(problems)
    dataset = Dataset.from_dict({kind: list(merged[kind].values()) for kind in KINDS})
    found = reference_problems(dataset, origins)
    if found:
        raise_problems(found)
    return Loaded(dataset, origins, notices)


def load(user_paths: Sequence[Path] = ()) -> Loaded:
    """The bundled data plus the user's files, parsed, checked and merged."""
    bundled = read_documents(bundled_paths(), bundled=True)
    return merge([*bundled, *read_documents(user_paths)], len(bundled))
