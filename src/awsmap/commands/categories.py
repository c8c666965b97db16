"""``awsmap categories``: every category and how many technologies it holds."""

from awsmap.commands.common import JsonOpt, catalog, emit, guarded


@guarded
def categories(as_json: JsonOpt = False) -> None:
    """Every category with how many technologies it holds.

    [bold]Example[/]: awsmap categories
    """
    from awsmap import lists

    emit(lists.categories(catalog()), "json" if as_json else "table")
