"""Housekeeping commands: `flask --app assistant deadlines recompute`."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from .casework import recompute_open_deadlines

deadlines = AppGroup("deadlines", help="The deadlines stored with each complaint.")


@deadlines.command("recompute")
def recompute() -> None:
    """Recompute every open complaint's deadlines (after the bank-holiday data changes)."""
    changed = recompute_open_deadlines()
    click.echo(f"Recomputed the deadlines of every open complaint; {changed} changed.")
