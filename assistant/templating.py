"""What every template can use: the locale and its direction, the landlord's colour, dates in words."""

from __future__ import annotations

import re

from flask import Flask, current_app, g, request
from markupsafe import Markup
from flask_babel import format_date, format_number, get_locale

from datetime import date

from .forms.reasons import exclusion_reason
from .resident.timeline_words import decision_words
from .i18n import ENGLISH_ONLY, language_name, language_name_in_english, text_direction
from .references import spoken_reference
from .theme import accessible_colour


def init_templating(app: Flask) -> None:
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    @app.context_processor
    def page_globals():
        locale = str(get_locale())
        landlord = g.get("landlord")
        return {
            "locale": locale,
            "direction": text_direction(locale),
            "landlord": landlord,
            "brand_colour": accessible_colour(landlord.brand_colour) if landlord else "#1d5c8a",
            "languages": current_app.config["LANGUAGES"],
            "english_only": request.blueprint in ENGLISH_ONLY,
        }

    app.jinja_env.globals["exclusion_reason"] = exclusion_reason

    app.add_template_filter(language_name)
    app.add_template_filter(language_name_in_english)
    app.add_template_filter(format_number, "number")  # "3,000", "3.000", "3 000": as the page's language writes it

    @app.template_filter("phone")
    def phone(number: str) -> Markup:
        """A phone number to tap, and kept in its order inside a right-to-left sentence (where
        "0300 111 3000" would otherwise read "3000 111 0300")."""
        return Markup('<a href="tel:{}"><bdi dir="ltr">{}</bdi></a>').format(re.sub(r"[^\d+]", "", number), number)

    @app.template_filter("iso_long_date")
    def iso_long_date(value: str) -> str:
        return long_date(date.fromisoformat(value)) if value else ""

    app.jinja_env.globals["decision_words"] = decision_words

    @app.template_filter("spell_out")
    def spell_out(reference: str) -> str:
        """A reference as it is read aloud: "K for Kilo, C for Charlie, ...", dashes as pauses."""
        return spoken_reference(reference)

    @app.template_filter("long_date")
    def long_date(value):
        """e.g. "Monday 14 December 2026", in the page's language."""
        return format_date(value, "EEEE d MMMM y") if value else ""
