"""Outbound email and texts: one small module. Email goes by SMTP when MAIL_SERVER is set;
otherwise, and for every text (no gateway is connected yet), the message is kept in the outbox
table and written to the log, so the demo works with nothing set up and staff can see it."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from flask import current_app

from .extensions import db
from .models import OutboxMessage, utcnow


def send(to: str, subject: str, body: str) -> OutboxMessage:
    message = OutboxMessage(to=to, subject=subject, body=body)
    db.session.add(message)
    config = current_app.config
    if config.get("MAIL_SERVER"):
        email = EmailMessage()
        email["From"], email["To"], email["Subject"] = config["MAIL_FROM"], to, subject
        email.set_content(body)
        try:
            with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
                smtp.starttls()
                if config.get("MAIL_USERNAME"):
                    smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
                smtp.send_message(email)
            message.sent_at = utcnow()
        except (OSError, smtplib.SMTPException):
            # The message stays in the outbox unsent; the resident still sees their link on screen.
            current_app.logger.exception("Could not send email %r", subject)
    else:
        current_app.logger.info("Email kept in outbox (no MAIL_SERVER) to=%s subject=%r\n%s", to, subject, body)
    db.session.commit()
    return message


def send_text(to: str, body: str) -> OutboxMessage:
    """A text message. No SMS gateway is wired in: it waits in the outbox for one (or for staff)."""
    message = OutboxMessage(channel="text", to=to, subject="", body=body)
    db.session.add(message)
    current_app.logger.info("Text kept in outbox to=%s\n%s", to, body)
    db.session.commit()
    return message
