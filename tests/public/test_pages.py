"""The public pages through HTTP: Arabic first, French where translated, 404 when not public."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from meetings.models import AgendaItem, Communique
from regions.models import Mandate, Person
from tests.conftest import at

pytestmark = pytest.mark.django_db


def test_home_is_arabic_and_right_to_left(client, seed):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert seed.title_ar in html
    assert html.count("<h1") == 1
    assert 'href="#main"' in html and '<main id="main"' in html


def test_home_lists_newest_first_ten_per_page(client, make_many):
    make_many(25)
    first = client.get("/").content.decode()
    assert first.index("بلاغ رقم 0<") < first.index("بلاغ رقم 1<") < first.index("بلاغ رقم 9<")
    assert "بلاغ رقم 10<" not in first
    third = client.get("/?page=3").content.decode()
    assert "بلاغ رقم 24<" in third and "بلاغ رقم 19<" not in third


@pytest.mark.parametrize("page", ["0", "-1", "4", "abc", "١", "1.5", "9" * 30, ""])
def test_pages_outside_the_archive_are_404(client, make_many, page):
    make_many(25)
    assert client.get("/", {"page": page}).status_code == 404


def test_communique_page_has_title_arabic_date_and_body(client, seed):
    response = client.get(seed.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{seed.title_ar}</h1>" in html
    assert "الثلاثاء 21 يناير 2020" in html
    assert "تجدر وانصهار" in html


def test_communique_address_is_a_date_and_the_arabic_slug(seed):
    assert seed.get_absolute_url() == (
        "/2020/01/21/%D8%A7%D8%AC%D8%AA%D9%85%D8%A7%D8%B9-%D8%A7%D9%84%D9%85%D9%83%D8%AA%D8%A8-"
        "%D8%A7%D9%84%D8%B3%D9%8A%D8%A7%D8%B3%D9%8A-21-%D9%8A%D9%86%D8%A7%D9%8A%D8%B1-2020/"
    )


def test_a_wrong_date_in_the_address_redirects_to_the_right_one(client, seed):
    response = client.get(f"/2020/01/22/{seed.slug}/")
    assert response.status_code == 301
    assert response["Location"] == seed.get_absolute_url()


@pytest.mark.parametrize(
    "status",
    [
        Communique.Status.DRAFT,
        Communique.Status.IN_REVIEW,
        Communique.Status.APPROVED,
        Communique.Status.WITHDRAWN,
        Communique.Status.SCHEDULED,
    ],
)
def test_every_non_public_communique_is_404(client, make_communique, status):
    fields = {"status": status}
    if status == Communique.Status.SCHEDULED:
        fields["published_at"] = timezone.now() + datetime.timedelta(hours=1)
    hidden = make_communique(title="بلاغ غير منشور", **fields)
    # A withdrawn communiqué is gone, with a notice (tests/public/test_withdrawn.py).
    absent = 410 if status == Communique.Status.WITHDRAWN else 404
    assert client.get(hidden.get_absolute_url()).status_code == absent
    assert client.get(hidden.get_absolute_url() + "pdf/").status_code == absent
    assert client.get(f"/fr{hidden.get_absolute_url()}").status_code == absent
    assert "بلاغ غير منشور" not in client.get(hidden.get_absolute_url()).content.decode()
    assert "بلاغ غير منشور" not in client.get("/").content.decode()


def test_scheduled_communique_becomes_public_at_its_time_with_no_job(client, make_communique):
    make_communique(title="بلاغ سابق")
    publication = timezone.now() + datetime.timedelta(hours=2)
    scheduled = make_communique(
        title="بلاغ مبرمج", status=Communique.Status.SCHEDULED, published_at=publication
    )
    assert "بلاغ مبرمج" not in client.get("/").content.decode()  # and the home is now cached
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    import time_machine

    with time_machine.travel(publication + datetime.timedelta(seconds=1)):
        assert "بلاغ مبرمج" in client.get("/").content.decode()
        assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_french_page_exists_where_translated(client, seed):
    response = client.get(f"/fr{seed.get_absolute_url()}")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    assert seed.title_fr in html
    assert "mardi 21 janvier 2020" in html


def test_untranslated_language_redirects_to_the_arabic_page(client, seed):
    url = seed.get_absolute_url()
    response = client.get(f"/en{url}")
    assert response.status_code == 302
    assert response["Location"] == url


def test_language_switcher_keeps_the_reader_on_the_same_communique(client, seed):
    url = seed.get_absolute_url()
    html = client.get(url).content.decode()
    assert f'href="/fr{url}" hreflang="fr"' in html
    assert 'hreflang="en"' not in html  # no English translation: not offered
    french = client.get(f"/fr{url}").content.decode()
    assert f'href="{url}" hreflang="ar"' in french


def test_french_lists_only_translated_communiques(client, seed, make_communique):
    make_communique(title="بلاغ بالعربية فقط")
    html = client.get("/fr/").content.decode()
    assert seed.title_fr in html
    assert "بلاغ بالعربية فقط" not in html


def test_meta_tags_for_sharing_canonical_and_alternates(client, seed):
    html = client.get(seed.get_absolute_url()).content.decode()
    url = f"http://testserver{seed.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert f'<meta property="og:title" content="{seed.title_ar}">' in html
    assert '<meta property="og:type" content="article">' in html
    french = f"http://testserver/fr{seed.get_absolute_url()}"
    assert f'<link rel="alternate" hreflang="fr" href="{french}">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{url}">' in html
    assert 'type="application/atom+xml"' in html


def test_corrected_communique_says_when(client, seed):
    seed.corrected_at = at(2020, 1, 23, 10)
    seed.correction_note_ar = "تصحيح اسم الإقليم."
    seed.save()
    html = client.get(seed.get_absolute_url()).content.decode()
    assert "الخميس 23 يناير 2020" in html
    assert "تصحيح اسم الإقليم." in html


@pytest.fixture
def same_region(seed, make_communique, make_meeting, region):
    """An older communiqué about the seed's region, and five newer ones sharing nothing."""
    older = make_communique(
        title="بلاغ عن الجهة نفسها",
        meeting=make_meeting(
            day=datetime.date(2019, 5, 7), items=[(AgendaItem.Topic.ELECTIONS, [region])]
        ),
        published_at=at(2019, 5, 7),
    )
    for _n in range(5):
        make_communique(title="بلاغ أحدث بلا صلة")
    return older


