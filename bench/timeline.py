"""Timelines computed per second on one core (target: at least 50,000).

    .venv/bin/python bench/timeline.py [--seconds 2]

Each timeline is a real one: a landlord's policy against the Code, for a receipt on a different
day each time (so no cache of whole timelines can help), with the stage 1 answer and the
escalation known, which makes most milestones appear. Prints the rate and exits 1 below target.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.policy.calendar import calendar_for  # noqa: E402
from assistant.policy.profiles import code_profile, load_profiles  # noqa: E402
from assistant.policy.timeline import Facts, timeline  # noqa: E402

TARGET = 50_000


def cases(count: int) -> list[Facts]:
    """Receipts on `count` consecutive days from 2026, each answered and escalated."""
    first = date(2026, 1, 1)
    facts = []
    for i in range(count):
        received = first + timedelta(days=i % 730)
        facts.append(Facts(received=received, acknowledged=received + timedelta(days=2),
                           stage1_response=received + timedelta(days=12), escalated=received + timedelta(days=15)))
    return facts


def rate(seconds: float) -> float:
    profiles = load_profiles()
    code = code_profile(profiles).process
    policies = [p.process for p in profiles.values() if p.landlord]
    calendar = calendar_for("england")
    batch = cases(1000)
    for facts in batch:  # build the calendar's lookup tables before the clock starts
        timeline(policies[0], code, facts, calendar)
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        for i, facts in enumerate(batch):
            timeline(policies[i % len(policies)], code, facts, calendar)
        done += len(batch)
    return done / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    per_second = rate(parser.parse_args().seconds)
    print(f"{per_second:,.0f} timelines per second on one core (target {TARGET:,})")
    return 0 if per_second >= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
