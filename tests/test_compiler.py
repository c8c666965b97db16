"""Compiling the index on every core writes the tables one process writes."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from awsmap.base import forked
from awsmap.catalog import compiler, loader
from awsmap.catalog.index import Index
from awsmap.catalog.kinds import KINDS, TECHNOLOGY
from awsmap.catalog.reader import Catalog
from tests.conftest import FLUME, write

TABLES = ("meta", "entries", "keys", "refs", "terms", "typos", "phrases")


def _tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}"), key=repr) for t in TABLES}
    finally:
        conn.close()


def _compile(path: Path, loaded: loader.Loaded) -> None:
    conn = sqlite3.connect(path)
    try:
        compiler.write(conn, loaded, "fingerprint")
    finally:
        conn.close()


def _pid(_item: int) -> int:
    return os.getpid()


def test_forked_work_runs_in_other_processes_and_comes_back_by_index(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    done = list(forked.forked_as_done(_pid, list(range(6))))
    assert sorted(index for index, _pid in done) == list(range(6))
    assert os.getpid() not in {pid for _index, pid in done}
    assert forked.forked_map(_pid, [1, 2], parallel=False) == [os.getpid()] * 2


def test_shards_on_every_core_write_the_tables_of_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = write(tmp_path / "flume.yaml", FLUME)
    loaded = loader.load([user])
    _compile(tmp_path / "one.sqlite3", loaded)
    parts: list[int] = []
    real_parts = compiler._parts

    def counted(count: int, parallel: bool) -> list[tuple[int, int] | None]:
        found = real_parts(count, parallel)
        parts.append(len(found))
        return found

    monkeypatch.setattr(compiler, "PARALLEL_ENTRIES", 0)
    monkeypatch.setattr(compiler, "_parts", counted)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    _compile(tmp_path / "shards.sqlite3", loaded)
    assert parts == [1 + 2 * compiler.SHARDS_PER_CORE]  # the typo rows, then the shards
    one, shards = _tables(tmp_path / "one.sqlite3"), _tables(tmp_path / "shards.sqlite3")
    for table in TABLES:
        assert shards[table] == one[table], table
    assert len(one["entries"]) == sum(len(loaded.dataset.of(kind)) for kind in KINDS)


def test_a_short_variant_held_by_more_keys_than_one_statement_takes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """typo_rows asks for the keys of the query's variants a chunk at a time."""
    from awsmap.catalog import reader

    catalog = Catalog.open([])
    variants = ["afka", "kafa", "kafak", "redi", "rdis"]
    whole = catalog.typo_rows(1, variants, [TECHNOLOGY])
    monkeypatch.setattr(reader, "MAX_MARKS", 1)
    assert sorted(catalog.typo_rows(1, variants, [TECHNOLOGY])) == sorted(whole)
    assert {row[2] for row in whole} >= {"kafka", "redis"}
    assert isinstance(catalog._index, Index)


def test_a_large_first_read_reads_the_bundled_files_in_the_same_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = write(tmp_path / "flume.yaml", FLUME)
    in_turn = loader.load([user])
    reads: list[int] = []
    real = loader._read_all

    def counted(items: list[tuple[Path, bool]]) -> list[loader.Read]:
        reads.append(len(items))
        return real(items)

    monkeypatch.setattr(loader, "_BUNDLED", None)
    monkeypatch.setattr(loader, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(loader, "_read_all", counted)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    together = loader.load([user])
    assert reads == [len(loader.bundled_documents()) + 1]  # one read of every file
    assert together.origins == in_turn.origins
    assert together.notices == in_turn.notices
    for kind in KINDS:
        assert together.dataset.of(kind) == in_turn.dataset.of(kind), kind.key