def test_related_communiques_share_regions_before_recency(client, seed, same_region):
    html = client.get(seed.get_absolute_url()).content.decode()
    related = html[html.index('id="related-title"') :]
    assert "قد يعجبك أيضا" in html
    assert related.index(same_region.title_ar) < related.index("بلاغ أحدث بلا صلة")


def test_related_communiques_fill_up_with_the_newest_whatever_the_archive_size(
    client, seed, make_communique
):
    from public.related import related_communiques, store_related

    store_related(seed)  # nothing shares its regions or topics: the newest fill the list
    one = make_communique(title="بلاغ أول", published_at=at(2021, 1, 5))
    assert [c.pk for c in related_communiques(seed)] == [one.pk]  # fewer than the list holds
    newer = [make_communique(title=f"بلاغ {n}", published_at=at(2022, 1, 4 + n)) for n in range(6)]
    same_day = make_communique(title="بلاغ في اليوم نفسه", published_at=at(2022, 1, 9))
    shown = related_communiques(seed)
    # Newest first, the model's order (published, then created) deciding between equal times.
    assert [c.pk for c in shown] == [same_day.pk, newer[5].pk, newer[4].pk, newer[3].pk]


def test_archive_by_year_and_month(client, seed, make_communique):
    make_communique(title="بلاغ فبراير", published_at=at(2020, 2, 4))
    make_communique(title="بلاغ 2021", published_at=at(2021, 6, 1))
    archive = client.get("/archive/").content.decode()
    assert 'href="/2020/"' in archive and 'href="/2021/"' in archive
    year = client.get("/2020/").content.decode()
    assert 'href="/2020/01/"' in year and 'href="/2020/02/"' in year
    assert "يناير 2020" in year
    month = client.get("/2020/02/").content.decode()
    assert "بلاغ فبراير" in month and seed.title_ar not in month


