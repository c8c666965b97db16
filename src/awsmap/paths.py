"""Where awsmap keeps things, and every environment variable that changes its behaviour.

Two directories, kept apart on purpose:
- the cache (compiled indexes) is disposable: awsmap prunes it, ``awsmap cache clear`` empties it,
  and anything in it may be deleted at any time;
- the state directory holds what a user has learned (study progress). awsmap never deletes or
  overwrites it behind the user's back.
Both come from platformdirs, imported only when a directory is really needed.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "awsmap"
DATA_ENV = "AWSMAP_DATA"  # user data files, joined by os.pathsep
CACHE_ENV = "AWSMAP_CACHE_DIR"  # overrides the cache directory
STATE_ENV = "AWSMAP_STATE_DIR"  # overrides the state directory
DEBUG_ENV = "AWSMAP_DEBUG"  # show the traceback of an internal error
NO_FAST_PATH_ENV = "AWSMAP_NO_FAST_PATH"  # always parse the command line with Typer
NOW_ENV = "AWSMAP_NOW"  # pretend the current time is this (ISO 8601): for tests and demos

PROGRESS_FILE = "progress.sqlite3"


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP, appauthor=False))


def state_dir() -> Path:
    override = os.environ.get(STATE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_state_dir

    return Path(user_state_dir(APP, appauthor=False))


def progress_db() -> Path:
    return state_dir() / PROGRESS_FILE


def user_data_paths(cli_paths: list[Path] | None = None) -> list[Path]:
    """User data files: those in ``$AWSMAP_DATA`` first, then those given with ``--data``."""
    env = os.environ.get(DATA_ENV, "")
    from_env = [Path(p) for p in env.split(os.pathsep) if p.strip()]
    return [*from_env, *(cli_paths or [])]
