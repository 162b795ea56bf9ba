"""``{% public_fragment %}``: a part of a page rendered once per generation of public content.

The model's levels, a guide level's steps and the front page's services change only when public
content does, and ``page_cache`` starts a new generation on every such change. Between two
changes the part's HTML is the same for everyone who asks for the same address in the same
language and variant, so it is rendered once and kept under that generation (issue 19: the work
of a page the page cache does not serve, done once instead of per request).

    {% load fragment_tags %}
    {% public_fragment staff %} … {% endpublic_fragment %}

The key is the generation, the template and line, the address's path (not its query string:
a part that depends on a parameter names it after the tag), the language, whether the visitor is
logged in, and the values named after the tag (here: whether the staff variant is
shown). What is inside must depend on nothing else: not on who the user is or what they may
see (a page that shows staff more at the same address must not use it), no form or CSRF
token, no message. With ``PAGE_CACHE_SECONDS = 0`` nothing is kept.
"""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import cache

from bts_portal import page_cache
from bts_portal.content.translation import current_language

register = template.Library()


class PublicFragmentNode(template.Node):
    def __init__(self, nodelist, vary_on):
        self.nodelist = nodelist
        self.vary_on = vary_on

    def _key(self, context) -> str:
        request = context.get("request")
        parts = [
            self.origin.name if self.origin else "",
            str(self.token.lineno if self.token else 0),
            getattr(request, "path", ""),
            current_language(),
            # Never shared between a visitor and a logged-in user, whatever the page.
            str(getattr(getattr(request, "user", None), "is_authenticated", False)),
            *(repr(value.resolve(context)) for value in self.vary_on),
        ]
        digest = hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()
        return f"public-fragment:{page_cache.generation()}:{digest}"

    def render(self, context):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds:
            return self.nodelist.render(context)
        key = self._key(context)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, timeout=seconds)
        return html


@register.tag
def public_fragment(parser, token):
    vary_on = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endpublic_fragment",))
    parser.delete_first_token()
    return PublicFragmentNode(nodelist, vary_on)
