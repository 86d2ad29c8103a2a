"""A council role granted or withdrawn changes who may write and publish on the council's portal."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from hdnd.accounts.models import CouncilRole

from .models import HomePage
from .permissions import portal_memberships_sync


@receiver(post_save, sender=CouncilRole)
@receiver(post_delete, sender=CouncilRole)
def portal_role_changed(sender, instance, **kwargs):
    for home in HomePage.objects.filter(council_id=instance.council_id):
        portal_memberships_sync(home, users=[instance.user])
