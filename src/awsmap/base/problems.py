"""A problem found in a data file, placed as precisely as we can (file, line, entry, field)."""

from typing import Any, NamedTuple


class Problem(NamedTuple):
    file: str
    message: str
    line: int | None = None
    column: int | None = None
    entry: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column}"
        subject = ""
        if self.entry:
            subject += f" {self.entry}"
        if self.field:
            subject += f" field '{self.field}'"
        return f"{where}:{subject}{':' if subject else ''} {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "entry": self.entry,
            "field": self.field,
            "message": self.message,
        }
