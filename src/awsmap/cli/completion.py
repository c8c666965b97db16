"""Shell completion of command words from the names of entries in the catalog."""

from __future__ import annotations

from awsmap.cli.options import Completer

MAX_CHOICES = 200


def names_of(*kinds: str) -> Completer:
    """A completer over the entries of ``kinds`` (attribute names in ``catalog.kinds``, looked
    up only when the shell asks, so that building the table imports no catalog module)."""

    def complete(incomplete: str) -> list[tuple[str, str]]:
        try:
            from awsmap.base.paths import user_data_paths
            from awsmap.catalog import kinds as registry
            from awsmap.catalog.reader import Catalog

            cat = Catalog.open(user_data_paths())
            prefix = incomplete.casefold()
            out: dict[str, str] = {}
            for attribute in kinds:
                for entry_id, name in cat.names(getattr(registry, attribute)).items():
                    if entry_id.startswith(prefix) or name.casefold().startswith(prefix):
                        out.setdefault(entry_id, name)
            return sorted(out.items())[:MAX_CHOICES]
        except Exception:  # completion must never print a traceback into the shell
            return []

    return complete


TECH_OR_SERVICE = names_of("TECHNOLOGY", "AWS_SERVICE")
SERVICE = names_of("AWS_SERVICE")
CATEGORY = names_of("CATEGORY")
PATTERN = names_of("PATTERN")
ARCHITECTURE = names_of("ARCHITECTURE")
QUESTION = names_of("QUESTION")
