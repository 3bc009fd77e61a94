"""The shared page cache: invalidated on publication and withdrawal, never leaking a staff page,
answering conditional requests, and harmless when its backend is down."""

import datetime

import pytest
from django.test import RequestFactory, override_settings
from django.utils import timezone

from meetings.models import Communique
from public.cache import invalidate_public_pages
from public.views import communique_page

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    alias: {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": alias == "default",
            "SOCKET_CONNECT_TIMEOUT": 0.2,
            "SOCKET_TIMEOUT": 0.2,
        },
    }
    for alias in ("default", "pages")
}


def publish(communique):
    """What the workflow's publish does, then its on_commit hook."""
    communique.status = Communique.Status.PUBLISHED
    communique.published_at = timezone.now()
    communique.save()
    invalidate_public_pages()


def withdraw(communique):
    communique.status = Communique.Status.WITHDRAWN
    communique.save()
    invalidate_public_pages()


def test_home_is_served_from_the_cache_until_invalidated(client, make_communique):
    make_communique(title="بلاغ أول")
    assert "بلاغ أول" in client.get("/").content.decode()
    # Written behind the workflow's back: the cached page does not know yet.
    make_communique(title="بلاغ ثان", published_at=timezone.now())
    assert "بلاغ ثان" not in client.get("/").content.decode()
    invalidate_public_pages()
    assert "بلاغ ثان" in client.get("/").content.decode()


def test_publishing_shows_the_communique_at_once(client, make_communique):
    make_communique(title="بلاغ أول")
    draft = make_communique(title="بلاغ جديد", status=Communique.Status.APPROVED)
    client.get("/")
    client.get("/feed/atom/")
    publish(draft)
    assert "بلاغ جديد" in client.get("/").content.decode()
    assert "بلاغ جديد" in client.get("/feed/atom/").content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_withdrawal_removes_the_communique_at_once(client, make_communique):
    make_communique(title="بلاغ باق")
    gone = make_communique(title="بلاغ سيسحب")
    url = gone.get_absolute_url()
    assert client.get(url).status_code == 200
    assert "بلاغ سيسحب" in client.get("/").content.decode()
    withdraw(gone)
    assert client.get(url).status_code == 404
    assert "بلاغ سيسحب" not in client.get("/").content.decode()
    assert "بلاغ سيسحب" not in client.get("/sitemap.xml").content.decode()


def test_a_page_requested_by_staff_does_not_reach_an_anonymous_reader(
    client, make_communique, publisher
):
    make_communique(title="بلاغ منشور")
    staff = type(client)()
    staff.force_login(publisher)
    staff_page = staff.get("/")
    assert "publisher" in staff_page.content.decode()  # the staff bar names the user
    assert "no-store" in staff_page["Cache-Control"]
    assert "private" in staff_page["Cache-Control"]
    reader_page = client.get("/")
    assert "publisher" not in reader_page.content.decode()
    assert "public" in reader_page["Cache-Control"]
    # And the other way round: staff never get the reader's cached copy.
    assert "publisher" in staff.get("/").content.decode()


def test_a_staff_preview_is_never_cached_and_says_it_is_a_preview(
    client, make_communique, publisher
):
    draft = make_communique(title="مسودة للمعاينة", status=Communique.Status.APPROVED)
    request = RequestFactory().get("/admin/meetings/communique/1/preview/")
    request.user = publisher
    response = communique_page(request, draft, preview=True)
    html = response.content.decode()
    assert "مسودة للمعاينة" in html
    assert 'class="preview-banner"' in html
    assert 'content="noindex, nofollow"' in html
    assert "no-store" in response["Cache-Control"]
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "مسودة للمعاينة" not in client.get("/").content.decode()


def test_responses_carry_validators_and_honour_conditional_requests(client, seed):
    url = seed.get_absolute_url()
    first = client.get(url)
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    assert client.get(url, headers={"if-modified-since": modified}).status_code == 304
    assert client.get(url, headers={"if-none-match": '"other"'}).status_code == 200
    invalidate_public_pages()
    # The page is made again: it may be equal, but it is no longer the same version in time.
    later = client.get(url, headers={"if-modified-since": "Mon, 01 Jan 2001 00:00:00 GMT"})
    assert later.status_code == 200


def test_no_page_outlives_the_next_scheduled_publication(client, make_communique):
    import time_machine

    make_communique(title="بلاغ سابق")
    when = timezone.now() + datetime.timedelta(minutes=30)
    make_communique(title="بلاغ مبرمج", status=Communique.Status.SCHEDULED, published_at=when)
    invalidate_public_pages()  # what scheduling does
    assert "بلاغ مبرمج" not in client.get("/feed/rss/").content.decode()
    with time_machine.travel(when + datetime.timedelta(seconds=1)):
        assert "بلاغ مبرمج" in client.get("/feed/rss/").content.decode()


@override_settings(CACHES=DEAD_REDIS)
def test_pages_are_still_served_when_the_cache_backend_is_down(client, seed):
    url = seed.get_absolute_url()
    for path in ["/", url, "/2020/01/", "/search/?q=انصهار", "/feed/atom/", "/sitemap.xml"]:
        response = client.get(path)
        assert response.status_code == 200, path
    invalidate_public_pages()  # the workflow's hook must not fail either
    assert client.get(url).status_code == 200


def test_the_workflow_reaches_readers_at_once(
    client, make_communique, publisher, django_capture_on_commit_callbacks
):
    from meetings import workflow

    make_communique(title="بلاغ سابق")
    approved = make_communique(title="بلاغ مصادق عليه", status=Communique.Status.APPROVED)
    assert "بلاغ مصادق عليه" not in client.get("/").content.decode()  # cached now
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(approved, actor=publisher)
    url = approved.get_absolute_url()
    assert "بلاغ مصادق عليه" in client.get("/").content.decode()
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        workflow.correct(
            approved,
            actor=publisher,
            changes={"body_ar": "نص مصحح."},
            notes={"ar": "تصحيح خطأ مطبعي."},
            version=approved.version,
        )
    assert "تصحيح خطأ مطبعي." in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.withdraw(approved, actor=publisher, comment="سحب")
    assert client.get(url).status_code == 410
    assert "بلاغ مصادق عليه" not in client.get("/").content.decode()
