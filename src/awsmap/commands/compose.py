"""Components of a design read from a file: a docker-compose file or a plain list of names.

A compose file is read with the same safe loader and limits as data files. Each service gives its
image with registry, tag and digest stripped ("docker.io/library/postgres:16@sha256:..." is
``postgres``), or, without an image, its service name. Services built from source (``build:``, with
or without an ``image:`` naming the result) are the user's own code. A Compose v1 file, with its
services at the top level and no ``services:`` key, is read the same way, with a note.
"""

import re
from pathlib import Path
from typing import Any, NamedTuple

from awsmap.base.errors import DataError
from awsmap.base.problems import Problem

_DEFAULT_REGISTRIES = ("docker.io/", "index.docker.io/", "registry-1.docker.io/")


class Entry(NamedTuple):
    """One component named by a file: a service with its image, or a line of a name list."""

    name: str  # the compose service name, or the line
    image: str | None = None  # normalised image name
    built: bool = False  # a compose service with `build:`: the user's own code


def image_name(reference: str) -> str:
    """'registry:5000/org/app:1.2@sha256:..' -> 'registry:5000/org/app' (lower case), with
    Docker Hub's default registry and 'library/' dropped. A variable with a default
    (``${DB_IMAGE:-postgres}``) stands for its default; other variables are dropped."""
    ref = re.sub(r"\$\{[^}:]*:?-([^}]*)\}", r"\1", reference)
    ref = re.sub(r"\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*", "", ref)
    ref = ref.strip().lstrip("/").split("@", 1)[0]  # "$REGISTRY/redis" leaves "/redis"
    last = ref.rsplit("/", 1)
    if ":" in last[-1]:
        last[-1] = last[-1].split(":", 1)[0]
    ref = "/".join(last).lower()
    for prefix in _DEFAULT_REGISTRIES:
        ref = ref.removeprefix(prefix)
    return ref.removeprefix("library/")


def image_candidates(image: str) -> list[str]:
    """Names to try for an image, most specific first: as given, without its registry, and its
    last path part ('docker.elastic.co/elasticsearch/elasticsearch', 'elasticsearch/elasticsearch',
    'elasticsearch')."""
    parts = image.split("/")
    out = [image]
    if len(parts) > 1 and ("." in parts[0] or ":" in parts[0] or parts[0] == "localhost"):
        out.append("/".join(parts[1:]))
    out.append(parts[-1])
    return list(dict.fromkeys(p for p in out if p))


V1_NOTE = (
    "{path} is a version 1 Compose file (services at the top level, no 'services:' key): each "
    "top-level key was read as a service; the current Compose format puts them under 'services:'"
)
_TOP_KEY = re.compile(r"^(services|version)\s*:", flags=re.M)
# a key at the top level, then (after comments) an indented image or build: a service of v1
_V1_SERVICE = re.compile(
    r"^[A-Za-z0-9._-]+\s*:\s*(#.*)?\n(\s+#.*\n)*\s+(image|build)\s*:", flags=re.M
)


def read_entries(path: Path, text: str | None = None) -> list[Entry]:
    """The components a file names (see ``read_file``)."""
    return read_file(path, text)[0]


def read_file(path: Path, text: str | None = None) -> tuple[list[Entry], list[str]]:
    """The components a file names, and notes on how it was read. A YAML mapping with a
    ``services`` (or ``version``) key is a compose file; a mapping of services with an image or
    a build at the top level is a Compose v1 file; anything else is a list of names, one per line
    (blank lines and # comments ignored)."""
    from awsmap.catalog import yamlio

    if text is None:
        text = yamlio.read_text(path)
    if _TOP_KEY.search(text):
        doc = yamlio.load(path, text=text, compose=True)
        return _compose_entries(path, doc.data), []
    if _V1_SERVICE.search(text):
        data = yamlio.load(path, text=text, compose=True).data
        if isinstance(data, dict) and data and all(isinstance(v, dict) for v in data.values()):
            return _services(path, data), [V1_NOTE.format(path=path)]
    names = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    return [Entry(name) for name in names if name], []


def _compose_entries(path: Path, data: Any) -> list[Entry]:
    services = data.get("services") if isinstance(data, dict) else None
    if not isinstance(services, dict) or not services:
        raise _error(path, "a compose file needs a 'services' mapping with at least one service")
    return _services(path, services)


def _services(path: Path, services: dict[Any, Any]) -> list[Entry]:
    entries = []
    for name, spec in services.items():
        if not isinstance(spec, dict):
            raise _error(path, f"service {str(name)!r} is not a mapping")
        image = spec.get("image")
        if image is not None and not isinstance(image, str):
            raise _error(path, f"service {str(name)!r}: 'image' must be a string")
        normal = image_name(image) if image else None
        entries.append(Entry(str(name), normal or None, built="build" in spec))
    return entries


def _error(path: Path, message: str) -> DataError:
    problem = Problem(str(path), message)
    return DataError(str(problem), problems=(problem,))
