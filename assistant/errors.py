"""Friendly error pages: plain words and a way back, never a stack trace."""

from __future__ import annotations

from flask import Flask, render_template
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

from .extensions import db

MESSAGES = {
    400: (_l("Sorry, there is a problem with that request"), _l("Go back and try again. Anything you had already saved is still saved.")),
    404: (_l("Page not found"), _l("If you typed the web address, check it is correct. If you followed a private link, it may be wrong or no longer work.")),
    405: (_l("Sorry, you cannot do that on this page"), _l("Go back to the page you were on and try again.")),
    413: (_l("What you sent is too long"), _l("Go back, shorten your answer and try again.")),
    500: (_l("Sorry, there is a problem with the service"), _l("Try again later. Anything you had already saved is still saved.")),
}


def register_error_pages(app: Flask) -> None:
    def render(code: int):
        title, body = MESSAGES.get(code, MESSAGES[500])
        return render_template("error.html", title=title, body=body, code=code), code

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return render(error.code if error.code in MESSAGES else 400)

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        db.session.rollback()
        app.logger.exception("Unhandled error")
        return render(500)
