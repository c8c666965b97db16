"""What the hot commands do once their arguments are parsed: ``lookup``, ``aws``, ``category``,
``compare`` and ``search``.

Their Typer commands and the fast path (``fastpath.py``) both call these, so each command has one
body whichever parser read its arguments.
"""

from awsmap import runtime


def _fmt(as_json: bool) -> str:
    return "json" if as_json else "table"


def lookup(name: list[str], full: bool = False, as_json: bool = False) -> None:
    from awsmap import queries

    runtime.emit(queries.lookup(runtime.catalog(), " ".join(name), full), _fmt(as_json))


def aws(service: list[str], as_json: bool = False) -> None:
    from awsmap import queries

    runtime.emit(queries.aws(runtime.catalog(), " ".join(service)), _fmt(as_json))


def category(name: list[str], as_json: bool = False) -> None:
    from awsmap import lists

    runtime.emit(lists.category(runtime.catalog(), " ".join(name)), _fmt(as_json))


def compare(names: list[str], as_json: bool = False) -> None:
    from awsmap.compare import compare as side_by_side

    runtime.emit(side_by_side(runtime.catalog(), names), _fmt(as_json))


def search(text: list[str], limit: int = 10, as_json: bool = False) -> None:
    from awsmap.search import search_result

    runtime.emit(search_result(runtime.catalog(), " ".join(text), limit), _fmt(as_json))
