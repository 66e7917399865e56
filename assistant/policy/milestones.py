"""The milestones of a complaint and what each is counted from: the vocabulary shared by profiles,
timelines, the policy check and the command line. The names are fixed by shared/DOMAIN.md.
"""

from __future__ import annotations

# In the order a complaint meets them (the command line prints them in this order too).
MILESTONES = (
    "stage1_acknowledge_by",
    "stage1_respond_by",
    "stage1_respond_by_extended",
    "escalate_by",
    "stage2_acknowledge_by",
    "stage2_respond_by",
    "stage2_respond_by_extended",
    "stage3_request_by",
    "stage3_acknowledge_by",
    "stage3_respond_by",
    "ombudsman_refer_by",
)

# The resident's own windows: shown with the more generous date. Every other milestone is a
# landlord deadline, shown with the earlier of the policy's and the Code's dates.
RESIDENT_WINDOWS = frozenset({"escalate_by", "stage3_request_by", "ombudsman_refer_by"})

# The stage a milestone belongs to: a step for stage 3 needs a policy with three stages, and the
# window to escalate exists only where there is a stage 2.
STAGE = {"escalate_by": 2, "ombudsman_refer_by": 1} | {n: int(n[5]) for n in MILESTONES if n.startswith("stage")}

# The fact that meets each milestone: the stage 1 answer meets both the deadline and its extension.
MET_BY = {
    "stage1_acknowledge_by": "acknowledged",
    "stage1_respond_by": "stage1_response",
    "stage1_respond_by_extended": "stage1_response",
    "escalate_by": "escalated",
    "stage2_acknowledge_by": "stage2_acknowledged",
    "stage2_respond_by": "stage2_response",
    "stage2_respond_by_extended": "stage2_response",
    "stage3_request_by": "stage3_requested",
    "stage3_acknowledge_by": "stage3_acknowledged",
    "stage3_respond_by": "stage3_response",
    "ombudsman_refer_by": None,  # the Ombudsman's records, not the landlord's: we are never told
}

# The extension of each stage's deadline, and the deadline it extends.
EXTENDS = {"stage1_respond_by_extended": "stage1_respond_by", "stage2_respond_by_extended": "stage2_respond_by"}

# What a step may count from ("from" in a profile): the fact, and the milestone that stands in for
# it while the fact is not known ("ack" is the actual acknowledgement when known, else the
# acknowledge-by date). The two `*_respond_by` anchors are what an extension is added to.
ANCHORS: dict[str, tuple[str | None, str | None]] = {
    "received": ("received", None),
    "acknowledged": ("acknowledged", "stage1_acknowledge_by"),
    "stage1_respond_by": (None, "stage1_respond_by"),
    "stage1_response": ("stage1_response", None),
    "escalated": ("escalated", None),
    "stage2_acknowledged": ("stage2_acknowledged", "stage2_acknowledge_by"),
    "stage2_respond_by": (None, "stage2_respond_by"),
    "stage2_response": ("stage2_response", None),
    "stage3_requested": ("stage3_requested", None),
    "stage3_acknowledged": ("stage3_acknowledged", "stage3_acknowledge_by"),
}

# Which anchors make sense for each milestone: only ones that come before it, so no time can be
# counted from itself or from something later.
ANCHORS_FOR = {
    "stage1_acknowledge_by": ("received",),
    "stage1_respond_by": ("received", "acknowledged"),
    "stage1_respond_by_extended": ("stage1_respond_by", "received", "acknowledged"),
    "escalate_by": ("stage1_response",),
    "stage2_acknowledge_by": ("escalated",),
    "stage2_respond_by": ("escalated", "stage2_acknowledged"),
    "stage2_respond_by_extended": ("stage2_respond_by", "escalated", "stage2_acknowledged"),
    "stage3_request_by": ("stage2_response",),
    "stage3_acknowledge_by": ("stage3_requested",),
    "stage3_respond_by": ("stage3_requested", "stage3_acknowledged"),
    "ombudsman_refer_by": ("stage2_response",),
}

UNITS = ("working_days", "days", "months")
