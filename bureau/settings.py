"""Bureau's one settings module: every difference between a laptop and production is an
environment variable (see README.md and .env.example)."""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # optional; real environment variables win

DEBUG = env.bool("DEBUG", default=False)

# Required to serve with DEBUG off: bureau/wsgi.py refuses to start without it. Commands that
# sign nothing (makemigrations, check) run without one; anything that signs (sessions, tokens)
# fails loudly, as Django refuses an empty SECRET_KEY when it is used.
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "insecure-development-key-only-used-while-DEBUG-is-on"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "accounts",
    "backups",
    "regions",
    "meetings",
    "readers",
    "public",
    "notifications",
]

MIDDLEWARE = [
    # First: a stored public page keeps the headers of everything below (docs/performance.md).
    "public.cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "bureau.middleware.PermissionsPolicyMiddleware",
    "bureau.middleware.JsonLdHashMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "bureau.middleware.BureauLocaleMiddleware",
    "bureau.middleware.RejectMalformedRequests",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "bureau.middleware.DatabaseTimeoutMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "bureau.urls"
WSGI_APPLICATION = "bureau.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "public.context_processors.organisation",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
# A connection kept across requests is checked before use: after a PostgreSQL restart the next
# request reconnects instead of failing (see docs/security.md).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A request waiting on a locked row, or a runaway query, fails with a clear message long
    # before gunicorn's timeout would kill the worker (milliseconds; 0 turns a limit off).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = " ".join(
        [
            f"-c lock_timeout={env.int('DB_LOCK_TIMEOUT_MS', default=5000)}",
            f"-c statement_timeout={env.int('DB_STATEMENT_TIMEOUT_MS', default=15000)}",
        ]
    )
    # The public pages' few queries are prepared on the server, which keeps their plans
    # (common/prepared.py). Any threshold turns it on: those queries ask to be prepared at
    # once, and Django's own cursors bind values client-side, which never prepares. Off behind
    # a connection pooler that cannot keep prepared statements (docs/deploy.md).
    if env.bool("DB_PREPARED_STATEMENTS", default=True):
        DATABASES["default"]["OPTIONS"]["prepare_threshold"] = 5
