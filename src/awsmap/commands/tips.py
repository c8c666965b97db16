"""``awsmap tips``: interview tips, CAP theorem notes and the study strategy."""

from typing import Annotated

from awsmap import actions
from awsmap.commands.common import JsonOpt, guarded, option
from awsmap.commands.options import GROUP, RANDOM


@guarded
def tips(
    group: Annotated[str | None, option(GROUP, "Only one group.", "[tip|cap|strategy]")] = None,
    pick: Annotated[bool, option(RANDOM, "Print one tip, chosen at random.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Interview tips, CAP theorem notes (corrected) and the study strategy.

    [bold]Examples[/]: awsmap tips · awsmap tips --group cap · awsmap tips --random
    """
    actions.tips(group, pick, as_json)
