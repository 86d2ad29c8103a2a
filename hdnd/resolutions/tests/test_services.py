import datetime
import io
import threading
import unicodedata
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections

from hdnd.accounts.factories import UserFactory
from hdnd.accounts.models import Role
from hdnd.conftest import user_with_role
from hdnd.resolutions.factories import ResolutionFactory
from hdnd.resolutions.models import Attachment, NumberSeries, Resolution
from hdnd.resolutions.services import attachment_add, relation_add, resolution_adopt, resolution_publish

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def actor():
    return UserFactory()


def adopt(actor, resolution, day, **kwargs):
    return resolution_adopt(actor=actor, resolution=resolution, adopted_on=day, **kwargs)


def test_numbers_run_per_council_kind_and_year_and_reset_on_1_january(actor):
    first = ResolutionFactory()
    council, term = first.council, first.term
    a = adopt(actor, first, D(2024, 1, 5))
    b = adopt(actor, ResolutionFactory(term=term), D(2024, 3, 1))
    normative = adopt(actor, ResolutionFactory(term=term, kind="normative"), D(2024, 3, 2))
    next_year = adopt(actor, ResolutionFactory(term=term), D(2025, 1, 2))
    assert [a.symbol, b.symbol] == ["01/NQ-HĐND", "02/NQ-HĐND"]
    assert normative.symbol == "01/2024/NQ-HĐND"
    assert next_year.symbol == "01/NQ-HĐND" and next_year.year == 2025
    assert a.number_line == "Số: 01/NQ-HĐND"
    assert council.resolutions.count() == 4


def test_numbers_below_ten_carry_a_leading_zero_and_larger_do_not(actor):
    first = ResolutionFactory()
    adopted = [adopt(actor, first, D(2024, 1, 1))] + [
        adopt(actor, ResolutionFactory(term=first.term), D(2024, 1, 1 + i)) for i in range(1, 11)
    ]
    assert adopted[8].symbol == "09/NQ-HĐND"
    assert adopted[9].symbol == "10/NQ-HĐND"


def test_manual_number_for_a_historical_record_is_accepted_only_if_free(actor):
    first = adopt(actor, ResolutionFactory(), D(2022, 5, 1), number=15)
    assert first.symbol == "15/NQ-HĐND"
    duplicate = ResolutionFactory(term=first.term)
    with pytest.raises(ValidationError) as exc_info:
        adopt(actor, duplicate, D(2022, 5, 1), number=15)
    assert "number" in exc_info.value.message_dict
    duplicate.refresh_from_db()
    assert duplicate.status == "draft" and duplicate.number is None
    # The next automatic number continues after the highest one.
    assert adopt(actor, duplicate, D(2022, 6, 1)).number == 16


def test_out_of_sequence_number_is_refused(actor):
    first = adopt(actor, ResolutionFactory(), D(2024, 6, 1), number=10)
    with pytest.raises(ValidationError) as exc_info:
        adopt(actor, ResolutionFactory(term=first.term), D(2024, 7, 1), number=5)
    assert "adopted_on" in exc_info.value.message_dict
    with pytest.raises(ValidationError):
        adopt(actor, ResolutionFactory(term=first.term), D(2024, 5, 1))  # automatic 11, but dated before no. 10


def test_adopting_twice_is_refused(actor):
    resolution = adopt(actor, ResolutionFactory(), D(2024, 1, 5))
    with pytest.raises(ValidationError):
        adopt(actor, resolution, D(2024, 1, 6))


def test_adoption_date_outside_term_is_refused_and_nothing_is_numbered(actor):
    resolution = ResolutionFactory()
    with pytest.raises(ValidationError):
        adopt(actor, resolution, D(2026, 1, 6))
    resolution.refresh_from_db()
    assert resolution.number is None
    assert NumberSeries.objects.filter(year=2026, last_number__gt=0).count() == 0


def test_only_a_leader_publishes(actor):
    resolution = adopt(actor, ResolutionFactory(), D(2024, 1, 5))
    secretary = user_with_role(resolution.council, Role.SECRETARIAT)
    with pytest.raises(PermissionDenied):
        resolution_publish(actor=secretary, resolution=resolution)
    leader = user_with_role(resolution.council, Role.LEADER)
    published = resolution_publish(actor=leader, resolution=resolution)
    assert published.status == "published"
    assert list(Resolution.objects.published()) == [published]


