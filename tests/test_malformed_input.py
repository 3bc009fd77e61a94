"""No input gives a 5xx: NUL bytes, invalid UTF-8, over-long values, out-of-range years, months
and pages answer 400 or 404, on the public site and in every admin changelist, filter,
date hierarchy and autocomplete. The examples are the reported reproductions; the properties
(Hypothesis) try many more."""

import string
from urllib.parse import quote_from_bytes

import pytest
from django.contrib import admin
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

# One request per example; kept small so the whole file runs in seconds.
FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize(
    "url, status",
    [
        ("/9999/", 404),
        ("/9999/12/", 404),
        ("/0000/", 404),
        ("/2020/13/", 404),
        ("/2020/00/", 404),
        ("/2020/01/32/slug/", 404),
        ("/2020/01/22/%00/", 400),
        ("/2020/01/22/a%00b/pdf/", 400),
        ("/fr/2020/01/22/%00/", 400),
        ("/%FF%FE/", {400, 404}),
        ("/search/?q=%FF", 400),
        ("/search/?q=%00", 400),
        ("/search/?q=" + "a" * 5000, 200),  # cut calmly by the search page
        ("/search/?q=" + "a" * 20000, 400),
        ("/?page=99999999999999999999", 404),
        ("/?page=-1", 404),
        ("/?page=%00", 400),
        ("/regions/%00/", 400),
        ("/" + "a/" * 1100, 400),
    ],
)
def test_public_reproductions(client, url, status):
    assert client.get(url).status_code in (status if isinstance(status, set) else {status})


@pytest.fixture
def staff(client, superuser):
    client.force_login(superuser)
    return client


@pytest.mark.parametrize(
    "url, status",
    [
        (
            "/admin/autocomplete/?app_label=meetings&model_name=communique"
            "&field_name=meeting&term=%00",
            400,
        ),
        ("/admin/meetings/communique/?status__exact=%00", 400),
        ("/admin/meetings/communique/?published_at__year=9999&published_at__month=12", 400),
        ("/admin/meetings/communique/?published_at__year=9999", 400),
        ("/admin/meetings/communique/?published_at__year=2020&published_at__month=99", 400),
        (
            "/admin/meetings/meeting/?starts_at__year=2020&starts_at__month=02&starts_at__day=30",
            302,
        ),  # Django's own "invalid lookup" answer (?e=1)
        ("/admin/meetings/communique/?q=%FF", 400),
        ("/admin/meetings/communique/?p=999999999999", 200),  # Django shows the last page
        ("/admin/r/1/%00/", 400),
    ],
)
def test_admin_reproductions(staff, url, status):
    assert staff.get(url).status_code == status


# Properties ------------------------------------------------------------------------------------

# Bytes that make URLs interesting: NUL, controls, invalid UTF-8, Arabic, percent signs.
nasty_bytes = st.one_of(
    st.binary(min_size=0, max_size=12),
    st.text(min_size=0, max_size=12).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from([b"\x00", b"%00", b"\xff", b"\xc3", "بلاغ".encode(), b"..", b"9999"]),
)
segment = nasty_bytes.map(lambda b: quote_from_bytes(b, safe=""))
digits = st.integers(min_value=0, max_value=99999).map(str)


@st.composite
def public_urls(draw):
    prefix = draw(st.sampled_from(["", "/fr", "/en"]))
    year, month, day = draw(digits), draw(digits), draw(digits)
    pattern = draw(
        st.sampled_from(
            [
                "/",
                "/archive/",
                "/search/",
                "/regions/",
                "/regions/{s}/",
                "/feed/rss/",
                "/feed/atom/",
                "/{y}/",
                "/{y}/{m}/",
                "/{y}/{m}/{d}/{s}/",
                "/{y}/{m}/{d}/{s}/pdf/",
                "/{s}/",
            ]
        )
    )
    path = prefix + pattern.format(
        y=year.zfill(4)[-4:] if draw(st.booleans()) else year,
        m=month.zfill(2)[-2:] if draw(st.booleans()) else month,
        d=day.zfill(2)[-2:] if draw(st.booleans()) else day,
        s=draw(segment) or "x",
    )
    return path + draw(query_strings(["page", "q"]))


def query_strings(keys):
    key = st.one_of(st.sampled_from(keys), segment)
    value = st.one_of(segment, digits, st.just("a" * 12_000))
    pair = st.tuples(key, value).map(lambda kv: f"{kv[0]}={kv[1]}")
    return st.lists(pair, max_size=3).map(lambda pairs: "?" + "&".join(pairs) if pairs else "")


@FAST
@given(url=public_urls())
def test_no_public_url_gives_a_server_error(client, url):
    response = client.get(url)
    assert response.status_code < 500, url


def _changelist_keys(model_admin) -> list[str]:
    keys = ["q", "p", "o", "e", "_to_field", "all"]
    for entry in model_admin.list_filter:
        name = entry[0] if isinstance(entry, tuple) else entry
        if isinstance(name, str):
            keys += [f"{name}__exact", f"{name}__isnull", f"{name}__in", name]
    if model_admin.date_hierarchy:
        keys += [f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day")]
    return keys


CHANGELISTS = [
    (reverse(f"admin:{m._meta.app_label}_{m._meta.model_name}_changelist"), _changelist_keys(ma))
    for m, ma in admin.site._registry.items()
]


@FAST
@given(data=st.data())
def test_no_admin_query_string_gives_a_server_error(staff, data):
    url, keys = data.draw(st.sampled_from(CHANGELISTS))
    query = data.draw(query_strings(keys))
    response = staff.get(url + query)
    assert response.status_code < 500, url + query


AUTOCOMPLETES = [
    ("meetings", "communique", "meeting"),
    ("meetings", "agendaitem", "regions"),
    ("meetings", "decision", "responsible_person"),
    ("regions", "congress", "province"),
]


@FAST
@given(
    target=st.sampled_from(AUTOCOMPLETES),
    term=segment,
    page=st.one_of(digits, segment),
    junk=st.text(alphabet=string.ascii_letters, max_size=8),
)
def test_no_autocomplete_gives_a_server_error(staff, target, term, page, junk):
    app_label, model_name, field_name = target
    url = (
        f"/admin/autocomplete/?app_label={app_label}&model_name={model_name}"
        f"&field_name={field_name or junk}&term={term}&page={page}"
    )
    assert staff.get(url).status_code < 500, url
