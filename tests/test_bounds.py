"""Every input has a bound on the work it can cause (issue #17, "Unbounded input").

A file that is not a regular file (a device, a FIFO) has no size to check first, so it is read
through the same 24 MiB cap as a regular one, and so is standard input; a document nested deeper
than any real one is refused before the recursive checks; a query longer than any name is "not
found" without the fuzzy scans whose cost grows with its length. Work is counted, not timed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from awsmap.catalog import yamlio
from awsmap.find import resolve as resolver
from tests.conftest import Cli, write
from tests.harness import invoke
from tests.test_adversarial import data_error, one_clean_line

HUNDRED_KB_OF_WORDS = " ".join(f"zq{i:05d}x" for i in range(11_000))


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The queries each fuzzy scan of the keys was made for, as they are made."""
    made: list[str] = []
    real_hits = resolver._hits

    def counted(query: str, rows: list[resolver.Row]) -> list[tuple[float, resolver.Row]]:
        made.append(query)
        return real_hits(query, rows)

    monkeypatch.setattr(resolver, "_hits", counted)
    return made


def nested(depth: int) -> str:
    return "technologies:\n  - id: x\n    name: X\n    what_it_is: " + "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [100, 990])
def test_a_document_nested_too_deep_is_a_data_error(cli: Cli, tmp_path: Path, depth: int) -> None:
    path = write(tmp_path / "deep.yaml", nested(depth) + "\n")
    assert f"nests more than {yamlio.MAX_DEPTH} levels deep" in data_error(cli, path)
    result = cli("validate", str(path))
    assert result.exit_code == 3
    assert "nests more than" in result.stdout + result.stderr
    assert "RecursionError" not in result.stdout + result.stderr


def test_ordinary_nesting_is_well_inside_the_limit(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path / "ok.yaml", nested(yamlio.MAX_DEPTH - 6) + "\n")
    # within the depth limit: refused by the schema (a list is not text), not by the depth check
    line = data_error(cli, path)
    assert "nests more than" not in line


def test_dev_zero_is_read_through_the_cap(cli: Cli) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    result = cli("stack", "--file", "/dev/zero")
    assert result.exit_code == 3
    assert "over the 24 MiB limit" in one_clean_line(result)


def test_a_fifo_is_read_through_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "MAX_FILE_BYTES", 1000)
    fifo = tmp_path / "compose.fifo"
    os.mkfifo(fifo)
    pid = os.fork()
    if pid == 0:  # the writer: more than the cap, then gone
        try:
            with open(fifo, "wb") as out:
                out.write(b"services:\n" + b"#" * 5000 + b"\n")
        finally:
            os._exit(0)
    try:
        with pytest.raises(Exception, match="over the 0 MiB limit"):
            yamlio.read_text(fifo)
    finally:
        os.waitpid(pid, 0)


def test_standard_input_is_read_through_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "MAX_FILE_BYTES", 1000)
    result = invoke(["stack", "--file", "-"], stdin="services:\n" + "#" * 5000 + "\n")
    assert result.exit_code == 3
    assert "<stdin>: is over the" in one_clean_line(result)


def test_standard_input_that_is_not_utf8_is_one_line() -> None:
    result = invoke(["stack", "--file", "-"], stdin=b"\xff\xfe services:\n")
    assert result.exit_code == 3
    assert "is not UTF-8 text" in one_clean_line(result)


@pytest.mark.parametrize("command", ["lookup", "pattern", "numbers", "aws", "compare"])
def test_a_hundred_kilobyte_argument_is_not_found_with_bounded_work(
    scans: list[str], command: str
) -> None:
    args = [command, HUNDRED_KB_OF_WORDS] + (["kafka"] if command == "compare" else [])
    result = invoke(args)
    assert result.exit_code == 1
    assert "longer than any name" in one_clean_line(result)
    assert len(scans) <= resolver.MAX_SUGGESTING_WORDS
    assert all(len(q) <= resolver.MAX_NAME_QUERY for q in scans)


def test_a_fifty_thousand_word_answer_is_graded_with_bounded_work(
    tmp_path: Path, scans: list[str]
) -> None:
    env = {"AWSMAP_STATE_DIR": str(tmp_path)}
    answer = " ".join(["kinesis"] * 50_000)
    result = invoke(["quiz", "--count", "1", "--cram"], stdin=answer + "\n", env=env)
    assert result.exit_code == 0, result.stderr
    assert "again" in result.stdout
    assert len(scans) <= resolver.MAX_SUGGESTING_WORDS
    assert max(len(line) for line in result.stdout.splitlines()) < 400


def test_many_unquoted_compare_words_are_split_with_bounded_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from awsmap.catalog.reader import Catalog
    from awsmap.commands import compare
    from awsmap.find.resolve import exact

    looked: list[str] = []
    real = exact

    def counted(catalog: Catalog, query: str, *args: Any) -> Any:
        looked.append(query)
        return real(catalog, query, *args)

    monkeypatch.setattr(compare, "exact", counted)
    catalog = Catalog.open([])
    words = ["kafka", "zzz"] * 14  # 28 words: split, each run at most MAX_NAME_WORDS long
    compare.split_names(catalog, words)
    assert max(len(q.split()) for q in looked) <= compare.MAX_NAME_WORDS
    looked.clear()
    assert compare.split_names(catalog, ["kafka"] * 300) == ["kafka"] * 300  # not searched
    assert looked == []
