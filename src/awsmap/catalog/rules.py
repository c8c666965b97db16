"""Checks of one entry that the JSON Schema cannot express, named by the kinds registry
(``Kind.rules``): each yields (field path, problem) pairs."""

from collections.abc import Iterator
from typing import Any


def one_value_per_side(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    sides = len(data.get("sides") or ())
    for i, row in enumerate(data.get("rows") or ()):
        if len(row.get("values") or ()) != sides:
            yield f"rows[{i}].values", f"has {len(row['values'])} values for {sides} sides"


def edges_join_components(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    local: set[str] = set()
    for i, comp in enumerate(data.get("components") or ()):
        if comp["id"] in local:
            yield f"components[{i}].id", f"component id '{comp['id']}' is used twice"
        local.add(comp["id"])
    for i, edge in enumerate(data.get("edges") or ()):
        for end in ("from", "to"):
            if edge[end] not in local:
                yield f"edges[{i}].{end}", f"no component has the id '{edge[end]}'"


def general_numbers_name_no_service(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """An AWS limit names its service (the schema says so); a general figure names none."""
    from awsmap.catalog.designs import AWS_LIMITS

    group = data.get("group", AWS_LIMITS)
    if group == AWS_LIMITS:
        return
    for field in ("service", "adjustable"):
        if data.get(field) is not None:
            yield field, f"a {group} figure is not an AWS limit: it has no {field}"


def role_choices(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """A broad role offers at least two choices; nothing is listed twice; no role is related
    to itself."""
    if data.get("broad") and len(data.get("aws") or ()) < 2:
        yield "aws", "a broad role lists at least two choices"
    for field, key in (("aws", "service"), ("alternatives", "technology")):
        seen: set[str] = set()
        for i, item in enumerate(data.get(field) or ()):
            if item[key] in seen:
                yield f"{field}[{i}].{key}", f"'{item[key]}' is listed twice"
            seen.add(item[key])
    if data["id"] in (data.get("related") or ()):
        yield "related", "a role is not related to itself"
