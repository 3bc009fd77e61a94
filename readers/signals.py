"""What the readers app announces: the public site listens and refreshes its pages
(readers never imports the public site, see docs/readers.md)."""

from django.dispatch import Signal

# Sent after commit when the replies shown under communiqués changed (an approval, or an
# approved reply moderated away). Keyword arguments:
#   communiques  the communiqués whose pages must be refreshed
replies_changed = Signal()
