"""A withdrawn communiqué's address answers 410 Gone with a short notice in the reader's
language: when, and why where the publisher said; never the withdrawn text."""

import datetime

import pytest
import time_machine

from meetings import workflow

pytestmark = pytest.mark.django_db


@pytest.fixture
def withdrawn(seed, publisher):
    with time_machine.travel(datetime.datetime(2020, 2, 3, 10, tzinfo=datetime.UTC), tick=False):
        workflow.withdraw(
            seed, actor=publisher, comment="نشر قبل المصادقة النهائية / publié par erreur"
        )
    return seed


def test_arabic_notice_says_when_and_why_and_hides_the_text(client, withdrawn):
    response = client.get(withdrawn.get_absolute_url())
    assert response.status_code == 410
    page = response.text
    assert "تم سحب" in page and "3 فبراير 2020" in page
    assert "نشر قبل المصادقة النهائية" in page
    assert withdrawn.title_ar not in page
    assert "باعتزاز" not in page  # a word of the body
    assert 'name="robots" content="noindex"' in page


def test_french_notice(client, withdrawn):
    response = client.get(f"/fr{withdrawn.get_absolute_url()}")
    assert response.status_code == 410
    assert "retiré le lundi 3 février 2020" in response.text
    assert withdrawn.title_fr not in response.text


def test_pdf_address_and_wrong_date_are_gone_too(client, withdrawn):
    assert client.get(withdrawn.get_absolute_url() + "pdf/").status_code == 410
    wrong_date = withdrawn.get_absolute_url().replace("/2020/01/21/", "/2020/01/22/")
    assert client.get(wrong_date).status_code == 410


def test_unknown_and_unpublished_addresses_stay_404(client, make_communique):
    draft = make_communique(status="draft")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get("/2020/01/21/nothing-here/").status_code == 404


def test_notice_without_reason(client, seed, publisher):
    workflow.withdraw(seed, actor=publisher, comment="x")
    seed.transitions.filter(to_status="withdrawn").update(comment="")
    response = client.get(seed.get_absolute_url())
    assert response.status_code == 410
    assert "withdrawal-reason" not in response.text
