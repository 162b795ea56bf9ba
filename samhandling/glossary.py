"""Links the first place a glossary word appears on a page to its explanation in the ordliste.

The public pages pass their main content through ``link_terms`` once (the ``glossary`` block
tag in ``public/base.html``), so no template or text needs hand-made links: a word the
coordinator adds to the glossary is linked on every page where it appears.
"""

import functools
import hashlib
import re
import uuid
from collections import OrderedDict
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bts_portal.content.models import Status

from .models import Begrep

CACHE_KEY = "samhandling:glossary:v2"
CACHE_SECONDS = 3600
# Text inside these elements is never linked: links, headings, form controls, code, and
# navigation (a breadcrumb's current page, a list of levels, the pages of a result).
SKIP_ELEMENTS = {
    "a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "label", "legend", "option",
    "select", "textarea", "script", "style", "summary", "title", "code", "pre", "abbr",
    "dfn", "svg", "form", "nav",
}  # fmt: skip
VOID_ELEMENTS = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area"}
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")


@dataclass(frozen=True)
class Terms:
    pattern: re.Pattern | None
    slugs: dict[str, str]  # lower-cased form -> the entry's slug
    version: str = ""  # new each time the words are loaded from the database


def _load_terms() -> Terms:
    slugs: dict[str, str] = {}
    for begrep in Begrep.objects.filter(status=Status.PUBLISHED).order_by("term"):
        for form in begrep.forms():
            slugs.setdefault(form.lower(), begrep.slug)
    version = uuid.uuid4().hex
    if not slugs:
        return Terms(None, {}, version)
    alternatives = "|".join(re.escape(f) for f in sorted(slugs, key=len, reverse=True))
    # A word on its own: not part of a longer word or a compound joined by a hyphen.
    pattern = re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE)
    return Terms(pattern, slugs, version)


def terms() -> Terms:
    cached = cache.get(CACHE_KEY)
    if cached is None:
        loaded = _load_terms()
        source = loaded.pattern.pattern if loaded.pattern else ""
        cache.set(CACHE_KEY, (source, loaded.slugs, loaded.version))
        return loaded
    source, slugs, version = cached
    return Terms(re.compile(source, re.IGNORECASE) if source else None, slugs, version)


def _forget_terms(**kwargs):
    cache.delete(CACHE_KEY)


def connect_signals() -> None:
    """A saved or deleted word is linked (or no longer) on the next page shown."""
    for signal in (post_save, post_delete):
        signal.connect(_forget_terms, sender=Begrep, dispatch_uid="samhandling-glossary-terms")


# Linked pages by (terms, language, text, words linked before): the same page text gets the
# same links, so a page built again (a first visitor after a change, a staff member) does not
# walk its HTML again. Bounded; a changed glossary gives new keys.
_LINKED: OrderedDict = OrderedDict()
_LINKED_MAX = 256


def link_terms(html: str, seen: set[str] | None = None) -> str:
    """``html`` with the first appearance of each glossary word linked to its entry.

    ``seen`` holds the slugs already linked on this page and is updated, so that a page
    rendered in parts links each word once."""
    found = terms()
    if found.pattern is None or not html:
        return html
    seen = set() if seen is None else seen
    key = (
        found.version,
        get_language(),
        hashlib.blake2b(html.encode(), digest_size=16).digest(),
        frozenset(seen),
    )
    if (known := _LINKED.get(key)) is not None:
        _LINKED.move_to_end(key)
        linked, added = known
        seen.update(added)
        return linked
    before = set(seen)
    linked = _link_terms(html, seen, found)
    _LINKED[key] = (linked, frozenset(seen - before))
    if len(_LINKED) > _LINKED_MAX:
        _LINKED.popitem(last=False)
    return linked


def _link_terms(html: str, seen: set[str], found: Terms) -> str:
    """Link each word's first appearance in text that is not inside a tag or a skipped
    element. The words are found first, in one pass of the pattern over the whole page; the
    tags are then walked only as far as the last word that still needs a link."""
    # Only the words that appear at all (a plain substring test is far cheaper than the
    # whole alternation at every position of the page).
    lower = html.lower()
    present = tuple(
        form
        for form in sorted(found.slugs, key=len, reverse=True)
        if form in lower and found.slugs[form] not in seen
    )
    if not present:
        return html
    wanted = []
    for match in _pattern(present).finditer(html):
        slug = found.slugs.get(match.group(1).lower())
        if slug is not None and slug not in seen:
            wanted.append((match, slug))
    if not wanted:
        return html
    base = reverse("samhandling:glossary")
    hint = escape(_("explained in the glossary"))
    tags = _TAG.finditer(html)
    tag = next(tags, None)
    skipping: list[str] = []
    out: list[str] = []
    done = 0  # html[:done] is in out
    for match, slug in wanted:
        if slug in seen:
            continue
        start = match.start()
        # The open elements before this word.
        while tag is not None and tag.end() <= start:
            _enter(tag.group(0), skipping)
            tag = next(tags, None)
        if (tag is not None and tag.start() < start) or skipping:
            continue  # inside a tag's own text, or in a link, a heading, a form control …
        seen.add(slug)
        out.append(html[done:start])
        out.append(
            f'<a class="term" href="{base}#{slug}">{match.group(0)}'
            f'<span class="visually-hidden"> ({hint})</span></a>'
        )
        done = match.end()
    out.append(html[done:])
    return "".join(out)


@functools.lru_cache(maxsize=512)
def _pattern(forms: tuple[str, ...]) -> re.Pattern:
    """A word on its own: not part of a longer word or a compound joined by a hyphen."""
    alternatives = "|".join(re.escape(form) for form in forms)
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE)


def _enter(tag: str, skipping: list[str]) -> None:
    """Follow one tag: the stack of skipped elements we are inside."""
    match = _TAG_NAME.match(tag)
    if not match:
        return
    closing, name = match.group(1) == "/", match.group(2).lower()
    if name in VOID_ELEMENTS or tag.endswith("/>"):
        return
    if closing:
        if name in skipping:
            while skipping and skipping.pop() != name:
                pass
    elif name in SKIP_ELEMENTS or skipping:
        skipping.append(name)
