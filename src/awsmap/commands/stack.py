"""``stack``: a whole design translated to AWS, component by component."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from awsmap.base.errors import ExitCode, NotFoundError, UsageError
from awsmap.base.graphs import Cluster, Edge, Graph, Node
from awsmap.base.match import APPROXIMATE, Match
from awsmap.base.paths import STDIN
from awsmap.base.text import counted
from awsmap.catalog.domain import Equivalent, recommended, retirement_warning, status_words
from awsmap.catalog.indexformat import KeyLevel
from awsmap.catalog.kinds import AWS_SERVICE, ROLE, TECHNOLOGY
from awsmap.catalog.models import AwsService, Technology
from awsmap.catalog.reader import Catalog
from awsmap.catalog.roles import Role
from awsmap.commands import compose
from awsmap.commands.compose import Entry, image_candidates
from awsmap.commands.opened import first_named
from awsmap.find.equivalents import equivalents
from awsmap.find.resolve import exact, resolve

if TYPE_CHECKING:
    from awsmap.commands.context import Context

JSON = dict[str, Any]


def service_json(service: AwsService, relation: str | None) -> JSON:
    return {
        "id": service.id,
        "name": service.name,
        "relation": relation,
        "status": service.lifecycle.status,
    }


class Component(NamedTuple):
    """One component of the design: what was asked, what it is, and its AWS answer.

    ``technology`` is None when the component named an AWS service, which is kept as it is
    (``service`` is then that service, with no relation)."""

    query: str
    match: Match
    service: AwsService
    relation: str | None
    technology: Technology | None = None
    alternatives: tuple[Equivalent, ...] = ()
    successors: tuple[AwsService, ...] = ()  # of a retired AWS service asked for directly
    warnings: tuple[str, ...] = ()
    phrase: str | None = None
    origin: str | None = None  # the compose service it came from, if any
    role: Role | None = None  # a generic role ("load balancer") answered by its default service

    def to_json(self) -> JSON:
        tech = self.technology
        alternatives = [e.brief() for e in self.alternatives]
        alternatives += [service_json(s, None) for s in self.successors]
        return {
            "query": self.query,
            "technology": {"id": tech.id, "name": tech.name} if tech else None,
            "aws": service_json(self.service, self.relation),
            "alternatives": alternatives,
            "warnings": list(self.warnings),
            "phrase": self.phrase,
            "match": self.match.to_json(),
            "origin": self.origin,
            "role": {"id": self.role.id, "name": self.role.name} if self.role else None,
        }


class Unmapped(NamedTuple):
    query: str
    suggestions: tuple[str, ...] = ()
    reason: str = ""
    origin: str | None = None

    def to_json(self) -> JSON:
        return {
            "query": self.query,
            "suggestions": list(self.suggestions),
            "reason": self.reason,
            "origin": self.origin,
        }


class StackResult(NamedTuple):
    components: tuple[Component, ...]
    unmapped: tuple[Unmapped, ...]
    source: str | None = None  # the file the components came from

    @property
    def services(self) -> list[AwsService]:
        """The distinct AWS services of the answer, first use first."""
        return list({c.service.id: c.service for c in self.components}.values())

    @property
    def exit_code(self) -> int:
        """1 when no component maps: a script can tell an empty answer."""
        return ExitCode.OK if self.components else ExitCode.NOT_FOUND

    def summary(self) -> JSON:
        return {
            "components": len(self.components) + len(self.unmapped),
            "mapped": len(self.components),
            "services": len(self.services),
            "warnings": sum(len(c.warnings) for c in self.components),
            "unmapped": len(self.unmapped),
        }

    def summary_words(self) -> list[str]:
        """The summary as the table and the Markdown say it: '1 component', '2 AWS services'."""
        s = self.summary()
        return [
            counted(s["components"], "component"),
            counted(s["services"], "AWS service"),
            counted(s["warnings"], "warning"),
            f"{s['unmapped']} unmapped",
        ]

    def to_json(self) -> JSON:
        return {
            "components": [c.to_json() for c in self.components],
            "unmapped": [u.to_json() for u in self.unmapped],
            "summary": self.summary(),
            "source": self.source,
        }

    def graph(self) -> Graph:
        """Your design on the left, AWS on the right, each component linked to its service by
        an edge labelled with the relation; retired services marked."""
        design = tuple(Node(f"c{i}", _component_label(c)) for i, c in enumerate(self.components, 1))
        node_of = {s.id: f"s{i}" for i, s in enumerate(self.services, 1)}
        aws = tuple(
            Node(node_of[s.id], _service_label(s), retired=s.lifecycle.retired)
            for s in self.services
        )
        edges = tuple(
            Edge(f"c{i}", node_of[c.service.id], c.relation or "same service", dashed=True)
            for i, c in enumerate(self.components, 1)
        )
        return Graph(
            (Cluster("design", "Your design", design), Cluster("aws", "On AWS", aws)), edges
        )


def _role_component(catalog: Catalog, match: Match) -> Component:
    """A role ("load balancer") stands for its default AWS answer; the other choices are its
    alternatives. A broad role ("database") has no default: it is kept, with a warning, as its
    first choice, and the phrase says to name the kind."""
    role = catalog.get(ROLE, match.id)
    services = catalog.many(AWS_SERVICE, [c.service for c in role.aws])
    choices = [c for c in role.aws if c.service in services]
    first, *others = choices
    alternatives = tuple(Equivalent(services[c.service], "choice", c.when) for c in others)
    warnings = (
        (f"'{match.query}' is broad: name the kind (awsmap role {role.id} lists the choices)",)
        if role.broad
        else ()
    )
    phrase = (
        None
        if role.broad
        else f"For the {role.name.lower()} I'd use {services[first.service].name}: {first.when}"
    )
    return Component(
        match.query,
        match,
        services[first.service],
        None,
        alternatives=alternatives[:3],
        warnings=warnings,
        phrase=phrase,
        role=role,
    )


def _component_label(c: Component) -> str:
    """A component as a diagram names it; a name taken approximately says what was typed, so the
    diagram carries the warning the table does."""
    named = c.technology.name if c.technology else c.role.name if c.role else c.query
    if c.match.method in APPROXIMATE:
        return f"{named} (≈ '{c.query}'?)"
    return named


def _service_label(service: AwsService) -> str:
    if service.lifecycle.retired:
        return f"{service.name}: {status_words(service)}"
    return service.name


KINDS = (TECHNOLOGY, AWS_SERVICE)


def split_names(words: Sequence[str]) -> list[str]:
    """Component names from argv: each argument is one name, and commas separate more."""
    return [part.strip() for word in words for part in re.split(",", word) if part.strip()]


def stack_result(
    catalog: Catalog,
    names: Sequence[str] = (),
    entries: Sequence[Entry] = (),
    source: str | None = None,
) -> StackResult:
    if not names and not entries:
        raise UsageError(
            "give the components of your design, e.g. awsmap stack postgres redis kafka, "
            "or --file compose.yaml"
        )
    found: list[tuple[Match, str | None]] = []
    unmapped: list[Unmapped] = []
    for name in names:
        try:
            found.append((resolve(catalog, name, KINDS), None))
        except NotFoundError as exc:
            role = first_named(catalog, name, (ROLE,))
            if role is None:
                unmapped.append(Unmapped(name, exc.suggestions, exc.message))
            else:
                found.append((role, None))
    for entry in entries:
        if entry.built:  # its image, if any, names what is built: the user's code, not the base
            unmapped.append(
                Unmapped(entry.name, (), "built from source: your own code", entry.name)
            )
            continue
        match = _match_entry(catalog, entry)
        if match is not None:
            found.append((match, entry.name))
        else:
            unmapped.append(_unmapped_entry(catalog, entry))
    return StackResult(tuple(_components(catalog, found)), tuple(unmapped), source)


def _match_entry(catalog: Catalog, entry: Entry) -> Match | None:
    """A compose service's technology: by image, else by the image's or service's exact name."""
    if entry.image:
        for candidate in image_candidates(entry.image):
            keys = catalog.keys_exact(KeyLevel.IMAGE, candidate, (TECHNOLOGY,))
            if keys:
                key = keys[0]
                name = catalog.names_of([(key.kind, key.id)]).get((key.kind, key.id), key.id)
                return Match(entry.image, key.kind, key.id, name, "image", 100.0)
    for name in (*(image_candidates(entry.image)[-1:] if entry.image else ()), entry.name):
        match = exact(catalog, name, KINDS)
        if match is not None:
            return match
    return None


