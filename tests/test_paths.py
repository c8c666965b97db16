"""paths.py computes the Linux XDG directories itself instead of importing platformdirs (a speed
trick, see its docstring): its answer must be platformdirs' answer, whatever the environment."""

from __future__ import annotations

import sys

import platformdirs
import pytest

from awsmap.base import paths

CASES = [
    {"XDG_CACHE_HOME": None, "XDG_STATE_HOME": None, "HOME": "/home/ada"},
    {"XDG_CACHE_HOME": "/xdg/cache", "XDG_STATE_HOME": "/xdg/state", "HOME": "/home/ada"},
    {"XDG_CACHE_HOME": "", "XDG_STATE_HOME": "", "HOME": "/home/ada"},
    {"XDG_CACHE_HOME": "   ", "XDG_STATE_HOME": "\t", "HOME": "/home/ada"},
    {"XDG_CACHE_HOME": "relative/cache", "XDG_STATE_HOME": "rel", "HOME": "/home/ada"},
    {"XDG_CACHE_HOME": "/with space/c ", "XDG_STATE_HOME": "//two/slashes", "HOME": "/"},
    {"XDG_CACHE_HOME": None, "XDG_STATE_HOME": None, "HOME": "/home/ada/"},
    {"XDG_CACHE_HOME": None, "XDG_STATE_HOME": None, "HOME": "relative-home"},
    {"XDG_CACHE_HOME": None, "XDG_STATE_HOME": None, "HOME": ""},
    {"XDG_CACHE_HOME": None, "XDG_STATE_HOME": None, "HOME": "/ñandú/home"},
]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the shortcut is Linux-only")
@pytest.mark.parametrize("env", CASES, ids=str)
def test_the_xdg_shortcut_is_what_platformdirs_says(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str | None]
) -> None:
    monkeypatch.delenv(paths.CACHE_ENV, raising=False)
    monkeypatch.delenv(paths.STATE_ENV, raising=False)
    for name, value in env.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert paths.cache_dir() == platformdirs.user_cache_dir(paths.APP, appauthor=False)
    assert paths.state_dir() == platformdirs.user_state_dir(paths.APP, appauthor=False)


def test_the_overrides_win(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.CACHE_ENV, "/elsewhere/cache")
    monkeypatch.setenv(paths.STATE_ENV, "relative/state")
    assert paths.cache_dir() == "/elsewhere/cache"
    assert paths.progress_db() == "relative/state/progress.sqlite3"
