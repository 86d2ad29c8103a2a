"""Rate limits: per anonymous address and per token, each its own count; over it, 429 with
Retry-After in whole seconds and a Vietnamese message."""

import pytest
from django.test import override_settings

from hdnd.api.factories import token_for
from hdnd.councils.factories import CouncilFactory

pytestmark = pytest.mark.django_db


@override_settings(API_RATE_ANONYMOUS="3/min", API_RATE_TOKEN="5/min")
def test_anonymous_clients_are_limited_per_address(client):
    for _ in range(3):
        assert client.get("/api/v1/terms").status_code == 200
    refused = client.get("/api/v1/terms")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["detail"].startswith("Quá nhiều yêu cầu: hãy thử lại sau")
    assert client.get("/api/v1/terms", REMOTE_ADDR="10.0.0.9").status_code == 200


@override_settings(API_RATE_ANONYMOUS="1/min", API_RATE_TOKEN="2/min")
def test_each_token_has_its_own_count(client):
    council = CouncilFactory()
    first, second = token_for(council)[2], token_for(council)[2]
    assert client.get("/api/v1/terms").status_code == 200
    assert client.get("/api/v1/terms").status_code == 429  # the address's anonymous count is spent
    assert [client.get("/api/v1/terms", **first).status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/api/v1/terms", **second).status_code == 200


@override_settings(API_RATE_TOKEN="1/min")
def test_writes_are_limited_too(client):
    from hdnd.councils.factories import TermFactory

    term = TermFactory()
    header = token_for(term.council, write=True)[2]
    body = {"term": term.pk, "planned_start": "2024-07-10"}
    assert client.post("/api/v1/sessions", body, content_type="application/json", **header).status_code == 201
    refused = client.post("/api/v1/sessions", body, content_type="application/json", **header)
    assert refused.status_code == 429 and refused["Retry-After"]
