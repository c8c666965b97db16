"""Every command in the registry: listed in --help, documented, in the JSON contract, and runs;
and the conveniences of the command line (default command, global options anywhere)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from awsmap.cli.argv import command_index, hoist_global_options, optional_value
from awsmap.cli.options import Command
from awsmap.cli.table import BY_NAME, COMMANDS, GLOBAL_OPTIONS, TOP_LEVEL
from tests.conftest import FLUME, Cli, write

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def _example(command: Command, tmp_path: Path) -> list[str]:
    if command.name == "validate":
        return [str(write(tmp_path / "tributary.yaml", FLUME))]
    return list(command.example)


def test_help_lists_every_command_in_registry_order(cli: Cli) -> None:
    text = cli("--help", env={"COLUMNS": "120"}).stdout
    panel = text.split("Commands", 1)[1]
    listed = [m.group(1) for m in re.finditer(r"^│ (\S+) ", panel, flags=re.M)]
    assert listed == [c.name for c in TOP_LEVEL]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_command_has_a_readme_section_and_a_contract_row(command: Command) -> None:
    headings = re.findall(r"^### (.+)$", README, flags=re.M)
    assert any(re.search(rf"`awsmap {command.name}\b", h) for h in headings), command.name
    if command.json:
        contract = README.split("## JSON contract", 1)[1].split("## Exit codes", 1)[0]
        assert re.search(rf"^\|[^|]*`{command.name}`", contract, flags=re.M), command.name


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_command_runs_in_both_output_modes(
    cli: Cli, command: Command, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # export writes into the current directory
    monkeypatch.setenv("AWSMAP_STATE_DIR", str(tmp_path / "state"))
    args = _example(command, tmp_path)
    if command.name == "export":
        args = [*args, "--force"]
    table = cli(*command.name.split(), *args)
    assert table.exit_code == 0, table.stderr
    assert table.stdout.strip()
    if command.json:
        result = cli(*command.name.split(), *args, "--json")
        assert result.exit_code == 0, result.stderr
        if command.json_lines:
            documents = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
        else:
            documents = [json.loads(result.stdout)]
        assert all(isinstance(d, dict) for d in documents)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_command_help_has_examples(cli: Cli, command: Command) -> None:
    result = cli(*command.name.split(), "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    if command.json:
        assert "--json" in result.stdout


def test_a_first_word_that_is_not_a_command_is_looked_up(cli: Cli) -> None:
    assert cli.json("kafka")["id"] == "kafka"
    assert cli("apache", "kafka", "--full").exit_code == 0
    data = json.loads(cli("k8s", "--json", "--color", "never").stdout)
    assert data["id"] == "kubernetes"


def test_commands_win_over_technology_names(cli: Cli) -> None:
    assert "Quick reference" in cli("list").stdout


def test_a_near_miss_of_a_command_is_a_usage_error(cli: Cli) -> None:
    result = cli("lokup", "kafka")
    assert result.exit_code == 2
    assert "did you mean 'awsmap lookup'" in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("words", "entry"), [(["postgress"], "postgresql"), (["kafkas"], "kafka"), (["serch"], None)]
)
def test_command_names_never_steal_a_lookup(cli: Cli, words: list[str], entry: str | None) -> None:
    """The data is tried first: 'postgress' is PostgreSQL, not a mistyped 'progress'; a word
    that matches nothing but resembles a command ('serch') is then the usage error."""
    result = cli(*words, "--json")
    if entry is None:
        assert result.exit_code == 2 and "did you mean 'awsmap search'" in result.stderr
    else:
        assert result.exit_code == 0 and json.loads(result.stdout)["id"] == entry


def test_help_is_the_help(cli: Cli) -> None:
    assert cli("help").stdout == cli("--help").stdout
    assert cli("help", "stack").stdout == cli("stack", "--help").stdout


def test_no_arguments_prints_help(cli: Cli) -> None:
    result = cli()
    assert result.exit_code == 0
    assert "Usage" in result.stdout and "lookup" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["lookup", "redis", "--color", "never"],
        ["lookup", "redis", "--color=never"],
        ["--color", "never", "lookup", "redis"],
        ["redis", "--color", "never"],
    ],
)
def test_global_options_work_after_the_command(cli: Cli, args: list[str]) -> None:
    result = cli(*args)
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout


def test_data_option_after_the_command(cli: Cli, tmp_path: Path) -> None:
    tributary = write(tmp_path / "tributary.yaml", FLUME)
    assert cli.json("lookup", "tributary", "--data", str(tributary))["id"] == "tributary"
    assert cli.json("tributary", f"--data={tributary}")["id"] == "tributary"


def test_hoisting_moves_only_global_options_after_the_command() -> None:
    hoist = hoist_global_options
    assert hoist(["lookup", "x", "--color", "never"], GLOBAL_OPTIONS) == [
        "--color",
        "never",
        "lookup",
        "x",
    ]
    assert hoist(["--data", "lookup", "lookup", "x"], GLOBAL_OPTIONS) == [
        "--data",
        "lookup",
        "lookup",
        "x",
    ]
    assert hoist(["search", "--", "--color"], GLOBAL_OPTIONS) == ["search", "--", "--color"]
    assert hoist(["search", "-n", "3", "x"], GLOBAL_OPTIONS) == ["search", "-n", "3", "x"]
    assert command_index(["--color", "never", "kafka"], GLOBAL_OPTIONS) == 2
    assert optional_value(["--install-completion"], ["--install-completion"]) == [
        "--install-completion",
        "",
    ]


@pytest.mark.parametrize(
    ("shell", "where", "marker"),
    [
        ("zsh", ".zfunc/_awsmap", "#compdef awsmap"),
        ("fish", ".config/fish/completions/awsmap.fish", "complete --command awsmap"),
        ("bash", ".bash_completions/awsmap.sh", "complete -o default -F _awsmap_completion awsmap"),
    ],
)
def test_install_completion_for_a_named_shell(
    cli: Cli, tmp_path: Path, shell: str, where: str, marker: str
) -> None:
    result = cli("--install-completion", shell, env={"HOME": str(tmp_path)})
    assert result.exit_code == 0, result.stderr
    assert f"{shell} completion installed" in result.stdout
    assert marker in (tmp_path / where).read_text(encoding="utf-8")


def test_show_completion_for_a_named_shell(cli: Cli) -> None:
    assert "#compdef awsmap" in cli("--show-completion", "zsh").stdout


def test_an_unknown_shell_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    result = cli("--install-completion", "tcsh", env={"HOME": str(tmp_path)})
    assert result.exit_code == 2
    assert not list(tmp_path.iterdir())


def test_only_interactive_commands_keep_the_garbage_collector() -> None:
    from awsmap.entry import _interactive

    assert not _interactive(["lookup", "kafka"])
    assert not _interactive(["--color", "never", "kafka"])
    interactive = [c.name for c in COMMANDS if c.interactive]
    for name in interactive:
        assert _interactive([name])
    assert set(BY_NAME) >= set(interactive)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_each_row_names_a_function_that_takes_its_arguments(command: Command) -> None:
    """The table is the only declaration: the function takes the context and exactly the
    row's words and options, in order, with no defaults of its own."""
    import inspect
    from importlib import import_module

    function = getattr(import_module(f"awsmap.commands.{command.family}"), command.function)
    params = list(inspect.signature(function).parameters.values())
    assert params[0].name == "ctx"
    assert tuple(p.name for p in params[1:]) == command.params
    assert all(p.default is inspect.Parameter.empty for p in params)
