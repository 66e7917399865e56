"""The same questions, worded for a member of staff speaking to a caller or reading a letter.

Staff go through the very same steps, forms and templates as residents; only these words change,
so that nobody types their own name where the resident's belongs. Keys: "question" (the heading
and page title), a field's name (its label), "<field>.hint", and "<field>.choices". Any of them
may name the landlord as %(landlord)s.
"""

from flask_babel import lazy_gettext as _l

from ..dialogue.exclusion_flags import exclusion_step_id
from . import reasons

NOT_SURE = {"not-sure": _l("They are not sure")}
WHAT_NEXT = _l("What would they like to do?")

# The exclusion questions (forms/exclusions.py), for every kind a policy may ask about: (the
# question, and a hint where the resident's hint says "you", else None to keep theirs).
EXCLUSION_QUESTIONS = {
    "legal_proceedings": (_l("Ask the caller: has anyone started a court case about this?"), None),
    "already_dealt_with": (_l("Ask the caller: has this same problem already been through %(landlord)s’s complaints process?"), None),
    "other_organisation": (_l("Ask the caller: is it about a service that another organisation provides?"), None),
    "policy_challenge": (_l("Ask the caller: is it about a law, or a policy itself, rather than how it was applied to them?"),
                         _l("A complaint about how a policy was used in their case is always a complaint.")),
    "insurance_claim": (_l("Ask the caller: is it only about an insurance claim?"), None),
    "staff_employment": (_l("Ask the caller: is it about their own job, as someone who works for %(landlord)s?"), None),
    "another_resident": (_l("Ask the caller: is it about the behaviour of another resident or neighbour?"), None),
    "alternative_process": (_l("Ask the caller: is it about something that has its own process, such as antisocial behaviour or a mutual exchange?"), None),
    "serious_allegation": (_l("Ask the caller: is it about a crime, abuse, theft, assault or discrimination?"), None),
}

WORDING = {
    "who-is-complaining": {
        "question": _l("Who is making the complaint?"),
        "who": _l("Who is making the complaint?"),
        "who.choices": {"myself": _l("The resident"), "someone-else": _l("Someone else, for the resident")},
        "who.choice_hints": {"someone-else": _l("An advocate, family member, friend, support worker, councillor or MP. They need the resident’s permission.")},
    },
    "advocate-details": {
        "question": _l("About the person complaining for the resident"),
        "name": _l("Their full name"),
        "relationship": _l("How do they know the resident?"),
        "organisation": _l("Their organisation (optional)"),
        "organisation.hint": _l("If they are complaining as part of their job."),
        "email": _l("Their email address"),
        "phone": _l("Their phone number"),
        "address": _l("Their postal address"),
    },
    "resident-details": {
        "tenancy_reference.hint": _l("It is on letters and rent statements. Leave it blank if it is not known."),
    },
    "permission": {
        "question": _l("Has the resident given permission for them to complain?"),
        "permission": _l("Has the resident given permission for them to complain?"),
        "permission.choices": {"signed-form": _l("Yes, the resident has signed a permission form"),
                               "with-me-agrees": _l("Yes, the resident is with them now and agrees")},
        "permission.choice_hints": {"not-yet": _l("Carry on. The landlord will ask the resident for written permission before it shares details of the complaint with them.")},
    },
    "danger": {"question": _l("Ask the caller: is anyone in danger now?"),
               "danger": _l("Ask the caller: is anyone in danger now?"),
               "danger.hint": _l("For example, they can smell gas, there is a fire, water is coming in, electrics are unsafe, or serious damp and mould is making someone ill.")},
    "emergency": {"question": _l("Give the caller these emergency contacts now")},
    "what-went-wrong": {
        "question": _l("What went wrong?"),
        "description": _l("What went wrong?"),
        "description.hint": _l("Write it in the resident’s own words where possible. They do not need to use the word “complaint”."),
    },
    "when-it-started": {
        "question": _l("When did it start?"),
        "started_on.hint": _l("For example, 27 3 2026. If they do not know the exact day, give their best guess."),
        "stopped_on.hint": _l("If they only found out about it later, give the date they found out."),
    },
    "reported-before": {
        "reported": _l("Ask the caller: have they reported this to %(landlord)s before?"),
        "reported.choices": {"yes": _l("Yes, and they are unhappy with how it has been dealt with"),
                             "no": _l("No, this is the first time they are telling us"), **NOT_SURE},
    },
    "service-request": {
        "choice": WHAT_NEXT,
        "choice.choices": {"complain": _l("Carry on with the complaint"),
                           "report-instead": _l("Log it as a repair or service request instead")},
    },
    **{exclusion_step_id(kind): {"answer": question, **({"answer.hint": hint} if hint else {}), "answer.choices": NOT_SURE}
       for kind, (question, hint) in EXCLUSION_QUESTIONS.items()},
    "exclusion-result": {
        "choice": WHAT_NEXT,
        "choice.choices": {"continue": _l("Send the complaint anyway"),
                           "stop": _l("Stop here: they will go elsewhere")},
    },
    "outcome": {
        "question": _l("What would they like to happen?"),
        "outcomes": _l("What would they like to happen?"),
        "put_right": _l("In their own words, what would put it right?"),
        "put_right.hint": _l("Optional, unless “Something else” is selected."),
    },
    "adjustments": {
        "question": _l("Do they need any support or changes to how we deal with them?"),
        "needs": _l("Do they need any support or changes to how we deal with them?"),
        "needs.choices": {"support-worker": _l("Contact through their support worker"),
                          "none": _l("No, they do not need any of these")},
        "times_to_avoid": _l("Are there times we should not contact them? (optional)"),
    },
    "contact-details": {
        "question": _l("The resident’s contact details"),
        "name": _l("The resident’s full name"),
        "email": _l("Their email address (optional)"),
        "email.hint": _l("We will send them a link to their complaint."),
        "phone": _l("Their phone number (optional)"),
        "address": _l("Their postal address (optional)"),
    },
    "contact-preference": {
        "question": _l("How would they like to be contacted?"),
        "method": _l("How would they like to be contacted?"),
    },
}


