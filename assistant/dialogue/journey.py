"""The complaint journey: which questions, in what order, under what conditions.

Exclusion questions are drawn from the landlord's own policy, so each landlord's journey is
built from its profile. The journey depends on "today" only through the time limit.
"""

from __future__ import annotations

from datetime import date

from ..policy.exclusions import Treatment
from ..policy.profiles import Landlord
from . import exclusion_flags
from .engine import Answers, Journey, Step, answer_is

FOR_SOMEONE_ELSE = answer_is("who-is-complaining", "who", "someone-else")
FOR_MYSELF = answer_is("who-is-complaining", "who", "myself")


def build_journey(landlord: Landlord, today: date, assisted: bool = False) -> Journey:
    """The steps for this landlord. `today` is the day the complaint counts as received (for staff
    entering a letter from last week, that day); `assisted` adds the intake questions staff answer."""

    def has_flags(answers: Answers) -> bool:
        return bool(exclusion_flags.flags(landlord, answers, today))

    asked = [e for e in landlord.exclusions if e.treatment is Treatment.ASKED]
    intake = [Step("how-it-came-in", "intake")] if assisted else []
    steps = [
        *intake,
        Step("who-is-complaining", "about-you"),
        Step("advocate-details", "about-you", applies=FOR_SOMEONE_ELSE),
        Step("resident-details", "about-you", applies=FOR_SOMEONE_ELSE),
        Step("permission", "about-you", applies=FOR_SOMEONE_ELSE),
        # Danger comes before the long questions: emergency contacts must not wait behind them.
        Step("danger", "what-went-wrong"),
        Step("emergency", "what-went-wrong", applies=answer_is("danger", "danger", "yes")),
        Step("what-went-wrong", "what-went-wrong"),
        Step("when-it-started", "what-went-wrong"),
        Step("what-it-affected", "what-went-wrong"),
        Step("reported-before", "what-went-wrong"),
        Step("service-request", "what-went-wrong",
             applies=answer_is("reported-before", "reported", "no"),
             stops=answer_is("service-request", "choice", "report-instead")),
        *(Step(exclusion_flags.exclusion_step_id(e.kind), "exclusions", params={"kind": e.kind}) for e in asked),
        Step("exclusion-result", "exclusions", applies=has_flags,
             stops=answer_is("exclusion-result", "choice", "stop")),
        Step("outcome", "outcome"),
        Step("adjustments", "support"),
        Step("contact-details", "contact", applies=FOR_MYSELF),
        Step("contact-preference", "contact"),
    ]
    return Journey(steps)
