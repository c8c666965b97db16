"""What the terminal shows, from issue #17's "Output" list: completion of the first word, tables
that never cut a word, retired services named and marked in words, the order of the quick
reference, Compose files read as the user wrote them, --brief, the pager, and a pipe closed under
forced colour."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from awsmap.catalog.domain import key_use_case, recommended
from awsmap.catalog.reader import Catalog
from awsmap.commands.lists import ListResult, TechSummary, listing_result
from awsmap.commands.stack import StackResult, Unmapped, stack_result
from awsmap.render.rich import allot, render
from tests.conftest import Cli, write
from tests.harness import invoke

ESC = "\x1b"

# -- completion of the first word ---------------------------------------------------------------


def complete(words: str, cword: int, shell: str = "bash") -> Any:
    env = {"_AWSMAP_COMPLETE": f"complete_{shell}", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    if shell != "bash":
        env |= {"_TYPER_COMPLETE_ARGS": words, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    return invoke([], env=env)


@pytest.mark.parametrize(
    ("words", "cword", "offered", "absent"),
    [
        ("awsmap kaf", 1, {"kafka", "kafka-connect", "kafka-streams"}, set()),
        ("awsmap ", 1, {"lookup", "stack", "numbers", "progress"}, {"kafka"}),
        ("awsmap st", 1, {"stack", "stats", "storm"}, set()),
        ("awsmap lookup kaf", 2, {"kafka"}, set()),
        ("awsmap lokup kaf", 2, {"kafka"}, set()),  # a near-miss command never fails completion
        ("awsmap --color always kaf", 3, {"kafka"}, set()),
    ],
)
def test_first_word_completion_offers_words_never_help(
    words: str, cword: int, offered: set[str], absent: set[str]
) -> None:
    result = complete(words, cword)
    assert result.exit_code == 0
    got = set(result.stdout.split())
    assert offered <= got and not absent & got, result.stdout
    assert "Usage" not in result.stdout and "Traceback" not in result.output
    assert result.stderr == ""


def test_first_word_completion_in_zsh_and_fish() -> None:
    assert '"kafka":"Apache Kafka"' in complete("awsmap kaf", 1, "zsh").stdout
    assert "kafka\tApache Kafka" in complete("awsmap kaf", 1, "fish").stdout


def test_completion_in_a_real_process_prints_no_traceback() -> None:
    env = {
        **os.environ,
        "_AWSMAP_COMPLETE": "complete_bash",
        "COMP_WORDS": "awsmap ",
        "COMP_CWORD": "1",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "awsmap"], env=env, capture_output=True, timeout=60, check=False
    )
    assert proc.returncode == 0 and proc.stderr == b""
    assert b"lookup\n" in proc.stdout and b"Usage" not in proc.stdout


# -- no word cut in half ------------------------------------------------------------------------


def _draw(result: Any, width: int) -> str:
    out = io.StringIO()
    console = Console(
        file=out, width=width, color_system=None, highlight=False, markup=False, emoji=False
    )
    render(result, console)
    return out.getvalue()


@pytest.fixture(scope="module")
def pages() -> list[tuple[Any, set[str]]]:
    """The two pages of the issue, each with its words as printed where nothing wraps (a word
    followed by ':' too: the label of a block). The list keeps the rows that set its columns'
    widths (the longest word and the longest cell of each column) and a few more: drawing all
    518 rows 61 times would take half a minute, and these rows decide every width."""
    catalog = Catalog.open()
    stack = stack_result(catalog, ["postgres", "redis", "kafka", "elasticsearch", "k8s"])
    full = listing_result(catalog)
    keep = _widest_rows(full)
    listing = ListResult(tuple(t for t in full.technologies if t.technology.id in keep), full[1])
    out = []
    for result in (stack, listing):
        words = set(_draw(result, 1000).split())
        out.append((result, words | {w + ":" for w in words}))
    return out


def _widest_rows(result: ListResult) -> set[str]:
    """The first technology of each category (its heading is a row too), and the rows with the
    longest cell and the longest word in each column."""
    keep = {s.technology.id: s for s in reversed(result.technologies)}
    keep = {s.technology.categories[0]: s for s in keep.values()}
    ids = {s.technology.id for s in keep.values()}

    def cells(s: TechSummary) -> tuple[str, ...]:
        tech, main = s.technology, recommended(s.equivalents)
        return (
            f"{tech.name} (also {', '.join(tech.categories[1:])})",
            main.service.name if main else "-",
            key_use_case(tech) or "-",
        )

    def longest_word(text: str) -> int:
        return max(map(len, text.split()), default=0)

    for i in range(3):
        for measure in (len, longest_word):
            ids.add(max(result.technologies, key=lambda s: measure(cells(s)[i])).technology.id)
    return ids


@pytest.mark.parametrize("width", range(40, 101))
def test_no_word_is_cut_at_any_width(pages: list[tuple[Any, set[str]]], width: int) -> None:
    for result, words in pages:
        text = _draw(result, width)
        cut = [w for w in text.split() if w not in words and w.strip("─")]  # rules aside
        assert cut == [], f"{type(result).__name__} at {width} columns: {cut[:5]}"
        assert max(len(line) for line in text.splitlines()) <= width


def test_the_stack_of_the_issue_at_62_columns(cli: Cli) -> None:
    args = ("stack", "postgres", "redis", "kafka", "elasticsearch", "k8s")
    out = cli(*args, env={"COLUMNS": "62"}).stdout
    assert "ElastiCache" in out and "ElastiCach\n" not in out


def test_allot_narrows_the_widest_column_first_never_below_its_longest_word() -> None:
    assert allot([5, 5, 5], [10, 30, 8], 40) == [10, 22, 8]
    assert allot([5, 12, 5], [10, 30, 8], 24) == [6, 12, 6]
    assert allot([5, 12, 5], [10, 30, 8], 21) is None  # the longest words do not fit: blocks
    assert allot([3, 3], [3, 3], 10) == [3, 3]


# -- retired services: named, and marked in words -----------------------------------------------


def test_stack_names_a_retired_service_with_its_status(cli: Cli) -> None:
    out = cli("stack", "app mesh", "qldb", env={"COLUMNS": "120"}).stdout
    table = out.split("2 components")[0]
    rows = [line for line in table.splitlines() if line.startswith(("app mesh", "qldb"))]
    assert "AWS App Mesh" in rows[0] and "Amazon QLDB" in rows[1]
    assert table.count("end of support") >= 2


def test_a_suggestion_the_reason_already_makes_is_said_once() -> None:
    said = "no technology or AWS service matches 'cass'; did you mean 'Amazon OpenSearch Service'?"
    result = StackResult((), (Unmapped("cass", ("Amazon OpenSearch Service",), said),))
    assert _draw(result, 200).count("did you mean") == 1
    other = StackResult((), (Unmapped("x", ("Redis",), "no image or exact name matches"),))
    assert "no image or exact name matches; did you mean Redis?" in _draw(other, 200)


@pytest.mark.parametrize("env", [{}, {"NO_COLOR": "1"}])
def test_category_marks_a_retired_service_in_words(cli: Cli, env: dict[str, str]) -> None:
    out = cli("category", "service mesh", env={"COLUMNS": "200", **env}).stdout
    assert ESC not in out
    assert re.search(r"AWS App Mesh \(analogous; end of support \d{4}-\d\d-\d\d\)", out), out


# -- the order of the quick reference and the cheat sheet ---------------------------------------


def test_list_is_by_category_then_name(cli: Cli) -> None:
    order = [c["id"] for c in cli.json("categories")["categories"]]
    techs = cli.json("list")["technologies"]
    keys = [(order.index(t["categories"][0]), t["name"].casefold()) for t in techs]
    assert keys == sorted(keys)
    first = [t["name"] for t in techs if t["categories"][0] == order[0]]
    assert "PostgreSQL" in first and order[0] == "databases"
    assert "Databases" in cli("list").stdout.splitlines()[3]  # the first group's heading


def test_cheat_sheet_is_by_category_then_name(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "sheet.md"
    assert cli("export", "markdown", "-o", str(path)).exit_code == 0
    sections = path.read_text(encoding="utf-8").split("\n## ")[1:]
    for section in sections:
        if section.startswith(("Retired AWS services", "Numbers for estimates")):
            continue  # by date of retirement; by size, as a ladder
        names = re.findall(r"^- \*\*(.+?)\*\*", section, flags=re.M)
        assert names == sorted(names, key=lambda n: n.replace("\\", "").casefold()), section[:40]


# -- Compose files ------------------------------------------------------------------------------

V1 = """\
db:
  image: postgres:9.6
