"""The resident's timeline in words, in their language: titles, states, what they can do, and
how each date was worked out. The dates and their reasons come from assistant.policy.timeline;
only the wording lives here, whole sentences with named placeholders for translators."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from babel.lists import format_list
from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from ..policy.timeline import Milestone, Reckoning, State

TITLES = {
    "stage1_acknowledge_by": _l("%(landlord)s acknowledges your complaint"),
    "stage1_respond_by": _l("%(landlord)s sends its stage 1 answer"),
    "stage1_respond_by_extended": _l("Latest stage 1 answer, if %(landlord)s agrees an extension with you"),
    "escalate_by": _l("Last day to ask for stage 2"),
    "stage2_acknowledge_by": _l("%(landlord)s acknowledges your stage 2 request"),
    "stage2_respond_by": _l("%(landlord)s sends its final answer (stage 2)"),
    "stage2_respond_by_extended": _l("Latest final answer, if %(landlord)s agrees an extension with you"),
    "stage3_request_by": _l("Last day to ask for the policy’s stage 3 (you do not have to)"),
    "stage3_acknowledge_by": _l("%(landlord)s acknowledges a stage 3 request"),
    "stage3_respond_by": _l("%(landlord)s answers at stage 3"),
    "ombudsman_refer_by": _l("Last day to ask the Housing Ombudsman to investigate"),
}

# What the resident can do at each point, while it is due and once it is overdue.
WHILE_DUE = {
    "stage1_acknowledge_by": _l("They should contact you to agree what your complaint is about and what you want to happen."),
    "stage1_respond_by": _l("They will send you their decision on each part of your complaint, with reasons and anything they will do to put it right."),
    "stage1_respond_by_extended": _l("They can only take longer if they agree it with you in writing, with the reason, a new date and the Housing Ombudsman’s details."),
    "escalate_by": _l("If you are unhappy with the stage 1 answer, ask for stage 2. You do not have to give a reason. Someone else will look at it."),
    "stage2_acknowledge_by": _l("They should confirm they have your stage 2 request and agree what it is about."),
    "stage2_respond_by": _l("This is their final answer. It must tell you how to go to the Housing Ombudsman."),
    "stage2_respond_by_extended": _l("They can only take longer if they agree it with you in writing, with the reason, a new date and the Housing Ombudsman’s details."),
    "stage3_request_by": _l("The Complaint Handling Code allows two stages. After the stage 2 answer you can go straight to the Housing Ombudsman instead."),
    "stage3_acknowledge_by": _l("They should confirm they have your stage 3 request."),
    "stage3_respond_by": _l("After this answer you can go to the Housing Ombudsman."),
    "ombudsman_refer_by": _l("If you are still unhappy after the final answer, the Housing Ombudsman can investigate. It is free."),
}
WHEN_OVERDUE = {
    "stage1_acknowledge_by": _l("This is late. Contact %(landlord)s to ask why. You can also contact the Housing Ombudsman for help."),
    "stage1_respond_by": _l("This is late. You can ask for stage 2 now, and you can contact the Housing Ombudsman for help."),
    "stage1_respond_by_extended": _l("This is late. You can ask for stage 2 now, and you can contact the Housing Ombudsman for help."),
    "stage2_acknowledge_by": _l("This is late. Contact %(landlord)s to ask why. You can also contact the Housing Ombudsman for help."),
    "stage2_respond_by": _l("This is late. You can contact the Housing Ombudsman, who can ask the landlord to respond."),
    "stage2_respond_by_extended": _l("This is late. You can contact the Housing Ombudsman, who can ask the landlord to respond."),
    "stage3_acknowledge_by": _l("This is late. You can go to the Housing Ombudsman instead."),
    "stage3_respond_by": _l("This is late. You can go to the Housing Ombudsman instead."),
    "escalate_by": _l("This date has passed. If you still want stage 2, ask anyway and explain why you could not ask sooner."),
    "ombudsman_refer_by": _l("This date has passed. The Ombudsman may still look at it if there is a good reason for the delay."),
}

ANCHORS = {
    "received": _l("the day your complaint was received"),
    "acknowledged": _l("the day it was acknowledged"),
    "stage1_respond_by": _l("the stage 1 deadline"),
    "stage1_response": _l("the day of the stage 1 answer"),
    "escalated": _l("the day you asked for stage 2"),
    "stage2_acknowledged": _l("the day stage 2 was acknowledged"),
    "stage2_respond_by": _l("the stage 2 deadline"),
    "stage2_response": _l("the day of the final answer"),
    "stage3_requested": _l("the day stage 3 was asked for"),
    "stage3_acknowledged": _l("the day stage 3 was acknowledged"),
}
ANCHORS_DUE = {
    "acknowledged": _l("the day the acknowledgement is due"),
    "stage2_acknowledged": _l("the day the stage 2 acknowledgement is due"),
    "stage3_acknowledged": _l("the day the stage 3 acknowledgement is due"),
}


@dataclass
class Entry:
    name: str
    title: str
    date: date
    state: str
    state_words: str
    advice: str
    how: list[str]  # how the date was worked out: the policy's time(s) and the Code's


def long_date(day: date) -> str:
    return format_date(day, "EEEE d MMMM y")


def amount(reckoning: Reckoning) -> str:
    n = reckoning.step.amount
    unit = reckoning.step.unit
    if unit == "working_days":
        return ngettext("%(num)d working day", "%(num)d working days", n)
    if unit == "days":
        return ngettext("%(num)d day", "%(num)d days", n)
    return ngettext("%(num)d month", "%(num)d months", n)


# The bank holidays a UK deadline can skip, by the names the `holidays` package gives them (it
# names them in English only). A name not here (a one-off, such as a coronation) shows as given.
HOLIDAYS = {
    "New Year's Day": _l("New Year’s Day"),
    "New Year Holiday": _l("the 2 January holiday"),
    "Good Friday": _l("Good Friday"),
    "Easter Monday": _l("Easter Monday"),
    "May Day": _l("the early May bank holiday"),
    "Spring Bank Holiday": _l("the spring bank holiday"),
    "Summer Bank Holiday": _l("the summer bank holiday"),
    "Late Summer Bank Holiday": _l("the summer bank holiday"),
    "Saint Andrew's Day": _l("St Andrew’s Day"),
    "Saint Patrick's Day": _l("St Patrick’s Day"),
    "Battle of the Boyne": _l("the Battle of the Boyne holiday (Orangemen’s Day)"),
    "Christmas Day": _l("Christmas Day"),
    "Boxing Day": _l("Boxing Day"),
}


def and_list(items: list[str]) -> str:
    """"Christmas Day and Boxing Day": a list joined as the page's language joins one (CLDR)."""
    text = format_list(items, locale=get_locale())
    # CLDR's Welsh leaves the choice open, "a(c)": it is "ac" before a vowel, "a" before a consonant.
    return re.sub(r"\ba\(c\) (?=(\w))", lambda m: "ac " if m.group(1).lower() in "aeiouwyâêîôûŵŷ" else "a ", text)


