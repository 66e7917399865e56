"""Landlord policy profiles: one TOML file per policy, read and checked at start-up.

A profile is what a person can read and correct: the landlord's name, contact details, nation,
time limit for complaining, exclusions (each with the clause it comes from), how it takes
service requests, and its complaint process (`[process]`, read by process.py). The Code itself is
a profile too (hos-code-2024), with a process and no landlord. A file that is malformed fails
loudly, naming the file, the key and the fault, so a bad edit never reaches a resident.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .exclusions import KINDS, Treatment
from .process import CODE_PROFILE, OMBUDSMEN, Process, read_process
from .reading import ProfileError, TableReader

PROFILE_DIR = Path(__file__).parent / "profiles"
NATIONS = ("england", "wales", "scotland", "northern-ireland")
# Same alphabet as complaint references: a prefix must be readable aloud too.
_PREFIX = re.compile(r"^[A-HJ-NP-Z2-9]{2,6}$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


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
    process: Process  # its stages and time limits, each step with the clause it comes from
    data: dict[str, Any] = field(repr=False, default_factory=dict)  # the whole file, for later readers


class _Reader(TableReader):
    """The shared table reader, plus the landlord's contact tables."""

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
    process = read_process(reader, is_code=name == CODE_PROFILE)
    return Profile(name=name, title=reader.text("title"), source=reader.text("source"), path=path,
                   landlord=landlord, process=process, data=data)


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


def code_profile(profiles: dict[str, Profile]) -> Profile:
    """The Code's own profile, which every timeline and policy check needs."""
    if CODE_PROFILE not in profiles:
        raise ProfileError(f"{CODE_PROFILE}.toml: missing: the Code's profile is needed to work out any timeline")
    return profiles[CODE_PROFILE]
