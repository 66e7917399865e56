"""The caseload page with 100,000 complaints in SQLite: the server's median and 95th-percentile
time to render /<slug>/staff/complaints, unfiltered, filtered, searched and deep in the list.

Target (the caseload issue): median under 100 ms. The complaints are spread over the five
landlords, about half of them open, with deadlines from weeks overdue to weeks ahead, as casework
would have stored them. Run: .venv/bin/python bench/caseload.py [--complaints N] [--runs N]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402

from assistant import create_app  # noqa: E402
from assistant.extensions import db  # noqa: E402
from assistant.models import Complaint, Draft  # noqa: E402
from assistant.references import ALPHABET  # noqa: E402
from assistant.staff import accounts  # noqa: E402
from tests.integration.helpers import token  # noqa: E402

TARGET_MS = 100.0
TODAY = date(2026, 11, 24)
SLUG = "kennett"
EMAIL, PASSWORD = "bench@kennett.example", "a long bench password"
BATCH = 10_000

FIRST = ["Ada", "Aisha", "Bronwen", "Chen", "Dafydd", "Emeka", "Fatima", "George", "Hannah", "Ibrahim", "Joanna",
         "Kwame", "Leila", "Mohammed", "Niamh", "Oluwaseun", "Priya", "Rhys", "Siobhan", "Tomasz", "Zofia"]
LAST = ["Smith", "Jones", "Williams", "Brown", "Taylor", "Davies", "Evans", "Khan", "Patel", "Nowak", "O'Brien",
        "Okafor", "Hughes", "Roberts", "Ahmed", "Wilson", "Thomas", "Walker", "Wright", "Green", "Lewis", "Begum"]
CHANNELS = ["online"] * 6 + ["phone", "phone", "letter", "email", "in-person", "social-media", "councillor-or-mp"]
MILESTONES = {1: ["stage1_acknowledge_by", "stage1_respond_by"], 2: ["stage2_acknowledge_by", "stage2_respond_by"]}


def references(rng: random.Random, prefixes: list[str], n: int) -> list[str]:
    made: set[str] = set()
    while len(made) < n:
        chunk = "".join(rng.choices(ALPHABET, k=7))
        made.add(f"{rng.choice(prefixes)}-{chunk[:4]}-{chunk[4:]}")
    shuffled = sorted(made)  # a set's order changes from run to run; the seed's must not
    rng.shuffle(shuffled)
    return shuffled


def complaint_row(rng: random.Random, n: int, reference: str, landlord) -> dict:
    """A complaint as casework would have stored it: most of the last three months' still open,
    few older ones; the next deadline a few days to a few months after receipt, by its stage."""
    age = int(rng.triangular(0, 400, 10))
    received = TODAY - timedelta(days=age)
    status = "open" if rng.random() < (0.8 if age < 90 else 0.05) else rng.choice(["closed"] * 7 + ["refused"])
    stage = 2 if rng.random() < min(0.05 + age / 200, 0.5) else 1
    milestone = deadline = None
    if status == "open" and rng.random() > 0.03:  # a few open cases have no landlord deadline left
        milestone = rng.choice(MILESTONES[stage])
        days = {"stage1_acknowledge_by": (2, 7), "stage1_respond_by": (10, 30),
                "stage2_acknowledge_by": (30, 60), "stage2_respond_by": (40, 110)}[milestone]
        deadline = received + timedelta(days=rng.randint(*days))
    return {
        "reference": reference, "landlord": landlord.slug, "draft_id": n, "answers": {}, "nation": landlord.nation,
        "received_on": received, "resident_name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "channel": rng.choice(CHANNELS), "status": status, "stage": stage, "next_milestone": milestone,
        "next_deadline": deadline, "deadlines": {milestone: deadline.isoformat()} if deadline else {},
    }


def load(app, count: int, seed: int = 2026) -> None:
    """Bulk-insert `count` drafts and their complaints, spread over every landlord."""
    rng = random.Random(seed)
    landlords = list(app.extensions["landlords"].values())
    by_prefix = {landlord.reference_prefix: landlord for landlord in landlords}
    refs = references(rng, list(by_prefix), count)
    with app.app_context():
        for start in range(0, count, BATCH):
            ids = range(start + 1, min(start + BATCH, count) + 1)
            landlord_of = {n: by_prefix[refs[n - 1].split("-")[0]] for n in ids}
            db.session.execute(insert(Draft), [
                {"id": n, "landlord": landlord_of[n].slug, "resume_hash": f"{n:064d}", "answers": {}} for n in ids])
            db.session.execute(insert(Complaint), [complaint_row(rng, n, refs[n - 1], landlord_of[n]) for n in ids])
        db.session.commit()
        accounts.create(SLUG, EMAIL, PASSWORD)


def sign_in(client) -> None:
    url = f"/{SLUG}/staff/"
    response = client.post(url, data={"csrf_token": token(client, url), "email": EMAIL, "password": PASSWORD})
    assert response.headers["Location"] == f"/{SLUG}/staff/home", response.status_code


def measure(client, url: str, runs: int) -> tuple[float, float, str]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code, response.headers.get("Location"))
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], response.get_data(as_text=True)


def rows_on(html: str) -> int:
    return len(re.findall(r'<tr class="caseload__row', html))


def link(html: str, rel: str) -> str | None:
    found = re.search(rf'<a class="pagination__link" href="([^"]+)" rel="{rel}"', html)
    return found.group(1).replace("&amp;", "&") if found else None


def next_link(html: str) -> str | None:
    return link(html, "next")


def previous_link(html: str) -> str | None:
    return link(html, "prev")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.db", "SECRET_KEY": "bench",
                          "SERVER_NAME": "localhost", "TODAY": TODAY.isoformat(), "STAFF_SIGNIN_DELAY": False})
        began = time.perf_counter()
        load(app, args.complaints)
        print(f"loaded {args.complaints:,} complaints in {time.perf_counter() - began:.1f} s")
        with app.app_context():
            open_here = db.session.execute(db.select(db.func.count()).select_from(Complaint).where(
                Complaint.landlord == SLUG, Complaint.status == "open")).scalar_one()
            reference = db.session.execute(db.select(Complaint.reference).where(
                Complaint.landlord == SLUG, Complaint.status == "open").limit(1)).scalar_one()
        print(f"{SLUG}: {open_here:,} open complaints")
        client = app.test_client()
        sign_in(client)

        base = f"/{SLUG}/staff/complaints"
        spaced = reference.lower().replace("-", " - ")
        urls = [("first page", base), ("stage 2, overdue only", f"{base}?stage=2&overdue=yes"),
                ("name search 'priya'", f"{base}?q=priya"), ("name search 'a'", f"{base}?q=a"),
                ("reference search", f"{base}?q={spaced.replace(' ', '+')}")]
        pages, url = 1, base
        while (following := next_link(client.get(url).get_data(as_text=True))) is not None:
            pages, url = pages + 1, following
        urls.append((f"last page ({pages})", url))
        urls.append((f"page {pages - 1}, by Previous", previous_link(client.get(url).get_data(as_text=True))))

        failures = 0
        print(f"{'request':26} {'rows':>5} {'median':>9} {'p95':>9}")
        for name, url in urls:
            median, p95, html = measure(client, url, args.runs)
            ok = median < TARGET_MS
            failures += not ok
            print(f"{name:26} {rows_on(html):5d} {median:7.2f}ms {p95:7.2f}ms{'' if ok else '  OVER TARGET'}")
    verdict = "met" if not failures else "NOT met"
    print(f"target: median under {TARGET_MS:.0f} ms for every request: {verdict}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
