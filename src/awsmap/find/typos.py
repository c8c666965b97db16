"""When a near miss may be taken as a name: a match is an identity claim.

"kafak" is Kafka, but "redis cache" is not Azure Cache for Redis and "keda" is not KDA, although
fuzzy scores rank all three alike (80-93). So a query is taken as another spelling of a name only
when it is a typo of it: within a few edits (optimal string alignment: a swap of two neighbours
is one edit), more for longer names, none that change the first letter, and, for a short query,
none that add or drop a letter (a short alias must not pull in a longer name). Everything else is
"not found", with suggestions labelled as suggestions.
"""

from __future__ import annotations

from awsmap.base.text import normalize
from awsmap.catalog.indexformat import TYPO_TWO_EDITS

SHORTEST = 4  # a shorter query is never a typo of anything (only a suggestion)
SHORT = 5  # a query this short may only swap two letters or drop one inside ("redsi", "lamda")
LAST_LETTER = 8  # shorter than this, a name with only its last letter changed is another name


def allowed_edits(length: int) -> int:
    """How many edits a query of ``length`` characters may be from the name it means (most
    typos are one edit; a longer name leaves room for a second)."""
    if length < SHORTEST:
        return 0
    return 1 if length < TYPO_TWO_EDITS else 2 if length < 16 else 3


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
    if len(query) <= SHORT:  # "httpx" is not httpd, "keda" is not KDA: a swap or a dropped letter
        return _swapped(query, name) or _dropped_inside(query, name)
    if len(query) < LAST_LETTER and _last_letter_only(query, name):
        return False  # "athenz" is Athenz, not Athena: real names differ in the last letter
    substituted = _one_substitution(query, name)
    if substituted is not None and not _neighbours(*substituted):
        return False  # "photon" is not Proton: a slipped finger hits a neighbouring key
    return edits(query, name, limit) <= limit


_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEYS = {c: (r, i) for r, row in enumerate(_ROWS) for i, c in enumerate(row)}


def _one_substitution(query: str, name: str) -> tuple[str, str] | None:
    """The two letters, when the strings differ in exactly one position."""
    if len(query) != len(name):
        return None
    diff = [(a, b) for a, b in zip(query, name, strict=True) if a != b]
    return diff[0] if len(diff) == 1 else None


def _neighbours(a: str, b: str) -> bool:
    """Keys next to each other on a QWERTY keyboard (a row, or the rows above and below)."""
    if a not in _KEYS or b not in _KEYS:
        return True  # not a letter or digit key: no keyboard to judge by
    (ra, ia), (rb, ib) = _KEYS[a], _KEYS[b]
    return abs(ra - rb) <= 1 and abs(ia - ib) <= 1


def _last_letter_only(query: str, name: str) -> bool:
    return len(query) == len(name) and query[:-1] == name[:-1] and query[-1] != name[-1]


def _dropped_inside(query: str, name: str) -> bool:
    """The query, of five letters, is the name with one letter inside it left out ("lamda":
    Lambda); a name cut short at its end is another name ("runs" is not runsc)."""
    if len(query) < SHORT:  # "dill" is not Drill, "trio" not Trino: four letters are a word
        return False
    return len(name) == len(query) + 1 and any(
        name[:i] + name[i + 1 :] == query for i in range(1, len(name) - 1)
    )


def _swapped(query: str, name: str) -> bool:
    """The two strings differ by one swap of neighbouring letters."""
    if len(query) != len(name):
        return False
    diff = [i for i, (a, b) in enumerate(zip(query, name, strict=True)) if a != b]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and query[diff[0]] == name[diff[1]]
        and query[diff[1]] == name[diff[0]]
    )


def is_near(query: str, name: str) -> bool:
    """Close enough to be worth suggesting (never taken as the answer)."""
    limit = allowed_edits(len(query)) + 1
    return edits(query, name, limit) <= limit


def is_typo_of_name(query: str, name: str) -> bool:
    """Whether ``query`` (as typed) is a typo of ``name`` (as written in the data). A name of
    several words is compared word by word: the same words, each equal or a typo of its own
    ("kinesis data analytcs"), so that "google cloud core" is not Google Cloud CDN and
    "opentelemetry sdk" is not OpenTelemetry. One word against one word, or a phrase against a
    name spelt as one word ("dynamo db"), is compared whole."""
    asked = normalize(query).split()
    named = normalize(name).split()
    if (len(asked) <= 1 and len(named) <= 1) or "".join(asked) == "".join(named):
        return is_typo("".join(asked), "".join(named))
    if len(asked) != len(named):
        return False
    changed = [(a, n) for a, n in zip(asked, named, strict=True) if a != n]
    limit = allowed_edits(len("".join(asked)))  # the phrase's length: "aurora postgress"
    if not changed or not all(is_typo(a, n) for a, n in changed):
        return False  # each word a typo of its own ("block" is not "blob")
    return sum(edits(a, n, limit) for a, n in changed) <= limit
