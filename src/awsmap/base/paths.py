"""Where awsmap keeps things, and every environment variable that changes its behaviour.

Two directories, kept apart on purpose:
- the cache (compiled indexes) is disposable: awsmap prunes it, ``awsmap cache clear`` empties it,
  and anything in it may be deleted at any time;
- the state directory holds what a user has learned (study progress). awsmap never deletes or
  overwrites it behind the user's back.

Both follow platformdirs. On Linux, where the answer is plain XDG, it is computed here instead:
importing platformdirs costs more than a whole warm lookup (it pulls in tempfile, shutil and
pathlib). Anything unusual (another platform, a relative XDG variable or HOME, no HOME) still
asks platformdirs, and tests/test_paths.py pins this shortcut to platformdirs' own answer. Paths
are strings, so the hot path needs no pathlib.
"""

import os
import sys

APP = "awsmap"
DATA_ENV = "AWSMAP_DATA"  # user data files, joined by os.pathsep
CACHE_ENV = "AWSMAP_CACHE_DIR"  # overrides the cache directory
STATE_ENV = "AWSMAP_STATE_DIR"  # overrides the state directory
DEBUG_ENV = "AWSMAP_DEBUG"  # show the traceback of an internal error
STDIN = "-"  # a file argument that means standard input
SHIPPED_INDEX_ENV = "AWSMAP_SHIPPED_INDEX"  # "0": ignore the index a wheel ships (tests, debugging)
PAGER_ENV = "AWSMAP_PAGER"  # the pager for long pages on a terminal ("" or "cat": none)
NOW_ENV = "AWSMAP_NOW"  # pretend the current time is this (ISO 8601): for tests and demos

PROGRESS_FILE = "progress.sqlite3"


def _xdg(variable: str, default: str) -> str | None:
    """platformdirs' Linux answer for an XDG base directory, or None when it is not plain."""
    if not sys.platform.startswith("linux"):
        return None
    value = os.environ.get(variable, "")
    if value.strip():
        return os.path.join(value, APP) if value.startswith("/") else None
    home = os.environ.get("HOME", "")
    return os.path.join(home, default, APP) if home.startswith("/") else None


def cache_dir() -> str:
    override = os.environ.get(CACHE_ENV)
    if override:
        return override
    fast = _xdg("XDG_CACHE_HOME", ".cache")
    if fast is not None:
        return fast
    from platformdirs import user_cache_dir

    return str(user_cache_dir(APP, appauthor=False))


def state_dir() -> str:
    override = os.environ.get(STATE_ENV)
    if override:
        return override
    fast = _xdg("XDG_STATE_HOME", os.path.join(".local", "state"))
    if fast is not None:
        return fast
    from platformdirs import user_state_dir

    return str(user_state_dir(APP, appauthor=False))


def progress_db() -> str:
    return os.path.join(state_dir(), PROGRESS_FILE)


def user_data_paths(cli_paths: "list[str] | list[os.PathLike[str]] | None" = None) -> list[str]:
    """User data files: those in ``$AWSMAP_DATA`` first, then those given with ``--data``."""
    env = os.environ.get(DATA_ENV, "")
    from_env = [p for p in env.split(os.pathsep) if p.strip()]
    return [*from_env, *(os.fspath(p) for p in cli_paths or ())]
