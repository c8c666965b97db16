"""``awsmap stats``: study progress: cards seen, due, retention, streak, calendar, mastery."""

from awsmap import actions
from awsmap.commands.common import JsonOpt, guarded


@guarded
def stats(as_json: JsonOpt = False) -> None:
    """Your study progress: due cards, retention, streak, a 12-week calendar, mastery, weak spots.

    [bold]Examples[/]: awsmap stats · awsmap stats --json
    """
    actions.stats(as_json)
