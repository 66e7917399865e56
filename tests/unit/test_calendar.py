"""Working days per nation: hand-worked dates around each nation's holidays, and properties.

Convention (DOMAIN.md): "N working days from D" is the Nth working day strictly after D; D never
counts. Bank holidays used below (GOV.UK):
  England and Wales 2026: Thu 1 Jan, Fri 3 Apr (Good Friday), Mon 6 Apr (Easter Monday), Mon 4 May,
    Mon 25 May, Mon 31 Aug, Fri 25 Dec, Mon 28 Dec (Boxing Day falls on Saturday: substitute).
  England 2027: Fri 1 Jan, Fri 26 Mar, Mon 29 Mar, Mon 27 Dec and Tue 28 Dec (both substitutes).
  Scotland: 2 January too (2026: Fri 2 Jan; 2027: Sat 2 Jan -> Mon 4 Jan), no Easter Monday,
    Summer holiday Mon 3 Aug 2026 (not 31 Aug), St Andrew's Day (2025: Sun 30 Nov -> Mon 1 Dec;
    2026: Mon 30 Nov).
  Northern Ireland: St Patrick's Day (Tue 17 Mar 2026), Battle of the Boyne (2026: Sun 12 Jul ->
    Mon 13 Jul; 2027: Mon 12 Jul).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.policy.calendar import (
    EXTRA_HOLIDAYS_FILE,
    WorkingDays,
    add_days,
    add_months,
    calendar_for,
    extra_holidays,
)
from assistant.policy.reading import ProfileError

NATIONS = ("england", "wales", "scotland", "northern-ireland")


@pytest.mark.parametrize(
    "nation, start, n, expected",
    [
        # Christmas 2026: Fri 18 Dec -> Mon 21 (1), Tue 22 (2), Wed 23 (3), Thu 24 (4), Fri 25 Christmas Day,
        # Sat, Sun, Mon 28 Boxing Day substitute, Tue 29 (5).
        ("england", date(2026, 12, 18), 5, date(2026, 12, 29)),
        ("wales", date(2026, 12, 18), 5, date(2026, 12, 29)),
        ("scotland", date(2026, 12, 18), 5, date(2026, 12, 29)),
        ("northern-ireland", date(2026, 12, 18), 5, date(2026, 12, 29)),
        # New Year: Wed 23 Dec 2026 -> Thu 24 (1), Tue 29 (2), Wed 30 (3), Thu 31 (4), Fri 1 Jan holiday,
        # Mon 4 Jan (5) in England ...
        ("england", date(2026, 12, 23), 5, date(2027, 1, 4)),
        # ... but in Scotland Mon 4 Jan 2027 is the substitute for Sat 2 January: Tue 5 Jan (5).
        ("scotland", date(2026, 12, 23), 5, date(2027, 1, 5)),
        # Scotland's 2 January on a weekday: Wed 31 Dec 2025 -> Thu 1 and Fri 2 Jan skipped -> Mon 5 Jan.
        ("scotland", date(2025, 12, 31), 1, date(2026, 1, 5)),
        ("england", date(2025, 12, 31), 1, date(2026, 1, 2)),
        # Christmas 2027 on a Saturday: Mon 27 and Tue 28 Dec are both substitutes. Fri 24 Dec -> Wed 29.
        ("england", date(2027, 12, 24), 1, date(2027, 12, 29)),
        # Easter 2026: Thu 2 Apr -> Good Friday 3 Apr and Easter Monday 6 Apr skipped -> Tue 7 Apr ...
        ("england", date(2026, 4, 2), 1, date(2026, 4, 7)),
        ("wales", date(2026, 4, 2), 1, date(2026, 4, 7)),
        ("northern-ireland", date(2026, 4, 2), 1, date(2026, 4, 7)),
        # ... Scotland has no Easter Monday: Mon 6 Apr.
        ("scotland", date(2026, 4, 2), 1, date(2026, 4, 6)),
        # St Andrew's Day substitute: Sun 30 Nov 2025 -> Mon 1 Dec. Fri 28 Nov -> Tue 2 Dec in Scotland.
        ("scotland", date(2025, 11, 28), 1, date(2025, 12, 2)),
        ("england", date(2025, 11, 28), 1, date(2025, 12, 1)),
        # St Andrew's Day 2026 is Mon 30 Nov itself: Fri 27 Nov -> Tue 1 Dec.
        ("scotland", date(2026, 11, 27), 1, date(2026, 12, 1)),
        # Scotland's Summer holiday is the first Monday of August (3 Aug 2026), England's the last (31 Aug).
        ("scotland", date(2026, 7, 31), 1, date(2026, 8, 4)),
        ("england", date(2026, 7, 31), 1, date(2026, 8, 3)),
        ("england", date(2026, 8, 28), 1, date(2026, 9, 1)),
        ("scotland", date(2026, 8, 28), 1, date(2026, 8, 31)),
        # St Patrick's Day, Tue 17 Mar 2026: Mon 16 Mar -> Wed 18 Mar in Northern Ireland only.
        ("northern-ireland", date(2026, 3, 16), 1, date(2026, 3, 18)),
        ("england", date(2026, 3, 16), 1, date(2026, 3, 17)),
        # The Boyne: Sun 12 Jul 2026 -> substitute Mon 13 Jul. Fri 10 Jul -> Tue 14 Jul.
        ("northern-ireland", date(2026, 7, 10), 1, date(2026, 7, 14)),
        ("england", date(2026, 7, 10), 1, date(2026, 7, 13)),
        # Mon 12 Jul 2027 itself: Fri 9 Jul -> Tue 13 Jul.
        ("northern-ireland", date(2027, 7, 9), 1, date(2027, 7, 13)),
        # A Saturday start counts from Monday: Sat 19 Dec 2026 -> Mon 21 Dec (1).
        ("england", date(2026, 12, 19), 1, date(2026, 12, 21)),
        # A bank holiday start never counts itself: Mon 25 May 2026 (Spring) -> Tue 26 May.
        ("england", date(2026, 5, 25), 1, date(2026, 5, 26)),
        # Twenty across the new year: Thu 24 Dec 2026 -> Tue 29 (1), Wed 30 (2), Thu 31 (3), Mon 4 Jan (4),
        # Tue 5 (5) ... Fri 8 (8), Mon 11 (9) ... Fri 15 (13), Mon 18 (14) ... Fri 22 (18), Mon 25 (19), Tue 26 (20).
        ("england", date(2026, 12, 24), 20, date(2027, 1, 26)),
        # No days: the date itself.
        ("england", date(2026, 12, 25), 0, date(2026, 12, 25)),
    ],
)
def test_add_working_days(nation, start, n, expected):
    assert calendar_for(nation).add(start, n) == expected


def test_holiday_names_and_what_a_deadline_skipped():
    england = calendar_for("england")
    assert england.holiday_name(date(2026, 12, 28)) == "Boxing Day (observed)"
    assert england.holiday_name(date(2026, 12, 22)) is None
    assert not england.is_working_day(date(2026, 12, 26))  # a Saturday, and Boxing Day
    assert england.is_working_day(date(2026, 12, 29))
    # Only weekday holidays delayed the deadline: Sat 26 Dec is not listed.
    assert england.skipped_holidays(date(2026, 12, 18), date(2026, 12, 29)) == [
        (date(2026, 12, 25), "Christmas Day"), (date(2026, 12, 28), "Boxing Day (observed)")]


def test_extra_holidays_are_skipped():
    # A one-off holiday the package does not know yet: Mon 8 Jun 2026. Fri 5 Jun -> Tue 9 Jun.
    extra = calendar_for("england").with_holidays({date(2026, 6, 8): "A royal occasion"})
    assert extra.add(date(2026, 6, 5), 1) == date(2026, 6, 9)
    assert extra.holiday_name(date(2026, 6, 8)) == "A royal occasion"
    assert WorkingDays("england", {date(2026, 6, 8): "A royal occasion"}).add(date(2026, 6, 5), 1) == date(2026, 6, 9)
    assert calendar_for("england").add(date(2026, 6, 5), 1) == date(2026, 6, 8)  # the shared one is unchanged


def test_far_dates_extend_the_lookup_table():
    england = calendar_for("england")
    # 2031: Christmas Thu 25, Boxing Day Fri 26 Dec. Wed 24 Dec 2031 -> Mon 29 Dec.
    assert england.add(date(2031, 12, 24), 1) == date(2031, 12, 29)
    # Back in 2020 (table reaches earlier): Thu 9 Apr 2020 -> Good Friday 10, Easter Monday 13 -> Tue 14 Apr.
    assert england.add(date(2020, 4, 9), 1) == date(2020, 4, 14)
    # A long count runs past the table's end: 600 working days still land on a working day.
    assert england.is_working_day(england.add(date(2026, 1, 1), 600))


def test_unknown_nation_and_negative_counts_are_refused():
    with pytest.raises(ValueError, match="unknown nation 'cornwall'"):
        WorkingDays("cornwall")
    with pytest.raises(ValueError):
        calendar_for("england").add(date(2026, 1, 5), -1)


@pytest.mark.parametrize(
    "start, n, expected",
    [
        (date(2026, 3, 15), 12, date(2027, 3, 15)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),  # no 29 February in 2029: the month's last day
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2026, 12, 18), 1, date(2027, 1, 18)),
    ],
)
def test_add_months(start, n, expected):
    assert add_months(start, n) == expected


def test_calendar_days_are_not_moved_off_weekends_or_holidays():
    # 14 days from Fri 18 Dec 2026 is Fri 1 Jan 2027, New Year's Day, and stays there.
    assert add_days(date(2026, 12, 18), 14) == date(2027, 1, 1)


# Properties, on any date from 2024 to 2030 in any nation.
days = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))
nations = st.sampled_from(NATIONS)
counts = st.integers(min_value=1, max_value=60)


@given(nations, days, counts)
def test_a_working_day_deadline_is_a_working_day(nation, start, n):
    assert calendar_for(nation).is_working_day(calendar_for(nation).add(start, n))


@given(nations, days, counts)
def test_the_table_agrees_with_walking_the_calendar(nation, start, n):
    calendar = calendar_for(nation)
    day, left = start, n
    while left:
        day += timedelta(days=1)
        left -= calendar.is_working_day(day)
    assert calendar.add(start, n) == day


@given(nations, days, days, counts)
def test_a_later_start_never_gives_an_earlier_deadline(nation, one, other, n):
    earlier, later = sorted((one, other))
    assert calendar_for(nation).add(earlier, n) <= calendar_for(nation).add(later, n)


@settings(deadline=None, max_examples=40)  # each example builds a calendar of its own
@given(nations, days, counts, st.integers(min_value=0, max_value=90))
def test_adding_a_bank_holiday_never_makes_a_deadline_earlier(nation, start, n, offset):
    holiday = start + timedelta(days=offset)
    with_holiday = calendar_for(nation).with_holidays({holiday: "An extra bank holiday"})
    assert with_holiday.add(start, n) >= calendar_for(nation).add(start, n)


# --- bank holidays announced after the package's release (assistant/policy/bank-holidays.toml) ---

def test_the_shipped_file_of_announced_holidays_reads(tmp_path):
    assert set(extra_holidays(EXTRA_HOLIDAYS_FILE)) == {"england", "wales", "scotland", "northern-ireland"}


def test_an_announced_holiday_is_skipped_in_the_nations_it_is_for(tmp_path):
    path = tmp_path / "bank-holidays.toml"
    path.write_text('[[holiday]]\ndate = 2027-06-07\nname = "Royal occasion"\nnations = ["england", "wales"]\n')
    found = extra_holidays(path)
    assert found["england"] == {date(2027, 6, 7): "Royal occasion"} and found["scotland"] == {}
    # 5 working days from Friday 4 June 2027: Mon 7 is the new holiday, so Tue 8 ... Mon 14.
    assert WorkingDays("england", found["england"]).add(date(2027, 6, 4), 5) == date(2027, 6, 14)
    assert WorkingDays("scotland", found["scotland"]).add(date(2027, 6, 4), 5) == date(2027, 6, 11)


@pytest.mark.parametrize("text, message", [
    ('[[holiday]]\ndate = "7 June"\nname = "x"\nnations = ["england"]\n', "holiday[0].date: must be a date"),
    ('[[holiday]]\ndate = 2027-06-07\nname = ""\nnations = ["england"]\n', "holiday[0].name: must be text"),
    ('[[holiday]]\ndate = 2027-06-07\nname = "x"\nnations = ["cornwall"]\n', "holiday[0].nations: must list some of"),
    ('[[holiday]]\ndate = 2027-06-07\nname = "x"\n', "holiday[0]: give exactly date, name and nations"),
    ('[[holiday]\n', "bank-holidays.toml: "),
])
def test_a_mistake_in_the_file_is_named(tmp_path, text, message):
    path = tmp_path / "bank-holidays.toml"
    path.write_text(text)
    with pytest.raises(ProfileError, match=re.escape(message)):
        extra_holidays(path)
