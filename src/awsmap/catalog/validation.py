"""Checking data files: the JSON Schema for shape, then cross-references for meaning.

Problems are collected, not raised one at a time, so that ``awsmap validate`` can list every one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from awsmap.base.problems import Problem
from awsmap.base.text import compact, safe
from awsmap.catalog.bundled import read_bundled
from awsmap.catalog.kinds import BY_KEY, BY_PLURAL, KINDS, Kind, values, walk

if TYPE_CHECKING:
    from awsmap.catalog.yamlio import Document

SCHEMA_NAME = "awsmap-data.schema.json"
SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"


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


def _entry_label(data: Any, path: tuple[str | int, ...]) -> tuple[str | None, int]:
    """'technology kafka' for an error inside technologies[3], and how deep that entry sits."""
    if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int):
        kind = BY_PLURAL.get(path[0])
        word = kind.word if kind else path[0]
        try:
            entry_id = data[path[0]][path[1]].get("id")
        except (AttributeError, IndexError, KeyError, TypeError):
            entry_id = None
        label = f"{word} '{safe(str(entry_id))}'" if entry_id else f"{word} #{path[1] + 1}"
        return label, 2
    return None, 0


@cache
def _fast_check() -> Any:
    import fastjsonschema

    return fastjsonschema.compile(inlined(schema()))


_ANNOTATIONS = {"description", "title", "$comment"}


def inlined(definition: dict[str, Any]) -> dict[str, Any]:
    """The schema with each local ``$ref`` replaced by the definition it names (beside other
    keywords, through ``allOf``). fastjsonschema makes a function of each definition, and every
    call prepares its error messages even for valid data: inlined, a valid 2.4 MB file is
    checked in 40 ms instead of 110. The definitions refer to none of their ancestors, so this
    ends (tests/test_loader.py pins that both schemas judge alike)."""
    defs: dict[str, Any] = definition.get("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, list):
            return [inline(v) for v in node]
        if not isinstance(node, dict):
            return node
        rest = {k: inline(v) for k, v in node.items() if k not in ("$ref", "$defs")}
        ref = node.get("$ref")
        if not isinstance(ref, str) or not ref.startswith("#/$defs/"):
            return rest if "$ref" not in node else {**rest, "$ref": ref}
        named = inline(defs[ref.removeprefix("#/$defs/")])
        return named if set(rest) <= _ANNOTATIONS else {"allOf": [named], **rest}

    out: dict[str, Any] = inline(definition)
    return out


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
    # jsonschema reports a "required" error per missing field, each listing all of them
    problems = list(dict.fromkeys(problems))
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
    slug = error.validator_value == SLUG_PATTERN
    if validator == "pattern" and slug:  # not a kind: the JSON Schema keyword
        return f"{safe(repr(error.instance))[:60]} is not a slug (lower-case words joined by -)"
    if validator == "type":
        return f"expected {error.validator_value}, got {type(error.instance).__name__}"
    if validator == "oneOf":
        names = [f"'{choice['required'][0]}'" for choice in error.validator_value]
        return f"name exactly one of {' or '.join(names)}"
    text = str(error.message)
    return safe(text if len(text) <= 200 else text[:199] + "…")


Entries = dict[str, list[dict[str, Any]]]  # checked document entries by kind key


def reference_problems(
    entries: Entries, origins: dict[tuple[str, str], str] | None = None
) -> list[Problem]:
    """Ids that do not exist, rules of one entry that the schema cannot state, and names or
    aliases that two entries of one kind claim."""
    origins = origins or {}
    known = {kind.key: {e["id"] for e in entries.get(kind.key, ())} for kind in KINDS}
    problems: list[Problem] = []
    for kind in KINDS:
        owners: dict[str, tuple[str, str]] = {}
        for entry in entries.get(kind.key, ()):
            found = [*_entry_problems(kind, entry, known), *_name_clashes(kind, entry, owners)]
            problems.extend(
                Problem(
                    file=origins.get((kind.key, entry["id"]), "<data>"),
                    message=message,
                    entry=kind.label(safe(entry["id"])),
                    field=field,
                )
                for field, message in found
            )
    return problems


def _entry_problems(
    kind: Kind[Any], entry: dict[str, Any], known: dict[str, set[str]]
) -> Iterator[tuple[str, str]]:
    for ref in kind.refs:
        wanted = known[ref.target]
        if all(target in wanted for target in values(entry, ref.path)):
            continue  # the common case, without naming each place
        for field, target in walk(entry, ref.path):
            if target not in wanted:
                yield field, f"unknown {BY_KEY[ref.target].word} '{safe(str(target))}'"
    for rule in kind.rules:
        yield from rule(entry)


def _name_clashes(
    kind: Kind[Any], entry: dict[str, Any], owners: dict[str, tuple[str, str]]
) -> Iterator[tuple[str, str]]:
    """Names of ``entry`` that an earlier entry of its kind already has (``owners`` grows)."""
    for name in kind.name_values(entry):
        key = compact(name)
        if not key:
            yield "aliases", f"name {safe(repr(name))} has no letters or digits"
            continue
        other = owners.setdefault(key, (entry["id"], name))
        if other[0] != entry["id"]:
            owner, as_written = safe(other[0]), safe(repr(other[1]))
            yield "aliases", f"{safe(repr(name))} is also a name of '{owner}' (as {as_written})"


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
