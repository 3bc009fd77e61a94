"""Generated communiqués for benchmarks and search tests: plausible Arabic, published between
2008 and 2019, inserted in bulk."""

import datetime
import itertools
import random
import sys
import time

from django.db import connection
from django.utils import timezone

from meetings.models import Communique
from regions.models import Province, Region

GEN_OPENINGS = [
    "تدارس المكتب السياسي في مستهل اجتماعه",
    "خصص المكتب السياسي الحيز الأكبر من اجتماعه لمناقشة",
    "توقف المكتب السياسي عند",
    "استعرض المكتب السياسي",
]
GEN_SUBJECTS = [
    "الأوضاع الاجتماعية بجهة {region}",
    "نتائج المؤتمر الإقليمي بإقليم {province}",
    "التحضير للاستحقاقات الانتخابية المقبلة",
    "مشروع قانون المالية وانعكاساته على الطبقات الشعبية",
    "وضعية قطاع التعليم العمومي",
    "ارتفاع أسعار المواد الأساسية",
    "حصيلة عمل الفريق النيابي للحزب",
    "تنزيل الجهوية المتقدمة بجهة {region}",
    "أوضاع الشباب والتشغيل في إقليم {province}",
    "مسار إصلاح منظومة الصحة",
]
GEN_VERDICTS = [
    "وأكد ضرورة اعتماد سياسات عمومية منصفة تستجيب لانتظارات المواطنات والمواطنين",
    "ونوه بالمجهودات التي يبذلها مناضلات ومناضلو الحزب في مختلف الفروع",
    "وسجل بقلق تنامي الفوارق المجالية والاجتماعية",
    "ودعا إلى حوار وطني واسع حول الإصلاحات الضرورية",
    "وأوصى بتعبئة كافة التنظيمات الحزبية لإنجاح البرنامج المسطر",
    "وقرر تشكيل لجنة لتتبع هذا الملف وتقديم تقرير في الاجتماع المقبل",
]


def generate_communiques(count: int, batch_size: int = 2000, progress=None) -> int:
    """Add ``count`` published communiqués in bulk, for benchmarks; returns how many."""
    progress = progress or sys.stderr
    rng = random.Random(count)
    regions = list(Region.objects.values_list("name_ar", flat=True))
    provinces = list(Province.objects.values_list("name_ar", flat=True))
    start = Communique.objects.filter(slug__startswith="generated-").count()
    first_day = datetime.date(2008, 1, 1)
    span = (datetime.date(2019, 8, 31) - first_day).days
    started = time.monotonic()
    numbers = iter(range(start, start + count))
    done = 0
    while batch := list(itertools.islice(numbers, batch_size)):
        rows = []
        for n in batch:
            day = first_day + datetime.timedelta(days=rng.randrange(span))
            published_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(19)))
            fill = {"region": rng.choice(regions), "province": rng.choice(provinces)}
            subjects = [s.format(**fill) for s in rng.sample(GEN_SUBJECTS, 3)]
            paragraphs = [
                f"{rng.choice(GEN_OPENINGS)} {subject}، {rng.choice(GEN_VERDICTS)}."
                for subject in subjects
            ]
            title = f"بلاغ المكتب السياسي حول {subjects[0]}"
            rows.append(
                Communique(
                    title=title,
                    title_ar=title,
                    body="\n\n".join(paragraphs),
                    body_ar="\n\n".join(paragraphs),
                    slug=f"generated-{n}",
                    status=Communique.Status.PUBLISHED,
                    published_at=published_at,
                )
            )
        Communique.objects.bulk_create(rows)
        done += len(rows)
        rate = done / max(time.monotonic() - started, 1e-6)
        progress.write(f"\r  generated {done}/{count} communiqués ({rate:,.0f}/s)")
        progress.flush()
    progress.write("\n")
    if connection.vendor == "postgresql":
        # Statistics for the planner at once (bulk_create indexes the search, see
        # meetings.search_index), rather than whenever autovacuum comes by.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE meetings_communique, meetings_searchword")
    return done
