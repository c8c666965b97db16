"""Which data files ship with awsmap, and how to read them.

Reading goes through ``importlib.resources``. Listing and stat-ing the files (to fingerprint the
cache on every run) uses the package folder directly, as strings: importing
``importlib.resources`` or ``pathlib`` costs more than the whole warm lookup, and an installed
package is plain files. ``DATA_DIR`` (a Path) is made on first use, for the colder callers.
"""

import os
from typing import Any

DATA_FOLDER = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data")


def bundled_names() -> list[str]:
    """Data files relative to the data folder: top-level ones first, then each subfolder's (but
    the schemas'), in name order."""
    names: list[str] = []
    folders: list[str] = []
    with os.scandir(DATA_FOLDER) as entries:
        for entry in entries:
            if entry.is_dir() and entry.name != "schemas":
                folders.append(entry.name)
            elif entry.name.endswith(".yaml") and entry.is_file():
                names.append(entry.name)
    names.sort()
    for sub in sorted(folders):
        with os.scandir(os.path.join(DATA_FOLDER, sub)) as entries:
            names.extend(
                sorted(
                    f"{sub}/{e.name}" for e in entries if e.name.endswith(".yaml") and e.is_file()
                )
            )
    return names


def bundled_paths() -> list[str]:
    return [os.path.join(DATA_FOLDER, *name.split("/")) for name in bundled_names()]


def read_bundled(name: str) -> str:
    from importlib.resources import files

    return files("awsmap").joinpath("data", *name.split("/")).read_text(encoding="utf-8")


def __getattr__(name: str) -> Any:
    if name == "DATA_DIR":
        from pathlib import Path

        return Path(DATA_FOLDER)
    raise AttributeError(name)
