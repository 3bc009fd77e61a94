"""Settings for the test suite: production settings plus a throwaway key and fast hashing."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# Production's 15 s cap would also apply to the test runner's own CREATE and DROP DATABASE,
# which a busy CI machine can take longer over.
os.environ.setdefault("DB_STATEMENT_TIMEOUT_MS", "60000")

from bureau.settings import *  # noqa: E402,F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# Tasks run inline in tests (their on-commit enqueues fire with
# django_capture_on_commit_callbacks(execute=True)).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Every invalidation is seen at once: no process-local copy of the page cache's generation
# (tests/public/test_page_cache_layer.py turns it on where it is the subject).
PUBLIC_PAGE_CACHE_LOCAL_SECONDS = 0
# Absolute links in mail and calendars.
SITE_URL = "https://bureau.example.org"
# Two-factor and login throttling have their own tests (tests/accounts), which switch them on;
# elsewhere tests sign in with client.login, which django-axes would refuse without a request.
REQUIRE_2FA = False
AXES_ENABLED = False
