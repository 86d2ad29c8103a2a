import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from hdnd.accounts.models import Role
from hdnd.api.factories import leader_of
from hdnd.api.models import ApiToken, key_hash
from hdnd.api.services import api_token_create, api_token_revoke
from hdnd.conftest import user_with_role

pytestmark = pytest.mark.django_db


def test_a_leader_creates_a_token_whose_key_is_kept_only_as_a_hash(commune_council):
    leader = leader_of(commune_council)
    token, key = api_token_create(actor=leader, council=commune_council, name="Cổng UBND xã", can_write=True)
    assert key.startswith("hdnd_") and len(key) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_hash == key_hash(key) and key not in str(stored.__dict__)
    assert stored.key_start == key[:11]
    assert ModelLogEntry.objects.filter(object_id=str(token.pk), action="hdnd.create", user=leader).exists()


def test_a_secretary_cannot_create_a_token(commune_council):
    secretary = user_with_role(commune_council, Role.SECRETARIAT)
    with pytest.raises(PermissionDenied):
        api_token_create(actor=secretary, council=commune_council, name="Cổng UBND")
    assert not ApiToken.objects.exists()


def test_a_leader_of_another_council_cannot_revoke(commune_council, other_commune_council):
    token, _key = api_token_create(actor=leader_of(commune_council), council=commune_council, name="Cổng UBND")
    with pytest.raises(PermissionDenied):
        api_token_revoke(actor=leader_of(other_commune_council), token=token)
    assert ApiToken.objects.get(pk=token.pk).is_active


def test_a_revoked_key_is_refused_at_once(client, commune_council):
    leader = leader_of(commune_council)
    token, key = api_token_create(actor=leader, council=commune_council, name="Cổng UBND")
    header = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert client.get("/api/v1/terms", **header).status_code == 200
    api_token_revoke(actor=leader, token=token)
    refused = client.get("/api/v1/terms", **header)
    assert refused.status_code == 401
    assert refused.json() == {"detail": "Mã truy cập API không đúng hoặc đã bị thu hồi."}
    with pytest.raises(ValidationError):
        api_token_revoke(actor=leader, token=token)


@pytest.mark.parametrize("header", ["Bearer hdnd_khongdung", "Basic YTpi", "Bearer "])
def test_a_wrong_or_malformed_key_is_refused_with_a_message(client, header):
    refused = client.get("/api/v1/terms", HTTP_AUTHORIZATION=header)
    assert refused.status_code == 401
    assert refused.json()["detail"].startswith(("Mã truy cập API không đúng", "Hãy gửi mã truy cập API"))
