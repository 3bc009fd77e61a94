"""The demo's agendas, in Arabic and French: the ordinary weeks, the seed meeting of 21 January
2020 and the thematic meeting it called (``shapes`` adds one meeting of each other shape).
Their composed communiqués are the goldens of tests/meetings/golden/.

Texts follow the composer's conventions (docs/arabic.md): a title is what «تدارس المكتب
السياسي …» / «le Bureau politique a examiné …» takes; a summary follows «مستحضرا بهذه المناسبة
…» / «en évoquant à cette occasion …»; a decision's text follows its verb, and may refer back
to its item's subject («هذا المؤتمر»).
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from meetings.models import AgendaItem, Attendance, Decision, Meeting
from regions.models import Congress, Province, Region

NBSP = "\u00a0"
HEADQUARTERS = ("المقر المركزي للحزب بالرباط", "le siège central du Parti à Rabat")
Kind = Decision.Kind
Topic = AgendaItem.Topic


@dataclass(frozen=True)
class Said:
    """A decision: its kind, its text in Arabic and French, other fields (follow-up…)."""

    kind: str
    ar: str
    fr: str
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Item:
    ar: str
    fr: str
    topic: str
    decisions: tuple[Said, ...] = ()
    summary_ar: str = ""
    summary_fr: str = ""
    regions: tuple[str, ...] = ()  # region codes
    provinces: tuple[str, ...] = ()  # French names; "*" + region code: all its provinces
    congresses: tuple[tuple[str, datetime.date], ...] = ()  # (region code, date)


def quoted(text: str) -> str:
    """French guillemets with their no-break spaces."""
    return f"«{NBSP}{text}{NBSP}»"


# The ordinary weeks take two of these in turn.
ROUTINE_ITEMS = [
    Item(
        "الوضع السياسي العام",
        "La situation politique générale",
        Topic.POLITICS,
        (
            Said(
                Kind.STATEMENT,
                "ضرورة تعزيز الثقة في المؤسسات المنتخبة وتوسيع هامش الحريات",
                "la nécessité de renforcer la confiance dans les institutions élues et "
                "d'élargir le champ des libertés",
            ),
            Said(
                Kind.POSITION,
                "بقلق استمرار غلاء المعيشة وتأثيره على القدرة الشرائية للأسر",
                "avec inquiétude de la persistance de la cherté de la vie et de son effet sur "
                "le pouvoir d'achat des ménages",
            ),
        ),
    ),
    Item(
        "التحضير للدخول الاجتماعي",
        "La préparation de la rentrée sociale",
        Topic.ECONOMY,
        (
            Said(
                Kind.RECOMMENDATION,
                "بإعداد مقترحات الحزب في مجالي التشغيل والحماية الاجتماعية",
                "l'élaboration des propositions du Parti en matière d'emploi et de protection "
                "sociale",
            ),
            Said(
                Kind.DECISION,
                "تنظيم يوم دراسي حول العدالة الجبائية خلال الشهر المقبل",
                "d'organiser une journée d'étude sur la justice fiscale le mois prochain",
            ),
        ),
    ),
    Item(
        "حصيلة عمل منتخبات ومنتخبي الحزب",
        "Le bilan de l'action des élues et des élus du Parti",
        Topic.ELECTIONS,
        (
            Said(
                Kind.COMMENDATION,
                "بالجهود التي يبذلونها في المجالس الترابية خدمة للمواطنات والمواطنين",
                "les efforts qu'ils déploient dans les conseils territoriaux au service des "
                "citoyennes et des citoyens",
            ),
            Said(
                Kind.RECOMMENDATION,
                "بتنظيم لقاءات تكوينية لفائدة المنتخبين الجدد",
                "l'organisation de sessions de formation au profit des nouveaux élus",
            ),
        ),
    ),
    Item(
        "مستجدات القضية الوطنية",
        "Les développements de la cause nationale",
        Topic.INTERNATIONAL,
        (
            Said(
                Kind.STATEMENT,
                "تشبث الحزب بالوحدة الترابية للمملكة ودعمه لكل المبادرات الدبلوماسية",
                "l'attachement du Parti à l'intégrité territoriale du Royaume et son soutien à "
                "toutes les initiatives diplomatiques",
            ),
        ),
    ),
    Item(
        "برنامج الأنشطة التواصلية",
        "Le programme des activités de communication",
        Topic.OUTREACH,
        (
            Said(
                Kind.EVALUATION,
                "للقاءات التواصلية التي عقدها الحزب مع المواطنات والمواطنين",
                "des rencontres de communication tenues par le Parti avec les citoyennes et "
                "les citoyens",
            ),
            Said(
                Kind.DECISION,
                "مواصلة الحملة التواصلية في الفروع الإقليمية",
                "de poursuivre la campagne de communication dans les sections provinciales",
            ),
        ),
    ),
    Item(
        "الإعداد للمؤتمرات الإقليمية",
        "La préparation des congrès provinciaux",
        Topic.ORGANISATION,
        (
            Said(
                Kind.APPROVAL,
                "على الجدولة الزمنية لمؤتمرات الفروع الإقليمية",
                "le calendrier des congrès des sections provinciales",
            ),
        ),
    ),
]

POLE_FOCUS = (
    "تحديد التوجهات التي سيتم على أساسها عقد المؤتمرات الإقليمية للحزب",
    "la définition des orientations sur la base desquelles se tiendront les congrès "
    "provinciaux du Parti",
)
POLE_ITEMS = (
    Item(
        "الحصيلة التنظيمية للفروع الإقليمية",
        "Le bilan organisationnel des sections provinciales",
        Topic.ORGANISATION,
        summary_ar="تفاوت وتيرة تجديد الهياكل من جهة إلى أخرى، والحاجة إلى انفتاح أوسع على "
        "النساء والشباب",
        summary_fr="l'inégal rythme de renouvellement des structures d'une région à l'autre et "
        "la nécessité d'une plus large ouverture aux femmes et aux jeunes",
    ),
    Item(
        "الدليل التنظيمي للمؤتمرات الإقليمية",
        "Le guide organisationnel des congrès provinciaux",
        Topic.ORGANISATION,
        (
            Said(
                Kind.APPROVAL,
                "على هذا الدليل، الذي يحدد شروط انعقادها ومعايير انتداب المؤتمرين",
                "ce guide, qui fixe les conditions de leur tenue et les critères de désignation "
                "des congressistes",
            ),
            Said(
                Kind.DECISION,
                "أن تعقد هذه المؤتمرات قبل متم شهر يونيو المقبل، وفق جدولة يعدها قطب التنظيم",
                "que ces congrès se tiendront avant fin juin prochain, selon un calendrier "
                "établi par le pôle de l'Organisation",
            ),
        ),
    ),
)


def seed_items(pole_meeting: Meeting, draa_congress: Congress) -> tuple[Item, ...]:
    """The agenda of 21 January 2020 (the seed communiqué), with its follow-up."""
    return (
        Item(
            "تقييم أولي للمؤتمرات الجهوية الأخيرة",
            "Évaluation préliminaire des récents congrès régionaux",
            Topic.CONGRESSES,
            (
                Said(
                    Kind.EVALUATION,
                    "أوليا للمؤتمرات الجهوية للحزب المنعقدة في الفترة الأخيرة",
                    "préliminaire des congrès régionaux du Parti tenus ces derniers temps",
                ),
                Said(
                    Kind.STATEMENT,
                    "أن تدارك هذه التفاوتات يمر عبر سياسات عمومية ناجعة وقائمة على التضامن، "
                    "مدخلها إرساء ديمقراطية محلية حقيقية تجعل الهيئات المنتخبة المحلية والجهوية "
                    "صاحبة القرار الفعلي، وهو ما سبق للحزب أن بسطه في المذكرة التي ساهم بها في "
                    "المشاورات الجارية حول بلورة نموذج تنموي جديد",
                    "que la résorption de ces disparités passe par des politiques publiques "
                    "efficaces et fondées sur la solidarité, dont la porte d'entrée est "
                    "l'instauration d'une véritable démocratie locale faisant des instances élues "
                    "locales et régionales les réelles détentrices de la décision, comme le Parti "
                    "l'a exposé dans le mémorandum qu'il a présenté lors des consultations en "
                    "cours sur l'élaboration d'un nouveau modèle de développement",
                ),
            ),
            summary_ar="الأوضاع العامة ببعض جهات البلاد، خاصة على الأصعدة الاجتماعية "
            "والاقتصادية، وظروف عيش المواطنات والمواطنين في الجهات التي لم تستفد بالقدر الكافي "
            "من المجهودات التنموية المبذولة، وما تعانيه جراء ذلك من عزلة وتهميش وتعمق للتفاوتات "
            "المجالية",
            summary_fr="la situation générale dans certaines régions du pays, notamment sur les "
            "plans social et économique, et les conditions de vie des citoyennes et des citoyens "
            "dans les régions qui n'ont pas suffisamment bénéficié des efforts de développement "
            "consentis, avec l'isolement, la marginalisation et l'aggravation des disparités "
            "territoriales qu'elles subissent de ce fait",
        ),
        Item(
            "نتائج المؤتمر الجهوي للحزب بجهة درعة-تافيلالت",
            "Les résultats du congrès régional du Parti dans la région de Drâa-Tafilalet",
            Topic.CONGRESSES,
            (
                Said(
                    Kind.POSITION,
                    "باعتزاز النجاح البين لهذه المحطة التنظيمية والتعبوية الهامة، التي رسخت "
                    "مكانة الحزب بالجهة كقوة سياسية جادة ومناضلة من أجل النهوض بها على كافة "
                    "المستويات",
                    "avec fierté de la franche réussite de cette importante étape "
                    "organisationnelle et mobilisatrice, qui a consolidé la place du Parti dans "
                    "la région en tant que force politique sérieuse, engagée pour son essor à "
                    "tous les niveaux",
                ),
                Said(
                    Kind.COMMENDATION,
                    "بالمجهودات التي بذلتها مختلف الفروع الإقليمية للحزب بالجهة لإنجاح المؤتمر",
                    "les efforts déployés par les différentes sections provinciales du Parti "
                    "dans la région pour la réussite du congrès",
                ),
                Said(
                    Kind.CONGRATULATION,
                    "الرفيقات والرفاق الذين حملهم المؤتمر مسؤولية تدبير شؤون الحزب بالجهة، "
                    "وفي مقدمتهم الرفيق الكاتب الجهوي، متمنيا لهم كامل النجاح في مهامهم "
                    "النضالية خدمة لمصلحة المواطنات والمواطنين",
                    "les camarades que le congrès a chargés de la conduite des affaires du Parti "
                    "dans la région, à leur tête le camarade secrétaire régional, en leur "
                    "souhaitant plein succès dans leurs missions militantes au service des "
                    "citoyennes et des citoyens",
                ),
            ),
            regions=("08",),
            provinces=("*08",),
            congresses=(("08", draa_congress.date),),
        ),
        Item(
            "برنامج دورات مجالس الفروع الإقليمية",
            "Le programme des sessions des conseils des sections provinciales",
            Topic.ORGANISATION,
            (
                Said(
                    Kind.DECISION,
                    "تخصيص اجتماعه المقبل لتحديد التوجهات التي سيتم على أساسها عقد المؤتمرات "
                    "الإقليمية، في أفق ضخ النفس التعبوي المطلوب وتأهيل تنظيمات الحزب ومنظماته "
                    "الموازية لرفع تحديات المرحلة",
                    "de consacrer sa prochaine réunion à la définition des orientations sur la "
                    "base desquelles se tiendront les congrès provinciaux, afin d'insuffler "
                    "l'élan mobilisateur requis et de mettre à niveau les structures du Parti et "
                    "ses organisations parallèles pour relever les défis de l'étape",
                    {
                        "target_meeting": pole_meeting,
                        "responsible_body": "قطب التنظيم",
                        "follow_up": Decision.FollowUp.DONE,
                    },
                ),
            ),
        ),
        Item(
            "اللقاءات التواصلية حول خطة «تجذر وانصهار»",
            f"Les rencontres de communication sur le plan {quoted('Enracinement et fusion')}",
            Topic.OUTREACH,
            (
                Said(
                    Kind.EVALUATION,
                    "عاما للقاءات التواصلية التي نظمها الحزب خلال الفترة المنصرمة في كل من "
                    "الصخيرات-تمارة وسلا وآسفي واليوسفية، والتي تمحورت حول سبل بلورة خطة "
                    "«تجذر وانصهار» ومضامين مذكرة الحزب بخصوص النموذج التنموي الجديد",
                    "globale des rencontres de communication organisées ces derniers temps par "
                    "le Parti à Skhirate-Témara, Salé, Safi et Youssoufia, consacrées aux moyens "
                    f"de concrétiser le plan {quoted('Enracinement et fusion')} et au contenu du "
                    "mémorandum du Parti sur le nouveau modèle de développement",
                ),
                Said(
                    Kind.RECOMMENDATION,
                    "بمواصلة هذه اللقاءات في باقي الفروع المحلية والإقليمية، طبقا للبرنامج "
                    "الذي حدده المكتب السياسي في وقت سابق",
                    "de poursuivre ces rencontres dans les autres sections locales et "
                    "provinciales, conformément au programme arrêté auparavant par le Bureau "
                    "politique",
                    {
                        "responsible_body": "قطب التنظيم",
                        "due_date": datetime.date(2020, 3, 31),
                        "follow_up": Decision.FollowUp.IN_PROGRESS,
                    },
                ),
            ),
            regions=("04", "07"),
            provinces=("Skhirate-Témara", "Salé", "Safi", "Youssoufia"),
        ),
    )


def save_meeting(day, bureau, organ=Meeting.Organ.POLITICAL_BUREAU, **fields) -> Meeting:
    """A held meeting at 17:00 on ``day`` in the headquarters; the bureau's attendance for the
    bureau's own meetings (one member excused every third day)."""
    starts_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(17, 0)))
    defaults = {
        "status": Meeting.Status.HELD,
        "venue_ar": HEADQUARTERS[0],
        "venue_fr": HEADQUARTERS[1],
        **fields,
    }
    meeting, _ = Meeting.objects.update_or_create(
        organ=organ, starts_at=starts_at, defaults=defaults
    )
    if organ == Meeting.Organ.POLITICAL_BUREAU:
        present = bureau if day.day % 3 else bureau[:-1]
        for person in bureau:
            status = Attendance.Status.PRESENT if person in present else Attendance.Status.EXCUSED
            Attendance.objects.update_or_create(
                meeting=meeting, person=person, defaults={"status": status}
            )
    return meeting


