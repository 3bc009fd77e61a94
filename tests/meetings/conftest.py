"""Communiqués at every step of the workflow, made through the workflow itself."""

import datetime

import pytest
from django.utils import timezone

from common import roles
from meetings import workflow
from meetings.models import AgendaItem, Communique, Decision, Meeting

Status = Communique.Status


@pytest.fixture
def regional(make_user):
    return make_user("regional", roles.REGIONAL_SECRETARY)


@pytest.fixture
def writer(make_user):
    """A second editor: whoever wrote the text is not the person approving it in the tests."""
    return make_user("writer", roles.EDITOR)


@pytest.fixture
def make_meeting(db):
    def make(items=2, day=datetime.date(2020, 1, 21), **fields):
        meeting = Meeting.objects.create(
            starts_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(17))),
            status=Meeting.Status.HELD,
            **fields,
        )
        for order in range(1, items + 1):
            item = AgendaItem.objects.create(
                meeting=meeting, order=order, title_ar=f"النقطة رقم {order}"
            )
            Decision.objects.create(
                agenda_item=item,
                kind=Decision.Kind.DECISION,
                text_ar=f"تنظيم النشاط رقم {order}",
            )
        return meeting

    return make


@pytest.fixture
def make_communique(db, writer, make_user):
    """A communiqué taken through the workflow up to ``status`` (written by ``writer``)."""
    people = {}

    def person(role):
        if role not in people:
            people[role] = make_user(f"fixture-{role}", role)
        return people[role]

    def make(status=Status.DRAFT, slug="balagh", now=None):
        now = now or timezone.now()
        communique = workflow.create_draft(
            Communique(
                title_ar="بلاغ المكتب السياسي", body_ar="عقد المكتب السياسي اجتماعه.", slug=slug
            ),
            actor=writer,
            now=now,
        )
        if status == Status.DRAFT:
            return communique
        workflow.submit(communique, actor=writer, now=now)
        if status == Status.IN_REVIEW:
            return communique
        workflow.approve(communique, actor=person(roles.APPROVER), now=now)
        if status == Status.APPROVED:
            return communique
        publisher = person(roles.PUBLISHER)
        if status == Status.SCHEDULED:
            when = now + datetime.timedelta(days=1)
            return workflow.schedule(communique, actor=publisher, when=when, now=now)
        workflow.publish(communique, actor=publisher, now=now)
        if status == Status.WITHDRAWN:
            workflow.withdraw(communique, actor=publisher, comment="خطأ", now=now)
        return communique

    return make
