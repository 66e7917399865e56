"""Exclusion questions (drawn from the landlord's policy) and the page that explains a flag."""

from flask_babel import lazy_gettext as _l
from wtforms.validators import InputRequired

from .base import StepForm
from .fields import Radios

# The question asked for each kind of exclusion a policy may list (policy/exclusions.py).
QUESTIONS = {
    "legal_proceedings": (_l("Has anyone started a court case about this?"),
                          _l("For example, a claim for disrepair has been filed at court. A solicitor’s letter alone does not count.")),
    "already_dealt_with": (_l("Has this same problem already been through %(landlord)s’s complaints process?"),
                           _l("Answer no if something new has happened since.")),
    "other_organisation": (_l("Is it about a service that another organisation provides?"),
                           _l("For example, gas or electricity supply, council tax, benefits or the police.")),
    "policy_challenge": (_l("Is it about a law, or a policy itself, rather than how it was applied to you?"),
                         _l("A complaint about how a policy was used in your case is always a complaint.")),
    "insurance_claim": (_l("Is it only about an insurance claim?"), None),
    "staff_employment": (_l("Is it about your own job, as someone who works for %(landlord)s?"),
                         _l("Staff and board members have their own process for this.")),
    "another_resident": (_l("Is it about the behaviour of another resident or neighbour?"),
                         _l("How %(landlord)s has handled a report about a neighbour can still be a complaint.")),
    "alternative_process": (_l("Is it about something that has its own process, such as antisocial behaviour or a mutual exchange?"), None),
    "serious_allegation": (_l("Is it about a crime, abuse, theft, assault or discrimination?"),
                           _l("These may be dealt with through another process, such as the police or safeguarding.")),
}


class ExclusionQuestionForm(StepForm):
    heading_field = "answer"
    answer = Radios(_l("Question"), choices=[("yes", _l("Yes")), ("no", _l("No")), ("not-sure", _l("I am not sure"))],
                    validators=[InputRequired(_l("Select yes, no or not sure"))])

    def configure(self, context):
        super().configure(context)
        question, hint = QUESTIONS[context.params["kind"]]
        self.answer.label.text = question % {"landlord": context.landlord.name}
        self.answer.description = hint % {"landlord": context.landlord.name} if hint else ""

    @property
    def heading(self):
        return str(self.answer.label.text)


class ExclusionResultForm(StepForm):
    question = _l("%(landlord)s may not be able to take this complaint")
    heading_field = None
    choice = Radios(_l("What would you like to do?"), choices=[
        ("continue", _l("Send my complaint anyway")),
        ("stop", _l("Stop here: I will go elsewhere")),
    ], validators=[InputRequired(_l("Select whether to send your complaint anyway"))])

    @property
    def heading(self):
        return str(self.question) % {"landlord": self.context.landlord.name}