# The check page's section titles (resident/summary.py), for staff.
SECTION_TITLES = {
    "about-you": _l("About the resident"),
    "outcome": _l("What they would like to happen"),
    "support": _l("Support they need"),
    "contact": _l("How to contact them"),
}

# The check and save pages' own words, for staff; the resident's stay in those templates.
PAGES = {
    "check_heading": _l("Check the answers before sending the complaint"),
    "send_heading": _l("Now send the complaint"),
    "declaration": _l("Before sending, read the answers back to the caller, or check them against the letter or message."),
    "send_button": _l("Send the complaint"),
    "saved_heading": _l("The answers are saved"),
    "saved_link": _l("Use this link to come back to this complaint and carry on. It opens only for signed-in staff."),
    "email_link": _l("Email the link"),
    "carry_on": _l("Carry on with the complaint now"),
    "more_needs": _l("More about what they need, if it helps"),
    "advocate_intro": _l("Take their name and how to reach them. Talk to them about the complaint once the resident "
                         "has given permission."),
    "advocate_contact": _l("How to contact them"),
    "reach_them": _l("Give at least one way to reach them: email, phone or post."),
    "emergency_after": _l("Once everyone is safe, carry on with the complaint. The answers so far are saved."),
    "emergency_continue": _l("Continue with the complaint"),
    "stopped_heading": _l("The complaint has not been sent"),
    "stopped_saved": _l("The answers are saved."),
    "stopped_change": _l("Change the answer and send the complaint after all"),
    "stopped_save": _l("Get a link to come back to these answers later"),
}

# Why a flagged exclusion may apply (forms/reasons.py), where the resident's words say "you".
REASONS = {
    "policy_challenge": _l("It challenges a law or a policy itself, rather than how it was applied to them."),
    "staff_employment": _l("It is about their own job, which has its own process."),
}


def exclusion_reason(kind: str, landlord) -> str:
    return str(REASONS[kind]) if kind in REASONS else reasons.exclusion_reason(kind, landlord)


def apply(form, step_id: str) -> None:
    def named(text):
        return str(text) % {"landlord": form.context.landlord.name}

    for key, text in WORDING.get(step_id, {}).items():
        name, _dot, part = key.partition(".")
        if name == "question":
            form.question = text
        elif part == "hint":
            form[name].description = named(text)
        elif part == "choices":
            form[name].choices = [(value, text.get(value, label)) for value, label in form[name].choices]
        elif part == "choice_hints":
            form[name].choice_hints = {**form[name].choice_hints, **text}
        else:
            form[name].label.text = named(text)
