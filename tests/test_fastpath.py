"""The fast path answers exactly as Typer does (issue 13).

Every command line here runs twice, on the fast path and with ``AWSMAP_NO_FAST_PATH=1`` (Typer),
and must give the same bytes on stdout and stderr and the same exit code. The corpus holds every
technology and AWS service name, typos, abbreviations, multi-word names, nonsense, empty and
hostile input, every option combination the fast path accepts, NO_COLOR and COLUMNS; hypothesis
generates more; and a subprocess matrix covers piped, closed and narrow output. Each line also
says whether the fast path must take it, so a recogniser that declined everything would fail.
"""

from __future__ import annotations

import inspect
import itertools
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awsmap import actions, fastpath
from awsmap.base.paths import NO_FAST_PATH_ENV
from awsmap.catalog.kinds import AWS_SERVICE, CATEGORY, TECHNOLOGY
from awsmap.catalog.reader import Catalog
from awsmap.commands import COMMANDS, GLOBAL_OPTIONS, Command, near_miss
from awsmap.commands.options import Flag, NumberOption
from tests.conftest import FLUME, write
from tests.harness import invoke

FAST: dict[str, str | None] = {NO_FAST_PATH_ENV: None}
TYPER: dict[str, str | None] = {NO_FAST_PATH_ENV: "1"}
Case = tuple[list[str], dict[str, str]]
Outcome = tuple[bytes, bytes, int]


@pytest.fixture(autouse=True)
def _fast_path_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the outer run sets: here each call chooses its path."""
    monkeypatch.delenv(NO_FAST_PATH_ENV, raising=False)


def outcome(args: list[str], env: dict[str, str | None], stdin: str | None = None) -> Outcome:
    result = invoke(args, env=env, stdin=stdin)  # type: ignore[arg-type]
    return result.stdout_bytes, result.stderr_bytes, result.exit_code


def in_fresh_state(args: list[str], env: dict[str, str | None], stdin: str | None) -> Outcome:
    """For the study commands: each run in a new directory with its own progress database,
    named alike (``state`` relative to it) so that the paths printed are the same."""
    import tempfile

    old = Path.cwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        try:
            return outcome(args, {**env, "AWSMAP_STATE_DIR": "state"}, stdin)
        finally:
            os.chdir(old)


def differences(
    cases: list[tuple[list[str], dict[str, str]]],
    taken: bool,
    stdin: str | None = None,
    state: bool = False,
) -> list[str]:
    """Each case run on both paths; what differs, and any case the fast path did (not) take."""
    run = in_fresh_state if state else outcome
    found = []
    for args, env in cases:
        with mock.patch.dict(os.environ, env):  # what the recogniser would see
            recognised = fastpath.recognise(args) is not None
        if recognised != taken:
            found.append(f"{args} {env}: fast path {'took' if recognised else 'declined'} it")
        fast = run(args, {**env, **FAST}, stdin)
        typer = run(args, {**env, **TYPER}, stdin)
        if fast != typer:
            found.append(f"{args} {env}:\n  fast  {fast!r:.300}\n  typer {typer!r:.300}")
    return found


def _names(kind_key: str) -> dict[str, str]:
    kind = {k.key: k for k in (TECHNOLOGY, AWS_SERVICE, CATEGORY)}[kind_key]
    return Catalog.open([]).names(kind)


# -- the registry and the Typer commands agree --------------------------------------------------


@pytest.mark.parametrize("spec", [c for c in COMMANDS if c.shape], ids=lambda c: c.name)
def test_each_shape_is_its_typer_command(spec: Command) -> None:
    """Names, kinds, ranges and defaults of the options, and the words, as Typer declares them;
    and the action the fast path calls takes the Typer command's parameters, in order."""
    from awsmap.cli import LazyGroup

    assert spec.shape is not None
    command = LazyGroup(name="awsmap").get_command(None, spec.name)
    params = [p for p in command.params if p.name != "help"]
    arguments = [p for p in params if p.param_type_name == "argument"]
    if spec.shape.words is None:
        assert arguments == []
    else:
        (argument,) = arguments
        assert argument.name == spec.shape.words.param
        assert argument.nargs == -1 and argument.required == spec.shape.words.required
    options = {p.name: p for p in params if p.param_type_name == "option"}
    assert set(options) == {o.param for o in spec.shape.options}
    for declared in spec.shape.options:
        option = options[declared.param]
        assert tuple(option.opts + option.secondary_opts) == declared.names
        assert option.is_flag == isinstance(declared, Flag)
        if isinstance(declared, Flag):
            assert option.default is False
            continue
        assert option.default == declared.default
        if isinstance(declared, NumberOption):
            assert (option.type.min, option.type.max) == (declared.low, declared.high)
            assert option.type.name == ("int range" if declared.whole else "float range")
        else:
            assert option.type.name in ("str", "text")  # not a number, not a choice
    action = inspect.signature(getattr(actions, spec.module))
    assert list(action.parameters) == [p.name for p in params]


