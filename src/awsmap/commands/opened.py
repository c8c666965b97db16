"""Which kinds of entry a name can open, in the order they are tried, and the command that
opens each: shared by the front door (``front.py``) and the "not found" of single-kind commands."""

from __future__ import annotations

from typing import Any

from awsmap.base.match import Match
from awsmap.base.text import quoted
from awsmap.catalog.kinds import (
    ARCHITECTURE,
    AWS_SERVICE,
    BY_KEY,
    CATEGORY,
    COMPARISON,
    PATTERN,
    QUESTION,
    ROLE,
    TECHNOLOGY,
    TIP,
    Kind,
)
from awsmap.catalog.reader import Catalog
from awsmap.find.resolve import exact, singular

# The kinds a name is tried against, in order (the first wins when two share a name), each with
# the command that opens one of its entries, for messages ("'idempotency' is a pattern: ...");
# None: the command is named as the kind is (`awsmap pattern NAME`).
OPENED_BY: dict[Kind[Any], str | None] = {
    TECHNOLOGY: "lookup",
    AWS_SERVICE: "aws",
    ROLE: None,
    PATTERN: None,
    ARCHITECTURE: None,
    QUESTION: None,
    CATEGORY: None,
    COMPARISON: "show",  # `compare` takes the names of its sides
    TIP: "show",  # `tips` lists them all
}
ORDER: tuple[Kind[Any], ...] = tuple(OPENED_BY)


def command_for(kind_key: str) -> str:
    for kind, command in OPENED_BY.items():
        if kind.key == kind_key:
            return command or kind.key
    return "show"


def first_named(catalog: Catalog, query: str, kinds: tuple[Kind[Any], ...] = ORDER) -> Match | None:
    """The entry of the first of ``kinds`` that has ``query`` as a name (in any normal form), or
    else as a plural of one: kind order before case, so the role "Load balancer" wins over a
    pattern's alias "load balancer"; an exact name before a plural ("databases" is the category,
    not the role "database")."""
    return exact(catalog, query, kinds, kind_first=True) or singular(
        catalog, query, kinds, kind_first=True
    )


def other_kind(catalog: Catalog, query: str, skip: tuple[str, ...]) -> str | None:
    """'idempotency' is a pattern: awsmap pattern idempotency -- for a command's "not found"."""
    found = first_named(catalog, query, tuple(k for k in ORDER if k.key not in skip))
    if found is None:
        return None
    command = command_for(found.kind)
    return f"{quoted(query)} is a {BY_KEY[found.kind].word}: awsmap {command} {found.id}"
