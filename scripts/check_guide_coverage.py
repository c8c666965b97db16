"""Check that the bundled data carries everything the source guide says.

Usage: python scripts/check_guide_coverage.py PATH/TO/tech-to-aws-guide.md

For every technology section of the guide: its name resolves (as ``awsmap lookup NAME`` would) to
an entry; every AWS service on its "AWS Equivalent" line resolves to one of that entry's
equivalents; every parallel, interview phrase, key feature and use case is in the entry, verbatim,
or recorded as the ``was`` of a correction, or listed in ``scripts/guide-replaced.yaml`` as
replaced on purpose (weak phrases rewritten for issue 20). Not a test: the guide is not shipped
with awsmap.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from awsmap.base.errors import AwsmapError
from awsmap.catalog.kinds import ARCHITECTURE, AWS_SERVICE, QUESTION, TIP
from awsmap.catalog.models import Technology
from awsmap.catalog.reader import Catalog
from awsmap.commands import lookup as queries
from awsmap.commands.lookup import LookupResult
from awsmap.find.resolve import resolve

BOLD = re.compile(r"\*\*([^*]+)\*\*")
SKIP_EQUIVALENTS = {
    "The underlying technology of OpenSearch and CloudSearch",
    "Amazon SNS + SQS",
    "RabbitMQ + Dead Letter Exchanges",  # rabbitmq lists EventBridge; a test checks it
}
# The guide's non-technology content and the entries that now hold it.
GUIDE_ARCHITECTURES = (
    "microservices-stack",
    "data-pipeline",
    "real-time-analytics",
    "lambda-architecture",
)
GUIDE_QUESTIONS = (
    "realtime-analytics-dashboard",
    "microservices-logging",
    "recommendation-engine",
    "time-series-metrics",
)


def plain(line: str) -> str:
    text = line.strip().removeprefix("- ").replace("**", "").strip()
    return text.strip('"').strip()


def sections(guide: str) -> list[tuple[str, str]]:
    body = guide.split("## 🎯 Quick Reference Table", maxsplit=1)[0]
    parts = re.split(r"^### (.+)$", body, flags=re.M)
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


def blocks(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = None
    in_code = False
    for line in text.splitlines():
        if line.startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        header = re.match(r"^\*\*(.+?):\*\*\s*$", line.strip())
        if header:
            current = header.group(1)
            out.setdefault(current, [])
            continue
        if current and line.startswith("- "):
            out[current].append(line)
    return out


def known(tech: Technology, text: str) -> bool:
    pool = [
        *(f"{p.aspect}: {p.detail}" for p in tech.parallels),
        *tech.interview_phrases,
        *tech.key_features,
        *tech.use_cases,
        *(c.was for c in tech.corrections),
    ]
    return any(text == p or p.startswith(text) or text in p for p in pool)


def names_of(title: str) -> list[str]:
    title = re.sub(r"\s*\((Database|Cache) Mode\)|\s*\(Commercial but important\)", "", title)
    return [n.strip() for n in re.split(r"\s*/\s*", title)]


REPLACED = Path(__file__).with_name("guide-replaced.yaml")


def replaced() -> set[tuple[str, str, str]]:
    """(technology, section, line) of the guide's lines replaced on purpose."""
    import yaml

    rows = yaml.safe_load(REPLACED.read_text(encoding="utf-8"))["replaced"]
    return {(r["technology"], r["section"], r["was"]) for r in rows}


def main(path: str) -> int:
    guide = Path(path).read_text(encoding="utf-8")
    on_purpose = replaced()
    catalog = Catalog.open()
    problems: list[str] = []
    checked = 0
    for title, text in sections(guide):
        fields = blocks(text)
        equivalent_line = re.search(r"\*\*(AWS|Open-Source) Equivalent:\*\*(.+)", text)
        if title.startswith("AWS "):
            tools = BOLD.findall(equivalent_line.group(2)) if equivalent_line else []
            aws_names = [title]
        else:
            tools = names_of(title)
            aws_names = BOLD.findall(equivalent_line.group(2)) if equivalent_line else []
        for tool in tools:
            if tool in SKIP_EQUIVALENTS:
                continue
            try:
                result = queries.lookup_result(catalog, tool)
            except AwsmapError as exc:
                problems.append(f"{title}: {tool!r} does not resolve: {exc.message}")
                continue
            if not isinstance(result, LookupResult):
                problems.append(f"{title}: {tool!r} resolves to an AWS service")
                continue
            checked += 1
            tech = result.technology
            ids = {e.service for e in tech.aws_equivalents}
            for aws_name in aws_names:
                if aws_name in SKIP_EQUIVALENTS:
                    continue
                try:
                    match = resolve(catalog, aws_name.removeprefix("AWS "), (AWS_SERVICE,))
                except AwsmapError as exc:
                    problems.append(f"{tech.id}: AWS name {aws_name!r}: {exc.message}")
                    continue
                if match.id not in ids:
                    problems.append(f"{tech.id}: {aws_name!r} ({match.id}) not an equivalent")
            others = [t for t in tools if t != tool]
            for header, lines in fields.items():
                if header in ("Cache Strategies", "Architecture Comparison"):
                    continue
                for line in lines:
                    item = plain(line)
                    # in a section naming two tools, a phrase may name the entry's own tool
                    own = [item.replace(other, tool) for other in others]
                    if (tech.id, header, item) in on_purpose:
                        continue
                    if not any(known(tech, i) or _in_sections(tech, i) for i in [item, *own]):
                        problems.append(f"{tech.id}: [{header}] missing: {item}")
    problems.extend(_guide_content(catalog))
    for p in problems:
        print(p)
    print(f"{checked} technologies checked, {len(problems)} problems")
    return 1 if problems else 0


def _guide_content(catalog: Catalog) -> list[str]:
    """The architectures, practice questions, tips, CAP notes and study strategy are there."""
    found = []
    architectures = {a.id: a for a in catalog.all(ARCHITECTURE)}
    for arch_id in GUIDE_ARCHITECTURES:
        if arch_id not in architectures or not architectures[arch_id].source:
            found.append(f"architecture {arch_id}: missing or without its source")
    questions = {q.id: q for q in catalog.all(QUESTION)}
    for question_id in GUIDE_QUESTIONS:
        if question_id not in questions or not questions[question_id].source:
            found.append(f"question {question_id}: missing or without its source")
    groups = {t.group for t in catalog.all(TIP)}
    found.extend(f"no tips of group {g}" for g in ("tip", "cap", "strategy") if g not in groups)
    return found


def _in_sections(tech: Technology, item: str) -> bool:
    for section in tech.sections:
        for i in section.items:
            joined = f"{i.name}: {i.detail}" if i.name else i.detail
            if (
                item == joined
                or item in joined
                or joined.startswith(item.split(":", maxsplit=1)[0])
            ):
                return True
    return False


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
