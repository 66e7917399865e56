"""Every word a template shows goes through gettext: a literal left in a template would stay
English in every language, silently. This reads each template, removes Jinja's own markup, and
fails on any text (or user-visible attribute) that is left with a letter in it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "assistant" / "templates"
JINJA = re.compile(r"{{.*?}}|{%.*?%}|{#.*?#}", re.S)
VISIBLE_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder"}
# Macros build ids and attributes from pieces ("-day", 'aria-describedby="...'): markup, never prose.
MARKUP_PIECE = re.compile(r"^-[a-z-]+$|=")
LETTER = re.compile(r"[^\W\d_]", re.U)


class TextFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        attributes = dict(attrs)
        shown = set(VISIBLE_ATTRIBUTES)
        if tag == "input" and attributes.get("type") in ("submit", "button", "reset"):
            shown.add("value")  # the words on the button
        for name, value in attrs:
            if name in shown and value and LETTER.search(value):
                self.found.append((self.getpos()[0], f'{name}="{value}"'))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and LETTER.search(data) and not MARKUP_PIECE.search(data.strip()):
            self.found.append((self.getpos()[0], data.strip()))


def literal_text(source: str) -> list[tuple[int, str]]:
    # Keep line numbers: replace each Jinja span with as many newlines as it had.
    stripped = JINJA.sub(lambda m: "\n" * m.group(0).count("\n"), source)
    finder = TextFinder()
    finder.feed(stripped)
    return finder.found


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.html")) + sorted(TEMPLATES.rglob("*.txt")),
                         ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_no_template_shows_text_that_is_not_marked_for_translation(path):
    assert literal_text(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_an_unmarked_word():
    assert literal_text("<p>{{ _('Fine') }}</p><p>Oops</p>") == [(1, "Oops")]
    assert literal_text('<img alt="A picture">') == [(1, 'alt="A picture"')]
    assert literal_text("<p>{{ x }}: 12</p>") == []
    assert literal_text('<input type="submit" value="Go">') == [(1, 'value="Go"')]
