"""Cards about design knowledge: the numbers behind estimates, the patterns (building blocks), the
"X or Y" choices of the curated comparisons, and practice questions as outlines to recall.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awsmap.base.text import plain_number as shown
from awsmap.catalog.designs import Number, Pattern, Question
from awsmap.catalog.kinds import AWS_SERVICE, TECHNOLOGY
from awsmap.catalog.models import Comparison, ComparisonSide
from awsmap.study.distractors import Chooser, quantities
from awsmap.study.model import (
    COMPARISON,
    NUMBER,
    OUTLINE,
    PATTERN,
    PRACTICE,
    QUANTITY,
    RESOLVE,
    Accepted,
    Card,
)
from awsmap.study.quantity import TOLERANCE
from awsmap.study.sources import Sources, short_name
from awsmap.study.techcards import slug

POINT = 110  # a key point of an outline is one line
POINTS = 5
_CONNECTIVES = ("when", "for", "to", "as")


def number_card(number: Number, sources: Sources) -> Card | None:
    svc = sources.services.get(number.service) if number.service else None
    if svc is None:  # a general figure (the latency ladder) has no service to file it under
        return None
    name = _sentence_case(number.name, sources)
    card_id = f"{NUMBER}:{number.id}:value"
    why = number.note or ""
    if number.adjustable:
        why += (" " if why else "") + "A default quota: AWS raises it on request."
    return Card(
        card_id,
        NUMBER,
        f"{short_name(svc)}: {name}?",
        f"{shown(number.value)} {number.unit}",
        QUANTITY,
        (Accepted(repr(float(number.value)), number.unit),),
        categories=sources.service_categories[svc.id],
        detail=why.strip(),
        choices=tuple(
            f"{shown(v)} {number.unit}" for v in quantities(card_id, number.value, TOLERANCE)
        ),
    )


def _sentence_case(name: str, sources: Sources) -> str:
    """'Maximum item size' -> 'maximum item size', but never a name: 'WebSocket frame size',
    'GetRecords calls per shard' and 'Aurora Replicas per DB cluster' keep their capital."""
    first = name.split(" ", 1)[0]
    if not re.fullmatch(r"[A-Z][a-z-]+", first):
        return name
    starts = [n for n in sources.service_names if n == first or n.startswith(first + " ")]
    if any(name == n or name.startswith(n + " ") for n in starts):
        return name
    return name[0].lower() + name[1:]


def pattern_card(pattern: Pattern, sources: Sources, chooser: Chooser) -> Card | None:
    """ "Leader election on AWS?": graded by the services named, any of the pattern's."""
    ways = [w for w in pattern.aws if w.service in sources.services]
    if not ways:
        return None
    services = [sources.services[w.service] for w in ways if w.service]
    first = ways[0]
    card_id = f"{PATTERN}:{pattern.id}:aws"
    categories = sources.categories_of(
        [s.id for s in services], [w.technology for w in pattern.open_source if w.technology]
    )
    text = "\n".join([pattern.what_it_is, *pattern.pitfalls, *pattern.interview_phrases])
    text += "\n" + "\n".join(w.how for w in (*pattern.aws, *pattern.open_source))
    return Card(
        card_id,
        PATTERN,
        f"{pattern.name} on AWS?",
        "; ".join(dict.fromkeys(s.name for s in services)),
        RESOLVE,
        tuple(Accepted(s.id, s.name) for s in dict.fromkeys(services)),
        AWS_SERVICE.key,
        categories,
        detail=f"{short_name(services[0])}: {_clause(first.how, 2 * POINT)}",
        choices=chooser.services(card_id, categories, [s.id for s in services], text),
    )


