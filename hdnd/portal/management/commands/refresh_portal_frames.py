"""After an upgrade: rebuilds every portal's frame (menu, footer, latest articles, their header and
footer as the new release renders them) and expires every portal's cached pages."""

from django.core.management.base import BaseCommand

from hdnd.portal.models import HomePage
from hdnd.portal.services import portal_frames_refresh


class Command(BaseCommand):
    help = "Dựng lại khung (trình đơn, chân trang, tin mới) của mọi cổng thông tin, sau khi nâng cấp."

    def handle(self, *args, **options):
        homes = list(HomePage.objects.all())
        portal_frames_refresh(homes=homes)
        self.stdout.write(f"Đã dựng lại khung của {len(homes)} cổng thông tin.")
