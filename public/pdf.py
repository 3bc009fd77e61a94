"""A communiqué as a PDF: shaped, right-to-left Arabic, headed with the organisation's name.

WeasyPrint lays the page out with Pango and HarfBuzz, using the system's OFL Arabic fonts
(Debian's fonts-noto-core and fonts-hosny-amiri; DejaVu for Latin digits): with TrueType fonts
the PDF keeps a correct text layer, so the text can be searched and copied.
"""

import logging
from urllib.parse import unquote

from django.http import HttpRequest
from django.template.loader import render_to_string

from meetings.models import Communique

# WeasyPrint and fontTools narrate every step at INFO level.
logging.getLogger("weasyprint").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)


def render_pdf(request: HttpRequest, communique: Communique) -> bytes:
    """The PDF of `communique` in the active language."""
    from weasyprint import HTML  # slow to import: loaded with the first PDF, not at startup

    html = render_to_string(
        "public/communique_pdf.html",
        {
            "communique": communique,
            "url": unquote(request.build_absolute_uri(communique.get_absolute_url())),
        },
        request=request,
    )
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
