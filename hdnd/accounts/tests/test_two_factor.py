"""Two-factor sign-in: enrolment with a real authenticator code, the second step of signing in,
backup codes, turning it off, throttling, and the leaders' obligation."""

import html
import io
import re
import time
from base64 import b32decode
from binascii import unhexlify

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from hdnd.accounts import services, two_factor
from hdnd.accounts.models import Role
from hdnd.conftest import user_with_role, wagtail_tree

WRONG_CODE = "Mã xác thực không đúng hoặc đã hết hạn"
LOCKED = "tạm thời bị khóa"


def code_now(key, steps_ahead=0):
    """The code an authenticator app holding `key` (hex) shows now, or `steps_ahead` periods later."""
    return f"{totp(unhexlify(key), drift=steps_ahead):06d}"


def a_wrong_code(key):
    """Six digits that no step the server accepts (the current one, one before, one after) gives."""
    accepted = {code_now(key, d) for d in (-1, 0, 1, 2)}
    return next(c for c in (f"{n:06d}" for n in range(123456, 10**6)) if c not in accepted)


def enrol(user):
    key = TOTPDevice().key
    codes = services.two_factor_enable(actor=user, user=user, key=key, code=code_now(key))
    return key, codes


def sign_in(client, user, password, **extra):
    return client.post(reverse("wagtailadmin_login"), {"username": user.username, "password": password}, **extra)


def send_code(client, code, **extra):
    return client.post(reverse("two_factor_sign_in"), {"code": code}, **extra)


def signed_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def user(commune_council):
    return user_with_role(commune_council)


@pytest.fixture
def enrolled(user):
    key, codes = enrol(user)
    return user, key, codes


@pytest.mark.django_db
def test_enrolment_confirms_the_app_with_a_real_code_and_shows_ten_backup_codes_once(client, user):
    client.force_login(user)
    setup = reverse("two_factor_setup")
    page = client.get(setup).content.decode()
    key = client.session[two_factor.NEW_KEY_KEY]
    assert "<svg" in page and "<path" in page  # the QR code, drawn here
    shown_secret = re.search(r'id="two-factor-secret">([A-Z2-7 ]+)<', page).group(1)
    assert b32decode(shown_secret.replace(" ", "")) == unhexlify(key)
    assert not TOTPDevice.objects.exists()  # looking at the page saves nothing

    refused = client.post(setup, {"code": a_wrong_code(key)}).content.decode()
    assert "Mã không khớp" in refused
    assert not TOTPDevice.objects.exists() and not StaticDevice.objects.exists()

    done = client.post(setup, {"code": code_now(key)}).content.decode()
    device = TOTPDevice.objects.get(user=user)
    assert device.confirmed and device.key == key
    tokens = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(tokens) == 10
    assert tokens == set(re.findall(r"<li>([a-z2-7]{8})</li>", done))
    entry = ModelLogEntry.objects.get(object_id=str(user.pk), action="hdnd.edit")
    assert entry.data["changes"] == [{"field": "xác thực hai bước", "old": "Tắt", "new": "Bật"}]

    again = client.get(setup).content.decode()
    assert "Xác thực hai bước đang bật" in again
    assert not any(token in again for token in tokens)


@pytest.mark.django_db
def test_the_account_page_links_to_the_two_factor_page(client, user):
    client.force_login(user)
    assert reverse("two_factor_setup") in client.get(reverse("wagtailadmin_account")).content.decode()


@pytest.mark.django_db
def test_sign_in_asks_for_the_code_before_signing_in(client, enrolled, password):
    user, key, _ = enrolled
    response = sign_in(client, user, password)
    assert response.status_code == 302 and response.url == reverse("two_factor_sign_in")
    assert not signed_in(client)
    assert "Mã xác thực" in client.get(reverse("two_factor_sign_in")).content.decode()

    response = send_code(client, code_now(key, 1))  # the enrolment spent the current period's code
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert signed_in(client)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_is_refused_with_a_clear_message(client, enrolled, password):
    user, key, _ = enrolled
    sign_in(client, user, password)
    response = send_code(client, a_wrong_code(key))
    assert response.status_code == 200
    assert WRONG_CODE in html.unescape(response.content.decode())
    assert not signed_in(client)


@pytest.mark.django_db
def test_the_code_used_to_enrol_cannot_sign_in(client, enrolled, password):
    user, key, _ = enrolled
    sign_in(client, user, password)
    assert WRONG_CODE in html.unescape(send_code(client, code_now(key)).content.decode())
    assert not signed_in(client)


@pytest.mark.django_db
def test_a_backup_code_signs_in_once(client, enrolled, password):
    user, _, codes = enrolled
    sign_in(client, user, password)
    response = send_code(client, codes[0].upper())
    assert response.status_code == 302 and signed_in(client)
    assert "còn 9 mã" in client.get(response.url).content.decode()

    client.logout()
    sign_in(client, user, password)
    assert WRONG_CODE in html.unescape(send_code(client, codes[0]).content.decode())
    assert not signed_in(client)
    assert StaticToken.objects.filter(device__user=user).count() == 9


@pytest.mark.django_db
def test_a_user_without_two_factor_signs_in_as_before(client, user, password):
    response = sign_in(client, user, password)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert signed_in(client)


@pytest.mark.django_db
def test_between_the_two_steps_no_back_office_page_is_reachable(client, enrolled, password):
    user, _, _ = enrolled
    sign_in(client, user, password)
    login = reverse("wagtailadmin_login")
    for url in [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_account"),
        reverse("two_factor_setup"),
        reverse("two_factor_disable"),
        reverse("wagtailadmin_explore_root"),
        "/quan-tri/vai-tro/",
    ]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(login), url
    assert not signed_in(client)


