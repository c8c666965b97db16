"""Bad input never crashes awsmap or corrupts its state: the matrix of issue #5.

Every case checks the exit code, that stderr holds one clean line (no traceback, no escape
sequence, no Rich markup obeyed) and that stdout holds nothing or only the answer.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import Result

from awsmap.base.errors import AwsmapError
from awsmap.catalog.kinds import AWS_SERVICE, TECHNOLOGY
from awsmap.catalog.reader import Catalog
from awsmap.commands import lookup as queries
from awsmap.find.resolve import resolve
from tests.conftest import FLUME, Cli, write

ESC = "\x1b"


def one_clean_line(result: Result) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("awsmap: error: ")
    assert "Traceback" not in result.stderr
    assert ESC not in result.stderr
    return lines[0]


# -- queries and arguments ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["lookup", ""], 2),
        (["lookup", "   "], 2),
        (["lookup", "\t\n"], 2),
        (["aws", ""], 2),
        (["category", " "], 2),
        (["search", ""], 2),
        (["search", "  "], 2),
        (["compare", "kafka"], 2),
        (["compare", "kafka", "kafka"], 2),
        (["compare", "kafka", "Apache Kafka"], 2),
        (["compare", "kafka", "no-such-thing-at-all"], 1),
        (["category", "spaceships"], 1),
        (["aws", "no such service anywhere"], 1),
        (["lookup", "x" * 100_000], 1),
        (["lookup", "kaf\x00ka\x07"], 0),
        (["lookup", "\x1b[31mzzzz\x1b[0m"], 1),
        (["lookup", "[bold red]x[/]"], 1),
        (["lookup", "[link=https://example.invalid]click[/link]"], 1),
        (["lookup", "🚀🔥"], 1),
        (["lookup", "كافكا"], 1),
        (["lookup", "\u202ekafka"], 0),
        (["lookup", "\udcff\udcfe"], 1),
        (["search", "[bold]stream[/bold]"], 0),
        (["search", "\x00"], 1),
    ],
)
def test_queries(cli: Cli, args: list[str], code: int) -> None:
    started = time.monotonic()
    result = cli(*args, "--json")
    assert time.monotonic() - started < 10
    assert result.exit_code == code, result.stderr
    if code:
        assert result.stdout == ""
        line = one_clean_line(result)
        assert len(line) < 400  # a 100 KB query is echoed truncated
    else:
        json.loads(result.stdout)


def test_markup_and_escapes_in_a_query_are_echoed_literally(cli: Cli) -> None:
    line = one_clean_line(cli("lookup", "[bold red]x[/]"))
    assert "'[bold red]x[/]'" in line
    line = one_clean_line(cli("lookup", "\x1b[31mzzzz"))
    assert "\\x1b[31mzzzz" in line


def test_rich_output_of_a_query_with_escapes_is_inert(cli: Cli) -> None:
    result = cli("--color", "always", "lookup", "rabitmq\x1b")
    assert result.exit_code == 0
    assert "\\x1b" in result.stdout  # the query is shown, escaped, in the match line
    missing = cli("--color", "always", "lookup", "rabitmq\x1b[2J")
    assert missing.exit_code == 1
    assert "\x1b[2J" not in missing.stderr and "\\x1b[2J" in missing.stderr


# -- output -------------------------------------------------------------------------------------


def awsmap(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    full = {**os.environ, **(env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "awsmap", *args],
        env=full,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.mark.parametrize("args", [["list"], ["lookup", "kafka", "--json"], ["lookup", "kafka"]])
def test_a_reader_that_goes_away_ends_quietly(args: list[str]) -> None:
    proc = awsmap(*args)
    assert proc.stdout is not None
    proc.stdout.close()  # like `| head -c 0`: the reader is gone before anything is written
    _out, err = proc.communicate(timeout=120)
    assert err == b""
    assert proc.returncode == 141


def test_head_takes_what_it_wants() -> None:
    pipeline = subprocess.run(
        f"{sys.executable} -m awsmap list | head -1; "
        f"{sys.executable} -m awsmap lookup kafka --json | head -c 10",
        shell=True,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert pipeline.stderr == b""
    assert pipeline.stdout.startswith(b"Quick reference")
    assert pipeline.stdout.endswith(b'{\n  "kind"')


@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "ascii"}, {"LANG": "C", "LC_ALL": "C"}, {"PYTHONIOENCODING": "latin-1"}],
)
@pytest.mark.parametrize(
    "args",
    [
        ["lookup", "istio", "--full"],
        ["lookup", "kafka", "--json"],
        ["aws", "app mesh"],
        ["lookup", "nosuchthingzz"],
    ],
)
def test_narrow_encodings(env: dict[str, str], args: list[str]) -> None:
    proc = awsmap(*args, env=env)
    out, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err
    assert b"UnicodeEncodeError" not in err
    assert proc.returncode in (0, 1)
    if "--json" in args:
        assert json.loads(out)["id"] == "kafka"


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}])
def test_no_color_and_dumb_terminals_get_no_escapes(cli: Cli, env: dict[str, str]) -> None:
    for args in (["lookup", "kafka"], ["compare", "redis", "memcached"], ["lookup", "zzzzqq"]):
        result = cli(*args, env=env)
        assert ESC not in result.stdout
        assert ESC not in result.stderr


def test_forty_columns_stay_readable(cli: Cli) -> None:
    result = cli("lookup", "kafka", env={"COLUMNS": "40"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 40
    assert "Amazon MSK" in result.stdout
    assert "managed" in result.stdout


def test_closed_stdout() -> None:
    result = subprocess.run(
        f"{sys.executable} -m awsmap lookup kafka >&-",
        shell=True,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 74
    assert result.stderr.decode().strip() == "awsmap: error: standard output is closed"


def test_invalid_utf8_in_argv() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "awsmap", "lookup", b"kaf\xff\xfeka"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode in (0, 1)
    assert b"Traceback" not in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "awsmap", "lookup", b"\xff\xfe", "--json"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stdout == b""
    assert proc.stderr.count(b"\n") == 1


# -- user data ----------------------------------------------------------------------------------


def data_error(cli: Cli, path: Path) -> str:
    result = cli("--data", str(path), "lookup", "kafka", "--json")
    assert result.exit_code == 3, result.stderr
    assert result.stdout == ""
    return one_clean_line(result)


def test_missing_file(cli: Cli, tmp_path: Path) -> None:
    assert "no such file" in data_error(cli, tmp_path / "nope.yaml")


def test_directory(cli: Cli, tmp_path: Path) -> None:
    assert "is a directory" in data_error(cli, tmp_path)


def test_empty_file(cli: Cli, tmp_path: Path) -> None:
    assert "is empty" in data_error(cli, write(tmp_path / "empty.yaml", ""))
    assert "is empty" in data_error(cli, write(tmp_path / "comment.yaml", "# nothing\n"))


def test_binary_file(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "bin.yaml"
    path.write_bytes(os.urandom(256) + b"\x00")
    assert "binary" in data_error(cli, path)


def test_not_utf8(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("technologies: [caf\xe9]\n".encode("latin-1"))
    assert "not UTF-8" in data_error(cli, path)


def test_yaml_syntax_error_names_file_line_and_column(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path / "broken.yaml", "technologies:\n  - id: x\n    name: [unclosed\n")
    line = data_error(cli, path)
    assert f"{path}:4:1: YAML error" in line


def test_top_level_not_a_mapping(cli: Cli, tmp_path: Path) -> None:
    assert "top level must be a mapping" in data_error(cli, write(tmp_path / "l.yaml", "- a\n"))


def test_schema_violation_names_file_entry_field_and_expectation(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path / "s.yaml", FLUME.replace("relation: analogous", "relation: same"))
    line = data_error(cli, path)
    assert f"{path}:10:19: technology 'tributary' field 'aws_equivalents[0].relation'" in line
    assert "expected one of managed, compatible, analogous" in line


def test_several_violations_are_all_listed_by_validate(cli: Cli, tmp_path: Path) -> None:
    text = (
        FLUME.replace("relation: analogous", "relation: same")
        .replace("id: tributary", "id: Tributary!")
        .replace("categories: [data-integration]", "categories: []")
    )
    path = write(tmp_path / "many.yaml", text)
    assert "more problem" in data_error(cli, path)
    result = cli("validate", str(path))
    assert result.exit_code == 3
    assert result.stdout.strip().splitlines()[-1] == "3 problems"


def test_reference_and_collision_rules(cli: Cli, tmp_path: Path) -> None:
    alias = write(tmp_path / "alias.yaml", FLUME.replace("[Tributary]", "[K8s]"))
    assert "also a name of 'kubernetes'" in data_error(cli, alias)
    ref = write(tmp_path / "ref.yaml", FLUME.replace("[data-integration]", "[nope]"))
    assert "unknown category 'nope'" in data_error(cli, ref)
    twice = write(tmp_path / "twice.yaml", FLUME + FLUME.split("technologies:\n", 1)[1])
    assert "used twice" in data_error(cli, twice)


def test_override_by_id_is_announced(cli: Cli, tmp_path: Path) -> None:
    path = write(
        tmp_path / "o.yaml",
        FLUME.replace("id: tributary", "id: kafka").replace("[Tributary]", "[Kafka]"),
    )
    result = cli("--data", str(path), "lookup", "kafka", "--json")
    assert result.exit_code == 0
    assert result.stderr.startswith("awsmap: note: ")


def test_unsafe_tag_is_rejected_and_never_executed(cli: Cli, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = write(
        tmp_path / "evil.yaml",
        f"technologies:\n  - !!python/object/apply:os.system ['touch {marker}']\n",
    )
    line = data_error(cli, path)
    assert "YAML error" in line and "python/object/apply" in line
    assert not marker.exists()


def test_alias_bomb_is_rejected_in_bounded_time(cli: Cli, tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    prev = "a"
    for i in range(12):
        name = f"b{i}"
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 10)}]")
        prev = name
    path = write(tmp_path / "bomb.yaml", "\n".join(lines) + "\n")
    started = time.monotonic()
    assert "alias bomb" in data_error(cli, path)
    assert time.monotonic() - started < 10


@pytest.mark.parametrize(
    "text",
    [
        "technologies: &t [*t]\n",
        "technologies:\n  - &e\n    id: x\n    name: X\n    aliases: [*e]\n",
        "a: &a {b: &b {c: *a}}\n",
    ],
)
def test_an_anchor_used_inside_itself_is_refused_not_looped_on(
    cli: Cli, tmp_path: Path, text: str
) -> None:
    path = write(tmp_path / "cycle.yaml", text)
    assert "a YAML anchor is used inside itself (a cycle)" in data_error(cli, path)


def test_fifty_megabyte_file_is_refused_at_once(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    started = time.monotonic()
    assert "over the 24 MiB limit" in data_error(cli, path)
    assert time.monotonic() - started < 5


def test_markup_and_escapes_in_data_are_displayed_literally(cli: Cli, tmp_path: Path) -> None:
    text = (
        FLUME.replace("name: Apache Tributary", 'name: "[bold red]Tributary[/] \\e[31mred"')
        .replace(
            "what_it_is: Distributed",
            'what_it_is: "[link=https://x.invalid]click[/link] \\e]8;;x\\a',
        )
        .replace(" service for collecting", "")
        .replace(" and moving large amounts of log data.", '"')
    )
    path = write(tmp_path / "m.yaml", text)
    result = cli("--color", "always", "--data", str(path), "lookup", "tributary")
    assert result.exit_code == 0, result.stderr
    assert "[bold red]Tributary[/]" in result.stdout
    assert "[link=https://x.invalid]click[/link]" in result.stdout
    assert "\x1b[31mred" not in result.stdout and "\x1b]8" not in result.stdout
    assert "\\x1b[31mred" in result.stdout
    data = cli.json("--data", str(path), "lookup", "tributary")
    assert data["name"] == "[bold red]Tributary[/] \x1b[31mred"


# -- unexpected errors --------------------------------------------------------------------------


def test_internal_error_is_one_line_with_a_hint(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(queries, "lookup", boom)
    result = cli("lookup", "kafka")
    assert result.exit_code == 70
    line = one_clean_line(result)
    assert "simulated bug" in line and "AWSMAP_DEBUG=1" in line


def test_debug_shows_the_traceback(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(queries, "lookup", boom)
    with pytest.raises(RuntimeError, match="simulated bug"):
        cli("lookup", "kafka", env={"AWSMAP_DEBUG": "1"})


# -- property-based -----------------------------------------------------------------------------

COMMANDS = ["lookup", "aws", "category", "search"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(command=st.sampled_from(COMMANDS), text=st.text(max_size=60))
def test_any_text_exits_cleanly(command: str, text: str) -> None:
    result = Cli()(command, "--json", "--", text)  # "--": a name may start with "-"
    if text.strip() == "":
        assert result.exit_code == 2
    else:
        assert result.exit_code in (0, 1), (result.exit_code, result.stderr)
    if result.exit_code:
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1
        assert ESC not in result.stderr
    else:
        json.loads(result.stdout)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.open()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=30).filter(str.strip))
def test_resolution_is_deterministic(catalog: Catalog, text: str) -> None:
    def attempt() -> object:
        try:
            return resolve(catalog, text, (TECHNOLOGY, AWS_SERVICE))
        except AwsmapError as exc:  # the same failure, with the same message, counts too
            return (type(exc), str(exc))

    assert attempt() == attempt()
