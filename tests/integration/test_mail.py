"""The one mail module: SMTP when MAIL_SERVER is set, otherwise the outbox table and the log."""

from __future__ import annotations

import logging
import smtplib

from assistant import mail
from assistant.extensions import db
from assistant.models import OutboxMessage


def test_without_smtp_an_email_is_kept_in_the_outbox_and_shown_in_the_log(app, caplog):
    with app.app_context(), caplog.at_level(logging.INFO, logger=app.logger.name):
        assert app.logger.getEffectiveLevel() <= logging.INFO  # what `make run` shows on the console
        mail.send("ada@example.com", "Your saved complaint", "Carry on: http://localhost/kennett/complain/resume/x")
        kept = db.session.execute(db.select(OutboxMessage)).scalar_one()
        assert (kept.to, kept.sent_at) == ("ada@example.com", None)
    assert "Email kept in outbox" in caplog.text and "/complain/resume/x" in caplog.text


class FakeSMTP:
    sent: list = []

    def __init__(self, host, port, timeout):
        self.host, self.port = host, port

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def starttls(self):
        pass

    def login(self, user, password):
        self.user = user

    def send_message(self, message):
        FakeSMTP.sent.append((self.host, self.port, message["To"], message["Subject"], message.get_content()))


class RefusingSMTP(FakeSMTP):
    def send_message(self, message):
        raise smtplib.SMTPRecipientsRefused({message["To"]: (550, b"no such mailbox")})


def test_with_smtp_the_email_is_sent_and_marked_sent(app, monkeypatch):
    app.config.update(MAIL_SERVER="smtp.example.org", MAIL_PORT=587, MAIL_USERNAME="u", MAIL_PASSWORD="p")
    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    with app.app_context():
        mail.send("ada@example.com", "Subject line", "Body text")
        kept = db.session.execute(db.select(OutboxMessage)).scalar_one()
        assert kept.sent_at is not None
    assert FakeSMTP.sent[-1][:4] == ("smtp.example.org", 587, "ada@example.com", "Subject line")
    assert FakeSMTP.sent[-1][4].strip() == "Body text"


def test_a_refused_email_stays_in_the_outbox_unsent_and_is_logged(app, monkeypatch, caplog):
    app.config.update(MAIL_SERVER="smtp.example.org")
    monkeypatch.setattr(smtplib, "SMTP", RefusingSMTP)
    with app.app_context():
        mail.send("nobody@example.com", "Subject", "Body")
        assert db.session.execute(db.select(OutboxMessage)).scalar_one().sent_at is None
    assert "Could not send email" in caplog.text
