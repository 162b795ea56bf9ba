"""Markdown from editors reaches pages only through the sanitiser."""

from bts_portal.content.markdown import highlight, markdown_to_text, render_markdown

HOSTILE = (
    "Hei <script>alert('x')</script>\n\n"
    '<img src="x" onerror="alert(1)">\n\n'
    '[klikk](javascript:alert(1)) og <a href="javascript:alert(2)">her</a>\n\n'
    '<iframe src="https://evil.example/"></iframe>\n\n'
    '<p onclick="alert(3)">avsnitt</p>\n\n'
    "[data](data:text/html;base64,PHNjcmlwdD4=)"
)


def test_script_event_handlers_javascript_links_and_iframes_are_removed():
    html = str(render_markdown(HOSTILE)).lower()
    for forbidden in [
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "<img",
        "data:text",
    ]:
        assert forbidden not in html, forbidden
    assert "avsnitt" in html


def test_ordinary_markdown_survives():
    html = str(
        render_markdown("## Overskrift\n\n- punkt\n\n[Bufdir](https://bufdir.no) **viktig**")
    )
    assert "<h2>Overskrift</h2>" in html
    assert "<li>punkt</li>" in html
    assert 'href="https://bufdir.no"' in html
    assert 'rel="noopener noreferrer"' in html
    assert "<strong>viktig</strong>" in html


def test_a_top_level_heading_becomes_h2_so_the_page_keeps_one_h1():
    assert "<h1>" not in str(render_markdown("# Tittel"))


def test_plain_text_for_snippets_has_no_markup():
    assert markdown_to_text("## Tittel\n\nEn *viktig* tekst") == "Tittel En viktig tekst"


def test_highlight_escapes_text_and_marks_terms():
    snippet = str(highlight("Barnehagen <b>og</b> skolen", ["barnehage"]))
    assert "<mark>Barnehage</mark>n" in snippet
    assert "&lt;b&gt;" in snippet


def test_an_empty_translated_text_renders_no_empty_block(db):
    from bts_portal.templatetags.content_tags import trmarkdown
    from tiltaksoversikt.models import Moteplass

    assert trmarkdown(Moteplass(body=""), "body") == ""
    assert trmarkdown(Moteplass(body="Tekst."), "body").startswith('<div class="prose" lang="nb">')
