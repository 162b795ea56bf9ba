"""A real OpenID Connect provider on the loopback (tests/oidc/provider.mjs, npm's
``oidc-provider``), started once per test session, and a walk through its login.

Without node or the npm packages the tests skip with the missing-service prefix, so CI,
which installs them (``.ci/run``), fails instead.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

from .services import MISSING_PREFIX

HERE = Path(__file__).resolve().parent / "oidc"
CLIENT_ID = "bts-portal"
CLIENT_SECRET = "test-secret-for-the-loopback-provider"
OTHER_CLIENT_ID = "another-service"
CALLBACK = "/ansatt/innlogging/oidc/retur/"
START = "/ansatt/innlogging/oidc/start/"
# The citizens' provider (ID-porten in production, minside.oidc): its own client at the
# same test provider, with the citizen area's redirect URI.
CITIZEN_CLIENT_ID = "bts-portal-idporten"
CITIZEN_CALLBACK = "/min-side/innlogging/retur/"
CITIZEN_START = "/min-side/innlogging/start/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class TestProvider:
    issuer: str
    config_path: Path
    config: dict
    process: subprocess.Popen = field(repr=False)

    def set_accounts(self, accounts: dict) -> None:
        """The test's accounts (login -> claims); the provider reads them at every login."""
        self.config["accounts"] = accounts
        self.config_path.write_text(json.dumps(self.config))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_provider(tmp_dir: Path, portal_bases: list[str]) -> TestProvider:
    node = shutil.which("node")
    if node is None:
        pytest.skip(f"{MISSING_PREFIX} node (apt-get install nodejs npm).")
    if not (HERE / "node_modules" / "oidc-provider").is_dir():
        pytest.skip(
            f"{MISSING_PREFIX} the test provider's npm packages (npm ci --prefix tests/oidc)."
        )
    port = _free_port()
    config = {
        "clients": [
            {
                "client_id": client_id,
                "client_secret": CLIENT_SECRET,
                "redirect_uris": [f"{base}{CALLBACK}" for base in portal_bases],
                "post_logout_redirect_uris": [f"{base}/" for base in portal_bases],
            }
            for client_id in (CLIENT_ID, OTHER_CLIENT_ID)
        ]
        + [
            {
                "client_id": CITIZEN_CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "redirect_uris": [f"{base}{CITIZEN_CALLBACK}" for base in portal_bases],
                "post_logout_redirect_uris": [f"{base}/min-side/" for base in portal_bases],
            }
        ],
        "accounts": {},
    }
    config_path = tmp_dir / f"oidc-{port}.json"
    config_path.write_text(json.dumps(config))
    log = (tmp_dir / f"oidc-{port}.log").open("w")
    process = subprocess.Popen(
        [node, str(HERE / "provider.mjs"), str(port), str(config_path)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    issuer = f"http://127.0.0.1:{port}"
    provider = TestProvider(issuer, config_path, config, process)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The test provider stopped: {log.name}")
        try:
            if requests.get(f"{issuer}/.well-known/openid-configuration", timeout=1).ok:
                return provider
        except requests.ConnectionError:
            time.sleep(0.1)
    provider.stop()
    raise RuntimeError(f"The test provider did not answer in time: {log.name}")


def running_provider(tmp_path_factory, name: str, portal_bases=("http://testserver",)):
    """For a fixture to ``yield from``: a provider started in a fresh folder ``name``, stopped
    when the fixture ends."""
    provider = start_provider(tmp_path_factory.mktemp(name), list(portal_bases))
    yield provider
    provider.stop()


def configure_portal(settings, provider: TestProvider, **overrides) -> None:
    """Point the portal at the provider, as the environment would (bts_portal.settings)."""
    from innlogging import oidc

    settings.OIDC_ISSUER = provider.issuer
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_MFA_ACR = "idporten-loa-substantial"
    settings.OIDC_ACR_VALUES = "idporten-loa-substantial"
    backends = list(settings.AUTHENTICATION_BACKENDS)
    if "innlogging.oidc.OidcBackend" not in backends:
        backends.insert(1, "innlogging.oidc.OidcBackend")
    settings.AUTHENTICATION_BACKENDS = backends
    for name, value in overrides.items():
        setattr(settings, name, value)
    oidc.forget_discovery()


def configure_citizen_login(settings, provider: TestProvider, **overrides) -> None:
    """Point the citizen area at the provider, as ID-porten would be (bts_portal.settings)."""
    from innlogging import oidc

    settings.CITIZEN_OIDC_ISSUER = provider.issuer
    settings.CITIZEN_OIDC_CLIENT_ID = CITIZEN_CLIENT_ID
    settings.CITIZEN_OIDC_CLIENT_SECRET = CLIENT_SECRET
    settings.CITIZEN_OIDC_ACR_VALUES = "idporten-loa-substantial"
    for name, value in overrides.items():
        setattr(settings, name, value)
    oidc.forget_discovery()


def citizen_log_in(client, provider: TestProvider, login: str):
    """A citizen's whole login through the provider with the Django test client. Returns
    the citizen callback's response (not followed)."""
    start = client.get(CITIZEN_START)
    assert start.status_code == 302, start
    back = through_provider(requests.Session(), provider, start["Location"], login)
    assert back.startswith(f"http://testserver{CITIZEN_CALLBACK}?"), back
    return client.get(back)


def through_provider(browser: requests.Session, provider: TestProvider, url: str, login: str):
    """Follow the provider's redirects and fill its login and consent forms as ``login``,
    until it sends the browser back to the portal. Returns that address."""
    for _ in range(20):
        if not url.startswith(provider.issuer):
            return url
        response = browser.get(url, allow_redirects=False)
        if response.status_code == 200:
            action = re.search(r'<form method="post" action="([^"]+)"', response.text)
            assert action, response.text
            data = {"account": login} if action[1].endswith("/login") else {}
            response = browser.post(urljoin(url, action[1]), data=data, allow_redirects=False)
        assert response.status_code in (302, 303), (response.status_code, response.text)
        url = urljoin(url, response.headers["Location"])
    raise AssertionError("The provider kept redirecting.")


def log_in(client, provider: TestProvider, login: str, *, next_url: str = "/ansatt/mitt-arbeid/"):
    """The whole login with the Django test client: the portal's start, the provider's login
    and consent, the callback. Returns the callback's response (not followed)."""
    start = client.get(START, {"next": next_url})
    assert start.status_code == 302, start
    back = through_provider(requests.Session(), provider, start["Location"], login)
    assert back.startswith(f"http://testserver{CALLBACK}?"), back
    return client.get(back)
