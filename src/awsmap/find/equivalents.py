"""A technology's AWS equivalents with their services and successors: what every answer
builds on."""

from __future__ import annotations

from collections.abc import Sequence

from awsmap.catalog.domain import Equivalent
from awsmap.catalog.kinds import AWS_SERVICE
from awsmap.catalog.models import Technology
from awsmap.catalog.reader import Catalog

EQUIVALENT_PATH = "aws_equivalents[].service"


def equivalents(catalog: Catalog, techs: Sequence[Technology]) -> list[tuple[Equivalent, ...]]:
    """Each technology's AWS equivalents, with services and successors fetched in two queries."""
    services = catalog.many(
        AWS_SERVICE, sorted({eq.service for t in techs for eq in t.aws_equivalents})
    )
    wanted = {s for svc in services.values() for s in svc.lifecycle.successors} - services.keys()
    if wanted:
        services.update(catalog.many(AWS_SERVICE, sorted(wanted)))

    def one(tech: Technology) -> tuple[Equivalent, ...]:
        return tuple(
            Equivalent(
                services[eq.service],
                eq.relation,
                eq.note,
                tuple(services[s] for s in services[eq.service].lifecycle.successors),
                eq.preferred_because,
            )
            for eq in tech.aws_equivalents
        )

    return [one(t) for t in techs]
