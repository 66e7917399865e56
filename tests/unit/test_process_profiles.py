"""Profiles' complaint processes: each policy read as DOMAIN.md says, faults named at start-up, and
the policy check against the Code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from assistant.policy.calendar import calendar_for
from assistant.policy.check import check, slower_than_code
from assistant.policy.process import CODE_MILESTONES
from assistant.policy.profiles import PROFILE_DIR, ProfileError, code_profile, load_profile, load_profiles

PROFILES = load_profiles()
CODE = code_profile(PROFILES)
POLICY_PACKAGE = Path(__file__).resolve().parents[2] / "assistant" / "policy"


def times(name: str) -> dict[str, list[tuple[int, str, str]]]:
    """A profile's steps as {milestone: [(amount, unit, from), ...]}."""
    found: dict[str, list[tuple[int, str, str]]] = {}
    for step in PROFILES[name].process.steps:
        found.setdefault(step.milestone, []).append((step.amount, step.unit, step.start))
    return found


def test_the_shipped_profiles():
    assert sorted(PROFILES) == ["hos-code-2024", "inspiring-housing-clt-2025", "kctmo-2010", "kennett-clt-2025",
                                "support-trust-2025", "west-kent-ha"]
    assert CODE.landlord is None and all(p.landlord for n, p in PROFILES.items() if n != "hos-code-2024")
    assert all(step.clause for p in PROFILES.values() for step in p.process.steps)


# Each policy, read as DOMAIN.md's table says.
READINGS = {
    "hos-code-2024": {
        "stage1_acknowledge_by": [(5, "working_days", "received")],
        "stage1_respond_by": [(10, "working_days", "acknowledged")],
        "stage1_respond_by_extended": [(10, "working_days", "stage1_respond_by")],
        "stage2_acknowledge_by": [(5, "working_days", "escalated")],
        "stage2_respond_by": [(20, "working_days", "stage2_acknowledged")],
        "stage2_respond_by_extended": [(20, "working_days", "stage2_respond_by")],
        "ombudsman_refer_by": [(12, "months", "stage2_response")],
    },
    "kennett-clt-2025": {
        "stage1_acknowledge_by": [(2, "working_days", "received")],
        "stage1_respond_by": [(14, "days", "received"), (14, "working_days", "received")],  # body and standards
        "stage2_acknowledge_by": [(2, "working_days", "escalated")],
        "stage2_respond_by": [(14, "working_days", "escalated")],
    },
    "inspiring-housing-clt-2025": {
        "stage1_acknowledge_by": [(5, "working_days", "received")],
        "stage1_respond_by": [(10, "days", "received"), (10, "working_days", "received")],
        "stage2_acknowledge_by": [(5, "days", "escalated"), (5, "working_days", "escalated")],
        "stage2_respond_by": [(20, "days", "escalated"), (10, "working_days", "escalated")],
    },
    "west-kent-ha": {  # silent on the stage 2 acknowledgement: the Code's applies
        "stage1_acknowledge_by": [(5, "working_days", "received")],
        "stage1_respond_by": [(10, "working_days", "received")],
        "stage1_respond_by_extended": [(10, "working_days", "stage1_respond_by")],
        "escalate_by": [(20, "working_days", "stage1_response")],
        "stage2_respond_by": [(20, "working_days", "escalated")],
        "stage2_respond_by_extended": [(10, "working_days", "stage2_respond_by")],
    },
    "kctmo-2010": {
        "stage1_acknowledge_by": [(2, "working_days", "received")],
        "stage1_respond_by": [(10, "working_days", "received")],
        "escalate_by": [(20, "working_days", "stage1_response")],
        "stage2_acknowledge_by": [(2, "working_days", "escalated")],
        "stage2_respond_by": [(10, "working_days", "escalated")],
        "stage3_request_by": [(20, "working_days", "stage2_response")],
        "stage3_acknowledge_by": [(2, "working_days", "stage3_requested")],
        "stage3_respond_by": [(28, "working_days", "stage3_requested")],
    },
    "support-trust-2025": {
        "stage1_acknowledge_by": [(5, "working_days", "received")],
        "stage1_respond_by": [(10, "working_days", "acknowledged")],  # "from the complaint being logged"
        "stage1_respond_by_extended": [(10, "working_days", "stage1_respond_by")],
        "escalate_by": [(10, "working_days", "stage1_response")],
        "stage2_acknowledge_by": [(5, "working_days", "escalated")],
        "stage2_respond_by": [(20, "working_days", "stage2_acknowledged")],
        "stage2_respond_by_extended": [(10, "working_days", "stage2_respond_by")],
    },
}


