"""gunicorn settings for bench/run: production settings, no access log (it would measure the
terminal), sync workers as in production."""

import multiprocessing
import os

bind = os.environ["GUNICORN_BIND"]
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = 30
accesslog = None
errorlog = "-"
loglevel = "warning"
forwarded_allow_ips = "127.0.0.1"