@pytest.mark.parametrize("url", ["/2019/", "/2020/03/", "/2020/13/", "/2020/00/", "/0000/"])
def test_empty_or_impossible_archive_periods_are_404(client, seed, url):
    assert client.get(url).status_code == 404


def test_region_page_lists_its_communiques_and_current_secretary(client, seed, region):
    former = Person.objects.create(name_ar="الكاتب السابق")
    current = Person.objects.create(name_ar="الكاتب الحالي")
    Mandate.objects.create(
        person=former,
        office=Mandate.Office.REGIONAL_SECRETARY,
        region=region,
        start_date=datetime.date(2016, 1, 1),
        end_date=datetime.date(2020, 1, 18),
    )
    Mandate.objects.create(
        person=current,
        office=Mandate.Office.REGIONAL_SECRETARY,
        region=region,
        start_date=datetime.date(2020, 1, 18),
    )
    Mandate.objects.create(  # another office of the region: not shown
        person=Person.objects.create(name_ar="عضو الكتابة الجهوية"),
        office=Mandate.Office.REGIONAL_SECRETARIAT,
        region=region,
        start_date=datetime.date(2021, 1, 1),
    )
    response = client.get(f"/regions/{region.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "الكاتب الحالي" in html and "الكاتب السابق" not in html
    assert "عضو الكتابة الجهوية" not in html
    assert html.count('class="person"') == 1
    assert seed.title_ar in html
    assert region.name_ar in html
    assert client.get("/regions/").status_code == 200
    assert client.get("/regions/no-such-region/").status_code == 404


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_unknown_address_is_a_calm_404_page(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert re.search(r'<html lang="ar" dir="rtl">', response.content.decode())


@pytest.mark.parametrize(
    "query",
    ["?page=1&x=%3Cscript%3E", "?page=1&page=2", "?utm_source=" + "a" * 3000],
)
def test_unknown_or_hostile_parameters_are_ignored_and_never_echoed(client, seed, query):
    response = client.get(f"/archive/{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html and "aaaaaaaaaa" not in html
    assert '<link rel="canonical" href="http://testserver/archive/">' in html


@pytest.mark.parametrize("query", ["?q=%00", "?x=%FF", "?utm_source=" + "a" * 20000])
def test_malformed_parameters_get_a_calm_400_page(client, seed, query):
    response = client.get(f"/archive/{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html and "aaaaaaaaaa" not in html


def test_communique_page_describes_itself_as_a_news_article(client, seed):
    import json

    seed.title_ar = "بلاغ </script><script>alert(1)</script>"
    seed.save()
    html = client.get(seed.get_absolute_url()).content.decode()
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(html[start : html.index("</script>", start)])
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == seed.title_ar
    assert data["datePublished"].startswith("2020-01-21")
    assert "<script>alert" not in html


def test_related_communiques_are_ranked_by_the_workflow_and_read_by_id(
    client,
    seed,
    same_region,
    make_communique,
    publisher,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    from meetings import workflow

    live = client.get(seed.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.correct(
            seed,
            actor=publisher,
            changes={"body_ar": seed.body_ar + " تصحيح."},
            notes={"ar": "تصحيح."},
            version=seed.version,
        )
    seed.refresh_from_db()
    assert seed.related_ids["ar"] == [same_region.pk]
    assert seed.related_ids["fr"] == []  # nothing else is in French
    cache.clear()
    # The cache's generation, the communiqué (with its views, its closure and whether it has
    # approved replies: it has none, so they are not read), the stored ones by id with the most
    # recent.
    with django_assert_num_queries(3):
        stored = client.get(seed.get_absolute_url()).content.decode()
    related = stored[stored.index('id="related-title"') :]
    assert related == live[live.index('id="related-title"') :]
    # Withdrawn since it was ranked: left out, the list filled with recent ones.
    same_region.status = Communique.Status.WITHDRAWN
    same_region.save()
    cache.clear()
    assert same_region.title_ar not in client.get(seed.get_absolute_url()).content.decode()
