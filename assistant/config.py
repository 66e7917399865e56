"""Settings from the environment, with defaults that work on a fresh machine with nothing set up."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path


def database_url(instance_path: str) -> str:
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return "sqlite:///" + str(Path(instance_path) / "assistant.db")
    # Hosting platforms hand out postgres:// URLs; SQLAlchemy wants the driver named.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def secret_key(instance_path: str) -> str:
    """SECRET_KEY from the environment, else one kept in instance/ so sessions survive restarts."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def settings(instance_path: str) -> dict:
    return {
        "SECRET_KEY": secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": database_url(instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE", "") == "1",
        # How many reverse proxies stand in front of the app (0: none, it is reached directly).
        "TRUSTED_PROXIES": int(os.environ.get("TRUSTED_PROXIES", "0") or 0),
        # The session only points at the draft; the answers live in the database, so an
        # expired session loses nothing that the resume link cannot bring back.
        "PERMANENT_SESSION_LIFETIME": timedelta(days=30),
        # A form left open for a long time (a resident interrupted by a carer visit) must still
        # submit; a token older than this gets a clear message and the typed answers back.
        "WTF_CSRF_TIME_LIMIT": 12 * 3600,
        # A private link works while the complaint is open, and after it ends (closed or refused)
        # for the Housing Ombudsman's 12 months to refer it plus a month's grace (DOMAIN.md); then
        # it is a plain "not found", so an old link found in a shared inbox opens nothing.
        "ACCESS_LINK_DAYS_AFTER_END": 396,
        # "Find my complaint" sends at most this many links a day for one complaint (the lodging
        # link counts): enough for a resident who lost theirs, too few to flood them.
        "FIND_LINKS_PER_DAY": 4,
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_TRANSLATION_DIRECTORIES": str(Path(__file__).parent / "translations"),
        # English first; each other language needs a complete catalogue in assistant/translations
        # (tests/unit/test_catalogues.py checks it). Right-to-left ones are also in RIGHT_TO_LEFT.
        "LANGUAGES": ["en", "cy", "pl", "ro", "pt", "es", "bn", "ur", "ar"],
        "RIGHT_TO_LEFT": ["ar", "ur"],
        "MAIL_SERVER": os.environ.get("MAIL_SERVER", ""),
        "MAIL_PORT": int(os.environ.get("MAIL_PORT", "587")),
        "MAIL_USERNAME": os.environ.get("MAIL_USERNAME", ""),
        "MAIL_PASSWORD": os.environ.get("MAIL_PASSWORD", ""),
        "MAIL_FROM": os.environ.get("MAIL_FROM", "complaints@localhost"),
        "MAX_CONTENT_LENGTH": 256 * 1024,  # no step needs more; a flood gets a clear 413 page
        "PROFILE_DIR": None,  # None: the shipped profiles
        # A staff session ends after this long without a staff page being opened.
        "STAFF_IDLE_MINUTES": int(os.environ.get("STAFF_IDLE_MINUTES", "30")),
        # Failed sign-ins slow the next try (up to a second): True sleeps, False does not (tests),
        # or a function to call with the seconds.
        "STAFF_SIGNIN_DELAY": True,
    }
