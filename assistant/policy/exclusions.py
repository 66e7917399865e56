"""The kinds of exclusion a landlord's policy may list, and how the dialogue treats each.

The wording a resident sees lives in the dialogue (so it can be translated); here is only what
each kind *is*: whether the resident is asked about it, or it is worked out from earlier
answers, or it is a judgement only the landlord can make (never asked, never flagged by us).
"""

from __future__ import annotations

from enum import Enum


class Treatment(str, Enum):
    ASKED = "asked"  # a yes / no / not sure question page
    COMPUTED = "computed"  # worked out from answers already given (the dates)
    SERVICE_REQUEST = "service_request"  # handled by the "reported before?" question
    LANDLORD_JUDGEMENT = "landlord_judgement"  # e.g. vexatious: never asked of a resident


# kind -> treatment. A profile naming a kind not in this table fails at start-up.
KINDS: dict[str, Treatment] = {
    "time_limit": Treatment.COMPUTED,
    "legal_proceedings": Treatment.ASKED,
    "already_dealt_with": Treatment.ASKED,
    "other_organisation": Treatment.ASKED,
    "policy_challenge": Treatment.ASKED,
    "insurance_claim": Treatment.ASKED,
    "staff_employment": Treatment.ASKED,
    "another_resident": Treatment.ASKED,
    "alternative_process": Treatment.ASKED,
    "serious_allegation": Treatment.ASKED,
    "service_request": Treatment.SERVICE_REQUEST,
    "unreasonable_behaviour": Treatment.LANDLORD_JUDGEMENT,
    "anonymous": Treatment.LANDLORD_JUDGEMENT,
}
