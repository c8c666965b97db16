"""What the index builder and the query side must agree on: format, key levels, encodings.

A leaf module (it imports nothing of awsmap), so that building the index never imports the query
side and the query side never imports the builder.
"""

from __future__ import annotations

import zlib

# Bump whenever the tables or encodings change: every older index file is then rebuilt.
FORMAT = "11"


class Damaged(ValueError):
    """A value read from the index fails its checksum: the index is rebuilt, never trusted."""


# Sealed values. Every value the query side decodes (an entry's body and brief, a postings blob,
# the counts and notices) is stored with the CRC-32 of its bytes in front, and checked when read:
# a flipped bit in a cache file is found where it is used, for the price of a checksum of the few
# rows a command reads, instead of a checksum of the whole file on every run (7 MB: 4 ms, 5% of a
# warm lookup). Keys and display names are not sealed: keys are compared in SQL (a damaged one
# only fails to match), and a name is read by the hundred for lists, where a checksum each cost a
# tenth of a lookup.
def seal(text: str) -> str:
    return f"{zlib.crc32(text.encode()):08x}{text}"


def unseal(value: object) -> str:
    if isinstance(value, str) and len(value) >= 8:
        text = value[8:]
        try:
            if int(value[:8], 16) == zlib.crc32(text.encode()):
                return text
        except ValueError:
            pass
    raise Damaged("a value of the index fails its checksum")


def seal_bytes(blob: bytes) -> bytes:
    return zlib.crc32(blob).to_bytes(4, "big") + blob


def unseal_bytes(value: object) -> bytes:
    if isinstance(value, bytes) and len(value) >= 4:
        blob = value[4:]
        if int.from_bytes(value[:4], "big") == zlib.crc32(blob):
            return blob
    raise Damaged("a value of the index fails its checksum")


class KeyLevel:
    """Levels of the ``keys`` table: how a stored key was written (plain ints for speed)."""

    EXACT = 0  # a name, alias or id as written in the data
    NORMAL = 1  # the same in normal form (text.compact): case, spaces, punctuation folded
    IMAGE = 2  # a container image name of a technology


# Typo index. A query is taken for a name only when it is a typo of it (find/typos.py): at most
# one edit away (a swap of neighbours is one edit) for a query shorter than TYPO_TWO_EDITS
# characters, two from there. Two strings one edit apart share a string made by deleting at most
# one character from each; two edits apart, at most two from each. So every NORMAL key of up to
# TYPO_MAX_KEY characters is stored with the strings made by deleting up to ``typo_depth`` of its
# characters, and a query of up to TYPO_MAX_QUERY looks up its own: a key needs two deletions
# only for a query of TYPO_TWO_EDITS characters, and then only when the key is that long or
# longer. Every name a short query may mean is found (tests/test_resolve.py checks the answers
# against the full scan). The variants are kept in buckets by a hash, a row a bucket of about
# TYPO_BUCKET_SIZE variants with their keys: 11,000 user entries make 330,000 variants, and a
# row each took a second to write; a query reads a few dozen buckets.
TYPO_TWO_EDITS = 10
TYPO_MAX_QUERY = TYPO_TWO_EDITS
TYPO_MAX_KEY = TYPO_MAX_QUERY + 2


def typo_depth(length: int) -> int:
    """How many characters are deleted from a key, or a query, of this length."""
    return 2 if length >= TYPO_TWO_EDITS else 1


TYPO_BUCKET_SIZE = 16


def typo_buckets(variants: int) -> int:
    """How many buckets hold this many variants: a power of two."""
    return 1 << max(0, (variants // TYPO_BUCKET_SIZE).bit_length())


def typo_bucket(variant: str, buckets: int) -> int:
    return zlib.crc32(variant.encode()) & (buckets - 1)


def bucket_line(variant: str, keys: list[str]) -> str:
    """One variant of a bucket with its keys: the variant, a tab, its keys separated by spaces
    (neither a variant nor a normal key holds a space, tab or newline)."""
    return variant + "\t" + " ".join(keys)


def pack_bucket(lines: list[str]) -> str:
    """A bucket's lines, in order: the same rows however the variants were made."""
    return "\n".join(sorted(lines))


def unpack_bucket(packed: str) -> list[tuple[str, list[str]]]:
    """A bucket's variants with their keys (``bucket_line``, ``pack_bucket``)."""
    return [
        (variant, keys.split(" "))
        for variant, _, keys in (line.partition("\t") for line in packed.split("\n"))
    ]


def pack_phrases(phrases: list[tuple[str, str]]) -> str:
    """One entry's (field, terms) pairs in order, a line each: neither holds a tab or a newline
    (a field label is a name, terms are ``text.terms`` joined by spaces)."""
    return "\n".join(f"{label}\t{held}" for label, held in phrases)


def unpack_phrases(packed: str) -> list[tuple[str, str]]:
    return [
        (label, held) for label, _, held in (line.partition("\t") for line in packed.split("\n"))
    ]


# How much a match in each searched field says about an entry. Names and aliases say the most; a
# passing mention in a phrase or a pitfall the least. The order gives each field its code.
FIELD_WEIGHTS = {
    "name": 10.0,
    "aliases": 9.0,
    "what_it_is": 4.0,
    "tags": 4.0,
    "categories": 5.0,
    "use_cases": 3.0,
    "components": 2.5,
    "key_features": 2.0,
    "parallels": 2.0,
    "how": 2.0,
    "answer": 1.5,
    "pitfalls": 1.0,
    "tradeoffs": 1.0,
    "interview_phrases": 1.0,
    "sections": 1.0,
}
FIELDS = tuple(FIELD_WEIGHTS)
FIELD_CODES = {field: code for code, field in enumerate(FIELDS)}
CODE_BITS = 5
SPREAD_BITS = 3
MAX_SPREAD = (1 << SPREAD_BITS) - 1


def posting(doc: int, field: str, spread: int) -> int:
    """One entry (its document number), the most telling field a term occurs in, and in how many
    fields it occurs (capped at MAX_SPREAD), packed into one int."""
    return (
        (doc << (CODE_BITS + SPREAD_BITS))
        | (min(spread, MAX_SPREAD) << CODE_BITS)
        | FIELD_CODES[field]
    )


def unpack(packed: int) -> tuple[int, str, int]:
    """(document, field, spread) of a posting."""
    code = packed & ((1 << CODE_BITS) - 1)
    spread = (packed >> CODE_BITS) & MAX_SPREAD
    return packed >> (CODE_BITS + SPREAD_BITS), FIELDS[code], spread