cache:
  # sessions
  image: redis:3
web:
  build: .
  links: [db, cache]
"""


def test_a_compose_v1_file_is_read_and_said_so(cli: Cli, tmp_path: Path) -> None:
    result = cli("stack", "--file", str(write(tmp_path / "docker-compose.yml", V1)), "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [c["origin"] for c in data["components"]] == ["db", "cache"]
    assert [u["origin"] for u in data["unmapped"]] == ["web"]
    (note,) = result.stderr.splitlines()
    assert note.startswith("awsmap: note: ") and "version 1 Compose file" in note


def test_a_list_of_names_is_not_taken_for_compose_v1(cli: Cli, tmp_path: Path) -> None:
    result = cli("stack", "--file", str(write(tmp_path / "names.txt", "kafka\nredis\n")))
    assert result.exit_code == 0 and result.stderr == ""


def test_a_service_built_from_source_is_your_code_even_with_an_image(
    cli: Cli, tmp_path: Path
) -> None:
    text = (
        "services:\n  celery-beat:\n    build: .\n    image: celery:5\n"
        "  worker:\n    image: celery:5\n"
    )
    data = stack_json_file(cli, write(tmp_path / "compose.yaml", text))
    assert [c["origin"] for c in data["components"]] == ["worker"]
    (built,) = data["unmapped"]
    assert built["origin"] == "celery-beat" and "your own code" in built["reason"]


def stack_json_file(cli: Cli, path: Path) -> Any:
    return cli.json("stack", "--file", str(path))


# -- --brief ------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["aws", "dynamodb"], ["numbers"], ["lookup", "kafka"]])
def test_brief_is_shorter_and_keeps_the_essentials(cli: Cli, args: list[str]) -> None:
    whole = cli(*args).stdout
    brief = cli(*args, "--brief").stdout
    assert len(brief.splitlines()) < len(whole.splitlines()) * 0.6
    assert "Brief:" in brief.splitlines()[-1]
    first = whole.splitlines()[0]
    assert brief.startswith(first)


def test_brief_leaves_json_alone(cli: Cli) -> None:
    assert cli.json("aws", "dynamodb") == cli.json("aws", "dynamodb", "--brief")


def test_brief_aws_page_keeps_names_and_values(cli: Cli) -> None:
    out = cli("aws", "dynamodb", "--brief").stdout
    assert "Technologies that map to it" in out and "ScyllaDB" in out
    assert "Maximum item size" in out and "400 KB" in out
    assert "Building blocks that use it: " in out


# -- the pager ----------------------------------------------------------------------------------


def fake_pager(tmp_path: Path) -> tuple[str, Path]:
    """A pager that keeps what it is given."""
    got = tmp_path / "paged.txt"
    script = write(
        tmp_path / "pager.py",
        f"import sys\nopen({str(got)!r}, 'wb').write(sys.stdin.buffer.read())\n",
    )
    return f"{sys.executable} {script}", got


def on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run awsmap with its stdin and stdout on a pseudo-terminal 20 lines tall; its exit code and
    what reached the terminal."""
    master, slave = pty.openpty()
    full = {**os.environ, "LINES": "20", "COLUMNS": "100", "TERM": "xterm", **env}
    proc = subprocess.Popen(
        [sys.executable, "-m", "awsmap", *args], stdin=slave, stdout=slave, stderr=slave, env=full
    )
    os.close(slave)
    out = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 1)
        if not ready:
            if proc.poll() is not None:
                break
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed: the process is gone
            break
        if not chunk:
            break
        out += chunk
    code = proc.wait(timeout=60)
    os.close(master)
    return code, out.decode("utf-8", "replace")


