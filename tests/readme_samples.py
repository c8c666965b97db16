"""The README's samples, run for real: check them (the test) or rewrite them (``--write``).

A sample is a ```text block whose lines start with ``$ awsmap ...``; what follows each
command line, up to the next one, is its output. A line ``...`` ends a sample early: only the
lines before it are compared (and written). The shell forms used in the README are understood:
``printf 'a\\n' |`` in front feeds standard input, ``| head -N`` keeps N lines, ``; echo $?``
adds the exit code. Files a sample reads are defined in the README as code blocks preceded by
``<!-- file: NAME -->``.

Samples run in a temporary directory, 100 columns wide, not a terminal, with a fresh progress
database and the clock set to AWSMAP_NOW=2026-12-01T09:00:00Z.

    python -m tests.readme_samples --write    # after changing output: update the README
"""

from __future__ import annotations

import os
import re
import shlex
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

README = Path(__file__).parents[1] / "README.md"
ELLIPSIS = "..."
ENV = {"COLUMNS": "100", "AWSMAP_NOW": "2026-12-01T09:00:00Z"}
_FENCE = re.compile(r"^```text\n(.*?)^```", re.S | re.M)
_FILE = re.compile(r"<!-- file: (\S+) -->\n```[a-z]*\n(.*?)^```", re.S | re.M)


class Sample(NamedTuple):
    command: str  # as written after "$ "
    expected: list[str]
    cut: bool  # the sample ends with "..."


def samples(text: str) -> Iterator[tuple[re.Match[str], list[Sample]]]:
    for block in _FENCE.finditer(text):
        lines = block.group(1).splitlines()
        if not lines or (
            not lines[0].startswith("$ awsmap") and not lines[0].startswith("$ printf")
        ):
            continue
        found: list[Sample] = []
        for line in lines:
            if line.startswith("$ "):
                found.append(Sample(line[2:], [], False))
            elif line == ELLIPSIS:
                found[-1] = found[-1]._replace(cut=True)
            elif not found[-1].cut:
                found[-1].expected.append(line)
        yield block, found


def files(text: str) -> dict[str, str]:
    return {m.group(1): m.group(2) for m in _FILE.finditer(text)}


def run(command: str, workdir: Path) -> list[str]:
    """The lines a shell would show for a sample command line."""
    from tests.harness import invoke

    stdin = ""
    head: int | None = None
    echo_status = command.endswith("; echo $?")
    command = command.removesuffix("; echo $?")
    if command.startswith("printf "):
        feed, _, command = command.partition(" | ")
        stdin = shlex.split(feed)[1].encode().decode("unicode_escape")
    if " | head -" in command:
        command, _, count = command.partition(" | head -")
        head = int(count)
    args = shlex.split(command)[1:]
    env = {**ENV, "AWSMAP_STATE_DIR": "state"}  # relative to the working directory
    old = Path.cwd()
    os.chdir(workdir)
    try:
        result = invoke(args, stdin=stdin, env=env)
    finally:
        os.chdir(old)
    lines = (result.stdout + result.stderr).splitlines()
    if head is not None:
        lines = lines[:head]
    if echo_status:
        lines.append(str(result.exit_code))
    return lines


def compare(text: str) -> list[str]:
    """Every sample whose output differs from the README, as readable differences."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        work = _workdir(Path(tmp), text)
        for _block, found in samples(text):
            for sample in found:
                actual = run(sample.command, work)
                if sample.cut:
                    actual = actual[: len(sample.expected)]
                if actual != sample.expected:
                    problems.append(_difference(sample, actual))
    return problems


def _workdir(tmp: Path, text: str) -> Path:
    for name, content in files(text).items():
        (tmp / name).write_text(content, encoding="utf-8")
    return tmp


def _difference(sample: Sample, actual: list[str]) -> str:
    for i, (want, got) in enumerate(zip(sample.expected, actual, strict=False)):
        if want != got:
            return f"$ {sample.command}\n  line {i + 1}: README {want!r}\n  output  {got!r}"
    return f"$ {sample.command}\n  README has {len(sample.expected)} lines, output {len(actual)}"


def write(text: str) -> str:
    """The README with every sample's output replaced by the real one."""
    out = []
    last = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = _workdir(Path(tmp), text)
        for block, found in samples(text):
            body = []
            for sample in found:
                actual = run(sample.command, work)
                body.append(f"$ {sample.command}")
                if sample.cut:
                    keep = len(sample.expected) or min(len(actual), 12)
                    body.extend(actual[:keep])
                    body.append(ELLIPSIS)
                else:
                    body.extend(actual)
            out.append(text[last : block.start(1)])
            out.append("\n".join(body) + "\n")
            last = block.end(1)
    out.append(text[last:])
    return "".join(out)


if __name__ == "__main__":
    if "--write" in sys.argv:
        README.write_text(write(README.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        for problem in compare(README.read_text(encoding="utf-8")):
            print(problem)
