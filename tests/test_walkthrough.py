"""Every architecture is worked in interview order, and `awsmap architecture NAME` shows it."""

from __future__ import annotations

import re

import pytest
import yaml
from rich.table import Table

from awsmap.catalog import loader
from awsmap.catalog.bundled import DATA_DIR
from awsmap.catalog.designs import STEP_TITLES, Architecture, Walkthrough
from awsmap.catalog.kinds import ARCHITECTURE
from awsmap.catalog.reader import Catalog
from awsmap.commands.designs import ArchitectureResult, architecture_result
from awsmap.render.markdown import markdown
from awsmap.render.views.designs import VIEWS
from tests.conftest import Cli

ARCHITECTURES: tuple[Architecture, ...] = loader.load().dataset.of(ARCHITECTURE)
# the guide's and the classic interview designs, whose estimates are checked for named figures
CLASSIC = {
    a["id"]
    for a in yaml.safe_load((DATA_DIR / "architectures.yaml").read_text(encoding="utf-8"))[
        "architectures"
    ]
}
HEADINGS = [f"{n}. {title}" for n, title in enumerate(STEP_TITLES.values(), 1)]
# AWS figures (most kept in numbers.yaml) that an estimate names where it relies on one
NAMED_FIGURES = re.compile(
    r"1,000 records/s|1 MiB/s|3,000 RCU|1,000 WCU|1,000 concurrent|10,000 req/s|40,000|"
    r"5,500 GETs|3,500 writes|250,000 req/s|150 Gbps|256 TiB|500 new connections|2 hours|"
    r"2 MiB/s|15 M ECPU|300 calls/s|10,000 events|10,000 parts|30-50 GiB|128 MiB"
)


def test_the_steps_are_the_records_fields_in_interview_order() -> None:
    assert list(STEP_TITLES) == list(Walkthrough._fields)
    assert HEADINGS == [
        "1. Requirements",
        "2. Estimates",
        "3. API",
        "4. Data model",
        "5. High-level design",
        "6. Deep dives",
    ]


@pytest.mark.parametrize("arch", ARCHITECTURES, ids=lambda a: a.id)
def test_every_architecture_has_a_complete_walkthrough(arch: Architecture) -> None:
    walk = arch.walkthrough
    assert walk is not None, f"{arch.id} has no walk-through"
    for (title, points), step in zip(walk.steps(), Walkthrough._fields, strict=True):
        assert len(points) >= 2, f"{arch.id}: {title} has {len(points)} point(s)"
        assert len(points) <= 6, f"{arch.id}: {title} has {len(points)} points; keep it short"
        for point in points:
            assert len(point) <= 210, f"{arch.id} {step}: {point[:60]}... is too long"
        assert len(set(points)) == len(points), f"{arch.id}: {title} repeats a point"
    assert any(re.search(r"assumed|^Scale\b", p) for p in walk.requirements), (
        f"{arch.id}: state the scale assumed"
    )
    assert any(re.search(r"\d", p) for p in walk.estimates), f"{arch.id}: estimates need numbers"
    if arch.id in CLASSIC:
        assert any(NAMED_FIGURES.search(p) for p in walk.estimates), (
            f"{arch.id}: no estimate uses one of awsmap's AWS figures"
        )


def test_the_view_shows_the_steps_in_interview_order(cli: Cli) -> None:
    result = cli("architecture", "url-shortener", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    marks = [out.index(h) for h in HEADINGS[:5]]
    marks += [out.index("Components"), out.index("Flow"), out.index(HEADINGS[5])]
    marks.append(out.index("Trade-offs that decide it"))
    assert marks == sorted(marks), "steps 1-5, the components and flow, deep dives, trade-offs"
    assert out.index("Users submit a long URL") < marks[0], "the summary comes first"
    assert "62^7 = about 3.5 trillion codes" in out
    assert max(map(len, out.splitlines())) <= 80


def test_the_markdown_form_carries_the_walkthrough(cli: Cli) -> None:
    result = cli("architecture", "chat", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "### Walk-through" in lines
    headings = [line.removeprefix("#### ") for line in lines if line.startswith("#### ")]
    assert headings == HEADINGS
    assert (
        lines.index("#### 5. High-level design")
        < lines.index("| Component | Open source | On AWS | Note |")
        < lines.index("#### 6. Deep dives")
        < lines.index("### Trade-offs")
    )


def test_the_json_carries_the_walkthrough(cli: Cli) -> None:
    data = cli.json("architecture", "payments")
    walk = data["walkthrough"]
    assert list(walk) == list(Walkthrough._fields)
    arch = next(a for a in ARCHITECTURES if a.id == "payments")
    assert arch.walkthrough is not None
    assert walk == arch.walkthrough.to_dict()
    assert all(isinstance(p, str) for points in walk.values() for p in points)


def test_an_architecture_without_a_walkthrough_renders_as_before() -> None:
    full = architecture_result(Catalog.open(), "chat")
    bare = full._replace(architecture=full.architecture._replace(walkthrough=None))
    text = markdown(bare)
    assert "Walk-through" not in text and "####" not in text
    assert text.splitlines()[4].startswith("| Component |")
    assert bare.to_json()["walkthrough"] is None
    shown = [str(p.title) for p in VIEWS[ArchitectureResult](bare) if isinstance(p, Table)]
    assert shown == ["Components"]
    assert len(VIEWS[ArchitectureResult](full)) == len(VIEWS[ArchitectureResult](bare)) + 6