# A PostgreSQL streaming replica the public pages read from; everything else uses the primary
# (see common/replica.py and docs/deploy.md).
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"].setdefault("CONN_MAX_AGE", DATABASES["default"]["CONN_MAX_AGE"])
    # The same health checks and time limits as the primary.
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    # Only the time limits and prepared statements: the rest of OPTIONS (host, port from the
    # URL) says where it is.
    primary_options = DATABASES["default"].get("OPTIONS", {})
    DATABASES["replica"].setdefault("OPTIONS", {}).update(
        (name, value)
        for name, value in primary_options.items()
        if name in ("options", "prepare_threshold")
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["common.replica.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://bureau")}
CACHES["default"].setdefault("OPTIONS", {})
# The public page cache: the same server, but its errors reach public/cache.py, whose circuit
# breaker skips a dead Redis for a few seconds (docs/performance.md).
CACHES["pages"] = {**CACHES["default"], "OPTIONS": dict(CACHES["default"]["OPTIONS"])}
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    for alias, ignore in (("default", True), ("pages", False)):
        CACHES[alias]["OPTIONS"].update(
            {"IGNORE_EXCEPTIONS": ignore, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
        )
    # A stopped Redis makes other cache users slower, never broken, and fills no log.
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
PUBLIC_PAGE_CACHE_BREAKER_SECONDS = env.int("PAGE_CACHE_BREAKER_SECONDS", default=10)
# How long a process serves its own copy of a page before asking Redis whether a publication
# started a new generation: the longest a reader may see the page as it was before.
PUBLIC_PAGE_CACHE_LOCAL_SECONDS = env.float("PAGE_CACHE_LOCAL_SECONDS", default=0.5)

# Slow side effects (mail...) run in a worker (`manage.py db_worker`, see docs/deploy.md) from a
# queue kept in the database; development and tests may run them inline with
# TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend.
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Mail: the console while developing, SMTP with TLS in production
# (EMAIL_URL=smtp+tls://user:password@host:587).
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
if EMAIL_CONFIG["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend":
    # The same, with the decoded subject and the plain text before the raw message.
    EMAIL_CONFIG["EMAIL_BACKEND"] = "notifications.console.EmailBackend"
vars().update(EMAIL_CONFIG)
# A mail server that does not answer must not hold a worker (or, inline, a request) for long.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="bureau@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's own address, for absolute links in mail and calendars (https://bureau.example.org).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000" if DEBUG else "").rstrip("/")

# Readers (see docs/readers.md). View counts wait in this Redis (shared by every app host)
# until the periodic job moves them to the database; without it, views go straight there.
READERS_REDIS_URL = env.str("READERS_REDIS_URL", default="")
# Reverse proxies in front of the app that append to X-Forwarded-For (readers/addresses.py).
READERS_PROXY_COUNT = env.int("READERS_PROXY_COUNT", default=0)
READERS_REPLY_DAYS = env.int("READERS_REPLY_DAYS", default=30)  # replies close after; 0: never
READERS_REPLY_MAX_LENGTH = env.int("READERS_REPLY_MAX_LENGTH", default=2000)
READERS_REPLY_MIN_SECONDS = env.int("READERS_REPLY_MIN_SECONDS", default=5)
READERS_REPLY_RATE = env.str("READERS_REPLY_RATE", default="5/h")  # per hashed address
READERS_SUBSCRIBE_RATE = env.str("READERS_SUBSCRIBE_RATE", default="5/h")
READERS_CONFIRM_DAYS = env.int("READERS_CONFIRM_DAYS", default=2)
READERS_MAIL_BATCH = env.int("READERS_MAIL_BATCH", default=100)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Arabic first; codes stay plain (ar, fr, en) so modeltranslation's
# columns are name_ar, name_fr, name_en.
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Moroccan date formats in Arabic (no comma after the month, 24-hour time).
FORMAT_MODULE_PATH = ["bureau.formats"]
TIME_ZONE = "Africa/Casablanca"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("ar",)}
# The tabbed translation admin would load jQuery UI from a public CDN otherwise.
JQUERY_UI_URL = "/static/vendor/jquery-ui/jquery-ui.min.js"

# The organisation whose bureau this is: configuration, not code.
ORGANISATION_NAME = {
    "ar": env.str("ORGANISATION_NAME_AR", default="حزب التقدم والاشتراكية"),
    "fr": env.str("ORGANISATION_NAME_FR", default="Parti du Progrès et du Socialisme"),
    "en": env.str("ORGANISATION_NAME_EN", default="Party of Progress and Socialism"),
}

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_STORAGE",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
# Files no public URL may reach (congress minutes): served only through permission-checked views.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private")
# Where `manage.py backup` (and `make backup`) writes its dated archives (docs/backup.md).
BACKUP_ROOT = env.path("BACKUP_ROOT", default=BASE_DIR / "backup-archives")

LOGIN_URL = "admin:login"
# Where a login lands when its `next` is missing or unsafe (Django's default, /accounts/profile/,
# does not exist here).
LOGIN_REDIRECT_URL = "admin:index"

# Login protection (docs/security.md). django-axes counts failed logins per account and address:
# after AXES_FAILURE_LIMIT failures that pair is refused for AXES_COOLOFF_TIME.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_VERBOSE = False  # no banner on every command
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # every failure kept, with address and browser
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout"
AXES_CLIENT_IP_CALLABLE = "accounts.login.client_ip"
# How many reverse proxies in front of gunicorn append to X-Forwarded-For (0: none, the
# address is REMOTE_ADDR).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Two-factor authentication (TOTP, django-otp). Any staff account may enrol a device
# (`manage.py enrol_totp`); with REQUIRE_2FA superusers, approvers and publishers must.
REQUIRE_2FA = env.bool("REQUIRE_2FA", default=not DEBUG)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Bureau")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# Behind a TLS-terminating reverse proxy in production.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): only this site's own scripts, styles, fonts and images;
# JSON-LD data blocks are allowed by their hash (bureau.middleware.JsonLdHashMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Powerful browser features nobody here needs, refused to every page and frame.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
# The load balancer's health check talks plain HTTP to each host.
SECURE_REDIRECT_EXEMPT = [r"^health$"]
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
