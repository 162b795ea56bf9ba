"""Playwright on Debian's Chromium (never a downloaded browser) against the live test server."""

import io
import os

import pytest
from django.core.management import call_command

from tests.services import require_chromium

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
# still synchronous and safe, so tell Django not to refuse them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def demo(db):
    """The demo municipality, as `make run` loads it."""
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo_second_factor", stdout=io.StringIO())  # as `make run` does


@pytest.fixture(scope="session")
def chromium():
    path = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(chromium, live_server):
    """Open a page of the live server at a viewport; records every request it makes."""
    contexts = []

    def _open(path: str, viewport: dict = DESKTOP, context=None):
        if context is None:
            context = chromium.new_context(viewport=viewport, locale="nb-NO")
            contexts.append(context)
        page = context.new_page()
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.goto(f"{live_server.url}{path}")
        return page

    yield _open
    for context in contexts:
        context.close()


def axe_violations(page) -> list[str]:
    """WCAG 2.1 A/AA violations axe-core finds on the page, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )
    return [
        f"{v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'][:3])})"
        for v in results.response["violations"]
    ]


def assert_pages_accessible(page, live_server, viewport, paths) -> None:
    """Each of ``paths``, opened in ``page``, has no WCAG 2.1 A/AA violations and does not
    scroll sideways at the viewport's width."""
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{path} scrolls sideways"


def log_in(page, live_server, username: str, password: str) -> None:
    page.goto(f"{live_server.url}/ansatt/logg-inn/")
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(password)
    page.get_by_role("button", name="Logg inn").click()
    give_second_factor(page, live_server, username)


def give_second_factor(page, live_server, username: str) -> None:
    """Enrolled demo users give the code from the demo secret at once, as a person would when
    the first case page asks for it, and come back to where the login went."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from innlogging.management.commands.load_demo_second_factor import demo_code

    page.wait_for_load_state()
    if not TOTPDevice.objects.filter(user__username=username, confirmed=True).exists():
        return
    if "/innlogging/tofaktor/kode/" not in page.url:  # the login leads there itself
        landed = page.url.removeprefix(live_server.url)
        page.goto(f"{live_server.url}/ansatt/innlogging/tofaktor/kode/?next={landed}")
    page.locator("main input[name=code]").fill(demo_code())
    page.locator("main button[type=submit]").click()
