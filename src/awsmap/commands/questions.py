"""``awsmap questions``: practice questions, optionally of one tag."""

from awsmap.commands.common import JsonOpt, TagOpt, catalog, emit, guarded


@guarded
def questions(tag: TagOpt = None, as_json: JsonOpt = False) -> None:
    """Practice questions interviewers ask about these technologies.

    [bold]Examples[/]: awsmap questions · awsmap questions --tag messaging
    """
    from awsmap import library

    emit(library.questions(catalog(), tag), "json" if as_json else "table")
