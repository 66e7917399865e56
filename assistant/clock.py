"""Today's date in the UK, where deadlines are counted; tests freeze it with the TODAY setting."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app

LONDON = ZoneInfo("Europe/London")


def today() -> date:
    fixed = current_app.config.get("TODAY")
    if fixed:
        return date.fromisoformat(fixed) if isinstance(fixed, str) else fixed
    return datetime.now(LONDON).date()
