"""One meeting of each shape the composer must handle that the story lacks: five items, no
decisions, a Central Committee session (the story has two-item weeks, the four-item seed and
a thematic meeting). Their composed communiqués are goldens of tests/meetings/golden/."""

import datetime
from dataclasses import dataclass

from meetings.models import Meeting

from .agendas import Item, Kind, Said, Topic, save_items, save_meeting


@dataclass(frozen=True)
class Shaped:
    day: datetime.date
    slug: str
    items: tuple[Item, ...]
    organ: str = Meeting.Organ.POLITICAL_BUREAU
    kind: str = Meeting.Kind.WEEKLY
    focus: tuple[str, str] = ("", "")


# One meeting of each shape not already in the demo's story.
SHAPED = [
    Shaped(
        datetime.date(2020, 2, 4),
        "bureau-politique-2020-02-04",
        (
            Item(
                "مستجدات الوضع السياسي الوطني",
                "L'actualité politique nationale",
                Topic.POLITICS,
                (
                    Said(
                        Kind.STATEMENT,
                        "أن نجاح أي نموذج تنموي رهين بإصلاحات سياسية ومؤسساتية عميقة تعيد الثقة "
                        "في العمل السياسي",
                        "que la réussite de tout modèle de développement passe par de profondes "
                        "réformes politiques et institutionnelles qui rétablissent la confiance "
                        "dans l'action politique",
                    ),
                ),
                summary_ar="النقاش العمومي الدائر حول النموذج التنموي الجديد، وانتظارات "
                "المواطنات والمواطنين في مجالات الشغل والصحة والتعليم",
                summary_fr="le débat public sur le nouveau modèle de développement et les "
                "attentes des citoyennes et des citoyens en matière d'emploi, de santé et "
                "d'éducation",
            ),
            Item(
                "ارتفاع أسعار المواد الأساسية",
                "La hausse des prix des produits de base",
                Topic.ECONOMY,
                (
                    Said(
                        Kind.POSITION,
                        "بقلق ما يخلفه هذا الارتفاع من آثار على القدرة الشرائية للأسر، ولا سيما "
                        "الفئات الهشة",
                        "avec inquiétude des effets de cette hausse sur le pouvoir d'achat des "
                        "ménages, notamment des catégories vulnérables",
                    ),
                    Said(
                        Kind.STATEMENT,
                        "ضرورة تفعيل آليات المراقبة وحماية المستهلك",
                        "la nécessité d'activer les mécanismes de contrôle et de protection du "
                        "consommateur",
                    ),
                ),
            ),
            Item(
                "التحضير للمؤتمر الجهوي بجهة مراكش-آسفي",
                "La préparation du congrès régional de Marrakech-Safi",
                Topic.CONGRESSES,
                (
                    Said(
                        Kind.APPROVAL,
                        "على الترتيبات التنظيمية لهذا المؤتمر، المقرر عقده بمراكش يوم السبت 8 "
                        "فبراير الجاري",
                        "les dispositions organisationnelles de ce congrès, prévu à Marrakech le "
                        "samedi 8 février courant",
                    ),
                ),
                regions=("07",),
                congresses=(("07", datetime.date(2020, 2, 8)),),
            ),
            Item(
                "وضعية قطاع الصحة العمومية",
                "La situation de la santé publique",
                Topic.ECONOMY,
                (
                    Said(
                        Kind.RECOMMENDATION,
                        "بإعداد مذكرة للحزب حول إصلاح المنظومة الصحية، تعرض على أنظار اجتماعه "
                        "المقبل",
                        "l'élaboration d'un mémorandum du Parti sur la réforme du système de "
                        "santé, à soumettre à sa prochaine réunion",
                    ),
                ),
                summary_ar="الخصاص المسجل في الموارد البشرية والتجهيزات بعدد من المستشفيات "
                "الإقليمية",
                summary_fr="le manque de ressources humaines et d'équipements dans nombre "
                "d'hôpitaux provinciaux",
            ),
            Item(
                "التحضير لتخليد اليوم العالمي للمرأة",
                "La préparation de la Journée internationale des droits des femmes",
                Topic.OUTREACH,
                (
                    Said(
                        Kind.DECISION,
                        "تنظيم لقاء وطني حول المساواة والمناصفة يوم 8 مارس المقبل",
                        "d'organiser une rencontre nationale sur l'égalité et la parité le "
                        "8 mars prochain",
                    ),
                ),
            ),
        ),
    ),
    Shaped(
        datetime.date(2020, 2, 11),
        "bureau-politique-2020-02-11",
        (
            Item(
                "حصيلة الدورة التشريعية الخريفية",
                "Le bilan de la session législative d'automne",
                Topic.POLITICS,
                summary_ar="أداء المجموعة النيابية للحزب ومواقفها من مشاريع القوانين المعروضة "
                "على البرلمان",
                summary_fr="l'action du groupement parlementaire du Parti et ses positions sur "
                "les projets de loi soumis au Parlement",
            ),
            Item(
                "أوضاع العالم القروي في ظل موجة البرد",
                "La situation du monde rural face à la vague de froid",
                Topic.ECONOMY,
                summary_ar="معاناة ساكنة المناطق الجبلية من العزلة وضعف الخدمات الأساسية",
                summary_fr="les difficultés des populations des zones de montagne, entre "
                "isolement et faiblesse des services de base",
            ),
            Item(
                "برنامج الأنشطة الإشعاعية للحزب خلال شهر مارس",
                "Le programme des activités de rayonnement du Parti pour le mois de mars",
                Topic.OUTREACH,
            ),
        ),
    ),
    Shaped(
        datetime.date(2020, 3, 7),
        "اللجنة-المركزية-الدورة-الاستثنائية-7-مارس-2020",
        (
            Item(
                "عرض المكتب السياسي حول الوضع التنظيمي للحزب",
                "L'exposé du Bureau politique sur la situation organisationnelle du Parti",
                Topic.ORGANISATION,
                (Said(Kind.APPROVAL, "على هذا العرض بالإجماع", "cet exposé à l'unanimité"),),
                summary_ar="النتائج التي أسفرت عنها المؤتمرات الجهوية، والمجهود المطلوب "
                "لاستكمال تجديد الفروع الإقليمية",
                summary_fr="les résultats des congrès régionaux et l'effort requis pour achever "
                "le renouvellement des sections provinciales",
            ),
            Item(
                "تركيبة اللجنة التحضيرية للمؤتمر الوطني",
                "La composition de la commission préparatoire du Congrès national",
                Topic.ORGANISATION,
                (
                    Said(
                        Kind.APPROVAL,
                        "على هذه التركيبة وفق ما اقترحه المكتب السياسي",
                        "cette composition telle que proposée par le Bureau politique",
                    ),
                    Said(
                        Kind.DECISION,
                        "أن تعرض اللجنة التحضيرية مشاريع وثائق المؤتمر الوطني على الدورة المقبلة "
                        "للجنة المركزية",
                        "que la commission préparatoire soumettra les projets de documents du "
                        "Congrès national à la prochaine session du Comité central",
                    ),
                ),
            ),
        ),
        organ=Meeting.Organ.CENTRAL_COMMITTEE,
        kind=Meeting.Kind.EXTRAORDINARY,
    ),
]
SHAPED_DAYS = {shaped.day for shaped in SHAPED}


def load_shaped(bureau) -> list[tuple[Meeting, str]]:
    """The meetings of ``SHAPED`` with their agendas, and the slug of each one's communiqué."""
    loaded = []
    for shaped in SHAPED:
        meeting = save_meeting(
            shaped.day,
            bureau,
            organ=shaped.organ,
            kind=shaped.kind,
            focus_ar=shaped.focus[0],
            focus_fr=shaped.focus[1],
        )
        save_items(meeting, shaped.items)
        loaded.append((meeting, shaped.slug))
    return loaded
