"""The portal's pages that are views of the councils' records rather than Wagtail pages."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from . import accountability, delegates, feeds, ratings, resolutions, search, sessions

app_name = "portal"
urlpatterns = [
    path("nghi-quyet/", resolutions.resolution_list, name="resolutions"),
    path("nghi-quyet/<int:pk>/", resolutions.resolution_detail, name="resolution"),
    path("nghi-quyet/<int:pk>/van-ban.pdf", resolutions.resolution_pdf, name="resolution_pdf"),
    path("ky-hop/", sessions.session_list, name="sessions"),
    path("ky-hop/lich/", sessions.session_calendar, name="session_calendar"),
    path("ky-hop/<int:pk>/", sessions.session_detail, name="session"),
    path("ky-hop/lich-<int:council_pk>.ics", sessions.session_feed, name="session_feed"),
    path("dai-bieu/", delegates.delegate_list, name="delegates"),
    path("dai-bieu/<int:pk>/", delegates.delegate_detail, name="delegate"),
    path("tra-loi-cu-tri/", accountability.answers, name="answers"),
    path("giam-sat/", accountability.missions, name="missions"),
    path("giam-sat/<int:pk>/", accountability.mission_detail, name="mission"),
    path("tin-tuc/rss/", feeds.NewsFeed(), name="news_rss"),
    path("tin-tuc/atom/", feeds.NewsAtomFeed(), name="news_atom"),
    path("nghi-quyet/rss/", feeds.ResolutionFeed(), name="resolutions_rss"),
    path("nghi-quyet/atom/", feeds.ResolutionAtomFeed(), name="resolutions_atom"),
    path("sitemap.xml", sitemap, {"sitemaps": feeds.SITEMAPS}, name="sitemap"),
    path("robots.txt", feeds.robots, name="robots"),
    path("danh-gia/", ratings.rate, name="rate"),
    path("tim-kiem/", search.search, name="search"),
]
