"""Reading YAML data files safely, keeping line numbers for error messages.

Only PyYAML's safe loaders are used (the C one when PyYAML has it). Before a document is
constructed its node graph is checked, so that an alias bomb is refused without being expanded and
a duplicated key is reported instead of silently dropped. Dates stay strings, as the schema says.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import yaml

from awsmap.base.errors import DataError
from awsmap.base.problems import Problem
from awsmap.base.text import safe

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 24 * 1024 * 1024
# Nodes a document may expand to through aliases, as a multiple of the nodes it really has.
MAX_EXPANSION = 10
MIN_EXPANSION_BUDGET = 100_000
# How deep collections may nest. awsmap's own documents nest five levels and compose files about
# eight; the checks after parsing (the JSON Schema, record building) recurse once per level, so a
# deeper document is refused here rather than left to exhaust Python's recursion limit there.
MAX_DEPTH = 64


class _Loader(_BaseLoader):
    """A safe loader without the implicit timestamp type."""

    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML's own class attribute, replaced
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


class _ComposeLoader(_Loader):
    """Also Compose's merge tags (``!reset``, ``!override``): awsmap reads a compose file for its
    images only, so a tagged value is read as the plain value it marks. Still a safe loader."""


def _untagged(loader: _Loader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


for _tag in ("!reset", "!override"):
    _ComposeLoader.add_constructor(_tag, _untagged)


@dataclass(frozen=True)
class Document:
    """A parsed file: its data, and the node tree that knows where each value was written."""

    path: Path
    data: Any
    root: yaml.Node | None

    def position(
        self, path: tuple[str | int, ...], key: str | None = None
    ) -> tuple[int, int] | None:
        """1-based line and column of the value at ``path`` (or of its nearest parent), or of
        the mapping key ``key`` inside it."""
        node = self.root
        if node is None:
            return None
        best = node.start_mark
        for step in path:
            child = _child(node, step)
            if child is None:
                break
            node = child
            best = node.start_mark
        if key is not None and isinstance(node, yaml.MappingNode):
            for key_node, _value in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                    best = key_node.start_mark
        return best.line + 1, best.column + 1


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == step:
                found: yaml.Node = value
                return found
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        child: yaml.Node = node.value[step]
        return child
    return None


def _error(path: Path, message: str, mark: Any = None) -> DataError:
    """A DataError for one place in one file, carrying its Problem for ``validate``."""
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
    problem = Problem(str(path), message, line, column)
    return DataError(str(problem), problems=(problem,))


def _check_graph(path: Path, root: yaml.Node) -> None:
    """Refuse duplicate keys, collections nested deeper than ``MAX_DEPTH``, and documents whose
    aliases expand far beyond their size."""
    sizes: dict[int, int] = {}
    entered: set[int] = set()  # expanded, not finished: met again below itself, it is a cycle
    distinct = 0
    stack: list[tuple[yaml.Node, bool, int]] = [(root, False, 0)]
    while stack:
        node, children_done, depth = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        if not children_done and key in entered:
            raise _error(path, "a YAML anchor is used inside itself (a cycle)", node.start_mark)
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            distinct += 1
            continue
        if isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        else:
            children = list(node.value)
        if not children_done:
            if depth >= MAX_DEPTH:
                raise _error(
                    path, f"nests more than {MAX_DEPTH} levels deep; refusing it", node.start_mark
                )
            entered.add(key)
            stack.append((node, True, depth))
            stack.extend((c, False, depth + 1) for c in children if id(c) not in sizes)
            if isinstance(node, yaml.MappingNode):
                _check_duplicate_keys(path, node)
            continue
        distinct += 1
        sizes[key] = 1 + sum(sizes.get(id(c), 1) for c in children)
        budget = max(MIN_EXPANSION_BUDGET, MAX_EXPANSION * distinct)
        if sizes[key] > budget:
            raise _error(
                path,
                f"YAML aliases expand this document beyond {budget:,} values; "
                "refusing it (an alias bomb?)",
                node.start_mark,
            )


def _check_duplicate_keys(path: Path, node: yaml.MappingNode) -> None:
    seen: set[str] = set()
    for key, _value in node.value:
        if isinstance(key, yaml.ScalarNode):
            if key.value in seen:
                raise _error(path, f"duplicate key {safe(repr(key.value))}", key.start_mark)
            seen.add(key.value)


def _too_big(path: Path, size: float | None = None) -> DataError:
    over = f"{size / 1048576:.1f} MiB is over" if size is not None else "is over"
    return _error(
        path,
        f"{over} the {MAX_FILE_BYTES // 1048576} MiB limit for one file; split it into several",
    )


_TAG = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _TAG + "str", _TAG + "map", _TAG + "seq"
_SCALARS = {_STR, _TAG + "int", _TAG + "float", _TAG + "bool", _TAG + "null"}


class _NeedsFullLoader(Exception):
    """The document uses anchors, merge keys or other tags: PyYAML's own constructor builds it."""


