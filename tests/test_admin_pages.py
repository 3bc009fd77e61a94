"""Every admin page renders in Arabic (right to left) and in French, and no changelist makes a
query per row or reads what it does not show (docs/performance.md, admin changelists)."""

import datetime
import itertools

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from common.admin import ListRows
from meetings.models import (
    AgendaItem,
    Attendance,
    Communique,
    CommuniqueRevision,
    CommuniqueTransition,
    Decision,
    Meeting,
    Minutes,
)
from meetings.templatetags.admin_dates import date_hierarchy_by_index
from notifications.models import Mail, Notification, Preference
from readers.models import CommuniqueViews, Mailing, Reply, ReplyClosure, ViewCount
from regions.models import (
    Congress,
    CongressTransition,
    Mandate,
    Person,
    Province,
    Region,
    RegionalAccess,
)
from tests.readers.factories import readers_factories

counter = itertools.count(1)


def make_person(user=False):
    n = next(counter)
    account = User.objects.create_user(f"member{n}") if user else None
    return Person.objects.create(name_ar=f"عضو {n}", name_fr=f"Membre {n}", user=account)


def make_meeting():
    n = next(counter)
    starts_at = timezone.make_aware(datetime.datetime(2019, 1, 1, 17)) + datetime.timedelta(days=n)
    return Meeting.objects.create(starts_at=starts_at, status=Meeting.Status.HELD)


def make_agenda_item():
    item = AgendaItem.objects.create(meeting=make_meeting(), title_ar="بند")
    item.regions.add(Region.objects.get(code="08"))
    return item


def sign_in():
    return {
        "username": f"someone{next(counter)}",
        "ip_address": "203.0.113.7",
        "user_agent": "Firefox",
        "http_accept": "text/html",
        "path_info": "/admin/login/",
    }


def make_communique(**extra):
    n = next(counter)
    return Communique.objects.create(
        meeting=make_meeting(), slug=f"c-{n}", title_ar=f"بلاغ {n}", body_ar="نص", **extra
    )


def make_congress():
    region = Region.objects.get(code="08")
    congress = Congress.objects.create(
        level=Congress.Level.PROVINCIAL, region=region, date=datetime.date(2020, 1, 18)
    )
    congress.provinces.set(region.provinces.all()[:2])
    return congress


FACTORIES = {
    Province: lambda: Province.objects.create(
        region=Region.objects.get(code="08"),
        code=f"Z{next(counter)}",
        name_ar=f"إقليم {next(counter)}",
    ),
    Congress: make_congress,
    Person: lambda: make_person(user=True),
    Mandate: lambda: Mandate.objects.create(
        person=make_person(),
        office=Mandate.Office.PROVINCIAL_SECRETARY,
        region=Region.objects.get(code="07"),
        province=Province.objects.get(name_fr="Safi"),
        start_date=datetime.date(2020, 1, 1),
    ),
    Meeting: lambda: AgendaItem.objects.create(meeting=make_meeting(), title_ar="بند").meeting,
    Attendance: lambda: Attendance.objects.create(meeting=make_meeting(), person=make_person()),
    AgendaItem: make_agenda_item,
    Decision: lambda: Decision.objects.create(
        agenda_item=make_agenda_item(),
        text_ar="تخصيص الاجتماع المقبل",
        responsible_person=make_person(),
        target_meeting=make_meeting(),
    ),
    Communique: make_communique,
    Minutes: lambda: Minutes.objects.create(meeting=make_meeting()),
    CommuniqueTransition: lambda: CommuniqueTransition.objects.create(
        communique=make_communique(),
        actor=User.objects.create_user(f"actor{next(counter)}"),
        from_status="draft",
        to_status="in_review",
    ),
    CommuniqueRevision: lambda: CommuniqueRevision.objects.create(
        communique=make_communique(),
        language="ar",
        title="بلاغ",
        body="نص",
        author=User.objects.create_user(f"author{next(counter)}"),
    ),
    CongressTransition: lambda: CongressTransition.objects.create(
        congress=make_congress(),
        action="recorded",
        from_status="planned",
        to_status="held",
        actor=User.objects.create_user(f"actor{next(counter)}"),
    ),
    RegionalAccess: lambda: RegionalAccess.objects.create(
        user=User.objects.create_user(f"secretary{next(counter)}"),
        region=Region.objects.get(code="07"),
        mandate=FACTORIES[Mandate](),
    ),
    # A notification is seen only by its recipient: the superuser the pages are opened as.
    Notification: lambda: Notification.objects.create(
        recipient=User.objects.get(username="root"),
        event="communique_submitted",
        key=f"k{next(counter)}",
        title="بلاغ",
        url="/admin/",
    ),
    Preference: lambda: Preference.objects.create(
        user=User.objects.create_user(f"reader{next(counter)}")
    ),
    Mail: lambda: Mail.objects.create(
        key=f"m{next(counter)}", to="a@example.org", subject="بلاغ", text="نص"
    ),
    User: lambda: User.objects.create_user(f"user{next(counter)}"),
    Group: lambda: Group.objects.create(name=f"group {next(counter)}"),
    # Login protection (docs/security.md): attempts kept by django-axes, TOTP devices.
    AccessAttempt: lambda: AccessAttempt.objects.create(
        **sign_in(), get_data="", post_data="", failures_since_start=3
    ),
    AccessLog: lambda: AccessLog.objects.create(**sign_in()),
    AccessFailureLog: lambda: AccessFailureLog.objects.create(**sign_in(), locked_out=False),
    TOTPDevice: lambda: TOTPDevice.objects.create(
        user=User.objects.create_user(f"enrolled{next(counter)}", is_staff=True), name="phone"
    ),
    **readers_factories(make_communique),
}

