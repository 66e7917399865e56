"""Every language's catalogue is complete: every string there, none empty or fuzzy, the same
placeholders as the English, every plural form; and the template itself is up to date."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from assistant.config import settings

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "assistant" / "translations"
LANGUAGES = [code for code in settings(str(ROOT / "instance"))["LANGUAGES"] if code != "en"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%")
# Welsh and Arabic have six plural forms (CLDR); Babel's default for Welsh has only five.
PLURAL_FORMS = {"cy": 6, "ar": 6, "pl": 3, "ro": 3, "pt": 2, "es": 2, "bn": 2, "ur": 2}


def read(path: Path):
    with path.open("rb") as source:
        return read_po(source)


def template_ids(catalogue) -> set:
    return {m.id for m in catalogue if m.id}


@pytest.fixture(scope="module")
def template():
    return read(TRANSLATIONS / "messages.pot")


def test_the_template_holds_every_marked_string(tmp_path, template):
    """A string added to the code but not extracted would reach no translator."""
    fresh = tmp_path / "fresh.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "_l",
                    "-k", "lazy_gettext", "-k", "lazy_ngettext:1,2", "--no-wrap", "-o", str(fresh), "."],
                   cwd=ROOT, check=True, capture_output=True)
    missing = template_ids(read(fresh)) - template_ids(template)
    assert not missing, f"run `make update-translations`: {sorted(map(str, missing))[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_is_complete_and_keeps_the_placeholders(language, template):
    catalogue = read(TRANSLATIONS / language / "LC_MESSAGES" / "messages.po")
    assert catalogue.num_plurals == PLURAL_FORMS[language]
    problems = []
    translated = {m.id: m for m in catalogue if m.id}
    for wanted in template:
        if not wanted.id:
            continue
        message = translated.get(wanted.id)
        if message is None:
            problems.append(("missing", wanted.id))
            continue
        if message.fuzzy:
            problems.append(("fuzzy", wanted.id))
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if isinstance(message.id, tuple) and len(strings) != catalogue.num_plurals:
            problems.append(("plural forms", wanted.id))
        english = set(PLACEHOLDER.findall(ids[0])) | set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            if not text.strip():
                problems.append(("empty", wanted.id))
            elif set(PLACEHOLDER.findall(text)) != english:
                problems.append(("placeholders", wanted.id, text))
    assert not problems, problems[:10]
