"""The ceiling of bench/run: a WSGI app with no framework at all, under the same gunicorn settings,
answering `/<name>` with the bytes and content type that bench/run saved for the page `<name>`.

Whatever a Bureau page costs above this is Bureau's (and Django's) own work.
"""

import os
from pathlib import Path

PAGES = Path(os.environ["BENCH_PAGES"])

_routes = {}
for body in PAGES.glob("*.body"):
    content_type = (PAGES / f"{body.stem}.type").read_text().strip()
    content = body.read_bytes()
    _routes[f"/{body.stem}"] = (
        content,
        [("Content-Type", content_type), ("Content-Length", str(len(content)))],
    )


def application(environ, start_response):
    found = _routes.get(environ["PATH_INFO"])
    if found is None:
        start_response("404 Not Found", [("Content-Type", "text/plain"), ("Content-Length", "0")])
        return [b""]
    content, headers = found
    start_response("200 OK", headers)
    return [content]
