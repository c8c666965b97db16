"""The README cannot drift from the real output: every sample is run and compared."""

from __future__ import annotations

import re
from pathlib import Path

from tests.readme_samples import README, compare, run, samples


def test_every_readme_sample_matches_the_real_output() -> None:
    text = README.read_text(encoding="utf-8")
    assert sum(len(found) for _block, found in samples(text)) >= 15
    problems = compare(text)
    assert problems == [], "\n".join(problems) + "\n(run: python -m tests.readme_samples --write)"


def test_the_mermaid_diagram_in_the_readme_is_real_output(tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```mermaid\n(.*?)```", text, flags=re.S)
    assert block is not None
    assert block.group(1).splitlines() == run(
        "awsmap stack postgres redis kafka --format mermaid", tmp_path
    )


def test_the_readme_gives_exactly_two_setup_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "```sh\npip install . && awsmap lookup kafka\n```" in text
    assert '```sh\npip install ".[test]" && pytest\n```' in text
