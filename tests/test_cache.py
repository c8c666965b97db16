"""The compiled index: what a warm run imports, invalidation, and caches that fail."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from awsmap.catalog import index
from awsmap.catalog.kinds import TECHNOLOGY
from awsmap.catalog.reader import Catalog
from tests.conftest import FLUME, write

# What a warm answer must not import unless it needs it: the frameworks and libraries, and the
# standard and own modules the fast path was cut free of (issue 13).
WATCHED = (
    "rich", "yaml", "rapidfuzz", "jsonschema", "typer", "platformdirs", "pathlib", "tempfile",
    "dataclasses", "inspect", "awsmap.catalog.designs", "awsmap.cli.app", "importlib",
    "datetime", "sqlite3", "math",
)  # fmt: skip

PROBE = f"""
import atexit, sys
watched = {WATCHED!r}
def report():
    # a module deferred by awsmap.deferred and never used is not imported
    real = {{n for n, m in sys.modules.items() if type(m).__name__ != "StandIn"}}
    found = sorted(w for w in watched if w in real)
    sys.stderr.write("IMPORTED:" + ",".join(found) + "\\n")
atexit.register(report)
sys.argv = ["awsmap", *sys.argv[1:]]
from awsmap.entry import main
main()
"""


def run(
    *args: str, cache: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "AWSMAP_CACHE_DIR": str(cache), **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        check=False,
    )


def imported(result: subprocess.CompletedProcess[str]) -> set[str]:
    line = next(ln for ln in result.stderr.splitlines() if ln.startswith("IMPORTED:"))
    return set(filter(None, line.removeprefix("IMPORTED:").split(",")))


def test_warm_json_lookup_imports_no_framework(tmp_path: Path) -> None:
    cold = run("lookup", "kafka", "--json", cache=tmp_path)
    assert cold.returncode == 0
    assert "yaml" in imported(cold)  # the first run compiles the index
    warm = run("lookup", "kafka", "--json", cache=tmp_path)
    assert warm.returncode == 0
    assert json.loads(warm.stdout)["id"] == "kafka"
    assert imported(warm) == set()


def test_warm_paths_import_only_what_they_need(tmp_path: Path) -> None:
    run("lookup", "kafka", "--json", cache=tmp_path)
    assert imported(run("lookup", "kafak", "--json", cache=tmp_path)) == set()  # short typo
    found = imported(run("lookup", "elasticserch", "--json", cache=tmp_path))
    assert found == {"math", "rapidfuzz"}  # rapidfuzz imports math
    # results of every kind: patterns and architectures are design records
    found = imported(run("search", "stream processing", "--json", cache=tmp_path))
    assert found == {"awsmap.catalog.designs", "math"}  # search ranks with math.log
    # Rich, with the dataclasses it needs but not inspect (deferred: see awsmap/deferred.py)
    # Rich imports dataclasses, importlib for its Unicode tables, datetime and math
    expected = {"dataclasses", "datetime", "importlib", "math", "rich"}
    assert imported(run("lookup", "kafka", cache=tmp_path)) == expected


def test_a_deferred_module_is_the_real_one_once_used() -> None:
    """awsmap.base.deferred's stand-in: code that uses the module, however it imports it, gets the
    real module's attributes, and sys.modules then holds the real module."""
    script = """
import sys
from awsmap.base.deferred import StandIn, defer
defer()
import inspect
assert type(inspect) is StandIn
import dataclasses
@dataclasses.dataclass
class NoDocstring:  # dataclasses asks inspect for a signature to write one
    x: int
assert NoDocstring.__doc__ == "NoDocstring(x: int)", NoDocstring.__doc__
assert type(sys.modules["inspect"]) is not StandIn
from inspect import signature
assert str(signature(lambda a, b=1: None)) == "(a, b=1)"
assert inspect.isfunction(signature)  # the stand-in still answers for those that kept it
print("ok")
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.stdout == "ok\n", result.stderr


@pytest.mark.slow
def test_changed_user_data_rebuilds_the_index(tmp_path: Path) -> None:
    data = write(tmp_path / "tributary.yaml", FLUME)
    first = run("--data", str(data), "lookup", "tributary", "--json", cache=tmp_path / "c")
    assert json.loads(first.stdout)["name"] == "Apache Tributary"
    write(data, FLUME.replace("name: Apache Tributary", "name: Apache Tributary NG"))
    second = run("--data", str(data), "lookup", "tributary", "--json", cache=tmp_path / "c")
    assert json.loads(second.stdout)["name"] == "Apache Tributary NG"
    assert "yaml" in imported(second)


def test_fingerprint_changes_with_any_source(tmp_path: Path) -> None:
    data = write(tmp_path / "a.yaml", FLUME)
    before = index.fingerprint([str(data)])
    os.utime(data, ns=(1, 1))
    assert index.fingerprint([str(data)]) != before


@pytest.mark.slow
def test_unwritable_cache_directory_costs_speed_not_correctness(tmp_path: Path) -> None:
    blocker = write(tmp_path / "not-a-dir", "x")
    result = run("lookup", "kafka", "--json", cache=blocker / "cache")
    assert result.returncode == 0
    assert json.loads(result.stdout)["id"] == "kafka"
    assert result.stderr.count("\n") == 1  # only the probe's line: no warning, no traceback


@pytest.mark.slow
def test_unwritable_home_still_works(tmp_path: Path) -> None:
    blocker = write(tmp_path / "home-is-a-file", "x")
    env = {**os.environ, "HOME": str(blocker), "XDG_CACHE_HOME": str(blocker / ".cache")}
    env.pop("AWSMAP_CACHE_DIR", None)
    result = subprocess.run(
        [sys.executable, "-m", "awsmap", "lookup", "redis", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "redis"
    assert result.stderr == ""


def test_a_typo_is_looked_up_from_its_variants_not_from_every_key(tmp_path: Path) -> None:
    """The plans of Catalog.typo_rows: the buckets of the query's deletion variants by the typo
    table's key, then the keys they hold by the keys table's index; never a scan of either."""
    catalog = Catalog.open([])
    catalog.typo_rows(1, ["warm"], [TECHNOLOGY])  # the bucket count is read once, first
    seen: list[tuple[str, tuple[object, ...]]] = []
    original = index.Index.rows

    def spy(self: index.Index, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        seen.append((sql, tuple(args)))
        return original(self, sql, args)

    index.Index.rows = spy  # type: ignore[method-assign]
    try:
        found = catalog.typo_rows(1, ["afka", "kafa", "kafak"], [TECHNOLOGY])
    finally:
        index.Index.rows = original  # type: ignore[method-assign]
    assert ("kafka", "technology", "kafka", "kafka") in [tuple(r) for r in found]
    (variants_sql, variants_args), (keys_sql, keys_args) = seen
    plans = [
        [row[-1] for row in catalog._index.rows("EXPLAIN QUERY PLAN " + sql, args)]
        for sql, args in ((variants_sql, variants_args), (keys_sql, keys_args))
    ]
    assert plans[0] == ["SEARCH typos USING INTEGER PRIMARY KEY (rowid=?)"], plans
    assert plans[1][0].startswith("SEARCH keys USING INDEX keys_by_key (level=? AND key=?)"), plans


def _index_file(cache: Path) -> Path:
    files = list(cache.glob("index-*.sqlite3"))
    assert len(files) == 1
    return files[0]


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["garbage", "truncate", "empty"])
def test_damaged_cache_is_detected_and_rebuilt(tmp_path: Path, damage: str) -> None:
    assert run("lookup", "kafka", "--json", cache=tmp_path).returncode == 0
    path = _index_file(tmp_path)
    size = path.stat().st_size
    if damage == "garbage":
        path.write_bytes(os.urandom(size))
    elif damage == "truncate":
        with path.open("r+b") as fh:
            fh.truncate(size // 3)
    else:
        path.write_bytes(b"")
    result = run("lookup", "kafka", "--json", cache=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "kafka"
    with sqlite3.connect(_index_file(tmp_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.slow
def test_damage_found_mid_query_rebuilds_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("AWSMAP_CACHE_DIR", str(tmp_path))
    catalog = Catalog.open()
    calls = {"n": 0}
    real = index.Index.read

    def flaky(self: index.Index, sql: str, args: Any, decode: Any) -> Any:
        if calls["n"] == 0:
            calls["n"] += 1
            self._conn.close()  # the next execute raises ProgrammingError, a DatabaseError
        return real(self, sql, args, decode)

    monkeypatch.setattr(index.Index, "read", flaky)
    assert catalog.get(TECHNOLOGY, "kafka").name == "Apache Kafka"


FIRST_RUNS = 4  # two per core: enough to race on the build; more only lengthens the suite


@pytest.mark.slow
def test_concurrent_first_runs_share_one_intact_cache(tmp_path: Path) -> None:
    env = {**os.environ, "AWSMAP_CACHE_DIR": str(tmp_path)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "awsmap", "lookup", "kafka", "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for _ in range(FIRST_RUNS)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0] * FIRST_RUNS, [e for _o, e in outputs]
    assert len({o for o, _e in outputs}) == 1
    assert all(e == b"" for _o, e in outputs)
    assert [p.name for p in tmp_path.iterdir()] == [_index_file(tmp_path).name]  # no temp files
    with sqlite3.connect(_index_file(tmp_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
