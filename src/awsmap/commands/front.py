"""``awsmap WORDS`` (and ``awsmap show WORDS``): the entry of any kind the words name.

A first word that is not a command lands here. The words are tried, in order, as:
1. the exact name, alias or id of an entry of any kind (in ``ORDER``), or its plural: that entry,
   shown as its own command shows it (its JSON is that command's, with its ``kind``);
2. a comparison, when they hold "vs" or "versus" (``s3 vs efs``): ``compare``'s answer;
3. a technology or AWS service under the identity rule of ``lookup`` (a typo of a name, a known
   abbreviation, a prefix long enough to mean something).
Anything else is "not found", naming the best search hits with the command that opens each: a
concept is never silently turned into the nearest product name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from awsmap.base.errors import NotFoundError
from awsmap.base.match import Match
from awsmap.base.text import quoted
from awsmap.catalog.kinds import (
    ARCHITECTURE,
    AWS_SERVICE,
    CATEGORY,
    COMPARISON,
    NUMBER,
    PATTERN,
    QUESTION,
    ROLE,
    TECHNOLOGY,
    TIP,
    Kind,
)
from awsmap.catalog.reader import Catalog
from awsmap.commands.opened import command_for, first_named
from awsmap.find.resolve import clean_query, either, resolve

if TYPE_CHECKING:
    from awsmap.commands.context import Context

HITS_NAMED = 3
_VERSUS = re.compile(r"\s+(?:vs\.?|versus)\s+", re.IGNORECASE)


def show(ctx: Context, words: list[str], full: bool) -> Any:
    return show_result(ctx.catalog(), " ".join(words), full)


def show_result(catalog: Catalog, text: str, full: bool = False) -> Any:
    query = clean_query(text)
    found = first_named(catalog, query)
    sides = [s for s in _VERSUS.split(query) if s.strip()]
    if found is None and len(sides) >= 2:
        from awsmap.commands.compare import compare_result

        return compare_result(catalog, sides)
    if found is None:
        try:
            found = resolve(catalog, query, (TECHNOLOGY, AWS_SERVICE))
        except NotFoundError as exc:
            raise not_found(catalog, query, exc) from None
    return opened(catalog, found, full)


def opened(catalog: Catalog, match: Match, full: bool = False) -> Any:
    """The result the command of the match's kind gives for it."""
    return _OPENERS[match.kind](catalog, match, full)


def not_found(catalog: Catalog, query: str, cause: NotFoundError) -> NotFoundError:
    """No entry is named so: the best search hits, each with the command that opens it."""
    from awsmap.find.search import search

    _understood, hits = search(catalog, query, limit=HITS_NAMED)
    if not hits:
        return NotFoundError(
            f"nothing in awsmap is named {quoted(query)} and search finds nothing for it"
            + (f"; did you mean {either(cause.suggestions)}?" if cause.suggestions else ""),
            suggestions=cause.suggestions,
        )
    named = [f"{_command_for(h.kind, h.record)} ({h.kind.title_of(h.record)})" for h in hits]
    return NotFoundError(
        f"nothing in awsmap is named {quoted(query)}; search finds: " + "; ".join(named),
        suggestions=tuple(h.kind.title_of(h.record) for h in hits),
    )


def _command_for(kind: Kind[Any], record: Any) -> str:
    """The command that shows an entry: a number is shown with its service's or group's."""
    if kind is NUMBER:
        subject = record.service or record.technology
        return f"awsmap numbers {subject}" if subject else f"awsmap numbers --group {record.group}"
    return f"awsmap {command_for(kind.key)} {record.id}"


def _technology(catalog: Catalog, match: Match, full: bool) -> Any:
    from awsmap.commands.lookup import technology_view

    return technology_view(catalog, match, full)


def _service(catalog: Catalog, match: Match, _full: bool) -> Any:
    from awsmap.commands.lookup import service_view

    return service_view(catalog, match)


def _design(kind: Kind[Any]) -> Callable[[Catalog, Match, bool], Any]:
    """``designs.pattern_result`` and its siblings, imported when one is opened."""

    def build(catalog: Catalog, match: Match, _full: bool) -> Any:
        from awsmap.commands import designs

        result: Any = getattr(designs, f"{kind.key}_result")(catalog, match.id)
        return result

    return build


def _role(catalog: Catalog, match: Match, _full: bool) -> Any:
    from awsmap.commands.roles import role_result

    return role_result(catalog, match.id)


def _category(catalog: Catalog, match: Match, _full: bool) -> Any:
    from awsmap.commands.lists import category_result

    return category_result(catalog, match.id)


def _comparison(catalog: Catalog, match: Match, _full: bool) -> Any:
    from awsmap.commands.compare import curated_result

    return curated_result(catalog, catalog.get(COMPARISON, match.id))


def _tip(catalog: Catalog, match: Match, _full: bool) -> Any:
    from awsmap.commands.reference import TipsResult

    return TipsResult((catalog.get(TIP, match.id),))


_OPENERS: dict[str, Callable[[Catalog, Match, bool], Any]] = {
    TECHNOLOGY.key: _technology,
    AWS_SERVICE.key: _service,
    ROLE.key: _role,
    PATTERN.key: _design(PATTERN),
    ARCHITECTURE.key: _design(ARCHITECTURE),
    QUESTION.key: _design(QUESTION),
    CATEGORY.key: _category,
    COMPARISON.key: _comparison,
    TIP.key: _tip,
}
