"""The reader's network address, used only hashed (view counts, rate limits), never stored.

Behind the reverse proxy every request comes from the proxy: with READERS_PROXY_COUNT = N
(the number of proxies in front of the app that append to X-Forwarded-For), the address is
the Nth entry from the right of that header, the one the outermost trusted proxy saw.
Entries further left are written by the client and never trusted.
"""

from django.conf import settings


def client_address(request) -> str:
    proxies = getattr(settings, "READERS_PROXY_COUNT", 0)
    if proxies:
        forwarded = [a.strip() for a in request.headers.get("X-Forwarded-For", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
