"""A communiqué as a PDF: shaped, right-to-left Arabic, headed with the organisation's name
(common/pdf.py does the layout)."""

from urllib.parse import unquote

from django.http import HttpRequest
from django.template.loader import render_to_string

from common.pdf import html_to_pdf
from meetings.models import Communique


def render_pdf(request: HttpRequest, communique: Communique) -> bytes:
    """The PDF of `communique` in the active language."""
    html = render_to_string(
        "public/communique_pdf.html",
        {
            "communique": communique,
            "url": unquote(request.build_absolute_uri(communique.get_absolute_url())),
        },
        request=request,
    )
    return html_to_pdf(html, base_url=request.build_absolute_uri("/"))
