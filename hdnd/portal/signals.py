"""What the portal does when something changes elsewhere: a council role granted or withdrawn
changes who may write and publish on its portal; a page published, unpublished, moved or deleted
(or made private) changes its portal's frame and expires its cached pages; an image or file
replaced in the library changes the articles that show it."""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from hdnd.accounts.models import CouncilRole

from .models import ArticlePage, HomePage
from .permissions import portal_memberships_sync
from .services import portal_frame_refresh, portal_frames_refresh
from .sites import portal_sites_changed


@receiver(post_save, sender=CouncilRole)
@receiver(post_delete, sender=CouncilRole)
def portal_role_changed(sender, instance, **kwargs):
    for home in HomePage.objects.filter(council_id=instance.council_id):
        portal_memberships_sync(home, users=[instance.user])


def _home_of(page):
    """The home page of the portal `page` belongs to (every portal's home is a child of the root)."""
    return HomePage.objects.filter(path=page.path[: 2 * Page.steplen]).first() if page.depth >= 2 else None


def _portal_changed(page):
    if page.depth == 2:
        # A portal's home page: the portals around it show its name and address too.
        portal_frames_refresh()
    elif home := _home_of(page):
        portal_frame_refresh(home)


@receiver(page_published)
@receiver(page_unpublished)
def portal_page_published(sender, instance, **kwargs):
    _portal_changed(instance)


@receiver(post_page_move)
def portal_page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    _portal_changed(parent_page_before)
    _portal_changed(instance)


@receiver(post_delete, sender=Page)
def portal_page_deleted(sender, instance, **kwargs):
    if instance.depth == 2:
        portal_sites_changed()
    # Once the whole deletion (the page and those beneath it) is done, and if the portal remains.
    # (Whether the page was live cannot be told here: Wagtail takes it offline as it deletes it.)
    if instance.depth > 2:
        home_path = instance.path[: 2 * Page.steplen]
        transaction.on_commit(lambda: [portal_frame_refresh(h) for h in HomePage.objects.filter(path=home_path)])


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def portal_page_privacy_changed(sender, instance, **kwargs):
    if home := _home_of(instance.page):
        portal_frame_refresh(home)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def portal_site_changed(sender, instance, **kwargs):
    portal_frames_refresh()


def _articles_showing(filter_):
    for article in ArticlePage.objects.filter(filter_).distinct():
        ArticlePage.objects.filter(pk=article.pk).update(media=article.rendered_media())
        if article.live:
            portal_frame_refresh(article.portal_home())


#: What an article shows of an image (its renditions) and of a file (its title and address).
IMAGE_SHOWN = {"file", "focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height"}
DOCUMENT_SHOWN = {"file", "title"}


def _shown_fields_changed(created, update_fields, shown):
    # Not when Wagtail only notes a file's size or hash (as it may while making a rendition).
    return not created and (update_fields is None or shown & set(update_fields))


@receiver(post_save, sender=get_image_model())
def portal_image_changed(sender, instance, created, update_fields=None, **kwargs):
    if _shown_fields_changed(created, update_fields, IMAGE_SHOWN):
        _articles_showing(Q(images__image=instance))


@receiver(post_save, sender=get_document_model())
def portal_document_changed(sender, instance, created, update_fields=None, **kwargs):
    if _shown_fields_changed(created, update_fields, DOCUMENT_SHOWN):
        _articles_showing(Q(attachments__document=instance))
