"""What a command's function gets from the layer that runs it, without importing that layer.

Commands never print. They return a result (drawn by ``render`` in the format asked for) and
reach the outside world only through this context: the catalog, one-line notes, the output
format, standard input, a confirmation, and the quiz's conversation. ``cli.runtime`` provides it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from awsmap.catalog.reader import Catalog
    from awsmap.study.drill import DrillSummary, DrillUi
    from awsmap.study.model import Summary
    from awsmap.study.session import Ui


class QuizUi(Protocol):
    """The quiz's conversation (``study.session.Ui``) and its closing line; the same for the
    design drill."""

    def session(self) -> Ui: ...

    def finish(self, summary: Summary, where: str | None) -> None: ...

    def drill(self) -> DrillUi: ...

    def finish_drill(self, summary: DrillSummary, where: str | None) -> None: ...


class Context(Protocol):
    fmt: str  # "table", "json", "markdown", "mermaid" or "dot"

    def catalog(self) -> Catalog:
        """The bundled data and the user's files; notices are reported as notes."""
        ...

    def data(self) -> list[str]:
        """The user data files in effect ($AWSMAP_DATA, then --data)."""
        ...

    def note(self, message: str) -> None:
        """One line for the user on standard error."""
        ...

    def stdin(self) -> TextIO: ...

    def write_stdout(self, data: bytes) -> None:
        """Raw bytes to standard output (an export with ``-o -``)."""
        ...

    def confirm(self, question: str) -> bool:
        """Ask a yes/no question on a terminal."""
        ...

    def quiz_ui(self) -> QuizUi: ...


class Result(Protocol):
    """What a command returns: drawn by a view found by its type, or as JSON."""

    def to_json(self) -> dict[str, object]: ...
