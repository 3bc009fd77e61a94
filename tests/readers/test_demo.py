"""The demo's seed communiqué shows a view count and two approved replies, one waits."""

from django.core.management import call_command

from readers.demo import SEED_SLUG
from readers.models import Reply


def test_the_seed_communique_has_readers(client, db, settings):
    settings.READERS_REDIS_URL = ""
    call_command("load_demo")
    call_command("load_readers_demo")
    call_command("load_readers_demo")  # idempotent
    assert Reply.objects.count() == 3
    assert Reply.objects.pending().count() == 1
    seed = Reply.objects.first().communique
    assert seed.slug == SEED_SLUG
    page = client.get(seed.get_absolute_url()).content.decode()
    assert "<span data-view-count>398</span>" in page
    assert "تحية للمكتب السياسي على متابعة المؤتمر الجهوي" in page
    assert "Merci pour ce compte rendu clair." in page
    assert "هل سيتم نشر لائحة أعضاء الكتابة الجهوية الجديدة؟" not in page