def _unmapped_entry(catalog: Catalog, entry: Entry) -> Unmapped:
    query = entry.image or entry.name
    try:
        guess = resolve(catalog, query, KINDS)
    except NotFoundError as exc:
        return Unmapped(query, exc.suggestions, exc.message, entry.name)
    return Unmapped(query, (guess.label,), "no image or exact name matches", entry.name)


def _components(catalog: Catalog, found: list[tuple[Match, str | None]]) -> list[Component]:
    tech_ids = [m.id for m, _o in found if m.kind == TECHNOLOGY.key]
    techs = catalog.many(TECHNOLOGY, sorted(set(tech_ids)))
    answers = dict(zip(techs, equivalents(catalog, list(techs.values())), strict=True))
    service_ids = [m.id for m, _o in found if m.kind == AWS_SERVICE.key]
    services = catalog.many(AWS_SERVICE, sorted(set(service_ids)))
    successor_ids = {s for svc in services.values() for s in svc.lifecycle.successors}
    successors = catalog.many(AWS_SERVICE, sorted(successor_ids)) if successor_ids else {}
    out = []
    for match, origin in found:
        if match.kind == ROLE.key:
            out.append(_role_component(catalog, match))
            continue
        if match.kind == AWS_SERVICE.key:
            svc = services[match.id]
            after = tuple(successors[s] for s in svc.lifecycle.successors if s in successors)
            warning = retirement_warning(svc, after)
            notes = [w for w in (_approximate(match, svc.name), warning) if w]
            out.append(
                Component(
                    match.query,
                    match,
                    svc,
                    None,
                    successors=after,
                    warnings=tuple(notes),
                    origin=origin,
                )
            )
            continue
        tech = techs[match.id]
        options = answers[match.id]
        main = recommended(options)
        if main is None:  # the schema requires an equivalent; kept for user data that bends it
            continue
        warnings = [w for w in (_approximate(match, tech.name),) if w]
        warnings += [
            w for eq in options if (w := retirement_warning(eq.service, eq.successors)) is not None
        ]
        out.append(
            Component(
                match.query,
                match,
                main.service,
                main.relation,
                technology=tech,
                alternatives=tuple(eq for eq in options if eq is not main),
                warnings=tuple(warnings),
                phrase=tech.interview_phrases[0] if tech.interview_phrases else None,
                origin=origin,
            )
        )
    return out


def _approximate(match: Match, name: str) -> str | None:
    """A component awsmap took for another name says so: a match is a claim to check."""
    if match.method not in APPROXIMATE:
        return None
    return (
        f"'{match.query}' was taken for {name} ({match.method} match): check it is what you meant"
    )


def stack(ctx: Context, names: list[str], file: str | None) -> StackResult:
    """Exit 1 when no component maps (``StackResult.exit_code``)."""
    entries: list[compose.Entry] = []
    source = None
    if file is not None:
        source = "<stdin>" if file == STDIN else file
        text = None
        if file == STDIN:
            from awsmap.catalog.yamlio import read_stream

            text = read_stream(Path(source), ctx.stdin())
        entries, notes = compose.read_file(Path(source), text)
        for note in notes:
            ctx.note(note)
    return stack_result(ctx.catalog(), split_names(names), entries, source)
