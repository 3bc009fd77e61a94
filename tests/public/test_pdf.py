"""The PDF download: produced, with the title's text, headed with the organisation's name."""

import re
import shutil
import subprocess

import pytest
from django.conf import settings

pytestmark = [pytest.mark.django_db, pytest.mark.pdftotext]


def pdf_text(content: bytes, tmp_path) -> str:
    pdftotext = shutil.which("pdftotext")  # present: checked at collection (tests/conftest.py)
    path = tmp_path / "communique.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    # pdftotext wraps right-to-left runs in bidi embedding marks; the words are what matter.
    return " ".join(re.sub("[\u202a-\u202e]", "", text).split())


def test_pdf_is_produced_with_the_title_and_the_organisation(client, seed, tmp_path):
    response = client.get(seed.get_absolute_url() + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content, tmp_path)
    # Shaped Arabic read back in logical order; pdftotext drops the space between a Latin
    # number and an Arabic word, so the whole title is compared without spaces.
    assert "اجتماع المكتب السياسي" in text
    assert seed.title_ar.replace(" ", "") in text.replace(" ", "")
    assert settings.ORGANISATION_NAME["ar"] in text


def test_french_pdf_is_in_french(client, seed, tmp_path):
    url = seed.get_absolute_url()
    response = client.get(f"/fr{url}pdf/")
    assert response.status_code == 200
    text = pdf_text(response.content, tmp_path)
    assert seed.title_fr in text
    assert settings.ORGANISATION_NAME["fr"] in text
