from wagtail import hooks

from .views import VoterContactViewSetGroup


@hooks.register("register_admin_viewset")
def register_voter_contact_viewsets():
    return VoterContactViewSetGroup()
