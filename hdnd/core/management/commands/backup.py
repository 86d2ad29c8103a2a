import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hdnd.core.backup import BackupError, backup, default_path


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu và các tệp tải lên vào một tệp .zip có manifest.json và SHA256SUMS "
        "(mặc định var/backups/hdnd-NĂMTHÁNGNGÀY-GIỜPHÚTGIÂY.zip). Xem docs/backup.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Đường dẫn tệp .zip sẽ ghi.")

    def handle(self, *args, **options):
        path = Path(options["output"]) if options["output"] else default_path()
        started = time.perf_counter()
        try:
            manifest = backup(path, log=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = f"{sum(table['rows'] for table in manifest['tables']):,}".replace(",", ".")
        size = f"{path.stat().st_size / 1e6:.1f}".replace(".", ",")
        self.stdout.write(
            f"Đã sao lưu {len(manifest['tables'])} bảng ({rows} dòng) và {len(manifest['files'])} tệp vào {path} "
            f"({size} MB, {time.perf_counter() - started:.0f} giây)."
        )
