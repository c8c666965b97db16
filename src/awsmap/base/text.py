"""String helpers shared by resolution, search and display: one normal form, one safe form."""

from __future__ import annotations

import re

_NON_WORD = r"[^0-9a-z+#]+"
# Leading words that carry no meaning when matching a name: "Apache Kafka" is "kafka".
_NOISE_PREFIXES = ("apache ", "amazon ", "aws ", "the ")
# C0 and C1 controls, DEL, and the bidirectional overrides that can disguise text in a terminal.
_UNSAFE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
ECHO_LIMIT = 60


def _fold(text: str) -> str:
    """Case and compatibility folding; ASCII (nearly every query) skips the Unicode tables."""
    if text.isascii():
        return text.lower()
    import unicodedata

    return unicodedata.normalize("NFKC", text).casefold()


def normalize(name: str) -> str:
    """The form names are compared in: case, width, spacing, punctuation, noise prefixes folded."""
    folded = _fold(name)
    words = re.sub(_NON_WORD, " ", folded).strip()
    changed = True
    while changed:
        changed = False
        for prefix in _NOISE_PREFIXES:
            if words.startswith(prefix) and len(words) > len(prefix):
                words = words[len(prefix) :]
                changed = True
    return words


def compact(name: str) -> str:
    """The normal form without spaces, so that "rabbit mq" meets "rabbitmq"."""
    found = _COMPACT.get(name)
    if found is None:
        found = _COMPACT[name] = normalize(name).replace(" ", "")
    return found


# Each name's compact form, remembered: building an index checks every name for clashes, keys it,
# and makes its typo variants (three passes over 49,000 names for 11,000 user entries).
_COMPACT: dict[str, str] = {}


def safe(text: str) -> str:
    """Make text from data or argv inert on a terminal: controls shown as escapes, never obeyed."""
    return re.sub(_UNSAFE, _escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """Text from argv as valid Unicode: bytes that were not UTF-8 become U+FFFD."""
    if text.isascii():
        return text
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def counted(number: int, word: str, plural: str | None = None) -> str:
    """'1 component', '2 components', '0 AWS services'."""
    return f"{number} {word if number == 1 else plural or word + 's'}"


def quoted(query: str) -> str:
    """A user's query quoted for a message: safe, on one line, and not a 100 KB wall."""
    flat = safe(query.replace("\n", " ").replace("\t", " "))
    if len(flat) > ECHO_LIMIT:
        flat = flat[: ECHO_LIMIT - 1] + "…"
    return f"'{flat}'"


_WORD = r"[0-9a-z+#]+"
_STOP = frozenset("a an and as at by for from in into is it of on or the to with like via".split())


def stem(word: str) -> str:
    """A deliberately small stemmer: enough for 'processing' to meet 'processes', 'cache' to
    meet 'caching' and 'denormalization' to meet 'denormalize', no more."""
    if len(word) <= 4:
        return word
    if word.endswith(("ization", "isation")):  # normalization meets normalize
        return word[:-7] + "iz"
    if word.endswith(("ism", "ous")) and len(word) >= 8:  # asynchronism meets asynchronous
        return word[:-3]
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("ing") and len(word) >= 7:
        word = word[:-3]
    elif word.endswith("ed") and len(word) >= 6:
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


_STEMS: dict[str, str] = {}  # a word's stem, remembered: the same words recur in every text


def terms(text: str) -> list[str]:
    """The search terms of a text, in order, stop words dropped."""
    return _terms_of_folded(_fold(text))


def _terms_of_folded(folded: str) -> list[str]:
    found = []
    for word in re.findall(_WORD, folded):
        if word not in _STOP:
            term = _STEMS.get(word)
            if term is None:
                term = _STEMS[word] = stem(word)
            found.append(term)
    return found


def flat_text(value: object) -> str:
    """The words of a data value: a string, or the strings inside a mapping or list."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(flat_text(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(flat_text(v) for v in value)
    return ""


def deletions(word: str, depth: int) -> set[str]:
    """Every string made by deleting up to ``depth`` characters (the word itself included)."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def similarity(a: str, b: str) -> float:
    """rapidfuzz's ``fuzz.ratio`` (normalised Indel similarity, 0-100), for a few short pairs."""
    if not a and not b:
        return 100.0
    previous = [0] * (len(b) + 1)
    for ch in a:
        current = [0]
        for j, other in enumerate(b):
            current.append(previous[j] + 1 if ch == other else max(previous[j + 1], current[j]))
        previous = current
    return 200.0 * previous[-1] / (len(a) + len(b))


def first_sentence(text: str, limit: int = 160) -> str:
    """The first sentence of a description, for one-line lists; cut at ``limit`` characters."""
    head = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return head if len(head) <= limit else head[: limit - 1].rstrip() + "…"


def plain_number(value: float) -> str:
    """A figure as people write it: thousands separators and never an exponent (12,500,000;
    48.8; 0.25). The one place a number from the data becomes text."""
    if float(value).is_integer():
        return f"{int(value):,}"
    mantissa, _, exponent = repr(float(value)).partition("e")  # 1e-05: the decimals it needs
    places = len(mantissa.partition(".")[2]) - int(exponent or 0)
    return f"{value:,.{places}f}"
