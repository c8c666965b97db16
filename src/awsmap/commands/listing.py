"""``awsmap list``: the quick reference of every technology."""

from awsmap import actions
from awsmap.commands.common import JsonOpt, guarded


@guarded
def listing(as_json: JsonOpt = False) -> None:
    """The quick reference: every technology, its category, main AWS equivalent and use case.

    [bold]Examples[/]: awsmap list · awsmap list | grep -i queue · awsmap list --json
    """
    actions.listing(as_json)