def test_the_global_options_are_the_root_options() -> None:
    from typer.main import get_command

    from awsmap.cli import app

    root = get_command(app)
    valued = {o: not getattr(p, "is_flag", False) for p in root.params for o in p.opts}
    assert {o: valued[o] for o in GLOBAL_OPTIONS} == GLOBAL_OPTIONS


# -- the corpus ---------------------------------------------------------------------------------


def test_every_technology_name_and_id() -> None:
    cases: list[tuple[list[str], dict[str, str]]] = []
    for entry_id, name in _names("technology").items():
        cases.append((["lookup", entry_id, "--json"], {}))
        cases.append((["lookup", *name.split(), "--json"], {}))
        cases.append((["lookup", entry_id], {"COLUMNS": "100"}))
    assert differences(cases, taken=True) == []


def test_every_aws_service_name_and_id() -> None:
    cases: list[tuple[list[str], dict[str, str]]] = []
    for entry_id, name in _names("aws_service").items():
        cases.append((["aws", entry_id, "--json"], {}))
        cases.append((["aws", name, "--json"], {}))
        cases.append((["lookup", *name.split(), "--json"], {}))
        cases.append((["aws", entry_id], {"COLUMNS": "100"}))
    assert differences(cases, taken=True) == []


def test_every_category() -> None:
    cases: list[Case] = [
        (["category", c, *j], {}) for c in _names("category") for j in ([], ["--json"])
    ]
    assert differences(cases, taken=True) == []


TYPOS = ["kafak", "postgress", "elasticserch", "redsi", "dynamo db", "kubernets", "rabitmq"]
ABBREVIATIONS = ["k8s", "ddb", "es", "pg", "mq", "sqs", "msk", "kds", "mongo", "dyna"]
MULTI_WORD = [["apache", "kafka"], ["apache kafka"], ["kinesis", "data", "analytics"], ["app mesh"]]
NONSENSE = ["xyzzy", "asdf qwer", "zzzzqq", "a", "42", "the", "!!!", "ab"]
HOSTILE = [
    "",
    " ",
    "\x1b[31mred\x1b[0m",
    "\x1b[2J",
    "a" * 5000,
    "'; DROP TABLE entries; --",
    "\u202ekafka",
    "ñandú",
    "💥",
    "kaf\x00ka",
    "%s%n{name}",
    "../../etc/passwd",
    "-",
]


def _queries() -> Iterator[list[str]]:
    for text in [*TYPOS, *ABBREVIATIONS, *NONSENSE]:
        yield [text]
    yield from MULTI_WORD


def test_typos_abbreviations_multi_word_and_nonsense() -> None:
    cases: list[tuple[list[str], dict[str, str]]] = []
    mistyped_commands: list[tuple[list[str], dict[str, str]]] = []
    for words in _queries():
        for command in ("lookup", "aws", "category", "search"):
            cases.append(([command, *words], {}))
            cases.append(([command, *words, "--json"], {}))
        # the default command, unless the word is close to a command ('postgress': 'progress')
        (mistyped_commands if near_miss(words[0]) else cases).append((words, {}))
    assert differences(cases, taken=True) == []
    assert differences(mistyped_commands, taken=False) == []


def test_hostile_input() -> None:
    taken: list[tuple[list[str], dict[str, str]]] = []
    declined: list[tuple[list[str], dict[str, str]]] = []
    for text in HOSTILE:
        for command in ("lookup", "aws", "category", "compare", "search"):
            for extra in ([], ["--json"]):
                args = [command, text, *extra]
                (declined if text.startswith("-") else taken).append((args, {}))
    assert differences(taken, taken=True) == []
    assert differences(declined, taken=False) == []


def test_compare_shapes() -> None:
    shapes = [
        ["redis", "memcached"],
        ["sqs", "sns", "eventbridge"],
        ["postgresql", "mysql", "mongodb"],
        ["apache kafka", "kinesis"],
        ["kafka", "kafka"],
        ["redis"],
        ["redis", "nosuchthingzz"],
        ["dynamodb", "cassandra"],
    ]
    cases: list[Case] = [(["compare", *s, *j], {}) for s in shapes for j in ([], ["--json"])]
    assert differences(cases, taken=True) == []