def test_a_draft_cannot_be_published(actor):
    resolution = ResolutionFactory()
    leader = user_with_role(resolution.council, Role.LEADER)
    with pytest.raises(ValidationError):
        resolution_publish(actor=leader, resolution=resolution)


def test_replaced_resolution_is_no_longer_in_force_from_the_new_ones_effective_date(actor):
    old = adopt(actor, ResolutionFactory(kind="normative"), D(2022, 3, 1), effective_date=D(2022, 3, 15))
    new = adopt(actor, ResolutionFactory(term=old.term, kind="normative"), D(2024, 7, 10), effective_date=D(2024, 8, 1))
    relation_add(actor=actor, source=new, target=old, kind="replaces")
    assert old.is_in_force(D(2024, 7, 31))
    assert not old.is_in_force(D(2024, 8, 1))
    assert list(Resolution.objects.ended_on(D(2024, 8, 1))) == [old]
    amended = adopt(actor, ResolutionFactory(term=old.term), D(2023, 1, 1), effective_date=D(2023, 1, 1))
    relation_add(actor=actor, source=new, target=amended, kind="amends")
    assert amended.is_in_force(D(2025, 1, 1))


def test_relation_to_itself_is_refused(actor):
    resolution = adopt(actor, ResolutionFactory(), D(2024, 1, 5))
    with pytest.raises(ValidationError):
        relation_add(actor=actor, source=resolution, target=resolution, kind="repeals")


def test_subject_pasted_in_nfd_is_stored_nfc(actor):
    resolution = ResolutionFactory(subject=unicodedata.normalize("NFD", "Về việc điều chỉnh dự toán ngân sách"))
    assert Resolution.objects.get(pk=resolution.pk).subject == "Về việc điều chỉnh dự toán ngân sách"


def minimal_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_attachments_are_checked_by_content(actor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    resolution = ResolutionFactory()
    pdf = attachment_add(
        actor=actor,
        resolution=resolution,
        title="Bản ký",
        uploaded=SimpleUploadedFile("nghi-quyet.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n"),
    )
    docx = attachment_add(
        actor=actor, resolution=resolution, title="Dự thảo", uploaded=SimpleUploadedFile("du-thao.docx", minimal_docx())
    )
    assert (pdf.file_type, docx.file_type) == ("pdf", "docx")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("nghi-quyet.pdf", b"MZ\x90\x00 not a pdf at all", "không phải"),
        ("anh.pdf", b"\x89PNG\r\n\x1a\n....", "không phải"),
        ("du-thao.pdf", None, "nhưng nội dung"),
    ],
)
def test_an_attachment_that_is_not_what_it_claims_is_refused(actor, settings, tmp_path, name, content, message):
    settings.MEDIA_ROOT = tmp_path
    resolution = ResolutionFactory()
    with pytest.raises(ValidationError) as exc_info:
        attachment_add(
            actor=actor,
            resolution=resolution,
            title="Tệp",
            uploaded=SimpleUploadedFile(name, content or minimal_docx()),
        )
    assert message in " ".join(exc_info.value.messages)
    assert not Attachment.objects.exists()
    assert not any(tmp_path.rglob("*.*"))


def test_an_attachment_over_the_size_limit_is_refused(actor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.HDND_UPLOAD_MAX_BYTES = 1000
    with pytest.raises(ValidationError, match="tối đa"):
        attachment_add(
            actor=actor,
            resolution=ResolutionFactory(),
            title="Lớn",
            uploaded=SimpleUploadedFile("lon.pdf", b"%PDF-1.7\n" + b"0" * 2000),
        )
    assert not Attachment.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's; SQLite serialises writers")
@pytest.mark.django_db(transaction=True)
def test_concurrent_adoptions_never_share_a_number():
    first = ResolutionFactory()
    drafts = [first] + [ResolutionFactory(term=first.term) for _ in range(7)]
    actor = UserFactory()
    barrier = threading.Barrier(len(drafts))
    errors = []

    def adopt_in_thread(draft):
        try:
            barrier.wait()
            resolution_adopt(actor=actor, resolution=draft, adopted_on=D(2024, 10, 22))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=adopt_in_thread, args=(d,)) for d in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(Resolution.objects.filter(council=first.council).values_list("number", flat=True))
    assert numbers == list(range(1, len(drafts) + 1))
