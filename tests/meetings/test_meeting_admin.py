import datetime

from django.urls import reverse
from django.utils import timezone

from meetings.models import AgendaItem, Communique, Decision, Meeting


def make_meeting(day, status=Meeting.Status.HELD):
    starts_at = timezone.make_aware(datetime.datetime(2020, 1, day, 17))
    return Meeting.objects.create(starts_at=starts_at, status=status)


def test_a_held_meeting_offers_to_compose_its_communique(client, secretariat):
    held = make_meeting(21)
    make_meeting(28, status=Meeting.Status.PLANNED)
    with_communique = make_meeting(14)
    communique = Communique.objects.create(
        meeting=with_communique, slug="c", title_ar="بلاغ", body_ar="نص"
    )
    client.force_login(secretariat)
    page = client.get(reverse("admin:meetings_meeting_changelist")).content.decode()
    compose = reverse("admin:meetings_communique_compose")
    assert f"{compose}?meeting={held.pk}" in page
    assert page.count(f"{compose}?meeting=") == 1
    assert reverse("admin:meetings_communique_change", args=[communique.pk]) in page


def test_the_meeting_page_links_its_communique(client, superuser):
    meeting = make_meeting(21)
    client.force_login(superuser)
    page = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    assert f"?meeting={meeting.pk}" in page.content.decode()


def test_the_meeting_page_lists_the_decisions_of_its_agenda(client, superuser):
    meeting = make_meeting(21)
    item = AgendaItem.objects.create(meeting=meeting, order=2, title_ar="برنامج المجالس")
    Decision.objects.create(agenda_item=item, kind="decision", text_ar="تخصيص الاجتماع المقبل")
    client.force_login(superuser)
    page = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    html = page.content.decode()
    assert "تخصيص الاجتماع المقبل" in html
    assert reverse("admin:meetings_agendaitem_change", args=[item.pk]) in html
