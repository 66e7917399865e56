"""The resident's deadlines as an iCalendar file (RFC 5545), to add to a phone's calendar."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets are folded with CRLF and a space (RFC 5545, 3.1)."""
    out, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode())
            current = b""
        current += encoded
    out.append(current.decode())
    return "\r\n ".join(out)


def ics(complaint, entries, link: str) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Complaint assistant//EN", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]
    for entry in entries:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{complaint.reference}-{entry.name}@complaint-assistant",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{entry.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{entry.date + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(f'{complaint.reference}: {entry.title}')}",
            f"DESCRIPTION:{_escape(' '.join(filter(None, [entry.state_words + '.', entry.advice, link])))}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
