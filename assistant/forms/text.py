"""Cleaning free text: what a resident types is stored as plain text and escaped on output."""

from __future__ import annotations

import html
import re
import unicodedata

import bleach

# C0/C1 control characters and the invisible format characters that can hide or reorder text
# (zero-width space, bidi embeddings, overrides and isolates, invisible operators, BOM); newlines
# and tabs are kept. The zero-width joiner and non-joiner (U+200C, U+200D) and the left-to-right
# and right-to-left marks (U+200E, U+200F) are kept: Bengali, Urdu, Arabic and emoji need them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def clean_text(value: str | None) -> tuple[str, bool]:
    """(plain text, whether markup was removed). Escaping is the templates' job, not ours."""
    if not value:
        return "", False
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text).strip()
    # bleach strips tags and escapes the rest; unescape so "<2 weeks" stays as typed.
    stripped = html.unescape(bleach.clean(text, tags=set(), strip=True, strip_comments=True)).strip()
    return stripped, stripped != text
