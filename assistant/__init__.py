"""The complaint assistant: a Flask app built by create_app()."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from .extensions import babel, db


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    from .config import settings

    app.config.update(settings(app.instance_path))
    app.config.update(config or {})
    # Info lines reach the console: with no SMTP set up, that is where the demo's emails show.
    app.logger.setLevel(app.config.get("LOG_LEVEL", "INFO"))
    if app.config["TRUSTED_PROXIES"]:
        # Behind a reverse proxy every request comes from the proxy: trust its X-Forwarded-For so
        # sign-in throttling counts each person's address, not one address for everyone.
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    from .policy.calendar import announced_holidays
    from .policy.profiles import PROFILE_DIR, landlords, load_profiles

    # A malformed profile stops the app here, naming the file and key, before any resident sees it.
    profiles = load_profiles(Path(app.config["PROFILE_DIR"] or PROFILE_DIR))
    announced_holidays()  # the announced bank holidays file too
    app.extensions["profiles"] = profiles
    app.extensions["landlords"] = landlords(profiles)

    db.init_app(app)
    from .i18n import init_i18n

    init_i18n(app)

    from .errors import register_error_pages
    from .pages import bp as pages_bp
    from .resident.complaint_page import bp as complaint_bp
    from .resident.dialogue import bp as dialogue_bp
    from .staff.auth import bp as staff_bp
    from .staff.cli import staff as staff_cli

    app.register_blueprint(pages_bp)
    app.register_blueprint(dialogue_bp)
    # The same dialogue again for staff entering a complaint taken by phone, letter or in person.
    app.register_blueprint(dialogue_bp, name="assisted", url_prefix="/<landlord_slug>/staff/new")
    app.register_blueprint(complaint_bp)
    app.register_blueprint(staff_bp)
    app.cli.add_command(staff_cli)
    from .commands import deadlines

    app.cli.add_command(deadlines)
    register_error_pages(app)

    from .templating import init_templating

    init_templating(app)

    with app.app_context():
        from . import models  # noqa: F401  (the tables must be known before create_all)
        from .staff import models as staff_models  # noqa: F401

        db.create_all()
    return app
