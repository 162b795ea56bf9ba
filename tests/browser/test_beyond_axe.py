"""WCAG 2.1 AA checks axe-core does not make, in Chromium, over the whole public crawl and the
staff crawl: no sideways scrolling at 320 px (1.4.10), a focus ring of 3:1 or more on every
element the keyboard reaches (2.4.7, 1.4.11), a name for every form control in the
accessibility tree (4.1.2) and no duplicate id, the error summary (3.3.1), and a menu that
works without JavaScript and fits the first screen of a phone."""

from urllib.parse import urlsplit

import pytest
from django.test import Client

from organisasjon.demo import DEMO_PASSWORD
from organisasjon.models import Bruker
from tests.public_crawl import PageLinks, crawl_public

from .conftest import DESKTOP, PHONE, log_in

pytestmark = pytest.mark.django_db(transaction=True)

NARROW = {"width": 320, "height": 640}
STAFF_USERS = ["koordinator", "ansatt.skole"]
STAFF_PAGES_PER_USER = 40
# Roles of form controls (and buttons) that must have a name.
CONTROL_ROLES = {
    "textbox", "searchbox", "combobox", "listbox", "checkbox", "radio", "spinbutton",
    "slider", "switch", "button", "menuitemcheckbox", "menuitemradio", "option",
}  # fmt: skip

# The effective background behind an element, the contrast of two colours, and what the
# focused element's ring looks like: WCAG's relative luminance, computed in the page.
FOCUS_RING_JS = """
() => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const lum = ({r, g, b}) => {
    const f = (v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (x, y) => {
    const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p);
    return (a + 0.05) / (b + 0.05);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const behind = background(el.parentElement);
  const box = el.getBoundingClientRect();
  const rings = [];
  if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) {
    rings.push(contrast(parse(style.outlineColor), behind));
  }
  for (const shadow of style.boxShadow === "none" ? [] : style.boxShadow.split(/,(?![^(]*\\))/)) {
    const colour = parse(shadow);
    const sizes = shadow.replace(/rgba?\\([^)]+\\)/, "").trim().split(/\\s+/).map(parseFloat);
    if (colour && colour.a > 0.5 && !shadow.includes("inset") && (sizes[3] || 0) >= 2) {
      rings.push(contrast(colour, behind));
    }
  }
  return {
    what: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " "
      + (el.textContent || el.getAttribute("aria-label") || el.name || "").trim().slice(0, 40)
      + " @" + Math.round(box.top + window.scrollY) + "," + Math.round(box.left),
    best: rings.length ? Math.max(...rings) : 0,
    visible: box.width > 0 && box.height > 0,
  };
}
"""

DUPLICATE_IDS_JS = """
() => {
  const seen = {};
  document.querySelectorAll("[id]").forEach((e) => { seen[e.id] = (seen[e.id] || 0) + 1; });
  return Object.keys(seen).filter((id) => seen[id] > 1);
}
"""

WIDEST_JS = """
() => {
  const limit = document.documentElement.clientWidth;
  const wide = [];
  document.querySelectorAll("body *").forEach((e) => {
    const r = e.getBoundingClientRect();
    if (r.right > limit + 1 && r.width > 0) {
      wide.push(e.tagName.toLowerCase() + "." + e.className + " "
        + (e.textContent || "").trim().slice(0, 30));
    }
  });
  return wide.slice(-3);
}
"""


def staff_crawl(username: str) -> list[str]:
    """The staff pages ``username`` reaches from the start page, as test_staff_markup crawls."""
    client = Client()
    client.force_login(Bruker.objects.get(username=username))
    seen, queue, pages = set(), ["/ansatt/"], []
    while queue and len(seen) < STAFF_PAGES_PER_USER:
        url = queue.pop(0)
        parts = urlsplit(url)
        if parts.path in seen or not parts.path.startswith("/ansatt/"):
            continue
        if parts.path.startswith(("/ansatt/logg-ut/", "/ansatt/innlogging/")):
            continue
        seen.add(parts.path)
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        pages.append(parts.path + (f"?{parts.query}" if parts.query else ""))
        parser = PageLinks(f"http://testserver{parts.path}")
        parser.feed(response.content.decode())
        queue.extend(link for link in parser.links if urlsplit(link).netloc in ("", "testserver"))
    return pages


