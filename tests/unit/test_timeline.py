"""The timeline: hand-worked dates for every profile and milestone, states, explanations, properties.

Working days below are England's unless said (bank holidays listed in test_calendar.py). Counting
from each receipt used here, n = the nth working day strictly after it:
  Fri 6 Mar 2026 (and Sat 7 Mar): 2=Tue 10, 5=Fri 13, 10=Fri 20, 14=Thu 26, 15=Fri 27 Mar,
      20=Tue 7 Apr (Good Friday 3 and Easter Monday 6 skipped), 25=Tue 14 Apr.
  Fri 18 Dec 2026: 2=Tue 22, 5=Tue 29 Dec (Christmas 25, Boxing Day substitute 28 skipped),
      10=Wed 6 Jan (New Year's Day skipped), 14=Tue 12, 15=Wed 13, 20=Wed 20, 25=Wed 27 Jan.
  Thu 2 Apr 2026: 2=Wed 8 (3 and 6 Apr skipped), 5=Mon 13, 10=Mon 20, 14=Fri 24, 15=Mon 27 Apr,
      20=Tue 5 May (Mon 4 May skipped), 25=Tue 12 May.
  Mon 4 May 2026, a bank holiday: 2=Wed 6, 5=Mon 11, 10=Mon 18, 14=Fri 22, 15=Tue 26 May (Mon 25
      skipped), 20=Tue 2 Jun, 25=Tue 9 Jun.
The Code: acknowledge 5 wd from receipt, answer 10 wd from the acknowledgement, so 15 wd from
receipt while the acknowledgement is not known, and the extension 10 wd more (25 wd).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.policy.calendar import calendar_for
from assistant.policy.english import explanation_en, source_en
from assistant.policy.milestones import MET_BY
from assistant.policy.profiles import code_profile, load_profiles
from assistant.policy.timeline import EVENT_ORDER, Facts, FactsError, State, check_facts, profile_timeline, timeline

PROFILES = load_profiles()
CODE = code_profile(PROFILES)
ENGLAND = calendar_for("england")
LANDLORDS = sorted(name for name, p in PROFILES.items() if p.landlord)
D = date


def line(name, facts, nation=None, today=None):
    return profile_timeline(PROFILES[name], CODE, facts, nation, today)


FRI, SAT, XMAS, EASTER, HOLIDAY = D(2026, 3, 6), D(2026, 3, 7), D(2026, 12, 18), D(2026, 4, 2), D(2026, 5, 4)

# (profile, received, milestone, shown, policy's date, Code's date). Nothing else known.
STAGE_1 = [
    # The Code: 5 wd, 15 wd, 25 wd from receipt. No policy.
    ("hos-code-2024", FRI, "stage1_acknowledge_by", D(2026, 3, 13), None, D(2026, 3, 13)),
    ("hos-code-2024", FRI, "stage1_respond_by", D(2026, 3, 27), None, D(2026, 3, 27)),
    ("hos-code-2024", FRI, "stage1_respond_by_extended", D(2026, 4, 14), None, D(2026, 4, 14)),
    ("hos-code-2024", SAT, "stage1_acknowledge_by", D(2026, 3, 13), None, D(2026, 3, 13)),
    ("hos-code-2024", SAT, "stage1_respond_by", D(2026, 3, 27), None, D(2026, 3, 27)),
    ("hos-code-2024", XMAS, "stage1_acknowledge_by", D(2026, 12, 29), None, D(2026, 12, 29)),
    ("hos-code-2024", XMAS, "stage1_respond_by", D(2027, 1, 13), None, D(2027, 1, 13)),
    ("hos-code-2024", XMAS, "stage1_respond_by_extended", D(2027, 1, 27), None, D(2027, 1, 27)),
    ("hos-code-2024", EASTER, "stage1_acknowledge_by", D(2026, 4, 13), None, D(2026, 4, 13)),
    ("hos-code-2024", EASTER, "stage1_respond_by", D(2026, 4, 27), None, D(2026, 4, 27)),
    ("hos-code-2024", EASTER, "stage1_respond_by_extended", D(2026, 5, 12), None, D(2026, 5, 12)),
    ("hos-code-2024", HOLIDAY, "stage1_acknowledge_by", D(2026, 5, 11), None, D(2026, 5, 11)),
    ("hos-code-2024", HOLIDAY, "stage1_respond_by", D(2026, 5, 26), None, D(2026, 5, 26)),
    ("hos-code-2024", HOLIDAY, "stage1_respond_by_extended", D(2026, 6, 9), None, D(2026, 6, 9)),
    # Kennett: acknowledge 2 wd; answer 14 days and 14 wd from receipt, the earlier (always the 14
    # days, not moved off a weekend or holiday); no extension stated, so the Code's.
    ("kennett-clt-2025", FRI, "stage1_acknowledge_by", D(2026, 3, 10), D(2026, 3, 10), D(2026, 3, 13)),
    ("kennett-clt-2025", FRI, "stage1_respond_by", D(2026, 3, 20), D(2026, 3, 20), D(2026, 3, 27)),
    ("kennett-clt-2025", FRI, "stage1_respond_by_extended", D(2026, 4, 14), None, D(2026, 4, 14)),
    ("kennett-clt-2025", SAT, "stage1_acknowledge_by", D(2026, 3, 10), D(2026, 3, 10), D(2026, 3, 13)),
    ("kennett-clt-2025", SAT, "stage1_respond_by", D(2026, 3, 21), D(2026, 3, 21), D(2026, 3, 27)),  # a Saturday
    ("kennett-clt-2025", XMAS, "stage1_acknowledge_by", D(2026, 12, 22), D(2026, 12, 22), D(2026, 12, 29)),
    ("kennett-clt-2025", XMAS, "stage1_respond_by", D(2027, 1, 1), D(2027, 1, 1), D(2027, 1, 13)),  # New Year's Day
    ("kennett-clt-2025", XMAS, "stage1_respond_by_extended", D(2027, 1, 27), None, D(2027, 1, 27)),
    ("kennett-clt-2025", EASTER, "stage1_acknowledge_by", D(2026, 4, 8), D(2026, 4, 8), D(2026, 4, 13)),
    ("kennett-clt-2025", EASTER, "stage1_respond_by", D(2026, 4, 16), D(2026, 4, 16), D(2026, 4, 27)),
    ("kennett-clt-2025", HOLIDAY, "stage1_acknowledge_by", D(2026, 5, 6), D(2026, 5, 6), D(2026, 5, 11)),
    ("kennett-clt-2025", HOLIDAY, "stage1_respond_by", D(2026, 5, 18), D(2026, 5, 18), D(2026, 5, 26)),
    # Inspiring: acknowledge 5 wd; answer 10 days and 10 wd from receipt, the earlier (the 10 days).
    ("inspiring-housing-clt-2025", FRI, "stage1_acknowledge_by", D(2026, 3, 13), D(2026, 3, 13), D(2026, 3, 13)),
    ("inspiring-housing-clt-2025", FRI, "stage1_respond_by", D(2026, 3, 16), D(2026, 3, 16), D(2026, 3, 27)),
    ("inspiring-housing-clt-2025", FRI, "stage1_respond_by_extended", D(2026, 4, 14), None, D(2026, 4, 14)),
    ("inspiring-housing-clt-2025", SAT, "stage1_respond_by", D(2026, 3, 17), D(2026, 3, 17), D(2026, 3, 27)),
    # Before Christmas the 10 days end on Mon 28 Dec, a bank holiday, before the acknowledgement is due.
    ("inspiring-housing-clt-2025", XMAS, "stage1_acknowledge_by", D(2026, 12, 29), D(2026, 12, 29), D(2026, 12, 29)),
    ("inspiring-housing-clt-2025", XMAS, "stage1_respond_by", D(2026, 12, 28), D(2026, 12, 28), D(2027, 1, 13)),
    ("inspiring-housing-clt-2025", EASTER, "stage1_respond_by", D(2026, 4, 12), D(2026, 4, 12), D(2026, 4, 27)),
    ("inspiring-housing-clt-2025", HOLIDAY, "stage1_respond_by", D(2026, 5, 14), D(2026, 5, 14), D(2026, 5, 26)),
    # West Kent: acknowledge 5 wd; answer 10 wd from receipt; extension 10 wd more (20 wd from receipt).
    ("west-kent-ha", FRI, "stage1_acknowledge_by", D(2026, 3, 13), D(2026, 3, 13), D(2026, 3, 13)),
    ("west-kent-ha", FRI, "stage1_respond_by", D(2026, 3, 20), D(2026, 3, 20), D(2026, 3, 27)),
    ("west-kent-ha", FRI, "stage1_respond_by_extended", D(2026, 4, 7), D(2026, 4, 7), D(2026, 4, 14)),
    ("west-kent-ha", SAT, "stage1_respond_by_extended", D(2026, 4, 7), D(2026, 4, 7), D(2026, 4, 14)),
    ("west-kent-ha", XMAS, "stage1_respond_by", D(2027, 1, 6), D(2027, 1, 6), D(2027, 1, 13)),
    ("west-kent-ha", XMAS, "stage1_respond_by_extended", D(2027, 1, 20), D(2027, 1, 20), D(2027, 1, 27)),
    ("west-kent-ha", EASTER, "stage1_respond_by", D(2026, 4, 20), D(2026, 4, 20), D(2026, 4, 27)),
    ("west-kent-ha", EASTER, "stage1_respond_by_extended", D(2026, 5, 5), D(2026, 5, 5), D(2026, 5, 12)),
    ("west-kent-ha", HOLIDAY, "stage1_respond_by", D(2026, 5, 18), D(2026, 5, 18), D(2026, 5, 26)),
    ("west-kent-ha", HOLIDAY, "stage1_respond_by_extended", D(2026, 6, 2), D(2026, 6, 2), D(2026, 6, 9)),
    # KCTMO: acknowledge 2 wd; answer 10 wd from receipt; no extension stated, so the Code's.
    ("kctmo-2010", FRI, "stage1_acknowledge_by", D(2026, 3, 10), D(2026, 3, 10), D(2026, 3, 13)),
    ("kctmo-2010", SAT, "stage1_respond_by", D(2026, 3, 20), D(2026, 3, 20), D(2026, 3, 27)),
    ("kctmo-2010", XMAS, "stage1_acknowledge_by", D(2026, 12, 22), D(2026, 12, 22), D(2026, 12, 29)),
    ("kctmo-2010", XMAS, "stage1_respond_by", D(2027, 1, 6), D(2027, 1, 6), D(2027, 1, 13)),
    ("kctmo-2010", XMAS, "stage1_respond_by_extended", D(2027, 1, 27), None, D(2027, 1, 27)),
    ("kctmo-2010", EASTER, "stage1_acknowledge_by", D(2026, 4, 8), D(2026, 4, 8), D(2026, 4, 13)),
    ("kctmo-2010", HOLIDAY, "stage1_respond_by", D(2026, 5, 18), D(2026, 5, 18), D(2026, 5, 26)),
    # Support Trust: the Code's times exactly (answer 10 wd from the acknowledgement, "logged").
    ("support-trust-2025", FRI, "stage1_respond_by", D(2026, 3, 27), D(2026, 3, 27), D(2026, 3, 27)),
    ("support-trust-2025", SAT, "stage1_respond_by_extended", D(2026, 4, 14), D(2026, 4, 14), D(2026, 4, 14)),
    ("support-trust-2025", XMAS, "stage1_acknowledge_by", D(2026, 12, 29), D(2026, 12, 29), D(2026, 12, 29)),
    ("support-trust-2025", EASTER, "stage1_respond_by", D(2026, 4, 27), D(2026, 4, 27), D(2026, 4, 27)),
    ("support-trust-2025", HOLIDAY, "stage1_respond_by_extended", D(2026, 6, 9), D(2026, 6, 9), D(2026, 6, 9)),
]


@pytest.mark.parametrize("name, received, milestone, shown, policy, code", STAGE_1)
def test_stage_1_dates(name, received, milestone, shown, policy, code):
    m = line(name, Facts(received=received))[milestone]
    assert (m.date, m.policy.date if m.policy else None, m.code.date if m.code else None) == (shown, policy, code)


# The whole way through, for a complaint received before Christmas: received Fri 18 Dec 2026,
# stage 1 answer Fri 8 Jan 2027, escalated Mon 11 Jan, stage 2 answer Mon 1 Feb 2027.
# The Code's stage 2: acknowledge 5 wd from Mon 11 Jan = Mon 18 Jan; answer 20 wd from that = Mon
# 15 Feb (Tue 19 is 1 ... Fri 12 Feb 19, Mon 15 Feb 20); extension 20 wd more = Mon 15 Mar.
# Ombudsman: 12 months from Mon 1 Feb 2027 = Tue 1 Feb 2028.
WHOLE = Facts(received=D(2026, 12, 18), stage1_response=D(2027, 1, 8), escalated=D(2027, 1, 11),
              stage2_response=D(2027, 2, 1))
WHOLE_WAY = {
    "hos-code-2024": {
        "stage1_acknowledge_by": (D(2026, 12, 29), None, D(2026, 12, 29)),
        "stage1_respond_by": (D(2027, 1, 13), None, D(2027, 1, 13)),
        "stage1_respond_by_extended": (D(2027, 1, 27), None, D(2027, 1, 27)),
        # The Code sets no window to escalate: no escalate_by.
        "stage2_acknowledge_by": (D(2027, 1, 18), None, D(2027, 1, 18)),
        "stage2_respond_by": (D(2027, 2, 15), None, D(2027, 2, 15)),
        "stage2_respond_by_extended": (D(2027, 3, 15), None, D(2027, 3, 15)),
        "ombudsman_refer_by": (D(2028, 2, 1), None, D(2028, 2, 1)),
    },
    "kennett-clt-2025": {
        "stage1_acknowledge_by": (D(2026, 12, 22), D(2026, 12, 22), D(2026, 12, 29)),
        "stage1_respond_by": (D(2027, 1, 1), D(2027, 1, 1), D(2027, 1, 13)),
        "stage1_respond_by_extended": (D(2027, 1, 27), None, D(2027, 1, 27)),
        # Stage 2 from the escalation, Mon 11 Jan: 2 wd = Wed 13 Jan; 14 wd = Fri 29 Jan.
        "stage2_acknowledge_by": (D(2027, 1, 13), D(2027, 1, 13), D(2027, 1, 18)),
        "stage2_respond_by": (D(2027, 1, 29), D(2027, 1, 29), D(2027, 2, 15)),
        "stage2_respond_by_extended": (D(2027, 3, 15), None, D(2027, 3, 15)),
        "ombudsman_refer_by": (D(2028, 2, 1), None, D(2028, 2, 1)),
    },
    "inspiring-housing-clt-2025": {
        "stage1_acknowledge_by": (D(2026, 12, 29), D(2026, 12, 29), D(2026, 12, 29)),
        "stage1_respond_by": (D(2026, 12, 28), D(2026, 12, 28), D(2027, 1, 13)),
        "stage1_respond_by_extended": (D(2027, 1, 27), None, D(2027, 1, 27)),
        # Stage 2 acknowledged in 5 days (Sat 16 Jan) or 5 wd (Mon 18 Jan): the earlier.
        "stage2_acknowledge_by": (D(2027, 1, 16), D(2027, 1, 16), D(2027, 1, 18)),
        # Answered in 20 days (Sun 31 Jan) or 10 wd (Mon 25 Jan): the earlier.
        "stage2_respond_by": (D(2027, 1, 25), D(2027, 1, 25), D(2027, 2, 15)),
        "stage2_respond_by_extended": (D(2027, 3, 15), None, D(2027, 3, 15)),
        "ombudsman_refer_by": (D(2028, 2, 1), None, D(2028, 2, 1)),
    },
    "west-kent-ha": {
        "stage1_acknowledge_by": (D(2026, 12, 29), D(2026, 12, 29), D(2026, 12, 29)),
        "stage1_respond_by": (D(2027, 1, 6), D(2027, 1, 6), D(2027, 1, 13)),
        "stage1_respond_by_extended": (D(2027, 1, 20), D(2027, 1, 20), D(2027, 1, 27)),
        # 20 wd from the answer, Fri 8 Jan: Mon 11 (1) ... Fri 29 (15), Mon 1 Feb (16) ... Fri 5 Feb (20).
        "escalate_by": (D(2027, 2, 5), D(2027, 2, 5), None),
        "stage2_acknowledge_by": (D(2027, 1, 18), None, D(2027, 1, 18)),  # silent: the Code's
        # 20 wd from Mon 11 Jan = Mon 8 Feb; 10 wd more = Mon 22 Feb.
        "stage2_respond_by": (D(2027, 2, 8), D(2027, 2, 8), D(2027, 2, 15)),
        "stage2_respond_by_extended": (D(2027, 2, 22), D(2027, 2, 22), D(2027, 3, 15)),
        "ombudsman_refer_by": (D(2028, 2, 1), None, D(2028, 2, 1)),
    },
    "kctmo-2010": {
        "stage1_acknowledge_by": (D(2026, 12, 22), D(2026, 12, 22), D(2026, 12, 29)),
        "stage1_respond_by": (D(2027, 1, 6), D(2027, 1, 6), D(2027, 1, 13)),
        "stage1_respond_by_extended": (D(2027, 1, 27), None, D(2027, 1, 27)),
        "escalate_by": (D(2027, 2, 5), D(2027, 2, 5), None),
        # 2 wd from Mon 11 Jan = Wed 13 Jan; 10 wd = Mon 25 Jan.
        "stage2_acknowledge_by": (D(2027, 1, 13), D(2027, 1, 13), D(2027, 1, 18)),
        "stage2_respond_by": (D(2027, 1, 25), D(2027, 1, 25), D(2027, 2, 15)),
        "stage2_respond_by_extended": (D(2027, 3, 15), None, D(2027, 3, 15)),
        # 20 wd from Mon 1 Feb 2027: Tue 2 (1) ... Fri 26 Feb (19), Mon 1 Mar (20).
        "stage3_request_by": (D(2027, 3, 1), D(2027, 3, 1), None),
        "ombudsman_refer_by": (D(2028, 2, 1), None, D(2028, 2, 1)),
    },
    "support-trust-2025": {
        "stage1_acknowledge_by": (D(2026, 12, 29), D(2026, 12, 29), D(2026, 12, 29)),
        "stage1_respond_by": (D(2027, 1, 13), D(2027, 1, 13), D(2027, 1, 13)),
        "stage1_respond_by_extended": (D(2027, 1, 27), D(2027, 1, 27), D(2027, 1, 27)),
        # 10 wd from Fri 8 Jan: Mon 11 (1) ... Fri 22 Jan (10).
        "escalate_by": (D(2027, 1, 22), D(2027, 1, 22), None),
        "stage2_acknowledge_by": (D(2027, 1, 18), D(2027, 1, 18), D(2027, 1, 18)),
        "stage2_respond_by": (D(2027, 2, 15), D(2027, 2, 15), D(2027, 2, 15)),
        # Its extension is 10 wd (Mon 1 Mar), the Code's 20 (Mon 15 Mar).
        "stage2_respond_by_extended": (D(2027, 3, 1), D(2027, 3, 1), D(2027, 3, 15)),
        "ombudsman_refer_by": (D(2028, 2, 1), None, D(2028, 2, 1)),
    },
}


@pytest.mark.parametrize("name", sorted(WHOLE_WAY))
def test_every_milestone_of_every_profile(name):
    got = {m.name: (m.date, m.policy.date if m.policy else None, m.code.date if m.code else None)
           for m in line(name, WHOLE).values()}
    assert got == WHOLE_WAY[name]


def test_kctmo_stage_3():
    # Stage 3 asked for on Wed 3 Feb 2027: acknowledged in 2 wd (Fri 5 Feb); answered in 28 wd:
    # Thu 4 (1), Fri 5 (2), then four full weeks to Fri 5 Mar (22), Mon 8 (23) ... Mon 15 Mar (28).
    # The Code allows no third stage: no Code dates, and the Ombudsman date still runs from stage 2.
    got = line("kctmo-2010", Facts(**{**vars_of(WHOLE), "stage3_requested": D(2027, 2, 3)}))
    assert [(m.date, m.code) for m in (got["stage3_acknowledge_by"], got["stage3_respond_by"])] == [
        (D(2027, 2, 5), None), (D(2027, 3, 15), None)]
    assert got["ombudsman_refer_by"].date == D(2028, 2, 1)
    assert source_en(got["stage3_respond_by"]).startswith("The policy's time (the Code allows no third stage)")


def vars_of(facts: Facts) -> dict:
    return {name: getattr(facts, name) for name in facts.__slots__}


@pytest.mark.parametrize(
    "nation, received, expected",
    [
        # The Code's acknowledgement (5 wd) in each nation's calendar.
        # Wed 23 Dec 2026: Thu 24, Tue 29, Wed 30, Thu 31, then Mon 4 Jan (England) ...
        ("england", D(2026, 12, 23), D(2027, 1, 4)),
        ("wales", D(2026, 12, 23), D(2027, 1, 4)),
        ("northern-ireland", D(2026, 12, 23), D(2027, 1, 4)),
        # ... or Tue 5 Jan in Scotland, where Mon 4 Jan stands in for Sat 2 January.
        ("scotland", D(2026, 12, 23), D(2027, 1, 5)),
        # Thu 26 Nov 2026: Fri 27, Mon 30 (St Andrew's Day in Scotland), Tue 1, Wed 2, Thu 3 Dec.
        ("england", D(2026, 11, 26), D(2026, 12, 3)),
        ("scotland", D(2026, 11, 26), D(2026, 12, 4)),
        # Thu 2 Apr 2026: Scotland has Good Friday but no Easter Monday: Mon 6 ... Fri 10 Apr.
        ("scotland", D(2026, 4, 2), D(2026, 4, 10)),
        ("wales", D(2026, 4, 2), D(2026, 4, 13)),
        # Fri 13 Mar 2026: Mon 16, (St Patrick's Day Tue 17), Wed 18, Thu 19, Fri 20, Mon 23 Mar.
        ("northern-ireland", D(2026, 3, 13), D(2026, 3, 23)),
        ("england", D(2026, 3, 13), D(2026, 3, 20)),
        # Thu 9 Jul 2026: Fri 10, (Boyne substitute Mon 13), Tue 14 ... Fri 17 Jul.
        ("northern-ireland", D(2026, 7, 9), D(2026, 7, 17)),
        ("england", D(2026, 7, 9), D(2026, 7, 16)),
        # Thu 30 Jul 2026: Fri 31, (Scotland's Summer holiday Mon 3 Aug), Tue 4 ... Fri 7 Aug.
        ("scotland", D(2026, 7, 30), D(2026, 8, 7)),
        ("england", D(2026, 7, 30), D(2026, 8, 6)),
    ],
)
def test_each_nations_calendar(nation, received, expected):
    assert line("hos-code-2024", Facts(received=received), nation)["stage1_acknowledge_by"].date == expected


def test_which_milestones_appear():
    received = Facts(received=FRI)
    stage1 = ["stage1_acknowledge_by", "stage1_respond_by", "stage1_respond_by_extended"]
    assert list(line("west-kent-ha", received)) == stage1
    answered = Facts(received=FRI, stage1_response=D(2026, 3, 20))
    assert list(line("west-kent-ha", answered)) == stage1 + ["escalate_by"]
    # Neither the Code nor Kennett sets a window to escalate: the resident may escalate any time.
    assert list(line("hos-code-2024", answered)) == stage1
    assert list(line("kennett-clt-2025", answered)) == stage1
    escalated = Facts(received=FRI, escalated=D(2026, 3, 23))
    assert list(line("hos-code-2024", escalated)) == stage1 + [
        "stage2_acknowledge_by", "stage2_respond_by", "stage2_respond_by_extended"]
    assert "ombudsman_refer_by" not in line("hos-code-2024", escalated)
    assert "stage3_request_by" not in line("west-kent-ha", WHOLE)


def test_actual_acknowledgement_moves_later_milestones_only():
    # Code, received Fri 6 Mar 2026, acknowledged late on Fri 20 Mar: the acknowledge-by date stays
    # Fri 13 Mar (met late); the answer is 10 wd from Fri 20 Mar: Mon 23 (1) ... Thu 2 Apr (9),
    # (Good Friday, Easter Monday), Tue 7 Apr (10).
    got = line("hos-code-2024", Facts(received=FRI, acknowledged=D(2026, 3, 20)), today=D(2026, 3, 25))
    assert got["stage1_acknowledge_by"].date == D(2026, 3, 13)
    assert (got["stage1_acknowledge_by"].state, got["stage1_acknowledge_by"].met_on) == (State.MET, D(2026, 3, 20))
    assert got["stage1_respond_by"].date == D(2026, 4, 7)
    assert got["stage1_respond_by"].code.start_is_due_date is False
    # Support Trust counts from the acknowledgement too; KCTMO from receipt, so it does not move.
    late = Facts(received=FRI, acknowledged=D(2026, 3, 20))
    assert line("support-trust-2025", late)["stage1_respond_by"].date == D(2026, 4, 7)
    assert line("kctmo-2010", late)["stage1_respond_by"].policy.date == D(2026, 3, 20)


@pytest.mark.parametrize(
    "today, state",
    [(D(2026, 3, 12), State.DUE), (D(2026, 3, 13), State.DUE), (D(2026, 3, 16), State.OVERDUE)],
)
def test_due_then_overdue(today, state):
    # The Code's acknowledgement is due by Fri 13 Mar: due that day too, overdue from Monday.
    assert line("hos-code-2024", Facts(received=FRI), today=today)["stage1_acknowledge_by"].state == state


def test_states_without_today_are_none():
    assert line("hos-code-2024", Facts(received=FRI))["stage1_acknowledge_by"].state is None


def date_and(m, attribute):
    return m.date, getattr(m, attribute)


def test_an_agreed_extension():
    # Code, received Fri 6 Mar 2026, acknowledged Thu 12 Mar: answer 10 wd later = Thu 26 Mar; the
    # extension at most 10 wd more: Fri 27, Mon 30, Tue 31, Wed 1, Thu 2 Apr, (Easter), Tue 7 ... Mon 13 Apr.
    facts = Facts(received=FRI, acknowledged=D(2026, 3, 12))
    got = line("hos-code-2024", facts, today=D(2026, 3, 30))
    assert got["stage1_respond_by"].date == D(2026, 3, 26)
    assert date_and(got["stage1_respond_by_extended"], "state") == (D(2026, 4, 13), State.NOT_AGREED)
    assert got["stage1_respond_by"].state == State.OVERDUE
    # The landlord agrees Fri 10 Apr, within the limit: that date is shown, and stage 1 is extended.
    agreed = line("hos-code-2024", Facts(received=FRI, acknowledged=D(2026, 3, 12), stage1_extended_to=D(2026, 4, 10)),
                  today=D(2026, 3, 30))
    assert date_and(agreed["stage1_respond_by_extended"], "shown") == (D(2026, 4, 10), "agreed")
    assert agreed["stage1_respond_by_extended"].state == State.DUE
    assert agreed["stage1_respond_by"].state == State.EXTENDED
    assert agreed["stage1_respond_by"].date == D(2026, 3, 26)  # the fact does not move the deadline it extends
    # An agreed date beyond the Code's limit shows the limit.
    beyond = line("hos-code-2024", Facts(received=FRI, acknowledged=D(2026, 3, 12), stage1_extended_to=D(2026, 4, 20)))
    assert date_and(beyond["stage1_respond_by_extended"], "shown") == (D(2026, 4, 13), "code")
    # Stage 2, West Kent: escalated Mon 11 Jan 2027, answer due Mon 8 Feb, its extension (10 wd) Mon 22 Feb.
    stage2 = line("west-kent-ha", Facts(received=XMAS, escalated=D(2027, 1, 11), stage2_extended_to=D(2027, 2, 19)),
                  today=D(2027, 2, 23))
    assert date_and(stage2["stage2_respond_by_extended"], "state") == (D(2027, 2, 19), State.OVERDUE)
    assert stage2["stage2_respond_by"].state == State.EXTENDED


def test_an_answer_within_an_agreed_extension_is_on_time():
    # Code, received Fri 6 Mar 2026, acknowledged Thu 12 Mar: answer due Thu 26 Mar; extension agreed
    # to Fri 10 Apr; answered Wed 8 Apr. The first deadline was replaced, the extended one was met.
    facts = Facts(received=FRI, acknowledged=D(2026, 3, 12), stage1_extended_to=D(2026, 4, 10),
                  stage1_response=D(2026, 4, 8))
    got = line("hos-code-2024", facts, today=D(2026, 4, 20))
    assert got["stage1_respond_by"].state == State.EXTENDED
    extended = got["stage1_respond_by_extended"]
    assert (extended.state, extended.met_on, extended.date) == (State.MET, D(2026, 4, 8), D(2026, 4, 10))
    # Answered Mon 13 Apr, after the agreed Fri 10 Apr: met, but late against the extension.
    late = line("hos-code-2024", replace(facts, stage1_response=D(2026, 4, 13)), today=D(2026, 4, 20))
    assert late["stage1_respond_by_extended"].met_on > late["stage1_respond_by_extended"].date


def test_met_and_windows():
    got = line("west-kent-ha", WHOLE, today=D(2027, 2, 10))
    assert (got["stage1_respond_by"].state, got["stage1_respond_by"].met_on) == (State.MET, D(2027, 1, 8))
    assert got["escalate_by"].state == State.MET  # escalated Mon 11 Jan
    assert got["escalate_by"].resident_window and not got["stage1_respond_by"].resident_window
    assert got["ombudsman_refer_by"].state == State.DUE


def test_explanations():
    code = line("hos-code-2024", Facts(received=XMAS))
    assert explanation_en(code["stage1_acknowledge_by"].code) == (
        "5 working days from Friday 18 December 2026 (the day the complaint was received), "
        "skipping Christmas Day and Boxing Day (substitute day)")
    assert explanation_en(code["stage1_respond_by"].code) == (
        "10 working days from Tuesday 29 December 2026 (the day the acknowledgement is due), skipping New Year's Day")
    assert explanation_en(line("kennett-clt-2025", Facts(received=XMAS))["stage1_respond_by"].policy) == (
        "14 days from Friday 18 December 2026 (the day the complaint was received)")
    refer = line("hos-code-2024", WHOLE)["ombudsman_refer_by"].code
    assert explanation_en(refer) == "12 months from Monday 1 February 2027 (the day of the stage 2 answer)"
    assert refer.skipped_holidays() == []


def test_sources_name_the_clause():
    kennett = line("kennett-clt-2025", WHOLE)
    assert source_en(kennett["stage1_respond_by"]) == (
        "The earlier of the policy's two times, earlier than the Code's: Section 8: a written response detailing "
        "any proposed remedial action within 14 days of the receipt of the original complaint.")
    assert len(kennett["stage1_respond_by"].policy_times) == 2  # both kept
    assert source_en(kennett["stage2_respond_by_extended"]).startswith(
        "The Code's time (the policy sets none): Code 6.15")
    west_kent = line("west-kent-ha", WHOLE)
    assert source_en(west_kent["escalate_by"]).startswith("The policy's time (the Code sets none): Stage Two")
    support = line("support-trust-2025", WHOLE)
    assert source_en(support["stage2_respond_by"]).startswith("The policy's time and the Code's agree")
    assert source_en(line("hos-code-2024", WHOLE)["stage1_acknowledge_by"], has_policy=False).startswith("Code 6.2:")


@pytest.mark.parametrize(
    "facts, fault",
    [
        (Facts(received=D(2026, 3, 6), escalated=D(2026, 3, 5)), ("escalated", "received", "is before")),
        (Facts(received=D(2026, 3, 6), acknowledged=D(2026, 3, 5)), ("acknowledged", "received", "is before")),
        (Facts(received=D(2026, 3, 6), acknowledged=D(2026, 3, 20), stage1_response=D(2026, 3, 19)),
         ("stage1_response", "acknowledged", "is before")),
        (Facts(received=D(2026, 3, 6), stage1_response=D(2026, 3, 20), escalated=D(2026, 3, 19)),
         ("escalated", "stage1_response", "is before")),
        (Facts(received=D(2026, 3, 6), stage2_response=D(2026, 4, 20)),
         ("stage2_response", "escalated", "is given without")),
        (Facts(received=D(2026, 3, 6), stage1_extended_to=D(2026, 3, 1)),
         ("stage1_extended_to", "received", "is before")),
    ],
)
def test_impossible_facts(facts, fault):
    with pytest.raises(FactsError) as raised:
        timeline(None, CODE.process, facts, ENGLAND)
    assert (raised.value.fact, raised.value.other, raised.value.problem) == fault


def test_the_code_profile_as_policy_has_no_policy_dates():
    got = timeline(CODE.process, CODE.process, WHOLE, ENGLAND)
    assert all(m.policy is None for m in got.values())


# Properties. Dates 2024-2029, every profile, every nation.
profiles = st.sampled_from(sorted(PROFILES))
nations = st.sampled_from(("england", "wales", "scotland", "northern-ireland"))
days = st.dates(min_value=D(2024, 1, 1), max_value=D(2029, 12, 31))
gaps = st.integers(min_value=0, max_value=40)


@st.composite
def complaints(draw):
    """Facts in a possible order: each event some days after the one before, any of them unknown."""
    values = {"received": draw(days)}
    last = values["received"]
    for name in EVENT_ORDER[1:6]:
        last = last + timedelta(days=draw(gaps))
        if draw(st.booleans()):
            values[name] = last
    if "escalated" not in values:  # a stage 2 fact needs the escalation
        values = {k: v for k, v in values.items() if not k.startswith("stage2")}
    return Facts(**values)


@settings(max_examples=200)
@given(profiles, nations, complaints())
def test_every_working_day_deadline_is_a_working_day(name, nation, facts):
    calendar = calendar_for(nation)
    for m in line(name, facts, nation).values():
        for r in (*m.policy_times, m.policy, m.code):
            if r is not None and r.step.unit == "working_days":
                assert calendar.is_working_day(r.date), (m.name, r)


@settings(max_examples=200)
@given(profiles, nations, complaints(), st.integers(min_value=1, max_value=60))
def test_a_later_receipt_never_gives_an_earlier_deadline(name, nation, facts, delay):
    # The same complaint, every fact `delay` days later.
    later = Facts(**{k: v + timedelta(days=delay) if v else None for k, v in vars_of(facts).items()})
    before, after = line(name, facts, nation), line(name, later, nation)
    assert before.keys() == after.keys()
    for m in before.values():
        assert after[m.name].date >= m.date, m.name
    # And with nothing known but the receipt.
    just = line(name, Facts(received=facts.received), nation)
    for m in line(name, Facts(received=facts.received + timedelta(days=delay)), nation).values():
        assert m.date >= just[m.name].date


@settings(max_examples=200)
@given(profiles, nations, complaints())
def test_a_fact_never_moves_the_milestones_before_it(name, nation, facts):
    # Record the facts one at a time, in order: a milestone met by this fact or an earlier one
    # (recording the acknowledgement does not move stage1_acknowledge_by) stays where it was.
    known = {"received": facts.received}
    previous = line(name, Facts(**known), nation)
    for fact in EVENT_ORDER[1:6]:
        if getattr(facts, fact) is None:
            continue
        known[fact] = getattr(facts, fact)
        now = line(name, Facts(**known), nation)
        for m in previous.values():
            if MET_BY[m.name] and EVENT_ORDER.index(MET_BY[m.name]) <= EVENT_ORDER.index(fact):
                assert now[m.name].date == m.date, (fact, m.name)
        previous = now


@settings(max_examples=60, deadline=None)  # each example builds a calendar of its own
@given(profiles, nations, complaints(), st.integers(min_value=0, max_value=60))
def test_adding_a_bank_holiday_never_makes_a_deadline_earlier(name, nation, facts, offset):
    calendar = calendar_for(nation)
    extra = calendar.with_holidays({facts.received + timedelta(days=offset): "An extra bank holiday"})
    policy = None if name == "hos-code-2024" else PROFILES[name].process
    usual, more = timeline(policy, CODE.process, facts, calendar), timeline(policy, CODE.process, facts, extra)
    for m in usual.values():
        assert more[m.name].date >= m.date, m.name


def test_check_facts_accepts_the_same_day():
    check_facts(Facts(received=FRI, acknowledged=FRI, stage1_response=FRI, escalated=FRI, stage2_acknowledged=FRI))


# --- stage 2 around Easter 2027, England and Scotland, worked by hand --------------------------
# Good Friday 26 March 2027 is a bank holiday in both; Easter Monday 29 March only in England.
# The early May bank holiday is Monday 3 May, the spring one Monday 31 May, in both.
EASTER_STAGE2 = Facts(received=D(2027, 2, 1), acknowledged=D(2027, 2, 3), stage1_response=D(2027, 3, 10),
                      escalated=D(2027, 3, 25))


@pytest.mark.parametrize("nation, acknowledge, answer, extended", [
    # England: 5 wd after Thu 25 Mar skipping 26 and 29 Mar: Tue 30, Wed 31, Thu 1, Fri 2, Mon 5 Apr.
    # 20 wd after Mon 5 Apr: Tue 6 ... Fri 30 Apr is the 19th; Mon 3 May skipped; Tue 4 May.
    # 20 wd more: Wed 5 May ... Fri 28 May is the 18th; Mon 31 May skipped; Tue 1, Wed 2 Jun.
    ("england", D(2027, 4, 5), D(2027, 5, 4), D(2027, 6, 2)),
    # Scotland: Easter Monday is a working day: Mon 29, Tue 30, Wed 31, Thu 1, Fri 2 Apr.
    # 20 wd after Fri 2 Apr: Mon 5 ... Fri 30 Apr. 20 wd more: Mon 3 May skipped, Tue 4 May is
    # the 1st ... Fri 28 May the 19th, Mon 31 May skipped, Tue 1 Jun the 20th.
    ("scotland", D(2027, 4, 2), D(2027, 4, 30), D(2027, 6, 1)),
])
def test_the_codes_stage_2_over_easter_in_each_nation(nation, acknowledge, answer, extended):
    got = line("hos-code-2024", EASTER_STAGE2, nation=nation)
    assert got["stage2_acknowledge_by"].date == acknowledge
    assert got["stage2_respond_by"].date == answer
    assert got["stage2_respond_by_extended"].date == extended


def test_christmas_in_scotland_keeps_the_2_january_holiday():
    # Received Thu 24 Dec 2026. England: Tue 29, Wed 30, Thu 31, (Fri 1 Jan), Mon 4, Tue 5 Jan.
    # Scotland also keeps 2 January (a Saturday, so Mon 4 Jan stands in): Wed 6 Jan.
    received = Facts(received=D(2026, 12, 24))
    assert line("hos-code-2024", received, nation="england")["stage1_acknowledge_by"].date == D(2027, 1, 5)
    assert line("hos-code-2024", received, nation="scotland")["stage1_acknowledge_by"].date == D(2027, 1, 6)
