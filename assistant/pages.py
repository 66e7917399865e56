"""Pages that belong to no journey: the list of landlords, accessibility and privacy."""

from flask import Blueprint, current_app, render_template

bp = Blueprint("pages", __name__)


@bp.route("/")
def index():
    return render_template("pages/index.html", landlords=current_app.extensions["landlords"].values())


@bp.route("/accessibility")
def accessibility():
    return render_template("pages/accessibility.html")


@bp.route("/privacy")
def privacy():
    return render_template("pages/privacy.html")
