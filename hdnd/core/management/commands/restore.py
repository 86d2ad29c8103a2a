import time

from django.core.management.base import BaseCommand, CommandError

from hdnd.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu (tệp .zip do lệnh backup tạo) vào một bản cài đặt trống, rồi cập nhật "
        "cấu trúc dữ liệu lên phiên bản đang cài. Xem docs/backup.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Tệp .zip do lệnh backup tạo.")

    def handle(self, *args, **options):
        started = time.perf_counter()
        try:
            manifest = restore(options["archive"], log=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = f"{sum(table['rows'] for table in manifest['tables']):,}".replace(",", ".")
        self.stdout.write(
            f"Đã khôi phục {len(manifest['tables'])} bảng ({rows} dòng) và {len(manifest['files'])} tệp "
            f"trong {time.perf_counter() - started:.0f} giây; mọi bảng khớp mã kiểm tra của bản sao lưu."
        )