def holiday_name(name: str) -> str:
    """A bank holiday's name in the page's language; "(observed)" is a substitute day."""
    observed = name.endswith(" (observed)")
    name = name.removesuffix(" (observed)")
    words = str(HOLIDAYS.get(name, name))
    return _("%(holiday)s (substitute day)", holiday=words) if observed else words


def explain(reckoning: Reckoning) -> str:
    """e.g. "5 working days from Friday 18 December 2026 (the day your complaint was received),
    skipping Christmas Day and Boxing Day (substitute day)"."""
    start = reckoning.step.start
    anchor = ANCHORS_DUE.get(start) if reckoning.start_is_due_date else None
    values = {"amount": amount(reckoning), "start": long_date(reckoning.start_date), "anchor": anchor or ANCHORS[start]}
    skipped = [holiday_name(name) for _day, name in reckoning.skipped_holidays()]
    if not skipped:
        return _("%(amount)s from %(start)s (%(anchor)s)", **values)
    return _("%(amount)s from %(start)s (%(anchor)s), skipping %(holidays)s", holidays=and_list(skipped), **values)


def how_worked_out(m: Milestone, landlord_name: str) -> list[str]:
    lines = []
    if m.shown == "agreed":
        lines.append(_("The new date %(landlord)s agreed with you.", landlord=landlord_name))
    for r in m.policy_times or ((m.policy,) if m.policy else ()):
        lines.append(_("%(landlord)s’s policy: %(how)s. It says: “%(clause)s”", landlord=landlord_name,
                       how=explain(r), clause=r.step.clause))
    if m.code:
        lines.append(_("The Housing Ombudsman’s Complaint Handling Code: %(how)s. It says: “%(clause)s”",
                       how=explain(m.code), clause=m.code.step.clause))
    if m.policy and m.code and m.policy.date != m.code.date:
        lines.append(_("We show the more generous date, because this is your own time limit.") if m.resident_window
                     else _("We show the earlier date, because %(landlord)s must keep to both.", landlord=landlord_name))
    return lines


