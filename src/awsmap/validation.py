"""Checking data files: the JSON Schema for shape, then cross-references for meaning.

Problems are collected, not raised one at a time, so that ``awsmap validate`` can list every one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from awsmap.bundled import read_bundled
from awsmap.models import Dataset
from awsmap.problems import Problem
from awsmap.text import compact, safe

if TYPE_CHECKING:
    from awsmap.yamlio import Document

SCHEMA_NAME = "awsmap-data.schema.json"


@cache
def schema() -> dict[str, Any]:
    text = read_bundled(f"schemas/{SCHEMA_NAME}")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _field_path(path: Iterable[str | int]) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out


_SINGULAR = {
    "technologies": "technology",
    "aws_services": "AWS service",
    "categories": "category",
    "comparisons": "comparison",
}


def _entry_label(data: Any, path: tuple[str | int, ...]) -> tuple[str | None, int]:
    """'technology kafka' for an error inside technologies[3], and how deep that entry sits."""
    if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int):
        kind = _SINGULAR.get(path[0], path[0])
        try:
            entry_id = data[path[0]][path[1]].get("id")
        except (AttributeError, IndexError, KeyError, TypeError):
            entry_id = None
        label = f"{kind} '{safe(str(entry_id))}'" if entry_id else f"{kind} #{path[1] + 1}"
        return label, 2
    return None, 0


@cache
def _fast_check() -> Any:
    import fastjsonschema

    return fastjsonschema.compile(schema())


def schema_problems(doc: Document) -> list[Problem]:
    """Every place where the document does not fit the schema.

    fastjsonschema answers the common case (a valid file) about 18 times faster than jsonschema,
    which matters for large user datasets; only a file that fails it is walked again by
    jsonschema, which lists every problem with its path rather than stopping at the first.
    """
    import fastjsonschema
    import jsonschema

    try:
        _fast_check()(doc.data)
    except fastjsonschema.JsonSchemaException:
        pass
    else:
        return []
    validator = jsonschema.Draft202012Validator(schema())
    problems = []
    for error in validator.iter_errors(doc.data):
        path = tuple(error.absolute_path)
        entry, depth = _entry_label(doc.data, path)
        for key, message in _explain(error):
            position = doc.position(path, key)
            field = _field_path((*path[depth:], key) if key else path[depth:])
            problems.append(
                Problem(
                    file=str(doc.path),
                    message=message,
                    line=position[0] if position else None,
                    column=position[1] if position else None,
                    entry=entry,
                    field=field or None,
                )
            )
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return problems


def _explain(error: Any) -> list[tuple[str | None, str]]:
    """(field, message) pairs: an unknown or missing field is named as the field at fault."""
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extras = sorted(str(k) for k in error.instance if k not in allowed)
        hint = ", ".join(sorted(allowed))
        return [(k, f"unknown field (allowed: {hint})") for k in extras]
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [str(k) for k in error.validator_value if k not in error.instance]
        return [(k, "required field is missing") for k in missing]
    return [(None, _message(error))]


def _message(error: Any) -> str:
    """jsonschema's message, kept short and made safe to print."""
    validator = error.validator
    if validator == "enum":
        return "expected one of " + ", ".join(map(str, error.validator_value))
    if validator == "pattern" and error.validator_value == "^[a-z0-9]+(-[a-z0-9]+)*$":
        return f"{safe(repr(error.instance))[:60]} is not a slug (lower-case words joined by -)"
    if validator == "type":
        return f"expected {error.validator_value}, got {type(error.instance).__name__}"
    if validator == "oneOf" and error.path and error.path[-1] in (0, 1):
        return "a side names exactly one of 'technology' or 'aws_service'"
    text = str(error.message)
    return safe(text if len(text) <= 200 else text[:199] + "…")


_KIND_WORDS = {
    "technology": "technology",
    "aws_service": "AWS service",
    "category": "category",
    "comparison": "comparison",
}


def _references(dataset: Dataset) -> Iterator[tuple[str, str, str, str, str]]:
    """Every reference: (kind, id, field) of the referrer, then the kind and id referred to."""
    for tech in dataset.technologies:
        for i, cat in enumerate(tech.categories):
            yield "technology", tech.id, f"categories[{i}]", "category", cat
        for i, eq in enumerate(tech.aws_equivalents):
            yield "technology", tech.id, f"aws_equivalents[{i}].service", "aws_service", eq.service
    for svc in dataset.aws_services:
        for i, succ in enumerate(svc.lifecycle.successors):
            yield "aws_service", svc.id, f"lifecycle.successors[{i}]", "aws_service", succ
    for comp in dataset.comparisons:
        for i, side in enumerate(comp.sides):
            yield "comparison", comp.id, f"sides[{i}]", side.kind, side.target


def reference_problems(
    dataset: Dataset, origins: dict[tuple[str, str], str] | None = None
) -> list[Problem]:
    """Ids that do not exist, and names or aliases that two entries claim."""
    origins = origins or {}

    def problem(kind: str, entry_id: str, field: str, message: str) -> Problem:
        return Problem(
            file=origins.get((kind, entry_id), "<data>"),
            message=message,
            entry=f"{_KIND_WORDS[kind]} '{safe(entry_id)}'",
            field=field,
        )

    known = {
        "category": {c.id for c in dataset.categories},
        "aws_service": {s.id for s in dataset.aws_services},
        "technology": {t.id for t in dataset.technologies},
    }
    problems = [
        problem(kind, entry_id, field, f"unknown {_KIND_WORDS[to_kind]} '{safe(target)}'")
        for kind, entry_id, field, to_kind, target in _references(dataset)
        if target not in known[to_kind]
    ]
    for kind, entries in (
        ("technology", [(t.id, (t.id, t.name, *t.aliases)) for t in dataset.technologies]),
        (
            "aws_service",
            [(s.id, (s.id, s.name, s.full_name, *s.aliases)) for s in dataset.aws_services],
        ),
        ("category", [(c.id, (c.id, c.name, *c.aliases)) for c in dataset.categories]),
    ):
        problems.extend(problem(kind, *clash) for clash in _name_clashes(entries))
    return problems


def _name_clashes(entries: list[tuple[str, tuple[str, ...]]]) -> Iterator[tuple[str, str, str]]:
    owner: dict[str, tuple[str, str]] = {}
    seen_ids: set[str] = set()
    for entry_id, names in entries:
        if entry_id in seen_ids:
            yield entry_id, "id", "id is used twice"
            continue
        seen_ids.add(entry_id)
        for name in names:
            key = compact(name)
            if not key:
                yield entry_id, "aliases", f"name {safe(repr(name))} has no letters or digits"
                continue
            other = owner.setdefault(key, (entry_id, name))
            if other[0] != entry_id:
                yield (
                    entry_id,
                    "aliases",
                    f"{safe(repr(name))} is also a name of '{safe(other[0])}' "
                    f"(as {safe(repr(other[1]))})",
                )


def check_document(doc: Document) -> list[Problem]:
    """Schema problems of one document (the part that needs no other file)."""
    if not isinstance(doc.data, dict):
        return [
            Problem(
                str(doc.path),
                "the top level must be a mapping with keys such as 'technologies:'",
                line=1,
                column=1,
            )
        ]
    return schema_problems(doc)
