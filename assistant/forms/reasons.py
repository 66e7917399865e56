"""Why a landlord may not be able to take a complaint, in plain words, for each kind of exclusion."""

from flask_babel import lazy_gettext as _l

REASONS = {
    "time_limit": _l("It started more than 12 months ago and has stopped. Complaints are normally made within 12 months, unless there is a good reason for the delay."),
    "legal_proceedings": _l("A court case has started about it. Things that are part of a court case are decided by the court."),
    "already_dealt_with": _l("It has already been through the complaints process."),
    "other_organisation": _l("It is about a service another organisation provides, so that organisation would need to answer it."),
    "policy_challenge": _l("It challenges a law or a policy itself, rather than how it was applied to you."),
    "insurance_claim": _l("It is only about an insurance claim, which has its own process."),
    "staff_employment": _l("It is about your own job, which has its own process."),
    "another_resident": _l("It is about another resident’s behaviour, which is usually dealt with in another way."),
    "alternative_process": _l("It has its own process, such as antisocial behaviour or mutual exchange."),
    "serious_allegation": _l("It may need to be dealt with through another process, such as the police or safeguarding."),
}


def exclusion_reason(kind: str, landlord) -> str:
    return str(REASONS.get(kind, "")) % {"landlord": landlord.name}