@pytest.mark.parametrize("name", sorted(READINGS))
def test_each_policy_read_as_domain_says(name):
    assert times(name) == READINGS[name]


@pytest.mark.parametrize(
    "name, stages, ombudsman, eight_week_rule",
    [
        ("hos-code-2024", 2, "housing-ombudsman", False),
        ("kennett-clt-2025", 2, "housing-ombudsman", True),
        ("inspiring-housing-clt-2025", 2, "housing-ombudsman", True),
        ("west-kent-ha", 2, "housing-ombudsman", False),
        ("kctmo-2010", 3, "local-government-ombudsman", False),
        ("support-trust-2025", 2, "housing-ombudsman", False),
    ],
)
def test_stages_ombudsman_and_eight_week_rule(name, stages, ombudsman, eight_week_rule):
    process = PROFILES[name].process
    assert (process.stages, process.ombudsman_named, process.eight_week_rule) == (stages, ombudsman, eight_week_rule)


def test_other_promises_are_kept_as_notes():
    assert [n.promise[:40] for n in PROFILES["west-kent-ha"].process.notes] == [
        "Tells you who will be managing your comp", "A quick fix first: if it cannot be put r",
        "A refusal to accept a complaint is expla"]
    assert "3 working days" in PROFILES["support-trust-2025"].process.notes[0].promise


# Faults, each named with the file, the key and what is wrong.
GOOD_STEP = '''
[[process.steps]]
milestone = "stage1_acknowledge_by"
amount = 5
unit = "working_days"
from = "received"
clause = "Somewhere in the policy"
'''
HEAD = '''name = "{name}"
title = "A test policy"
source = "test"
'''
PROCESS = '''
[process]
stages = 2
stages_clause = "Two stages"
ombudsman_named = "housing-ombudsman"
ombudsman_clause = "The Housing Ombudsman"
'''


def write(tmp_path: Path, body: str, name: str = "test-policy") -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(HEAD.format(name=name) + body, encoding="utf-8")
    return path


def step(**changes: str | None) -> str:
    """GOOD_STEP with some keys changed (step(unit='"weeks"')), dropped (None) or added."""
    values = dict(text.split(" = ", 1) for text in GOOD_STEP.strip().splitlines()[1:])
    values.update(changes)
    return "\n[[process.steps]]\n" + "".join(f"{k} = {v}\n" for k, v in values.items() if v is not None)


@pytest.mark.parametrize(
    "body, message",
    [
        ("", "process: missing table"),
        ('process = "two stages"\n', "process: must be a table"),
        (PROCESS + step(unit='"weeks"'), "process.steps[0].unit: 'weeks' is not one of working_days, days, months"),
        (PROCESS + step(**{"from": '"recieved"'}),
         "process.steps[0].from: 'recieved' is not an anchor: use one of received, acknowledged,"),
        (PROCESS + step(**{"from": '"escalated"'}),
         "process.steps[0].from: stage1_acknowledge_by cannot be counted from 'escalated': use one of received"),
        (PROCESS + step(milestone='"stage1_acknowledged_by"'),
         "process.steps[0].milestone: 'stage1_acknowledged_by' is not one of stage1_acknowledge_by,"),
        (PROCESS + step(milestone='"stage3_request_by"', **{"from": '"stage2_response"'}),
         "process.steps[0].milestone: 'stage3_request_by' needs a process with 3 stages, not 2"),
        (PROCESS + step(amount="0"), "process.steps[0].amount: must be a whole number above 0"),
        (PROCESS + step(amount='"five"'), "process.steps[0].amount: must be a whole number above 0"),
        (PROCESS + step(**{"from": None}, form='"received"'),
         "process.steps[0].form: unknown key: use one of milestone, amount, unit, from, clause"),
        (PROCESS + step(clause=None), "process.steps[0].clause: missing"),
        (PROCESS + GOOD_STEP + GOOD_STEP, "process.steps[1]: the same time for stage1_acknowledge_by is given twice"),
        (PROCESS + "eight_week_rule = true\n", "process.eight_week_rule_clause: missing"),
        (PROCESS + 'eight_week_rule = "yes"\n', "process.eight_week_rule: must be true or false"),
        (PROCESS + "stages_in_full = 2\n", "process.stages_in_full: unknown key"),
        (PROCESS.replace("stages = 2", "stages = 4"), "process.stages: a complaints process has at most three stages"),
        (PROCESS.replace('"housing-ombudsman"', '"the-ombudsman"'),
         "process.ombudsman_named: 'the-ombudsman' is not one of"),
        (PROCESS + 'steps = "none"\n', "process.steps: must be an array of tables ([[process.steps]])"),
        (PROCESS + "[process.steps]\n", "process.steps: must be an array of tables"),
        (PROCESS + "stages = 3\n", "not valid TOML"),
    ],
)
def test_a_malformed_process_names_file_key_and_fault(tmp_path, body, message):
    with pytest.raises(ProfileError) as raised:
        load_profile(write(tmp_path, body))
    assert str(raised.value).startswith("test-policy.toml: " + message)


