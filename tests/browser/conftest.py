"""Browser tests: Debian's Chromium, driven by Playwright (pytest-playwright), against the app
served for real on 127.0.0.1. One browser for the session; a new context (fresh cookies) per test."""

from __future__ import annotations

import os
import threading

import pytest
from werkzeug.serving import make_server

from assistant import create_app
from assistant.extensions import db

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT = {"width": 375, "height": 667}  # a small phone: the size most residents will use
TODAY = "2026-11-24"
TIMEOUT_MS = 10_000  # a page of this app loads in milliseconds; fail fast rather than wait 30s


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Playwright's own browser cannot be downloaded here, so the suite uses Debian's. Without it
    # the tests fail (in CI and locally alike): a browser suite that skips proves nothing.
    if not os.access(CHROMIUM, os.X_OK):
        ci = " (CI is set)" if os.environ.get("CI") else ""
        pytest.fail(f"{CHROMIUM} is missing{ci}: install it with `make browser` "
                    "(apt-get install chromium fonts-noto-core)", pytrace=False)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    database = tmp_path_factory.mktemp("browser") / "assistant.db"
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
        "SECRET_KEY": "browser-tests",
        "TODAY": TODAY,
    })
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def live_url(live_app):
    """The app on a free port (the OS picks it), served from a daemon thread. Named live_url, not
    base_url, so that pytest-base-url's fixture of that name is left alone."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_url):
    # base_url lets tests write page.goto("/kennett/"); en-GB is what a UK phone sends.
    return {**browser_context_args, "base_url": live_url, "viewport": VIEWPORT, "locale": "en-GB"}


@pytest.fixture
def context(new_context):
    context = new_context()
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture
def no_js_context(new_context):
    context = new_context(java_script_enabled=False)
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture
def landlords(live_app):
    """slug -> Landlord, as the app loaded them from the profiles."""
    return live_app.extensions["landlords"]
