"""For each page of the resident's journey: bytes over the wire (HTML + CSS + JS, uncompressed and
gzipped) and the server's median and 95th-percentile time to render it.

Targets (DEVELOPERS.md / the dialogue issue): at most 30 KB a page all told; p95 under 20 ms on a
2-core machine. Run: .venv/bin/python bench/pages.py [--runs N]
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
from tests.integration.helpers import END, MYSELF, exclusion_answers, lodge, walk  # noqa: E402

KB = 1024
SIZE_TARGET = 30 * KB
P95_TARGET_MS = 20.0


def assets(client, html: str) -> int:
    """Bytes of the page's own stylesheet and scripts (no third-party requests exist)."""
    total = 0
    for url in re.findall(r'(?:href|src)="(/static/[^"]+)"', html):
        total += len(client.get(url).data)
    return total


def measure(client, url: str, runs: int) -> tuple[int, int, int, float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    html = response.data
    static = assets(client, response.get_data(as_text=True))
    gz = len(gzip.compress(html))
    times.sort()
    return len(html), static, gz, statistics.median(times), times[int(0.95 * (len(times) - 1))]


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
        urls = ["/", f"/{slug}/"] + [f"/{slug}/complain/{step}" for step, _ in steps] + [f"/{slug}/complain/check"]
        rows = [(url, *measure(client, url, args.runs)) for url in urls]
        lodge(client, slug)
        rows.append((f"/{slug}/complain/sent", *measure(client, f"/{slug}/complain/sent", args.runs)))
        sent = client.get(f"/{slug}/complain/sent").get_data(as_text=True)
        private = re.search(r'class="private-link"><a href="http://localhost([^"]+)"', sent).group(1)
        rows.append((f"/{slug}/complaint/<token>", *measure(client, private, args.runs)))

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
