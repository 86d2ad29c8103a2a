import time

from django.core.management.base import BaseCommand, CommandError

from hdnd.councils.units import load_units, read_lineage_csv


class Command(BaseCommand):
    help = "Nạp danh mục đơn vị hành chính của cả hai giai đoạn (trước và từ 01/07/2025) và quan hệ kế thừa."

    def add_arguments(self, parser):
        parser.add_argument("--lineage", help="Tệp CSV có cột predecessor_code, successor_code (xã cũ → xã mới).")

    def handle(self, *args, **options):
        started = time.perf_counter()
        try:
            pairs = read_lineage_csv(options["lineage"]) if options["lineage"] else ()
            result = load_units(pairs)
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        elapsed = time.perf_counter() - started
        old, new = result.old_counts, result.new_counts
        self.stdout.write(
            f"Đã nạp đơn vị hành chính trong {elapsed:.1f} giây: trước 01/07/2025 có {old['province']} tỉnh, "
            f"{old['district']} huyện, {old['commune']} xã; từ 01/07/2025 có {new['province']} tỉnh, "
            f"{new['commune']} xã; {result.successions} quan hệ kế thừa."
        )
