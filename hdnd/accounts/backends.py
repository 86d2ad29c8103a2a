from django.contrib.auth.backends import BaseBackend

from .models import CouncilRole


class CouncilRoleBackend(BaseBackend):
    """Lets anyone who holds a council role into the back office; what they see there is decided
    by the council scoping, not by Django model permissions."""

    def has_perm(self, user_obj, perm, obj=None):
        if perm != "wagtailadmin.access_admin" or not user_obj.is_active:
            return False
        if not hasattr(user_obj, "_hdnd_has_council_role"):  # asked several times per request
            user_obj._hdnd_has_council_role = CouncilRole.objects.for_user(user_obj).exists()
        return user_obj._hdnd_has_council_role
