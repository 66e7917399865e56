"""The policy command line, run as other tools run it: its JSON and its errors are a contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PROFILE_NAMES = ["hos-code-2024", "inspiring-housing-clt-2025", "kctmo-2010", "kennett-clt-2025",
                 "support-trust-2025", "west-kent-ha"]
STAGE_1 = ["stage1_acknowledge_by", "stage1_respond_by", "stage1_respond_by_extended"]
STAGE_2 = ["stage2_acknowledge_by", "stage2_respond_by", "stage2_respond_by_extended"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.policy", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=60)


def ok(*args: str):
    done = run(*args)
    assert (done.returncode, done.stderr) == (0, "")
    return json.loads(done.stdout)


def test_list():
    done = run("list")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == PROFILE_NAMES


def test_timeline_json_shape():
    # West Kent, received Fri 18 Dec 2026, answered Fri 8 Jan 2027, escalated Mon 11 Jan, stage 2
    # answered Mon 1 Feb (dates worked out in test_timeline.py).
    out = ok("timeline", "--policy", "west-kent-ha", "--received", "2026-12-18", "--stage1-response", "2027-01-08",
             "--escalated", "2027-01-11", "--stage2-response", "2027-02-01")
    assert list(out) == ["policy", "nation", "milestones"]
    assert (out["policy"], out["nation"]) == ("west-kent-ha", "england")
    assert list(out["milestones"]) == STAGE_1 + ["escalate_by"] + STAGE_2 + ["ombudsman_refer_by"]
    for milestone in out["milestones"].values():
        assert list(milestone) == ["date", "policy", "code", "source"]
        assert isinstance(milestone["source"], str) and milestone["source"]
    assert out["milestones"]["stage1_respond_by"] == {
        "date": "2027-01-06", "policy": "2027-01-06", "code": "2027-01-13",
        "source": "The policy's time, earlier than the Code's: Stage One: provide you with a response within ten "
                  "working days of receiving your complaint."}
    assert out["milestones"]["escalate_by"] | {"source": ""} == {"date": "2027-02-05", "policy": "2027-02-05",
                                                               "code": None, "source": ""}
    assert out["milestones"]["stage2_acknowledge_by"] | {"source": ""} == {"date": "2027-01-18", "policy": None,
                                                                         "code": "2027-01-18", "source": ""}
    assert out["milestones"]["ombudsman_refer_by"]["date"] == "2028-02-01"


def test_the_codes_own_timeline_has_no_policy_dates():
    out = ok("timeline", "--policy", "hos-code-2024", "--received", "2026-12-18")
    assert out["nation"] == "england"
    assert out["milestones"] == {
        # 5 wd from Fri 18 Dec 2026 (skipping 25 and 28 Dec) = Tue 29 Dec; 10 wd later (skipping
        # 1 Jan) = Wed 13 Jan; 10 wd more = Wed 27 Jan.
        "stage1_acknowledge_by": {"date": "2026-12-29", "policy": None, "code": "2026-12-29",
                                  "source": "Code 6.2: complaints must be acknowledged, defined and logged at stage 1 "
                                            "within five working days of the complaint being received."},
        "stage1_respond_by": {"date": "2027-01-13", "policy": None, "code": "2027-01-13",
                              "source": "Code 6.3: a full response to stage 1 complaints within 10 working days of "
                                        "the complaint being acknowledged."},
        "stage1_respond_by_extended": {
            "date": "2027-01-27", "policy": None, "code": "2027-01-27",
            "source": "Code 6.4: any extension must be no more than 10 working days without good reason, agreed in "
                      "writing with the reasons, the new date and the Ombudsman's details."},
    }


@pytest.mark.parametrize(
    "facts, milestones",
    [
        ([], STAGE_1),
        (["--acknowledged", "2026-03-10"], STAGE_1),
        (["--stage1-response", "2026-03-20"], STAGE_1 + ["escalate_by"]),  # escalate_by needs the stage 1 answer
        (["--escalated", "2026-03-23"], STAGE_1 + STAGE_2),  # stage 2 needs the escalation
        (["--escalated", "2026-03-23", "--stage2-acknowledged", "2026-03-24"], STAGE_1 + STAGE_2),
        # The Ombudsman's date needs the final response; KCTMO's third stage its window too.
        (["--escalated", "2026-03-23", "--stage2-response", "2026-04-20"],
         STAGE_1 + STAGE_2 + ["stage3_request_by", "ombudsman_refer_by"]),
    ],
)
def test_a_milestone_appears_only_when_the_facts_allow_it(facts, milestones):
    out = ok("timeline", "--policy", "kctmo-2010", "--received", "2026-03-06", *facts)
    assert list(out["milestones"]) == milestones


def test_the_code_sets_no_window_to_escalate():
    out = ok("timeline", "--policy", "hos-code-2024", "--received", "2026-03-06", "--stage1-response", "2026-03-20")
    assert "escalate_by" not in out["milestones"]


@pytest.mark.parametrize(
    "nation, acknowledge_by",
    [
        # Wed 23 Dec 2026: Thu 24, Tue 29, Wed 30, Thu 31, then Mon 4 Jan 2027 ...
        (None, "2027-01-04"),
        ("england", "2027-01-04"),
        ("wales", "2027-01-04"),
        ("northern-ireland", "2027-01-04"),
        # ... except in Scotland, where Mon 4 Jan is the holiday for Sat 2 January: Tue 5 Jan.
        ("scotland", "2027-01-05"),
    ],
)
def test_nation_changes_only_the_calendar(nation, acknowledge_by):
    extra = ["--nation", nation] if nation else []
    out = ok("timeline", "--policy", "support-trust-2025", "--received", "2026-12-23", *extra)
    assert out["nation"] == (nation or "england")  # the profile's nation by default
    assert out["milestones"]["stage1_acknowledge_by"]["date"] == acknowledge_by
    assert out["milestones"]["stage1_acknowledge_by"]["policy"] == acknowledge_by  # same steps, other calendar


def test_check():
    assert ok("check", "hos-code-2024") == []
    assert ok("check", "support-trust-2025") == []
    found = ok("check", "kctmo-2010")
    assert [s["kind"] for s in found] == ["three_stages", "wrong_ombudsman"]
    assert list(found[0]) == ["kind", "clause", "code", "milestone", "detail"]
    assert "three stages" in found[0]["clause"]
    assert [s["kind"] for s in ok("check", "west-kent-ha")] == ["time_limit"]
    assert [s["kind"] for s in ok("check", "kennett-clt-2025")] == ["eight_week_rule"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["timeline", "--policy", "nowhere-ha", "--received", "2026-03-06"],
         "unknown policy 'nowhere-ha': use one of hos-code-2024,"),
        (["check", "nowhere-ha"], "unknown policy 'nowhere-ha'"),
        (["timeline", "--policy", "west-kent-ha", "--received", "2026-02-30"],
         "argument --received: '2026-02-30' is not a date: use YYYY-MM-DD"),
        (["timeline", "--policy", "west-kent-ha", "--received", "18/12/2026"],
         "argument --received: '18/12/2026' is not a date"),
        (["timeline", "--policy", "west-kent-ha", "--received", "20261218"],
         "argument --received: '20261218' is not a date"),
        (["timeline", "--policy", "west-kent-ha", "--received", "0001-01-01"],
         "argument --received: '0001-01-01' is outside the years 1900 to 2199"),
        (["timeline", "--policy", "west-kent-ha", "--received", "9998-12-01"],
         "argument --received: '9998-12-01' is outside the years 1900 to 2199"),
        (["timeline", "--policy", "west-kent-ha", "--received", "2026-03-06", "--escalated", "tomorrow"],
         "argument --escalated: 'tomorrow' is not a date"),
        (["timeline", "--policy", "west-kent-ha", "--received", "2026-03-06", "--escalated", "2026-03-05"],
         "--escalated 2026-03-05 is before --received 2026-03-06"),
        (["timeline", "--policy", "west-kent-ha", "--received", "2026-03-06", "--acknowledged", "2026-03-10",
          "--stage1-response", "2026-03-09"], "--stage1-response 2026-03-09 is before --acknowledged 2026-03-10"),
        (["timeline", "--policy", "west-kent-ha", "--received", "2026-03-06", "--stage2-response", "2026-04-01"],
         "--stage2-response 2026-04-01 is given without --escalated"),
        (["timeline", "--policy", "west-kent-ha", "--received", "2026-03-06", "--nation", "cornwall"],
         "argument --nation: invalid choice: 'cornwall'"),
        (["timeline", "--policy", "west-kent-ha"], "the following arguments are required: --received"),
        (["timeline", "--received", "2026-03-06"], "the following arguments are required: --policy"),
        ([], "the following arguments are required"),
        (["summary"], "argument {list,timeline,check}: invalid choice: 'summary'"),
    ],
)
def test_errors_exit_2_with_one_line(args, message):
    done = run(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.endswith("\n") and done.stderr.count("\n") == 1, done.stderr
    assert message in done.stderr


def test_a_broken_profile_stops_the_command_with_one_line(monkeypatch, capsys):
    # In-process: the shipped profiles are sound, so a loader that fails stands in for a bad edit.
    from assistant.policy import cli
    from assistant.policy.profiles import ProfileError

    def broken():
        raise ProfileError("west-kent-ha.toml: process.steps[2].unit: 'weeks' is not one of working_days, days, months")

    monkeypatch.setattr(cli, "load_profiles", broken)
    assert cli.main(["list"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("python -m assistant.policy: broken profile: west-kent-ha.toml: process.steps[2].unit: "
                   "'weeks' is not one of working_days, days, months\n")
