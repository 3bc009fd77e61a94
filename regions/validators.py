"""Checks on uploaded congress minutes: a real PDF of reasonable size, whatever its name says."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PDF_MAGIC = b"%PDF-"
DEFAULT_MAX_MINUTES_SIZE = 10 * 1024 * 1024


def max_minutes_size() -> int:
    return getattr(settings, "CONGRESS_MINUTES_MAX_SIZE", DEFAULT_MAX_MINUTES_SIZE)


def validate_minutes_pdf(file) -> None:
    """Refuse anything but a PDF (by name and by content) no larger than the limit."""
    name = getattr(file, "name", "") or ""
    if not name.lower().endswith(".pdf"):
        raise ValidationError(_("The minutes must be a PDF file (.pdf)."), code="extension")
    limit = max_minutes_size()
    if file.size > limit:
        raise ValidationError(
            _("The minutes file is too large (%(size)d MB at most).")
            % {"size": limit // (1024 * 1024)},
            code="size",
        )
    # The browser's content type and the file name are the uploader's claims; the bytes are not.
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(1024)
    file.seek(position)
    if not head.lstrip().startswith(PDF_MAGIC):
        raise ValidationError(_("This file is not a PDF document."), code="content")
