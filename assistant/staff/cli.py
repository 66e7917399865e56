"""`flask --app assistant staff create|list`: staff accounts are made on the command line.

    flask --app assistant staff create --landlord SLUG --email EMAIL
    flask --app assistant staff list --landlord SLUG

`create` asks for the password twice on a terminal, or reads one line from stdin when piped.
A mistake exits with status 1 and one line on stderr.
"""

from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import AppGroup

from . import accounts

staff = AppGroup("staff", help="Staff accounts: create them and list them.")


def landlord_or_fail(slug: str):
    landlord = current_app.extensions["landlords"].get(slug)
    if landlord is None:
        known = ", ".join(sorted(current_app.extensions["landlords"]))
        raise click.ClickException(f"No landlord called {slug!r}. Known landlords: {known}.")
    return landlord


def read_password() -> str:
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\r\n")


@staff.command("create")
@click.option("--landlord", "slug", required=True, help="The landlord's slug, as in its web address.")
@click.option("--email", required=True, help="The member of staff's email address; they sign in with it.")
def create(slug: str, email: str) -> None:
    """Create a staff account for one landlord."""
    landlord = landlord_or_fail(slug)
    try:
        email = accounts.check_new(slug, email)  # before asking for a password that would be wasted
        member = accounts.create(slug, email, read_password())
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created a staff account for {member.email} at {landlord.name}.")


@staff.command("list")
@click.option("--landlord", "slug", required=True, help="The landlord's slug, as in its web address.")
def list_accounts(slug: str) -> None:
    """List a landlord's staff accounts: one email address a line, with the date it was made."""
    landlord_or_fail(slug)
    for member in accounts.for_landlord(slug):
        click.echo(f"{member.email}\tcreated {member.created_at:%Y-%m-%d}")
