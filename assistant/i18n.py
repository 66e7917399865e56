"""Languages: chosen by ?lang=, then a cookie, then the browser's Accept-Language; English default."""

from __future__ import annotations

from babel import Locale
from flask import Flask, current_app, request

from .extensions import babel

COOKIE = "lang"


# Staff pages stay in English (the resident's language is shown and recorded instead); the
# assisted registration of the dialogue is a staff page too.
ENGLISH_ONLY = ("staff", "assisted")


def select_locale() -> str:
    if request.blueprint in ENGLISH_ONLY:
        return "en"
    supported = current_app.config["LANGUAGES"]
    for candidate in (request.args.get("lang"), request.cookies.get(COOKIE)):
        if candidate in supported:
            return candidate
    return request.accept_languages.best_match(supported) or current_app.config["BABEL_DEFAULT_LOCALE"]


def language_name(code: str) -> str:
    """A language named in itself ("Cymraeg", "اردو"), as a language list should."""
    return Locale.parse(code).get_display_name(code).capitalize()


def language_name_in_english(code: str) -> str:
    """A language named in English, for staff ("Welsh")."""
    return Locale.parse(code).get_display_name("en")


def text_direction(locale: str) -> str:
    return "rtl" if locale in current_app.config["RIGHT_TO_LEFT"] else "ltr"


def init_i18n(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)

    @app.after_request
    def remember_language(response):
        chosen = request.args.get("lang")
        if chosen in current_app.config["LANGUAGES"] and request.cookies.get(COOKIE) != chosen:
            response.set_cookie(COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
        return response
