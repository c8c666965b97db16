"""``awsmap questions``: practice questions, optionally of one tag."""

from awsmap import actions
from awsmap.commands.common import JsonOpt, TagOpt, guarded


@guarded
def questions(tag: TagOpt = None, as_json: JsonOpt = False) -> None:
    """Practice questions interviewers ask about these technologies.

    [bold]Examples[/]: awsmap questions · awsmap questions --tag messaging
    """
    actions.questions(tag, as_json)
