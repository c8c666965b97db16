"""Shared fixtures: an isolated cache and environment for every test, and a CLI runner."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from tests.harness import invoke

CLEARED_ENV = ("AWSMAP_DATA", "AWSMAP_DEBUG", "NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS")


HOME_VARIABLES = ("HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME")


@pytest.fixture(scope="session", autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Before any fixture of any scope opens a catalog: an empty HOME and XDG folders, cache and
    state in temporary folders, none of the developer's AWSMAP_ variables. When the session
    ends, the empty HOME must still be empty: nothing a test runs writes to a real home."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        for name in HOME_VARIABLES:
            patch.delenv(name, raising=False)
        patch.setenv("HOME", str(home))
        for name in [n for n in os.environ if n.startswith("AWSMAP_")]:
            patch.delenv(name)
        patch.setenv("AWSMAP_CACHE_DIR", str(tmp_path_factory.mktemp("awsmap-cache")))
        # the cache's behaviour is under test, installed from a wheel (CI) or not (a checkout):
        # the index a wheel ships is tested on its own (tests/test_shipped_index.py)
        patch.setenv("AWSMAP_SHIPPED_INDEX", "0")
        patch.setenv("AWSMAP_STATE_DIR", str(tmp_path_factory.mktemp("awsmap-state")))
        yield home
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    assert written == [], f"tests wrote into HOME: {written[:5]}"


@pytest.fixture(scope="session")
def session_cache(isolated_home: Path) -> Path:
    return Path(os.environ["AWSMAP_CACHE_DIR"])


@pytest.fixture
def private_cache(session_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache directory of the test's own, holding a copy of the session's compiled index of
    the bundled data (and nothing derived from it): a test can damage or prune it without
    paying a compile of its own (two to three seconds each)."""
    import shutil

    from awsmap.catalog.index import index_path
    from awsmap.catalog.reader import Catalog

    source = Path(index_path())
    if not source.exists():
        Catalog.open([]).count(_first_kind())
    target = tmp_path / "private-cache"
    target.mkdir()
    shutil.copy2(source, target / source.name)
    monkeypatch.setenv("AWSMAP_CACHE_DIR", str(target))
    return target


def _first_kind() -> Any:
    from awsmap.catalog.kinds import KINDS

    return KINDS[0]


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, session_cache: Path, tmp_path: Path) -> None:
    """The index is built once per session; no test sees the developer's environment, and none
    touches their study progress."""
    for name in CLEARED_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWSMAP_CACHE_DIR", str(session_cache))
    monkeypatch.setenv("AWSMAP_STATE_DIR", str(tmp_path / "state"))


class Cli:
    """The CLI as the script runs it (fast path or Typer), stdout and stderr kept apart."""

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> Result:
        return invoke(args, env=env)

    def json(self, *args: str, env: dict[str, str] | None = None) -> Any:
        result = self(*args, "--json", env=env)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def cli() -> Cli:
    return Cli()


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


SCHEMA_LINE = "# yaml-language-server: $schema=awsmap-data.schema.json\n"

FLUME = (
    SCHEMA_LINE
    + """\
technologies:
  - id: tributary
    name: Apache Tributary
    aliases: [Tributary]
    categories: [data-integration]
    what_it_is: Distributed service for collecting and moving large amounts of log data.
    aws_equivalents:
      - service: firehose
        relation: analogous
        note: Same role, fully managed, different API.
    parallels:
      - aspect: Sinks
        detail: Like Firehose destinations
    interview_phrases:
      - Tributary moves logs into HDFS the way Firehose delivers streams into S3
"""
)
