"""Glossary links (issue 19 made ``link_terms`` walk only as far as it must): on any page,
the same links as the plain rule — every text outside tags and skipped elements, in order,
each word's first appearance linked once."""

import re

from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext
from hypothesis import given, settings
from hypothesis import strategies as st

from samhandling import glossary

WORDS = {"bti": "bti", "stafettlogg": "stafettlogg", "stafettlogger": "stafettlogg", "sfo": "sfo"}
TERMS = glossary.Terms(
    re.compile(r"(?<![\w-])(stafettlogger|stafettlogg|bti|sfo)(?![\w-])", re.IGNORECASE),
    WORDS,
    "test",
)


def _oracle(html: str, seen: set[str]) -> str:
    """Part by part: split at tags, follow the skipped elements, substitute in text."""
    base, hint = reverse("samhandling:glossary"), escape(gettext("explained in the glossary"))
    skipping: list[str] = []
    parts = re.split(r"(<[^>]*>)", html)
    for index, part in enumerate(parts):
        if part.startswith("<"):
            match = re.match(r"<\s*(/?)\s*([a-zA-Z0-9]+)", part)
            if not match:
                continue
            closing, name = match.group(1) == "/", match.group(2).lower()
            if name in glossary.VOID_ELEMENTS or part.endswith("/>"):
                continue
            if closing:
                if name in skipping:
                    while skipping and skipping.pop() != name:
                        pass
            elif name in glossary.SKIP_ELEMENTS or skipping:
                skipping.append(name)
            continue
        if skipping or not part:
            continue

        def link(match):
            slug = WORDS[match.group(1).lower()]
            if slug in seen:
                return match.group(0)
            seen.add(slug)
            return (
                f'<a class="term" href="{base}#{slug}">{match.group(0)}'
                f'<span class="visually-hidden"> ({hint})</span></a>'
            )

        parts[index] = TERMS.pattern.sub(link, part)
    return "".join(parts)


pieces = st.sampled_from([
    "<p>", "</p>", "<a href='x'>", "</a>", "<h2>", "</h2>", "<br>", "<img alt='BTI'/>",
    "<label>", "</label>", "<span class='bti'>", "</span>", "<div title=\"stafettlogg\">",
    "</div>", " ", "BTI", "bti-møte", "Stafettlogg", "stafettlogger", "SFO", "sfo.", "ord",
    "xbti", "&lt;", "&gt;", "<!-- sfo -->", "<em>", "</em>",
])  # fmt: skip
# (Pages are escaped HTML: a "<" in text is always "&lt;".)


@settings(max_examples=400, deadline=None)
@given(
    html=st.lists(pieces, max_size=30).map("".join),
    seen=st.sets(st.sampled_from(["bti", "sfo"])),
)
def test_links_are_those_of_the_plain_rule(html, seen):
    expected_seen = set(seen)
    expected = _oracle(html, expected_seen)
    actual_seen = set(seen)
    assert glossary._link_terms(html, actual_seen, TERMS) == expected
    assert actual_seen == expected_seen


def test_navigation_is_not_linked_but_the_text_after_it_is():
    # A breadcrumb's current page ("Stafettlogg") is no place for a link to the glossary.
    html = (
        '<nav aria-label="x"><ol><li aria-current="page">Stafettlogg</li></ol></nav>'
        "<p>Stafettlogg</p>"
    )
    linked = glossary._link_terms(html, set(), TERMS)
    nav, after = linked.split("</nav>")
    assert 'class="term"' not in nav
    assert after.startswith('<p><a class="term" href="')
