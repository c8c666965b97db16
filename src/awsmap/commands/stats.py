"""``awsmap stats``: study progress: cards seen, due, retention, streak, calendar, mastery."""

from awsmap.commands.common import JsonOpt, catalog, emit, guarded


@guarded
def stats(as_json: JsonOpt = False) -> None:
    """Your study progress: due cards, retention, streak, a 12-week calendar, mastery, weak spots.

    [bold]Examples[/]: awsmap stats · awsmap stats --json
    """
    from awsmap import console
    from awsmap.study import progress

    store, notice = progress.open_store()
    if notice:
        console.error_line("note", notice)
    try:
        emit(progress.stats(catalog(), store, notice is None), "json" if as_json else "table")
    finally:
        store.close()