def unnamed_controls(page) -> list[str]:
    """Form controls the browser's accessibility tree gives no name."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    unnamed = []
    for node in nodes:
        if node.get("ignored"):
            continue
        role = node.get("role", {}).get("value")
        if role in CONTROL_ROLES and not (node.get("name", {}).get("value") or "").strip():
            unnamed.append(f"{role} (backend node {node.get('backendDOMNodeId')})")
    return unnamed


def test_no_public_page_scrolls_sideways_at_320_px(demo, chromium, live_server):
    pages = crawl_public()
    assert len(pages) >= 150, len(pages)
    context = chromium.new_context(viewport=NARROW, locale="nb-NO")
    page = context.new_page()
    wide = []
    for url in pages:
        page.goto(f"{live_server.url}{url}")
        scroll, client = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if scroll > client:
            wide.append((url, scroll, page.evaluate(WIDEST_JS)))
    context.close()
    assert wide == []


FOCUS_PAGES = ["/", "/bekymret/?uro=", "/tiltak/", "/veileder/nivaa/0/", "/ansatt/logg-inn/"]


@pytest.mark.parametrize("path", FOCUS_PAGES)
def test_every_element_the_keyboard_reaches_shows_a_focus_ring_of_3_to_1(demo, open_page, path):
    page = open_page(path)
    weak, reached, first = [], 0, None
    for _ in range(250):
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS_RING_JS)
        if ring is None:
            continue
        if ring["what"] == first:
            break  # round the page once
        first = first or ring["what"]
        reached += 1
        if ring["visible"] and ring["best"] < 3:
            weak.append((ring["what"], round(ring["best"], 2)))
    assert reached >= 10, reached
    assert weak == []


def test_phone_menu_is_one_row_until_opened_and_opens_without_javascript(
    demo, chromium, live_server
):
    context = chromium.new_context(viewport=PHONE, locale="nb-NO", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    nav = page.get_by_role("navigation", name="Hovedmeny")
    assert nav.bounding_box()["height"] < 60
    heading = page.locator("h1").bounding_box()
    assert heading["y"] + heading["height"] < PHONE["height"]  # the page starts on screen one
    assert not nav.get_by_role("link", name="Tiltak").is_visible()
    nav.locator("summary").click()
    assert nav.get_by_role("link", name="Tiltak").is_visible()
    nav.get_by_role("link", name="Tiltak").click()
    assert page.url.endswith("/tiltak/")
    context.close()


def test_wide_menus_are_one_row_at_1280_px(demo, open_page, live_server):
    page = open_page("/")
    tops = page.locator(".site-nav .nav-wide li").evaluate_all(
        "items => items.map(i => i.getBoundingClientRect().top)"
    )
    assert len(tops) == 7
    assert len(set(tops)) == 1, tops
    log_in(page, live_server, "koordinator", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/ansatt/")
    tops = page.locator(".site-nav .nav-wide li").evaluate_all(
        "items => items.map(i => i.getBoundingClientRect().top)"
    )
    assert len(tops) >= 8
    assert len(set(tops)) == 1, tops


def test_every_control_has_a_name_and_no_id_repeats_on_the_public_and_staff_crawl(
    demo, chromium, live_server
):
    problems, visited = [], 0
    context = chromium.new_context(viewport=DESKTOP, locale="nb-NO")
    page = context.new_page()
    for url in crawl_public():
        page.goto(f"{live_server.url}{url}")
        visited += 1
        if unnamed := unnamed_controls(page):
            problems.append((url, "unnamed", unnamed))
        if duplicates := page.evaluate(DUPLICATE_IDS_JS):
            problems.append((url, "duplicate ids", duplicates))
    context.close()
    staff_visited = 0
    for username in STAFF_USERS:
        paths = staff_crawl(username)
        context = chromium.new_context(viewport=DESKTOP, locale="nb-NO")
        page = context.new_page()
        log_in(page, live_server, username, DEMO_PASSWORD)
        for path in paths:
            page.goto(f"{live_server.url}{path}")
            staff_visited += 1
            if unnamed := unnamed_controls(page):
                problems.append((username, path, "unnamed", unnamed))
            if duplicates := page.evaluate(DUPLICATE_IDS_JS):
                problems.append((username, path, "duplicate ids", duplicates))
        context.close()
    assert visited >= 150, visited
    assert staff_visited >= 50, staff_visited
    assert problems == []


def test_an_invalid_form_leads_with_an_error_summary_that_takes_focus(demo, open_page, live_server):
    page = open_page("/bekymret/")
    page.get_by_role("button", name="Vis hva jeg kan gjøre").click()
    page.wait_for_load_state()
    assert page.title().startswith("Feil: ")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    summary = page.locator("#error-summary")
    link = summary.get_by_role("link")
    assert link.count() == 1
    link.click()
    assert page.evaluate("document.activeElement.id") == "id_uro_0"

    log_in(page, live_server, "koordinator", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/ansatt/innhold/side/ny/")
    page.get_by_role("button", name="Lagre", exact=True).click()
    page.wait_for_load_state()
    assert page.title().startswith("Feil: ")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    links = page.locator("#error-summary a")
    assert links.count() >= 3
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href")[1:]
        assert page.locator(f"#{target}").count() == 1, target
    links.first.click()
    assert page.evaluate("document.activeElement.id") == links.first.get_attribute("href")[1:]


def test_statement_and_privacy_page_are_linked_from_public_and_staff_footers(
    demo, open_page, live_server
):
    page = open_page("/tiltak/")
    footer = page.locator("footer")
    footer.get_by_role("link", name="Tilgjengelighetserklæring").click()
    assert page.locator("h1").inner_text() == "Tilgjengelighetserklæring"
    page.locator("footer").get_by_role("link", name="Personvern").click()
    assert page.locator("h1").inner_text() == "Personvern"
    log_in(page, live_server, "ansatt.skole", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/ansatt/")
    assert page.locator("footer").get_by_role("link", name="Tilgjengelighetserklæring").count() == 1
    assert page.locator("footer").get_by_role("link", name="Personvern").count() == 1
