from django.core.management.base import BaseCommand

from readers.demo import load_readers_demo


class Command(BaseCommand):
    help = "Add the readers' demo (views, replies) to the seed communiqué; run after load_demo."

    def handle(self, *args, **options):
        seed = load_readers_demo()
        if seed is None:
            self.stderr.write("The seed communiqué is missing: run load_demo first.")
            raise SystemExit(1)
        self.stdout.write(self.style.SUCCESS("Readers' demo loaded."))
