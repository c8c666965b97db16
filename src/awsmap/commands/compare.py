"""``compare``: two or more entries side by side, curated or built from the data."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING, Any, NamedTuple

from awsmap.base.errors import UsageError
from awsmap.base.match import Match
from awsmap.base.text import quoted
from awsmap.catalog.domain import key_use_case, recommended, status_words
from awsmap.catalog.kinds import AWS_SERVICE, BY_KEY, CATEGORY, COMPARISON, TECHNOLOGY
from awsmap.catalog.models import Comparison, ComparisonRow, DecisionGuide
from awsmap.catalog.reader import Catalog
from awsmap.commands.lookup import comparison_ref
from awsmap.find.equivalents import EQUIVALENT_PATH, equivalents
from awsmap.find.resolve import exact, resolve, singular

if TYPE_CHECKING:
    from awsmap.commands.context import Context

JSON = dict[str, Any]


class Subject(NamedTuple):
    """One column of a comparison: a technology or an AWS service."""

    kind: str
    id: str
    name: str
    match: Match

    def to_json(self) -> JSON:
        return {"kind": self.kind, "id": self.id, "name": self.name, "match": self.match.to_json()}


class Verdict(NamedTuple):
    """When to choose one subject of a comparison, where a curated comparison says."""

    kind: str
    id: str
    name: str
    choose_when: str | None

    def to_json(self) -> JSON:
        return {
            "kind": self.kind,
            "id": self.id,
            "name": self.name,
            "choose_when": self.choose_when,
        }


class CompareResult(NamedTuple):
    subjects: tuple[Subject, ...]
    rows: tuple[ComparisonRow, ...]
    comparison: Comparison | None
    verdicts: tuple[Verdict, ...] = ()
    included: tuple[Comparison, ...] = ()  # curated pairs whose rows a derived table keeps

    @property
    def verdict(self) -> str | None:
        """The curated comparison's decision in a sentence or two."""
        return self.comparison.verdict if self.comparison else None

    @property
    def decision_guide(self) -> DecisionGuide | None:
        return self.comparison.decision_guide if self.comparison else None

    def to_json(self) -> JSON:
        guide = self.decision_guide
        return {
            "kind": COMPARISON.key,
            "technologies": [s.to_json() for s in self.subjects],
            "comparison": comparison_ref(self.comparison) if self.comparison else None,
            "source": "curated" if self.comparison else "derived",
            "rows": [r.to_dict() for r in self.rows],
            "verdicts": [v.to_json() for v in self.verdicts],
            "included": [comparison_ref(c) for c in self.included],
            "verdict": self.verdict,
            "decision_guide": guide.to_dict() if guide else None,
        }


def compare_result(catalog: Catalog, names: Sequence[str]) -> CompareResult:
    if len(names) < 2:
        raise UsageError("compare needs at least two names, e.g. awsmap compare redis memcached")
    subjects: list[Subject] = []
    for name in names:
        match = resolve(catalog, name, (TECHNOLOGY, AWS_SERVICE))
        subject = Subject(match.kind, match.id, match.label, match)
        for earlier in subjects:
            if (earlier.kind, earlier.id) == (subject.kind, subject.id):
                by_label = _by_labels(catalog, names)
                if by_label:
                    return by_label
                raise UsageError(
                    f"{quoted(earlier.match.query)} and {quoted(name)} are both {subject.name}; "
                    "compare two different things"
                )
        subjects.append(subject)
    stand_ins: dict[tuple[str, str], tuple[str, str]] = {}
    covering = catalog.covering(COMPARISON, [(BY_KEY[s.kind], s.id) for s in subjects])
    if not covering:  # Airflow against Step Functions: the curated MWAA vs Step Functions
        stand_ins = _managed_stand_ins(catalog, subjects)
        if stand_ins:
            keys = [stand_ins.get((s.kind, s.id), (s.kind, s.id)) for s in subjects]
            covering = catalog.covering(COMPARISON, [(BY_KEY[k], i) for k, i in keys])
    if covering:
        curated = covering[0]
        rows = _narrowed(curated, subjects, stand_ins) + _relation_rows(catalog, subjects)
        verdicts = _verdicts(subjects, [curated], stand_ins)
        return CompareResult(tuple(subjects), rows, curated, verdicts)
    included: list[Comparison] = []
    for a, b in combinations(subjects, 2):
        for comp in catalog.covering(COMPARISON, [(BY_KEY[a.kind], a.id), (BY_KEY[b.kind], b.id)]):
            if comp.id not in {c.id for c in included}:
                included.append(comp)
    rows = _derived_rows(catalog, subjects)
    for comp in included:
        rows += tuple(
            ComparisonRow(f"{row.aspect} ({comp.title})", row.values)
            for row in _narrowed(comp, subjects)
        )
    rows += _relation_rows(catalog, subjects)
    return CompareResult(
        tuple(subjects), rows, None, _verdicts(subjects, included), tuple(included)
    )


