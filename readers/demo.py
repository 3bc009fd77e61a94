"""The readers' part of the demo (`manage.py load_readers_demo`, run by `make demo` after
`load_demo`): the seed communiqué read 398 times, two approved replies and one waiting."""

import datetime

from django.db import transaction
from django.utils import timezone

from meetings.models import Communique

from .models import Reply, ViewCount

SEED_SLUG = "اجتماع-المكتب-السياسي-21-يناير-2020"
VIEWS = {datetime.date(2020, 1, 1): 312, datetime.date(2020, 2, 1): 86}
REPLIES = [  # invented readers
    (
        "يوسف من الرشيدية",
        "تحية للمكتب السياسي على متابعة المؤتمر الجهوي لدرعة تافيلالت.",
        "approved",
    ),
    (
        "Amina B.",
        "Merci pour ce compte rendu clair. À quand le calendrier des prochains congrès ?",
        "approved",
    ),
    ("سلمى", "هل سيتم نشر لائحة أعضاء الكتابة الجهوية الجديدة؟", "pending"),
]


@transaction.atomic
def load_readers_demo() -> Communique | None:
    """Idempotent: counts and replies are set, not added, on every run."""
    seed = Communique.objects.filter(slug=SEED_SLUG).first()
    if seed is None:
        return None
    for month, count in VIEWS.items():
        ViewCount.objects.update_or_create(communique=seed, month=month, defaults={"count": count})
    published = seed.published_at or timezone.now()
    for hours, (name, text, status) in enumerate(REPLIES, start=3):
        Reply.objects.update_or_create(
            communique=seed,
            name=name,
            defaults={
                "text": text,
                "status": status,
                "created_at": published + datetime.timedelta(hours=hours),
            },
        )
    return seed
