"""The ceiling for bench/capacity: a bare WSGI application that returns the bytes of the file
named by CEILING_BODY, with the content type the page had, and does nothing else."""

import os

with open(os.environ["CEILING_BODY"], "rb") as body_file:
    BODY = body_file.read()
HEADERS = [
    ("Content-Type", os.environ.get("CEILING_CONTENT_TYPE", "text/html; charset=utf-8")),
    ("Content-Length", str(len(BODY))),
]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
