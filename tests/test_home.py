"""The suite's own guard: every fixture sees an empty HOME and temporary cache and state
(``conftest.isolated_home`` fails the session if anything was written into that HOME)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from awsmap.base.paths import cache_dir, state_dir


def test_the_suite_runs_in_an_empty_home(isolated_home: Path) -> None:
    assert Path(os.environ["HOME"]) == isolated_home
    assert not Path(cache_dir()).is_relative_to(isolated_home)
    assert not Path(state_dir()).is_relative_to(isolated_home)


def test_paths_follow_home_when_nothing_overrides_them(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AWSMAP_CACHE_DIR")
    monkeypatch.delenv("AWSMAP_STATE_DIR")
    assert Path(cache_dir()).is_relative_to(isolated_home)
    assert Path(state_dir()).is_relative_to(isolated_home)