def save_items(meeting: Meeting, items) -> None:
    """The meeting's agenda exactly as ``items`` says (safe to rerun after the data changed)."""
    meeting.agenda_items.filter(order__gt=len(items)).delete()
    for order, item in enumerate(items, start=1):
        agenda_item, _ = AgendaItem.objects.update_or_create(
            meeting=meeting,
            order=order,
            defaults={
                "title_ar": item.ar,
                "title_fr": item.fr,
                "topic": item.topic,
                "summary_ar": item.summary_ar,
                "summary_fr": item.summary_fr,
            },
        )
        agenda_item.decisions.filter(order__gt=len(item.decisions)).delete()
        for position, said in enumerate(item.decisions, start=1):
            Decision.objects.update_or_create(
                agenda_item=agenda_item,
                order=position,
                defaults={"kind": said.kind, "text_ar": said.ar, "text_fr": said.fr, **said.extra},
            )
        _link(agenda_item, item)


def _link(agenda_item: AgendaItem, item: Item) -> None:
    regions = Region.objects.filter(code__in=item.regions)
    provinces = Province.objects.none()
    for name in item.provinces:
        match = {"region__code": name[1:]} if name.startswith("*") else {"name_fr": name}
        provinces |= Province.objects.filter(**match)
    congresses = Congress.objects.none()
    for code, day in item.congresses:
        congresses |= Congress.objects.filter(region__code=code, date=day)
    agenda_item.regions.set(regions)
    agenda_item.provinces.set(provinces)
    agenda_item.congresses.set(congresses)
