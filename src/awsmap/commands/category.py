"""``awsmap category NAME``: every technology of one category."""

from typing import Annotated

from awsmap import actions
from awsmap.commands.common import JsonOpt, guarded, name_argument
from awsmap.kinds import CATEGORY


@guarded
def category(
    name: Annotated[list[str], name_argument("NAME...", "Category id, name or alias.", CATEGORY)],
    as_json: JsonOpt = False,
) -> None:
    """Every technology of a category with its AWS equivalents.

    [bold]Examples[/]: awsmap category databases · awsmap category cache · awsmap category queues
    """
    actions.category(name, as_json)
