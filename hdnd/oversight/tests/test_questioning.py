import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hdnd.accounts.factories import UserFactory
from hdnd.councils.factories import DelegateFactory, TermFactory
from hdnd.oversight.factories import HearingFactory, QuestioningFactory
from hdnd.oversight.models import Commitment, Questioning, Recommendation
from hdnd.oversight.services import commitment_add, progress_report_add

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_commitment_is_followed_like_a_recommendation(commune_council):
    actor = UserFactory()
    questioning = QuestioningFactory(asked_by=DelegateFactory(constituency__term__council=commune_council))
    commitment = commitment_add(
        actor=actor,
        given_in=questioning,
        text="Đưa công trình nước sạch vào sử dụng",
        responsible_body="Ủy ban nhân dân xã",
        deadline=D(2024, 12, 31),
    )
    progress_report_add(actor=actor, recommendation=commitment, reported_on=D(2024, 9, 1), text="Đã nghiệm thu")
    commitment.refresh_from_db()
    assert commitment.status == "in_progress"
    assert list(Commitment.objects.all()) == [commitment]
    assert not Recommendation.objects.from_missions().exists()
    assert list(questioning.commitments.all()) == [commitment]


def test_a_commitment_deadline_before_the_question_is_refused(commune_council):
    questioning = QuestioningFactory(asked_by=DelegateFactory(constituency__term__council=commune_council))
    with pytest.raises(ValidationError) as exc_info:
        commitment_add(
            actor=UserFactory(), given_in=questioning, text="Cam kết", responsible_body="UBND", deadline=D(2024, 1, 1)
        )
    assert "10/07/2024" in exc_info.value.message_dict["deadline"][0]
    assert not Recommendation.objects.exists()


def test_hearing_commitments_are_added_on_the_hearings_page(secretariat_client, commune_council):
    hearing = HearingFactory(council=commune_council)
    url = reverse("accountabilityhearing:commitments", args=[hearing.pk])
    response = secretariat_client.post(
        url, {"text": "Hoàn thành giải phóng mặt bằng", "responsible_body": "UBND xã", "deadline": "31/03/2025"}
    )
    assert response.status_code == 302
    assert hearing.commitments.get().text == "Hoàn thành giải phóng mặt bằng"
    assert "Hoàn thành giải phóng mặt bằng" in secretariat_client.get(url).content.decode()


def _questioning_form(council, delegate, **overrides):
    data = {
        "council": council.pk,
        "asked_on": "10/07/2024",
        "asked_by": delegate.pk,
        "topic": "Nước sinh hoạt",
        "question": "Khi nào công trình nước sạch thôn Nà Làng được đưa vào sử dụng?",
        "respondent_name": "Nông Văn Bình",
        "answering_body": "Ủy ban nhân dân xã",
    }
    return {**data, **overrides}


def test_a_question_by_someone_not_in_office_is_refused(secretariat_client, commune_council):
    term = TermFactory(council=commune_council)
    retired = DelegateFactory(constituency__term=term, end_date=D(2023, 1, 1), end_reason="Chuyển công tác")
    response = secretariat_client.post(reverse("questioning:add"), _questioning_form(commune_council, retired))
    assert response.status_code == 200
    assert (
        "không phải là đại biểu đương nhiệm của Hội đồng nhân dân này vào ngày 10/07/2024" in response.content.decode()
    )
    assert not Questioning.objects.exists()


def test_an_answer_needs_its_date_and_form_and_cannot_precede_the_question(secretariat_client, commune_council):
    delegate = DelegateFactory(constituency__term__council=commune_council)
    response = secretariat_client.post(
        reverse("questioning:add"),
        _questioning_form(commune_council, delegate, answer="Quý IV năm 2024", answered_on="01/07/2024"),
    )
    html = response.content.decode()
    assert "Ngày trả lời không thể trước ngày chất vấn." in html
    assert "Chọn hình thức trả lời" in html
    assert not Questioning.objects.exists()
    response = secretariat_client.post(
        reverse("questioning:add"),
        _questioning_form(
            commune_council, delegate, answer="Quý IV năm 2024", answered_on="12/07/2024", answer_form="in_session"
        ),
    )
    assert response.status_code == 302
    assert Questioning.objects.get().answer == "Quý IV năm 2024"
