"""Logging out of My page logs out of ID-porten too (RP-initiated logout), without the ID
token: it carries the pid, which the session never keeps."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from minside import identity

from . import test_minside as base
from .oidc_provider import citizen_log_in
from .test_minside import PID_MOTHER, invited

pytestmark = pytest.mark.django_db

family, idporten, provider = base.family, base.idporten, base.provider


def test_logout_sends_to_id_portens_end_session_and_back_to_my_page(
    client, family, provider, settings
):
    client.get(invited(client, family, family["mother"]))
    citizen_log_in(client, provider, "mor")
    assert identity.SESSION_KEY in client.session
    response = client.post("/min-side/logg-ut/")
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(provider.issuer)
    query = parse_qs(urlsplit(location).query)
    assert query["post_logout_redirect_uri"] == ["http://testserver/min-side/"]
    assert query["client_id"] == [settings.CITIZEN_OIDC_CLIENT_ID]
    assert "id_token_hint" not in query
    assert PID_MOTHER not in location
    assert identity.SESSION_KEY not in client.session
    # The provider accepts the request: the redirect URI is the registered one.
    assert requests.get(location, timeout=10).status_code == 200
    assert "Emma" not in client.get("/min-side/").content.decode()


def test_without_id_porten_logout_stays_on_my_page(client, settings):
    settings.CITIZEN_OIDC_ISSUER = ""
    response = client.post("/min-side/logg-ut/")
    assert (response.status_code, response["Location"]) == (302, "/min-side/")
