"""One function per design-library command: patterns, architectures, questions, tips, the AWS
service catalog and its numbers. Arguments in, a result object out; nothing printed."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from awsmap.catalog import Catalog
from awsmap.designs import Question
from awsmap.errors import NotFoundError, UsageError
from awsmap.kinds import ARCHITECTURE, AWS_SERVICE, NUMBER, PATTERN, QUESTION, TECHNOLOGY, TIP
from awsmap.models import STATUSES
from awsmap.resolve import resolve
from awsmap.results_designs import (
    QUESTION_REFERENCES,
    ArchitectureResult,
    ArchitecturesResult,
    NumbersResult,
    PatternResult,
    PatternsResult,
    QuestionResult,
    QuestionsResult,
    ServicesResult,
    TipsResult,
)
from awsmap.text import quoted

RETIRED = "retired"  # the `services` filter for every status but available
TIP_GROUPS = ("tip", "cap", "strategy")  # not a kind: the groups of tips


class _Tagged(Protocol):
    @property
    def tags(self) -> tuple[str, ...]: ...


T = TypeVar("T", bound=_Tagged)


def _with_tag(every: Sequence[T], tag: str | None, what: str) -> tuple[T, ...]:
    """The entries carrying ``tag`` (all without one); an unknown tag is an error that lists
    the tags there are."""
    if tag is None:
        return tuple(every)
    tags = sorted({t for entry in every for t in entry.tags})
    if tag not in tags:
        raise NotFoundError(f"no {what} is tagged {quoted(tag)}; tags: {', '.join(tags)}")
    return tuple(entry for entry in every if tag in entry.tags)


def pattern(catalog: Catalog, name: str) -> PatternResult:
    match = resolve(catalog, name, (PATTERN,))
    found = catalog.get(PATTERN, match.id)
    techs = catalog.many(TECHNOLOGY, [w.target for w in found.open_source])
    services = catalog.many(AWS_SERVICE, [w.target for w in found.aws])
    related = catalog.many(PATTERN, found.related)
    return PatternResult(
        found,
        {i: t.name for i, t in techs.items()},
        services,
        {i: p.name for i, p in related.items()},
        match,
    )


def patterns(catalog: Catalog, tag: str | None = None) -> PatternsResult:
    shown = _with_tag(catalog.all(PATTERN), tag, PATTERN.word)
    services = catalog.many(AWS_SERVICE, sorted({w.target for p in shown for w in p.aws}))
    return PatternsResult(shown, services)


def architecture(catalog: Catalog, name: str) -> ArchitectureResult:
    match = resolve(catalog, name, (ARCHITECTURE,))
    found = catalog.get(ARCHITECTURE, match.id)
    techs = catalog.many(TECHNOLOGY, sorted({t for c in found.components for t in c.technologies}))
    services = catalog.many(
        AWS_SERVICE, sorted({s for c in found.components for s in c.aws_services})
    )
    used = catalog.many(PATTERN, found.patterns)
    return ArchitectureResult(
        found,
        {i: t.name for i, t in techs.items()},
        services,
        {i: p.name for i, p in used.items()},
        match,
    )


def architectures(catalog: Catalog, tag: str | None = None) -> ArchitecturesResult:
    return ArchitecturesResult(_with_tag(catalog.all(ARCHITECTURE), tag, ARCHITECTURE.word))


def question(catalog: Catalog, name: str, answer: bool = False) -> QuestionResult:
    match = resolve(catalog, name, (QUESTION,))
    found = catalog.get(QUESTION, match.id)
    return QuestionResult(found, _reference_names(catalog, found), answer, match)


def _reference_names(catalog: Catalog, q: Question) -> dict[str, dict[str, str]]:
    """Names of the entries a question refers to, by kind key (its fields are named after the
    kinds' plurals)."""
    out: dict[str, dict[str, str]] = {}
    for kind in QUESTION_REFERENCES:
        ids: tuple[str, ...] = getattr(q, kind.plural)
        found: dict[str, Any] = catalog.many(kind, ids) if ids else {}
        out[kind.key] = {i: kind.title_of(r) for i, r in found.items()}
    return out


def questions(catalog: Catalog, tag: str | None = None) -> QuestionsResult:
    every = catalog.all(QUESTION)
    tags = tuple(sorted({t for q in every for t in q.tags}))
    return QuestionsResult(_with_tag(every, tag, QUESTION.word), tag, tags)


def tips(
    catalog: Catalog, group: str | None = None, pick: random.Random | None = None
) -> TipsResult:
    """Every tip (of one group), or with ``pick`` one chosen at random."""
    if group is not None and group not in TIP_GROUPS:
        raise UsageError(f"--group is one of {', '.join(TIP_GROUPS)}")
    shown = [t for t in catalog.all(TIP) if group is None or t.group == group]
    if pick is not None and shown:
        shown = [pick.choice(shown)]
    return TipsResult(tuple(shown), group)


def services(catalog: Catalog, status: str | None = None) -> ServicesResult:
    """The AWS service catalog, optionally only one status or every retired one."""
    if status is not None and status not in (*STATUSES, RETIRED):
        raise UsageError(f"--status is one of {', '.join(STATUSES)} (or use --retired)")
    every = catalog.all(AWS_SERVICE)
    shown = tuple(
        s
        for s in every
        if status is None
        or s.lifecycle.status == status
        or (status == RETIRED and s.lifecycle.retired)
    )
    wanted = sorted({i for s in shown for i in s.lifecycle.successors})
    return ServicesResult(shown, catalog.many(AWS_SERVICE, wanted) if wanted else {}, status)


def numbers(catalog: Catalog, service: str | None = None) -> NumbersResult:
    """The limits for back-of-envelope maths: every service's, or one service's."""
    if service is None:
        every = catalog.all(NUMBER)
        ids = sorted({n.service for n in every})
        names = {i: s.name for i, s in catalog.many(AWS_SERVICE, ids).items()}
        return NumbersResult(tuple(every), None, names)
    match = resolve(catalog, service, (AWS_SERVICE,))
    svc = catalog.get(AWS_SERVICE, match.id)
    found = tuple(catalog.referrers(AWS_SERVICE, svc.id, NUMBER))
    if not found:
        having = sorted({n.service for n in catalog.all(NUMBER)})
        raise NotFoundError(
            f"no numbers for {svc.name} yet; services with numbers: {', '.join(having)}"
        )
    return NumbersResult(found, svc, {svc.id: svc.name})