def test_every_accepted_option_combination() -> None:
    commands = {
        "lookup": [["--full"], ["--json"], ["--full", "--json"], ["--json", "--full", "--json"]],
        "aws": [["--json"], ["--json", "--json"]],
        "category": [["--json"]],
        "compare": [["--json"]],
        "search": [
            ["-n", "1"],
            ["-n", "5", "--json"],
            ["--limit", "500"],
            ["--limit=3", "--json"],
            ["-n", "2", "-n", "7"],
            ["--json", "--limit", "10"],
        ],
    }
    words = {
        "lookup": ["kafka"],
        "aws": ["ddb"],
        "category": ["databases"],
        "compare": ["redis", "memcached"],
        "search": ["stream", "processing"],
    }
    cases: list[tuple[list[str], dict[str, str]]] = []
    for command, option_sets in commands.items():
        for options in [[], *option_sets]:
            # options before, between and after the words; global options before and after
            for where in (0, 1, len(words[command])):
                w = words[command]
                args = [command, *w[:where], *options, *w[where:]]
                cases.append((args, {}))
            cases.append((["--color", "never", command, *words[command], *options], {}))
            cases.append(([command, *words[command], *options, "--color=always"], {}))
    cases.append((["kafka", "--full", "--json"], {}))
    cases.append((["--color", "auto", "kafka"], {}))
    assert differences(cases, taken=True) == []


def test_environments() -> None:
    envs: list[dict[str, str]] = [
        {"NO_COLOR": "1"},
        {"COLUMNS": "40"},
        {"COLUMNS": "59"},
        {"COLUMNS": "200"},
        {"NO_COLOR": "1", "COLUMNS": "80"},
        {"TERM": "dumb"},
        {"FORCE_COLOR": "1"},
    ]
    lines = [["lookup", "kafka"], ["compare", "redis", "memcached"], ["search", "cdc"]]
    lines += [["lookup", "zzzzqq"], ["category", "cache"], ["aws", "app", "mesh"]]
    cases = [(args, env) for env in envs for args in lines]
    cases += [(["--color", "always", *args], env) for env in envs[:2] for args in lines]
    assert differences(cases, taken=True) == []


def test_user_data_files(tmp_path: Path) -> None:
    flume = write(tmp_path / "flume.yaml", FLUME)
    broken = write(tmp_path / "broken.yaml", "technologies: [\n")
    missing = str(tmp_path / "missing.yaml")
    cases: list[tuple[list[str], dict[str, str]]] = [
        (["--data", str(flume), "lookup", "flume"], {}),
        (["--data", str(flume), "lookup", "flume", "--json"], {}),
        ([f"--data={flume}", "aws", "firehose"], {}),
        (["lookup", "flume", "--data", str(flume)], {}),
        (["--data", str(broken), "lookup", "kafka"], {}),
        (["--data", missing, "lookup", "kafka", "--json"], {}),
        (["--data", str(flume), "--data", str(flume), "lookup", "flume"], {}),
        (["lookup", "flume"], {"AWSMAP_DATA": str(flume)}),
        (["search", "log", "data"], {"AWSMAP_DATA": str(flume)}),
        (["--data=", "lookup", "kafka"], {}),
    ]
    assert differences(cases, taken=True) == []


def test_what_the_fast_path_leaves_to_typer() -> None:
    declined = [
        [],
        ["--help"],
        ["-h"],
        ["lookup", "--help"],
        ["lookup", "kafka", "-h"],
        ["--version"],
        ["lookup"],
        ["lookup", "--json"],
        ["lookup", "--", "kafka"],
        ["lookup", "kafka", "--nope"],
        ["lookup", "kafka", "--json=1"],
        ["lookup", "kafka", "--jso"],
        ["search", "x", "-n", "0"],
        ["search", "x", "-n", "501"],
        ["search", "x", "-n", "05"],
        ["search", "x", "-n", "-3"],
        ["search", "x", "-n", "five"],
        ["search", "x", "-n5"],
        ["search", "x", "-n"],
        ["search", "x", "--limit="],
        ["--color", "purple", "lookup", "kafka"],
        ["--color", "lookup", "kafka"],
        ["--color=", "lookup", "kafka"],
        ["--data"],
        ["lookup", "kafka", "--data"],
        ["--json", "lookup", "kafka"],
        ["lookpu", "kafka"],
        ["serch", "cdc"],
        ["stack", "postgres", "--format", "nope"],
        ["stack", "postgres", "--format"],
        ["architecture", "chat", "--format", "html"],
        ["categories", "databases"],
        ["list", "kafka"],
        ["stats", "--json", "extra"],
        ["compare", "redis", "memcached", "--full"],
        ["category", "databases", "-n", "3"],
        ["quiz", "--count", "0"],
        ["quiz", "--retention", "0.5"],
        ["quiz", "--retention", "1e-1"],
        ["quiz", "--new", "-1"],
        ["stack", "--file"],
        ["stack", "--file", "-x"],
        ["validate", "data.yaml"],
        ["export", "tsv", "-o", "cards.tsv"],
        ["progress"],
        ["cache"],
    ]
    assert differences([(args, {}) for args in declined], taken=False) == []