def comparison_cards(comparison: Comparison, sources: Sources) -> Iterator[Card]:
    """One card a side: "SQS or Kinesis Data Streams when you need an ordered, replayable
    high-volume stream...?" The answer is that side, by name or its managed AWS form."""
    labels = [_label(side) for side in comparison.sides]
    if len(set(labels)) != len(labels):
        return
    ids = {_entity(side) for side in comparison.sides}
    categories = sources.categories_of(
        [s.aws_service for s in comparison.sides if s.aws_service],
        [s.technology for s in comparison.sides if s.technology],
    )
    for side, label in zip(comparison.sides, labels, strict=True):
        condition = _condition(side, label)
        if condition is None:
            continue
        others = [other for other in labels if other != label]
        accepted = [Accepted(_entity(side), label)]
        if side.technology:  # Kafka's side is also answered by MSK, its managed form
            for eq in sources.options.get(side.technology, ()):
                if eq.relation == "managed" and f"{AWS_SERVICE.key}:{eq.service.id}" not in ids:
                    accepted.append(Accepted(f"{AWS_SERVICE.key}:{eq.service.id}", eq.service.name))
        options = ", ".join(labels[:-1]) + " or " + labels[-1]
        yield Card(
            f"{COMPARISON}:{comparison.id}:{slug(label)}",
            COMPARISON,
            f"{options} {condition}?",
            label,
            RESOLVE,
            tuple(accepted),
            f"{TECHNOLOGY.key} {AWS_SERVICE.key}",
            categories,
            detail=" ".join((side.choose_when or "").split()),
            choices=tuple(others),
        )


def _entity(side: ComparisonSide) -> str:
    if side.technology:
        return f"{TECHNOLOGY.key}:{side.technology}"
    return f"{AWS_SERVICE.key}:{side.aws_service}"


def _label(side: ComparisonSide) -> str:
    """'Kafka' of 'Kafka (MSK)': the side's name without its qualifier."""
    return " ".join(re.sub(r"\([^)]*\)", " ", side.label).split())


def _condition(side: ComparisonSide, label: str) -> str | None:
    """'when you need ... dead-letter queue' of 'Choose SQS when you need ...; and more': the
    first clause after the side's name, with the name itself masked."""
    text = " ".join((side.choose_when or "").split())
    if not text.startswith("Choose "):
        return None
    depth, words = 0, text[len("Choose ") :].split(" ")
    for i, word in enumerate(words):
        if depth == 0 and word in _CONNECTIVES and i > 0:
            rest = " ".join(words[i:])
            break
        depth += word.count("(") - word.count(")")
    else:
        return None
    rest = re.split(r";\s", rest, maxsplit=1)[0].rstrip(". ")
    for name in sorted({label, side.label, side.technology or "", side.aws_service or ""} - {""}):
        found = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
        rest = re.sub(rf"(?i)\s*\([^()]*{found}[^()]*\)", "", rest)  # an aside naming it goes
        rest = re.sub(rf"(?i)\bthe {found}", "its", rest)  # "the Kafka API": its API
        rest = re.sub(rf"(?i){found}", "it", rest)
    return rest


def question_card(question: Question, sources: Sources) -> Card:
    """A practice question as an outline to recall: the AWS services, then the key points."""
    services = [sources.services[s] for s in question.aws_services if s in sources.services]
    names = [short_name(s) for s in services]
    points = [f"Services: {', '.join(names)}"] if names else []
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(question.answer.aws.split()))
    points += [_clause(s, POINT) for s in sentences if s][:POINTS]
    return Card(
        f"{PRACTICE}:{question.id}:answer",
        PRACTICE,
        question.prompt,
        "\n".join(points),
        OUTLINE,
        categories=sources.categories_of(question.aws_services, question.technologies),
        detail=f"Trade-off: {question.tradeoffs[0]}" if question.tradeoffs else "",
    )


def _clause(sentence: str, limit: int) -> str:
    """A sentence as one key point: whole when short, else cut at a clause or word boundary."""
    text = sentence.strip().rstrip(".")
    if len(text) <= limit:
        return text
    cut = max(text.rfind(mark, 0, limit) for mark in (", ", "; ", " (", " so ", " while "))
    if cut < limit // 2:
        cut = text.rfind(" ", 0, limit)
    return text[:cut].rstrip(",;: ") + "…"
