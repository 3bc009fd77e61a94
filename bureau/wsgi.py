import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bureau.settings")
application = get_wsgi_application()

# Stored public pages are answered before Django handles the request (docs/performance.md).
from public.wsgi_cache import PageCacheApp  # noqa: E402  (needs the settings above)

application = PageCacheApp(application)