def test_every_other_command_with_a_shape(tmp_path: Path) -> None:
    compose_file = write(
        tmp_path / "compose.yaml",
        "services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n",
    )
    names_file = write(tmp_path / "names.txt", "kafka\n# comment\nflink\n")
    lines = [
        ["categories"],
        ["categories", "--json"],
        ["list"],
        ["list", "--json"],
        ["stack", "postgres", "redis", "kafka", "elasticsearch", "k8s"],
        ["stack", "postgres,", "redis", "--json"],
        ["stack", "apache kafka", "flink", "--format", "markdown"],
        *(
            ["stack", "postgres", "redis", "--format", f]
            for f in ("table", "json", "mermaid", "dot")
        ),
        ["stack", "--file", str(compose_file)],
        ["stack", "-f", str(names_file), "--format", "mermaid"],
        ["stack", f"--file={tmp_path / 'missing.yaml'}"],
        ["stack", "nosuchthingzz"],
        ["stack"],
        ["stack", "postgres", "--json", "--format", "markdown"],
        ["patterns"],
        ["patterns", "--tag", "messaging"],
        ["patterns", "--tag", "nosuchtag", "--json"],
        ["patterns", "--tag="],
        ["pattern", "leader", "election"],
        ["pattern", "cdc", "--json"],
        ["pattern", "nosuchthingzz"],
        ["architectures"],
        ["architectures", "--json"],
        ["architecture", "url-shortener"],
        *(["architecture", "chat", "--format", f] for f in ("json", "markdown", "mermaid", "dot")),
        ["questions", "--tag", "messaging"],
        ["question", "kafka-vs-kinesis", "--answer"],
        ["question", "kafka-vs-kinesis", "--json"],
        ["tips"],
        ["tips", "--group", "cap"],
        ["tips", "--group", "nope"],
        ["services"],
        ["services", "--retired", "--json"],
        ["services", "--status", "end-of-support"],
        ["services", "--status", "end-of-support", "--retired"],
        ["services", "--status", "nope"],
        ["numbers"],
        ["numbers", "dynamodb"],
        ["numbers", "sqs", "--json"],
        ["numbers", "nosuchthingzz"],
    ]
    assert differences([(args, {}) for args in lines], taken=True) == []
    piped: list[Case] = [
        (["stack", "--file", "-"], {}),
        (["stack", "-f", "-", "--format", "dot"], {}),
    ]
    assert differences(piped, taken=True, stdin="postgres\nredis\n") == []


def test_the_study_commands_in_a_fresh_state() -> None:
    now = {"AWSMAP_NOW": "2026-12-01T09:00:00Z"}
    lines = [
        ["stats"],
        ["stats", "--json"],
        ["quiz", "--count", "2"],
        ["quiz", "-n", "2", "--json"],
        ["quiz", "--count", "3", "--mode", "choice", "--category", "databases"],
        ["quiz", "--count", "2", "--mode", "flip"],
        ["quiz", "--count", "2", "--mode", "nope"],
        ["quiz", "--count", "2", "--cram", "--new", "0"],
        ["quiz", "--count", "2", "--new", "0"],
        ["quiz", "--count", "2", "--retention", "0.85", "--until", "2026-12-15"],
        ["quiz", "--count", "2", "--until", "someday"],
        ["quiz", "--count", "2", "--category", "nosuchcategory"],
    ]
    cases = [(args, now) for args in lines]
    assert differences(cases, taken=True, stdin="msk\n\n2\ng\n", state=True) == []


