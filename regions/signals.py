"""What the regions app announces to the apps built on it (see docs/architecture.md)."""

from django.dispatch import Signal

# Sent after commit for every step of a congress outcome. Keyword arguments:
#   congress  the congress as saved
#   action    a CongressTransition.Action value ("recorded", "submitted", "validated", "sent_back")
#   actor     the user who took the step
#   comment   what the actor wrote ("" when nothing)
congress_changed = Signal()
