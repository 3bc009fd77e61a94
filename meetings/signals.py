"""What the meetings app announces to the apps built on it (see docs/architecture.md).

The workflow never calls the public site: it sends ``communique_changed`` once the step's
transaction has committed, and whoever cares (the page cache, notifications) listens.
"""

from django.dispatch import Signal

# Sent after commit for every workflow step. Keyword arguments:
#   communique  the communiqué as saved
#   action      the step's name ("submit", "publish", "correct", "publish_due", ...)
#   actor       the user who took it, or None for a scheduled publication
#   comment     what the actor wrote ("" when nothing)
#   public      whether what readers can see changed (publication, correction, withdrawal...)
communique_changed = Signal()
