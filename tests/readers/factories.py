"""One object of each readers model, for the admin page tests."""

import datetime
import itertools

from django.contrib.auth.models import User

from readers.models import (
    CommuniqueViews,
    Mailing,
    Reply,
    ReplyClosure,
    Subscriber,
    ViewCount,
)

counter = itertools.count(1)


def readers_factories(make_communique):
    def views():
        return CommuniqueViews.objects.get(
            pk=make_communique(
                status="published", published_at=datetime.datetime.now(datetime.UTC)
            ).pk
        )

    return {
        Reply: lambda: Reply.objects.create(
            communique=make_communique(), name="قارئ", email="r@example.org", text="رد"
        ),
        ReplyClosure: lambda: ReplyClosure.objects.create(
            communique=make_communique(),
            closed_by=User.objects.create_user(f"moderator{next(counter)}"),
        ),
        CommuniqueViews: views,
        ViewCount: lambda: ViewCount.objects.create(
            communique=make_communique(), month=datetime.date(2020, 1, 1), count=3
        ),
        Subscriber: lambda: Subscriber.objects.create(
            email=f"reader{next(counter)}@example.org", language="fr"
        ),
        Mailing: lambda: Mailing.objects.create(
            communique=make_communique(),
            requested_by=User.objects.create_user(f"publisher{next(counter)}"),
        ),
    }
