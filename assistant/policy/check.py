"""Where a policy falls short of the Housing Ombudsman's Complaint Handling Code, each with its clause.

Used by `python -m assistant.policy check NAME` and by the resident's page, which tells the
resident what the Code gives them instead (shared/DOMAIN.md: the Code is statutory, whatever the
policy says).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .calendar import WorkingDays, calendar_for
from .english import date_en
from .process import CODE_PROFILE, Process
from .profiles import Profile
from .timeline import Facts, default_nation, timeline

# The ombudsman the law gives each nation's social housing residents.
OMBUDSMAN_FOR = {"england": "housing-ombudsman", "wales": "public-services-ombudsman-wales",
                 "scotland": "spso", "northern-ireland": "nipso"}
CODE_TIME_LIMIT_MONTHS = 12

# What the Code gives the resident instead, one line per kind of shortfall.
CODE_SAYS = {
    "three_stages": "The Code allows exactly two stages: after the stage 2 answer the resident can go to "
                    "the Housing Ombudsman.",
    "time_limit": "The Code lets residents complain within 12 months of the issue, or of becoming aware of it.",
    "eight_week_rule": "The 8-week wait (or going through a designated person) was abolished on 1 October 2022: "
                       "the resident can go to the Ombudsman as soon as the landlord's process has finished.",
    "wrong_ombudsman": "Residents of a social landlord in {nation} go to {ombudsman}.",
    "slower_than_code": "The Code's time is shorter: {clause}",
}
OMBUDSMAN_NAMES = {"housing-ombudsman": "the Housing Ombudsman Service",
                   "public-services-ombudsman-wales": "the Public Services Ombudsman for Wales",
                   "spso": "the Scottish Public Services Ombudsman",
                   "nipso": "the Northern Ireland Public Services Ombudsman",
                   "local-government-ombudsman": "the Local Government and Social Care Ombudsman"}
NATION_NAMES = {"england": "England", "wales": "Wales", "scotland": "Scotland", "northern-ireland": "Northern Ireland"}

# Response times are compared on every receipt in a year, so units and anchors that differ
# (days from receipt against working days from the acknowledgement) are compared on real dates,
# bank holidays included.
SAMPLE_YEAR = 2026


@dataclass(frozen=True)
class Shortfall:
    kind: str  # a key of CODE_SAYS
    clause: str  # the policy's own words
    code: str  # what the Code (or the law) gives the resident instead
    milestone: str | None = None  # for a time longer than the Code's
    detail: str = ""  # an example, for a time longer than the Code's


def check(profile: Profile, code: Process, calendar: WorkingDays | None = None) -> list[Shortfall]:
    """Every way the profile's policy falls short of the Code; none for the Code itself."""
    process = profile.process
    if profile.name == CODE_PROFILE or process is code:
        return []
    nation = default_nation(profile)
    found = []
    if process.stages > 2:
        found.append(Shortfall("three_stages", process.stages_clause, CODE_SAYS["three_stages"]))
    limit = profile.landlord.time_limit if profile.landlord else None
    if limit and limit.months is not None and limit.months < CODE_TIME_LIMIT_MONTHS:
        found.append(Shortfall("time_limit", limit.clause, CODE_SAYS["time_limit"]))
    if process.eight_week_rule:
        found.append(Shortfall("eight_week_rule", process.eight_week_rule_clause, CODE_SAYS["eight_week_rule"]))
    if process.ombudsman_named != OMBUDSMAN_FOR[nation]:
        says = CODE_SAYS["wrong_ombudsman"].format(nation=NATION_NAMES[nation],
                                                   ombudsman=OMBUDSMAN_NAMES[OMBUDSMAN_FOR[nation]])
        found.append(Shortfall("wrong_ombudsman", process.ombudsman_clause, says))
    found += slower_than_code(process, code, calendar or calendar_for(nation))
    return found


def slower_than_code(policy: Process, code: Process, calendar: WorkingDays) -> list[Shortfall]:
    """Landlord deadlines where the policy's date is ever later than the Code's."""
    found: dict[str, Shortfall] = {}
    day = date(SAMPLE_YEAR, 1, 1)
    while day.year == SAMPLE_YEAR:
        # Once with nothing known (each reading's own acknowledge-by dates), and once with the
        # acknowledgements on the day itself, which shows a policy counting from receipt up to
        # a time the Code counts from the acknowledgement.
        samples = [Facts(received=day, escalated=day)]
        if calendar.is_working_day(day):
            samples.append(Facts(received=day, acknowledged=day, escalated=day, stage2_acknowledged=day))
        for facts in samples:
            for m in timeline(policy, code, facts, calendar).values():
                if m.name in found or m.resident_window or not (m.policy and m.code) or m.policy.date <= m.code.date:
                    continue
                detail = (f"For a complaint received on {date_en(day)}, the policy allows until "
                          f"{date_en(m.policy.date)} and the Code until {date_en(m.code.date)}.")
                found[m.name] = Shortfall("slower_than_code", m.policy.step.clause,
                                          CODE_SAYS["slower_than_code"].format(clause=m.code.step.clause),
                                          m.name, detail)
        day += timedelta(days=1)
    return list(found.values())
