"""newest_matching finds the same newest matches as reading every match would, whichever of its
ways it takes (here forced with small windows): common words in date order, rare ones from the
index, rare-of-late ones in date order again."""

import datetime

import pytest

from hdnd.core.search import matching, newest_matching
from hdnd.resolutions.factories import ResolutionFactory
from hdnd.resolutions.models import Resolution

pytestmark = pytest.mark.django_db

START = datetime.date(2024, 1, 1)


@pytest.fixture
def resolutions():
    term = ResolutionFactory().term
    Resolution.objects.all().delete()
    subjects = []
    for day in range(40):
        words = ["ngân sách"]  # in every one: a common word
        if day % 3 == 0:
            words.append("thủy lợi")  # in one in three
        if day in (2, 30):
            words.append("Khau Sliêu")  # two old ones: rare
        if day in (1, 35, 36, 37, 38, 39):
            words.append("Phiêng Luông")  # six, all of the newest: rare of late
        subjects.append(f"Về {' và '.join(words)} ngày {day}")
    for day, subject in enumerate(subjects):
        ResolutionFactory(term=term, subject=subject, adopted_on=START + datetime.timedelta(days=39 - day))
    ResolutionFactory(term=term, subject="Về ngân sách, chưa thông qua", adopted_on=None)
    return Resolution.objects.all()


def _plain(rows, query, count):
    return list(rows.filter(matching(query), adopted_on__isnull=False).order_by("-adopted_on")[:count])


@pytest.mark.parametrize("query", ["ngân sách", "thuy loi", "Khau Sliêu", "phieng luong", "không có"])
@pytest.mark.parametrize(
    "settings_",
    [
        {"window": 1000},  # every row fits the first reading
        {"window": 5, "common": 2},  # common words go on in date order
        {"window": 5, "common": 3, "rare_cap": 100},  # rare words from the index
        {"window": 5, "common": 3, "rare_cap": 2},  # too many for the cap: date order again
    ],
)
@pytest.mark.parametrize("count", [1, 3, 20])
def test_the_same_newest_matches_as_reading_every_match(resolutions, query, settings_, count):
    found = newest_matching(resolutions, query, count, "adopted_on", **settings_)
    assert [r.pk for r in found] == [r.pk for r in _plain(resolutions, query, count)]
