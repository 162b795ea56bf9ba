"""Synonyms the coordinator edits in the staff area; a query word also finds its synonyms.

Words are compared by their stems, so "helsesøstra" finds what "helsesøster" finds.
"""

from bts_portal.page_cache import per_content

from .models import Synonym
from .text import stem, tokens

# The list a new installation starts with (sok migration 0002 and load_demo add the missing
# ones; a word the coordinator has changed or removed is left as it is).
DEFAULT_SYNONYMS = [
    # Bokmål and nynorsk: the words people type, and those the content uses.
    ("helsesøster", "helsesykepleier, helsesjukepleiar, helsestasjon", False),
    ("helsesøstre", "helsesykepleier, helsesjukepleiar, helsestasjon", False),
    ("skolesykepleier", "helsesykepleier, skolehelsetjenesten", True),
    ("mobbing", "mobbet, mobbe, mobbes, mobba, plaging, utestengt", True),
    ("mobbet", "mobbing, mobbe, plaget", True),
    ("skilsmisse", "samlivsbrudd, samlivsbrot, separasjon", False),
    ("samlivsbrudd", "skilsmisse, separasjon, samlivsbrot", True),
    ("angst", "engstelig, engsteleg, redd, uro, psykisk helse", False),
    ("depresjon", "trist, nedstemt, psykisk helse", False),
    ("søvn", "sove, sover, søvnproblemer", True),
    ("rus", "alkohol, narkotika, rusmidler", True),
    ("vold", "vald, overgrep, mishandling", False),
    ("barnevern", "barneverntjenesten, barnevernet, barnevernstenesta", True),
    ("fravær", "skolefravær, skulefråvær", False),
    ("psykolog", "psykisk helse, samtale", False),
    ("sorg", "død, dødsfall, tap", True),
    # English, for the English pages.
    ("bullied", "bullying", True),
    ("divorce", "separation", True),
    ("anxiety", "mental health, worried", False),
    ("nurse", "public health nurse, health centre", False),
]


def seed_default_synonyms(model=Synonym) -> int:
    """Add the default synonyms that are missing; returns how many were added."""
    existing = set(model.objects.values_list("term", flat=True))
    missing = [
        model(term=term, alternatives=alternatives, both_ways=both_ways)
        for term, alternatives, both_ways in DEFAULT_SYNONYMS
        if term not in existing
    ]
    model.objects.bulk_create(missing)
    return len(missing)


def expansions(language: str) -> dict[str, list[tuple[str, ...]]]:
    """stem of a query word -> the phrases (tuples of lowercase words) it also finds; worked
    out once until the synonyms (public content) change, not for every search."""
    return per_content(f"search-synonyms:{language}", lambda: _expansions(language))


def _expansions(language: str) -> dict[str, list[tuple[str, ...]]]:
    mapping: dict[str, list[tuple[str, ...]]] = {}

    def add(word: str, phrases: list[tuple[str, ...]]) -> None:
        key = stem(word, language)
        bucket = mapping.setdefault(key, [])
        for phrase in phrases:
            if phrase and phrase not in bucket and phrase != (word,):
                bucket.append(phrase)

    for synonym in Synonym.objects.only("term", "alternatives", "both_ways"):
        term = tuple(tokens(synonym.term.lower()))
        phrases = [tuple(tokens(a.lower())) for a in synonym.alternative_list()]
        if len(term) == 1:
            add(term[0], phrases)
        if synonym.both_ways:
            for phrase in phrases:
                if len(phrase) == 1:
                    add(phrase[0], [term, *(p for p in phrases if p != phrase)])
    return mapping
