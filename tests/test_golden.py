"""Every golden case prints what its file in ``tests/golden/`` says, byte for byte.

A deliberate change regenerates them (``python -m tests.golden_cases``); the diff is reviewed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden_cases import CASES, GOLDEN, run_case


@pytest.mark.parametrize(("name", "args", "stdin"), CASES, ids=[c[0] for c in CASES])
def test_golden_output(name: str, args: list[str], stdin: str | None, session_cache: Path) -> None:
    expected = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    assert run_case(args, stdin, str(session_cache)) == expected


def test_every_golden_file_is_a_case() -> None:
    assert {p.stem for p in GOLDEN.glob("*.txt")} == {c[0] for c in CASES}