def curated_result(catalog: Catalog, comp: Comparison) -> CompareResult:
    """One curated comparison as it is written: its sides, in its order."""
    subjects = [
        Subject(s.kind, s.target, s.label, Match(s.label, s.kind, s.target, s.label, "exact", 100))
        for s in comp.sides
    ]
    rows = _narrowed(comp, subjects)
    if len({(s.kind, s.id) for s in subjects}) == len(subjects):
        rows += _relation_rows(catalog, subjects)
    return CompareResult(tuple(subjects), rows, comp, _verdicts(subjects, [comp]))


def _label_words(text: str) -> str:
    """'Aurora PostgreSQL (PostgreSQL-Compatible)' -> 'aurora postgresql': a label's words without
    its parentheses, lower case."""
    return " ".join(re.sub(r"\([^)]*\)", " ", text).replace("-", " ").lower().split())


def _by_labels(catalog: Catalog, names: Sequence[str]) -> CompareResult | None:
    """The curated comparison whose side labels are the names, for names that resolve to one
    entry ('aurora mysql' and 'aurora postgresql' are both Amazon Aurora): the fewest sides win."""
    wanted = [_label_words(n) for n in names]
    if len(set(wanted)) < len(wanted):
        return None
    found = []
    for comp in catalog.all(COMPARISON):
        labels = {_label_words(side.label): side for side in comp.sides}
        if all(w in labels for w in wanted):
            found.append((len(comp.sides), comp, [labels[w] for w in wanted]))
    if not found:
        return None
    _, comp, sides = min(found, key=lambda f: f[0])
    subjects = [
        Subject(s.kind, s.target, s.label, Match(n, s.kind, s.target, s.label, "normalized", 100))
        for n, s in zip(names, sides, strict=True)
    ]
    rows = _narrowed(comp, subjects)
    return CompareResult(tuple(subjects), rows, comp, _verdicts(subjects, [comp]))


StandIns = dict[tuple[str, str], tuple[str, str]]


def _managed_stand_ins(catalog: Catalog, subjects: Sequence[Subject]) -> StandIns:
    """For each technology subject, the AWS service that runs it (its first ``managed``
    equivalent): a curated comparison of that service speaks for the technology. Never for
    every subject: Redis vs Valkey is not ElastiCache vs MemoryDB, so one subject stays itself."""
    found: StandIns = {}
    for s in subjects:
        if s.kind != TECHNOLOGY.key:
            continue
        tech = catalog.get(TECHNOLOGY, s.id)
        managed = next((eq for eq in tech.aws_equivalents if eq.relation == "managed"), None)
        if managed is not None:
            found[(s.kind, s.id)] = (AWS_SERVICE.key, managed.service)
    return found if len(found) < len(subjects) else {}


def _narrowed(
    comp: Comparison, subjects: Sequence[Subject], stand_ins: StandIns | None = None
) -> tuple[ComparisonRow, ...]:
    """The comparison's rows with one value per subject, in the subjects' order ('' where the
    comparison has no side for a subject); a subject may have a stand-in (_managed_stand_ins)."""
    column = {(side.kind, side.target): i for i, side in enumerate(comp.sides)}
    keys = [(stand_ins or {}).get((s.kind, s.id), (s.kind, s.id)) for s in subjects]
    where = [column.get(key) for key in keys]
    return tuple(
        ComparisonRow(row.aspect, tuple("" if i is None else row.values[i] for i in where))
        for row in comp.rows
    )


def _verdicts(
    subjects: Sequence[Subject], comps: Sequence[Comparison], stand_ins: StandIns | None = None
) -> tuple[Verdict, ...]:
    """Each subject's 'choose it when', from the first comparison that has one for it."""
    found = []
    for s in subjects:
        key = (stand_ins or {}).get((s.kind, s.id), (s.kind, s.id))
        text = next(
            (
                side.choose_when
                for comp in comps
                for side in comp.sides
                if (side.kind, side.target) == key and side.choose_when
            ),
            None,
        )
        found.append(Verdict(s.kind, s.id, s.name, text))
    return tuple(found)


