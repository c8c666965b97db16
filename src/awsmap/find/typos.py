"""When a near miss may be taken as a name: a match is an identity claim.

"kafak" is Kafka, but "redis cache" is not Azure Cache for Redis and "keda" is not KDA, although
fuzzy scores rank all three alike (80-93). So a query is taken as another spelling of a name only
when it is a typo of it: within a few edits (optimal string alignment: a swap of two neighbours
is one edit), more for longer names, none that change the first letter, and, for a short query,
none that add or drop a letter (a short alias must not pull in a longer name). Everything else is
"not found", with suggestions labelled as suggestions.
"""

from __future__ import annotations

SHORTEST = 4  # a shorter query is never a typo of anything (only a suggestion)
SHORT = 5  # a query this short may only swap or change letters, not add or drop them


def allowed_edits(length: int) -> int:
    """How many edits a query of ``length`` characters may be from the name it means."""
    if length < SHORTEST:
        return 0
    return 1 if length < 8 else 2 if length < 14 else 3


def edits(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance between ``a`` and ``b``, or ``limit + 1`` as soon as it
    is known to exceed ``limit`` (the names are short: a plain table is fast enough)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            best = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, before[j - 2] + 1)
            current.append(best)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return row[-1]


def is_typo(query: str, name: str) -> bool:
    """Whether ``query`` (a name's normal form) is a typo of ``name`` (another normal form)."""
    limit = allowed_edits(len(query))
    if limit == 0 or not name or query[0] != name[0]:
        return False
    if len(query) <= SHORT and len(name) != len(query):
        return False
    return edits(query, name, limit) <= limit


def is_near(query: str, name: str) -> bool:
    """Close enough to be worth suggesting (never taken as the answer)."""
    limit = allowed_edits(len(query)) + 1
    return edits(query, name, limit) <= limit
