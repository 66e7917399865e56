"""The resident's blueprints: the complaint dialogue and their own complaint page."""

from __future__ import annotations

from flask import abort, current_app, g

from ..policy.profiles import Landlord


def load_landlord(endpoint, values) -> None:
    """url_value_preprocessor: every resident URL starts with the landlord's slug."""
    slug = (values or {}).pop("landlord_slug", None)
    landlord: Landlord | None = current_app.extensions["landlords"].get(slug)
    if landlord is None:
        abort(404)
    g.landlord = landlord


def add_landlord(endpoint, values) -> None:
    """url_defaults: links within a landlord's pages keep its slug without repeating it."""
    if "landlord" in g and "landlord_slug" not in values and current_app.url_map.is_endpoint_expecting(endpoint, "landlord_slug"):
        values["landlord_slug"] = g.landlord.slug
