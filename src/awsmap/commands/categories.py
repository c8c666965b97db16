"""``awsmap categories``: every category and how many technologies it holds."""

from awsmap import actions
from awsmap.commands.common import JsonOpt, guarded


@guarded
def categories(as_json: JsonOpt = False) -> None:
    """Every category with how many technologies it holds.

    [bold]Example[/]: awsmap categories
    """
    actions.categories(as_json)
