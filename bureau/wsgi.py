import gc
import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bureau.settings")
application = get_wsgi_application()

# Never serve without a secret key (gunicorn and runserver both start here).
try:
    _ = settings.SECRET_KEY  # Django refuses an empty one when it is read
except ImproperlyConfigured as missing:
    raise ImproperlyConfigured(
        "The SECRET_KEY environment variable is required when DEBUG is off "
        "(set DEBUG=1 for local development)."
    ) from missing

# Stored public pages are answered before Django handles the request (docs/performance.md).
from public.wsgi_cache import PageCacheApp  # noqa: E402  (needs the settings above)

application = PageCacheApp(application)

# Everything loaded so far lives as long as the process: kept out of the garbage collector's
# passes, which otherwise walk it again and again as requests allocate (docs/performance.md).
gc.freeze()
