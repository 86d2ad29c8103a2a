from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from hdnd.accounts import services, two_factor


class Command(BaseCommand):
    help = (
        "Tắt xác thực hai bước của một tài khoản đã mất điện thoại và mã dự phòng, "
        "để người đó đăng nhập bằng mật khẩu rồi bật lại."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="tên đăng nhập")

    def handle(self, *args, username, **options):
        user = get_user_model()._default_manager.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có tài khoản “{username}”.")
        if not two_factor.is_enabled(user):
            self.stdout.write(f"Tài khoản “{username}” chưa bật xác thực hai bước.")
            return
        services.two_factor_disable(actor=None, user=user)
        self.stdout.write(f"Đã tắt xác thực hai bước của tài khoản “{username}”.")