def _plain(path: Path, loader: _Loader, node: yaml.Node, depth: int, seen: set[int]) -> Any:
    """A document without anchors, built straight from its nodes, checking depth and duplicate
    keys on the way. PyYAML's general constructor and the alias-expansion check cost about two
    thirds of reading a large file; a data file rarely needs either. A node met twice is an
    alias, anything but plain scalars, maps and lists another feature: both go the full way."""
    if depth > MAX_DEPTH:
        raise _error(path, f"nests more than {MAX_DEPTH} levels deep; refusing it", node.start_mark)
    tag = node.tag
    if tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value
    if id(node) in seen:
        raise _NeedsFullLoader
    seen.add(id(node))
    if tag == _MAP and isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALARS:
                raise _NeedsFullLoader
            key = _plain(path, loader, key_node, depth + 1, seen)
            if key in out:
                raise _error(
                    path, f"duplicate key {safe(repr(key_node.value))}", key_node.start_mark
                )
            out[key] = _plain(path, loader, value_node, depth + 1, seen)
        return out
    if tag == _SEQ and isinstance(node, yaml.SequenceNode):
        return [_plain(path, loader, child, depth + 1, seen) for child in node.value]
    if tag in _SCALARS and isinstance(node, yaml.ScalarNode):
        return loader.yaml_constructors[tag](loader, node)
    raise _NeedsFullLoader


def read_text(path: Path) -> str:
    """The file's text, or a DataError that says plainly why it cannot be had. A device, FIFO or
    process substitution has no size to check first, so every file is read through the same cap:
    ``/dev/zero`` is refused after 24 MiB instead of filling memory."""
    try:
        if path.is_dir():
            raise _error(path, "is a directory; give the YAML files in it")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_big(path, size)
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise _error(path, "no such file") from None
    except PermissionError:
        raise _error(path, "permission denied") from None
    except OSError as exc:
        raise _error(path, f"cannot be read ({exc.strerror or exc})") from None
    return decode(path, raw)


def read_stream(path: Path, stream: IO[Any]) -> str:
    """Text read from an open stream (standard input), through the same cap and checks as a file.
    ``path`` only names it in messages."""
    binary = getattr(stream, "buffer", None)
    try:
        raw = binary.read(MAX_FILE_BYTES + 1) if binary is not None else None
        text: str | None = stream.read(MAX_FILE_BYTES + 1) if binary is None else None
    except OSError as exc:
        raise _error(path, f"cannot be read ({exc.strerror or exc})") from None
    except ValueError:  # a closed stream
        raise _error(path, "is closed; nothing to read") from None
    if text is not None:
        if len(text) > MAX_FILE_BYTES:
            raise _too_big(path)
        return text
    return decode(path, bytes(raw or b""))


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 text of at most ``MAX_FILE_BYTES``, or the DataError that says why not."""
    if len(raw) > MAX_FILE_BYTES:
        raise _too_big(path)
    if b"\x00" in raw:
        raise _error(path, "is a binary file, not YAML text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _error(path, f"is not UTF-8 text (byte {exc.start})") from None


def load(path: Path, text: str | None = None, compose: bool = False) -> Document:
    """Parse one file with a safe loader; every failure is a DataError naming file, line, column.
    ``compose``: a docker-compose file, whose merge tags are understood."""
    if text is None:
        text = read_text(path)
    loader = (_ComposeLoader if compose else _Loader)(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise _error(
                path,
                "is empty; a data file holds at least one of "
                "technologies, aws_services, categories or comparisons",
            )
        try:
            data = None if compose else _plain(path, loader, root, 0, set())
        except _NeedsFullLoader:
            data = None
        if data is None:
            _check_graph(path, root)
            data = loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = safe(exc.problem or exc.context or "invalid YAML")
        raise _error(path, f"YAML error: {problem}", mark) from None
    except yaml.YAMLError as exc:
        raise _error(path, f"YAML error: {safe(str(exc))}") from None
    except RecursionError:
        raise _error(path, "YAML nests too deeply") from None
    finally:
        loader.dispose()
    return Document(path, data, root)
