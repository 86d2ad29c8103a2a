"""`make prod-check`: checks a production configuration and explains every problem it finds."""

import socket

from django.core.management.base import BaseCommand, CommandError

from hdnd.core.production import TIMEOUT, production_findings


class Command(BaseCommand):
    help = "Checks the production settings and the services they point at; explains each problem in Vietnamese."
    requires_system_checks = []  # the deployment checks are run, and explained, by the command itself

    def handle(self, *args, **options):
        socket.setdefaulttimeout(TIMEOUT)  # a service that does not answer must not hang the check
        findings = production_findings()
        for finding in findings:
            mark = self.style.SUCCESS("[đạt]     ") if finding.ok else self.style.ERROR("[chưa đạt]")
            self.stdout.write(f"{mark} {finding.topic}: {finding.text}")
        problems = [finding for finding in findings if not finding.ok]
        if problems:
            raise CommandError(f"{len(problems)} điều cần sửa trước khi vận hành (xem các dòng “chưa đạt” ở trên).")
        self.stdout.write(self.style.SUCCESS("Cấu hình sẵn sàng để vận hành."))
