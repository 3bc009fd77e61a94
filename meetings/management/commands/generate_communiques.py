from django.core.management.base import BaseCommand, CommandError

from meetings.demo.generated import generate_communiques


class Command(BaseCommand):
    help = "Add N generated published communiqués (for benchmarks and search tests)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, metavar="N")

    def handle(self, *args, count, **options):
        if count < 1:
            raise CommandError("N must be a positive number.")
        done = generate_communiques(count, progress=self.stderr)
        self.stdout.write(f"{done} communiqués generated.")
