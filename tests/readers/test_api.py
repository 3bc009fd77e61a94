"""The open data API: public communiqués per language with filters and pages, the territory,
the Popolo register with nothing non-public, an OpenAPI description, the page cache."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import AgendaItem, Communique, Meeting
from regions.models import Congress, Mandate, Person, Province, Region


def get(client, name, *args, **params):
    return client.get(reverse(f"api:{name}", args=args), params)


def at(day):
    return timezone.make_aware(datetime.datetime(2020, 1, day, 19))


@pytest.fixture
def archive(make_communique):
    region = Region.objects.get(code="08")
    meeting = Meeting.objects.create(starts_at=at(21), status=Meeting.Status.HELD)
    AgendaItem.objects.create(meeting=meeting, title_ar="بند", order=1).regions.add(region)
    return {
        "seed": make_communique(
            title="بلاغ حول درعة تافيلالت",
            body="المؤتمر الجهوي",
            published_at=at(21),
            meeting=meeting,
            title_fr="Communiqué sur Drâa-Tafilalet",
            body_fr="Le congrès régional",
        ),
        "older": make_communique(title="بلاغ قديم", body="نص قديم", published_at=at(7)),
        "draft": make_communique(title="مسودة سرية", status="draft", published_at=None),
        "later": make_communique(
            title="بلاغ مبرمج",
            status="scheduled",
            published_at=timezone.now() + datetime.timedelta(days=2),
        ),
    }


def titles(response):
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["results"]]


def test_communiques_are_the_public_ones_in_each_language(client, archive):
    assert titles(get(client, "communiques")) == ["بلاغ حول درعة تافيلالت", "بلاغ قديم"]
    assert titles(get(client, "communiques", lang="fr")) == ["Communiqué sur Drâa-Tafilalet"]
    detail = get(client, "communique", archive["seed"].pk, lang="fr").json()
    assert detail["body"] == "Le congrès régional" and detail["languages"] == ["ar", "fr"]
    for hidden in ("draft", "later"):
        assert get(client, "communique", archive[hidden].pk).status_code == 404
    assert get(client, "communique", archive["older"].pk, lang="en").status_code == 404
    assert "مسودة" not in get(client, "communiques").content.decode()


def test_filters_by_dates_region_and_words(client, archive):
    assert titles(get(client, "communiques", **{"from": "2020-01-10"})) == [
        "بلاغ حول درعة تافيلالت"
    ]
    assert titles(get(client, "communiques", to="2020-01-07")) == ["بلاغ قديم"]
    assert titles(get(client, "communiques", region=Region.objects.get(code="08").slug)) == [
        "بلاغ حول درعة تافيلالت"
    ]
    assert titles(get(client, "communiques", q="قديم")) == ["بلاغ قديم"]
    assert titles(get(client, "communiques", q="congrès", lang="fr")) == [
        "Communiqué sur Drâa-Tafilalet"
    ]


def test_pages_of_twenty(client, make_communique):
    for n in range(25):
        make_communique(title=f"بلاغ {n}", published_at=at(1) + datetime.timedelta(hours=n))
    first = get(client, "communiques").json()
    assert (first["count"], first["pages"], len(first["results"])) == (25, 2, 20)
    assert first["next"].endswith("page=2") and first["previous"] is None
    second = get(client, "communiques", page=2).json()
    assert len(second["results"]) == 5 and second["next"] is None


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"from": "2020-13-01"}, "from"),
        ({"from": "0001-01-01"}, "from"),
        ({"to": "yesterday"}, "to"),
        ({"from": "2020-02-01", "to": "2020-01-01"}, "to"),
        ({"page": "0"}, "page"),
        ({"page": "3"}, "page"),
        ({"page": "99999999999999999999"}, "page"),
        ({"page": "-1"}, "page"),
        ({"region": "atlantis"}, "region"),
        ({"lang": "de"}, "lang"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_bad_filters_answer_400_in_json(client, archive, params, parameter):
    response = get(client, "communiques", **params)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter and response.json()["error"]


def test_huge_ids_are_not_found(client, db):
    assert client.get("/api/communiques/99999999999999999999999/").status_code == 404


def test_regions_and_provinces(client, db):
    data = get(client, "regions", lang="fr").json()["results"]
    assert len(data) == 12
    draa = next(r for r in data if r["code"] == "08")
    assert draa["name"] == Region.objects.get(code="08").name_fr
    assert len(draa["provinces"]) == Province.objects.filter(region__code="08").count()


@pytest.fixture
def register(db):
    region = Region.objects.get(code="08")
    validated = Congress.objects.create(
        region=region, date=datetime.date(2019, 12, 1), status="validated"
    )
    pending = Congress.objects.create(
        region=Region.objects.get(code="04"), date=datetime.date(2020, 1, 11), status="submitted"
    )
    former = Person.objects.create(
        name_ar="عمر بولعيد",
        name_fr="Omar Boulaid",
        gender="m",
        email="omar@example.org",
        phone="0600000000",
    )
    current = Person.objects.create(name_ar="الحسين أيت علي", name_fr="Lahcen Ait Ali", gender="m")
    hidden = Person.objects.create(name_ar="مرشح غير مصادق", name_fr="Candidat", gender="f")
    Mandate.objects.create(
        person=former,
        office="regional_secretary",
        region=region,
        start_date=datetime.date(2015, 1, 1),
        end_date=datetime.date(2019, 12, 1),
    )
    Mandate.objects.create(
        person=current,
        office="regional_secretary",
        region=region,
        congress=validated,
        start_date=datetime.date(2019, 12, 1),
    )
    Mandate.objects.create(
        person=hidden,
        office="regional_secretary",
        region=Region.objects.get(code="04"),
        congress=pending,
        start_date=datetime.date(2020, 1, 11),
    )
    return {"former": former, "current": current, "hidden": hidden}


def test_the_officials_register_is_popolo_and_public_only(client, register):
    response = get(client, "officials", lang="fr")
    data = response.json()
    assert set(data) == {"persons", "organizations", "posts", "memberships"}
    names = {p["name"] for p in data["persons"]}
    assert names == {"Omar Boulaid", "Lahcen Ait Ali"}
    text = response.content.decode()
    assert "omar@example.org" not in text and "0600000000" not in text and "Candidat" not in text
    memberships = {m["person_id"]: m for m in data["memberships"]}
    former = memberships[f"person-{register['former'].pk}"]
    assert (former["start_date"], former["end_date"]) == ("2015-01-01", "2019-12-01")
    assert memberships[f"person-{register['current'].pk}"]["end_date"] is None
    organizations = {o["id"]: o for o in data["organizations"]}
    assert former["organization_id"] in organizations and "party" in organizations
    assert {p["id"] for p in data["posts"]} >= {former["post_id"]}


def test_the_api_is_cached_and_refreshed_on_publication(
    client, archive, django_assert_num_queries, make_user, django_capture_on_commit_callbacks
):
    from common import roles
    from meetings import workflow

    get(client, "communiques")
    with django_assert_num_queries(0):
        assert get(client, "communiques").status_code == 200
    draft = archive["draft"]
    Communique.objects.filter(pk=draft.pk).update(status="approved")
    draft.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(draft, actor=make_user("publisher", roles.PUBLISHER))
    assert "مسودة سرية" in get(client, "communiques").content.decode()


def test_the_openapi_description_is_served(client, db):
    data = client.get("/api/openapi.json").json()
    assert data["openapi"].startswith("3.")
    assert {"/communiques/", "/communiques/{id}/", "/regions/", "/officials/"} <= set(data["paths"])


def test_the_open_data_page_links_the_api_and_the_feeds(client, db):
    page = client.get(reverse("readers:open_data")).content.decode()
    for address in ("/api/", "/api/openapi.json", "/api/officials/", "/feed/atom/", "/feed/rss/"):
        assert f'href="{address}' in page
    assert 'href="/open-data/"' in client.get("/").content.decode()


def test_malformed_requests_get_a_json_400(client, db):
    response = client.get("/api/communiques/", {"q": "a\x00b"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json" and response.json()["error"]