def state_words(m: Milestone) -> str:
    if m.state is State.MET:
        if m.met_on > m.date:
            return _("Done on %(date)s, late", date=long_date(m.met_on))
        return _("Done on %(date)s", date=long_date(m.met_on))
    return {
        State.DUE: _("Due"),
        State.OVERDUE: _("Overdue"),
        State.EXTENDED: _("Replaced by an agreed extension"),
        State.NOT_AGREED: _("Only if an extension is agreed"),
    }[m.state]


def entries(found: dict[str, Milestone], landlord_name: str) -> list[Entry]:
    out = []
    for name, m in found.items():
        advice_table = WHEN_OVERDUE if m.state is State.OVERDUE else WHILE_DUE
        advice = "" if m.state is State.MET else str(advice_table[name]) % {"landlord": landlord_name}
        out.append(Entry(name, str(TITLES[name]) % {"landlord": landlord_name}, m.date, str(m.state),
                         state_words(m), advice, how_worked_out(m, landlord_name)))
    return sorted(out, key=lambda e: e.date)


# Where a landlord's policy is out of date, what the Code gives the resident instead
# (kinds from assistant.policy.check).
CODE_GIVES_YOU = {
    "three_stages": _l("%(landlord)s’s policy has a third stage. The Complaint Handling Code allows only two: after the stage 2 answer you can go straight to the Housing Ombudsman."),
    "time_limit": _l("%(landlord)s’s policy gives you less time to complain than the Code allows. The Code gives you 12 months from the problem, or from when you found out about it."),
    "eight_week_rule": _l("%(landlord)s’s policy says you must wait 8 weeks after the final answer, or go through an MP, councillor or tenant panel, before going to the Ombudsman. That rule ended on 1 October 2022: you can go to the Housing Ombudsman as soon as the complaints process has finished."),
    "wrong_ombudsman": _l("%(landlord)s’s policy names the wrong ombudsman. As a resident of a social landlord in England, you go to the Housing Ombudsman Service."),
    "slower_than_code": _l("Some of %(landlord)s’s timescales are longer than the Code allows. The dates here use the Code’s time where it is shorter."),
}


def code_gives_you(kinds, landlord_name: str) -> list[str]:
    seen = []
    for kind in kinds:
        if kind in CODE_GIVES_YOU and kind not in seen:
            seen.append(kind)
    return [str(CODE_GIVES_YOU[k]) % {"landlord": landlord_name} for k in seen]


DECISIONS = {"upheld": _l("Upheld"), "partly-upheld": _l("Partly upheld"), "not-upheld": _l("Not upheld")}


def decision_words(decision: str) -> str:
    return str(DECISIONS.get(decision, decision))
