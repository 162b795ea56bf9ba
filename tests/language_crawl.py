"""Reading the public pages as a nynorsk or English reader does: which visible text is the
bokmål text of some content, and whether it is marked ``lang="nb"``.

Bokmål content is found by comparing the page's text nodes with the bokmål fields of the
content in the database (those whose translation says something else), whole node by whole
node, and each part of a node between " · " or ", " (a list of themes, a service and an age).
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from bts_portal.content.markdown import markdown_to_text
from bts_portal.content.translation import SUFFIXES
from oversetting import sources

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
INVISIBLE = {"script", "style", "template", "title", "head"}
SEPARATORS = re.compile(r"\s+[·–]\s+|,\s+")
MIN_LENGTH = 4  # shorter texts (a level number, "BTS") say nothing of the language


def normal(text: str) -> str:
    return " ".join(text.split()).strip(" .")


def _segments(value: str) -> set[str]:
    """A field's text as the page may show it: whole, each paragraph or line, as plain text."""
    out = {normal(value), normal(markdown_to_text(value))}
    for block in re.split(r"\n\s*\n|\n", value):
        out.add(normal(markdown_to_text(block)))
    return {s for s in out if len(s) >= MIN_LENGTH}


@dataclass
class BokmalContent:
    texts: set[str] = field(default_factory=set)  # every bokmål segment that is not also nn/en
    titles: set[str] = field(default_factory=set)  # the titles/names among them


TITLE_FIELDS = {"title", "name", "term"}


def bokmal_content(language: str) -> BokmalContent:
    """The public content's bokmål texts that differ from their ``language`` translation."""
    found = BokmalContent()
    suffix = SUFFIXES[language]
    for model in sources.models():
        for obj in model.objects.filter(sources.PUBLIC_ROWS[model._meta.label]):
            for name in sources.translated_fields(model):
                source = getattr(obj, name) or ""
                translation = getattr(obj, name + suffix) or ""
                if not source.strip() or normal(source) == normal(translation):
                    continue
                segments = _segments(source) - _segments(translation)
                found.texts |= segments
                if name in TITLE_FIELDS:
                    found.titles |= segments
    return found


class TextNodes(HTMLParser):
    """(text, language of the nearest ancestor with ``lang``) for every visible text node."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.nodes: list[tuple[str, str]] = []

    def _lang(self) -> str:
        return next((lang for _tag, lang in reversed(self.stack) if lang), "")

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if any(tag in INVISIBLE for tag, _lang in self.stack):
            return
        text = normal(data)
        if text:
            self.nodes.append((text, self._lang()))


def unmarked_bokmal(html: str, content: BokmalContent) -> tuple[list[str], int]:
    """The bokmål content on the page that no ``lang="nb"`` marks, and the page's total
    visible characters."""
    parser = TextNodes()
    parser.feed(html)
    found, total = [], 0
    for text, lang in parser.nodes:
        total += len(text)
        if lang == "nb":
            continue
        parts = {text, *(normal(p) for p in SEPARATORS.split(text))}
        hits = [p for p in parts if p in content.texts]
        if hits:
            found.append(text)
    return found, total
