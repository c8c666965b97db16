"""``awsmap question ID``: one practice question; ``--answer`` adds the model answer."""

from typing import Annotated

from awsmap import actions
from awsmap.commands.common import JsonOpt, guarded, name_argument, option
from awsmap.commands.options import ANSWER
from awsmap.kinds import QUESTION


@guarded
def question(
    name: Annotated[list[str], name_argument("ID...", "Question id or title.", QUESTION)],
    answer: Annotated[bool, option(ANSWER, "Add the model answer and the trade-offs.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """A practice question; think first, then --answer shows the model answer in both forms.

    [bold]Examples[/]: awsmap question kafka-vs-kinesis · awsmap question kafka-vs-kinesis --answer
    """
    actions.question(name, answer, as_json)
