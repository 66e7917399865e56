"""A profile's complaint process: its stages and, for each step, how long and counted from what.

Read from the profile's `[process]` table, for example (Kennett CLT):

    [process]
    stages = 2
    stages_clause = "Section 8: a first review, then a second review by a Sub-committee of the Board"
    ombudsman_named = "housing-ombudsman"
    ombudsman_clause = "Section 8: refer the matter to either an independent tenant panel, or the Housing Ombudsman"
    eight_week_rule = true
    eight_week_rule_clause = "Section 8: provided that a minimum of 8 weeks has expired since ..."

    [[process.steps]]
    milestone = "stage1_respond_by"
    amount = 14
    unit = "days"                 # or "working_days", or "months"
    from = "received"             # an anchor: see milestones.ANCHORS
    clause = "Section 8: within 14 days of the receipt of the original complaint"

    [[process.steps]]             # the same milestone again: a second time the policy gives
    milestone = "stage1_respond_by"
    amount = 14
    unit = "working_days"
    from = "received"
    clause = "Service standards: within 14 working days of our receipt of the initial complaint"

    [[process.notes]]             # other promises with no milestone of their own
    promise = "Tells you who is handling your complaint within 2 working days"
    clause = "Our process: let you know who will be managing your complaint within two working days"

A milestone with no step is one the policy is silent on: the Code's time applies. An extension is
a step for `stage1_respond_by_extended` counted from `stage1_respond_by`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .milestones import ANCHORS, ANCHORS_FOR, MILESTONES, STAGE, UNITS
from .reading import TableReader

CODE_PROFILE = "hos-code-2024"  # the Housing Ombudsman's Complaint Handling Code, as a profile
OMBUDSMEN = ("housing-ombudsman", "public-services-ombudsman-wales", "spso", "nipso", "local-government-ombudsman")
# Every time the Code sets: its profile must give each, as every policy is measured against it.
CODE_MILESTONES = ("stage1_acknowledge_by", "stage1_respond_by", "stage1_respond_by_extended",
                   "stage2_acknowledge_by", "stage2_respond_by", "stage2_respond_by_extended",
                   "ombudsman_refer_by")

_PROCESS_KEYS = ("stages", "stages_clause", "ombudsman_named", "ombudsman_clause", "eight_week_rule",
                 "eight_week_rule_clause", "steps", "notes")


@dataclass(frozen=True)
class Step:
    """One time the policy sets: `amount` `unit` from `start`, as its `clause` says."""

    milestone: str
    amount: int
    unit: str  # one of milestones.UNITS
    start: str  # the anchor, "from" in the file (a Python keyword)
    clause: str


@dataclass(frozen=True)
class Note:
    """A promise with no milestone of its own (a quick fix, naming the handler), kept for the record."""

    promise: str
    clause: str


@dataclass(frozen=True)
class Process:
    stages: int
    stages_clause: str
    ombudsman_named: str  # the ombudsman the policy's own text sends residents to
    ombudsman_clause: str
    eight_week_rule: bool  # still describes the 8-week wait abolished on 1 October 2022
    eight_week_rule_clause: str
    steps: tuple[Step, ...]
    notes: tuple[Note, ...] = ()

    @cached_property
    def steps_by_milestone(self) -> dict[str, tuple[Step, ...]]:
        """Each milestone's steps (two where the policy gives two times), grouped once."""
        return {m: steps for m, steps in zip(MILESTONES, self.plan, strict=True) if steps}

    @cached_property
    def plan(self) -> tuple[tuple[Step, ...], ...]:
        """Each milestone's steps in the order of milestones.MILESTONES (empty where silent):
        what a timeline walks through, grouped once per process rather than once per timeline."""
        return tuple(tuple(s for s in self.steps if s.milestone == m) for m in MILESTONES)


def read_process(profile: TableReader, is_code: bool = False) -> Process:
    """The `[process]` table of a profile; any fault names the file and the key."""
    r = profile.sub("process")
    r.only(*_PROCESS_KEYS)
    stages = r.number("stages")
    if stages > 3:
        raise r.fail("stages", "a complaints process has at most three stages here (the Code allows two)")
    eight_week_rule = r.flag("eight_week_rule")
    process = Process(
        stages=stages,
        stages_clause=r.text("stages_clause"),
        ombudsman_named=r.text("ombudsman_named", choices=OMBUDSMEN),
        ombudsman_clause=r.text("ombudsman_clause"),
        eight_week_rule=eight_week_rule,
        eight_week_rule_clause=r.text("eight_week_rule_clause", required=eight_week_rule),
        steps=tuple(_read_step(s, stages) for s in r.items("steps")),
        notes=tuple(_read_note(n) for n in r.items("notes")),
    )
    seen = set()
    for i, step in enumerate(process.steps):
        same = (step.milestone, step.amount, step.unit, step.start)
        if same in seen:
            raise r.fail(f"steps[{i}]", f"the same time for {step.milestone} is given twice")
        seen.add(same)
    if is_code:
        missing = [m for m in CODE_MILESTONES if m not in process.steps_by_milestone]
        if missing:
            raise r.fail("steps", f"the Code's profile must give a time for {', '.join(missing)}")
    return process


def _read_step(s: TableReader, stages: int) -> Step:
    s.only("milestone", "amount", "unit", "from", "clause")
    milestone = s.text("milestone", choices=MILESTONES)
    if STAGE[milestone] > stages:
        raise s.fail("milestone", f"{milestone!r} needs a process with {STAGE[milestone]} stages, not {stages}")
    start = s.text("from")
    if start not in ANCHORS:
        raise s.fail("from", f"{start!r} is not an anchor: use one of {', '.join(ANCHORS)}")
    if start not in ANCHORS_FOR[milestone]:
        allowed = ", ".join(ANCHORS_FOR[milestone])
        raise s.fail("from", f"{milestone} cannot be counted from {start!r}: use one of {allowed}")
    return Step(milestone=milestone, amount=s.number("amount"), unit=s.text("unit", choices=UNITS),
                start=start, clause=s.text("clause"))


def _read_note(n: TableReader) -> Note:
    n.only("promise", "clause")
    return Note(promise=n.text("promise"), clause=n.text("clause"))
