"""The JSON renderer: one document per command, safe to paste into any terminal."""

from __future__ import annotations

import json
import re
from typing import Any

# json.dumps escapes C0 controls already; C1 controls, bidi overrides and lone surrogates (which
# no encoder accepts) are escaped here too, so the document stays valid and inert.
_UNSAFE = "[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


def dumps(result: Any, ascii_only: bool = False) -> str:
    return inert(json.dumps(result.to_json(), ensure_ascii=ascii_only, indent=2)) + "\n"


def line(data: Any, ascii_only: bool = False) -> str:
    """One compact JSON document on one line (JSON Lines)."""
    return inert(json.dumps(data, ensure_ascii=ascii_only)) + "\n"


def inert(text: str) -> str:
    if not text.isascii():
        text = re.sub(_UNSAFE, lambda m: f"\\u{ord(m.group()):04x}", text)
    return text
