"""The journey engine and the journey's data, in plain unit tests (no Flask)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.dialogue import build_journey
from assistant.dialogue.engine import Journey, Step, answer_is
from assistant.dialogue.exclusion_flags import flags, months_before
from assistant.policy.profiles import Contact, Exclusion, Landlord, TimeLimit, landlords, load_profiles

TODAY = date(2026, 11, 24)


def make_landlord(exclusions=("legal_proceedings", "time_limit", "unreasonable_behaviour"), months=None) -> Landlord:
    return Landlord(
        slug="test", name="Test Homes", reference_prefix="TEST", nation="england", ombudsman="housing-ombudsman",
        brand_colour="#123456", contact=Contact(email="a@example.org"), repairs=Contact(phone="01632 960001"),
        emergency_phone="", time_limit=TimeLimit(months=months, clause="x"),
        exclusions=tuple(Exclusion(kind=k, clause="clause") for k in exclusions), what_happens_next="We will reply.",
    )


MYSELF = {
    "who-is-complaining": {"who": "myself"},
    "danger": {"danger": "no"},
    "what-went-wrong": {"description": "x"},
    "when-it-started": {"started_on": "2026-10-01", "ongoing": "no"},
    "what-it-affected": {"affected": ["home"]},
    "reported-before": {"reported": "yes"},
    "exclusion-legal-proceedings": {"answer": "no"},
    "outcome": {"outcomes": ["apology"]},
    "adjustments": {"needs": ["none"]},
    "contact-details": {"name": "A", "phone": "07700 900982"},
    "contact-preference": {"method": "phone"},
}


def ids(steps):
    return [s.id for s in steps]


@pytest.fixture
def journey():
    return build_journey(make_landlord(), TODAY)


def test_the_shortest_path_for_a_resident_complaining_for_themselves(journey):
    assert ids(journey.path(MYSELF)) == [
        "who-is-complaining", "danger", "what-went-wrong", "when-it-started", "what-it-affected",
        "reported-before", "exclusion-legal-proceedings", "outcome", "adjustments", "contact-details",
        "contact-preference",
    ]
    assert journey.is_complete(MYSELF)
    assert journey.first_unanswered(MYSELF) is None


def test_an_advocate_is_asked_about_themselves_the_resident_and_permission_not_contact_details(journey):
    answers = {**MYSELF, "who-is-complaining": {"who": "someone-else"}}
    path = ids(journey.path(answers))
    assert path[:4] == ["who-is-complaining", "advocate-details", "resident-details", "permission"]
    assert "contact-details" not in path
    assert journey.first_unanswered(answers).id == "advocate-details"
    assert not journey.is_complete(answers)


def test_danger_brings_the_emergency_page_straight_after_it(journey):
    answers = {**MYSELF, "danger": {"danger": "yes"}}
    path = ids(journey.path(answers))
    assert path[path.index("danger") + 1] == "emergency"
    assert journey.first_unanswered(answers).id == "emergency"


def test_a_first_report_brings_the_service_request_page_and_the_resident_may_carry_on(journey):
    answers = {**MYSELF, "reported-before": {"reported": "no"}}
    assert journey.first_unanswered(answers).id == "service-request"
    answers["service-request"] = {"choice": "complain"}
    assert journey.is_complete(answers)
    assert journey.stopped_at(answers) is None


def test_choosing_to_report_a_repair_instead_stops_the_journey_there(journey):
    answers = {**MYSELF, "reported-before": {"reported": "no"}, "service-request": {"choice": "report-instead"}}
    assert journey.stopped_at(answers).id == "service-request"
    assert ids(journey.path(answers))[-1] == "service-request"
    assert not journey.is_complete(answers)
    assert not journey.may_show("outcome", answers)


def test_not_sure_about_reporting_before_is_treated_as_a_complaint(journey):
    answers = {**MYSELF, "reported-before": {"reported": "not-sure"}}
    assert "service-request" not in ids(journey.path(answers))


@pytest.mark.parametrize("answer, flagged", [("yes", True), ("no", False), ("not-sure", False)])
def test_an_exclusion_answer_of_yes_brings_the_result_page(journey, answer, flagged):
    answers = {**MYSELF, "exclusion-legal-proceedings": {"answer": answer}}
    assert ("exclusion-result" in ids(journey.path(answers))) is flagged


def test_stopping_at_the_exclusion_result_ends_the_journey_and_continuing_goes_on(journey):
    answers = {**MYSELF, "exclusion-legal-proceedings": {"answer": "yes"}, "exclusion-result": {"choice": "stop"}}
    assert journey.stopped_at(answers).id == "exclusion-result"
    answers["exclusion-result"] = {"choice": "continue"}
    assert journey.is_complete(answers)


def test_only_the_landlords_own_asked_exclusions_become_questions():
    journey = build_journey(make_landlord(exclusions=("staff_employment", "service_request", "anonymous")), TODAY)
    exclusion_steps = [s.id for s in journey.steps if s.section == "exclusions"]
    assert exclusion_steps == ["exclusion-staff-employment", "exclusion-result"]


@pytest.mark.parametrize("started_on, ongoing, months, flagged, stopped_on", [
    ("2025-11-24", "no", None, False, None),  # exactly 12 months before 24 Nov 2026: still in time
    ("2025-11-23", "no", None, True, None),   # a day more than 12 months
    ("2020-01-01", "yes", None, False, None),  # still happening: no time limit has started
    ("2026-03-01", "no", 6, False, None),     # West Kent's 6 months is stricter than the Code allows: 12 apply
    ("2025-11-23", "no", 6, True, None),
    ("2025-11-23", "no", 24, False, None),    # a more generous policy wins
    # Counted from when it last happened (or they found out), not from when it started:
    ("2020-01-01", "no", None, False, "2025-11-24"),
    ("2020-01-01", "no", None, True, "2025-11-23"),
    ("2020-01-01", "yes", None, False, "2021-01-01"),  # said to be still happening: no limit running
])
def test_the_time_limit_is_the_more_generous_of_the_policy_and_the_codes_12_months(started_on, ongoing, months, flagged,
                                                                                  stopped_on):
    landlord = make_landlord(months=months)
    answers = {**MYSELF, "when-it-started": {"started_on": started_on, "ongoing": ongoing, "stopped_on": stopped_on}}
    assert ("time_limit" in flags(landlord, answers, TODAY)) is flagged


def test_a_landlord_without_a_time_limit_exclusion_never_flags_an_old_complaint():
    landlord = make_landlord(exclusions=("legal_proceedings",))
    answers = {**MYSELF, "when-it-started": {"started_on": "2001-01-01", "ongoing": "no"}}
    assert flags(landlord, answers, TODAY) == []


@pytest.mark.parametrize("day, months, expected", [
    (date(2026, 11, 24), 12, date(2025, 11, 24)),
    (date(2026, 3, 31), 1, date(2026, 2, 28)),   # no 31 February: the month's last day
    (date(2028, 3, 31), 1, date(2028, 2, 29)),   # leap year
    (date(2026, 1, 15), 6, date(2025, 7, 15)),   # across a year
])
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def test_a_step_may_be_shown_only_when_every_step_before_it_is_answered(journey):
    assert journey.may_show("who-is-complaining", {})
    assert not journey.may_show("danger", {})
    assert journey.may_show("danger", {"who-is-complaining": {"who": "myself"}})
    assert not journey.may_show("advocate-details", {"who-is-complaining": {"who": "myself"}})  # not on the path
    assert not journey.may_show("no-such-step", MYSELF)


def test_next_and_previous_follow_the_path(journey):
    assert journey.next_step("who-is-complaining", MYSELF).id == "danger"
    assert journey.previous_step("danger", MYSELF).id == "who-is-complaining"
    assert journey.previous_step("who-is-complaining", MYSELF) is None
    assert journey.next_step("contact-preference", MYSELF) is None
    advocate = {**MYSELF, "who-is-complaining": {"who": "someone-else"}}
    assert journey.next_step("who-is-complaining", advocate).id == "advocate-details"
    assert journey.previous_step("danger", advocate).id == "permission"


def test_answers_left_on_an_abandoned_branch_are_not_lodged(journey):
    answers = {**MYSELF, "advocate-details": {"name": "Old"}, "emergency": {"seen": "yes"}}
    relevant = journey.relevant_answers(answers)
    assert "advocate-details" not in relevant and "emergency" not in relevant
    assert relevant["what-went-wrong"] == {"description": "x"}


def test_sections_group_the_path_for_the_check_page(journey):
    sections = journey.sections(MYSELF)
    assert list(sections) == ["about-you", "what-went-wrong", "exclusions", "outcome", "support", "contact"]


def test_step_ids_must_be_unique():
    with pytest.raises(ValueError):
        Journey([Step("a", "s"), Step("a", "s")])


def test_answer_is_reads_one_field_of_one_step():
    condition = answer_is("who-is-complaining", "who", "someone-else")
    assert condition({"who-is-complaining": {"who": "someone-else"}})
    assert not condition({"who-is-complaining": {"who": "myself"}})
    assert not condition({})


@pytest.mark.parametrize("slug", ["kennett", "inspiring", "west-kent", "kctmo", "support-trust"])
def test_every_shipped_landlord_builds_a_journey_that_ends_in_contact_preference(slug):
    landlord = landlords(load_profiles())[slug]
    journey = build_journey(landlord, TODAY)
    assert journey.steps[0].id == "who-is-complaining"
    assert journey.steps[-1].id == "contact-preference"
