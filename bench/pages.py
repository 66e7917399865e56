"""For each page of the resident's journey: bytes over the wire (HTML + CSS + JS, uncompressed and
gzipped) and the server's median and 95th-percentile time to render it. Every page a resident can
reach: the question pages on the way for themselves and for someone else, the emergency, service
request and exclusion pages, stopping, saving, a page with errors, the check and confirmation
pages, and their own complaint page.

Targets (the dialogue issue): at most 30 KB a page all told; p95 under 20 ms on a 2-core machine.
Run: .venv/bin/python bench/pages.py [--runs N] [--slug SLUG]
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant import create_app  # noqa: E402
from tests.integration.helpers import END, MYSELF, exclusion_answers, lodge, token, walk  # noqa: E402

KB = 1024
SIZE_TARGET = 30 * KB
P95_TARGET_MS = 20.0


def assets(client, html: str) -> int:
    """Bytes of the page's own stylesheet and scripts (no third-party requests exist)."""
    total = 0
    for url in re.findall(r'(?:href|src)="(/static/[^"]+)"', html):
        total += len(client.get(url).data)
    return total


def timed(request, runs: int):
    """The response, and the sorted times of `runs` calls of `request`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = request()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return response, times


def row(client, response, times, expected: int = 200) -> tuple[int, int, int, float, float]:
    assert response.status_code == expected, (response.request.path, response.status_code)
    html = response.data
    static = assets(client, response.get_data(as_text=True))
    return len(html), static, len(gzip.compress(html)), statistics.median(times), times[int(0.95 * (len(times) - 1))]


def measure(client, url: str, runs: int) -> tuple[int, int, int, float, float]:
    return row(client, *timed(lambda: client.get(url), runs))


# Someone else's complaint, with someone in danger, a first report and an exclusion touched: the
# pages the shortest journey does not pass through.
ADVOCATE = [
    ("who-is-complaining", {"who": "someone-else"}),
    ("advocate-details", {"name": "Sam Advocate", "relationship": "support-worker", "email": "sam@example.org"}),
    ("resident-details", {"name": "Ada Resident", "address": "1 High Street"}),
    ("permission", {"permission": "not-yet"}),
    ("danger", {"danger": "yes"}),
    ("emergency", {}),
    *MYSELF[2:5],
    ("reported-before", {"reported": "no"}),
    ("service-request", {"choice": "complain"}),
]

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--slug", default="west-kent")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.db", "SECRET_KEY": "bench",
                          "SERVER_NAME": "localhost"})
        client = app.test_client()
        slug = args.slug
        steps = MYSELF + exclusion_answers(app, slug) + END
        walk(client, slug, steps)
        urls = ["/", f"/{slug}/"] + [f"/{slug}/complain/{step}" for step, _ in steps] + [
            f"/{slug}/complain/check", f"/{slug}/complain/save"]
        rows = [(url, *measure(client, url, args.runs)) for url in urls]
        # A page sent empty: the error summary and every message, rendered again on the same page.
        question = f"/{slug}/complain/what-went-wrong"
        empty = {"csrf_token": token(client, question), "submit": "continue"}
        rows.append((f"{question} (sent empty)", *row(client, *timed(lambda: client.post(question, data=empty),
                                                                      args.runs))))
        lodge(client, slug)
        rows.append((f"/{slug}/complain/sent", *measure(client, f"/{slug}/complain/sent", args.runs)))
        sent = client.get(f"/{slug}/complain/sent").get_data(as_text=True)
        private = re.search(r'class="private-link"><a href="http://localhost([^"]+)"', sent).group(1)
        rows.append((f"/{slug}/complaint/<token>", *measure(client, private, args.runs)))

        other = app.test_client()
        asked = exclusion_answers(app, slug)
        walk(other, slug, ADVOCATE + [(step, {"answer": "yes"}) for step, _ in asked])
        more = ["advocate-details", "resident-details", "permission", "emergency", "service-request",
                *(["exclusion-result"] if asked else [])]
        rows += [(f"/{slug}/complain/{step}", *measure(other, f"/{slug}/complain/{step}", args.runs)) for step in more]
        walk(other, slug, [("reported-before", {"reported": "no"}), ("service-request", {"choice": "report-instead"})])
        rows.append((f"/{slug}/complain/stopped", *measure(other, f"/{slug}/complain/stopped", args.runs)))

    failures = 0
    print(f"{'page':52} {'html':>7} {'css+js':>7} {'total':>7} {'gzip':>6} {'median':>8} {'p95':>8}")
    for url, html, static, gz, median, p95 in rows:
        total = html + static
        ok = total <= SIZE_TARGET and p95 < P95_TARGET_MS
        failures += not ok
        print(f"{url:52} {html:7d} {static:7d} {total:7d} {gz:6d} {median:6.2f}ms {p95:6.2f}ms {'' if ok else '  OVER TARGET'}")
    print(f"targets: total <= {SIZE_TARGET} bytes, p95 < {P95_TARGET_MS} ms; {len(rows) - failures} of {len(rows)} pages within")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
