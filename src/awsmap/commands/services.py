"""``awsmap services``: every AWS service in the catalog with its lifecycle."""

from typing import Annotated

from awsmap import actions
from awsmap.commands.common import JsonOpt, guarded, option
from awsmap.commands.options import RETIRED, STATUS


@guarded
def services(
    status: Annotated[
        str | None,
        option(
            STATUS,
            "Only services with this status.",
            "[available|closed-to-new-customers|end-of-support|discontinued]",
        ),
    ] = None,
    retired: Annotated[
        bool, option(RETIRED, "Only services not to recommend today (not available).")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Every AWS service in the catalog with its status, date and successors.

    [bold]Examples[/]: awsmap services · awsmap services --retired ·
    awsmap services --status end-of-support --json
    """
    actions.services(status, retired, as_json)