@pytest.mark.django_db
def test_the_second_step_expires(client, enrolled, password):
    user, key, _ = enrolled
    sign_in(client, user, password)
    session = client.session
    session[two_factor.PENDING_KEY]["since"] = time.time() - two_factor.PENDING_SECONDS - 1
    session.save()
    response = send_code(client, code_now(key, 1))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_login")
    assert not signed_in(client)
    assert "Đã quá thời gian đăng nhập" in client.get(response.url).content.decode()


@pytest.mark.django_db
def test_repeated_wrong_codes_are_throttled_then_locked_like_passwords(client, enrolled, password, settings):
    user, key, _ = enrolled
    address = {"REMOTE_ADDR": "10.0.0.9"}
    sign_in(client, user, password, **address)
    assert WRONG_CODE in html.unescape(send_code(client, a_wrong_code(key), **address).content.decode())
    # django-otp: right after a wrong code, even the right one waits.
    throttled = html.unescape(send_code(client, code_now(key, 1), **address).content.decode())
    assert "Vui lòng đợi" in throttled
    assert not signed_in(client)
    # django-axes: every refused code counted, as wrong passwords are.
    for _ in range(settings.AXES_FAILURE_LIMIT - 3):
        assert send_code(client, a_wrong_code(key), **address).status_code == 200
    locked = send_code(client, a_wrong_code(key), **address)
    assert locked.status_code == 429 and LOCKED in locked.content.decode()
    assert two_factor.PENDING_KEY not in client.session
    again = sign_in(client, user, password, **address)
    assert again.status_code == 429
    assert not signed_in(client)


@pytest.mark.django_db
def test_turning_off_needs_the_password(client, enrolled, password):
    user, _, _ = enrolled
    client.force_login(user)
    disable = reverse("two_factor_disable")
    refused = client.post(disable, {"password": "sai-mat-khau"}).content.decode()
    assert "Mật khẩu hoặc mã xác thực không đúng" in refused
    assert TOTPDevice.objects.filter(user=user).exists()

    assert client.post(disable, {"password": password}).status_code == 302
    assert not TOTPDevice.objects.exists() and not StaticDevice.objects.exists()
    entry = ModelLogEntry.objects.filter(object_id=str(user.pk)).latest("pk")
    assert entry.data["changes"] == [{"field": "xác thực hai bước", "old": "Bật", "new": "Tắt"}]

    client.logout()
    assert sign_in(client, user, password).url == reverse("wagtailadmin_home")
    assert signed_in(client)


@pytest.mark.django_db
def test_guessing_the_password_to_turn_off_is_locked_like_signing_in(client, enrolled, password, settings):
    user, _, _ = enrolled
    client.force_login(user)
    disable = reverse("two_factor_disable")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(disable, {"password": "sai-mat-khau"}).status_code == 200
    assert client.post(disable, {"password": "sai-mat-khau"}).status_code == 429
    assert client.post(disable, {"password": password}).status_code == 429
    assert TOTPDevice.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_turning_off_accepts_a_current_code(client, enrolled):
    user, key, _ = enrolled
    client.force_login(user)
    assert client.post(reverse("two_factor_disable"), {"code": code_now(key, 1)}).status_code == 302
    assert not TOTPDevice.objects.exists()


@pytest.mark.django_db
def test_leaders_must_enrol_when_the_setting_says_so(client, commune_council, password, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_LEADERS = True
    leader = user_with_role(commune_council, role=Role.LEADER)
    setup = reverse("two_factor_setup")
    assert sign_in(client, leader, password).url == setup
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 302 and home.url == setup
    assert "Lãnh đạo Hội đồng phải bật xác thực hai bước" in client.get(setup).content.decode()

    key = client.session[two_factor.NEW_KEY_KEY]
    client.post(setup, {"code": code_now(key)})
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(reverse("two_factor_disable")).url == setup  # leaders cannot turn it off
    assert TOTPDevice.objects.filter(user=leader).exists()

    client.logout()
    secretariat = user_with_role(commune_council)
    assert sign_in(client, secretariat, password).url == reverse("wagtailadmin_home")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_signing_in_in_two_steps_in_a_browser(live_server, page, commune_council, password):
    wagtail_tree()
    user = user_with_role(commune_council)
    key, _ = enrol(user)
    page.goto(live_server.url + reverse("wagtailadmin_login"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + reverse("two_factor_sign_in"))
    page.fill("#id_code", a_wrong_code(key))
    page.click("button[type=submit]")
    assert WRONG_CODE in page.locator(".messages .error").inner_text()
    time.sleep(1.1)  # django-otp's wait after one wrong code
    page.fill("#id_code", code_now(key, 1))
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + reverse("wagtailadmin_home"))


@pytest.mark.django_db
def test_an_operator_can_turn_it_off_for_a_lost_phone(enrolled):
    user, _, _ = enrolled
    out = io.StringIO()
    call_command("two_factor_disable", user.username, stdout=out)
    assert "Đã tắt xác thực hai bước" in out.getvalue()
    assert not TOTPDevice.objects.exists() and not StaticDevice.objects.exists()
    assert ModelLogEntry.objects.filter(object_id=str(user.pk), user=None).exists()
    with pytest.raises(CommandError, match="Không có tài khoản"):
        call_command("two_factor_disable", "khong-ai")