def _relation_rows(catalog: Catalog, subjects: Sequence[Subject]) -> tuple[ComparisonRow, ...]:
    """How each AWS subject relates to each technology subject, where the data says."""
    techs = [catalog.get(TECHNOLOGY, s.id) for s in subjects if s.kind == TECHNOLOGY.key]
    rows = []
    for s in subjects:
        if s.kind != AWS_SERVICE.key:
            continue
        for tech in techs:
            for eq in tech.aws_equivalents:
                if eq.service == s.id:
                    values = tuple(
                        f"{eq.relation}: {eq.note}" if other is s else "" for other in subjects
                    )
                    rows.append(ComparisonRow(f"Relation to {tech.name}", values))
    return tuple(rows)


def _join(items: Sequence[str], limit: int = 6) -> str:
    shown = list(items[:limit])
    if len(items) > limit:
        shown.append(f"(+{len(items) - limit} more)")
    return "\n".join(shown) if shown else "-"


def _derived_rows(catalog: Catalog, subjects: Sequence[Subject]) -> tuple[ComparisonRow, ...]:
    columns: list[dict[str, str]] = []
    for s in subjects:
        if s.kind == TECHNOLOGY.key:
            tech = catalog.get(TECHNOLOGY, s.id)
            (found,) = equivalents(catalog, [tech])
            main = recommended(found)
            cats = catalog.many(CATEGORY, tech.categories)
            columns.append(
                {
                    "Kind": "Technology",
                    "What it is": tech.what_it_is,
                    "Categories": ", ".join(cats[c].name for c in tech.categories),
                    "AWS equivalents": _join([f"{e.service.name} ({e.relation})" for e in found]),
                    "Lifecycle": "-",
                    "Key features": _join([f.partition(": ")[0] for f in tech.key_features]),
                    "Use cases": _join([u.partition(": ")[0] for u in tech.use_cases]),
                    "Main use case": key_use_case(tech) or "-",
                    "Main AWS equivalent": main.service.name if main else "-",
                }
            )
        else:
            svc = catalog.get(AWS_SERVICE, s.id)
            links = catalog.referrers(AWS_SERVICE, svc.id, TECHNOLOGY, EQUIVALENT_PATH)
            relations = {
                t.id: next(e.relation for e in t.aws_equivalents if e.service == svc.id)
                for t in links
            }
            columns.append(
                {
                    "Kind": "AWS service",
                    "What it is": svc.description,
                    "Categories": "-",
                    "AWS equivalents": "-",
                    "Lifecycle": status_words(svc),
                    "Key features": "-",
                    "Use cases": "-",
                    "Main use case": "-",
                    "Main AWS equivalent": "-",
                    "Technologies mapped to it": _join(
                        [f"{t.name} ({relations[t.id]})" for t in links]
                    ),
                }
            )
    aspects = list(dict.fromkeys(k for col in columns for k in col))
    rows = [ComparisonRow(a, tuple(col.get(a, "-") for col in columns)) for a in aspects]
    return tuple(r for r in rows if any(v not in ("-", "") for v in r.values))


def compare(ctx: Context, names: list[str]) -> CompareResult:
    catalog = ctx.catalog()
    return compare_result(catalog, split_names(catalog, names))


# Bounds on the search for names in unquoted words: no name in the data runs past eight words,
# and a comparison of more than a few dozen words is not a command line anyone types.
MAX_NAME_WORDS = 10
MAX_SPLIT_WORDS = 30


def split_names(catalog: Catalog, words: Sequence[str]) -> list[str]:
    """The names in the words of a command line: separated by commas when there are commas
    (``step functions, airflow``); else, when the words are more than two, the fewest runs of
    consecutive words that each name an entry exactly (``step functions airflow``: Step
    Functions and Airflow); else each word (or quoted argument) is one name."""
    if any("," in w for w in words):
        return [n.strip() for n in " ".join(words).split(",") if n.strip()]
    if len(words) <= 2 or len(words) > MAX_SPLIT_WORDS:
        return list(words)
    kinds = (TECHNOLOGY, AWS_SERVICE)
    # best[i]: the fewest names covering words[:i], as the list of names
    best: list[list[str] | None] = [[]] + [None] * len(words)
    for end in range(1, len(words) + 1):
        for start in range(max(0, end - MAX_NAME_WORDS), end):
            before = best[start]
            if before is None:
                continue
            name = " ".join(words[start:end])
            if exact(catalog, name, kinds) is None and singular(catalog, name, kinds) is None:
                continue
            if best[end] is None or len(before) + 1 < len(best[end] or ()):
                best[end] = [*before, name]
    found = best[len(words)]
    return found if found is not None and len(found) >= 2 else list(words)