def test_the_codes_profile_must_give_every_time_the_code_sets(tmp_path):
    path = write(tmp_path, PROCESS + GOOD_STEP, name="hos-code-2024")
    with pytest.raises(ProfileError) as raised:
        load_profile(path)
    assert str(raised.value) == ("hos-code-2024.toml: process.steps: the Code's profile must give a time for "
                                 + ", ".join(CODE_MILESTONES[1:]))


def test_a_bad_profile_stops_the_whole_folder_loading(tmp_path):
    (tmp_path / "hos-code-2024.toml").write_text((PROFILE_DIR / "hos-code-2024.toml").read_text(encoding="utf-8"))
    write(tmp_path, PROCESS + step(unit='"fortnights"'))
    with pytest.raises(ProfileError, match=r"^test-policy.toml: process.steps\[0\].unit"):
        load_profiles(tmp_path)
    with pytest.raises(ProfileError, match="hos-code-2024.toml: missing"):
        code_profile({})


def test_a_well_formed_process(tmp_path):
    process = load_profile(write(tmp_path, PROCESS + GOOD_STEP)).process
    assert process.steps_by_milestone["stage1_acknowledge_by"][0].clause == "Somewhere in the policy"
    assert process.eight_week_rule is False and process.notes == ()


# The policy check.
@pytest.mark.parametrize(
    "name, kinds",
    [
        ("hos-code-2024", []),
        ("kennett-clt-2025", ["eight_week_rule"]),
        ("inspiring-housing-clt-2025", ["eight_week_rule"]),  # 12-month limit: as the Code
        ("west-kent-ha", ["time_limit"]),  # 6 months
        ("kctmo-2010", ["three_stages", "wrong_ombudsman"]),
        ("support-trust-2025", []),
    ],
)
def test_shortfalls_against_the_code(name, kinds):
    found = check(PROFILES[name], CODE.process)
    assert [s.kind for s in found] == kinds
    assert all(s.clause and s.code for s in found)


def test_each_shortfall_quotes_the_policy():
    (stages, ombudsman) = check(PROFILES["kctmo-2010"], CODE.process)
    assert stages.clause.startswith("Complaints Procedure: our complaints procedure has three stages")
    assert "Local Government Ombudsman" in ombudsman.clause
    assert ombudsman.code == "Residents of a social landlord in England go to the Housing Ombudsman Service."
    (limit,) = check(PROFILES["west-kent-ha"], CODE.process)
    assert "six months" in limit.clause and "12 months" in limit.code
    (rule,) = check(PROFILES["kennett-clt-2025"], CODE.process)
    assert "minimum of 8 weeks" in rule.clause and "1 October 2022" in rule.code


def test_a_response_time_longer_than_the_codes(tmp_path):
    # Answered 15 wd from the acknowledgement, where the Code gives 10: later than the Code on any receipt.
    slow = GOOD_STEP + step(milestone='"stage1_respond_by"', amount="15", clause='"Slow, somewhere in the policy"',
                            **{"from": '"acknowledged"'})
    process = load_profile(write(tmp_path, PROCESS + slow)).process
    (found,) = slower_than_code(process, CODE.process, calendar_for("england"))
    assert (found.kind, found.milestone) == ("slower_than_code", "stage1_respond_by")
    assert found.clause == "Slow, somewhere in the policy"
    assert found.code.startswith("The Code's time is shorter: Code 6.3")
    assert found.detail.startswith("For a complaint received on")


FLASK_PACKAGES = {"flask", "flask_babel", "flask_wtf", "flask_sqlalchemy"}


def test_no_flask_under_the_policy_package():
    # The domain is pure: the web app, the command line and plain tests all use it.
    for path in POLICY_PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[0] in FLASK_PACKAGES for n in names), path
