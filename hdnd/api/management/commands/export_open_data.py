"""Builds the open-data bundle of each council (nightly, from cron): python manage.py export_open_data."""

from django.core.management.base import BaseCommand, CommandError

from hdnd.api.export import bundle_refresh, storage_name
from hdnd.councils.models import Council


class Command(BaseCommand):
    help = "Builds each council's open-data bundle (OParl JSON, CSV, manifest) and keeps it for the API."

    def add_arguments(self, parser):
        parser.add_argument("councils", nargs="*", type=int, help="Council ids; every council when none is given.")

    def handle(self, *args, councils, **options):
        found = Council.objects.select_related("unit").order_by("pk")
        if councils:
            found = found.filter(pk__in=councils)
            missing = sorted(set(councils) - set(found.values_list("pk", flat=True)))
            if missing:
                raise CommandError(f"Không có hội đồng mã số {', '.join(map(str, missing))}.")
        for council in found:
            manifest = bundle_refresh(council)
            records = sum(entry["records"] or 0 for entry in manifest["files"] if entry["path"].startswith("csv/"))
            self.stdout.write(f"{storage_name(council)}: {council.name}, {records} dòng CSV")
