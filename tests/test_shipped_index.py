"""The wheel ships the compiled index of the bundled data, so a first run compiles nothing; it is
used only while it matches the data (setup.py builds it with ``index.build_shipped``)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from awsmap.catalog import index
from awsmap.catalog.kinds import TECHNOLOGY
from awsmap.catalog.reader import Catalog
from tests.conftest import FLUME, write

SRC = Path(__file__).parents[1] / "src"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """One build for the module (it compiles the whole dataset); each test gets a copy."""
    path = tmp_path_factory.mktemp("shipped") / "bundled-index.sqlite3"
    index.build_shipped(str(path))
    return path.read_bytes()


@pytest.fixture
def shipped(built: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "bundled-index.sqlite3"
    path.write_bytes(built)
    monkeypatch.setattr(index, "SHIPPED", str(path))
    monkeypatch.delenv("AWSMAP_SHIPPED_INDEX")
    monkeypatch.setenv("AWSMAP_CACHE_DIR", str(tmp_path / "cache"))
    return path


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """Calls to compile an index into the cache, answered from memory (a compile is what the
    tests look for, not its two seconds)."""
    calls: list[tuple[object, ...]] = []

    def build(*args: object) -> sqlite3.Connection:
        calls.append(args)
        return sqlite3.connect(":memory:")

    monkeypatch.setattr(index, "_build_and_store", build)
    return calls


def test_a_current_shipped_index_is_used_without_compiling(shipped: Path, tmp_path: Path) -> None:
    opened = index.open_index()
    assert opened.fingerprint == index.shipped_fingerprint()
    assert Catalog(opened).get(TECHNOLOGY, "kafka").name == "Apache Kafka"
    assert not (tmp_path / "cache").exists()  # nothing compiled, nothing written


def test_a_shipped_index_for_other_data_is_not_trusted(
    shipped: Path, tmp_path: Path, compiled: list[tuple[object, ...]]
) -> None:
    with sqlite3.connect(shipped) as conn:
        conn.execute(
            "UPDATE meta SET value = 'awsmap 0.0 format 0 shipped' WHERE key = 'fingerprint'"
        )
    opened = index.open_index()
    assert len(compiled) == 1  # the cache's own, compiled now
    assert opened.fingerprint != index.shipped_fingerprint()
    assert Path(opened.path).is_relative_to(tmp_path / "cache")


def test_user_data_never_uses_the_shipped_index(
    shipped: Path, tmp_path: Path, compiled: list[tuple[object, ...]]
) -> None:
    user = tmp_path / "u.yaml"
    user.write_text("technologies: []\n", encoding="utf-8")
    opened = index.open_index([str(user)])
    assert len(compiled) == 1
    assert opened.fingerprint != index.shipped_fingerprint()


def test_the_installed_package_ships_a_current_index() -> None:
    """Run against the installed package (as CI installs it); a source checkout has none."""
    if Path(index.__file__).resolve().is_relative_to(SRC.resolve()):
        pytest.skip("awsmap is imported from the source tree, not from a built wheel")
    assert os.path.isfile(index.SHIPPED)
    with sqlite3.connect(f"file:{index.SHIPPED}?mode=ro", uri=True) as conn:
        (found,) = conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    assert found == index.shipped_fingerprint()
    from awsmap.catalog import validation

    validation._fast_check.cache_clear()
    assert validation._fast_check().__module__ == validation.CHECK_MODULE  # the built check


def test_the_shipped_index_can_be_ignored(
    shipped: Path, monkeypatch: pytest.MonkeyPatch, compiled: list[tuple[object, ...]]
) -> None:
    monkeypatch.setenv("AWSMAP_SHIPPED_INDEX", "0")
    assert index.open_index().fingerprint != index.shipped_fingerprint()
    assert len(compiled) == 1


def test_a_compile_with_user_data_reads_the_bundled_documents_from_the_shipped_index(
    shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped index keeps the bundled documents as the build read and checked them: a
    compile with user data parses only the user's files, and gets what parsing all would."""
    from awsmap.catalog import loader
    from awsmap.catalog.bundled import bundled_paths

    parsed = loader.read_documents(map(Path, bundled_paths()), bundled=True)
    assert index.shipped_documents() == parsed
    user = write(tmp_path / "flume.yaml", FLUME)
    reads: list[list[Path]] = []
    real = loader._read_all

    def counted(items: list[tuple[Path, bool]]) -> list[loader.Read]:
        reads.append([path for path, _bundled in items])
        return real(items)

    monkeypatch.setattr(loader, "_BUNDLED", None)
    monkeypatch.setattr(loader, "_read_all", counted)
    catalog = Catalog(index.open_index([str(user)]))
    assert reads == [[user]]
    assert catalog.get(TECHNOLOGY, "flume").name == "Apache Flume"
    assert catalog.get(TECHNOLOGY, "kafka").name == "Apache Kafka"


def test_damaged_shipped_documents_are_read_from_the_files(shipped: Path) -> None:
    with sqlite3.connect(shipped) as conn:
        conn.execute("UPDATE documents SET data = X'00010203' WHERE rowid = 1")
    assert index.shipped_documents() is None
