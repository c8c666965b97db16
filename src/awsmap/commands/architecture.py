"""``awsmap architecture NAME``: one design, in open-source and AWS form, with its trade-offs."""

from typing import Annotated

from awsmap import actions
from awsmap.commands.common import FormatOpt, JsonOpt, checked_format, guarded, name_argument
from awsmap.kinds import ARCHITECTURE


@guarded
def architecture(
    name: Annotated[list[str], name_argument("NAME...", "Architecture id or name.", ARCHITECTURE)],
    fmt: FormatOpt = "table",
    as_json: JsonOpt = False,
) -> None:
    """A design: its components in open-source and AWS form, the flow and the trade-offs.

    [bold]Examples[/]: awsmap architecture url shortener ·
    awsmap architecture chat --format mermaid · awsmap architecture payments --format markdown
    """
    actions.architecture(name, checked_format(fmt), as_json)
