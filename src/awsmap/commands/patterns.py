"""``awsmap patterns``: every system-design building block and its AWS answer."""

from awsmap import actions
from awsmap.commands.common import JsonOpt, TagOpt, guarded


@guarded
def patterns(tag: TagOpt = None, as_json: JsonOpt = False) -> None:
    """Every building block (rate limiting, leader election, CDC...) with its AWS answer.

    [bold]Examples[/]: awsmap patterns · awsmap patterns --tag messaging · awsmap patterns --json
    """
    actions.patterns(tag, as_json)
