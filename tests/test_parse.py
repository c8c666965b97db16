"""The table-driven reader and Typer's generated commands read a command line alike.

Both are built from the command table and both run ``cli.runtime.execute``, so the only way they
could differ is in the arguments they read: where the reader accepts a line, Typer must read the
same arguments from it (hypothesis builds the lines from the table's own words and options), and
the reader must decline what Typer rejects. Real processes check pipes, closed output and narrow
encodings end to end.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awsmap.cli import parse
from awsmap.cli.app import typer_command
from awsmap.cli.options import Command, Flag, NumberOption
from awsmap.cli.table import COMMANDS, TOP_LEVEL
from tests.harness import invoke

SIMPLE = [c for c in TOP_LEVEL if not any(s.name.startswith(c.name + " ") for s in COMMANDS)]


def _typer_arguments(spec: Command, args: list[str]) -> dict[str, Any] | None:
    """What Typer reads from ``args`` for this command, or None when it rejects them."""
    command = typer_command(spec)
    try:
        ctx = command.make_context(spec.name, list(args))
    except Exception:  # a usage error of Click's
        return None
    params = dict(ctx.params)
    if spec.words is not None and spec.words.many:
        params[spec.words.param] = list(params[spec.words.param] or [])
    return params


def _tokens(spec: Command) -> st.SearchStrategy[str]:
    names = [n for o in spec.options for n in o.names]
    values = ["5", "0", "500", "501", "0.85", "nan", "-3", "05", "1e1", "table", "json", "-"]
    words = ["kafka", "redis", "stream", "x", "dynamo db", "", "--", "-n5", "--nope"]
    return st.one_of(st.sampled_from(names), st.sampled_from(values), st.sampled_from(words))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SIMPLE), st.data())
def test_where_the_reader_accepts_typer_reads_the_same(spec: Command, data: st.DataObject) -> None:
    args = data.draw(st.lists(_tokens(spec), max_size=6))
    call = parse.command_arguments(args, spec)
    if call is None:
        return
    typer = _typer_arguments(spec, args)
    assert typer is not None, f"the reader took {args} for {spec.name}, Typer rejects it"
    assert call == typer, args


@pytest.mark.parametrize("spec", SIMPLE, ids=lambda c: c.name)
def test_the_reader_takes_each_command_s_example(spec: Command) -> None:
    """The reader is not a stub that declines everything: every example is read here."""
    if spec.words is not None and spec.words.required and not spec.example:
        pytest.skip("needs a file")
    assert parse.command_arguments(list(spec.example), spec) is not None, spec.name


def test_defaults_come_from_the_table() -> None:
    quiz = next(c for c in COMMANDS if c.name == "quiz")
    read = parse.command_arguments([], quiz)
    assert read is not None
    declared = {o.param: o.default for o in quiz.options}
    assert read == declared
    assert read["count"] == 20 and isinstance(
        next(o for o in quiz.options if o.param == "count"), NumberOption
    )
    assert all(read[o.param] is False for o in quiz.options if isinstance(o, Flag))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["lookup", "aws", "category", "compare", "search", "pattern", "kafka", ""]),
    st.lists(st.text(max_size=14), max_size=4),
)
def test_any_input_is_an_answer_or_one_line(command: str, rest: list[str]) -> None:
    args = [command, *rest] if command else rest
    result = invoke(args)
    assert result.exit_code in (0, 1, 2, 3), (args, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


# -- real processes ------------------------------------------------------------------------------

PIPED = [["lookup", "kafka", "--json"], ["lookup", "kafka"], ["compare", "redis", "memcached"]]


def _line(args: list[str]) -> str:
    return " ".join(shlex.quote(a) for a in [sys.executable, "-m", "awsmap", *args])


def _run(line: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["bash", "-c", line], capture_output=True, timeout=120, check=False)


@pytest.mark.parametrize("args", PIPED, ids=" ".join)
def test_a_reader_that_went_away_is_141_and_silent(args: list[str]) -> None:
    result = _run(f"{_line(args)} | (exec 0<&-; sleep 0); echo ${{PIPESTATUS[0]}}")
    assert result.stdout.strip() in (b"0", b"141") and b"Traceback" not in result.stderr


@pytest.mark.parametrize("args", PIPED, ids=" ".join)
def test_closed_stdout_is_74(args: list[str]) -> None:
    result = _run(f"{_line(args)} >&-")
    assert result.returncode == 74 and result.stderr.count(b"\n") == 1


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_narrow_encodings_never_crash(encoding: str) -> None:
    for args in (["lookup", "istio", "--full"], ["aws", "app mesh"], ["lookup", "ñandú"]):
        result = _run(f"PYTHONIOENCODING={encoding} {_line(args)}")
        assert result.returncode in (0, 1) and b"Traceback" not in result.stderr, args


def test_the_script_never_imports_typer_for_a_lookup() -> None:
    probe = (
        "import sys, runpy; sys.argv = ['awsmap', 'lookup', 'kafka', '--json']\n"
        "try:\n    runpy.run_module('awsmap', run_name='__main__')\n"
        "finally:\n    sys.stderr.write(str('typer' in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, check=False)
    assert result.returncode == 0 and result.stderr.endswith(b"False")