# The queue's own admin (django-tasks-db) serves only its database backend; tests run tasks
# inline, so it is left to its library.
REGISTERED = [model for model in admin.site._registry if model is not DBTaskResult]


def test_every_registered_model_has_a_factory():
    assert set(REGISTERED) - {Region} <= set(FACTORIES)


def any_object(model):
    if model is Region:
        return Region.objects.get(code="08")
    return FACTORIES[model]()


def admin_url(model, page, obj=None):
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}"
    return reverse(name, args=[obj.pk] if obj else [])


@pytest.fixture
def as_superuser(client, superuser):
    client.force_login(superuser)
    return client


def in_language(client, language):
    client.cookies["django_language"] = language
    return client


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_admin_pages_render(as_superuser, superuser, rf, model, language):
    client = in_language(as_superuser, language)
    obj = any_object(model)
    model_admin = admin.site._registry[model]
    pages = [("changelist", None), ("change", obj)]
    request = rf.get("/")
    request.user = superuser
    if model_admin.has_add_permission(request):
        pages.append(("add", None))
    for page, target in pages:
        response = client.get(admin_url(model, page, target))
        assert response.status_code == 200, (page, response.status_code)
        html = response.content.decode()
        direction = 'dir="rtl"' if language == "ar" else 'dir="ltr"'
        assert f'lang="{language}" {direction}' in html, page


def test_admin_index_carries_the_product_name(as_superuser):
    response = in_language(as_superuser, "fr").get(reverse("admin:index"))
    assert "Bureau" in response.content.decode()


def test_admin_language_can_be_switched(as_superuser):
    response = as_superuser.post(
        reverse("set_language"), {"language": "fr", "next": reverse("admin:index")}
    )
    assert response.status_code == 302
    page = as_superuser.get(reverse("admin:index")).content.decode()
    assert 'lang="fr" dir="ltr"' in page
    as_superuser.post(reverse("set_language"), {"language": "ar", "next": "/admin/"})
    assert 'lang="ar" dir="rtl"' in as_superuser.get(reverse("admin:index")).content.decode()


def test_translation_admin_loads_no_script_from_a_cdn(as_superuser):
    html = as_superuser.get(admin_url(Communique, "add")).content.decode()
    assert "googleapis" not in html
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html


def changelist_queries(client, model, query=""):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(admin_url(model, "changelist") + query)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "model", [m for m in REGISTERED if m is not Region], ids=lambda m: m._meta.label
)
def test_changelist_queries_do_not_grow_with_rows(as_superuser, model, monkeypatch):
    """The same queries for 5 rows on one page as for 100 over ten pages, first or second."""
    monkeypatch.setattr(admin.site._registry[model], "list_per_page", 10)
    for _ in range(5):
        FACTORIES[model]()
    few = changelist_queries(as_superuser, model)
    for _ in range(95):
        FACTORIES[model]()
    assert changelist_queries(as_superuser, model) == few
    assert changelist_queries(as_superuser, model, "?p=2") == few


def test_the_regions_changelist_makes_a_fixed_number_of_queries(as_superuser):
    """The twelve regions are fixed; their provinces are counted in the same query."""
    few = changelist_queries(as_superuser, Region)
    for _ in range(20):
        FACTORIES[Province]()
    assert changelist_queries(as_superuser, Region) == few


# The long texts and the search index of a communiqué (docs/performance.md, admin changelists).
LONG_COLUMNS = ["body_ar", "body_fr", "correction_note_ar", "related_ids", "search_body"]


@pytest.mark.parametrize(
    "model",
    [
        Communique,
        CommuniqueViews,
        Meeting,
        CommuniqueTransition,
        CommuniqueRevision,
        Reply,
        ReplyClosure,
        ViewCount,
        Mailing,
    ],
    ids=lambda m: m._meta.label,
)
def test_lists_of_communiques_leave_their_long_texts_unread(as_superuser, model):
    make_communique(status="published", published_at=timezone.now(), body_fr="Texte")
    if model is not Meeting:
        FACTORIES[model]()
    with CaptureQueriesContext(connection) as queries:
        response = as_superuser.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    rows = [q["sql"] for q in queries if '"meetings_communique"."title_ar"' in q["sql"]]
    assert rows, "the rows' query reads the communiqués' titles"
    for column in LONG_COLUMNS:
        assert not any(f'"{column}"' in sql for sql in rows), column


def test_the_communique_page_still_reads_its_texts(as_superuser):
    communique = make_communique(body_fr="Texte en français")
    page = as_superuser.get(admin_url(Communique, "change", communique)).content.decode()
    assert "Texte en français" in page


