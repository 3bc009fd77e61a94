"""Feeds and the sitemap are valid XML and list public communiqués only."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def hidden(make_communique):
    for status in ("draft", "in_review", "approved", "withdrawn"):
        make_communique(title=f"بلاغ {status}", slug=f"hidden-{status}", status=status)


def test_rss_feed_is_valid_and_lists_only_public_communiques(client, seed, hidden):
    response = client.get("/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "ar"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [seed.title_ar]
    assert items[0].findtext("link") == f"http://testserver{seed.get_absolute_url()}"


def test_atom_feed_is_valid_and_lists_only_public_communiques(client, seed, hidden):
    response = client.get("/feed/atom/")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [seed.title_ar]


def test_french_feed_lists_french_translations(client, seed, make_communique):
    make_communique(title="بلاغ بالعربية فقط")
    feed = ET.fromstring(client.get("/fr/feed/atom/").content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [seed.title_fr]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link.startswith("http://testserver/fr/2020/01/21/")


def test_sitemap_is_valid_and_lists_public_communiques_in_their_languages(
    client, seed, hidden, make_communique
):
    arabic_only = make_communique(title="بلاغ بالعربية فقط")
    url = seed.get_absolute_url()
    only_url = arabic_only.get_absolute_url()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urlset = ET.fromstring(response.content)
    locations = [u.findtext(f"{SITEMAP}loc") for u in urlset.findall(f"{SITEMAP}url")]
    assert f"http://testserver{url}" in locations
    assert f"http://testserver/fr{url}" in locations
    assert f"http://testserver/en{url}" not in locations
    assert f"http://testserver{only_url}" in locations
    assert f"http://testserver/fr{only_url}" not in locations
    assert not [loc for loc in locations if "hidden-" in loc]
    seed_entry = next(
        u for u in urlset.findall(f"{SITEMAP}url") if u.findtext(f"{SITEMAP}loc").endswith(url)
    )
    languages = {link.get("hreflang") for link in seed_entry.findall(f"{XHTML}link")}
    assert languages == {"ar", "fr", "x-default"}


@pytest.mark.parametrize("url", ["/feed/rss/", "/feed/atom/"])
def test_markup_in_a_body_never_reaches_a_feed_reader_as_markup(client, make_communique, url):
    make_communique(body='بلاغ <img src=x onerror="alert(1)"> <script>alert(2)</script> 3 < 4')
    root = ET.fromstring(client.get(url).content)
    summary = root.find(f".//{ATOM}summary") if "atom" in url else root.find(".//item/description")
    # What a reader renders as HTML once the XML is parsed:
    html = summary.text
    assert "<img" not in html and "<script" not in html and "onerror" not in html
    assert "بلاغ" in html and "3 &lt; 4" in html
