"""``awsmap architectures``: the whole designs in the data."""

from awsmap import actions
from awsmap.commands.common import JsonOpt, TagOpt, guarded


@guarded
def architectures(tag: TagOpt = None, as_json: JsonOpt = False) -> None:
    """Classic interview designs, each in its open-source form and its AWS form.

    [bold]Examples[/]: awsmap architectures · awsmap architectures --json
    """
    actions.architectures(tag, as_json)