def test_a_long_page_on_a_terminal_goes_to_the_pager(tmp_path: Path) -> None:
    pager, got = fake_pager(tmp_path)
    code, shown = on_a_terminal(["aws", "dynamodb"], {"PAGER": pager})
    assert code == 0
    paged = got.read_text(encoding="utf-8")
    assert "Amazon DynamoDB" in paged and "Numbers for estimates" in paged
    assert "Numbers for estimates" not in shown  # the page went to the pager, not the terminal


def test_awsmap_pager_comes_before_pager(tmp_path: Path) -> None:
    pager, got = fake_pager(tmp_path)
    code, _shown = on_a_terminal(["aws", "dynamodb"], {"PAGER": "false", "AWSMAP_PAGER": pager})
    assert code == 0 and "Amazon DynamoDB" in got.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--no-pager", "aws", "dynamodb"], {}),
        (["aws", "dynamodb", "--no-pager"], {}),
        (["aws", "dynamodb"], {"AWSMAP_PAGER": "cat"}),
        (["aws", "dynamodb"], {"AWSMAP_PAGER": ""}),
        (["aws", "dynamodb", "--json"], {}),
        (["lookup", "kafka"], {"LINES": "500"}),  # it fits: no pager
    ],
)
def test_no_pager(tmp_path: Path, args: list[str], env: dict[str, str]) -> None:
    pager, got = fake_pager(tmp_path)
    code, shown = on_a_terminal(args, {"PAGER": pager, **env})
    assert code == 0 and not got.exists()
    assert "DynamoDB" in shown or "Kafka" in shown


