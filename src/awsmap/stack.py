"""``awsmap stack``: translate a whole design, component by component, to AWS.

Names typed on the command line are resolved like ``lookup``. Components read from a compose file
are matched by container image first (the ``images`` of the data), then by the image's or the
service's name, but only exactly: a compose service called "db" is not guessed to be DynamoDB.
The recommendation is :func:`awsmap.domain.recommended`, the same answer ``list`` gives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from awsmap.catalog import Catalog
from awsmap.compose import Entry, image_candidates
from awsmap.domain import recommended, retirement_warning
from awsmap.errors import NotFoundError, UsageError
from awsmap.indexformat import KeyLevel
from awsmap.kinds import AWS_SERVICE, TECHNOLOGY
from awsmap.match import Match
from awsmap.queries import equivalents
from awsmap.resolve import exact, resolve
from awsmap.results_stack import Component, StackResult, Unmapped

KINDS = (TECHNOLOGY, AWS_SERVICE)


def split_names(words: Sequence[str]) -> list[str]:
    """Component names from argv: each argument is one name, and commas separate more."""
    return [part.strip() for word in words for part in re.split(",", word) if part.strip()]


def stack(
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
            unmapped.append(Unmapped(name, exc.suggestions, exc.message))
    for entry in entries:
        match = _match_entry(catalog, entry)
        if match is not None:
            found.append((match, entry.name))
        elif entry.built:
            unmapped.append(
                Unmapped(entry.name, (), "built from source: your own code", entry.name)
            )
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
        if match.kind == AWS_SERVICE.key:
            svc = services[match.id]
            after = tuple(successors[s] for s in svc.lifecycle.successors if s in successors)
            warning = retirement_warning(svc, after)
            out.append(
                Component(
                    match.query,
                    match,
                    svc,
                    None,
                    successors=after,
                    warnings=(warning,) if warning else (),
                    origin=origin,
                )
            )
            continue
        tech = techs[match.id]
        options = answers[match.id]
        main = recommended(options)
        if main is None:  # the schema requires an equivalent; kept for user data that bends it
            continue
        warnings = [
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