def listed(client, model, column, direction=""):
    """The rows of a changelist, sorted by one of its columns."""
    response = client.get(admin_url(model, "changelist"))
    index = list(response.context["cl"].list_display).index(column)
    response = client.get(admin_url(model, "changelist") + f"?o={direction}{index}")
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def test_views_per_communique_add_up_its_months_and_sort(as_superuser):
    """Where an unread one sorts (no total) is the database's: first, descending, in
    PostgreSQL; last in SQLite."""
    now = timezone.now()
    most, fewer, unread = (make_communique(status="published", published_at=now) for _ in range(3))
    for month, count in ((1, 3), (2, 4)):
        ViewCount.objects.create(communique=most, month=datetime.date(2020, month, 1), count=count)
    ViewCount.objects.create(communique=fewer, month=datetime.date(2020, 1, 1), count=2)
    model_admin = admin.site._registry[CommuniqueViews]
    for direction, order in (("-", [most, fewer]), ("", [fewer, most])):
        rows = listed(as_superuser, CommuniqueViews, "views", direction)
        totals = {row.pk: model_admin.views(row) for row in rows}
        assert totals == {most.pk: 7, fewer.pk: 2, unread.pk: 0}
        assert [row.pk for row in rows if row.pk != unread.pk] == [c.pk for c in order]


def test_meetings_list_their_agenda_item_count_and_sort_by_it(as_superuser):
    busy, idle = make_meeting(), make_meeting()
    AgendaItem.objects.create(meeting=busy, order=1, title_ar="بند")
    AgendaItem.objects.create(meeting=busy, order=2, title_ar="بند")
    rows = listed(as_superuser, Meeting, "item_count", "-")
    assert [(row.pk, row.item_count) for row in rows] == [(busy.pk, 2), (idle.pk, 0)]


def hierarchies(client, model, query=""):
    """The date hierarchy of a changelist as Django's tag gives it and as Bureau's does."""
    response = client.get(admin_url(model, "changelist") + query)
    assert response.status_code == 200
    cl = response.context["cl"]
    return date_hierarchy_by_index(cl), date_hierarchy(cl)


def at(*moment):
    return timezone.make_aware(datetime.datetime(*moment))


@pytest.mark.parametrize(
    "query",
    ["", "?status__exact=published", "?status__exact=draft", "?q=2021", "?published_at__year=2021"],
)
@pytest.mark.parametrize("model", [Communique, CommuniqueViews], ids=lambda m: m._meta.label)
def test_the_years_of_a_date_hierarchy_are_djangos(as_superuser, model, query):
    for n, moment in enumerate(
        [at(2018, 12, 31, 23, 30), at(2019, 1, 1, 0, 10), at(2021, 6, 1, 12), at(2021, 12, 31, 23)]
    ):
        make_communique(status="published", published_at=moment, title_fr=f"{2021 if n else ''}")
    make_communique(status="withdrawn", published_at=at(2023, 1, 1, 0, 30))
    make_communique()
    ours, djangos = hierarchies(as_superuser, model, query)
    assert ours == djangos


def test_the_years_are_probed_in_one_query(as_superuser):
    for year in range(2000, 2021):
        make_communique(status="published", published_at=at(year, 3, 1, 12))
    response = as_superuser.get(admin_url(Communique, "changelist"))
    cl = response.context["cl"]
    with CaptureQueriesContext(connection) as queries:
        context = date_hierarchy_by_index(cl)
    assert len(context["choices"]) == 21
    assert len(queries) == 2


@pytest.mark.parametrize(
    "model",
    [m for m in REGISTERED if isinstance(admin.site._registry[m], ListRows)],
    ids=lambda m: m._meta.label,
)
def test_the_action_checkbox_is_djangos(db, model):
    obj = FACTORIES[model]()
    model_admin = admin.site._registry[model]
    for language in ("ar", "fr"):
        with translation.override(language):
            assert model_admin.action_checkbox(obj) == ModelAdmin.action_checkbox(model_admin, obj)


def test_the_action_checkbox_escapes_as_django_does(db):
    communique = make_communique()
    communique.title_ar = "<b>\"بلاغ\" & 'نص'</b>"
    model_admin = admin.site._registry[Communique]
    with translation.override("ar"):
        checkbox = model_admin.action_checkbox(communique)
        assert checkbox == ModelAdmin.action_checkbox(model_admin, communique)
    assert "&lt;b&gt;&quot;بلاغ&quot; &amp; &#x27;نص&#x27;&lt;/b&gt;" in checkbox


def test_the_communique_search_box_is_served_by_trigram_indexes(db):
    if connection.vendor != "postgresql":
        pytest.skip("Trigram indexes: PostgreSQL only.")
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "meetings_communique")
    for field in ("title_ar", "title_fr", "slug"):
        assert indexes[f"communique_{field}_trgm"]["type"] == "gin"
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_get_indexdef(%s::regclass)", [f"communique_{field}_trgm"])
            assert f"upper(({field})::text) gin_trgm_ops" in cursor.fetchone()[0]