def test_what_is_not_run_here_is_recognised_as_it_should_be() -> None:
    """Lines whose output cannot be compared (a random tip) or that change shared state."""
    assert fastpath.recognise(["tips", "--random"]) is not None
    assert fastpath.recognise(["tips", "--random", "--group", "cap"]) is not None
    assert fastpath.recognise(["progress", "reset", "--yes"]) is None
    assert fastpath.recognise(["cache", "clear"]) is None


def test_completion_requests_go_to_typer() -> None:
    env = {"_AWSMAP_COMPLETE": "zsh_complete", "_TYPER_COMPLETE_ARGS": "awsmap lookup kaf"}
    assert differences([(["lookup", "kaf"], env)], taken=False) == []


# -- generated command lines --------------------------------------------------------------------

_TOKENS = st.sampled_from(
    [
        *itertools.chain.from_iterable(_queries()),
        *(o for c in COMMANDS if c.shape for spec in c.shape.options for o in spec.names),
        *GLOBAL_OPTIONS,
        "never",
        "always",
        "auto",
        "1",
        "3",
        "500",
        "0",
        "--",
        "-",
        "--help",
        "--limit=2",
        "--color=never",
        "redis",
        "memcached",
        "databases",
        "lookup",
        "aws",
        "compare",
        "search",
        "category",
    ]
)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.sampled_from(["lookup", "aws", "category", "compare", "search", "kafka", ""]),
    st.lists(st.one_of(_TOKENS, st.text(max_size=12)), max_size=6),
)
def test_any_command_line(command: str, rest: list[str]) -> None:
    args = [command, *rest] if command else rest
    fast = outcome(args, FAST)
    typer = outcome(args, TYPER)
    assert fast == typer, args


# -- real processes: pipes, closed and narrow output --------------------------------------------

PIPED = [
    ["lookup", "kafka", "--json"],
    ["lookup", "kafka"],
    ["category", "databases"],
    ["search", "stream", "processing", "--json"],
    ["compare", "redis", "memcached"],
]


def _process(shell_line: str, path: dict[str, str | None]) -> tuple[int, bytes, bytes]:
    env = {k: v for k, v in os.environ.items() if k != NO_FAST_PATH_ENV}
    env.update({k: v for k, v in path.items() if v is not None})
    result = subprocess.run(
        shell_line, shell=True, capture_output=True, timeout=120, check=False, env=env
    )
    return result.returncode, result.stdout, result.stderr


def _line(args: list[str]) -> str:
    return " ".join(shlex.quote(a) for a in [sys.executable, "-m", "awsmap", *args])


@pytest.mark.parametrize("args", PIPED, ids=" ".join)
def test_pipes_and_closed_output_on_both_paths(args: list[str]) -> None:
    """A reader that is gone before anything is written (141, silent), one that takes a little
    and leaves (the shell sees head's status), and a closed stdout (74)."""
    for shape in (
        "{} | (exec 0<&-; sleep 0); echo ${{PIPESTATUS[0]}}",
        "{} | head -c 10",
        "{} >&-",
    ):
        line = "bash -c " + shlex.quote(shape.format(_line(args)))
        assert _process(line, FAST) == _process(line, TYPER), (shape, args)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_narrow_encodings_on_both_paths(encoding: str) -> None:
    for args in (["lookup", "istio", "--full"], ["aws", "app mesh"], ["lookup", "ñandú"]):
        line = f"PYTHONIOENCODING={encoding} {_line(args)}"
        assert _process(line, FAST) == _process(line, TYPER), args


def test_the_script_takes_the_fast_path() -> None:
    """The installed entry point, not only entry.run: Typer is never imported for a lookup."""
    probe = (
        "import sys, runpy; sys.argv = ['awsmap', 'lookup', 'kafka', '--json']\n"
        "try:\n    runpy.run_module('awsmap', run_name='__main__')\n"
        "finally:\n    sys.stderr.write(str('typer' in sys.modules))"
    )
    env = {k: v for k, v in os.environ.items() if k != NO_FAST_PATH_ENV}
    fast = subprocess.run([sys.executable, "-c", probe], capture_output=True, env=env, check=False)
    assert fast.returncode == 0 and fast.stderr.endswith(b"False")
    env[NO_FAST_PATH_ENV] = "1"
    slow = subprocess.run([sys.executable, "-c", probe], capture_output=True, env=env, check=False)
    assert slow.returncode == 0 and slow.stderr.endswith(b"True")
    assert fast.stdout == slow.stdout
