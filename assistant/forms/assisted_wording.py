"""The same questions, worded for a member of staff speaking to a caller or reading a letter.

Staff go through the very same steps, forms and templates as residents; only these words change,
so that nobody types their own name where the resident's belongs. Keys: "question" (the heading
and page title), a field's name (its label), "<field>.hint", and "<field>.choices".
"""

from flask_babel import lazy_gettext as _l

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
        "email": _l("Their email address"),
        "phone": _l("Their phone number"),
        "address": _l("Their postal address"),
    },
    "permission": {
        "question": _l("Has the resident given permission for them to complain?"),
        "permission": _l("Has the resident given permission for them to complain?"),
        "permission.choices": {"signed-form": _l("Yes, the resident has signed a permission form"),
                               "with-me-agrees": _l("Yes, the resident is with them now and agrees")},
    },
    "danger": {"question": _l("Ask the caller: is anyone in danger now?"),
               "danger": _l("Ask the caller: is anyone in danger now?")},
    "emergency": {"question": _l("Give the caller these emergency contacts now")},
    "what-went-wrong": {
        "question": _l("What went wrong?"),
        "description": _l("What went wrong?"),
        "description.hint": _l("Write it in the resident’s own words as far as you can. They do not need to use the word “complaint”."),
    },
    "when-it-started": {"question": _l("When did it start?")},
    "reported-before": {
        "reported.choices": {"yes": _l("Yes, and they are unhappy with how it has been dealt with"),
                             "no": _l("No, this is the first time they are telling us"),
                             "not-sure": _l("They are not sure")},
    },
    "service-request": {
        "choice.choices": {"complain": _l("Carry on with the complaint"),
                           "report-instead": _l("Log it as a repair or service request instead")},
    },
    "exclusion-result": {
        "choice.choices": {"continue": _l("Send the complaint anyway"),
                           "stop": _l("Stop here: they will go elsewhere")},
    },
    "outcome": {
        "question": _l("What would they like to happen?"),
        "outcomes": _l("What would they like to happen?"),
        "put_right": _l("In their own words, what would put it right?"),
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


def apply(form, step_id: str) -> None:
    for key, text in WORDING.get(step_id, {}).items():
        name, _dot, part = key.partition(".")
        if name == "question":
            form.question = text
        elif part == "hint":
            form[name].description = text
        elif part == "choices":
            form[name].choices = [(value, text.get(value, label)) for value, label in form[name].choices]
        elif part == "choice_hints":
            form[name].choice_hints = {**form[name].choice_hints, **text}
        else:
            form[name].label.text = text