def test_a_pager_that_cannot_start_is_no_pager(tmp_path: Path) -> None:
    code, shown = on_a_terminal(["aws", "dynamodb"], {"PAGER": str(tmp_path / "no-such-pager")})
    assert code == 0 and "Numbers for estimates" in shown


@pytest.mark.parametrize("color", [[], ["--color", "always"]])
def test_piped_output_never_pages(tmp_path: Path, color: list[str]) -> None:
    pager, got = fake_pager(tmp_path)
    env = {**os.environ, "PAGER": pager, "LINES": "5"}
    proc = subprocess.run(
        [sys.executable, "-m", "awsmap", *color, "aws", "dynamodb"],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0 and not got.exists()
    assert b"Numbers for estimates" in proc.stdout


# -- a reader that goes away under forced colour ------------------------------------------------


@pytest.mark.parametrize(
    ("args", "env"),
    [(["--color", "always", "dynamodb"], {}), (["dynamodb"], {"FORCE_COLOR": "1"})],
)
def test_forced_colour_into_a_closed_pipe_is_141_and_silent(
    args: list[str], env: dict[str, str]
) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "awsmap", *args],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.close()  # `| head -0`: the reader is gone before the first write
    _out, err = proc.communicate(timeout=60)
    assert err == b"" and proc.returncode == 141


def test_forced_colour_into_head_is_141_and_silent() -> None:
    awsmap = f"{sys.executable} -m awsmap --color always dynamodb"
    line = f"{awsmap} | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}"
    proc = subprocess.run(["bash", "-c", line], capture_output=True, timeout=60, check=False)
    assert proc.stdout.strip() in (b"0", b"141") and proc.stderr == b""
