"""The policy command line. Its output is a contract: other tools read it.

    python -m assistant.policy list
    python -m assistant.policy timeline --policy NAME --received YYYY-MM-DD
        [--acknowledged D] [--stage1-response D] [--escalated D] [--stage2-acknowledged D]
        [--stage2-response D] [--nation england|wales|scotland|northern-ireland]
    python -m assistant.policy check NAME

`list` prints one profile name a line; `timeline` one JSON object on one line; `check` a JSON
list (in ASCII, other characters escaped, so no locale can break the output). A mistake by the
caller (unknown profile, malformed date, facts in an impossible order) exits with status 2 and
one line on stderr; a broken profile file exits with status 1, naming the file and the key.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict
from datetime import date

from .calendar import SUBDIVISIONS
from .check import check
from .english import source_en
from .process import CODE_PROFILE
from .profiles import Profile, ProfileError, code_profile, load_profiles
from .timeline import Facts, FactsError, default_nation, profile_timeline

USAGE_ERROR = 2
BROKEN_PROFILE = 1
# The timeline's facts, as options: --stage1-response fills Facts.stage1_response, and so on.
FACT_OPTIONS = ("received", "acknowledged", "stage1_response", "escalated", "stage2_acknowledged", "stage2_response")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _Parser(argparse.ArgumentParser):
    """argparse, but every error is one line on stderr (argparse prints the usage first)."""

    def error(self, message: str):
        self.exit(USAGE_ERROR, f"{self.prog}: error: {message}\n")


class _UsageError(Exception):
    pass


# Bank-holiday data (and the Code) cover no further: a date outside is a typing slip, not a case.
YEARS = range(1900, 2200)


def _date(text: str) -> date:
    # date.fromisoformat alone would also take "20260105" and "2026-W02-1".
    try:
        if _ISO_DATE.match(text):
            day = date.fromisoformat(text)
            if day.year in YEARS:
                return day
            raise argparse.ArgumentTypeError(f"{text!r} is outside the years {YEARS.start} to {YEARS.stop - 1}")
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD")


def _option(fact: str) -> str:
    return "--" + fact.replace("_", "-")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m assistant.policy", description="Policy profiles and complaint timelines.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="{list,timeline,check}")
    commands.add_parser("list", help="print every profile name, one a line")
    line = commands.add_parser("timeline", help="print a complaint's milestones as JSON")
    line.add_argument("--policy", required=True, metavar="NAME")
    for fact in FACT_OPTIONS:
        line.add_argument(_option(fact), dest=fact, type=_date, required=fact == "received", metavar="YYYY-MM-DD")
    line.add_argument("--nation", choices=tuple(SUBDIVISIONS), help="the calendar to count working days in "
                      "(default: the landlord's nation)")
    shortfalls = commands.add_parser("check", help="print as JSON where the policy falls short of the Code")
    shortfalls.add_argument("name", metavar="NAME")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        profiles = load_profiles()
        if args.command == "list":
            print("\n".join(sorted(profiles)))
        elif args.command == "timeline":
            print(json.dumps(timeline_json(profiles, args)))
        else:
            shortfalls = check(_profile(profiles, args.name), code_profile(profiles).process)
            print(json.dumps([asdict(s) for s in shortfalls]))
    except ProfileError as exc:
        print(f"{parser.prog}: broken profile: {exc}", file=sys.stderr)
        return BROKEN_PROFILE
    except _UsageError as exc:
        parser.error(str(exc))
    return 0


def timeline_json(profiles: dict[str, Profile], args: argparse.Namespace) -> dict:
    profile = _profile(profiles, args.policy)
    nation = args.nation or default_nation(profile)
    facts = Facts(**{fact: getattr(args, fact) for fact in FACT_OPTIONS})
    try:
        milestones = profile_timeline(profile, code_profile(profiles), facts, nation)
    except FactsError as exc:
        raise _UsageError(f"{_given(facts, exc.fact)} {exc.problem} {_given(facts, exc.other)}") from exc
    return {
        "policy": profile.name,
        "nation": nation,
        "milestones": {
            name: {
                "date": m.date.isoformat(),
                "policy": m.policy.date.isoformat() if m.policy else None,
                "code": m.code.date.isoformat() if m.code else None,
                "source": source_en(m, has_policy=profile.name != CODE_PROFILE),
            }
            for name, m in milestones.items()
        },
    }


def _given(facts: Facts, fact: str) -> str:
    """"--escalated 2026-01-05" as the caller typed it, or just "--escalated" if not given."""
    when = getattr(facts, fact)
    return f"{_option(fact)} {when}" if when else _option(fact)


def _profile(profiles: dict[str, Profile], name: str) -> Profile:
    if name not in profiles:
        raise _UsageError(f"unknown policy {name!r}: use one of {', '.join(sorted(profiles))}")
    return profiles[name]
