"""Search as an Arabic reader expects it, through HTTP, on SQLite and on PostgreSQL alike."""

import pytest

from public.search import normalize, parse_query

pytestmark = pytest.mark.django_db


def found(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("أحمد", "احمد"),  # hamza above
        ("إقليم", "اقليم"),  # hamza below
        ("آسفي", "اسفي"),  # madda
        ("اقليم", "إقليم"),  # the other way round
        ("مدرسة", "مدرسه"),  # taa marbuta typed as haa
        ("مدرسه", "مدرسة"),
        ("مستشفى", "مستشفي"),  # alef maqsura typed as yaa
        ("مستشفي", "مستشفى"),
        ("الجهـــوية", "الجهوية"),  # tatweel in the text
        ("الجهوية", "الجهـوية"),  # tatweel in the query
        ("الجِهَوِيَّة", "الجهوية"),  # diacritics in the text
        ("الجهوية", "الجِهَوِيَّة"),  # diacritics in the query
    ],
)
def test_search_folds_arabic_spelling_variants(client, make_communique, stored, typed):
    make_communique(title="بلاغ للبحث", body=f"تطرق الاجتماع إلى {stored} بتفصيل.")
    make_communique(title="بلاغ آخر", body="لا علاقة له بالموضوع.")
    html = found(client, typed)
    assert "بلاغ للبحث" in html
    assert "بلاغ آخر" not in html


@pytest.mark.parametrize(
    ("stored", "typed"),
    [("المؤتمرات الجهوية", "مؤتمر"), ("مؤتمر", "المؤتمرات"), ("خطة «تجدر وانصهار»", "انصهار")],
)
def test_search_matches_stems(client, make_communique, stored, typed):
    make_communique(title="بلاغ للبحث", body=f"قيم المكتب السياسي {stored}.")
    assert "بلاغ للبحث" in found(client, typed)


def test_seed_is_found_by_region_and_by_plan_typed_without_hamza(client, seed):
    assert seed.title_ar in found(client, "درعة تافيلالت")
    assert seed.title_ar in found(client, "انصهار")
    assert seed.title_ar in found(client, "درعه تافيلالت")


def test_every_word_must_match(client, make_communique):
    make_communique(title="بلاغ الجهة", body="المؤتمر الجهوي بجهة سوس ماسة.")
    assert "بلاغ الجهة" in found(client, "سوس ماسة")
    assert "بلاغ الجهة" not in found(client, "سوس طنجة")


def test_title_matches_rank_first_and_words_are_highlighted(client, make_communique):
    make_communique(title="بلاغ عام", body="تحدث عن التعليم العمومي بإسهاب.")
    make_communique(title="بلاغ حول التعليم العمومي", body="نص قصير.")
    html = found(client, "التعليم")
    assert html.index("بلاغ حول التعليم العمومي") < html.index("بلاغ عام")
    assert "<mark>التعليم</mark>" in html


def test_unpublished_communiques_are_never_found(client, make_communique):
    make_communique(title="مسودة سرية", body="انصهار", status="draft")
    make_communique(title="بلاغ مسحوب", body="انصهار", status="withdrawn")
    html = found(client, "انصهار")
    assert "مسودة سرية" not in html and "بلاغ مسحوب" not in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "!!! ؟؟؟ ...",
        "ا" * 5000,
        "'; DROP TABLE meetings_communique; --",
        "<script>alert(1)</script>",
        "a & b | !c <-> d:*",
        "\u202eبلاغ",
        "كلمة " * 400,
    ],
)
def test_empty_long_or_hostile_queries_get_a_calm_page(client, make_communique, query):
    make_communique(title="بلاغ عادي")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert len(html) < 20000  # the query is never echoed back at full length


def test_a_nul_character_in_a_query_is_a_calm_400(client):
    response = client.get("/search/", {"q": "x\x00y"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_search_pages_beyond_the_results_are_404(client, make_communique):
    make_communique(title="بلاغ", body="انصهار")
    assert client.get("/search/", {"q": "انصهار", "page": "2"}).status_code == 404
    assert client.get("/search/", {"q": "انصهار", "page": "x"}).status_code == 404


def test_french_search_reads_the_french_text(client, seed):
    response = client.get("/fr/search/", {"q": "Tafilalet"})
    assert seed.title_fr in response.content.decode()


def test_normalize_folds_what_the_index_folds():
    assert normalize("إِنْصِهَارٌ") == "انصهار"
    assert normalize("آسفي ومستشفى المدرسة") == "اسفي ومستشفي المدرسه"
    assert normalize("الجهـــوية") == "الجهويه"


def test_parse_query_bounds_and_splits_the_words():
    query = parse_query("  «تجدر   وانصهار»\x00 " + "ب" * 500)
    assert query.terms[:2] == ("تجدر", "وانصهار")
    assert len(query.text) <= 200
    assert not parse_query("؟!.,;")
