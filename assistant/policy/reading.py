"""Typed reading of profile TOML tables, so every fault names the file, the key and what is wrong.

Shared by the landlord part of a profile (profiles.py) and its complaint process (process.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any


class ProfileError(ValueError):
    """A profile file that cannot be used; the message names file, key and fault."""


class TableReader:
    """Reads typed values from one TOML table, naming file and key in every error."""

    def __init__(self, path: Path, table: dict[str, Any], prefix: str = ""):
        self.path, self.table, self.prefix = path, table, prefix

    def fail(self, key: str, problem: str) -> ProfileError:
        return ProfileError(f"{self.path.name}: {self.prefix}{key}: {problem}")

    def sub(self, key: str, required: bool = True) -> TableReader:
        value = self.table.get(key)
        if value is None and not required:
            value = {}
        if not isinstance(value, dict):
            raise self.fail(key, "missing table" if value is None else "must be a table")
        return type(self)(self.path, value, f"{self.prefix}{key}.")

    def items(self, key: str) -> list[TableReader]:
        """An array of tables ([[prefix.key]]), each read with its index in the key."""
        raw = self.table.get(key, [])
        if not isinstance(raw, list):
            raise self.fail(key, f"must be an array of tables ([[{self.prefix}{key}]])")
        readers = []
        for i, item in enumerate(raw):
            if not isinstance(item, dict):
                raise self.fail(f"{key}[{i}]", "must be a table")
            readers.append(type(self)(self.path, item, f"{self.prefix}{key}[{i}]."))
        return readers

    def only(self, *keys: str) -> None:
        """Refuse keys this table does not define: a misspelt key would otherwise be ignored."""
        unknown = sorted(set(self.table) - set(keys))
        if unknown:
            raise self.fail(unknown[0], f"unknown key: use one of {', '.join(keys)}")

    def text(self, key: str, required: bool = True, pattern: re.Pattern[str] | None = None,
             choices: tuple[str, ...] | None = None) -> str:
        value = self.table.get(key, None)
        if value is None:
            if required:
                raise self.fail(key, "missing")
            return ""
        if not isinstance(value, str):
            raise self.fail(key, f"must be text, not {type(value).__name__}")
        value = value.strip()
        if required and not value:
            raise self.fail(key, "must not be empty")
        if pattern and value and not pattern.match(value):
            raise self.fail(key, f"{value!r} is not in the expected form")
        if choices and value not in choices:
            raise self.fail(key, f"{value!r} is not one of {', '.join(choices)}")
        return value

    def number(self, key: str, required: bool = True) -> int | None:
        value = self.table.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise self.fail(key, "must be a whole number above 0")
        return value

    def flag(self, key: str) -> bool:
        value = self.table.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value
