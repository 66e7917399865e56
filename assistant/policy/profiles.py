"""Landlord policy profiles: one TOML file per policy, read and checked at start-up.

A profile is what a person can read and correct: the landlord's name, contact details, nation,
time limit for complaining, exclusions (each with the clause it comes from) and how it takes
service requests. A file that is malformed fails loudly, naming the file, the key and the fault,
so a bad edit never reaches a resident.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .exclusions import KINDS, Treatment

PROFILE_DIR = Path(__file__).parent / "profiles"
NATIONS = ("england", "wales", "scotland", "northern-ireland")
OMBUDSMEN = ("housing-ombudsman", "public-services-ombudsman-wales", "spso", "nipso", "local-government-ombudsman")
# Same alphabet as complaint references: a prefix must be readable aloud too.
_PREFIX = re.compile(r"^[A-HJ-NP-Z2-9]{2,6}$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class ProfileError(ValueError):
    """A profile file that cannot be used; the message names file, key and fault."""


@dataclass(frozen=True)
class Contact:
    phone: str = ""
    email: str = ""
    post: str = ""
    in_person: str = ""
    website: str = ""
    hours: str = ""

    def channels(self) -> dict[str, str]:
        """The channels the landlord actually gave, in a stable order."""
        return {k: v for k, v in vars(self).items() if v and k != "hours"}


@dataclass(frozen=True)
class Exclusion:
    kind: str
    clause: str  # the policy's own words, so a resident and a caseworker can check it
    where_else: str = ""  # where the resident can go instead, in the landlord's words

    @property
    def treatment(self) -> Treatment:
        return KINDS[self.kind]


@dataclass(frozen=True)
class TimeLimit:
    months: int | None  # None: the policy sets none, so the Code's 12 months applies
    clause: str


@dataclass(frozen=True)
class Landlord:
    slug: str
    name: str
    reference_prefix: str
    nation: str
    ombudsman: str
    brand_colour: str
    contact: Contact
    repairs: Contact
    emergency_phone: str
    time_limit: TimeLimit
    exclusions: tuple[Exclusion, ...]
    what_happens_next: str  # in the landlord's words, for the confirmation page
    policy_name: str = ""

    def exclusion(self, kind: str) -> Exclusion | None:
        return next((e for e in self.exclusions if e.kind == kind), None)


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    source: str
    path: Path
    landlord: Landlord | None  # None for the Code itself, which is no landlord
    data: dict[str, Any] = field(repr=False, default_factory=dict)  # the whole file, for later readers


class _Reader:
    """Reads typed values from one TOML table, naming file and key in every error."""

    def __init__(self, path: Path, table: dict[str, Any], prefix: str = ""):
        self.path, self.table, self.prefix = path, table, prefix

    def fail(self, key: str, problem: str) -> ProfileError:
        return ProfileError(f"{self.path.name}: {self.prefix}{key}: {problem}")

    def sub(self, key: str, required: bool = True) -> _Reader:
        value = self.table.get(key)
        if value is None and not required:
            value = {}
        if not isinstance(value, dict):
            raise self.fail(key, "missing table" if value is None else "must be a table")
        return _Reader(self.path, value, f"{self.prefix}{key}.")

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

    def contact(self, key: str, required: bool = True) -> Contact:
        table = self.sub(key, required)
        unknown = set(table.table) - set(Contact.__dataclass_fields__)
        if unknown:
            raise table.fail(sorted(unknown)[0], "unknown contact channel")
        contact = Contact(**{k: table.text(k, required=False) for k in Contact.__dataclass_fields__})
        if required and not contact.channels():
            raise self.fail(key, "give at least one way to get in touch")
        return contact


def _read_landlord(reader: _Reader, policy_name: str) -> Landlord:
    r = reader.sub("landlord")
    limit = r.sub("time_limit")
    exclusions = []
    raw = r.table.get("exclusions", [])
    if not isinstance(raw, list):
        raise r.fail("exclusions", "must be an array of tables ([[landlord.exclusions]])")
    for i, item in enumerate(raw):
        if not isinstance(item, dict):
            raise r.fail(f"exclusions[{i}]", "must be a table")
        e = _Reader(r.path, item, f"{r.prefix}exclusions[{i}].")
        exclusions.append(Exclusion(kind=e.text("kind", choices=tuple(KINDS)), clause=e.text("clause"),
                                    where_else=e.text("where_else", required=False)))
    kinds = [e.kind for e in exclusions]
    if len(kinds) != len(set(kinds)):
        raise r.fail("exclusions", "each kind may appear once")
    return Landlord(
        slug=r.text("slug", pattern=_SLUG),
        name=r.text("name"),
        reference_prefix=r.text("reference_prefix", pattern=_PREFIX),
        nation=r.text("nation", choices=NATIONS),
        ombudsman=r.text("ombudsman", choices=OMBUDSMEN),
        brand_colour=r.text("brand_colour", pattern=_COLOUR),
        contact=r.contact("contact"),
        repairs=r.contact("repairs"),
        emergency_phone=r.text("emergency_phone", required=False),
        time_limit=TimeLimit(months=limit.number("months", required=False), clause=limit.text("clause")),
        exclusions=tuple(exclusions),
        what_happens_next=r.text("what_happens_next"),
        policy_name=policy_name,
    )


def load_profile(path: Path) -> Profile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path.name}: not valid TOML: {exc}") from exc
    reader = _Reader(path, data)
    name = reader.text("name", pattern=_SLUG)
    if name != path.stem:
        raise reader.fail("name", f"{name!r} must match the file name {path.stem!r}")
    landlord = _read_landlord(reader, name) if "landlord" in data else None
    return Profile(name=name, title=reader.text("title"), source=reader.text("source"), path=path,
                   landlord=landlord, data=data)


def load_profiles(directory: Path = PROFILE_DIR) -> dict[str, Profile]:
    """Every profile in the folder, by name; landlord slugs must be unique."""
    profiles = {p.stem: load_profile(p) for p in sorted(directory.glob("*.toml"))}
    slugs: dict[str, str] = {}
    for profile in profiles.values():
        if profile.landlord:
            other = slugs.setdefault(profile.landlord.slug, profile.name)
            if other != profile.name:
                raise ProfileError(f"{profile.path.name}: landlord.slug: {profile.landlord.slug!r} is also used by {other}")
    return profiles


def landlords(profiles: dict[str, Profile]) -> dict[str, Landlord]:
    """The landlords among the profiles, by slug, in name order."""
    found = (p.landlord for p in profiles.values() if p.landlord)
    return {l.slug: l for l in sorted(found, key=lambda l: l.name)}
