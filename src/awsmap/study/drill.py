"""The design drill: an architecture's roles, each asked as "which AWS service?", one per line.

A design is an architecture, or a practice question drilled on the architecture it links to.
Each role with an AWS form is a card ``drill:ARCHITECTURE:COMPONENT``, graded like a quiz card
(any service of the reference counts, and any AWS equivalent of the role's technologies, an
analogous one being Hard where a managed one exists) and scheduled by FSRS in the same progress
database; ``awsmap drill`` alone picks the design due next. Each answer is saved as it is given.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import NamedTuple, Protocol

from awsmap.base.errors import UsageError
from awsmap.catalog.designs import Architecture, Component
from awsmap.catalog.domain import RELATION_ORDER, Equivalent
from awsmap.catalog.kinds import ARCHITECTURE, AWS_SERVICE, QUESTION, TECHNOLOGY
from awsmap.catalog.models import Technology
from awsmap.catalog.reader import Catalog
from awsmap.find.equivalents import equivalents
from awsmap.find.resolve import resolve
from awsmap.study import schedule
from awsmap.study.grading import grade
from awsmap.study.model import DRILL, RESOLVE, Accepted, Card, Outcome
from awsmap.study.records import CardState, Drill, Review, now_iso
from awsmap.study.store import Store


class Design(NamedTuple):
    id: str  # the architecture's (its roles' cards are keyed by it)
    name: str
    prompt: str  # the question asked, or the architecture's summary
    architecture: Architecture
    roles: tuple[Card, ...]  # one card per role with an AWS form, in component order
    techs: dict[str, str]  # technology id -> name
    services: dict[str, str]  # AWS service id -> name

    def role(self, card: Card) -> str:
        """The role a card asks about ("Redirect cache")."""
        component = card.id.rsplit(":", 1)[1]
        return next(c.role for c in self.architecture.components if c.id == component)


class Asked(NamedTuple):
    card: Card
    number: int
    total: int
    seconds_left: float | None  # against the clock: what is left of it


class Answered(NamedTuple):
    outcome: Outcome
    design: str  # its id
    role: str
    seconds: float


class DrillSummary(NamedTuple):
    design: Design
    answered: tuple[Answered, ...]
    seconds: float
    minutes: int | None
    out_of_time: bool
    saved: bool
    interrupted: bool = False


class DrillUi(Protocol):
    def intro(self, design: Design, minutes: int | None) -> None: ...
    def ask_role(self, asked: Asked) -> str | None: ...  # None: the learner is gone
    def answered(self, answered: Answered, timed: bool) -> None: ...
    def reveal_design(self, design: Design) -> None: ...


def design(catalog: Catalog, words: Sequence[str]) -> Design:
    """The design named (an architecture or a practice question)."""
    match = resolve(catalog, " ".join(words), (ARCHITECTURE, QUESTION))
    if match.kind == QUESTION.key:
        question = catalog.get(QUESTION, match.id)
        if not question.architectures:
            raise UsageError(f"{question.title} links no architecture to drill; try another")
        return _design(
            catalog, catalog.get(ARCHITECTURE, question.architectures[0]), question.prompt
        )
    found = catalog.get(ARCHITECTURE, match.id)
    return _design(catalog, found, found.summary)


def designs(catalog: Catalog) -> list[Design]:
    return [_design(catalog, a, a.summary) for a in catalog.all(ARCHITECTURE)]


def due_next(found: Sequence[Design], states: dict[str, CardState], moment: datetime) -> Design:
    """The design to drill now: one with a role due (the longest overdue first), else one never
    drilled (in the data's order), else the one whose next role comes due first."""
    now = now_iso(moment)
    drilled = [
        (min(states[c.id].due for c in d.roles if c.id in states), d)
        for d in found
        if any(c.id in states for c in d.roles)
    ]
    overdue = sorted((due, d.id, d) for due, d in drilled if due <= now)
    if overdue:
        return overdue[0][2]
    fresh = [d for d in found if d.roles and not any(c.id in states for c in d.roles)]
    if fresh:
        return fresh[0]
    if not drilled:
        raise UsageError("no architecture has roles to drill")
    return min(drilled, key=lambda pair: (pair[0], pair[1].id))[1]


def _design(catalog: Catalog, arch: Architecture, prompt: str) -> Design:
    techs = catalog.many(TECHNOLOGY, sorted({t for c in arch.components for t in c.technologies}))
    options = dict(zip(techs, equivalents(catalog, list(techs.values())), strict=True))
    wanted = sorted({s for c in arch.components for s in c.aws_services})
    names = {i: s.name for i, s in catalog.many(AWS_SERVICE, wanted).items()}
    roles = tuple(
        _role(arch.id, c, techs, options, names) for c in arch.components if c.aws_services
    )
    for card in roles:
        names.update((a.id, a.name) for a in card.accepted)
    return Design(
        arch.id, arch.name, prompt, arch, roles, {i: t.name for i, t in techs.items()}, names
    )


def _role(
    design_id: str,
    component: Component,
    techs: dict[str, Technology],
    options: dict[str, tuple[Equivalent, ...]],
    names: dict[str, str],
) -> Card:
    """A role as a card: the reference's services, then the other AWS equivalents of the
    role's technologies, each with its closest relation to them."""
    closest: dict[str, Equivalent] = {}  # each service's closest relation to the technologies
    for tech in component.technologies:
        for eq in options.get(tech, ()):
            known = closest.get(eq.service.id)
            if known is None or RELATION_ORDER.get(eq.relation, 9) < RELATION_ORDER.get(
                known.relation, 9
            ):
                closest[eq.service.id] = eq
    others = [s for s, eq in closest.items() if eq.available and s not in component.aws_services]
    accepted = [
        Accepted(
            s,
            closest[s].service.name if s in closest else names.get(s, s),
            closest[s].relation if s in closest else "",
            closest[s].note if s in closest else "",
        )
        for s in (*component.aws_services, *others)
    ]
    graded = [a.relation for a in accepted if a.relation]
    best = min(graded, key=lambda r: RELATION_ORDER.get(r, 9)) if graded else ""
    mine = [techs[t] for t in component.technologies if t in techs]
    shown = ", ".join(t.name for t in mine)
    return Card(
        f"{DRILL}:{design_id}:{component.id}",
        DRILL,
        component.role + (f" ({shown})" if shown else ""),
        "; ".join(names.get(s, s) for s in component.aws_services),
        RESOLVE,
        tuple(accepted),
        AWS_SERVICE.key,
        tuple(dict.fromkeys(c for t in mine for c in t.categories)),
        best,
        detail=" ".join((component.note or "").split()),
    )


def run(
    catalog: Catalog,
    store: Store,
    chosen: Design,
    ui: DrillUi,
    clock: Callable[[], datetime],
    minutes: int | None = None,
    tick: Callable[[], float] = time.monotonic,
) -> DrillSummary:
    """Ask each role, saving each answer as it is given; against the clock, stop when time is up
    (the roles not reached are not reviewed)."""
    states = store.states()
    started = tick()
    begun = now_iso(clock())
    ui.intro(chosen, minutes)
    answered: list[Answered] = []
    out_of_time = interrupted = False
    try:
        for number, card in enumerate(chosen.roles, 1):
            left = minutes * 60 - (tick() - started) if minutes else None
            if left is not None and left <= 0:
                out_of_time = True
                break
            began = tick()
            answer = ui.ask_role(Asked(card, number, len(chosen.roles), left))
            if answer is None:
                break
            verdict = grade(catalog, card, answer)
            moment = clock()
            state = schedule.review(
                card.id, states.get(card.id), verdict.rating, moment, card.digest
            )
            seconds = tick() - began
            store.record(
                state,
                Review(
                    card.id, verdict.rating, answer, now_iso(moment), int(seconds * 1000), DRILL
                ),
            )
            states[card.id] = state
            done = Answered(
                Outcome(card, answer, verdict, state.due, state.last_review or ""),
                chosen.id,
                chosen.role(card),
                seconds,
            )
            answered.append(done)
            ui.answered(done, minutes is not None)
    except KeyboardInterrupt:
        interrupted = True
    total = tick() - started
    if answered and not interrupted:
        store.record_drill(
            Drill(chosen.id, begun, minutes, len(chosen.roles), len(answered), round(total, 1))
        )
    if not interrupted:
        ui.reveal_design(chosen)
    return DrillSummary(
        chosen, tuple(answered), total, minutes, out_of_time, store.saved, interrupted
    )
