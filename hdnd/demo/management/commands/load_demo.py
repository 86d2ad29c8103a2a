from django.core.management.base import BaseCommand

from hdnd.demo.loader import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu: tỉnh Bắc Kạn, huyện Na Rì và 17 xã, thị trấn (năm 2024). Chạy lại an toàn."

    def handle(self, *args, **options):
        users = load_demo()
        self.stdout.write(f"Đã nạp dữ liệu mẫu huyện Na Rì. Tài khoản đăng nhập (mật khẩu chung: {DEMO_PASSWORD}):")
        for user in users:
            role = (
                "quản trị hệ thống"
                if user.is_superuser
                else ", ".join(
                    f"{r.get_role_display()} – {r.council}" for r in user.council_roles.select_related("council")
                )
            )
            self.stdout.write(f"  {user.username:<16} {role}")
