"""HTML to PDF with WeasyPrint, for every printed page of the project.

WeasyPrint lays the page out with Pango and HarfBuzz, using the system's OFL Arabic fonts
(Debian's fonts-noto-core and fonts-hosny-amiri; DejaVu for Latin digits), so Arabic is shaped
and right to left and the PDF keeps a text layer that can be searched and copied. The stylesheet
templates/pdf/base.css names those fonts.
"""

import logging

# WeasyPrint and fontTools narrate every step at INFO level.
logging.getLogger("weasyprint").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    from weasyprint import HTML  # heavy: loaded by the first PDF, not by every process

    return HTML(string=html, base_url=base_url).write_pdf()
