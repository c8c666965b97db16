"""``awsmap architectures``: the whole designs in the data."""

from awsmap.commands.common import JsonOpt, TagOpt, catalog, emit, guarded


@guarded
def architectures(tag: TagOpt = None, as_json: JsonOpt = False) -> None:
    """Classic interview designs, each in its open-source form and its AWS form.

    [bold]Examples[/]: awsmap architectures · awsmap architectures --json
    """
    from awsmap import library

    emit(library.architectures(catalog(), tag), "json" if as_json else "table")
