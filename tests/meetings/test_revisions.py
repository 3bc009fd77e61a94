"""Revisions of a communiqué's text, per language, and the word diff between two of them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings import diff, workflow
from meetings.models import Communique

Status = Communique.Status


def test_word_diff_marks_whole_arabic_words():
    chunks = diff.word_diff(
        "سجل المكتب السياسي باعتزاز نجاح المؤتمر.",
        "سجل المكتب السياسي بارتياح نجاح المؤتمر الجهوي.",
    )
    assert [(c.op, c.text) for c in chunks] == [
        ("equal", "سجل المكتب السياسي "),
        ("delete", "باعتزاز "),
        ("insert", "بارتياح "),
        ("equal", "نجاح المؤتمر "),
        ("insert", "الجهوي"),
        ("equal", "."),
    ]
    assert diff.counts(chunks) == {"added": 2, "removed": 1}


def test_word_diff_keeps_paragraphs_and_escapes_html():
    html = diff.diff_html("فقرة أولى.\n\nفقرة <b>ثانية</b>.", "فقرة أولى.\n\nفقرة <b>ثالثة</b>.")
    assert html == ("فقرة أولى.<br><br>فقرة &lt;b&gt;<del>ثانية</del> <ins>ثالثة</ins>&lt;/b&gt;.")


def test_identical_texts_have_no_difference():
    assert diff.counts(diff.word_diff("نص واحد", "نص واحد")) == {"added": 0, "removed": 0}


def test_each_save_keeps_a_revision_per_language_that_changed(make_communique, writer):
    communique = make_communique(Status.DRAFT)
    workflow.edit(
        communique,
        actor=writer,
        changes={"title_fr": "Communiqué", "body_fr": "Le Bureau politique a tenu sa réunion."},
        version=communique.version,
    )
    workflow.edit(
        communique, actor=writer, changes={"body_ar": "نص معدل"}, version=communique.version
    )
    workflow.edit(communique, actor=writer, changes={"slug": "autre"}, version=communique.version)
    revisions = [(r.language, r.title, r.body) for r in communique.revisions.all()]
    assert revisions == [
        ("ar", "بلاغ المكتب السياسي", "نص معدل"),
        ("fr", "Communiqué", "Le Bureau politique a tenu sa réunion."),
        ("ar", "بلاغ المكتب السياسي", "عقد المكتب السياسي اجتماعه."),
    ]


def test_a_communique_loaded_without_revisions_keeps_its_earlier_text(writer, editor):
    communique = Communique.objects.create(
        title_ar="بلاغ قديم", body_ar="نص قديم", slug="old", text_edited_by=writer
    )
    workflow.edit(communique, actor=editor, changes={"body_ar": "نص جديد"}, version=1)
    assert [(r.body, r.author) for r in communique.revisions.all()] == [
        ("نص جديد", editor),
        ("نص قديم", None),
    ]


def test_a_save_through_the_admin_keeps_a_revision(client, editor, make_communique):
    communique = make_communique(Status.DRAFT)
    client.force_login(editor)
    url = reverse("admin:meetings_communique_change", args=[communique.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(
        {f"initial-{n}": data[n] for n in form.fields if form.fields[n].show_hidden_initial}
    )
    data["body_fr"] = "Texte français"
    data["title_fr"] = "Titre"
    assert client.post(url, data).status_code == 302
    latest = communique.revisions.first()
    assert (latest.language, latest.body, latest.author) == ("fr", "Texte français", editor)


def test_the_compare_page_shows_words_added_and_removed(client, approver, make_communique, writer):
    communique = make_communique(Status.DRAFT)
    first = communique.revisions.get()
    workflow.edit(
        communique,
        actor=writer,
        changes={"body_ar": "عقد المكتب السياسي اجتماعه الأسبوعي."},
        version=communique.version,
    )
    second = communique.revisions.first()
    client.force_login(approver)
    url = reverse("admin:meetings_communique_compare", args=[communique.pk])
    response = client.get(url, {"a": first.pk, "b": second.pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert "اجتماعه <ins>الأسبوعي</ins>." in page
    assert response.context["comparison"]["counts"] == {"added": 1, "removed": 0}
    assert 'dir="rtl"' in page
    # Without a choice, the two latest revisions of a language are compared.
    assert client.get(url).context["comparison"]["body"] == response.context["comparison"]["body"]


def test_revisions_of_another_communique_cannot_be_compared(client, approver, make_communique):
    one, other = (
        make_communique(Status.DRAFT, slug="one"),
        make_communique(Status.DRAFT, slug="two"),
    )
    client.force_login(approver)
    url = reverse("admin:meetings_communique_compare", args=[one.pk])
    response = client.get(url, {"a": other.revisions.get().pk, "b": one.revisions.get().pk})
    assert response.context["comparison"] is None


def test_the_change_page_shows_the_audit_trail_and_the_revisions(client, approver, make_communique):
    communique = make_communique(Status.APPROVED)
    client.force_login(approver)
    response = client.get(reverse("admin:meetings_communique_change", args=[communique.pk]))
    page = response.content.decode()
    assert [t.to_status for t in response.context["transitions"]] == [
        Status.DRAFT,
        Status.IN_REVIEW,
        Status.APPROVED,
    ]
    assert "fixture-approver" in page and "writer" in page
    assert reverse("admin:meetings_communique_compare", args=[communique.pk]) in page


def test_the_change_page_queries_do_not_grow_with_the_history(
    client, approver, make_communique, writer
):
    communique = make_communique(Status.DRAFT)
    client.force_login(approver)
    url = reverse("admin:meetings_communique_change", args=[communique.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(5):
        workflow.edit(
            communique, actor=writer, changes={"body_ar": f"نص {n}"}, version=communique.version
        )
    workflow.submit(communique, actor=writer)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
