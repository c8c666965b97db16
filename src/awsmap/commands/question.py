"""``awsmap question ID``: one practice question; ``--answer`` adds the model answer."""

from typing import Annotated

import typer

from awsmap.commands.common import JsonOpt, catalog, emit, guarded, name_argument, words
from awsmap.kinds import QUESTION


@guarded
def question(
    name: Annotated[list[str], name_argument("ID...", "Question id or title.", QUESTION)],
    answer: Annotated[
        bool, typer.Option("--answer", help="Add the model answer and the trade-offs.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """A practice question; think first, then --answer shows the model answer in both forms.

    [bold]Examples[/]: awsmap question kafka-vs-kinesis · awsmap question kafka-vs-kinesis --answer
    """
    from awsmap import library

    emit(library.question(catalog(), words(name), answer), "json" if as_json else "table")
