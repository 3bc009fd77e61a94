"""Congress minutes: a real PDF of bounded size, stored where no URL reaches, served only to
those who may see the congress."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from regions.models import Congress

from .conftest import PDF
from .test_forged_posts import congress_data, election_row, management

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def upload(client, world, name, content, content_type="application/pdf"):
    congress = world["congress"]
    data = congress_data(
        world["region"],
        **management("elections", 1, 1),
        **election_row(0, world["election"]),
        minutes=SimpleUploadedFile(name, content, content_type=content_type),
    )
    return client.post(reverse("admin:regions_congress_change", args=[congress.pk]), data)


def stored_files(root):
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def minutes_url(congress):
    return reverse("admin:regions_congress_minutes", args=[congress.pk])


def test_a_pdf_is_kept_out_of_public_reach(client, draa_secretary, own, private_media, settings):
    client.force_login(draa_secretary)
    assert upload(client, own, "minutes.pdf", PDF).status_code == 302
    congress = Congress.objects.get(pk=own["congress"].pk)
    [stored] = stored_files(private_media)
    assert stored.read_bytes() == PDF
    assert congress.minutes.name.startswith("congress-minutes/")
    assert not stored_files(settings.MEDIA_ROOT)
    assert client.get(f"/media/{congress.minutes.name}").status_code == 404
    with pytest.raises(NotImplementedError):
        congress.minutes.url  # noqa: B018 — a private file has no address


def test_the_owner_and_the_bureau_download_the_minutes(
    client, draa_secretary, secretariat, own, private_media
):
    client.force_login(draa_secretary)
    upload(client, own, "minutes.pdf", PDF)
    for user in (draa_secretary, secretariat):
        client.force_login(user)
        response = client.get(minutes_url(own["congress"]))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment")
        assert b"".join(response.streaming_content) == PDF


def test_another_region_and_strangers_cannot_download_them(
    client, draa_secretary, souss_secretary, editor, own
):
    client.force_login(draa_secretary)
    upload(client, own, "minutes.pdf", PDF)
    client.force_login(souss_secretary)
    assert client.get(minutes_url(own["congress"])).status_code == 404
    client.force_login(editor)
    assert client.get(minutes_url(own["congress"])).status_code == 404
    client.logout()
    response = client.get(minutes_url(own["congress"]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_change_page_links_to_the_checked_download(client, draa_secretary, own):
    client.force_login(draa_secretary)
    upload(client, own, "minutes.pdf", PDF)
    page = client.get(reverse("admin:regions_congress_change", args=[own["congress"].pk]))
    assert minutes_url(own["congress"]) in page.content.decode()


@pytest.mark.parametrize(
    "name,content,content_type",
    [
        ("minutes.txt", b"Minutes of the congress, in plain text.", "text/plain"),
        ("minutes.pdf", PNG, "application/pdf"),  # a misleading name
        ("minutes.pdf.html", PDF, "text/html"),
        ("minutes.pdf", b"<html><body>%PDF-1.4</body></html>", "application/pdf"),
    ],
    ids=["text", "png-named-pdf", "pdf-named-html", "html-named-pdf"],
)
def test_anything_but_a_pdf_is_refused(
    client, draa_secretary, own, private_media, name, content, content_type
):
    client.force_login(draa_secretary)
    response = upload(client, own, name, content, content_type)
    assert response.status_code == 200
    assert "minutes" in response.context["adminform"].form.errors
    assert not stored_files(private_media)
    assert not Congress.objects.get(pk=own["congress"].pk).minutes


def test_an_oversized_pdf_is_refused(client, draa_secretary, own, private_media, settings):
    settings.CONGRESS_MINUTES_MAX_SIZE = 2 * 1024 * 1024
    client.force_login(draa_secretary)
    response = upload(client, own, "minutes.pdf", PDF + b"0" * (2 * 1024 * 1024))
    assert response.status_code == 200
    assert "minutes" in response.context["adminform"].form.errors
    assert not stored_files(private_media)
    assert not Congress.objects.get(pk=own["congress"].pk).minutes
